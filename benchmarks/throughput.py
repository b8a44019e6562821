"""Throughput of the news preset on 2 cores, with and without deduplication.

Usage: python benchmarks/throughput.py [--data SHARED_DATA_DIR] [--workers N]

Runs the news preset on the IndoSum dev folds and the Malay news crawl of the shared data
(about 11,800 articles, 34 MB of JSON Lines) and prints documents/s and input MB/s for the
whole run, then each step's share of the time. Timings on a shared machine vary from run to
run; compare figures from the same run.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import saring
from common import data_folder, indosum, malay_news, write_jsonl
from saring import JsonlReader, LocalExecutor, NearDedup, Pipeline
from saring.presets import news


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        count = write_jsonl(
            folder / "indosum.jsonl", indosum(data_folder(args.data, "indosum-dev"))
        )
        malay = malay_news(data_folder(args.data, "malay-news-2018"))
        count += write_jsonl(folder / "malay.jsonl", (r for r in malay if r.get("text")))
        megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"input: {count:,} documents, {megabytes:.1f} MB, {args.workers} workers")
        for label, steps in (
            ("news preset without dedup", [s for s in news() if not isinstance(s, NearDedup)]),
            ("news preset", news()),
        ):
            out = Path(tmp) / label.replace(" ", "-")
            pipeline = Pipeline(JsonlReader([str(folder)]), steps, output=str(out))
            started = time.perf_counter()
            summary = saring.run(pipeline, LocalExecutor(workers=args.workers))
            wall = time.perf_counter() - started
            print(
                f"{label:<27} {wall:6.1f} s  {summary.read / wall:7.0f} docs/s  "
                f"{megabytes / wall:5.2f} MB/s  kept {summary.kept:,}"
            )
        busy = sum(s.seconds for s in summary.steps)
        print("share of step time (full preset, summed over workers):")
        for stats in sorted(summary.steps, key=lambda s: -s.seconds)[:10]:
            print(f"  {stats.name:<26} {stats.seconds:6.1f} s  {stats.seconds / busy:5.1%}")


if __name__ == "__main__":
    main()
