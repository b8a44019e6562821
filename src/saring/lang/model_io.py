"""The language model's file: ``saring/data/lid/<name>.json.gz``, gzipped JSON of the
languages, the feature settings, a temperature for calibrated scores (Guo et al. 2017, "On
Calibration of Modern Neural Networks"), per language the log-probability of each feature,
quantised, and word log-odds between two close languages (Indonesian and Malay) from
word-frequency lists of other sources than the training text (see
``saring.lang.model.NaiveBayes``). ``scripts/train_lid.py`` writes it.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources
from typing import Any

from saring.errors import ConfigError
from saring.lang import standards
from saring.lang.model import NaiveBayes

FORMAT = 5
"""Version of the model file layout this module writes (2 added ``switch_margin`` and
``stop_margin``, 3 the pair log-odds, 4 the pair's prior, 5 the pair's n-gram weight)."""
READS = (2, 3, 4, 5)
"""Versions of the model file layout this module reads (a format-2 file has no pair)."""
DEFAULT_MODEL = "archipelago"
"""Name of the model that ships in ``saring/data/lid/``."""


def to_json(model: NaiveBayes, scale: int = 20) -> dict[str, Any]:
    """Return the model as a JSON-ready mapping, log-probabilities rounded to 1/``scale``."""
    names = sorted(model.tables[0])
    rounded = ((w, round(model.pair_odds[w] * scale)) for w in sorted(model.pair_odds))
    odds = [(w, q) for w, q in rounded if q]
    return {
        "format": FORMAT,
        "langs": list(model.langs),
        "orders": list(model.orders),
        "max_chars": model.max_chars,
        "temperature": model.temperature,
        "switch_margin": model.switch_margin,
        "stop_margin": model.stop_margin,
        "pair": list(model.pair) if model.pair else None,
        "pair_weight": model.pair_weight,
        "pair_prior": model.pair_prior,
        "pair_ngrams": model.pair_ngrams,
        "pair_words": [w for w, q in odds],
        "pair_odds": [q for w, q in odds],
        "scale": scale,
        "features": names,
        "weights": [[round(table[name] * scale) for name in names] for table in model.tables],
    }


def from_json(data: dict[str, Any], where: str) -> NaiveBayes:
    """Return the model stored in a mapping written by ``to_json``."""
    if data.get("format") not in READS:
        raise ConfigError(f"{where}: model format {data.get('format')!r}, expected {FORMAT}")
    scale = float(data["scale"])
    switch, stop = data.get("switch_margin"), data.get("stop_margin")
    names: list[str] = data["features"]
    tables = tuple(
        dict(zip(names, (w / scale for w in weights), strict=True)) for weights in data["weights"]
    )
    return NaiveBayes(
        langs=tuple(data["langs"]),
        orders=tuple(data["orders"]),
        max_chars=int(data["max_chars"]),
        temperature=float(data["temperature"]),
        tables=tables,
        switch_margin=None if switch is None else float(switch),
        stop_margin=None if stop is None else float(stop),
        pair=(data["pair"][0], data["pair"][1]) if data.get("pair") else None,
        pair_weight=float(data.get("pair_weight", 0.0)),
        pair_prior=float(data.get("pair_prior", 0.0)),
        pair_ngrams=float(data.get("pair_ngrams", 1.0)),
        pair_odds={
            w: q / scale
            for w, q in zip(data.get("pair_words", []), data.get("pair_odds", []), strict=True)
        },
    )


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
    return with_standards(from_json(data, where))


def with_standards(model: NaiveBayes) -> NaiveBayes:
    """Return the model with the Indonesian and Malay markers of ``saring.lang.standards``
    and their settings, when its pair is those two (else the model as it is)."""
    table = standards.markers()
    if not model.pair or not set(model.pair) <= set(table.values()):
        return model
    return model.replace(
        markers=table, marker_weight=standards.MARKER_WEIGHT, unsure=standards.UNSURE
    )


def save(model: NaiveBayes, path: str) -> None:
    """Write a model as compact, reproducible gzipped JSON."""
    text = json.dumps(to_json(model), ensure_ascii=False, separators=(",", ":"))
    with open(path, "wb") as out:
        out.write(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
