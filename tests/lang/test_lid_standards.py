"""Words of one standard only (Indonesian or Malay): the list, how they are counted, how they
enter the choice between the two, and the cap on the score of a choice they do not back."""

from __future__ import annotations

import math
from importlib import resources

import pytest

from saring.lang import LanguageID, standards, training
from saring.lang.model import NaiveBayes
from saring.lang.model_io import load

TOY = {
    "id": ["pemerintah tidak mau ke sana", "kami tidak tahu apa yang terjadi"],
    "ms": ["kerajaan tidak mahu ke sana", "kami tidak tahu apa yang berlaku"],
    "en": ["the government does not want to go", "we do not know what happened"],
}
MARKERS = {"bahwa": "id", "bahawa": "ms", "rumah sakit": "id", "mana-mana": "ms", "pasal": "id"}


def toy(**changes: object) -> NaiveBayes:
    counts = {lang: training.count(texts, (1, 2, 3), 1000) for lang, texts in TOY.items()}
    return training.train(counts, (1, 2, 3), 1000, 0.1, 1).replace(pair=("id", "ms"), **changes)


def listed_lines() -> list[list[str]]:
    path = resources.files("saring").joinpath("data", "lid", standards.MARKERS)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_the_list_names_each_phrase_once_with_a_language_and_its_counterpart() -> None:
    lines = listed_lines()
    assert all(len(fields) == 3 and fields[1] in {"id", "ms"} for fields in lines)
    phrases = [fields[0].casefold() for fields in lines]
    assert len(phrases) == len(set(phrases))
    table = standards.markers()
    assert table["bahwa"] == "id"
    assert table["bahawa"] == "ms"
    assert table["rumah sakit"] == "id"
    assert len(table) == len(lines)
    assert sum(lang == "id" for lang in table.values()) >= 100
    assert sum(lang == "ms" for lang in table.values()) >= 100


def test_markers_count_capitalised_words_hyphenated_words_and_phrases_once() -> None:
    text = "Menimbang bahwa Rumah Sakit wajib ... Mana-mana orang; BAHAWA; rumah besar; sakit."
    assert standards.count("kewajibannya, kewajipanlah", MARKERS | {"kewajiban": "id"}) == {"id": 1}
    assert standards.count(text, MARKERS) == {"id": 2, "ms": 2}
    assert standards.count("Pasal 28 ayat (3)", MARKERS) == {"id": 1}
    assert standards.count("", MARKERS) == {}
    assert standards.count("mana mana", MARKERS) == {}, "the hyphen is part of the word"


def test_every_marker_is_more_frequent_on_its_side_in_wordfreq() -> None:
    """wordfreq's lists (Wikipedia, subtitles, social media) are independent of the list."""
    wordfreq = pytest.importorskip("wordfreq")
    wrong = {}
    for phrase, lang in standards.markers().items():
        if " " in phrase:
            continue  # wordfreq combines the words of a phrase and cannot tell their order
        other = "ms" if lang == "id" else "id"
        mine = wordfreq.word_frequency(phrase, lang, minimum=1e-9)
        theirs = wordfreq.word_frequency(phrase, other, minimum=1e-9)
        if math.log(mine / theirs) < math.log(standards.MIN_ODDS):
            wrong[phrase] = round(math.log(mine / theirs), 2)
    assert wrong == {}


def test_a_marker_turns_the_choice_between_the_pair_and_leaves_the_rest() -> None:
    text = "kami tidak tahu apa yang berlaku"
    plain = toy()
    marked = toy(markers={"tahu": "id"}, marker_weight=50.0)
    before, _ = plain.log_likelihoods(text)
    after, _ = marked.log_likelihoods(text)
    i, m, e = (plain.langs.index(lang) for lang in ("id", "ms", "en"))
    assert before[m] > before[i]
    assert after[i] > after[m]
    assert after[i] - after[m] == pytest.approx(before[i] - before[m] + 50.0 * plain.temperature)
    assert max(after) == max(before)
    assert after[e] == before[e]
    assert marked.marker_lead(text) == 1
    english = "we do not know what happened"
    assert marked.log_likelihoods(english) == plain.log_likelihoods(english)


def test_the_pair_prior_moves_the_choice_between_the_pair_by_prior_times_temperature() -> None:
    text = "kami tidak tahu apa yang berlaku"
    plain = toy(markers={"bahawa": "ms"})
    leaning = toy(markers={"bahawa": "ms"}, pair_prior=3.0, temperature=2.0)
    before, _ = plain.log_likelihoods(text)
    after, _ = leaning.log_likelihoods(text)
    i, m, e = (plain.langs.index(lang) for lang in ("id", "ms", "en"))
    assert after[i] - after[m] == pytest.approx(before[i] - before[m] + 3.0 * 2.0)
    assert max(after) == max(before)
    assert after[e] == before[e]
    english = "we do not know what happened"
    assert leaning.log_likelihoods(english) == plain.log_likelihoods(english)


def test_the_shipped_model_leans_to_indonesian_only_by_a_prior_of_its_grid() -> None:
    model = load()
    assert 0 < model.pair_prior <= 2.0, "scripts/train_lid.py PAIR_PRIORS"


def test_a_choice_between_the_pair_without_backing_markers_scores_at_most_unsure() -> None:
    model = toy(markers={"bahawa": "ms"}, marker_weight=1.0, unsure=0.8, temperature=0.1)
    bare = model.probabilities("kami tidak tahu apa yang berlaku")
    assert bare[0] == ("ms", 0.8)
    assert bare[1][0] == "id"
    assert sum(p for _, p in bare) == pytest.approx(1.0)
    backed = model.probabilities("kami tidak tahu bahawa apa yang berlaku")
    assert backed[0][0] == "ms"
    assert backed[0][1] > 0.8
    against = toy(markers={"berlaku": "id"}, marker_weight=0.01, unsure=0.8, temperature=0.1)
    assert against.probabilities("kami tidak tahu apa yang berlaku")[0] == ("ms", 0.8)
    english = model.probabilities("we do not know what happened")
    assert english[0][0] == "en"
    assert english[0][1] > 0.8, "only the pair's choice is capped"


def test_the_shipped_model_carries_the_markers_and_their_settings() -> None:
    model = load()
    assert model.markers == standards.markers()
    assert model.marker_weight == standards.MARKER_WEIGHT
    assert model.unsure == standards.UNSURE < 0.9


def test_statute_and_declaration_indonesian_with_markers_is_indonesian() -> None:
    step = LanguageID()
    step.setup()
    indonesian = (
        "Setiap orang berhak atas pelayanan kesehatan, dan rumah sakit wajib memberikan "
        "pertolongan pertama kepada pasien tanpa meminta uang muka."
    )
    malay = (
        "Mana-mana orang yang melakukan kesalahan di bawah seksyen ini hendaklah, apabila "
        "disabitkan, didenda tidak melebihi lima ribu ringgit."
    )
    assert step.guesses(indonesian)[0][0] == "id"
    assert step.guesses(malay)[0][0] == "ms"


def test_pair_ngrams_scales_the_naive_bayes_difference_between_the_pair_only() -> None:
    text = "kami tidak tahu apa yang berlaku"
    plain = toy(markers={"bahawa": "ms"})
    before, _ = plain.log_likelihoods(text)
    i, m, e = (plain.langs.index(lang) for lang in ("id", "ms", "en"))
    for weight in (0.0, 0.5):
        after, _ = toy(markers={"bahawa": "ms"}, pair_ngrams=weight).log_likelihoods(text)
        assert abs(after[i] - after[m]) == pytest.approx(weight * abs(before[i] - before[m]))
        assert max(after) == max(before)
        assert after[e] == before[e]
