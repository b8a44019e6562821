"""The archipelago disambiguation model: a multinomial naive Bayes over character n-grams and
words, after langid.py (Lui & Baldwin 2012) and the n-gram profiles of Cavnar & Trenkle (1994).

The model is data, not code: ``saring/data/lid/<name>.json.gz`` holds the languages, the
feature settings, a temperature for calibrated scores (Guo et al. 2017, "On Calibration of
Modern Neural Networks") and, per language, the log-probability of each feature, quantised.
``scripts/train_lid.py`` writes it; pure Python scores it, so it needs no numerical library.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from itertools import repeat
from typing import Any

from saring.errors import ConfigError
from saring.lang.features import word_features, words

FORMAT = 1
"""Version of the model file layout this module reads and writes."""
DEFAULT_MODEL = "archipelago"
"""Name of the model that ships in ``saring/data/lid/``."""


class NaiveBayes:
    """Per-language feature log-probabilities with the settings they were trained with.

    A word always contributes the same features, so its per-language log-likelihood is
    computed once and cached (up to ``CACHE_WORDS`` words): scoring a document costs a
    dictionary look-up per distinct word.
    """

    CACHE_WORDS = 200_000

    def __init__(
        self,
        langs: tuple[str, ...],
        orders: tuple[int, ...],
        max_chars: int,
        temperature: float,
        tables: tuple[dict[str, float], ...],
    ) -> None:
        self.langs = langs
        self.orders = orders
        self.max_chars = max_chars
        self.temperature = temperature
        self.tables = tables
        """Per language (in ``langs`` order): feature → log P(feature | language)."""
        self._cache: dict[str, tuple[int, tuple[float, ...]]] = {}

    def word_score(self, word: str) -> tuple[int, tuple[float, ...]]:
        """Return how many of a word's features the model knows and the word's log-likelihood
        under each language (features it never saw count for no language)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found = word_features(word, self.orders)
        known = sum(map(self.tables[0].__contains__, found))
        score = (known, tuple(sum(map(t.get, found, repeat(0.0))) for t in self.tables))
        if len(self._cache) >= self.CACHE_WORDS:
            self._cache.clear()
        self._cache[word] = score
        return score

    def log_likelihoods(self, text: str) -> tuple[list[float], int]:
        """Return each language's log-likelihood of the first ``max_chars`` characters of a
        text and how many features of it the model knows."""
        totals = [0.0] * len(self.langs)
        known = 0
        for word, times in Counter(words(text[: self.max_chars])).items():
            word_known, score = self.word_score(word)
            if word_known:
                known += word_known * times
                for i, value in enumerate(score):
                    totals[i] += value * times
        return totals, known

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """Return (language, calibrated probability) pairs, most probable first; empty when
        the text has no feature the model knows."""
        totals, known = self.log_likelihoods(text)
        if known == 0:
            return []
        return sorted(
            zip(self.langs, softmax(totals, self.temperature), strict=True),
            key=lambda pair: -pair[1],
        )

    def to_json(self, scale: int = 20) -> dict[str, Any]:
        """Return the model as a JSON-ready mapping, log-probabilities rounded to 1/``scale``."""
        names = sorted(self.tables[0])
        return {
            "format": FORMAT,
            "langs": list(self.langs),
            "orders": list(self.orders),
            "max_chars": self.max_chars,
            "temperature": self.temperature,
            "scale": scale,
            "features": names,
            "weights": [[round(table[name] * scale) for name in names] for table in self.tables],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str) -> NaiveBayes:
        """Return the model stored in a mapping written by ``to_json``."""
        if data.get("format") != FORMAT:
            raise ConfigError(f"{where}: model format {data.get('format')!r}, expected {FORMAT}")
        scale = float(data["scale"])
        names: list[str] = data["features"]
        tables = tuple(
            dict(zip(names, (w / scale for w in weights), strict=True))
            for weights in data["weights"]
        )
        return cls(
            langs=tuple(data["langs"]),
            orders=tuple(data["orders"]),
            max_chars=int(data["max_chars"]),
            temperature=float(data["temperature"]),
            tables=tables,
        )


def softmax(values: Sequence[float], temperature: float = 1.0) -> list[float]:
    """Return the softmax of ``values / temperature``."""
    top = max(values)
    exps = [math.exp((v - top) / temperature) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


def model_path(name: str = DEFAULT_MODEL) -> str:
    """Return where a model that ships with saring is stored."""
    return str(resources.files("saring").joinpath("data", "lid", f"{name}.json.gz"))


@functools.lru_cache(maxsize=4)
def load(path: str | None = None) -> NaiveBayes:
    """Return the model at ``path``, or the one that ships with saring (read once per process:
    workers run many tasks)."""
    where = path or model_path()
    try:
        with gzip.open(where, "rb") as stream:
            data = json.load(stream)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read language model {where!r}: {exc}") from exc
    return NaiveBayes.from_json(data, where)


def save(model: NaiveBayes, path: str) -> None:
    """Write a model as compact, reproducible gzipped JSON."""
    text = json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":"))
    with open(path, "wb") as out:
        out.write(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
