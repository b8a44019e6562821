"""Memory and time of the news preset as the corpus grows, per task and per stage.

Usage: python benchmarks/scale.py [--data SHARED_DATA_DIR] [--sizes 200000 1000000]
       [--workers 2] [--keep DIR]

Builds, for each size N, a corpus of news-like articles whose sentences come from the IndoSum
dev folds (shared data), of which a third are copies: exact copies on another site, and near
copies with a sentence changed or dropped, published later. Runs the news preset on it and
prints, for every phase of the run (each stage's map tasks, each reduce round): the tasks,
the largest peak resident memory of one task, how far one task's memory rose while it ran
(per record it read, and per input document), and the peak size of ``_work/`` next to the
input's size; then wall time per document. Figures come from the kernel's per-task peak
(``stats.json`` ``tasks``); the machine is shared, so times vary between runs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import orjson

import saring
from common import data_folder, indosum
from saring import JsonlReader, LocalExecutor, Pipeline
from saring.presets import news

PER_FILE = 50_000
DOMAINS = 400


def sentences(folder: Path) -> list[str]:
    """Return the distinct sentences of the IndoSum articles."""
    seen: dict[str, None] = {}
    for record in indosum(folder):
        for paragraph in record["text"].split("\n\n"):
            for sentence in paragraph.split(" . "):
                if len(sentence.split()) >= 6:
                    seen.setdefault(sentence.strip(" .") + ".", None)
    return list(seen)


def corpus(folder: Path, pool: list[str], size: int, seed: int = 1) -> int:
    """Write ``size`` articles as JSON Lines files (uncompressed, as crawlers and the other
    benchmarks write them); return the input bytes. About 12% are
    exact copies and 22% near copies of an earlier article, on another domain, a day later."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    originals: list[tuple[list[str], int]] = []
    for start in range(0, size, PER_FILE):
        path = folder / f"part-{start // PER_FILE:04d}.jsonl"
        with path.open("wb") as out:
            for n in range(start, min(size, start + PER_FILE)):
                out.write(orjson.dumps(article(n, rng, pool, originals)) + b"\n")
    return sum(p.stat().st_size for p in folder.iterdir())


def article(
    n: int, rng: random.Random, pool: list[str], originals: list[tuple[list[str], int]]
) -> dict[str, Any]:
    """Return article ``n``: new, or (a third of the time) a copy of an earlier one."""
    roll = rng.random()
    if originals and roll < 0.34:
        body, day = rng.choice(originals)
        body = list(body)
        if roll >= 0.12:  # a near copy: one sentence replaced, one dropped
            body[rng.randrange(len(body))] = rng.choice(pool)
            body.pop(rng.randrange(len(body)))
        day += 1
    else:
        body = rng.sample(pool, rng.randint(8, 14))
        day = rng.randrange(365)
        if len(originals) < 200_000:
            originals.append((body, day))
        else:
            originals[rng.randrange(len(originals))] = (body, day)
    domain = f"berita{rng.randrange(DOMAINS)}.co.id"
    return {
        "id": f"doc-{n}",
        "url": f"https://{domain}/artikel/{n}",
        "date": f"2024-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}",
        "text": "\n\n".join(" ".join(body[i : i + 3]) for i in range(0, len(body), 3)),
    }


class FolderPeak(threading.Thread):
    """Samples a folder's total size every half second; ``peak`` is the largest seen."""

    def __init__(self, folder: Path) -> None:
        super().__init__(daemon=True)
        self.folder = folder
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            total = 0
            for root, _, files in os.walk(self.folder):
                for name in files:
                    with contextlib.suppress(OSError):  # deleted while we looked
                        total += os.path.getsize(os.path.join(root, name))
            self.peak = max(self.peak, total)


def measure(size: int, pool: list[str], workers: int, tmp: Path) -> dict[str, Any]:
    """Run the news preset on a corpus of ``size`` documents and return what it cost."""
    folder = tmp / f"in-{size}"
    started = time.perf_counter()
    input_bytes = corpus(folder, pool, size)
    print(
        f"\nN = {size:,}: corpus of {input_bytes / 1e6:,.0f} MB written in "
        f"{time.perf_counter() - started:,.0f} s"
    )
    out = tmp / f"out-{size}"
    work = FolderPeak(out / "_work")
    work.start()
    started = time.perf_counter()
    summary = saring.run(
        Pipeline(JsonlReader([str(folder)]), news(), str(out)), LocalExecutor(workers)
    )
    wall = time.perf_counter() - started
    work.done.set()
    work.join()
    names = [stage for stage in summary.stages]
    print(
        f"{'phase':<22} {'step':<22} {'tasks':>5} {'peak MB':>8} {'rise MB':>8} "
        f"{'rise B/rec':>10} {'rise B/doc':>10} {'limit MB':>8}"
    )
    worst = 0.0
    for phase, used in summary.tasks.items():
        stage = int(phase.split()[1]) - 1
        step = (names[stage][-1] if "reduce" in phase else "map") if stage < len(names) else ""
        per_record = used["growth_max"] / max(used["records_max"], 1)
        per_doc = used["growth_max"] / max(summary.read, 1)
        limit = 300e6 + 1000 * used["records_max"]
        worst = max(worst, used["peak_rss_max"] / limit)
        print(
            f"{phase:<22} {step[:22]:<22} {used['tasks']:>5} "
            f"{used['peak_rss_max'] / 1e6:>8.0f} {used['growth_max'] / 1e6:>8.1f} "
            f"{per_record:>10.0f} {per_doc:>10.1f} {limit / 1e6:>8.0f}"
        )
    print(
        f"_work/ peak {work.peak / 1e6:,.0f} MB = {work.peak / input_bytes:.2f}x the input "
        f"({input_bytes / 1e6:,.0f} MB)"
    )
    print(
        f"wall {wall:,.0f} s, {1e3 * wall / size:.2f} ms per document, kept {summary.kept:,}, "
        f"largest task peak / (300 MB + 1 KB per record) = {worst:.2f}"
    )
    result = {"size": size, "wall": wall, "work": work.peak / input_bytes, "tasks": summary.tasks}
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="folder for the corpora and runs (default: a temp dir)")
    args = parser.parse_args()
    pool = sentences(data_folder(args.data, "indosum-dev"))
    print(f"{len(pool):,} distinct IndoSum sentences; {args.workers} workers")
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="saring-scale-"))
    results = [measure(size, pool, args.workers, tmp) for size in args.sizes]
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = last["size"] / first["size"]
        print(f"\nfrom N = {first['size']:,} to {last['size']:,} ({growth:.1f}x):")
        per_doc = (last["wall"] / last["size"]) / (first["wall"] / first["size"])
        print(f"  wall per document x{per_doc:.2f}")
        for phase, used in last["tasks"].items():
            before = first["tasks"].get(phase)
            if before and before["growth_max"]:
                ratio = used["growth_max"] / before["growth_max"]
                print(f"  {phase:<22} largest task's rise x{ratio:.2f}")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
