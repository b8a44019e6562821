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
    ("text", "profile", "reason"),
    [
        (MENU + "\n" + MENU + "\n" + NEWS, "fineweb2", "quality/fineweb_line_punct"),
        # The news profile weighs lines by characters: the menu is a quarter of them, but
        # its line breaks per word still give it away.
        (MENU + "\n" + MENU + "\n" + NEWS, "news", "quality/fineweb_newline_ratio"),
        (
            MENU + "\n" + MENU + "\n" + MENU + "\n" + PARAGRAPHS[0],
            "news",
            "quality/fineweb_line_punct",
        ),
        (
            "\n".join(["Harga cabai naik lagi.", "Stok aman.", "Pasokan lancar!"] * 2 + PARAGRAPHS),
            "fineweb2",
            "quality/fineweb_char_dup",
        ),
        (
            "\n".join(["Harga cabai di pasar induk naik lagi hari ini."] * 3 + PARAGRAPHS),
            "news",
            "quality/fineweb_char_dup",
        ),
        (
            "\n".join(f"Skor {n}-{n + 1}." for n in range(8)) + "\n" + PARAGRAPHS[0],
            "news",
            "quality/fineweb_short_lines",
        ),
        (
            "\n".join(f"Pemberitahuan pemeliharaan jaringan {n}." for n in range(10)),
            "news",
            "quality/fineweb_newline_ratio",
        ),
    ],
)
def test_reasons(text: str, profile: str, reason: str) -> None:
    assert _reason(text, profile=profile) == reason


PRICES = [("Pertalite", "10.000"), ("Pertamax", "12.500"), ("Solar", "6.800"),
    ("Dexlite", "13.000"), ("Pertamax Turbo", "14.000"), ("Pertamina Dex", "13.500"),
    ("Biosolar", "6.800")]  # fmt: skip
LONG = [f"{p} {PARAGRAPHS[(i + 1) % 4]}" for i, p in enumerate(PARAGRAPHS)]
ARTICLE = "\n".join(
    [
        "Harga BBM Naik Mulai Besok",
        "JAKARTA, KOMPAS.com",
        *LONG[:2],
        "Daftar harga baru:",
        *(f"- {fuel} Rp {price} per liter" for fuel, price in PRICES),
        "Foto: Antrean di SPBU Cikini (Dok. Kompas)",
        *LONG[2:],
        "Penulis: Andi Saputra",
        "Editor: Rina Wulandari",
    ]
)


def test_news_judges_the_characters_of_prose_lines() -> None:
    # A heading, a dateline, a list, a caption and credits: 4 of 17 lines end in
    # punctuation, but the prose paragraphs hold most of the characters.
    s = fineweb_signals(ARTICLE, 30)
    assert s["line_punct"] == round(4 / 17, 4)
    assert s["line_punct_by_chars"] > 0.57
    assert _reason(ARTICLE, profile="fineweb2") == "quality/fineweb_line_punct"
    assert _reason(ARTICLE) is None
    # A paragraph cut off mid-sentence is still prose: it holds a sentence end.
    cut = ARTICLE.replace("akan turun.\n", "akan turun dan\n", 1)
    assert cut != ARTICLE
    assert fineweb_signals(cut, 30)["line_punct"] < s["line_punct"]
    assert fineweb_signals(cut, 30)["line_punct_by_chars"] == pytest.approx(
        s["line_punct_by_chars"], abs=0.005
    )
    assert _reason(ARTICLE, min_line_punct=0.99, enough_prose_words=0) == (
        "quality/fineweb_line_punct"
    )
    assert _reason(ARTICLE, line_weight="lines", min_line_punct=0.23, max_short_lines=0.67) is None
    assert _reason(ARTICLE, line_weight="lines") == "quality/fineweb_line_punct"


LIST_ARTICLE = "\n\n".join(
    [
        *PARAGRAPHS,
        "Pertamina juga menaikkan harga bahan bakar nonsubsidi di setiap provinsi.",
        "Harga Pertalite tidak berubah, sedangkan Pertamax naik sekitar Rp 600 per liter.",
        "Berikut daftar harga per liter yang berlaku mulai 1 Juli 2018:",
        *[
            f"{province}\nPertalite: Rp 7.800\nPertamax: Rp 9.500\nDexlite: Rp 9.000"
            for province in ("Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi")
        ],
    ]
)


def test_an_article_with_a_price_list_is_judged_by_its_prose_not_its_share() -> None:
    # Seven prose paragraphs (61 words) and a price list per province: the list holds more
    # characters than the prose, which is still an article's worth.
    s = fineweb_signals(LIST_ARTICLE, 30)
    assert s["prose_words"] >= 50
    assert 0.25 < s["line_punct_by_chars"] < 0.57
    assert _reason(LIST_ARTICLE) is None
    assert _reason(LIST_ARTICLE, enough_prose_words=0) == "quality/fineweb_line_punct"
    assert _reason(LIST_ARTICLE, enough_prose_words=100) == "quality/fineweb_line_punct"
    assert _reason(LIST_ARTICLE, min_line_punct_prose=0.55) == "quality/fineweb_line_punct"
    # A menu under one sentence has too little prose for the exemption.
    menu = MENU + "\n" + MENU + "\n" + PARAGRAPHS[0] + "\n" + PARAGRAPHS[1]
    assert fineweb_signals(menu, 30)["prose_words"] < 50
    assert _reason(menu) == "quality/fineweb_line_punct"


def test_line_punct_threshold_is_inclusive_and_from_fineweb_2_for_id() -> None:
    # 1 of 4 lines punctuated: 0.25 is at FineWeb-2's Indonesian limit (drop at <= 0.25),
    # above FineWeb's English 0.12.
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
    assert _reason(text, profile="fineweb2", min_line_punct=0.24) is None
    assert (
        FineWebQualityFilter(language="en", profile="fineweb2").reason(Document(id="e", text=text))
        is None
    )
    # The news profile: credit lines hold more characters than the one prose line.
    assert _reason(text) == "quality/fineweb_line_punct"


def test_one_line_article_is_not_judged_by_its_last_character() -> None:
    # A crawl that stores the article on one line, cut before its final full stop.
    text = " ".join(PARAGRAPHS).removesuffix(".") + " dan"
    assert fineweb_signals(text, 30)["line_punct"] == 0.0
    assert _reason(text) is None
    assert _reason(text, profile="fineweb2") == "quality/fineweb_line_punct"
    assert _reason(text, profile="fineweb2", min_lines=1) == "quality/fineweb_line_punct"
    # Even judged, the line holds sentence ends: prose.
    assert _reason(text, min_lines=1) is None


def test_a_line_repeated_once_is_news_three_times_is_not() -> None:
    text = NEWS + "\n\n" + PARAGRAPHS[1]
    s = fineweb_signals(text, 30)
    assert s["char_dup"] == round(len(PARAGRAPHS[1]) / (len(NEWS) - 6 + len(PARAGRAPHS[1])), 4)
    assert s["char_dup_3"] == 0.0
    assert _reason(text, profile="fineweb2") == "quality/fineweb_char_dup"
    assert _reason(text, profile="fineweb2", max_char_dup=0.3) is None
    assert _reason(text) is None
    thrice = text + "\n\n" + PARAGRAPHS[1]
    assert fineweb_signals(thrice, 30)["char_dup_3"] > 0.01
    assert _reason(thrice) == "quality/fineweb_char_dup"


def test_annotator_signals_are_reused_unless_short_line_length_differs() -> None:
    doc = Document(id="d", text=NEWS)
    FineWebQualitySignals().annotate(doc)
    stored = doc.metadata[QUALITY][QUALITY_FINEWEB]
    stored["short_lines_by_chars"] = 1.0
    assert FineWebQualityFilter().reason(doc) == "quality/fineweb_short_lines"
    assert FineWebQualityFilter(short_line_chars=20).reason(doc) is None


def test_a_caption_under_every_photo_is_not_a_repeated_line() -> None:
    text = "\n".join(p for paragraph in PARAGRAPHS for p in (paragraph, "(Foto: Istimewa)"))
    s = fineweb_signals(text, 30)
    assert s["char_dup_3"] > 0.01
    assert s["char_dup_3_long"] == 0.0
    assert _reason(text) is None
    assert _reason(text, profile="fineweb2") == "quality/fineweb_char_dup"
    assert _reason(text, char_dup_short_lines=True) == "quality/fineweb_char_dup"


def test_photo_tags_over_a_long_paragraph_are_not_a_page_of_short_lines() -> None:
    text = "\n".join(["Prabowo", "Zulkifli", "Hasan", "SBY", " ".join(PARAGRAPHS)])
    s = fineweb_signals(text, 30)
    assert s["short_lines"] == 0.8
    assert s["short_lines_by_chars"] < 0.1
    assert _reason(text) is None
    assert _reason(text, line_weight="lines", min_line_punct=0.1, max_short_lines=0.67) == (
        "quality/fineweb_short_lines"
    )


AWARDS = ("Biggest Fans – Shawn Mendes", "Best Hip Hop – Eminem", "Best Pop – Camila Cabello",
    "Best New – Dua Lipa", "Best Live – Ed Sheeran", "Best Rock – Coldplay",
    "Best Look – Zayn", "Best Push – Hailee Steinfeld", "Best Artist – Shawn Mendes",
    "Best Electronic – David Guetta", "Spain – Tangana", "Japan – BabyMetal",
    "Finland – Alma", "Nigeria – Davido", "Argentina – Lali", "Best US Act – Fifth Harmony",
    "Best Swiss Act – Mimiks", "Best Dutch Act – Lil Kleine", "Best Polish Act – Dawid",
    "Best Video – Kendrick Lamar", "Global Icon – U2", "Best Song – Shawn Mendes")  # fmt: skip


def test_an_article_with_an_awards_list_is_not_a_page_of_short_lines() -> None:
    # Six prose paragraphs, then one winner per line: short lines hold about half the
    # characters (over the 0.4 limit), and the prose is an article's worth (>= 50 words).
    text = "\n\n".join([*PARAGRAPHS, *LIST_ARTICLE.split("\n\n")[4:6], *AWARDS])
    s = fineweb_signals(text, 30)
    assert s["prose_words"] >= 50
    assert 0.4 < s["short_lines_by_chars"] < 0.67
    assert _reason(text) is None
    assert _reason(text, max_short_lines_prose=0.0) == "quality/fineweb_short_lines"
    assert _reason(text, enough_prose_words=100, min_line_punct=0.0) == (
        "quality/fineweb_short_lines"
    )
    # A menu under a sentence or two has too little prose: still a page of short lines.
    menu = "\n".join([PARAGRAPHS[0], *AWARDS])
    assert fineweb_signals(menu, 30)["prose_words"] < 50
    assert _reason(menu, min_line_punct=0.0, min_line_punct_prose=0.0) == (
        "quality/fineweb_short_lines"
    )
