"""The units of work an executor runs: a map task per (stage, shard), a reduce task per
(stage, partition). Each writes its files under temporary names, renames them into place and
then writes its completion marker, so a task killed part-way is simply run again."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from saring import meta
from saring.document import Document, Dropped, from_record, to_record
from saring.engine.buckets import BucketSink, read_bucket
from saring.engine.layout import Layout
from saring.executors.base import Report
from saring.io.base import RecordSink, Source
from saring.io.jsonl import JsonlWriter
from saring.pipeline import Pipeline
from saring.sample import Sample
from saring.stats import READ, StepStats
from saring.step import EVERY, DocRef, GlobalStep, Step, partition_of

_REPORT_EVERY = 512
_TALLY_BUCKET = -1
"""Bucket of a keys file holding the shard's tally counts."""
_EVERY_BUCKET = -1
"""Bucket of a decisions file holding decisions for every document."""


class _Outputs:
    """Files a task writes: created under temporary names, renamed into place on commit."""

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


def _spill(path: str) -> RecordSink:
    return JsonlWriter(compression="zstd").open(path, ())


def _unspill(path: str) -> Iterator[Any]:
    with Source(path).open() as stream:
        for line in stream:
            yield orjson.loads(line)


def _write_marker(path: str, stats: list[StepStats]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "wb") as out:
        out.write(orjson.dumps([s.to_dict() for s in stats]))
    os.replace(path + ".tmp", path)


def read_marker(path: str) -> list[StepStats] | None:
    """Return the stats a finished task saved, or ``None`` if it has not finished."""
    if not os.path.exists(path):
        return None
    with open(path, "rb") as marker:
        return [StepStats.from_dict(d) for d in orjson.loads(marker.read())]


def sample_path(layout: Layout, stage: int, shard: int) -> str:
    """Return where a map task saves its sample of documents."""
    return os.path.join(layout.stage_dir(stage), "sample", f"{shard:05d}.json")


def write_sample(path: str, sample: Sample) -> None:
    """Save a task's sample of documents for the report (``saring.sample``)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "wb") as out:
        out.write(orjson.dumps(sample.to_dict()))
    os.replace(path + ".tmp", path)


def _removed_record(dropped: Dropped) -> dict[str, Any]:
    return {
        **to_record(dropped.doc),
        "reason": dropped.reason,
        "duplicate_of": dropped.duplicate_of,
    }


@dataclass
class MapTask:
    """Runs one stage's steps over one shard."""

    pipeline: Pipeline
    stage: int
    shard: int
    shards: list[str]
    partitions: int
    names: list[str] = field(default_factory=list)

    @property
    def marker(self) -> str:
        return Layout(self.pipeline.output).map_marker(self.stage, self.shard)

    def __call__(self, report: Report) -> list[StepStats]:
        layout = Layout(self.pipeline.output)
        stage = self.pipeline.stages()[self.stage]
        for step in (stage.applies, *stage.steps, stage.observes):
            if step is not None:
                step.setup()
        outputs = _Outputs()
        sample = Sample()
        try:
            stats = self._run(
                layout, stage.applies, stage.steps, stage.observes, outputs, report, sample
            )
        except BaseException:
            outputs.abort()
            raise
        outputs.commit()
        write_sample(sample_path(layout, self.stage, self.shard), sample)
        _write_marker(self.marker, stats)
        return stats

    def _step_names(self) -> dict[int, str]:
        steps = self.pipeline.flat_steps()
        return {id(step): name for step, name in zip(steps, self.names, strict=True)}

    def _run(
        self,
        layout: Layout,
        applies: GlobalStep | None,
        steps: tuple[Step, ...],
        observes: GlobalStep | None,
        outputs: _Outputs,
        report: Report,
        sample: Sample,
    ) -> list[StepStats]:
        names = self._step_names()
        writer = self.pipeline.output_writer()
        removed_path = layout.removed_file(self.shard, self.stage, writer.extension())

        def drop(dropped: Dropped) -> None:
            sink = outputs.sink(removed_path, lambda p: writer.open(p, meta.REMOVED_COLUMNS))
            sink.write(_removed_record(dropped))
            sample.offer_removed(dropped)

        all_stats: list[StepStats] = []
        source: Source | None = None
        if applies is None:
            source = Source(self.shards[self.shard])
            read_stats = StepStats(READ)
            all_stats.append(read_stats)
            incoming = self._read(source, read_stats)
        else:
            apply_stats = StepStats(names[id(applies)])
            all_stats.append(apply_stats)
            incoming = self._apply(layout, applies, apply_stats)

        chain = [(step, StepStats(names[id(step)])) for step in steps]
        all_stats.extend(s for _, s in chain)
        emit, finish = self._emitter(layout, observes, outputs, writer, all_stats, names, sample)

        processed, last_bytes = 0, 0
        for item in incoming:
            processed += 1
            if processed % _REPORT_EVERY == 0:
                read_now = source.bytes_read if source else 0
                report(_REPORT_EVERY, read_now - last_bytes)
                last_bytes = read_now
            if isinstance(item, Dropped):
                drop(item)
                continue
            doc = item
            for step, step_stats in chain:
                step_stats.docs_in += 1
                started = time.perf_counter()
                result = step.handle(doc, step_stats)
                step_stats.seconds += time.perf_counter() - started
                if isinstance(result, Dropped):
                    step_stats.dropped[result.reason] += 1
                    drop(result)
                    break
                step_stats.docs_out += 1
                doc = result
            else:
                emit(doc)
        finish()
        read_now = source.bytes_read if source else 0
        report(processed % _REPORT_EVERY, read_now - last_bytes)
        return all_stats

    def _read(self, source: Source, stats: StepStats) -> Iterator[Document | Dropped]:
        started = time.perf_counter()
        for item in self.pipeline.reader.read(source, self.pipeline.strict):
            stats.docs_in += 1
            if isinstance(item, Dropped):
                stats.dropped[item.reason] += 1
            else:
                stats.docs_out += 1
            stats.seconds += time.perf_counter() - started
            yield item
            started = time.perf_counter()
        stats.counters["bytes"] += source.bytes_read
        stats.counters.update(source.counters)

    def _apply(
        self, layout: Layout, step: GlobalStep, stats: StepStats
    ) -> Iterator[Document | Dropped]:
        previous = self.stage - 1
        decisions: dict[int, list[Any]] = {}
        broadcast: list[Any] = []
        for partition in range(self.partitions):
            path = layout.decisions(previous, partition)
            for position, decision in read_bucket(path, self.shard):
                decisions.setdefault(position, []).append(decision)
            broadcast += [decision for _, decision in read_bucket(path, _EVERY_BUCKET)]
        for position, record in enumerate(_unspill(layout.spool(previous, self.shard))):
            doc = from_record(record)
            stats.docs_in += 1
            started = time.perf_counter()
            result = step.apply(doc, decisions.get(position, []) + broadcast, stats)
            stats.seconds += time.perf_counter() - started
            if isinstance(result, Dropped):
                stats.dropped[result.reason] += 1
            else:
                stats.docs_out += 1
            yield result

    def _emitter(
        self,
        layout: Layout,
        observes: GlobalStep | None,
        outputs: _Outputs,
        writer: Any,
        all_stats: list[StepStats],
        names: dict[int, str],
        sample: Sample,
    ) -> tuple[Callable[[Document], None], Callable[[], None]]:
        """Return where kept documents go (the writer, or the spool and keys of a global step)
        and what to do after the last one."""
        if observes is None:
            # Opened even if nothing is kept, so that output parts line up with input shards.
            docs = outputs.sink(
                layout.docs_file(self.shard, writer.extension()),
                lambda p: writer.open(p, meta.DOC_COLUMNS),
            )

            def write(doc: Document) -> None:
                docs.write(to_record(doc))
                sample.offer_kept(doc)

            return write, lambda: None

        spool = outputs.sink(layout.spool(self.stage, self.shard), _spill)
        keys = outputs.sink(layout.keys(self.stage, self.shard), BucketSink)
        observe_stats = StepStats(names[id(observes)])
        all_stats.append(observe_stats)
        position = 0
        tallies: Counter[str] = Counter()

        def emit(doc: Document) -> None:
            nonlocal position
            spool.write(to_record(doc))
            observe_stats.counters["observed"] += 1
            started = time.perf_counter()
            for key, value in observes.observe(doc):
                keys.write((partition_of(key, self.partitions), [key, position, value]))
            tallies.update(observes.tally(doc))
            observe_stats.seconds += time.perf_counter() - started
            position += 1

        def finish() -> None:
            keys.write((_TALLY_BUCKET, tallies))

        return emit, finish


@dataclass
class ReduceTask:
    """Groups one partition's keyed records from every shard and runs ``decide`` per key."""

    pipeline: Pipeline
    stage: int
    partition: int
    shards: int
    name: str
    partitions: int = 1

    @property
    def marker(self) -> str:
        return Layout(self.pipeline.output).reduce_marker(self.stage, self.partition)

    def __call__(self, report: Report) -> list[StepStats]:
        layout = Layout(self.pipeline.output)
        step = self.pipeline.stages()[self.stage].observes
        assert step is not None
        step.setup()
        stats = StepStats(self.name)
        started = time.perf_counter()
        groups: dict[str, list[tuple[DocRef, Any]]] = {}
        totals: Counter[str] = Counter()
        # Records of documents outside this run (an earlier run's index) come first.
        for key, ref, value in step.prior(self.partition, self.partitions):
            groups.setdefault(key, []).append((ref, value))
        for shard in range(self.shards):
            path = layout.keys(self.stage, shard)
            for key, position, value in read_bucket(path, self.partition):
                groups.setdefault(key, []).append(((shard, position), value))
            for tally in read_bucket(path, _TALLY_BUCKET):
                totals.update(tally)
        outputs = _Outputs()
        try:
            decisions = outputs.sink(layout.decisions(self.stage, self.partition), BucketSink)
            for key, items in groups.items():
                for output in step.decide(key, items, totals, stats):
                    if not isinstance(output, tuple):
                        raise TypeError("reduce rounds are not supported by this engine yet")
                    ref, decision = output
                    shard, position = ref
                    if shard < 0 and ref != EVERY:
                        continue  # a document of an earlier run: nothing here to apply to
                    bucket = _EVERY_BUCKET if ref == EVERY else shard
                    decisions.write((bucket, [position, decision]))
        except BaseException:
            outputs.abort()
            raise
        outputs.commit()
        stats.counters["keys"] += len(groups)
        stats.seconds += time.perf_counter() - started
        _write_marker(self.marker, [stats])
        return [stats]
