"""A reduce task: one partition of one round of a global step.

Round 0 streams the partition's keyed records from every shard's sorted runs (and the
records of documents outside the run, sorted on the spot) and calls ``decide`` once per key;
round N streams the messages round N-1 sent to the partition's keys and calls ``resume``.
What comes out is routed: decisions into runs sectioned by the shard that holds each
document, messages into runs sectioned by the partition of their key, broadcasts into a small
file. No round holds more than one key's records at a time.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from saring import storage
from saring.engine.files import Marker, read_json, remove, write_json, write_marker
from saring.engine.layout import Layout
from saring.engine.maptask import EVERY_SECTION
from saring.engine.resources import PeakMemory
from saring.engine.rounds import Routed
from saring.engine.shuffle import (
    RunWriter,
    merged,
    numbers_key,
    run_files,
    sort_key,
    split_key,
    split_text,
)
from saring.engine.timed import Timed
from saring.executors.base import Report
from saring.pipeline import Pipeline
from saring.stats import StepStats
from saring.step import EVERY, DocRef, GlobalStep, Round, partition_of


@dataclass
class ReduceTask:
    """Runs round ``number`` of a stage's global step over one partition of its keys."""

    pipeline: Pipeline
    stage: int
    number: int
    partition: int
    partitions: int
    layout: Layout
    previous: dict[str, int] = field(default_factory=dict)
    """Counters of the previous round, summed over its partitions (round 1 and later)."""
    options: dict[str, Any] = field(default_factory=dict)
    """The storage options of the run (``saring.storage``), set in the worker first."""

    @property
    def marker(self) -> str:
        return self.layout.reduce_marker(self.stage, self.number, self.partition)

    def __call__(self, report: Report) -> list[StepStats]:
        storage.configure(self.options)
        with PeakMemory() as memory:
            stats, routed = self._call()
        sent = routed.sent + len(routed.broadcasts)
        marker = Marker(
            stats, sent, peak_rss=memory.peak, growth=memory.growth, records=routed.records
        )
        write_marker(self.marker, marker)
        return stats

    def _call(self) -> tuple[list[StepStats], _Router]:
        layout = self.layout
        name, step = self.pipeline.stages()[self.stage].global_step()
        step.setup()
        timed = Timed(name)
        prefix = f"{self.partition:05d}"
        sends = RunWriter(storage.join(layout.sends(self.stage, self.number), prefix))
        decisions = RunWriter(storage.join(layout.decisions(self.stage, self.number), prefix))
        try:
            routed = _Router(sends, decisions, self.number, self.partitions)
            timed.call(lambda: self._reduce(layout, step, timed.stats, routed))
            sends.close()
            decisions.close()
        except BaseException:
            sends.abort()
            decisions.abort()
            raise
        broadcast = storage.join(layout.broadcasts(self.stage, self.number), f"{prefix}.json")
        write_json(broadcast, [value.decode() for value in routed.broadcasts])
        remove(layout.scratch(self.stage, self.number, self.partition))
        if self.number == 0:
            timed.stats.counters["keys"] += routed.keys
        return [timed.stats], routed

    def _reduce(self, layout: Layout, step: GlobalStep, stats: StepStats, out: _Router) -> None:
        totals: Mapping[str, int] = read_json(layout.totals(self.stage))
        if self.number == 0:
            for key, items in _groups(self._keyed(layout, step)):
                out.records += len(items)
                out.key(key, step.decide(key, items, totals, stats))
            return
        folder = layout.broadcasts(self.stage, self.number - 1)
        values = sorted(
            value.encode()
            for name in storage.listdir(folder)
            for value in read_json(storage.join(folder, name))
        )
        context = Round(
            self.number,
            totals,
            previous=self.previous,
            broadcast=tuple(orjson.loads(value) for value in values),
        )
        runs = run_files(layout.sends(self.stage, self.number - 1))
        records = merged(runs, self.partition)
        split = (split_text(key) for key, _ in records)
        for text, group in itertools.groupby(split, key=lambda r: r[0]):
            messages = [orjson.loads(value) for _, value in group]
            out.records += len(messages)
            out.key(text, step.resume(text, messages, context, stats))

    def _keyed(self, layout: Layout, step: GlobalStep) -> Iterator[tuple[bytes, bytes]]:
        """Yield the partition's keyed records in (key, ref) order, documents outside this
        run (an earlier run's index) among them, sorted first into scratch runs."""
        scratch = RunWriter(layout.scratch(self.stage, self.number, self.partition))
        for seq, (key, ref, value) in enumerate(step.prior(self.partition, self.partitions)):
            scratch.write_json(self.partition, sort_key(key, ref[0], ref[1], seq), value)
        prior = scratch.close()
        yield from merged([*run_files(layout.keys(self.stage)), *prior], self.partition)


def _groups(records: Iterable[tuple[bytes, bytes]]) -> Iterator[tuple[str, list[Any]]]:
    """Group keyed records by key: (key, [(ref, value), …]) in ref order."""
    decoded = ((split_key(key), value) for key, value in records)
    for text, group in itertools.groupby(decoded, key=lambda r: r[0][0]):
        items: list[tuple[DocRef, Any]] = [
            ((numbers[0], numbers[1]), orjson.loads(value)) for (_, numbers), value in group
        ]
        yield text, items


class _Router(Routed):
    """Writes what each key's reduce produced to where it goes."""

    def __init__(self, sends: RunWriter, decisions: RunWriter, number: int, partitions: int):
        super().__init__()
        self._sends = sends
        self._decisions = decisions
        self._number = number
        self._partitions = partitions
        self.sent = 0
        self.keys = 0
        self.records = 0

    def key(self, key: str, outputs: Iterable[Any]) -> None:
        """Route one key's outputs, numbered in the order the step produced them."""
        self.keys += 1
        self.take(outputs)
        for seq, (ref, decision) in enumerate(self.decisions):
            if ref == EVERY:
                section, position = EVERY_SECTION, 0
            elif ref[0] < 0:
                continue  # a document of an earlier run: nothing here to apply it to
            else:
                section, position = ref
            order = numbers_key(position, self._number) + sort_key(key, seq)
            self._decisions.write_json(section, order, decision)
        for target, value in self.sends:
            # The value is part of the sort key: a key's messages arrive sorted by their bytes.
            order = sort_key(target) + value
            self._sends.write(partition_of(target, self._partitions), order, b"")
        self.sent += len(self.sends)
        self.decisions, self.sends = [], []
