"""NormalizeUnicode: mojibake repair, NFC, odd spaces and invisible characters."""

from __future__ import annotations

import unicodedata

import pytest

from saring import Document, NormalizeUnicode, StepStats


def _clean(text: str, step: NormalizeUnicode | None = None) -> tuple[str, StepStats]:
    """Return the cleaned text and the stats of one NormalizeUnicode run."""
    stats = StepStats("unicode")
    doc = (step or NormalizeUnicode()).handle(Document(id="d1", text=text), stats)
    return doc.text, stats


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("PertemuanÂ tersebut akan berlangsung", "Pertemuan tersebut akan berlangsung"),
        ("PertemuanÂ\u00a0tersebut akan berlangsung", "Pertemuan tersebut akan berlangsung"),
        ("Menu Ã  la carte di hotel Bali", "Menu à la carte di hotel Bali"),
        ("Kafe di Bandung menjual crÃ¨me brÃ»lÃ©e", "Kafe di Bandung menjual crème brûlée"),
        ("SeÃ±or Prabowo tiba di Madrid", "Señor Prabowo tiba di Madrid"),
        ("Menteri Retno Marsudi mengatakanâ€¦", "Menteri Retno Marsudi mengatakan…"),
        ("â€œKami siap,â€\x9d kata Kapolda", "“Kami siap,” kata Kapolda"),
    ],
)
def test_mojibake_is_repaired(raw: str, fixed: str) -> None:
    text, stats = _clean(raw)
    assert text == fixed
    assert stats.counters["docs_changed"] == 1


def test_mojibake_is_left_when_fix_encoding_is_off() -> None:
    text, _ = _clean("Kafe crÃ©pes", NormalizeUnicode(fix_encoding=False))
    assert text == "Kafe crÃ©pes"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u2007", "\u205f"])
def test_non_breaking_and_typographic_spaces_become_plain_spaces(space: str) -> None:
    text, _ = _clean(f"Suhu di Jakarta mencapai 34{space}°C pada Selasa{space}siang")
    assert text == "Suhu di Jakarta mencapai 34 °C pada Selasa siang"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("peng\u200bumuman hasil pemilu", "pengumuman hasil pemilu"),
        ("ke\u00admen\u00adterian kesehatan", "kementerian kesehatan"),
        ("\ufeffPresiden meresmikan bendungan", "Presiden meresmikan bendungan"),
        ("Kuala\u2060Lumpur", "KualaLumpur"),
    ],
)
def test_zero_width_characters_and_soft_hyphens_are_removed(raw: str, clean: str) -> None:
    text, _ = _clean(raw)
    assert text == clean


def test_control_characters_are_removed_but_tabs_and_newlines_kept() -> None:
    text, _ = _clean("Sidang\x07 dimulai\x00 pukul\t09.00\nWIB\x7f")
    assert text == "Sidang dimulai pukul\t09.00\nWIB"


def test_zero_width_joiners_are_kept() -> None:
    text, _ = _clean("teks dengan ZWJ a\u200db dan ZWNJ c\u200cd")
    assert text == "teks dengan ZWJ a\u200db dan ZWNJ c\u200cd"


def test_curly_quotes_are_kept() -> None:
    raw = "“Kami tidak akan mundur,” ujar warga. ‘Itu janji kami’, katanya."
    text, stats = _clean(raw)
    assert text == raw
    assert stats.counters["docs_changed"] == 0


def test_text_is_composed_to_nfc() -> None:
    decomposed = "Cafe\u0301 di Yogyakarta, pe\u0301rdana"
    text, stats = _clean(decomposed)
    assert text == "Caf\u00e9 di Yogyakarta, p\u00e9rdana"
    assert unicodedata.is_normalized("NFC", text)
    assert stats.counters["docs_changed"] == 1


def test_nfkc_folds_compatibility_characters_when_asked() -> None:
    text, _ = _clean("Skor akhir ½ dan ﬁnal", NormalizeUnicode(normalization="NFKC"))
    assert text == "Skor akhir 1⁄2 dan final"


def test_clean_text_is_left_alone_and_not_counted() -> None:
    raw = "Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp80.000 per kilogram."
    text, stats = _clean(raw)
    assert text == raw
    assert stats.counters["docs_changed"] == 0
    assert not stats.lines_removed


def test_other_fields_are_untouched() -> None:
    doc = Document(id="d7", text="Jakarta\u00a0Utara", url="https://www.kompas.com/a", lang="id")
    out = NormalizeUnicode().handle(doc, StepStats("unicode"))
    assert (out.id, out.text, out.domain, out.lang) == ("d7", "Jakarta Utara", "kompas.com", "id")
