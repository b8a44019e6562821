"""Keep rate of clean news, drop rate of spam and keep rate of news about gambling and loans,
per source and per reason, for the news preset and for datatrove's Gopher + FineWeb filters
on the same texts in the same run.

Sources (under ``--data``): IndoSum's dev folds (Indonesian, used to tune the news
thresholds), the Malaysian outlets of ``malay-news-2018`` (Malay, used to tune), the
Indonesian outlets of ``malay-news-2018`` (held out of all tuning) and the English gold
article bodies of ``article-extraction-benchmark`` (held out). Spam and news about gambling
come from ``quality_texts.py`` (synthetic, two separately written template families).
The keep rate counts articles of at least 50 words that the preset does not remove as
duplicates. ``--derive`` prints the percentiles the news thresholds were taken from.

    .venv/bin/python benchmarks/quality.py [--data DIR] [--derive]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from common import DEFAULT_DATA, indosum_articles, malay_news_articles
from quality_texts import news as gambling_news
from quality_texts import spam
from saring import JsonlReader, JsonlWriter, LocalExecutor, NearDedup, Pipeline, run
from saring.filters.profiles import profile
from saring.filters.text import words
from saring.presets import news as news_preset

MALAYSIAN = ("utusan.com.my", "astroawani.com", "sinarharian.com.my", "malaysiakini.com",
    "kosmo.com.my", "harakahdaily.net", "hmetro.com.my", "freemalaysiatoday.com",
    "agendadaily.com", "thestar.com.my", "malaysiandigest.com", "thesundaily.my",
    "bharian.com.my", "themalaysianinsight.com", "nst.com.my", "bernama.com")  # fmt: skip
INDONESIAN = ("tribunnews.com", "detik.com", "republika.co.id", "kompas.com",
    "cnnindonesia.com", "merdeka.com", "tempo.co", "liputan6.com", "tirto.id", "okezone.com",
    "kumparan.com", "voaindonesia.com", "rmol.co", "beritasatu.com", "suara.com",
    "sindonews.com", "beritagar.id", "bisnis.com", "katadata.co.id", "viva.co.id",
    "kontan.co.id", "cnbcindonesia.com", "metrotvnews.com", "inews.id", "medcom.id",
    "jpnn.com", "antaranews.com", "mongabay.co.id", "kapanlagi.com", "bola.com")  # fmt: skip
Record = dict[str, Any]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _from(host: str, sites: tuple[str, ...]) -> bool:
    return any(host == s or host.endswith("." + s) for s in sites)


def sources(data: Path) -> dict[str, tuple[str, str, list[Record]]]:
    """Return source name → (language, role, records) for the shared data sets present."""
    found: dict[str, tuple[str, str, list[Record]]] = {}
    if (data / "indosum-dev").is_dir():
        records = [
            {"id": r["id"], "text": r["text"], "url": r["url"]}
            for r in indosum_articles(data / "indosum-dev")
        ]
        found["IndoSum (id)"] = ("id", "tuning", records)
    if (data / "malay-news-2018").is_dir():
        my: list[Record] = []
        idn: list[Record] = []
        for r in malay_news_articles(data / "malay-news-2018"):
            text, url = r.get("text") or "", r.get("url") or ""
            if not text.strip():
                continue
            record = {"id": r["id"], "text": text, "url": url}
            host = _host(url)
            if _from(host, MALAYSIAN):
                my.append(record)
            elif _from(host, INDONESIAN) or host.endswith(".id"):
                idn.append(record)
        found["malay-news-2018 Malaysian outlets (ms)"] = ("ms", "tuning", my)
        found["malay-news-2018 Indonesian outlets (id)"] = ("id", "held out", idn)
    gold = data / "article-extraction-benchmark" / "ground-truth.json"
    if gold.is_file():
        truth = json.loads(gold.read_text(encoding="utf-8"))
        records = [
            {"id": key, "text": value["articleBody"], "url": value.get("url") or ""}
            for key, value in sorted(truth.items())
        ]
        found["article-extraction-benchmark gold (en)"] = ("en", "held out", records)
    return found


def run_preset(records: list[Record], folder: Path, dedup: bool = True) -> list[Record]:
    """Run the news preset (without ``NearDedup`` when ``dedup`` is false) on the records;
    return every output record, kept and removed, with ``reason`` on removed ones."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "in.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    steps = [s for s in news_preset() if dedup or not isinstance(s, NearDedup)]
    pipeline = Pipeline(
        JsonlReader([str(source)]), steps, output=str(folder / "out"), writer=JsonlWriter()
    )
    run(pipeline, LocalExecutor(workers=1), overwrite=True)
    found = []
    for path in sorted((folder / "out").rglob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            found.extend(json.loads(line) for line in lines)
    return found


def datatrove_filters(lang: str) -> list[Any] | None:
    """Return datatrove's Gopher quality, Gopher repetition and FineWeb filters set to
    FineWeb-2's published values for the language (English: datatrove's defaults), or None."""
    try:
        from datatrove.pipeline.filters import (
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )
    except ImportError:
        return None
    p = profile(lang, "fineweb2")
    g, r, f = p.gopher_quality, p.gopher_repetition, p.fineweb
    code = {"id": "ind", "ms": "zsm", "en": "eng"}[lang]
    return [
        GopherQualityFilter(
            max_avg_word_length=g.max_mean_word_length,  # type: ignore[arg-type]
            max_non_alpha_words_ratio=g.min_alpha_words,
            stop_words=sorted(p.stop_words),
            language=code,
        ),
        GopherRepetitionFilter(
            dup_line_frac=r.max_dup_lines,
            top_n_grams=tuple(zip((2, 3, 4), r.max_top_ngram, strict=True)),  # type: ignore[arg-type]
            dup_n_grams=tuple(zip(range(5, 11), r.max_dup_ngram, strict=True)),  # type: ignore[arg-type]
            language=code,
        ),
        FineWebQualityFilter(
            line_punct_thr=f.min_line_punct, new_line_ratio=f.max_newline_ratio, language=code
        ),
    ]


def datatrove_reasons(records: Iterable[Record], lang: str) -> dict[str, str | None] | None:
    """Return id → datatrove's first drop reason (None: kept), or None without datatrove."""
    filters = datatrove_filters(lang)
    if filters is None:
        return None
    from datatrove.data import Document as DtDocument

    found: dict[str, str | None] = {}
    for record in records:
        doc = DtDocument(text=record["text"], id=record["id"])
        found[record["id"]] = None
        for peer in filters:
            verdict = peer.filter(doc)
            if verdict is not True and verdict is not None:
                name = verdict[1] if isinstance(verdict, tuple) else "dropped"
                found[record["id"]] = f"{type(peer).__name__}/{name}"
                break
    return found


def _reasons(counts: Counter[str], n: int) -> str:
    return ", ".join(f"{reason} {c} ({c / n:.2%})" for reason, c in counts.most_common())


def clean_news(name: str, lang: str, role: str, records: list[Record], work: Path) -> None:
    """Print the preset's and datatrove's keep rate of the source's non-duplicate articles."""
    output = run_preset(records, work)
    removed = {r["id"]: r["reason"] for r in output if r.get("reason")}
    eligible = [
        r
        for r in records
        if len(words(r["text"])) >= 50 and not removed.get(r["id"], "").startswith("dedup/")
    ]
    lost = Counter(removed[r["id"]] for r in eligible if r["id"] in removed)
    n = len(eligible)
    kept = n - sum(lost.values())
    print(f"\n{name} [{role}]: {n} non-duplicate articles of >= 50 words")
    print(f"  saring news preset keeps {kept} ({kept / n:.2%})  {_reasons(lost, n)}")
    peer = datatrove_reasons(eligible, lang)
    if peer is None:
        print("  datatrove: not importable (pip install -e '.[bench]'), peer skipped")
        return
    peer_lost = Counter(reason for reason in peer.values() if reason)
    peer_kept = n - sum(peer_lost.values())
    print(f"  datatrove Gopher+FineWeb (FineWeb-2 values) keeps {peer_kept} ({peer_kept / n:.2%})")
    print(f"    {_reasons(peer_lost, n)}")


def spam_sets(work: Path) -> None:
    """Print spam drop rates and gambling-news keep rates, per template family and kind."""
    for family in ("tune", "held_out"):
        pages = list(spam(family))
        reports = list(gambling_news(family))
        output = run_preset(pages + reports, work / family, dedup=False)
        reasons = {r["id"]: r.get("reason") for r in output}
        peer = datatrove_reasons(pages + reports, "id") or {}
        print(f"\nsynthetic spam, {family} templates (preset without NearDedup):")
        for kind in ("gambling", "loan", "pills", "seo", "mixed"):
            group = [p for p in pages if p["kind"] == kind]
            got = Counter(reasons[p["id"]] or "kept" for p in group)
            spam_hits = sum(c for r, c in got.items() if r.startswith("spam/"))
            dt = sum(1 for p in group if peer.get(p["id"]))
            print(
                f"  {kind:<9} {len(group)} pages: dropped as spam/* {spam_hits / len(group):.1%}"
                f" ({_reasons(got, len(group))}); datatrove drops {dt / len(group):.1%}"
            )
        injected = [p for p in pages if ".id/" in p["url"] and "spam-" in p["id"]]
        hits = Counter(reasons[p["id"]] or "kept" for p in injected)
        print(f"  on government/university hosts {len(injected)}: {_reasons(hits, len(injected))}")
        total = sum(1 for p in pages if (reasons[p["id"]] or "").startswith("spam/"))
        print(f"  all spam: {len(pages)} pages, dropped as spam/* {total / len(pages):.1%}")
        got = Counter(reasons[r["id"]] or "kept" for r in reports)
        kept = got["kept"] / len(reports)
        dt = sum(1 for r in reports if not peer.get(r["id"])) / len(reports) if peer else 0.0
        print(
            f"  news about gambling, loans, illegal drugs: {len(reports)} articles, kept {kept:.1%}"
            f" ({_reasons(got, len(reports))}); datatrove keeps {dt:.1%}"
        )


MIN_LINES = 3
"""The news profile's ``min_lines``: line rules judge documents of at least this many lines."""
LINE_RULES = ("bullet_lines", "line_punct")
SIGNALS = [
    ("gopher_quality", "mean_word_length", "min", "min_mean_word_length"),
    ("gopher_quality", "alpha_words", "min", "min_alpha_words"),
    ("gopher_quality", "bullet_lines", "max", "max_bullet_lines"),
    ("gopher_repetition", "dup_lines", "max", "max_dup_lines"),
    *[("gopher_repetition", f"top_ngram.{n}", "max", "max_top_ngram") for n in (2, 3, 4)],
    *[("gopher_repetition", f"dup_ngram.{n}", "max", "max_dup_ngram") for n in range(5, 11)],
    *[("gopher_repetition", f"dup_ngram_3.{n}", "max", "max_dup_ngram") for n in range(5, 11)],
    ("fineweb", "line_punct", "min", "min_line_punct"),
    ("fineweb", "char_dup", "max", "max_char_dup"),
    ("fineweb", "newline_ratio", "max", "max_newline_ratio"),
]


def derive(name: str, lang: str, work: Path) -> None:
    """Print each signal's 0.1st or 99.9th percentile on a tuning source's articles of at
    least 50 words (signals as the preset computed them), next to FineWeb-2's value."""
    values: dict[str, list[float]] = {}
    for path in sorted((work / "out").rglob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                quality = record["metadata"].get("quality", {})
                if str(record.get("reason", "")).startswith(("dedup/", "spam/")):
                    continue
                if quality.get("gopher_quality", {}).get("words", 0) < 50 or len(quality) < 4:
                    continue
                for group, signal, _, _ in SIGNALS:
                    if signal in LINE_RULES and quality[group]["lines"] < MIN_LINES:
                        continue
                    key, _, n = signal.partition(".")
                    value = quality[group][key]
                    values.setdefault(signal, []).append(value[n] if n else value)
    fw2 = profile(lang, "fineweb2")
    print(f"\n{name}: percentiles of {len(values['alpha_words'])} articles")
    print(f"  (line rules over the articles of >= {MIN_LINES} lines); news value = the looser of")
    print("  FineWeb-2's and the percentile rounded outwards to 2 decimals")
    for group, signal, side, field in SIGNALS:
        q = 0.1 if side == "min" else 99.9
        at = float(np.percentile(values[signal], q))
        limit = getattr(getattr(fw2, group), field)
        _, _, n = signal.partition(".")
        if n:
            limit = limit[int(n) - (2 if "top" in signal else 5)]
        if side == "min":
            proposed = min(limit, math.floor(at * 100) / 100)
        else:
            proposed = max(limit, math.ceil(at * 100) / 100)
        print(f"  {signal:<18} p{q:<5} {at:.4f}  FineWeb-2 {limit:<6} news {proposed}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--derive", action="store_true", help="print tuning percentiles")
    parser.add_argument("--spam-only", action="store_true", help="only the synthetic sets")
    args = parser.parse_args(argv)
    found = sources(args.data)
    if not found:
        print(f"skipped: no news data set found under {args.data} (pass --data DIR)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n, (name, (lang, role, records)) in enumerate([] if args.spam_only else found.items()):
            clean_news(name, lang, role, records, work / str(n))
            if args.derive and role == "tuning":
                derive(name, lang, work / str(n))
        spam_sets(work / "spam")
    return 0


if __name__ == "__main__":
    sys.exit(main())
