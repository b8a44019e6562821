"""Files a task writes: outputs under temporary names, spooled documents, completion markers.

A task writes its files under temporary names and renames them into place when it commits,
then writes its completion marker: a task killed part-way leaves nothing a reader could
mistake for output, and runs again.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from saring.io.base import RecordSink
from saring.io.jsonl import JsonlWriter
from saring.io.shards import Source
from saring.stats import StepStats


class Outputs:
    """Record sinks opened on first use under temporary names, renamed into place on commit."""

    def __init__(self) -> None:
        self._open: dict[str, RecordSink] = {}

    def sink(self, path: str, opener: Callable[[str], RecordSink]) -> RecordSink:
        if path not in self._open:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self._open[path] = opener(path + ".tmp")
        return self._open[path]

    def commit(self) -> None:
        for path, sink in self._open.items():
            sink.close()
            os.replace(path + ".tmp", path)

    def abort(self) -> None:
        for path, sink in self._open.items():
            try:
                sink.close()
            finally:
                if os.path.exists(path + ".tmp"):
                    os.remove(path + ".tmp")


def spool_sink(path: str) -> RecordSink:
    """Return a sink of document records for a global step's next stage."""
    return JsonlWriter(compression="zstd").open(path, ())


def spooled(path: str) -> Iterator[Any]:
    """Yield the records of a spool file in order."""
    with Source(path).open() as stream:
        for line in stream:
            yield orjson.loads(line)


def write_json(path: str, data: Any) -> None:
    """Write JSON atomically."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "wb") as out:
        out.write(orjson.dumps(data, option=orjson.OPT_SORT_KEYS))
    os.replace(path + ".tmp", path)


def read_json(path: str) -> Any:
    with open(path, "rb") as saved:
        return orjson.loads(saved.read())


@dataclass(frozen=True)
class Marker:
    """What a finished task saved: its stats, and how many messages it sent onwards."""

    stats: list[StepStats]
    sent: int = 0
    peak_rss: int = 0
    """The task's peak resident memory in bytes (0 where the system does not say)."""
    growth: int = 0
    """How far that peak rose above what the worker held when the task started."""
    records: int = 0
    """Documents (map) or keyed records (reduce) the task read."""


def write_marker(path: str, marker: Marker) -> None:
    data = {"stats": [s.to_dict() for s in marker.stats], "sent": marker.sent}
    used = {"peak_rss": marker.peak_rss, "growth": marker.growth, "records": marker.records}
    write_json(path, {**data, **used})


def read_marker(path: str) -> Marker | None:
    """Return what a finished task saved, or ``None`` if it has not finished."""
    if not os.path.exists(path):
        return None
    data = read_json(path)
    stats = [StepStats.from_dict(d) for d in data["stats"]]
    return Marker(stats, data["sent"], data["peak_rss"], data["growth"], data["records"])


def remove(path: str) -> None:
    """Delete a file or folder that a finished stage no longer needs."""
    if os.path.isdir(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.exists(path):
        os.remove(path)
