"""RedactPII: e-mail, IP, Indonesian phone numbers, NIK (structure checked) and NPWP."""

from __future__ import annotations

import pytest

from saring import Document, StepStats
from saring.errors import ConfigError
from saring.pii import RedactPII
from saring.pii.nik import is_nik, luhn_valid

STORY = (
    "Warga yang kehilangan KTP dapat melapor ke kelurahan. Untuk informasi lebih lanjut, "
    "hubungi humas di 0812-3456-7890 atau kirim surel ke humas.pemkot@bekasikota.go.id. "
    "Pelapor bernama Siti, NIK 3275014507900003, tinggal di Bekasi Timur."
)


def _redact(text: str, **params: object) -> tuple[str, StepStats]:
    stats = StepStats("pii")
    doc = RedactPII(**params).handle(Document(id="d", text=text), stats)  # type: ignore[arg-type]
    return doc.text, stats


def test_story_is_redacted_and_counted() -> None:
    text, stats = _redact(STORY)
    assert text == (
        "Warga yang kehilangan KTP dapat melapor ke kelurahan. Untuk informasi lebih lanjut, "
        "hubungi humas di <PHONE> atau kirim surel ke <EMAIL>. "
        "Pelapor bernama Siti, NIK <NIK>, tinggal di Bekasi Timur."
    )
    assert stats.counters == {"pii/phone": 1, "pii/email": 1, "pii/nik": 1}


@pytest.mark.parametrize(
    "phone",
    [
        "0812-3456-7890",
        "0812 3456 7890",
        "0812.3456.7890",
        "081234567890",
        "+62 812-3456-7890",
        "+6281234567890",
        "62 812 3456 789",
        "6281234567890",
        "(021) 555-1234",
        "021-5551234",
        "+62 21 5551234",
        "(+62) 811 234 567",
        "0274 512345",
    ],
)
def test_phone_formats(phone: str) -> None:
    text, stats = _redact(f"Info pemesanan: {phone}, buka setiap hari.")
    assert text == "Info pemesanan: <PHONE>, buka setiap hari."
    assert stats.counters == {"pii/phone": 1}


@pytest.mark.parametrize(
    "text",
    [
        "Rapat dimulai pukul 08.30 - 12.00 WIB di balai kota.",
        "Harga rumah Rp 1.500.000.000 di kawasan itu.",
        "Pada 2021-08-12 tercatat 0,5 persen kenaikan.",
        "Skor akhir 2-1 untuk tuan rumah pada menit 90.",
        "Kode pos 17113 dan nomor rumah 12.",
        "Jumlah penduduk 12.345.678 jiwa pada 2020.",
        "Versi aplikasi 0.12.345 sudah tersedia.",
    ],
)
def test_ordinary_numbers_are_not_phones(text: str) -> None:
    assert _redact(text)[0] == text


@pytest.mark.parametrize(
    "nik",
    [
        "3275014507900003",  # Jawa Barat, woman born 05-07-90
        "3171010101800001",  # DKI Jakarta, man born 01-01-80
        "1101017112990123",  # Aceh, woman born 31-12-99
        "9471022902000001",  # Papua Tengah (94), 29 February
        "3512344101950001",  # Jawa Timur, Luhn-valid but no card issuer prefix
    ],
)
def test_valid_niks_are_redacted(nik: str) -> None:
    assert is_nik(nik)
    assert _redact(f"Nomor {nik} terdaftar.")[0] == "Nomor <NIK> terdaftar."


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("1001014507900003", "province 10 does not exist"),
        ("2275014507900003", "province 22 does not exist"),
        ("9975014507900003", "province 99 does not exist"),
        ("3200014507900003", "regency 00"),
        ("3275000507900003", "district 00"),
        ("3275010007900003", "day 00"),
        ("3275013207900003", "day 32"),
        ("3275017207900003", "day 72 (women's days end at 71)"),
        ("3275014013900003", "month 13"),
        ("3275013002900003", "30 February"),
        ("3275014507900000", "serial 0000"),
        ("1490674536123456", "Unix timestamp followed by digits"),
        ("1490674536149067", "two timestamps run together"),
        ("6281234567890123", "phone-like number"),
    ],
)
def test_numbers_that_look_like_a_nik_are_not(number: str, why: str) -> None:
    assert not is_nik(number), why
    text = f"Nomor pesanan {number} sudah dikirim."
    assert _redact(text)[0] == text


def test_card_number_with_nik_structure_needs_nik_context() -> None:
    card = "5212341508900009"  # Mastercard prefix, Luhn-valid, and a valid NIK structure.
    assert luhn_valid(card)
    assert is_nik(card)
    text = f"Pembayaran dengan kartu {card} berhasil."
    assert _redact(text)[0] == text
    assert _redact(f"NIK: {card}")[0] == "NIK: <NIK>"
    assert _redact(f"No. KTP {card}")[0] == "No. KTP <NIK>"


def test_niks_inside_longer_numbers_are_not_redacted() -> None:
    text = "Resi 32750145079000031 dan 3.275014507900003 tetap."
    assert _redact(text)[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NPWP perusahaan 01.234.567.8-901.000 terdaftar.", "NPWP perusahaan <NPWP> terdaftar."),
        ("Nomor 09.876.543.2-123.456 sah.", "Nomor <NPWP> sah."),
        ("NPWP: 012345678901000", "NPWP: <NPWP>"),
        ("npwp nomor 0123 4567 8901 2345", "npwp nomor <NPWP>"),
        # 15 digits without the word NPWP nearby are left alone.
        ("Kode transaksi 012345678901000", "Kode transaksi 012345678901000"),
    ],
)
def test_npwp(text: str, expected: str) -> None:
    assert _redact(text)[0] == expected


def test_npwp_context_wins_over_nik() -> None:
    text, stats = _redact("NPWP 3275014507900003 milik wajib pajak orang pribadi.")
    assert text == "NPWP <NPWP> milik wajib pajak orang pribadi."
    assert stats.counters == {"pii/npwp": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Server 192.168.1.10 diretas.", "Server <IP> diretas."),
        ("Akses dari 10.0.0.255, lalu 8.8.8.8.", "Akses dari <IP>, lalu <IP>."),
        ("Alamat 2001:db8::8a2e:370:7334 diblokir.", "Alamat <IP> diblokir."),
        ("Loopback ::1 tidak dihitung.", "Loopback <IP> tidak dihitung."),
        ("Harga Rp1.200.100.100 naik.", "Harga Rp1.200.100.100 naik."),
        ("Angka 256.1.1.1 bukan alamat.", "Angka 256.1.1.1 bukan alamat."),
        ("Laga pukul 19:30:00 WIB.", "Laga pukul 19:30:00 WIB."),
    ],
)
def test_ip_addresses(text: str, expected: str) -> None:
    assert _redact(text)[0] == expected


def test_emails() -> None:
    text, stats = _redact("Kirim ke redaksi@kompas.co.id atau a.b+berita@mail.example.com ya.")
    assert text == "Kirim ke <EMAIL> atau <EMAIL> ya."
    assert stats.counters == {"pii/email": 2}


def test_tokens_and_kinds_are_configurable() -> None:
    text, stats = _redact(STORY, kinds=("email",), email_token="[surel]")
    assert "[surel]" in text
    assert "0812-3456-7890" in text
    assert "3275014507900003" in text
    assert stats.counters == {"pii/email": 1}
    with pytest.raises(ConfigError, match="kinds"):
        RedactPII(kinds=("email", "passport")).setup()


def test_redacting_twice_changes_nothing_more() -> None:
    once = _redact(STORY)[0]
    twice, stats = _redact(once)
    assert twice == once
    assert stats.counters == {}
