"""Speed and drop rates of saring's quality annotators and filters, and PII redaction.

Runs on IndoSum's dev folds (``indosum-dev``: tokens joined with spaces, sentences with a
space, paragraphs with a blank line) and on ``malay-news-2018`` (records with text). Prints
docs/s per step, the drop rate per reason on each corpus (clean news should mostly survive),
PII replacements per kind, and, in the same run, datatrove's ``GopherQualityFilter`` docs/s
on the same documents when datatrove is importable.

    .venv/bin/python benchmarks/quality.py [--data ../shared/data] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from saring.document import Document
from saring.filters.c4 import C4QualityFilter, C4QualitySignals, RemoveC4Lines
from saring.filters.fineweb import FineWebQualityFilter, FineWebQualitySignals
from saring.filters.gopher import (
    GopherQualityFilter,
    GopherQualitySignals,
    GopherRepetitionFilter,
    GopherRepetitionSignals,
)
from saring.pii import RedactPII
from saring.stats import StepStats
from saring.step import Annotator, Filter, Step

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def indosum(folder: Path) -> list[Document]:
    """Return IndoSum articles as documents (language id)."""
    docs = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                paragraphs = [
                    " ".join(" ".join(sentence) for sentence in paragraph)
                    for paragraph in record["paragraphs"]
                ]
                docs.append(Document(id=record["id"], text="\n\n".join(paragraphs), lang="id"))
    return docs


def malay_news(folder: Path) -> list[Document]:
    """Return the Malay news records that have text, language by outlet domain (ms or id)."""
    indonesian = ("tribunnews", "republika", "detik", "kompas")
    docs = []
    for path in sorted(folder.glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for n, record in enumerate(json.load(handle)):
                if not record.get("text", "").strip():
                    continue
                url = record.get("url", "")
                lang = "id" if any(site in url for site in indonesian) else "ms"
                docs.append(
                    Document(id=f"{path.name}:{n}", text=record["text"], url=url, lang=lang)
                )
    return docs


def fresh(docs: list[Document]) -> list[Document]:
    """Return copies of the documents without metadata."""
    return [Document(id=d.id, text=d.text, url=d.url, lang=d.lang) for d in docs]


def timed(run: Callable[[], Any], repeat: int) -> float:
    """Return the best wall time of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def speed(name: str, step: Step, docs: list[Document], repeat: int) -> float:
    """Print and return a step's docs/s on fresh copies of the documents."""
    step.setup()
    batches = [fresh(docs) for _ in range(repeat)]

    def run() -> None:
        batch = batches.pop()
        stats = StepStats(name)
        for doc in batch:
            step.handle(doc, stats)

    rate = len(docs) / timed(run, repeat)
    print(f"  {name:<42} {rate:>9,.0f} docs/s")
    return rate


def drops(label: str, docs: list[Document]) -> None:
    """Print keep rate and drop rate per reason of the annotate-then-filter chain."""
    chain: list[Step] = [
        GopherQualitySignals(),
        GopherRepetitionSignals(),
        C4QualitySignals(),
        FineWebQualitySignals(),
    ]
    filters: list[Filter] = [
        GopherQualityFilter(),
        GopherRepetitionFilter(),
        C4QualityFilter(),
        FineWebQualityFilter(),
    ]
    first: Counter[str] = Counter()
    each: Counter[str] = Counter()
    kept = 0
    for doc in fresh(docs):
        for annotator in chain:
            assert isinstance(annotator, Annotator)
            annotator.annotate(doc)
        reasons = [r for f in filters if (r := f.reason(doc)) is not None]
        each.update(reasons)
        if reasons:
            first[reasons[0]] += 1
        else:
            kept += 1
    n = len(docs)
    print(f"\n{label}: {n} docs, kept by all four filters {kept} ({kept / n:.1%})")
    print(f"  {'reason':<36} {'first':>7} {'any':>7}   (share of all docs)")
    for reason, count in sorted(each.items(), key=lambda item: -item[1]):
        print(f"  {reason:<36} {first[reason] / n:>7.2%} {count / n:>7.2%}")
    lines = StepStats("c4_lines")
    before = sum(d.text.count("\n") + 1 for d in docs)
    remover = RemoveC4Lines()
    for doc in fresh(docs):
        remover.handle(doc, lines)
    removed = sum(lines.lines_removed.values())
    print(f"  RemoveC4Lines would remove {removed} of ~{before} lines: {dict(lines.lines_removed)}")


def pii(label: str, docs: list[Document]) -> None:
    """Print how many replacements of each kind RedactPII makes."""
    stats = StepStats("pii")
    step = RedactPII()
    for doc in fresh(docs):
        step.handle(doc, stats)
    print(f"  RedactPII on {label}: {dict(sorted(stats.counters.items()))}")


def datatrove_gopher(docs: list[Document], repeat: int) -> float | None:
    """Return datatrove's GopherQualityFilter docs/s on the same texts, None if unavailable."""
    try:
        from datatrove.data import Document as DtDocument
        from datatrove.pipeline.filters import GopherQualityFilter as DtGopher
    except ImportError:
        print("  datatrove: not importable, peer run skipped (pip install datatrove to compare)")
        return None
    peer = DtGopher()
    texts = [DtDocument(text=d.text, id=d.id) for d in docs]
    try:
        peer.filter(texts[0])
    except Exception as exc:  # Any failure of the peer (e.g. a missing tokenizer) skips it.
        print(f"  datatrove GopherQualityFilter cannot run here: {type(exc).__name__}: {exc}")
        return None

    def run() -> None:
        for text in texts:
            peer.filter(text)

    rate = len(texts) / timed(run, repeat)
    print(f"  {'datatrove GopherQualityFilter':<42} {rate:>9,.0f} docs/s")
    return rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    indosum_dir, malay_dir = args.data / "indosum-dev", args.data / "malay-news-2018"
    if not indosum_dir.is_dir() or not malay_dir.is_dir():
        print(f"skipped: {indosum_dir} or {malay_dir} is missing (pass --data)")
        return 0
    docs = indosum(indosum_dir)
    malay = malay_news(malay_dir)
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    print(f"indosum-dev: {len(docs)} docs, {mb:.1f} MB; best of {args.repeat} runs, 1 core\n")
    ours = speed("GopherQualityFilter (computes its signals)", GopherQualityFilter(), docs, 3)
    for name, step in [
        ("GopherQualitySignals", GopherQualitySignals()),
        ("GopherRepetitionSignals", GopherRepetitionSignals()),
        ("GopherRepetitionFilter (computes)", GopherRepetitionFilter()),
        ("C4QualitySignals", C4QualitySignals()),
        ("C4QualityFilter (computes)", C4QualityFilter()),
        ("RemoveC4Lines", RemoveC4Lines()),
        ("FineWebQualitySignals", FineWebQualitySignals()),
        ("FineWebQualityFilter (computes)", FineWebQualityFilter()),
        ("RedactPII", RedactPII()),
    ]:
        speed(name, step, docs, args.repeat)
    chain: list[Step] = [
        GopherQualitySignals(),
        GopherRepetitionSignals(),
        C4QualitySignals(),
        FineWebQualitySignals(),
        GopherQualityFilter(),
        GopherRepetitionFilter(),
        C4QualityFilter(),
        FineWebQualityFilter(),
    ]
    batches = [fresh(docs) for _ in range(args.repeat)]

    def run_chain() -> None:
        stats = StepStats("chain")
        for doc in batches.pop():
            for step in chain:
                if not isinstance(step.handle(doc, stats), Document):
                    break

    rate = len(docs) / timed(run_chain, args.repeat)
    mb_s = rate * mb / len(docs)
    print(f"  {'all 4 annotators + 4 filters':<42} {rate:>9,.0f} docs/s ({mb_s:.2f} MB/s)")
    peer = datatrove_gopher(docs, args.repeat)
    if peer:
        print(f"  ratio saring/datatrove GopherQualityFilter: {ours / peer:.1f}x")
    drops("indosum-dev", docs)
    drops("malay-news-2018", malay)
    print()
    pii("indosum-dev", docs)
    pii("malay-news-2018", malay)
    return 0


if __name__ == "__main__":
    sys.exit(main())
