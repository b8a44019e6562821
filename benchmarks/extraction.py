"""Article extraction: saring's quality and fast modes against trafilatura and resiliparse.

Runs on the article-extraction-benchmark (Zyte; 181 English news pages with human-written
article bodies, MIT) and prints, per system, precision/recall/F1 and pages per second.

Scores follow the benchmark's ``evaluate.py``: texts are cut into ``\\w+`` tokens; per page,
true/false positives and false negatives are counted over the multiset of token n-grams
(shingles) of the extracted and gold bodies and normalised to sum to 1; precision is the
mean over pages with any prediction, recall the mean over pages with any gold text
(macro-averaged over pages), and F1 the harmonic mean of the two means. ``F1(4)`` uses
4-token shingles (the benchmark's published figures); ``P/R/F1(1)`` use single tokens
(bag-of-tokens overlap).

trafilatura is called as the benchmark's own runner calls it (``extract(html,
include_comments=False)``), resiliparse as ``extract_plain_text(html, main_content=True)``.
saring's modes run as the readers run them: bytes decoded, extraction in the bounded child
process (one request per page over a pipe), metadata included. Speed is single-process
wall time over all pages, after a warm-up page; the machine is shared, so compare the ratios
printed by one run rather than absolute figures across runs.

Usage: python benchmarks/extraction.py [DATA] (default ../shared/data/article-extraction-
benchmark relative to the repository root).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Return the multiset of n-token shingles of a text (the benchmark's ``_all_shingles``)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_counts(gold: str, found: str, n: int) -> tuple[float, float, float]:
    """Return a page's (tp, fp, fn) over n-token shingles, normalised to sum to 1."""
    true, pred = shingles(gold, n), shingles(found, n)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(pairs: list[tuple[str, str]], n: int) -> tuple[float, float, float]:
    """Return (precision, recall, F1) macro-averaged over pages as the benchmark does."""
    counts = [page_counts(gold, found, n) for gold, found in pairs]
    precision = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in counts if tp + fp > 0
    )
    recall = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in counts if tp + fn > 0
    )
    return precision, recall, 2 * precision * recall / (precision + recall)


def load(data: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """Return the pages' HTML bytes and gold bodies by page id."""
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        path.name.split(".")[0]: gzip.decompress(path.read_bytes())
        for path in sorted((data / "html").glob("*.html.gz"))
    }
    return pages, {key: value.get("articleBody") or "" for key, value in gold.items()}


def systems() -> dict[str, Callable[[bytes], str]]:
    """Return each system as a function from page bytes to extracted text."""
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text

    from saring.extract import BoundedExtractor, Extraction, decode_html

    def saring_mode(mode: str) -> Callable[[bytes], str]:
        extractor = BoundedExtractor(mode, timeout=60.0)

        def run(page: bytes) -> str:
            result = extractor.extract(decode_html(page)[0], None)
            return result.text if isinstance(result, Extraction) else ""

        return run

    return {
        "saring quality": saring_mode("quality"),
        "saring fast": saring_mode("fast"),
        "trafilatura": lambda page: (
            trafilatura.extract(page.decode("utf-8"), include_comments=False) or ""
        ),
        "resiliparse": lambda page: extract_plain_text(page.decode("utf-8"), main_content=True),
    }


def main(argv: list[str] | None = None) -> int:
    """Run every system over the benchmark and print the table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"skipped: no article-extraction-benchmark at {args.data} (ground-truth.json)")
        return 0
    pages, gold = load(args.data)
    keys = sorted(set(pages) & set(gold))
    print(f"{len(keys)} pages from {args.data.name}")
    header = f"{'system':<16}{'P(1)':>7}{'R(1)':>7}{'F1(1)':>7}{'F1(4)':>7}{'pages/s':>9}"
    print(header)
    results: dict[str, tuple[float, float]] = {}
    for name, extract in systems().items():
        extract(pages[keys[0]])  # warm-up: loads models, starts the child process
        started = time.perf_counter()
        found = {key: extract(pages[key]) for key in keys}
        rate = len(keys) / (time.perf_counter() - started)
        p1, r1, f1 = scores([(gold[k], found[k]) for k in keys], 1)
        f4 = scores([(gold[k], found[k]) for k in keys], 4)[2]
        results[name] = (f4, rate)
        print(f"{name:<16}{p1:>7.3f}{r1:>7.3f}{f1:>7.3f}{f4:>7.3f}{rate:>9.1f}", flush=True)
    traf_f4, traf_rate = results["trafilatura"]
    quality_f4 = results["saring quality"][0]
    fast_f4, fast_rate = results["saring fast"]
    print(
        f"quality F1(4) - trafilatura F1(4) = {quality_f4 - traf_f4:+.3f} (target >= 0)\n"
        f"fast F1(4) - trafilatura F1(4)    = {fast_f4 - traf_f4:+.3f} (target >= -0.05)\n"
        f"fast speed / trafilatura speed    = {fast_rate / traf_rate:.1f}x (target >= 5x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
