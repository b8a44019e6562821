"""The archipelago model's parts: features, naive Bayes training and storage, and the
labelling and split of the evaluation corpora."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from saring.errors import ConfigError
from saring.lang import training
from saring.lang.cld2 import clean
from saring.lang.features import features, word_features, words
from saring.lang.model import softmax
from saring.lang.model_io import load, save

TOY = {
    "id": ["saya tidak mau pergi ke sana", "kami tidak tahu apa yang terjadi"],
    "min": ["ambo indak nio pai ka sinan", "kami indak tau apo nan tajadi"],
}


def test_words_leave_out_names_inside_a_sentence_but_keep_sentence_starts() -> None:
    text = "Presiden Joko Widodo meninjau Pasar Baru. Warga menyambutnya. «Senang sekali»."
    assert words(text) == ["presiden", "meninjau", "warga", "menyambutnya", "senang", "sekali"]


def test_words_keep_everything_when_most_words_are_capitalised() -> None:
    assert words("BANJIR RENDAM JAKARTA UTARA") == ["banjir", "rendam", "jakarta", "utara"]
    assert words("Harga Beras Naik Lagi") == ["harga", "beras", "naik", "lagi"]


def test_word_features_are_the_word_and_padded_ngrams() -> None:
    assert word_features("aku", (1, 2)) == ["_aku", " ", "a", "k", "u", " ", " a", "ak", "ku", "u "]
    assert features("aku, aku 99", (3,), 100) == ["_aku", " ak", "aku", "ku "] * 2
    assert features("aku aku", (3,), 3) == ["_aku", " ak", "aku", "ku "]


def test_softmax_with_temperature() -> None:
    assert softmax([0.0, 0.0]) == [0.5, 0.5]
    sharp, soft = softmax([2.0, 0.0]), softmax([2.0, 0.0], temperature=4.0)
    assert sharp[0] > soft[0] > 0.5
    assert sum(soft) == pytest.approx(1.0)


def toy_model() -> training.NaiveBayes:
    counts = {lang: training.count(texts, (1, 2, 3), 1000) for lang, texts in TOY.items()}
    return training.train(counts, (1, 2, 3), 1000, 0.1, 1)


def test_trained_model_tells_toy_languages_apart() -> None:
    model = toy_model()
    assert model.langs == ("id", "min")
    assert model.probabilities("kami tidak mau")[0][0] == "id"
    assert model.probabilities("ambo indak nio")[0][0] == "min"
    assert model.probabilities("12345 !!!") == []
    assert training.accuracy(model, [("tidak tahu", "id"), ("indak tau", "min")]) == 1.0


def test_smoothing_gives_every_language_the_same_score_for_a_feature_none_has_seen() -> None:
    counts = {"big": Counter({"a": 900, "b": 100}), "small": Counter({"a": 1, "c": 9})}
    model = training.train(counts, (1,), 100, 0.1, 1)
    big, small = model.tables
    assert big["c"] == pytest.approx(small["b"])


def test_saved_model_loads_back_with_the_same_answers(tmp_path: Path) -> None:
    model = toy_model()
    path = tmp_path / "toy.json.gz"
    save(model, str(path))
    first = path.read_bytes()
    save(model, str(path))
    assert path.read_bytes() == first, "saving is reproducible"
    back = load(str(path))
    assert back.langs == model.langs
    assert back.orders == model.orders
    for text in ("kami tidak tahu", "kami indak tau"):
        assert back.probabilities(text)[0][0] == model.probabilities(text)[0][0]


def test_a_model_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lama.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"format": 0}).encode()))
    with pytest.raises(ConfigError, match="model format"):
        load(str(path))


def test_clean_replaces_what_cld2_refuses() -> None:
    assert clean("a\x00b\x85c\ud800d\ufffee\U0010ffff") == "a b c d e "
    assert clean("Jalan\tRaya\nBogor é 🙂") == "Jalan\tRaya\nBogor é 🙂"


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.bharian.com.my/berita/nasional/2018/03/1", "ms"),
        ("http://www.astroawani.com/berita-malaysia/x", "ms"),
        ("http://english.astroawani.com/malaysia-news/x", None),
        ("https://news.detik.com/berita/d-1/x", "id"),
        ("https://www.bbc.com/indonesia/dunia-1", "id"),
        ("https://www.bbc.com/news/world-asia-1", None),
        ("https://regional.kompas.com/read/2018/1", "id"),
        ("https://sumsel.tribunnews.com/2018/1", "id"),
        ("https://www.tirto.id/x", "id"),
        ("https://www.thestar.com.my/news/1", None),
    ],
)
def test_news_label_follows_the_outlet(url: str, label: str | None) -> None:
    assert training.news_label(url) == label


def test_news_split_is_by_topic_file_and_deterministic(tmp_path: Path) -> None:
    body = "Kerajaan negeri mengumumkan bantuan baharu kepada para petani padi. " * 4
    for i, name in enumerate(["isu-a", "isu-b", "isu-c", "isu-d"]):
        records = [
            {"url": f"https://www.bharian.com.my/{name}/1", "text": f"{name} {body}"},
            {"url": f"https://www.bharian.com.my/{name}/1", "text": f"{name} {body}"},
            {"url": f"https://news.detik.com/{name}/2", "text": "Pendek."},
            {"url": f"https://www.thestar.com.my/{name}/3", "text": body},
            {"url": f"https://www.utusan.com.my/{name}/4", "text": "The minister said " * 20},
        ]
        if i == 3:
            records.append({"url": "https://www.kosmo.com.my/salinan", "text": f"isu-a {body}"})
        (tmp_path / f"{name}.json.gz").write_bytes(gzip.compress(json.dumps(records).encode()))
    train_files = [p.name for p in training.news_files(tmp_path, "train")]
    assert train_files == ["isu-a.json.gz", "isu-d.json.gz"]
    held = [p.name for p in training.news_files(tmp_path, "heldout")]
    assert held == ["isu-b.json.gz", "isu-c.json.gz"]
    train_docs = training.news_documents(tmp_path, "train")
    # The duplicate URL, the short page, the English outlet and the English article are out,
    # and so is the Kosmo copy of an article already seen.
    assert [lang for _, lang in train_docs] == ["ms", "ms"]
    seen = {training.text_key(text) for text, _ in train_docs}
    held_docs = training.news_documents(tmp_path, "heldout", exclude=seen)
    assert [text.split()[0] for text, _ in held_docs] == ["isu-b", "isu-c"]
