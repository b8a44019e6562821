"""Formal Indonesian and Malay: the Indonesian-Malay word log-odds, how they enter the
decision, their storage, and floors on the formal-text sets (a golden evaluation: the
``-heldout`` sets are held out of all tuning, so their floors record what the shipped model
does, not what it was fitted to; the constitution set tunes since the blind ``-heldout-2``
sets hold out its register)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from saring.lang import LanguageID, training
from saring.lang.model import NaiveBayes
from saring.lang.model_io import load, save

TOY = {
    "id": ["pemerintah tidak mau ke sana", "kami tidak tahu apa yang terjadi"],
    "ms": ["kerajaan tidak mahu ke sana", "kami tidak tahu apa yang berlaku"],
    "en": ["the government does not want to go", "we do not know what happened"],
}


def toy(**changes: object) -> NaiveBayes:
    counts = {lang: training.count(texts, (1, 2, 3), 1000) for lang, texts in TOY.items()}
    return training.train(counts, (1, 2, 3), 1000, 0.1, 1).replace(**changes)


def test_pair_odds_are_clipped_log_ratios_with_a_floor_for_missing_words() -> None:
    indonesian = {"yang": 0.02, "bahwa": 0.01, "uang": 0.001, "langka": 1e-6}
    malay = {"yang": 0.02, "bahawa": 0.01, "uang": 0.0001, "jarang": 1e-6}
    odds = training.pair_odds(indonesian, malay, 3.0)
    assert odds["yang"] == pytest.approx(0.0, abs=0.001)
    assert odds["bahwa"] == 3.0
    assert odds["bahawa"] == -3.0
    assert odds["uang"] == pytest.approx(2.3, abs=0.01)
    assert odds["langka"] == pytest.approx(0.693, abs=0.001), "missing: the list's floor"
    assert set(odds) == {"yang", "bahwa", "bahawa", "uang", "langka", "jarang"}


def test_word_odds_decide_between_the_pair_and_leave_the_leader_as_it_was() -> None:
    odds = {"tidak": 0.0, "tahu": 4.0}
    plain = toy()
    paired = toy(pair=("id", "ms"), pair_weight=2.0, pair_odds=odds)
    text = "kami tidak tahu apa yang berlaku"
    before, _ = plain.log_likelihoods(text)
    after, _ = paired.log_likelihoods(text)
    i, m = plain.langs.index("id"), plain.langs.index("ms")
    assert before[m] > before[i]
    assert max(after) == max(before)
    assert after[i] - after[m] == pytest.approx(before[i] - before[m] + 2.0 * 4.0)
    assert after[plain.langs.index("en")] == before[plain.langs.index("en")]


def test_word_odds_do_not_touch_a_text_the_pair_does_not_lead() -> None:
    paired = toy(pair=("id", "ms"), pair_weight=50.0, pair_odds={"the": 5.0, "we": 5.0})
    text = "we do not know what happened to the government"
    assert paired.log_likelihoods(text) == toy().log_likelihoods(text)


def test_pair_settings_round_trip_and_format_2_files_still_load(tmp_path: Path) -> None:
    path = tmp_path / "toy.json.gz"
    model = toy(
        pair=("id", "ms"),
        pair_weight=8.0,
        pair_odds={"tahu": 1.5, "yang": 0.01},
        pair_prior=0.5,
        pair_ngrams=0.25,
    )
    save(model, str(path))
    back = load(str(path))
    assert back.pair == ("id", "ms")
    assert back.pair_weight == 8.0
    assert back.pair_prior == 0.5
    assert back.pair_ngrams == 0.25
    assert back.pair_odds == {"tahu": 1.5}, "odds that round to zero are not stored"
    old = json.loads(gzip.decompress(path.read_bytes()))
    old["format"] = 2
    for key in ("pair", "pair_weight", "pair_prior", "pair_ngrams", "pair_words", "pair_odds"):
        del old[key]
    path.write_bytes(gzip.compress(json.dumps(old).encode()))
    load.cache_clear()
    assert load(str(path)).pair is None
    assert load(str(path)).pair_ngrams == 1.0, "files before format 5 weigh n-grams fully"


def test_the_shipped_model_carries_the_pair() -> None:
    model = load()
    assert model.pair == ("id", "ms")
    assert model.pair_weight > 0
    assert model.pair_odds["bahwa"] > 0 > model.pair_odds["bahawa"]


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("formal-id-tuning", 0.97),
        ("formal-ms-tuning", 0.97),
        ("formal-id-charters", 0.97),
        ("formal-ms-charters", 0.96),
        ("uud1945", 0.95),
        ("formal-id-heldout", 0.98),
        ("formal-ms-heldout", 0.98),
        ("formal-id-heldout-2", 0.98),
        ("formal-ms-heldout-2", 0.98),
    ],
)
def test_formal_sets_stay_above_their_floor(name: str, floor: float) -> None:
    step = LanguageID()
    step.setup()
    texts = training.eval_set(name)
    right = sum(step.guesses(text)[0][0] == lang for text, lang in texts)
    assert right / len(texts) >= floor


def test_statute_style_indonesian_is_indonesian() -> None:
    step = LanguageID()
    step.setup()
    text = (
        "Menimbang bahwa untuk melindungi hak konsumen perlu ditetapkan peraturan daerah. "
        "Setiap pelaku usaha wajib memberikan informasi yang benar dan jelas."
    )
    assert step.guesses(text)[0][0] == "id"


@pytest.mark.parametrize(
    ("name", "coverage"),
    [
        ("formal-id-heldout", 0.55),
        ("formal-ms-heldout", 0.8),
        ("formal-id-heldout-2", 0.45),
        ("formal-ms-heldout-2", 0.8),
        ("uud1945", 0.35),
    ],
)
def test_confident_scores_are_right_on_the_formal_sets(name: str, coverage: float) -> None:
    step = LanguageID()
    step.setup()
    found = [(step.guesses(text)[0], lang) for text, lang in training.eval_set(name)]
    sure = [guess == lang for (guess, score), lang in found if score >= 0.9]
    assert len(sure) >= coverage * len(found)
    assert sum(sure) >= 0.99 * len(sure)
