"""LengthFilter: drops by word count at its thresholds, never edits text."""

from __future__ import annotations

import pytest

from saring import Document, Dropped, LengthFilter, StepStats

SENTENCE = (
    "Badan Meteorologi Klimatologi dan Geofisika memperkirakan hujan lebat disertai angin "
    "kencang akan melanda sebagian besar wilayah Jawa Barat hingga akhir pekan ini"
)
WORDS = SENTENCE.split(" ")


def _text(n: int) -> str:
    """Return an Indonesian text of exactly ``n`` whitespace-separated words."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(n))


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        (0, "quality/too_short"),
        (4, "quality/too_short"),
        (5, "quality/too_short"),
        (6, None),
        (10, None),
        (11, "quality/too_long"),
        (40, "quality/too_long"),
    ],
)
def test_reason_at_the_boundaries(words: int, reason: str | None) -> None:
    step = LengthFilter(min_words=6, max_words=10)
    assert len(_text(words).split()) == words
    assert step.reason(Document(id="d1", text=_text(words))) == reason


def test_default_thresholds_are_gophers() -> None:
    step = LengthFilter()
    assert step.reason(Document(id="a", text=_text(49))) == "quality/too_short"
    assert step.reason(Document(id="b", text=_text(50))) is None
    assert step.reason(Document(id="c", text=_text(100_000))) is None
    assert step.reason(Document(id="d", text=_text(100_001))) == "quality/too_long"


def test_words_are_split_on_any_whitespace() -> None:
    text = "Harga\tbawang\n\nmerah  naik\u00a0tajam"
    assert LengthFilter(min_words=5, max_words=5).reason(Document(id="d", text=text)) is None
    assert LengthFilter(min_words=6).reason(Document(id="d", text=text)) == "quality/too_short"


def test_handle_drops_with_the_reason_and_keeps_text() -> None:
    doc = Document(id="pendek", text="Lihat foto lainnya")
    result = LengthFilter().handle(doc, StepStats("length"))
    assert isinstance(result, Dropped)
    assert (result.reason, result.doc.id, result.doc.text) == (
        "quality/too_short",
        "pendek",
        "Lihat foto lainnya",
    )
    assert result.duplicate_of is None


def test_handle_returns_kept_document_unchanged() -> None:
    doc = Document(id="cukup", text=_text(60))
    result = LengthFilter().handle(doc, StepStats("length"))
    assert result is doc
    assert doc.text == _text(60)
