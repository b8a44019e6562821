"""Train saring's archipelago language model (id, ms, jv, su, min, en) from public corpora.

Usage: python scripts/train_lid.py DATA [--out src/saring/data/lid/archipelago.json.gz]

DATA is a folder holding ``nusax-mt/`` (NusaX-MT CSVs, CC-BY-SA-4.0), ``lingua-sentences/``
(Apache-2.0) and ``malay-news-2018/`` (Apache-2.0). Only NusaX's train and valid splits
and the training third of malay-news-2018's topic files (``saring.lang.training.news_files``)
are read; NusaX test and the other topic files are left for ``benchmarks/lid.py``.

Two passes: the first trains without NusaX valid and without every fifth training news
article, and on those picks the smoothing and the code-switching margin (most accurate) and
fits the score temperature (least log loss); the second trains on everything with those,
and sets where scoring may stop reading (``STOP_ODDS``). The output is byte-for-byte
reproducible.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections import Counter
from pathlib import Path

from saring.lang import training
from saring.lang.model import model_path, save

ORDERS = (1, 2, 3, 4)
"""Character n-gram lengths."""
MAX_CHARS = 3000
"""Characters of a text the model reads at most (training and scoring)."""
SMOOTHINGS = (0.01, 0.03, 0.1, 0.3)
"""Shares of each language's probability mass spread over the vocabulary as smoothing, tried
in the first pass; the one most accurate on the calibration texts is kept."""
SWITCH_MARGINS: tuple[float | None, ...] = (None, 20.0, 10.0, 5.0)
"""Margins (nats) beyond which a word likelier in English is left out as code-switching
(``NaiveBayes.switch_margin``; ``None`` keeps every word), tried in the first pass with each
smoothing; on a tie the earlier (more conservative) setting is kept."""
STOP_ODDS = 1e6
"""Reading stops once the leading language is this many times likelier than the runner-up
after calibration (``NaiveBayes.stop_margin`` = temperature × ln ``STOP_ODDS``): more text
could then hardly change the answer or its rounded score."""
MIN_COUNT = 2
"""Features seen fewer times over all languages are dropped."""
CALIBRATION_EVERY = 5
"""Every fifth training news article is held out of the first pass to fit the temperature."""


def corpora(data: Path, final: bool) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Return training texts by language and the calibration texts (empty when ``final``)."""
    nusax = training.nusax_sentences(data / "nusax-mt", "train")
    valid = training.nusax_sentences(data / "nusax-mt", "valid")
    news = training.news_documents(data / "malay-news-2018", "train")
    calibration = [] if final else [(t, lang) for lang, ts in valid.items() for t in ts]
    if not final:
        calibration += news[::CALIBRATION_EVERY]
        news = [doc for i, doc in enumerate(news) if i % CALIBRATION_EVERY]
    if final:
        nusax = {lang: nusax[lang] + valid[lang] for lang in nusax}
    lingua = data / "lingua-sentences"
    texts = {
        "id": nusax["id"] + training.lingua_sentences(lingua, "id"),
        "ms": training.lingua_sentences(lingua, "ms"),
        "jv": nusax["jv"],
        "su": nusax["su"],
        "min": nusax["min"],
        "en": nusax["en"] + training.lingua_sentences(lingua, "en"),
    }
    for text, lang in news:
        texts[lang].append(text)
    return texts, calibration


def main(argv: list[str] | None = None) -> int:
    """Train, calibrate and write the model; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with nusax-mt/, lingua-sentences/, …")
    parser.add_argument("--out", default=model_path(), help="model file to write")
    args = parser.parse_args(argv)
    missing = [
        name
        for name in ("nusax-mt", "lingua-sentences", "malay-news-2018")
        if not (args.data / name).is_dir()
    ]
    if missing:
        print(f"train_lid: {args.data} lacks {', '.join(missing)}", file=sys.stderr)
        return 2

    texts, calibration = corpora(args.data, final=False)
    print(f"calibration texts: {dict(Counter(lang for _, lang in calibration))}")
    counts = {lang: training.count(ts, ORDERS, MAX_CHARS) for lang, ts in texts.items()}
    best: tuple[float, float, float | None] | None = None
    for smoothing in SMOOTHINGS:
        plain = training.train(counts, ORDERS, MAX_CHARS, smoothing, MIN_COUNT)
        for margin in SWITCH_MARGINS:
            first = plain.replace(switch_margin=margin)
            accuracy = training.accuracy(first, calibration)
            print(f"smoothing {smoothing}, switch margin {margin}: accuracy {accuracy:.4f}")
            if best is None or accuracy > best[0]:
                best = (accuracy, smoothing, margin)
    assert best is not None
    _, smoothing, margin = best
    first = training.train(counts, ORDERS, MAX_CHARS, smoothing, MIN_COUNT)
    temperature = training.fit_temperature(first.replace(switch_margin=margin), calibration)
    print(f"kept: smoothing {smoothing}, switch margin {margin}, temperature {temperature}")

    texts, _ = corpora(args.data, final=True)
    counts = {lang: training.count(ts, ORDERS, MAX_CHARS) for lang, ts in texts.items()}
    model = training.train(counts, ORDERS, MAX_CHARS, smoothing, MIN_COUNT)
    stop = round(temperature * math.log(STOP_ODDS), 2)
    model = model.replace(temperature=temperature, switch_margin=margin, stop_margin=stop)
    for lang in model.langs:
        print(f"{lang}: {len(texts[lang])} texts, {sum(counts[lang].values())} features counted")
    save(model, args.out)
    print(f"{len(model.tables[0])} features → {args.out} ({os.path.getsize(args.out):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
