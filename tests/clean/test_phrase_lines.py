"""RemovePhraseLines: related links, footers, share bars, adverts and credits by phrase list."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from saring import Document, RemovePhraseLines, StepStats
from saring.clean.phrase_lines import KINDS, available_languages
from saring.errors import ConfigError

PARAGRAPH = (
    "Bagi Putin, pertemuan ini merupakan kesempatan untuk menunjukkan bahwa Rusia tidak dapat "
    "diisolasi secara internasional."
)


def _clean(text: str, step: RemovePhraseLines | None = None) -> tuple[str, StepStats]:
    """Return the cleaned text and the stats of one RemovePhraseLines run."""
    stats = StepStats("phrases")
    doc = (step or RemovePhraseLines()).handle(Document(id="d1", text=text), stats)
    return doc.text, stats


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Baca juga: AS Ajak Uni Eropa Jatuhkan Sanksi ke Tiongkok", "clean/related_link"),
        ("Baca juga : Tiongkok dan Rusia Siap Bangun Aliansi", "clean/related_link"),
        ("BACA JUGA Polisi Tangkap Pelaku Begal di Bekasi", "clean/related_link"),
        ("Simak juga: Jokowi Resmikan Tol Cisumdawu", "clean/related_link"),
        ("» Baca Juga: Harga BBM Turun Mulai Besok", "clean/related_link"),
        ("[Baca berita penuh]", "clean/related_link"),
        ("Terkini Lainnya", "clean/related_link"),
        ("Video: Banjir Rendam Ribuan Rumah di Demak", "clean/related_link"),
        ("Watch: Flood hits Jakarta", "clean/related_link"),
        ("Read more | Floods in Kelantan", "clean/related_link"),
        (
            "Cek berita dan artikel yg lain di Google News dan dan ikuti WhatsApp channel "
            "mediaindonesia.com",
            "clean/footer",
        ),
        ("Tautan Sahabat", "clean/footer"),
        ("A- A+ (Ubah saiz teks)", "clean/footer"),
        ("Copyright © 2024 Kompas.com", "clean/footer"),
        ("Bagikan ke Facebook", "clean/share"),
        ("Kongsi", "clean/share"),
        ("ADVERTISEMENT", "clean/advert"),
        ("SCROLL TO CONTINUE WITH CONTENT", "clean/advert"),
        ("Loading...", "clean/advert"),
        ("- Bernama", "clean/credit"),
        ("-BERNAMA", "clean/credit"),
        ("Sumber : Reuters .", "clean/credit"),
        ("( ard )", "clean/credit"),
        ("(ant)", "clean/credit"),
        ("( res / res )", "clean/credit"),
        ("[ sau ]", "clean/credit"),
        ("Simak juga - Persib Pastikan Incar Cole", "clean/related_link"),
    ],
)
def test_boilerplate_line_is_removed_under_its_reason(line: str, reason: str) -> None:
    text, stats = _clean(f"{PARAGRAPH}\n{line}\n{PARAGRAPH}")
    assert text == f"{PARAGRAPH}\n{PARAGRAPH}"
    assert stats.lines_removed == {reason: 1}


@pytest.mark.parametrize(
    "line",
    [
        "Watch out for flooding on the toll road tonight.",
        "Readers in Johor say the water rose overnight.",
        "Bacaan doa dibacakan oleh tokoh agama setempat.",
        "Lihatlah betapa padatnya arus mudik tahun ini.",
        "Video yang beredar di media sosial memperlihatkan antrean panjang.",
        "Sumber dana proyek itu berasal dari APBN.",
        "Bernama melaporkan bahawa banjir semakin buruk di Kelantan.",
        "Iklan rokok dilarang tayang di televisi pada siang hari.",
        "Sumber itu menambahkan bahwa keduanya telah berteman baik.",
        "(CNBC/OL-11)",
        "Presiden Joko Widodo (Jokowi) meresmikan jalan tol itu.",
        PARAGRAPH,
    ],
)
def test_ordinary_sentences_are_kept(line: str) -> None:
    text, stats = _clean(line)
    assert text == line
    assert not stats.lines_removed


def test_long_paragraph_starting_with_a_prefix_is_kept() -> None:
    paragraph = (
        "Baca juga pernyataan lengkap Menteri Keuangan yang disampaikan di hadapan Komisi XI DPR, "
        "karena di dalamnya pemerintah menjelaskan rincian defisit anggaran, rencana penerbitan "
        "surat utang negara, serta alokasi subsidi energi yang akan dipangkas pada tahun depan."
    )
    step = RemovePhraseLines()
    assert len(paragraph) > step.max_chars
    text, stats = _clean(paragraph, step)
    assert text == paragraph
    assert not stats.lines_removed
    assert RemovePhraseLines(max_chars=len(paragraph)).kind_of(paragraph) == "related_link"


def test_whole_line_phrase_is_removed_whatever_max_chars() -> None:
    assert RemovePhraseLines(max_chars=5).kind_of("Tautan Sahabat") == "footer"
    assert RemovePhraseLines(max_chars=5).kind_of("Baca juga: Sanksi") is None


def test_seed_page_loses_its_boilerplate_lines(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    text, stats = _clean(raw)
    assert stats.lines_removed == {"clean/related_link": 3, "clean/footer": 2}
    assert "Baca juga" not in text
    assert "Cek berita dan artikel" not in text
    assert "Tautan Sahabat" not in text
    assert "Terkini Lainnya" not in text
    assert "Pertemuan itu terjadi beberapa hari sebelum Putin" in text
    assert len(text.split("\n")) == len(raw.split("\n")) - 5


def test_blank_lines_are_kept() -> None:
    text, stats = _clean(f"{PARAGRAPH}\n\nBaca juga: Sanksi Baru\n\n{PARAGRAPH}")
    assert text == f"{PARAGRAPH}\n\n\n{PARAGRAPH}"
    assert stats.lines_removed == {"clean/related_link": 1}


def test_languages_choose_the_lists() -> None:
    only_id = RemovePhraseLines(languages=("id",))
    assert only_id.kind_of("Watch: Flood hits Jakarta") is None
    assert only_id.kind_of("- Bernama") is None
    assert only_id.kind_of("Baca juga: Sanksi Baru") == "related_link"
    only_en = RemovePhraseLines(languages=("en",))
    assert only_en.kind_of("Watch: Flood hits Jakarta") == "related_link"
    assert only_en.kind_of("Tautan Sahabat") is None


def test_shipped_languages() -> None:
    assert available_languages() == ["en", "id", "ms"]


def test_unknown_language_raises_config_error() -> None:
    with pytest.raises(ConfigError, match="'jv'"):
        RemovePhraseLines(languages=("id", "jv")).setup()


def test_extra_file_adds_user_phrases(tmp_path: Path) -> None:
    extra = tmp_path / "situs.toml"
    extra.write_text(
        '[related_link]\nprefixes = ["jangan lewatkan"]\nlabels = ["pilihan"]\n'
        '[footer]\nlines = ["ikuti kami di tiktok @beritakini"]\n',
        encoding="utf-8",
    )
    step = RemovePhraseLines(extra_file=str(extra))
    raw = "\n".join(
        [
            PARAGRAPH,
            "Jangan lewatkan: Promo Tiket Kereta Lebaran",
            "Pilihan | Lima Kuliner Malam di Medan",
            "Pilihan kata dalam pidato itu menuai kritik.",
            "Ikuti kami di TikTok @beritakini.",
            "Baca juga: Sanksi Baru",
        ]
    )
    text, stats = _clean(raw, step)
    assert text == f"{PARAGRAPH}\nPilihan kata dalam pidato itu menuai kritik."
    assert stats.lines_removed == {"clean/related_link": 3, "clean/footer": 1}
    assert RemovePhraseLines().kind_of("Jangan lewatkan: Promo Tiket Kereta Lebaran") is None


def test_extra_file_with_unknown_kind_raises_config_error(tmp_path: Path) -> None:
    extra = tmp_path / "salah.toml"
    extra.write_text('[promo]\nlines = ["diskon hari ini"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="promo"):
        RemovePhraseLines(extra_file=str(extra)).setup()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[footer]\nprefix = ["ikuti kami"]\n', "unknown key 'prefix'"),
        ('[footer]\nprefixes = "ikuti kami"\n', "list of strings"),
        ("[footer]\nlines = [1, 2]\n", "list of strings"),
        ('footer = "ikuti kami"\n', "must be a table"),
        ("[footer\nlines = []\n", "not valid TOML"),
        ('[credit]\npatterns = ["(unclosed"]\n', "bad pattern"),
    ],
)
def test_malformed_extra_file_raises_config_error(
    tmp_path: Path, content: str, message: str
) -> None:
    extra = tmp_path / "rusak.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        RemovePhraseLines(extra_file=str(extra)).setup()


def test_missing_extra_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read phrase file"):
        RemovePhraseLines(extra_file=str(tmp_path / "tidak-ada.toml")).setup()


def test_declared_reasons_cover_every_kind() -> None:
    assert RemovePhraseLines.line_reasons == tuple(f"clean/{kind}" for kind in KINDS)
    assert "clean/credit" in RemovePhraseLines.line_reasons


def test_compiled_lists_are_not_pickled() -> None:
    step = RemovePhraseLines(languages=("id", "ms"))
    step.setup()
    copy = pickle.loads(pickle.dumps(step))
    assert copy == step
    assert not hasattr(copy, "_whole")
    assert copy.kind_of("- Bernama") == "credit"


def test_record_lines_keeps_each_removed_line_with_its_reason(seed_path: Path) -> None:
    doc = Document(id="seed", text=seed_path.read_text(encoding="utf-8"))
    RemovePhraseLines(record_lines=True).handle(doc, StepStats("phrases"))
    recorded = doc.metadata["removed_lines"]
    assert {"reason": "clean/footer", "line": "Tautan Sahabat"} in recorded
    assert [r["reason"] for r in recorded].count("clean/related_link") == 3
    plain = Document(id="seed", text=seed_path.read_text(encoding="utf-8"))
    RemovePhraseLines().handle(plain, StepStats("phrases"))
    assert "removed_lines" not in plain.metadata
