"""Boilerplate removal on real news: how many template-line occurrences go, how much text stays.

Usage: python benchmarks/boilerplate.py [--data SHARED_DATA_DIR] [--workers N]

Runs the news preset on the IndoSum dev folds and on the Malay news crawl of the shared data,
then compares each kept document with its input, line by line. Gold template lines are the
repeated template lines these corpora are known to carry, matched by the patterns below
(written apart from saring's own phrase lists): related-article lines ("Baca juga : ...",
"Simak juga - ...", "[Artikel berkaitan: ...]"), credits ("Sumber : ...", editors' initials
such as "( ard )", "- Bernama"), the DailySocial footer paragraph, the Malay font-size bar
("A- A+ (Ubah saiz teks)"), "[Baca berita penuh]" links, share labels and embed placeholders.
Every other non-blank line of a kept document is article text that should survive. Lines that
fuse a marker with article text ("Baca_Juga Namun, ...") cannot be removed without losing
text, so they count in neither figure. The run is repeated without site-template learning to
show what it adds.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

import saring
from common import data_folder, indosum, malay_news, write_jsonl
from saring import (
    Document,
    JsonlReader,
    LocalExecutor,
    NormalizeUnicode,
    Pipeline,
    RemoveSiteTemplates,
    StepStats,
)
from saring.presets import news

GOLD = re.compile(
    "|".join(
        [
            # related-article links: "Baca juga : ...", "Simak juga - ...", "[Artikel berkaitan: …]"
            r"^[(\[]?\s*(?:baca(?:[ _]juga)?|simak(?: juga)?|lihat juga|video"
            r"|(?:artikel|berita) (?:berkaitan|terkait))\s*(?:[:\-–|\]]|$)",
            # credits: "Sumber : Reuters .", editors' initials "( ard )", "- Bernama"
            r"^sumber(?:\s*(?:berita|foto)?\s*:.*)?$",
            r"^[(\[] ?[a-z]{2,5}(?: ?/ ?[a-z]{2,5})* ?[)\]]$",
            r"^- ?bernama$",
            # site furniture: font-size bar, share label, embed placeholders, DailySocial footer
            r"^a[-+] a[-+](?: \(ubah saiz teks\))?$",
            r"^\[baca berita (?:penuh|asal)\]$",
            r"^bagikan\s*:$",
            r"^loading(?:\.\.\.| instagram)$",
            r"^dailysocial\.id adalah portal berita startup",
        ]
    )
)
FUSED = re.compile(r"^baca_juga\s+\w")


def normal(line: str) -> str:
    """Return a line as compared across input and output: NFKC, spacing folded, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", line).split()).casefold()


def repaired(text: str) -> str:
    """Return the text as saring's Unicode repair leaves it, which edits lines but removes none."""
    return NormalizeUnicode().transform(Document(id="", text=text), StepStats("")).text


def lines_of(text: str) -> Counter[str]:
    return Counter(normal(line) for line in text.split("\n") if line.strip())


def measure(inputs: dict[str, str], outputs: dict[str, str]) -> dict[str, Any]:
    """Return removal of gold template lines and survival of other lines over kept documents."""
    gold_in = gold_removed = other_in = other_removed = 0
    survived: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    for doc_id, text in outputs.items():
        after = lines_of(text)
        for line, count in lines_of(inputs[doc_id]).items():
            if FUSED.match(line):
                continue
            gone = max(0, count - after[line])
            if GOLD.match(line):
                gold_in += count
                gold_removed += gone
                survived[line[:60]] += count - gone
            else:
                other_in += count
                other_removed += gone
                lost[line[:80]] += gone
    return {
        "kept_docs": len(outputs),
        "gold_lines": gold_in,
        "gold_removed": gold_removed / max(gold_in, 1),
        "other_lines": other_in,
        "other_survive": 1 - other_removed / max(other_in, 1),
        "gold_left": [(line, n) for line, n in survived.most_common(5) if n],
        "other_lost": [(line, n) for line, n in lost.most_common(8) if n],
    }


def run(source: Path, out: Path, workers: int, templates: bool) -> dict[str, str]:
    steps = [s for s in news() if templates or not isinstance(s, RemoveSiteTemplates)]
    saring.run(Pipeline(JsonlReader([str(source)]), steps, output=str(out)), LocalExecutor(workers))
    table = pq.read_table(out / "docs", columns=["id", "text"]).to_pylist()
    return {row["id"]: row["text"] for row in table}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    corpora = {
        "indosum-dev": indosum(data_folder(args.data, "indosum-dev")),
        "malay-news-2018": malay_news(data_folder(args.data, "malay-news-2018")),
    }
    header = ("corpus", "templates", "kept", "gold", "removed", "other", "survive")
    print("{:<17} {:<9} {:>6} {:>6} {:>8} {:>7} {:>8}".format(*header))
    with tempfile.TemporaryDirectory() as tmp:
        for name, records in corpora.items():
            source = Path(tmp) / f"{name}.jsonl"
            inputs = {r["id"]: repaired(r["text"]) for r in _materialise(source, records)}
            for templates in (False, True):
                out = Path(tmp) / f"{name}-{templates}"
                figures = measure(inputs, run(source, out, args.workers, templates))
                print(
                    f"{name:<17} {'learned' if templates else 'off':<9} {figures['kept_docs']:>6} "
                    f"{figures['gold_lines']:>6} {figures['gold_removed']:>8.2%} "
                    f"{figures['other_lines']:>7} {figures['other_survive']:>8.2%}"
                )
            for line, n in figures["gold_left"]:
                print(f"    template line left {n:>4}x: {line}")
            for line, n in figures["other_lost"]:
                print(f"    other line removed {n:>4}x: {line}")


def _materialise(path: Path, records: Any) -> list[dict[str, Any]]:
    rows = [r for r in records if isinstance(r.get("text"), str)]
    write_jsonl(path, iter(rows))
    return rows


if __name__ == "__main__":
    main()
