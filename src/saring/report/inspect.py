"""Looking into a finished run: the account of ``stats.json`` and examples of what went."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
import pyarrow.parquet as pq

from saring import storage
from saring.engine.layout import Layout
from saring.engine.summary import RunSummary
from saring.errors import SaringError
from saring.io.shards import Source

_COLUMNS = ["id", "text", "domain", "reason", "duplicate_of"]


def removed_records(output: str) -> Iterator[dict[str, Any]]:
    """Yield the rows of a run's ``removed/`` files (Parquet or JSON Lines) in file order."""
    folder = Layout(output).removed
    for name in storage.listdir(folder):
        path = storage.join(folder, name)
        if name.endswith(".parquet"):
            with storage.open_file(path) as file:
                for batch in pq.ParquetFile(file).iter_batches(columns=_COLUMNS):
                    yield from batch.to_pylist()
        else:
            with Source(path).open() as stream:
                for line in stream:
                    yield orjson.loads(line)


def inspect_run(output: str, reason: str | None = None, examples: int = 3) -> str:
    """Return a run's account and, per removal reason, a few examples of removed documents."""
    stats_path = Layout(output).stats
    if not storage.exists(stats_path):
        raise SaringError(f"{output} holds no finished run (no stats.json)")
    summary = RunSummary.from_dict(output, orjson.loads(storage.read_bytes(stats_path)))
    out = [summary.text()]
    found: dict[str, list[str]] = {}
    for record in removed_records(output):
        kind = str(record["reason"])
        if (reason and kind != reason) or len(found.setdefault(kind, [])) >= examples:
            continue
        text = " ".join(str(record["text"]).split())
        kept = f" (copy of {record['duplicate_of']})" if record["duplicate_of"] else ""
        found[kind].append(f"  {record['id']}{kept}: {text[:160]}{'…' if len(text) > 160 else ''}")
    for kind, lines in sorted(found.items()):
        out += [f"\n{kind}:", *lines]
    if reason and reason not in found:
        out.append(f"\nno document was removed as {reason}")
    return "\n".join(out)
