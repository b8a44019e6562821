"""Tables, standings and score round-ups under the news profile: Gopher's letter, word-length
and stop-word rules, FineWeb's line rules, and a language without its own profile."""

from __future__ import annotations

from saring import Document
from saring.filters.fineweb import FineWebQualityFilter, fineweb_signals
from saring.filters.gopher import (
    GopherQualityFilter,
    GopherRepetitionFilter,
    gopher_quality_signals,
)
from saring.filters.profiles import profile
from saring.filters.text import is_prose
from saring.filters.thresholds import FineWebThresholds

INTRO = (
    "Persib Bandung memimpin klasemen sementara Liga 1 setelah menang 2-0 atas Persija di "
    "Stadion Gelora Bandung Lautan Api pada Sabtu malam. Berikut klasemen lengkap hingga "
    "pekan ke-20 yang dirilis operator liga kepada wartawan."
)
MENU = "Beranda\nNasional\nEkonomi\nOlahraga\nHiburan\nTekno"
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


NASCAR = "\n\n".join(
    [
        "Nesta página você terá sempre a classificação atualizada da NASCAR até a última "
        "corrida! Coloque nos seus favoritos e venha sempre conferir a classificação.",
        "Classificação final da NASCAR Cup Series em 2019 após 36 etapas, com os pontos, as "
        "vitórias e as poles de cada piloto depois da última corrida em Homestead:",
        "Pos. Piloto Pontos Vitórias Poles Top 5 Top 10",
        "\n".join(
            f"{n} {driver} {5040 - 37 * n} {n % 3} {n % 2} {17 - n} {27 - n}"
            for n, driver in enumerate(
                (
                    "Kyle Busch",
                    "Martin Truex",
                    "Kevin Harvick",
                    "Denny Hamlin",
                    "Joey Logano",
                    "Ryan Blaney",
                    "Kyle Larson",
                    "Brad Keselowski",
                    "Clint Bowyer",
                    "Chase Elliott",
                    "William Byron",
                    "Alex Bowman",
                    "Kurt Busch",
                    "Aric Almirola",
                    "Ryan Newman",
                    "Erik Jones",
                    "Daniel Suarez",
                    "Jimmie Johnson",
                    "Paul Menard",
                ),
                start=1,
            )
        ),
        "* O calendário da Cup é composto por 36 corridas.",
    ]
)


def test_a_tables_rows_are_text_for_the_line_rules() -> None:
    s = fineweb_signals(NASCAR, 30)
    # By line count the rows are short lines without punctuation; by characters, a table.
    assert s["line_punct"] < 0.2
    assert s["short_lines"] > 0.67
    assert s["line_punct_by_chars"] > 0.8
    assert s["short_lines_by_chars"] < 0.1
    # Two rows are not a table: their characters are neither prose nor spared.
    rows = [line for line in NASCAR.split("\n") if line[:1].isdigit()]
    two = fineweb_signals("\n".join(rows[:2]) + "\n" + MENU, 30)
    assert two["line_punct_by_chars"] == 0.0
    three = "\n".join(rows[:3]) + "\n" + MENU
    assert fineweb_signals(three, 30)["line_punct_by_chars"] < 0.5  # no article around them
    three_in_article = fineweb_signals(INTRO + "\n" + three, 30)
    assert three_in_article["line_punct_by_chars"] > 0.8


def test_a_page_of_draws_with_no_prose_is_not_a_table_in_an_article() -> None:
    # Lottery results: rows of a name and numbers, one stop word, no sentence.
    draws = "\n".join(
        f"Keluaran {city} {1000 + 37 * n} {2000 + 53 * n} {3000 + 71 * n} {n}"
        for n, city in enumerate(("Sydney", "Singapore", "Hongkong", "Macau", "Taiwan") * 4)
    )
    doc = _doc("Hasil hari ini\n" + draws, "id")
    s = gopher_quality_signals(doc.text, profile("id").stop_words)
    assert s["prose_words"] == 0
    assert s["number_words"] > 0.25
    assert GopherQualityFilter().reason(doc) == "quality/gopher_alpha_words"
    assert FineWebQualityFilter().reason(doc) == "quality/fineweb_line_punct"
    # The same rows under two sentences of reporting are a table in an article.
    report = _doc(INTRO + "\n\n" + draws, "id")
    assert GopherQualityFilter().reason(report) is None
    assert FineWebQualityFilter().reason(report) is None


def test_archive_links_are_not_table_rows() -> None:
    # A blog's archive widget under a snippet: "Januari 2023 (12)" is no standings row.
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni") * 3
    widget = "\n".join(f"{month} {2023 - n // 6} ({12 + n})" for n, month in enumerate(months))
    text = INTRO + "\n\n" + widget
    s = fineweb_signals(text, 30)
    assert s["line_punct_by_chars"] < 0.6
    assert FineWebQualityFilter().reason(_doc(text, "id")) == "quality/fineweb_line_punct"


def test_a_text_with_no_letters_is_named_by_the_letter_rule() -> None:
    column = "\n".join(f"{n}.{n * 7} {n * 13}" for n in range(1, 40))
    assert GopherQualityFilter().reason(_doc(column, "id")) == "quality/gopher_alpha_words"


def test_a_language_without_a_file_gets_the_news_rule_changes() -> None:
    news, papers = profile("pt"), profile("pt", "fineweb2")
    assert news.lang == "default"
    assert not news.stop_words
    assert news.fineweb.line_weight == "chars"
    assert news.gopher_quality.numbers_are_words
    # Repetition stays the papers': a doubled body in any language is still a doubled body.
    assert news.gopher_repetition == papers.gopher_repetition
    assert papers.fineweb == FineWebThresholds()
    assert papers.gopher_quality.min_lines == 1
    doc = _doc(NASCAR, "pt")
    for step in (GopherQualityFilter, GopherRepetitionFilter, FineWebQualityFilter):
        assert step().reason(doc) is None
    assert GopherQualityFilter(profile="fineweb2").reason(doc) == "quality/gopher_alpha_words"
    assert FineWebQualityFilter(profile="fineweb2").reason(doc) == "quality/fineweb_line_punct"


def test_prose_in_other_scripts_ends_with_its_own_full_stop() -> None:
    hindi = "\n".join(
        [
            "मुंबई में आज भारी बारिश हुई और कई इलाकों में पानी भर गया।",
            "नगर निगम ने लोगों से घर में रहने की अपील की है।",
            "मौसम विभाग ने अगले दो दिनों के लिए चेतावनी जारी की।",
        ]
    )
    chinese = "今天雅加达下了大雨。许多街道被淹没，交通受到严重影响。政府呼吁市民留在家中。"
    for text in (hindi, chinese):
        assert all(is_prose(line) for line in text.split("\n"))
        assert fineweb_signals(text, 30)["line_punct"] == 1.0
    assert not is_prose("Beranda")
