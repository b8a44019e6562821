"""Training and evaluation data for the archipelago model, and naive Bayes training.

Readers for the public corpora the model is trained and measured on (NusaX-MT, lingua's
sentence lists, the malay-news-2018 crawl labelled by each article's domain, wordfreq's
word-frequency lists, the formal-text sets in ``saring/data/lid/eval/``), and the split of
malay-news-2018 into training and held-out topic files, shared by ``scripts/train_lid.py``
and ``benchmarks/lid.py`` so both see the same split.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from saring.errors import ConfigError
from saring.lang.features import MAX_WORD, features
from saring.lang.model import NaiveBayes, softmax

NUSAX_COLUMNS = {
    "indonesian": "id",
    "javanese": "jv",
    "sundanese": "su",
    "minangkabau": "min",
    "english": "en",
}
"""NusaX-MT column → language code, for the languages the model knows."""

MS_HOSTS = (
    "utusan.com.my",
    "bharian.com.my",
    "astroawani.com",
    "sinarharian.com.my",
    "malaysiakini.com",
    "kosmo.com.my",
    "hmetro.com.my",
    "harakahdaily.net",
    "agendadaily.com",
    "bernama.com",
)
"""Malaysian outlets that publish in Malay (subdomains included, except ``EN_HOSTS``)."""
ID_HOSTS = (
    "tribunnews.com",
    "detik.com",
    "republika.co.id",
    "kompas.com",
    "cnnindonesia.com",
    "merdeka.com",
    "liputan6.com",
    "tempo.co",
    "tirto.id",
    "okezone.com",
    "kumparan.com",
    "voaindonesia.com",
    "suara.com",
    "beritasatu.com",
    "sindonews.com",
    "bisnis.com",
    "cnbcindonesia.com",
    "jpnn.com",
    "antaranews.com",
    "jawapos.com",
)
"""Indonesian outlets (subdomains included); any ``.id`` host counts as Indonesian too."""
ID_PATHS = ("bbc.com/indonesia", "dw.com/id/")
"""Indonesian sections of international outlets (host without ``www.`` plus path)."""
EN_HOSTS = ("english.astroawani.com",)
"""English editions of otherwise Malay outlets."""
MIN_NEWS_CHARS = 200
"""Shorter malay-news-2018 records are empty pages or captions and are skipped."""
_ENGLISH = "the and of to is that in for with was on are by this from have has it be as at"
ENGLISH_WORDS = frozenset(_ENGLISH.split())
"""Frequent English function words, to skip English articles that Malay outlets also carry."""
MAX_ENGLISH_SHARE = 0.08
"""An article with more of its words in ``ENGLISH_WORDS`` is English, whatever its outlet."""
TRAIN_EVERY = 3
"""Every third malay-news-2018 topic file (sorted by name, from the first) is for training."""
_FORMAL = ("tuning", "charters", "heldout", "heldout-2")
EVAL_SETS = {f"formal-{lang}-{kind}": lang for kind in _FORMAL for lang in ("id", "ms")}
EVAL_SETS["uud1945"] = "id"
"""The formal-text sets in ``saring/data/lid/eval/`` (one text a line) and their language:
the ``TUNING_SETS`` choose the register and pair settings of ``scripts/train_lid.py``; the
``HELD_OUT_SETS`` play no part in training or tuning."""
TUNING_SETS = (
    *(f"formal-{lang}-{kind}" for kind in _FORMAL[:2] for lang in ("id", "ms")),
    "uud1945",
)
"""The ``EVAL_SETS`` that tune: statutes; charters, preambles, oaths, decrees (``-charters``);
the constitution's articles (``uud1945``; the blind ``-heldout-2`` sets hold out its register)."""
HELD_OUT_SETS = tuple(name for name in EVAL_SETS if "-heldout" in name)
"""The ``EVAL_SETS`` held out of all training and tuning."""
_LETTERS = re.compile(r"[^\W\d_]+")


def news_label(url: str) -> str | None:
    """Return ``"ms"`` or ``"id"`` for an article of a known Malaysian or Indonesian outlet, by
    its host, or ``None`` (English editions, unknown outlets)."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    path = host + urlsplit(url).path
    if host in EN_HOSTS:
        return None
    if any(host == h or host.endswith("." + h) for h in MS_HOSTS):
        return "ms"
    if path.startswith(ID_PATHS) or host.endswith(".id"):
        return "id"
    if any(host == h or host.endswith("." + h) for h in ID_HOSTS):
        return "id"
    return None


def english_share(text: str) -> float:
    """Return the share of a text's words that are frequent English function words."""
    found = re.findall(r"[a-z]+", text.lower())
    return sum(w in ENGLISH_WORDS for w in found) / max(1, len(found))


def news_files(folder: Path, part: str) -> list[Path]:
    """Return the malay-news-2018 topic files of a part: ``"train"`` (every ``TRAIN_EVERY``-th
    file by name), ``"heldout"`` (the others) or ``"all"``."""
    files = sorted(folder.glob("*.json.gz"))
    if part == "all":
        return files
    chosen = [i % TRAIN_EVERY == 0 for i in range(len(files))]
    want = part == "train"
    return [f for f, is_train in zip(files, chosen, strict=True) if is_train == want]


def text_key(text: str) -> str:
    """Return a key under which copies of one article (wire syndication) compare equal."""
    return " ".join(re.findall(r"\w+", text.casefold()))[:300]


def news_documents(
    folder: Path, part: str, exclude: set[str] | None = None
) -> list[tuple[str, str]]:
    """Return (text, language) of the labelled malay-news-2018 articles of a part: first
    occurrence of each URL, at least ``MIN_NEWS_CHARS`` long, not English (see
    ``MAX_ENGLISH_SHARE``), and none whose ``text_key`` is in ``exclude`` or seen before."""
    seen_urls: set[str] = set()
    seen_text = set(exclude or ())
    found = []
    for path in news_files(folder, part):
        with gzip.open(path, "rb") as stream:
            records = json.load(stream)
        for record in records:
            url, text = record.get("url") or "", (record.get("text") or "").strip()
            label = news_label(url)
            if label is None or url in seen_urls or len(text) < MIN_NEWS_CHARS:
                continue
            seen_urls.add(url)
            if english_share(text) > MAX_ENGLISH_SHARE:
                continue
            key = text_key(text)
            if key in seen_text:
                continue
            seen_text.add(key)
            found.append((text, label))
    return found


def eval_set(name: str) -> list[tuple[str, str]]:
    """Return the (text, language) pairs of one of the ``EVAL_SETS``."""
    return [(line, EVAL_SETS[name]) for line in data_lines("eval", name)]


def data_lines(folder: str, name: str) -> list[str]:
    """Return the non-empty stripped lines of ``saring/data/lid/<folder>/<name>.txt``."""
    path = resources.files("saring").joinpath("data", "lid", folder, f"{name}.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def wordfreq_lists(langs: Iterable[str]) -> dict[str, dict[str, float]]:
    """Return wordfreq's word frequencies (letter-only words) for each language, or raise a
    one-line error naming the package to install."""
    try:
        import wordfreq
    except ImportError as exc:
        raise ConfigError(
            "training the language model needs wordfreq: pip install 'saring[train]'"
        ) from exc
    return {
        lang: {
            word: freq
            for word, freq in wordfreq.get_frequency_dict(lang).items()
            if len(word) <= MAX_WORD and _LETTERS.fullmatch(word)
        }
        for lang in langs
    }


def pair_odds(
    first: Mapping[str, float],
    second: Mapping[str, float],
    clip: float,
    shared: float = math.inf,
    shrink: float = 1.0,
) -> dict[str, float]:
    """Return each word's log-odds between two languages' frequency lists, a word missing
    from one list counted at that list's lowest frequency, clipped to ±``clip``, and times
    ``shrink`` for a word both lists hold at frequency ``shared`` or more."""
    floor_first, floor_second = min(first.values()), min(second.values())
    found = {}
    for word in sorted(set(first) | set(second)):
        mine, theirs = first.get(word, 0.0), second.get(word, 0.0)
        odds = max(-clip, min(clip, math.log((mine + floor_first) / (theirs + floor_second))))
        found[word] = odds * shrink if min(mine, theirs) >= shared else odds
    return found


def nusax_sentences(folder: Path, split: str) -> dict[str, list[str]]:
    """Return NusaX-MT sentences of a split (``train``, ``valid``, ``test``) by language."""
    with open(folder / f"{split}.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return {code: [row[col] for row in rows] for col, code in NUSAX_COLUMNS.items()}


def lingua_sentences(folder: Path, lang: str) -> list[str]:
    """Return the non-empty lines of lingua's sentence list for a language."""
    lines = (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def count(
    texts: Iterable[str], orders: tuple[int, ...], max_chars: int, cap: int | None = None
) -> Counter[str]:
    """Return feature counts over texts, stopping once ``cap`` features were counted."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        found = features(text, orders, max_chars)
        counts.update(found)
        total += len(found)
        if cap is not None and total >= cap:
            break
    return counts


def train(
    counts: Mapping[str, Mapping[str, float]],
    orders: tuple[int, ...],
    max_chars: int,
    smoothing: float,
    min_count: int,
) -> NaiveBayes:
    """Return a multinomial naive Bayes model with uniform priors over the features counted at
    least ``min_count`` times in all. Each language's counts get ``smoothing`` of their total
    as smoothing mass, spread over the vocabulary, so that an unseen feature scores alike in a
    language trained on much text (Malay news) and in one trained on little (Minangkabau):
    with plain add-one smoothing the small language wins every unseen word."""
    langs = tuple(sorted(counts))
    overall: dict[str, float] = {}
    for per_lang in counts.values():
        for feature, n in per_lang.items():
            overall[feature] = overall.get(feature, 0) + n
    vocab = [f for f, n in overall.items() if n >= min_count]
    tables = []
    for lang in langs:
        per_lang = counts[lang]
        seen = sum(per_lang.get(f, 0) for f in vocab)
        pseudo = smoothing * seen / len(vocab)
        total = seen + pseudo * len(vocab)
        tables.append({f: math.log((per_lang.get(f, 0) + pseudo) / total) for f in vocab})
    return NaiveBayes(langs, orders, max_chars, 1.0, tuple(tables))


def accuracy(model: NaiveBayes, labelled: list[tuple[str, str]]) -> float:
    """Return the share of labelled texts whose most probable language is their label."""
    right = 0
    for text, lang in labelled:
        found = model.probabilities(text)
        right += bool(found) and found[0][0] == lang
    return right / len(labelled)


def fit_temperature(model: NaiveBayes, labelled: list[tuple[str, str]]) -> float:
    """Return the temperature (from a grid) that minimises the log loss on labelled texts."""
    scored = []
    for text, lang in labelled:
        totals, known = model.log_likelihoods(text)
        if known and lang in model.langs:
            scored.append((totals, model.langs.index(lang)))
    best, best_loss = 1.0, math.inf
    for temperature in [2.0 ** (k / 2) for k in range(-4, 19)]:
        loss = -sum(
            math.log(max(softmax(totals, temperature)[gold], 1e-12)) for totals, gold in scored
        )
        if loss < best_loss:
            best, best_loss = temperature, loss
    return best
