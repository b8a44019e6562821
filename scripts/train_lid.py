"""Train saring's archipelago language model (id, ms, jv, su, min, en) from public corpora.

Usage: python scripts/train_lid.py DATA [--out src/saring/data/lid/archipelago.json.gz]
                                         [--formal-share SHARE] [--news-share SHARE]

DATA is a folder holding ``nusax-mt/`` (NusaX-MT CSVs, CC-BY-SA-4.0), ``lingua-sentences/``
(Apache-2.0) and ``malay-news-2018/`` (Apache-2.0). Only NusaX's train and valid splits
and the training third of malay-news-2018's topic files (``saring.lang.training.news_files``)
are read; NusaX test and the other topic files are left for ``benchmarks/lid.py``. The
Indonesian-Malay word log-odds come from wordfreq's id and ms lists (CC-BY-SA-4.0 data;
``pip install 'saring[train]'``).

Two passes: the first trains without NusaX valid and without every fifth training news
article, and on those picks the smoothing and the code-switching margin (most accurate),
then the clip and weight of the Indonesian-Malay word log-odds (best mean accuracy over the
calibration texts and the formal tuning sets of ``saring/data/lid/eval/``
(``saring.lang.training.TUNING_SETS``), which are never trained on, among the settings that
get no fewer calibration texts, and no fewer NusaX valid sentences under ``SHORT_WORDS``
words of each of ``SHORT_LANGS`` (``short_sets``), right than the naive Bayes alone: news and
short informal text must not pay for statutes), and fits the score temperature: least
log loss on all of them, raised where needed until each of them keeps the promise that 99%
of the texts scored 0.9 or more are right (``saring.lang.calibration``), scored with the
Indonesian-Malay markers attached (``saring.lang.model_io.with_standards``) as the shipped
model is; then, with the markers, the Indonesian-Malay prior (``PAIR_PRIORS``), the pair's
n-gram weight (``PAIR_NGRAMS``) and the shrink of the log-odds of words common in both
languages (``PAIR_SHRINKS``), by the same floor but the best worst set (``choose_prior``),
and the promise checked again with them; the second trains
on everything with those, and sets where scoring may stop reading (``STOP_ODDS``). With
``--formal-share`` above 0 the first pass also tries the statute-style training texts
(``saring.lang.register``) at that share against none, and with ``--news-share`` above 0
IndoSum's news articles (``DATA/indosum-dev``, CC-BY-SA-4.0) on the Indonesian side
(``NEWS_SHARE``). The held-out sets of
``saring/data/lid/eval/`` (``saring.lang.training.HELD_OUT_SETS``) play no part. The output
is byte-for-byte reproducible (for one wordfreq version).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections import Counter
from pathlib import Path

from saring.lang import register, training
from saring.lang.calibration import keep_promise
from saring.lang.model import NaiveBayes
from saring.lang.model_io import model_path, save, with_standards

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
MAX_FEATURES = 3_000_000
"""Features counted per language at most (texts in ``corpora`` order): only Malay reaches it,
whose news would otherwise give it 5.5 times the Indonesian features, and with them most of
the formal vocabulary both languages share (on the formal-Indonesian tuning set, the plain
naive Bayes went from 0.50 to 0.66 right with this cap). Lower caps, down to Indonesian's
own count, did not help further: with the markers and each cap's best prior, the mean over
the calibration texts and the four formal tuning sets was 0.9825 at 1 M, 0.9795 at 1.5 M,
0.9827 at 2 to 2.5 M and 0.9812 at 3 M (pair clip 3, weight 16), and capping Malay at
Indonesian's count in the first pass (1.75 M) let the pair weight rise to 64 and lost lines
of three tuning sets: which articles fall under the cap moves the result as much as the cap."""
MIN_COUNT = 2
"""Features seen fewer times over all languages are dropped."""
CALIBRATION_EVERY = 5
"""Every fifth training news article is held out of the first pass to fit the temperature."""
PAIR = ("id", "ms")
"""The close languages told apart by word log-odds besides the naive Bayes features."""
PAIR_CLIPS = (1.5, 3.0)
"""Bounds (nats) on one word's log-odds between the pair, tried in the first pass."""
PAIR_WEIGHTS = (0.0, 4.0, 8.0, 16.0, 32.0, 64.0)
"""Weights of the summed word log-odds against the naive Bayes difference (whose features
overlap, hence a temperature of several nats), tried with each clip; on a tie the earlier
(smaller) setting is kept."""
TUNING_SETS = training.TUNING_SETS
"""Formal-text sets (``saring.lang.training.EVAL_SETS``) that choose the register and pair
settings."""
PAIR_PRIORS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
"""Log prior odds of Indonesian over Malay (``NaiveBayes.pair_prior``) tried with the markers
attached, after the clip and weight: without a marker, a formal text's n-grams and word odds
lean to Malay in either language (the register of the Malay training news), and a prior
that Indonesian is the likelier of the two moves that lean back."""
PAIR_NGRAMS = (1.0, 0.5, 0.25, 0.1, 0.0)
"""Weights of the naive Bayes difference between Indonesian and Malay in their decision
(``NaiveBayes.pair_ngrams``) tried with each prior: the n-grams tell the register of the
training text apart as much as the language (formal Indonesian reads as Malay even to a
naive Bayes trained on news of both countries), so with the word log-odds and the markers
beside them they may count for less; on a tie the earlier (fuller) weight is kept."""
SHARED_FREQ = 1e-5
"""Frequency from which a word counts as common in both of wordfreq's id and ms lists."""
PAIR_SHRINKS = (1.0, 0.5, 0.25, 0.0)
"""Factors on the log-odds of words common in both lists (``SHARED_FREQ``) tried with each
prior and n-gram weight; on a tie the earlier (fuller) factor is kept. Words standard in
both languages lean Malay in wordfreq's lists (ialah −4.1, kebangsaan −3.7, rancangan −3.0,
kepada −1.4 before the clip), so a constitution's article without a marker read as Malay
whatever the prior: with them at full weight (pair n-grams 0.25, first pass) uud1945 was
0.947 right at prior 1.5 and 0.960 at 2, formal-ms-charters 0.968 and 0.935. Kept: 0.5,
with pair n-grams 0.25 and prior 0.75 (first pass: uud1945 0.960, formal-ms-tuning 0.975,
formal-ms-charters 0.968, formal-id-tuning 0.985, formal-id-charters 0.978, the calibration
texts 0.9977 as with ``SHIPPED_PAIR``, every short-sentence guard as with it)."""
SHIPPED_PAIR = (1.5, 0.25, 1.0)
"""Indonesian-Malay prior, n-gram weight and shared-word shrink (``PAIR_SHRINKS``) of the
model shipped before the shrink. ``choose_prior`` takes only settings that get the
calibration texts and each short-sentence guard right no less often than these (and than the
naive Bayes alone) in the first pass: a setting that helps formal text must not lose informal
text the earlier model had right. With the naive Bayes's floor alone, shrink 0.25, n-grams 0
and prior 0.25 were kept (uud1945 0.960, formal-ms-charters 0.984, calibration texts 0.9965)
and lost an Indonesian news article these settings had (0.9977; every short guard alike)."""
SHORT_WORDS = 15
"""NusaX valid sentences with fewer words than this make the short-sentence guards."""
SHORT_LANGS = ("id", "jv", "su", "min")
"""Languages of the short-sentence guards (``short_sets``)."""
NEWS_SHARE = 0.0
"""Share of Indonesian's features that IndoSum's news articles make up (``saring.lang.register``;
``--news-share``, tried against 0 in the first pass), to give the Indonesian side news prose
as the Malay side has (192 Indonesian news articles against 1,644 Malay ones). Off: IndoSum
moves the naive Bayes towards Indonesian on formal text of both languages alike (mean
log-likelihood lead of Indonesian over Malay on formal-id-tuning 7.6 → 11.0 nats, on
formal-ms-tuning −60.8 → −57.7 at share 0.3) without telling them apart better; its plain
accuracy on formal-id-tuning rose from 0.611 to 0.657 (0.3) and formal-id-charters from 0.589
to 0.611, but with the word log-odds, the markers and the prior (pair clip 3, weight 16,
prior 1.5) every tuning set was right as often at 0.1–0.4 as at 0 (formal-id-tuning 0.977,
formal-ms-tuning 0.975, formal-id-charters 0.989, formal-ms-charters 0.968), calibration
texts 0.9977 up to 0.3 and 0.9965 at 0.4, NusaX valid under 15 words 0.988 up to 0.3 and
0.982 at 0.4 and 0.5. Trained on, IndoSum would no longer be a held-out news set."""
FORMAL_SHARE = 0.0
"""Share of each of Indonesian's and Malay's features that the statute-style texts written
for saring make up (``saring.lang.register``; ``--formal-share``). Off: with 0.1 (the best
of 0.1, 0.2 and 0.3 on the tuning sets) the formal tuning set went from 0.916 to 0.924
right, but the held-out sets did not follow: formal-id-heldout 0.930 to 0.904, uud1945
0.787 to 0.773, NusaX test Indonesian under 15 words 0.962 to 0.947, held-out news
id-vs-ms 0.9991 to 0.9980 (``benchmarks/lid.py`` on both models)."""


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


def with_register(
    counts: dict[str, Counter[str]],
    formal: dict[str, Counter[str]],
    share: float,
    news: Counter[str],
    news_share: float,
) -> dict[str, dict[str, float]]:
    """Return each language's counts with its formal texts mixed in at ``share``, and then
    Indonesian's with IndoSum's news mixed in at ``news_share``."""
    mixed = {
        lang: register.mix(found, formal.get(lang, Counter()), share)
        for lang, found in counts.items()
    }
    mixed["id"] = register.mix(mixed["id"], news, news_share)
    return mixed


def short_sets(data: Path) -> dict[str, list[tuple[str, str]]]:
    """Return NusaX valid's sentences under ``SHORT_WORDS`` words, one set per language of
    ``SHORT_LANGS``: short informal text, which the formal tuning sets do not guard."""
    valid = training.nusax_sentences(data / "nusax-mt", "valid")
    return {
        f"NusaX valid {lang} < {SHORT_WORDS} words": [
            (text, lang) for text in valid[lang] if len(text.split()) < SHORT_WORDS
        ]
        for lang in SHORT_LANGS
    }


def accuracies(model: NaiveBayes, sets: dict[str, list[tuple[str, str]]]) -> dict[str, float]:
    """Return a model's accuracy on each of the labelled sets."""
    return {name: training.accuracy(model, texts) for name, texts in sets.items()}


def judge(
    model: NaiveBayes,
    tuning: dict[str, list[tuple[str, str]]],
    guards: dict[str, list[tuple[str, str]]],
    floors: dict[str, float],
    label: str,
) -> tuple[float, float, bool]:
    """Print a model's accuracy on each of the tuning and guard sets after ``label``; return
    the mean and the lowest accuracy over the tuning sets, and whether each set of ``floors``
    is right at least that often."""
    found = accuracies(model, {**tuning, **guards})
    print(f"{label}: " + ", ".join(f"{name} {value:.4f}" for name, value in found.items()))
    scored = [found[name] for name in tuning]
    passed = all(found[name] >= floor for name, floor in floors.items())
    return sum(scored) / len(scored), min(scored), passed


def choose_prior(
    model: NaiveBayes,
    tuning: dict[str, list[tuple[str, str]]],
    guards: dict[str, list[tuple[str, str]]],
    floors: dict[str, float],
    shrunk: dict[float, dict[str, float]],
) -> tuple[float, float, float]:
    """Return the Indonesian-Malay prior of ``PAIR_PRIORS``, n-gram weight of ``PAIR_NGRAMS``
    and shrink factor of ``PAIR_SHRINKS`` (``shrunk``: factor → pair log-odds) whose worst
    set (calibration texts or a tuning set) is the most accurate, the mean over them breaking
    ties, among those that keep ``floors`` (the calibration texts and the short-sentence
    ``guards`` right no less often than by the naive Bayes alone and by ``SHIPPED_PAIR``);
    on a tie the earlier. The worst set rather than the mean: each of these settings moves
    formal Indonesian and formal Malay without a marker in opposite ways, and by the mean the
    Indonesian sets (three of five) would buy their lines with Malay ones.
    """
    chosen: tuple[tuple[float, float], float, float, float] | None = None
    for shrink in PAIR_SHRINKS:
        for ngrams in PAIR_NGRAMS:
            for prior in PAIR_PRIORS:
                trial = model.replace(
                    pair_prior=prior, pair_ngrams=ngrams, pair_odds=shrunk[shrink]
                )
                label = f"with the markers at temperature {model.temperature}, shrink {shrink}"
                mean, worst, passed = judge(
                    trial, tuning, guards, floors, f"{label}, n-grams {ngrams}, prior {prior}"
                )
                if passed and (chosen is None or (worst, mean) > chosen[0]):
                    chosen = ((worst, mean), prior, ngrams, shrink)
    return (chosen[1], chosen[2], chosen[3]) if chosen else (0.0, 1.0, 1.0)


def main(argv: list[str] | None = None) -> int:
    """Train, calibrate and write the model; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with nusax-mt/, lingua-sentences/, …")
    parser.add_argument("--out", default=model_path(), help="model file to write")
    parser.add_argument(
        "--formal-share",
        type=float,
        default=FORMAL_SHARE,
        help="share of id and ms features from the formal training texts (tried against 0)",
    )
    parser.add_argument(
        "--news-share",
        type=float,
        default=NEWS_SHARE,
        help="share of id features from IndoSum's news (DATA/indosum-dev; tried against 0)",
    )
    args = parser.parse_args(argv)
    missing = [
        name
        for name in ("nusax-mt", "lingua-sentences", "malay-news-2018")
        + (("indosum-dev",) if args.news_share > 0 else ())
        if not (args.data / name).is_dir()
    ]
    if missing:
        print(f"train_lid: {args.data} lacks {', '.join(missing)}", file=sys.stderr)
        return 2

    texts, calibration = corpora(args.data, final=False)
    print(f"calibration texts: {dict(Counter(lang for _, lang in calibration))}")
    counts = {
        lang: training.count(ts, ORDERS, MAX_CHARS, MAX_FEATURES) for lang, ts in texts.items()
    }
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
    first = first.replace(switch_margin=margin)

    lists = training.wordfreq_lists(PAIR)
    tuning = {"calibration": calibration, **{name: training.eval_set(name) for name in TUNING_SETS}}
    guards = short_sets(args.data)
    floors = accuracies(first, {"calibration": calibration, **guards})
    print("the naive Bayes alone: " + ", ".join(f"{n} {v:.4f}" for n, v in floors.items()))
    formal = {
        lang: training.count(register.formal_texts(name), ORDERS, MAX_CHARS)
        for name, lang in register.FORMAL_TEXTS.items()
    }
    news: Counter[str] = Counter()
    if args.news_share > 0:
        articles = register.indosum_texts(args.data / "indosum-dev")
        news = training.count(articles, ORDERS, MAX_CHARS)
    chosen: tuple[float, float, float, float, float] | None = None
    for share in sorted({0.0, args.formal_share}):
        for news_share in sorted({0.0, args.news_share}):
            balanced = with_register(counts, formal, share, news, news_share)
            mixed = training.train(balanced, ORDERS, MAX_CHARS, smoothing, MIN_COUNT)
            mixed = mixed.replace(switch_margin=margin)
            for clip in PAIR_CLIPS:
                odds = training.pair_odds(lists[PAIR[0]], lists[PAIR[1]], clip)
                for weight in PAIR_WEIGHTS:
                    model = mixed.replace(pair=PAIR, pair_weight=weight, pair_odds=odds)
                    label = f"formal share {share}, news share {news_share}, pair clip {clip}"
                    score, _, passed = judge(
                        model, tuning, guards, floors, f"{label}, weight {weight}"
                    )
                    if passed and (chosen is None or score > chosen[0]):
                        chosen = (score, share, news_share, clip, weight)
    assert chosen is not None
    _, share, news_share, clip, weight = chosen
    odds = training.pair_odds(lists[PAIR[0]], lists[PAIR[1]], clip)
    first = training.train(
        with_register(counts, formal, share, news, news_share),
        ORDERS,
        MAX_CHARS,
        smoothing,
        MIN_COUNT,
    )
    first = first.replace(switch_margin=margin, pair=PAIR, pair_weight=weight, pair_odds=odds)
    fitted = training.fit_temperature(first, [t for ts in tuning.values() for t in ts])
    marked = with_standards(first)
    temperature = keep_promise(marked, tuning, fitted)
    shrunk = {
        shrink: training.pair_odds(lists[PAIR[0]], lists[PAIR[1]], clip, SHARED_FREQ, shrink)
        for shrink in PAIR_SHRINKS
    }
    marked = marked.replace(temperature=temperature)
    shipped_prior, shipped_ngrams, shipped_shrink = SHIPPED_PAIR
    shipped = accuracies(
        marked.replace(
            pair_prior=shipped_prior, pair_ngrams=shipped_ngrams, pair_odds=shrunk[shipped_shrink]
        ),
        {"calibration": calibration, **guards},
    )
    print("the shipped pair settings: " + ", ".join(f"{n} {v:.4f}" for n, v in shipped.items()))
    floors = {name: max(floor, shipped[name]) for name, floor in floors.items()}
    prior, ngrams, shrink = choose_prior(marked, tuning, guards, floors, shrunk)
    odds = shrunk[shrink]
    chosen_pair = marked.replace(pair_prior=prior, pair_ngrams=ngrams, pair_odds=odds)
    temperature = keep_promise(chosen_pair, tuning, temperature)
    print(f"temperature: {fitted} by least log loss, {temperature} to keep the promise")
    print(
        f"kept: smoothing {smoothing}, switch margin {margin}, formal share {share}, "
        f"news share {news_share}, pair clip {clip}, pair weight {weight}, pair prior {prior}, "
        f"pair n-grams {ngrams}, shared-word shrink {shrink}, "
        f"temperature {temperature}"
    )

    texts, _ = corpora(args.data, final=True)
    counts = {
        lang: training.count(ts, ORDERS, MAX_CHARS, MAX_FEATURES) for lang, ts in texts.items()
    }
    final = with_register(counts, formal, share, news, news_share)
    model = training.train(final, ORDERS, MAX_CHARS, smoothing, MIN_COUNT)
    stop = round(temperature * math.log(STOP_ODDS), 2)
    model = model.replace(
        temperature=temperature,
        switch_margin=margin,
        stop_margin=stop,
        pair=PAIR,
        pair_weight=weight,
        pair_odds=odds,
        pair_prior=prior,
        pair_ngrams=ngrams,
    )
    for lang in model.langs:
        print(
            f"{lang}: {len(texts[lang])} texts read, {sum(counts[lang].values())} features "
            f"counted, {sum(final[lang].values()) - sum(counts[lang].values()):.0f} formal "
            "or IndoSum"
        )
    save(model, args.out)
    print(f"{len(model.tables[0])} features → {args.out} ({os.path.getsize(args.out):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
