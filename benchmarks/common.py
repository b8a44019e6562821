"""Helpers the benchmarks share: where the shared data is, and loading its corpora as documents."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"


def data_folder(given: str | None, name: str) -> Path:
    """Return the folder of one shared data set, or exit with a clear message if it is missing."""
    folder = (Path(given) if given else DEFAULT_DATA) / name
    if not folder.is_dir():
        print(f"skipped: data set {name!r} not found under {folder.parent} (pass --data DIR)")
        sys.exit(0)
    return folder


def indosum(folder: Path) -> Iterator[dict[str, Any]]:
    """Yield IndoSum articles as records: paragraphs on their own lines, tokens joined by spaces."""
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                paragraphs = [" ".join(" ".join(s) for s in p) for p in record["paragraphs"]]
                yield {
                    "id": record["id"],
                    "text": "\n\n".join(paragraphs),
                    "url": record["source_url"],
                }


def malay_news(folder: Path) -> Iterator[dict[str, Any]]:
    """Yield the Malay news records (text, url, title, date), numbered by file and position."""
    for path in sorted(folder.glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as source:
            for n, record in enumerate(json.load(source)):
                yield {"id": f"{path.name.split('.')[0]}-{n}", **record}


def write_jsonl(path: Path, records: Iterator[dict[str, Any]]) -> int:
    """Write records as JSON Lines; return how many."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def indosum_articles(folder: Path) -> Iterator[dict[str, Any]]:
    """Yield IndoSum articles as ``indosum`` does, plus ``category``, ``source`` and a ``date``
    (ISO, from the Unix time that starts each IndoSum id), first occurrence of each id only."""
    seen: set[str] = set()
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record["id"] in seen:
                    continue
                seen.add(record["id"])
                paragraphs = [" ".join(" ".join(s) for s in p) for p in record["paragraphs"]]
                stamp = record["id"].split("-", 1)[0]
                date = (
                    datetime.fromtimestamp(int(stamp), tz=UTC).date().isoformat()
                    if stamp.isdigit()
                    else None
                )
                yield {
                    "id": record["id"],
                    "text": "\n\n".join(paragraphs),
                    "url": record["source_url"],
                    "category": record["category"],
                    "source": record["source"],
                    "date": date,
                }


def malay_news_articles(folder: Path) -> Iterator[dict[str, Any]]:
    """Yield the Malay news records as ``malay_news`` does, plus ``topic`` (the file it came
    from, e.g. ``isu-1mdb``) and ``date`` rewritten from the crawl's MM-DD-YYYY to ISO."""
    for record in malay_news(folder):
        parts = str(record.get("date") or "").split("-")
        iso = None
        if len(parts) == 3 and "".join(parts).isdigit():
            month, day, year = parts
            iso = f"{year}-{month}-{day}"
        yield {**record, "topic": record["id"].rsplit("-", 1)[0], "date": iso}
