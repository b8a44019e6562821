"""Files a task writes: outputs under temporary names, spooled documents, completion markers.

A task writes its files under temporary names and renames them into place when it commits
(on an object store: writes them locally and uploads each whole), then writes its completion
marker: a task killed part-way leaves nothing a reader could mistake for output, and runs
again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from saring import storage
from saring.io.base import RecordSink
from saring.io.jsonl import JsonlWriter
from saring.io.shards import Source
from saring.stats import StepStats


class Outputs:
    """Record sinks opened on first use under temporary names, renamed into place on commit."""

    def __init__(self) -> None:
        self._open: dict[str, tuple[str, RecordSink]] = {}

    def sink(self, path: str, opener: Callable[[str], RecordSink]) -> RecordSink:
        if path not in self._open:
            staged = storage.staging(path)
            self._open[path] = (staged, opener(staged))
        return self._open[path][1]

    def commit(self) -> None:
        for path, (staged, sink) in self._open.items():
            sink.close()
            storage.publish(staged, path)

    def abort(self) -> None:
        for staged, sink in self._open.values():
            try:
                sink.close()
            finally:
                storage.discard(staged)


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
    storage.write_bytes(path, orjson.dumps(data, option=orjson.OPT_SORT_KEYS))


def read_json(path: str) -> Any:
    return orjson.loads(storage.read_bytes(path))


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
    try:
        data = read_json(path)
    except FileNotFoundError:
        return None
    stats = [StepStats.from_dict(d) for d in data["stats"]]
    return Marker(stats, data["sent"], data["peak_rss"], data["growth"], data["records"])


def remove(path: str) -> None:
    """Delete a file or folder that a finished stage no longer needs."""
    storage.remove(path)
