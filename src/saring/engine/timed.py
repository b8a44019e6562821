"""The one wrapper that keeps a step's stats: documents in and out, drops by reason, time."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from saring.document import Document, Dropped
from saring.stats import StepStats

T = TypeVar("T")


class Timed:
    """Counts what passes through one step and the time it takes."""

    def __init__(self, name: str) -> None:
        self.stats = StepStats(name)

    def call(self, work: Callable[[], T]) -> T:
        """Run ``work`` and add its time."""
        started = time.perf_counter()
        try:
            return work()
        finally:
            self.stats.seconds += time.perf_counter() - started

    def count(self, result: Document | Dropped) -> Document | Dropped:
        """Count one document that entered the step and what came out."""
        self.stats.docs_in += 1
        if isinstance(result, Dropped):
            self.stats.dropped[result.reason] += 1
        else:
            self.stats.docs_out += 1
        return result

    def handle(self, work: Callable[[], Document | Dropped]) -> Document | Dropped:
        """Run one document through the step: timed and counted."""
        return self.count(self.call(work))

    def each(self, items: Iterable[Document | Dropped]) -> Iterator[Document | Dropped]:
        """Yield what a reader produces, counting each item and the time spent making it."""
        iterator = iter(items)
        while True:
            started = time.perf_counter()
            item = next(iterator, None)
            self.stats.seconds += time.perf_counter() - started
            if item is None:
                return
            yield self.count(item)
