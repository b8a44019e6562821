"""Gopher's letter and stop-word rules on tables, standings and score round-ups (news)."""

from __future__ import annotations

from saring import Document
from saring.filters.gopher import GopherQualityFilter, gopher_quality_signals
from saring.filters.profiles import profile

INTRO = (
    "Persib Bandung memimpin klasemen sementara Liga 1 setelah menang 2-0 atas Persija di "
    "Stadion Gelora Bandung Lautan Api pada Sabtu malam. Berikut klasemen lengkap hingga "
    "pekan ke-20 yang dirilis operator liga kepada wartawan."
)
CLUBS = ("Persib", "Bali United", "Persija", "PSM", "Arema", "Persebaya", "Borneo", "PSIS",
    "Madura United", "Persik", "Barito", "PSS", "Persita", "Bhayangkara")  # fmt: skip
STANDINGS = "\n".join(
    f"{n} {club} 20 {14 - n // 2} {n % 4} {n // 2 + 2} {30 - n} {10 + n} {44 - 2 * n}"
    for n, club in enumerate(CLUBS, start=1)
)
ROUNDUP = "\n\n".join(
    [
        "GIRLS BASKETBALL",
        "Palm Bay d. Rockledge 70-44",
        "Rockledge 14 11 6 15 — 44",
        "Palm Bay 18 22 13 17 — 70",
        "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points.",
        "Rockledge (0-1): Blakely 15 points. Devoe 2 points. Baker 6 points.",
        "BOYS SOCCER",
        "Viera d. Rockledge 3-1",
        "Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal. Z. Nielsen 1 goal. A. Sanger 2 saves.",
        "Melbourne d. Cocoa 8-0",
        "Melbourne (3-0): Osas Osaro 3 goals, 1 assist. Aden O'Hara 2 goals, 2 assists.",
        "Cocoa (1-2): Jordan Munoz 8 saves and Derek Mertz 3 saves.",
    ]
)


def _doc(text: str, lang: str) -> Document:
    return Document(id="d", text=text, lang=lang)


def test_a_standings_tables_numbers_are_words() -> None:
    text = INTRO + "\n\n" + STANDINGS
    s = gopher_quality_signals(text, profile("id").stop_words)
    # Every row names a club: its numbers count, though they outnumber the letter words.
    assert s["alpha_words"] < 0.5
    assert s["alpha_or_number_words"] == 1.0
    assert GopherQualityFilter().reason(_doc(text, "id")) is None
    assert s["mean_word_length"] < 3.0 < s["mean_letter_word_length"]
    # FineWeb-2's rules: the numbers shorten the words, and are not words.
    assert GopherQualityFilter(profile="fineweb2").reason(_doc(text, "id")) == (
        "quality/gopher_mean_word_length"
    )
    fineweb2 = GopherQualityFilter(profile="fineweb2", min_mean_word_length=2.0)
    assert fineweb2.reason(_doc(text, "id")) == "quality/gopher_alpha_words"


def test_a_column_or_dump_of_numbers_is_not_text() -> None:
    column = "\n".join(f"{n} {n * 7} {n * 13}" for n in range(100, 140))
    dump = " ".join(f"{n}.000" for n in range(100, 200)) + " harga di Jakarta dan Bandung"
    for text in (INTRO + "\n\n" + column, dump):
        assert gopher_quality_signals(text, frozenset())["alpha_or_number_words"] < 0.8
        assert GopherQualityFilter().reason(_doc(text, "id")) == "quality/gopher_alpha_words"


def test_a_score_roundup_is_not_judged_by_its_stop_words() -> None:
    s = gopher_quality_signals(ROUNDUP, profile("en").stop_words)
    assert s["stop_words"] == 1  # "and" only: names and numbers
    assert s["number_words"] >= profile("en").gopher_quality.table_numbers == 0.25
    assert GopherQualityFilter().reason(_doc(ROUNDUP, "en")) is None
    assert GopherQualityFilter(table_numbers=0.0).reason(_doc(ROUNDUP, "en")) == (
        "quality/gopher_stop_words"
    )
    assert GopherQualityFilter(profile="fineweb2").reason(_doc(ROUNDUP, "en")) == (
        "quality/gopher_alpha_words"
    )


def test_a_keyword_list_is_still_judged_by_its_stop_words() -> None:
    keywords = "\n".join(
        f"jual obat kuat herbal asli murah Jakarta {n} stok terbatas promo" for n in range(12)
    )
    assert gopher_quality_signals(keywords, frozenset())["number_words"] < 0.25
    assert GopherQualityFilter().reason(_doc(keywords, "id")) == "quality/gopher_stop_words"
