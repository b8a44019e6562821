"""FineWeb line ratios: signals on non-blank lines, FineWeb-2 limits for Indonesian."""

from __future__ import annotations

import pytest

from saring import Document
from saring.filters.fineweb import FineWebQualityFilter, FineWebQualitySignals, fineweb_signals
from saring.meta import QUALITY, QUALITY_FINEWEB

PARAGRAPHS = [
    "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai pekan depan.",
    "Menteri Keuangan menyebut kenaikan itu perlu untuk menjaga anggaran negara.",
    "Sejumlah pengemudi ojek daring mengaku khawatir pendapatan mereka akan turun.",
    "Pengamat energi menilai pemerintah harus memperluas bantuan langsung tunai.",
]
NEWS = "\n\n".join(PARAGRAPHS)
MENU = "\n".join(["Beranda", "Nasional", "Ekonomi", "Olahraga", "Hiburan", "Otomotif"] * 2)


def _reason(text: str, **params: float | str) -> str | None:
    return FineWebQualityFilter(**params).reason(Document(id="d", text=text))  # type: ignore[arg-type]


def test_news_passes_and_blank_lines_do_not_count() -> None:
    s = fineweb_signals(NEWS, 30)
    assert s["line_punct"] == 1.0
    assert s["short_lines"] == 0.0
    assert s["char_dup"] == 0.0
    assert s["newline_ratio"] == round(3 / len(NEWS.split()), 4)
    assert _reason(NEWS) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (MENU + "\n" + MENU + "\n" + NEWS, "quality/fineweb_line_punct"),
        (
            "\n".join(["Harga cabai naik lagi.", "Stok aman.", "Pasokan lancar!"] * 2 + PARAGRAPHS),
            "quality/fineweb_char_dup",
        ),
        (
            "\n".join(f"Skor {n}-{n + 1}." for n in range(8)) + "\n" + PARAGRAPHS[0],
            "quality/fineweb_short_lines",
        ),
        (
            "\n".join(f"Pemberitahuan pemeliharaan jaringan {n}." for n in range(10)),
            "quality/fineweb_newline_ratio",
        ),
    ],
)
def test_reasons(text: str, reason: str) -> None:
    assert _reason(text) == reason


def test_line_punct_threshold_is_inclusive_and_from_fineweb_2_for_id() -> None:
    # 1 of 4 lines punctuated: 0.25 is at FineWeb-2's Indonesian limit (drop at <= 0.25),
    # above FineWeb's English 0.12 and the news profile's 0.2.
    text = "\n".join(
        [
            PARAGRAPHS[0],
            "Tim redaksi Jakarta dan Bandung",
            "Foto oleh kontributor daerah kami",
            "Editor bertugas hari ini di kantor pusat",
        ]
    )
    assert fineweb_signals(text, 30)["line_punct"] == 0.25
    assert _reason(text, profile="fineweb2") == "quality/fineweb_line_punct"
    assert _reason(text) is None
    assert _reason(text, min_line_punct=0.25) == "quality/fineweb_line_punct"
    assert FineWebQualityFilter(language="en").reason(Document(id="e", text=text)) is None
    assert _reason(text, profile="fineweb2", min_line_punct=0.24) is None


def test_one_line_article_is_not_judged_by_its_last_character() -> None:
    # A crawl that stores the article on one line, cut before its final full stop.
    text = " ".join(PARAGRAPHS).removesuffix(".") + " dan"
    assert fineweb_signals(text, 30)["line_punct"] == 0.0
    assert _reason(text) is None
    assert _reason(text, profile="fineweb2") == "quality/fineweb_line_punct"
    assert _reason(text, min_lines=1) == "quality/fineweb_line_punct"


def test_one_repeated_line_reaches_the_char_dup_limit() -> None:
    text = NEWS + "\n\n" + PARAGRAPHS[1]
    ratio = fineweb_signals(text, 30)["char_dup"]
    assert ratio == round(len(PARAGRAPHS[1]) / (len(NEWS) - 6 + len(PARAGRAPHS[1])), 4)
    assert _reason(text) == "quality/fineweb_char_dup"
    assert _reason(text, max_char_dup=0.3) is None


def test_annotator_signals_are_reused_unless_short_line_length_differs() -> None:
    doc = Document(id="d", text=NEWS)
    FineWebQualitySignals().annotate(doc)
    stored = doc.metadata[QUALITY][QUALITY_FINEWEB]
    stored["short_lines"] = 1.0
    assert FineWebQualityFilter().reason(doc) == "quality/fineweb_short_lines"
    assert FineWebQualityFilter(short_line_chars=20).reason(doc) is None
