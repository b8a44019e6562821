"""Soak test: a CLI run killed at random points resumes to the uninterrupted output, and no
process of a killed run survives it.

Usage: python benchmarks/soak.py [--data SHARED_DATA_DIR] [--docs 5000] [--kills 10]
       [--workers 2] [--seed 12]
       python benchmarks/soak.py --adversarial

``--adversarial`` instead times each text step on the adversarial inputs of
``tests/reliability/test_regex_linear.py`` (runs and alternations of character classes, 1 MB
lines) and prints the slowest, with the time of the same steps on an ordinary article text
of the same length in the same run.

Writes at least ``--docs`` articles (IndoSum dev folds, then the Malay news crawl) as ten
JSON Lines files, runs ``saring clean`` (news preset) on them once uninterrupted, then for
each of ``--kills`` kill points: starts the same command into a fresh folder, sends SIGKILL
or SIGTERM (chosen at random) after a random delay within the uninterrupted run's duration,
checks that no process carrying the run's tag (main, forkserver, resource tracker, workers,
extraction children) is left, reruns the command to completion and compares ``docs/`` and
``removed/`` with the uninterrupted run's byte for byte. Prints the counts.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from common import data_folder, indosum, malay_news, write_jsonl

TAG = "SARING_SOAK_TAG"


def run_processes(tag: str) -> list[int]:
    """Return the live (not zombie) processes whose environment carries the tag."""
    found = []
    needle = f"{TAG}={tag}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as environ:
                if needle not in environ.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/stat", "rb") as stat:
                if stat.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    continue
        except OSError:
            continue
        found.append(int(entry))
    return found


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Return each file's bytes under a folder, by relative path."""
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))}


def start(corpus: Path, output: Path, workers: int, tag: str) -> subprocess.Popen[bytes]:
    """Start ``saring clean`` on the corpus in its own session, carrying the tag."""
    command = [sys.executable, "-m", "saring.cli", "clean", str(corpus), "-o", str(output)]
    command += ["--workers", str(workers)]
    return subprocess.Popen(
        command,
        env={**os.environ, TAG: tag},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes]) -> int:
    _, err = process.communicate(timeout=3600)
    if process.returncode != 0:
        print(err.decode(errors="replace"), file=sys.stderr)
    return process.returncode


def adversarial() -> None:
    """Print the slowest step on adversarial texts, against an ordinary text as long."""
    from saring import (
        NormalizeUnicode,
        NormalizeWhitespace,
        RedactPII,
        RemovePhraseLines,
        RemoveRepeatedLines,
    )
    from saring.document import Document
    from saring.stats import StepStats

    steps = [NormalizeUnicode(), NormalizeWhitespace(), RemoveRepeatedLines()]
    steps += [RemovePhraseLines(), RedactPII()]
    classes = ["a", "1", ".", " ", "-", "@", ":", "&", "#", ";", "\n", "_", "é", "\u00a0"]
    classes += ["+", "/", "(", "\u0080", "Ã", "0", "8", ","]
    cases = [(f"run {c!r}", "a" + c * 100_000 + "a") for c in classes]
    cases += [
        (f"alternation {c!r}{d!r}", "a " + (c + d) * 50_000 + " a")
        for i, c in enumerate(classes)
        for d in classes[i + 1 :]
    ]
    cases += [("1 MB line", "Jakarta " * 131_072), ("1 MB of digits", "7" * 1_000_000)]
    ordinary = ("Harga cabai di Pasar Minggu naik lagi pekan ini. " * 2100)[:100_002]

    def timed(text: str) -> list[tuple[float, str]]:
        out = []
        for step in steps:
            started = time.perf_counter()
            step.transform(Document(id="x", text=text), StepStats("s"))
            out.append((time.perf_counter() - started, type(step).__name__))
        return out

    worst = sorted(((t, step, name) for name, text in cases for t, step in timed(text)))
    base = max(t for t, _ in timed(ordinary))
    print(f"{len(cases)} adversarial texts x {len(steps)} steps; slowest:")
    for seconds, step, name in worst[-5:][::-1]:
        print(f"  {seconds:.3f} s  {step} on {name} ({seconds / base:.1f}x ordinary text)")
    print(f"ordinary 100,000-character text, slowest step: {base:.3f} s")


def main() -> None:
    if "--adversarial" in sys.argv:
        adversarial()
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    if not os.path.isdir("/proc/self"):
        print("skipped: the survivor check needs Linux /proc")
        return
    articles = itertools.chain(
        indosum(data_folder(args.data, "indosum-dev")),
        malay_news(data_folder(args.data, "malay-news-2018")),
    )
    chosen = list(itertools.islice(articles, args.docs))
    if len(chosen) < args.docs:
        print(f"note: the data sets hold {len(chosen)} articles, fewer than --docs")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        for part in range(10):
            write_jsonl(corpus / f"part-{part:02d}.jsonl", iter(chosen[part::10]))
        started = time.perf_counter()
        reference = Path(tmp) / "whole"
        if finish(start(corpus, reference, args.workers, uuid.uuid4().hex)) != 0:
            sys.exit("the uninterrupted run failed")
        whole_seconds = time.perf_counter() - started
        expected = {part: folder_bytes(reference / part) for part in ("docs", "removed")}
        counts = {"SIGKILL": 0, "SIGTERM": 0, "landed": 0, "identical": 0, "survivors": 0}
        for kill in range(args.kills):
            signum = rng.choice([signal.SIGKILL, signal.SIGTERM])
            delay = rng.uniform(0.5, whole_seconds * 0.9)
            output, tag = Path(tmp) / f"killed-{kill}", uuid.uuid4().hex
            process = start(corpus, output, args.workers, tag)
            time.sleep(delay)
            if process.poll() is None:
                counts["landed"] += 1
            process.send_signal(signum)
            process.communicate(timeout=300)
            counts[signum.name] += 1
            deadline = time.monotonic() + 30
            while run_processes(tag) and time.monotonic() < deadline:
                time.sleep(0.2)
            left = run_processes(tag)
            counts["survivors"] += len(left)
            for pid in left:
                os.kill(pid, signal.SIGKILL)
            if finish(start(corpus, output, args.workers, uuid.uuid4().hex)) != 0:
                print(f"kill {kill}: the rerun failed")
                continue
            same = all(folder_bytes(output / part) == expected[part] for part in expected)
            counts["identical"] += same
            print(
                f"kill {kill + 1}: {signum.name} after {delay:.1f} s of {whole_seconds:.1f} s, "
                f"survivors {len(left)}, rerun identical: {same}",
                flush=True,
            )
    print(
        f"{len(chosen)} documents, {args.kills} kill points "
        f"({counts['SIGKILL']} SIGKILL, {counts['SIGTERM']} SIGTERM; {counts['landed']} "
        f"while the run was going): {counts['identical']}/{args.kills} reruns byte-identical "
        f"to the uninterrupted run, {counts['survivors']} processes survived"
    )


if __name__ == "__main__":
    main()
