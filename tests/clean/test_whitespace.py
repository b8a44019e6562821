"""NormalizeWhitespace: space runs, line endings, blank-line runs, stripping."""

from __future__ import annotations

import pytest

from saring import Document, NormalizeWhitespace, StepStats


def _clean(text: str) -> tuple[str, StepStats]:
    """Return the cleaned text and the stats of one NormalizeWhitespace run."""
    stats = StepStats("whitespace")
    doc = NormalizeWhitespace().handle(Document(id="d1", text=text), stats)
    return doc.text, stats


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Banjir\trendam   Kampung Melayu", "Banjir rendam Kampung Melayu"),
        ("Harga\t \t beras   naik lagi", "Harga beras naik lagi"),
        # Form feed and vertical tab (a word processor's manual break) end a line.
        ("Harga beras naik\f\vlagi", "Harga beras naik\n\nlagi"),
        ("Gempa di Cianjur\r\nWarga mengungsi\r\n", "Gempa di Cianjur\nWarga mengungsi"),
        ("Baris satu\rBaris dua", "Baris satu\nBaris dua"),
        ("Paragraf pertama.\n\n\n\nParagraf kedua.", "Paragraf pertama.\n\nParagraf kedua."),
        ("Paragraf pertama.\n \t\n  \nParagraf kedua.", "Paragraf pertama.\n\nParagraf kedua."),
        ("Paragraf pertama.\r\n\r\n\r\nParagraf kedua.", "Paragraf pertama.\n\nParagraf kedua."),
        ("\n\n   Judul berita   \n  Isi berita.  \n\n", "Judul berita\nIsi berita."),
    ],
)
def test_whitespace_is_normalised(raw: str, clean: str) -> None:
    text, stats = _clean(raw)
    assert text == clean
    assert stats.counters["docs_changed"] == 1


def test_single_blank_line_is_kept_as_paragraph_break() -> None:
    raw = "Jakarta diguyur hujan deras.\n\nBMKG meminta warga waspada."
    text, stats = _clean(raw)
    assert text == raw
    assert stats.counters["docs_changed"] == 0


def test_whitespace_only_text_becomes_empty() -> None:
    text, stats = _clean(" \t\r\n\n  \n")
    assert text == ""
    assert stats.counters["docs_changed"] == 1


def test_result_is_stable_when_run_again() -> None:
    once, _ = _clean("  Sidang  kabinet\t\tdigelar \r\n\r\n\r\n\r\nPresiden  hadir.  ")
    twice, stats = _clean(once)
    assert once == "Sidang kabinet digelar\n\nPresiden hadir."
    assert twice == once
    assert stats.counters["docs_changed"] == 0
