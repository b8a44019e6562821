"""The temperature that keeps the promise: among texts scored 0.9 or more, 99% right."""

from __future__ import annotations

from saring.lang import calibration, training
from saring.lang.model import NaiveBayes
from saring.lang.model_io import load

TOY = {
    "id": ["pemerintah tidak mau ke sana", "kami tidak tahu apa yang terjadi"],
    "ms": ["kerajaan tidak mahu ke sana", "kami tidak tahu apa yang berlaku"],
}


def toy() -> NaiveBayes:
    counts = {lang: training.count(texts, (1, 2, 3), 1000) for lang, texts in TOY.items()}
    return training.train(counts, (1, 2, 3), 1000, 0.1, 1)


def test_precision_counts_only_confident_decisions() -> None:
    model = toy().replace(temperature=0.01)
    labelled = [("kerajaan tidak mahu ke sana", "ms"), ("kerajaan tidak mahu ke sana", "id")]
    assert calibration.precision(model, labelled) == 0.5
    assert calibration.precision(model.replace(temperature=1e6), labelled) == 1.0, "none sure"


def test_precision_scores_as_the_model_does_with_the_cap_on_unbacked_choices() -> None:
    model = toy().replace(temperature=0.01, pair=("id", "ms"), markers={"bahawa": "ms"})
    wrong = [("kerajaan tidak mahu ke sana", "id")]
    assert calibration.precision(model, wrong) == 0.0
    capped = model.replace(marker_weight=1.0, unsure=0.85)
    assert capped.probabilities(wrong[0][0])[0] == ("ms", 0.85)
    assert calibration.precision(capped, wrong) == 1.0, "capped below 0.9: not confident"


def test_the_temperature_rises_until_a_confident_mistake_is_no_longer_confident() -> None:
    model = toy()
    easy = [("pemerintah tidak mau ke sana", "id"), ("kerajaan tidak mahu ke sana", "ms")]
    wrong = [("kami tidak tahu apa yang terjadi di kerajaan", "ms")]
    start = calibration.GRID[0]
    assert model.probabilities(wrong[0][0])[0][0] == "id"
    cold = calibration.keep_promise(model, {"easy": easy}, start)
    hot = calibration.keep_promise(model, {"easy": easy, "hard": wrong}, start)
    assert cold == start
    assert hot > cold
    top = model.replace(temperature=hot).probabilities(wrong[0][0])[0][1]
    assert top < calibration.SURE
    assert calibration.keep_promise(model, {"easy": easy}, 8.0) == 8.0, "never below start"


def test_the_shipped_model_has_a_temperature_of_the_grid_and_stops_reading_beyond_it() -> None:
    model = load()
    assert model.temperature in calibration.GRID
    assert model.stop_margin is not None
    assert model.stop_margin > model.temperature
