"""RemoveRepeatedLines: a line equal to the previous non-blank line goes."""

from __future__ import annotations

from saring import Document, RemoveRepeatedLines, StepStats

TITLE = "Putin dan Xi Jinping Bertemu, Sinyal Keras untuk AS"
BODY = (
    "PRESIDEN Rusia Vladimir Putin dan Presiden Tiongkok Xi Jinping mengadakan pertemuan "
    "bilateral pada Kamis waktu setempat."
)


def _clean(text: str) -> tuple[str, StepStats]:
    """Return the cleaned text and the stats of one RemoveRepeatedLines run."""
    stats = StepStats("repeated")
    doc = RemoveRepeatedLines().handle(Document(id="d1", text=text), stats)
    return doc.text, stats


def test_title_printed_twice_with_blank_line_between_is_removed_once() -> None:
    text, stats = _clean(f"{TITLE}\n\n{TITLE}\n{BODY}")
    assert text == f"{TITLE}\n\n{BODY}"
    assert stats.lines_removed == {"clean/repeated_line": 1}


def test_title_printed_twice_in_a_row_is_removed_once() -> None:
    text, stats = _clean(f"{TITLE}\n{TITLE}\n\n{BODY}")
    assert text == f"{TITLE}\n\n{BODY}"
    assert stats.lines_removed["clean/repeated_line"] == 1


def test_repeat_differing_in_case_and_spacing_is_removed() -> None:
    text, stats = _clean(f"{TITLE}\n  {TITLE.upper()}  \n{BODY}")
    assert text == f"{TITLE}\n{BODY}"
    assert stats.lines_removed["clean/repeated_line"] == 1


def test_every_consecutive_copy_is_counted() -> None:
    text, stats = _clean("Iklan\nIklan\n\nIklan\nSelesai")
    assert text == "Iklan\n\nSelesai"
    assert stats.lines_removed["clean/repeated_line"] == 2


def test_line_repeated_non_consecutively_is_kept() -> None:
    quote = "Menurut polisi, korban berjumlah tiga orang."
    raw = f"{quote}\n{BODY}\n{quote}"
    text, stats = _clean(raw)
    assert text == raw
    assert not stats.lines_removed


def test_similar_but_different_lines_are_kept() -> None:
    raw = "Sesi 1: pembukaan\nSesi 2: pembukaan"
    text, stats = _clean(raw)
    assert text == raw
    assert sum(stats.lines_removed.values()) == 0


def test_blank_lines_are_not_repeats() -> None:
    raw = f"{TITLE}\n\n\n\n{BODY}"
    text, stats = _clean(raw)
    assert text == raw
    assert not stats.lines_removed
