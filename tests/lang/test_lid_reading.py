"""How the archipelago model reads a text: stretch by stretch, English insertions left out,
stopping early once one language leads decisively; and CLD2's refused characters."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from saring.lang import training
from saring.lang.cld2 import detect, import_cld2
from saring.lang.features import STRETCH, stretches, words
from saring.lang.model import NaiveBayes
from saring.lang.model_io import load, save

ORDERS = (1, 2, 3)
# The Indonesian sample carries English words, the Malay one none: the plain model then takes
# English words as a sign of Indonesian (the confusion seen on Malay posts with an embedded
# Instagram caption).
TOY = {
    "id": [
        "saya tidak mau pergi ke kantor hari ini",
        "kami belum tahu apa yang terjadi di sana",
        "acara itu keren banget post shared by admin on the page",
    ],
    "ms": [
        "saya tidak mahu pergi ke pejabat hari ini",
        "kami belum tahu apa yang berlaku di sana",
        "majlis itu sungguh meriah kata penganjur kepada pemberita",
    ],
    "en": [
        "a post shared by the admin on the page at the time",
        "we do not know what happened there on the day",
        "the event was shared by many people on the page",
    ],
}
MALAY_POST = "Saya tidak mahu pergi ke pejabat. A post shared by the page"
BERITA = (
    "Pemerintah kota akan membangun jembatan baru di atas sungai itu tahun depan. Warga "
    "berharap jalan menuju pasar tidak lagi macet setiap pagi, kata seorang pedagang. "
)


def toy(switch_margin: float | None = None, stop_margin: float | None = None) -> NaiveBayes:
    """A small model trained on ``TOY`` with the given reading settings."""
    counts = {lang: training.count(texts, ORDERS, 1000) for lang, texts in TOY.items()}
    model = training.train(counts, ORDERS, 1000, 0.1, 1)
    return model.replace(switch_margin=switch_margin, stop_margin=stop_margin)


def test_english_insertions_no_longer_decide_between_indonesian_and_malay() -> None:
    plain, switching = toy(), toy(switch_margin=3.0)
    assert plain.probabilities(MALAY_POST)[0][0] == "id"
    assert switching.probabilities(MALAY_POST)[0][0] == "ms"
    assert switching.word_score("shared")[1] is True
    assert switching.word_score("pejabat")[1] is False
    assert plain.word_score("shared")[1] is False


def test_a_text_mostly_of_english_words_stays_english() -> None:
    text = "A post shared by the admin on the page at the time, kata dia"
    assert toy(switch_margin=3.0).probabilities(text)[0][0] == "en"


def test_english_insertions_are_left_out_of_the_known_features() -> None:
    switching = toy(switch_margin=3.0)
    left_out = [w for w in words(MALAY_POST) if switching.word_score(w)[1]]
    assert left_out == ["shared", "by", "the", "page"]
    kept = switching.log_likelihoods("Saya tidak mahu pergi ke pejabat. A post")
    assert switching.log_likelihoods(MALAY_POST) == kept
    assert toy().log_likelihoods(MALAY_POST)[1] > kept[1]


def test_stretches_end_at_word_ends_and_cover_the_text_up_to_the_limit() -> None:
    text = BERITA * 24
    spans = list(stretches(text, 3000))
    assert spans[0][0] == 0
    assert all(end == after for (_, end), (after, _) in itertools.pairwise(spans))
    for _, end in spans:
        assert text[end - 1].isalpha()
        assert not text[end].isalpha()
    assert all(end - start >= STRETCH for start, end in spans[:-1])
    assert 3000 <= spans[-1][1] < 3000 + 20
    assert list(stretches(BERITA, 3000)) == [(0, len(BERITA))]
    assert list(stretches("Halo", 3000)) == [(0, 4)]
    assert list(stretches("", 3000)) == []


def test_words_of_the_stretches_are_the_words_of_the_text() -> None:
    text = "«Presiden Joko Widodo meninjau Pasar Baru». Warga menyambutnya. " * 30
    by_stretch = [w for start, end in stretches(text, 10_000, 120) for w in words(text, start, end)]
    assert by_stretch == words(text)
    assert by_stretch[:3] == ["presiden", "meninjau", "warga"]


def test_reading_stops_once_one_language_leads_decisively() -> None:
    shipped = load()
    assert shipped.stop_margin is not None
    text = BERITA * 20
    full = shipped.replace(stop_margin=None)
    assert shipped.chars_read(text) < STRETCH + 20
    assert full.chars_read(text) >= shipped.max_chars
    assert shipped.probabilities(text)[0][0] == full.probabilities(text)[0][0] == "id"
    assert shipped.probabilities(text)[0][1] > 0.999
    # A short text is read whole either way, with the same result.
    short = BERITA.split(".")[0]
    assert shipped.log_likelihoods(short) == full.log_likelihoods(short)


def test_reading_settings_round_trip_through_the_model_file(tmp_path: Path) -> None:
    path = tmp_path / "toy.json.gz"
    save(toy(switch_margin=3.0, stop_margin=42.0), str(path))
    back = load(str(path))
    assert (back.switch_margin, back.stop_margin) == (3.0, 42.0)
    assert back.probabilities(MALAY_POST)[0][0] == "ms"


def test_a_full_word_cache_is_emptied_without_losing_the_words_being_read() -> None:
    model, reference = toy(switch_margin=3.0), toy(switch_margin=3.0)
    model.CACHE_WORDS = 3
    for text in (MALAY_POST, BERITA, "kami belum tahu apa yang terjadi"):
        assert model.log_likelihoods(text) == reference.log_likelihoods(text)
        assert len(model._cache) <= max(3, len(set(words(text))))


@pytest.mark.parametrize(
    "text",
    [
        "Harga beras naik lagi di pasar induk\x00 pekan ini, kata pedagang.",
        "Harga beras naik lagi di pasar induk\ud800 pekan ini, kata pedagang.",
        "Harga beras naik lagi di pasar induk\ufffe pekan ini, kata pedagang.",
    ],
)
def test_cld2_gets_refused_characters_replaced_and_still_answers(text: str) -> None:
    cld2 = import_cld2()
    _, found = detect(cld2, text)
    assert found
    assert found[0][0] in {"id", "ms"}
    with pytest.raises((cld2.error, UnicodeEncodeError)):
        cld2.detect(text, isPlainText=True)


def test_cld2_takes_a_form_feed_as_it_is() -> None:
    cld2 = import_cld2()
    text = "Harga beras naik lagi di pasar induk\x0cpekan ini, kata pedagang."
    assert detect(cld2, text) == detect(cld2, text.replace("\x0c", " "))
