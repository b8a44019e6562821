"""A map task: one stage's steps over one shard (a file, a part of one, or several files).

It takes documents from the reader (first stage) or from the previous stage's spool with the
decisions its global step addressed to them (``apply``), runs the stage's local steps, and
ends by writing kept documents, or by spooling them and writing the keyed records its own
global step observes (``observe``) as sorted runs.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from saring import meta, storage
from saring.document import Document, Dropped, from_record, to_record
from saring.engine.bound import TOO_SLOW, Bound, TooSlowError
from saring.engine.files import Marker, Outputs, remove, spool_sink, spooled, write_json
from saring.engine.files import write_marker as save_marker
from saring.engine.layout import Layout
from saring.engine.resources import PeakMemory
from saring.engine.shuffle import RunWriter, leading_number, merged, run_files, sort_key
from saring.engine.timed import Timed
from saring.executors.base import Report
from saring.io.base import RecordSink
from saring.io.shards import Source
from saring.pipeline import Pipeline, Stage
from saring.sample import Sample
from saring.stats import READ, StepStats
from saring.step import GlobalStep, Step, partition_of

_REPORT_EVERY = 512
EVERY_SECTION = -1
"""Section of a decisions run holding the decisions for every document."""


def removed_record(dropped: Dropped) -> dict[str, Any]:
    """Return the row of a removed document."""
    return {
        **to_record(dropped.doc),
        "reason": dropped.reason,
        "duplicate_of": dropped.duplicate_of,
    }


@dataclass
class MapTask:
    """Runs one stage's steps over one shard; ``files`` are the shard's inputs, in order."""

    pipeline: Pipeline
    stage: int
    shard: int
    files: tuple[str, ...]
    partitions: int
    layout: Layout
    options: dict[str, Any] = field(default_factory=dict)
    """The storage options of the run (``saring.storage``), set in the worker first."""

    @property
    def marker(self) -> str:
        return self.layout.map_marker(self.stage, self.shard)

    def __call__(self, report: Report) -> list[StepStats]:
        storage.configure(self.options)
        with PeakMemory() as memory:
            stats = self._call(report)
        marker = Marker(stats, peak_rss=memory.peak, growth=memory.growth, records=stats[0].docs_in)
        save_marker(self.marker, marker)
        if self.stage > 0:
            remove(self.layout.spool(self.stage - 1, self.shard))  # consumed
        return stats

    def _call(self, report: Report) -> list[StepStats]:
        layout = self.layout
        stage = self.pipeline.stages()[self.stage]
        for named in (stage.applies, *stage.steps, stage.observes):
            if named is not None:
                named.step.setup()
        outputs = Outputs()
        keys = RunWriter(storage.join(layout.keys(self.stage), f"{self.shard:05d}"))
        for stale in run_files(layout.keys(self.stage)):
            if stale.rsplit("/", 1)[-1].startswith(f"{self.shard:05d}-"):
                storage.remove(stale)  # left by a killed attempt of this task
        run = _Run(self, layout, stage, outputs, keys, report)
        try:
            stats = run.run()
            keys.close()
        except BaseException:
            outputs.abort()
            keys.abort()
            raise
        outputs.commit()
        write_json(layout.sample(self.stage, self.shard), run.sample.to_dict())
        return stats


def _bounded(bound: Bound, timed: Timed, step: Step, doc: Document) -> Document | Dropped:
    """Run one step on one document within the work bound."""
    try:
        return timed.handle(lambda: bound.run(functools.partial(step.handle, doc, timed.stats)))
    except TooSlowError:
        return timed.count(Dropped(doc, TOO_SLOW))


class _Run:
    """One execution of a map task: where documents come from, go through and end up."""

    def __init__(
        self,
        task: MapTask,
        layout: Layout,
        stage: Stage,
        outputs: Outputs,
        keys: RunWriter,
        report: Report,
    ) -> None:
        self.task = task
        self.layout = layout
        self.stage = stage
        self.outputs = outputs
        self.keys = keys
        self.report = report
        self.writer = task.pipeline.output_writer()
        self.sources: list[Source] = []
        self.sample = Sample()
        """A bounded sample of the documents the task removed or kept, for the report."""

    def run(self) -> list[StepStats]:
        first = Timed(READ if self.stage.applies is None else self.stage.applies.name)
        incoming = self._read(first) if self.stage.applies is None else self._apply(first)
        chain = [(named.step, Timed(named.name)) for named in self.stage.steps]
        observer = Timed(self.stage.observes.name) if self.stage.observes else None
        observe = self._observer(observer) if observer else None
        emit = observe or self._writer()
        processed, reported = 0, 0
        bound = Bound(self.task.pipeline.max_doc_seconds)
        try:
            for item in incoming:
                processed += 1
                if processed % _REPORT_EVERY == 0:
                    reported = self._report(_REPORT_EVERY, reported)
                for step, timed in chain:
                    if isinstance(item, Dropped):
                        break
                    item = _bounded(bound, timed, step, item)
                if isinstance(item, Dropped):
                    self._drop(item)
                else:
                    emit(item)
        finally:
            bound.close()
        self._report(processed % _REPORT_EVERY, reported)
        if observe is not None:
            write_json(self.layout.tally(self.stage.index, self.task.shard), observe.tallies)
        stats = [first.stats, *(timed.stats for _, timed in chain)]
        return stats + ([observer.stats] if observer else [])

    def _report(self, docs: int, reported: int) -> int:
        read = sum(source.bytes_read for source in self.sources)
        self.report(docs, read - reported)
        return read

    def _drop(self, dropped: Dropped) -> None:
        path = self.layout.removed_file(self.task.shard, self.stage.index, self.writer.extension())
        sink = self.outputs.sink(path, lambda p: self.writer.open(p, meta.REMOVED_COLUMNS))
        sink.write(removed_record(dropped))
        self.sample.offer_removed(dropped)

    def _read(self, timed: Timed) -> Iterator[Document | Dropped]:
        pipeline = self.task.pipeline
        for path in self.task.files:
            source = Source(path)
            self.sources.append(source)
            yield from timed.each(pipeline.reader.read(source, pipeline.strict))
            timed.stats.counters["bytes"] += source.bytes_read
            timed.stats.counters.update(source.counters)

    def _apply(self, timed: Timed) -> Iterator[Document | Dropped]:
        _, step = self.stage.global_step("applies")
        previous = self.stage.index - 1
        folder = self.layout.stage_dir(previous)
        runs = [
            path
            for name in storage.listdir(folder)
            if name.startswith("round-")
            for path in run_files(storage.join(folder, name, "decisions"))
        ]
        every = [orjson.loads(value) for _, value in merged(runs, EVERY_SECTION)]
        decisions = merged(runs, self.task.shard)
        pending = next(decisions, None)
        for position, record in enumerate(spooled(self.layout.spool(previous, self.task.shard))):
            mine: list[Any] = []
            while pending is not None and leading_number(pending[0]) == position:
                mine.append(orjson.loads(pending[1]))
                pending = next(decisions, None)
            doc = from_record(record)
            yield timed.handle(functools.partial(step.apply, doc, mine + every, timed.stats))

    def _writer(self) -> Any:
        # Opened even if nothing is kept, so that output parts line up with input shards.
        path = self.layout.docs_file(self.task.shard, self.writer.extension())
        docs = self.outputs.sink(path, lambda p: self.writer.open(p, meta.DOC_COLUMNS))

        def write(doc: Document) -> None:
            docs.write(to_record(doc))
            self.sample.offer_kept(doc)

        return write

    def _observer(self, timed: Timed) -> Observer:
        _, step = self.stage.global_step()
        spool = self.outputs.sink(self.layout.spool(self.stage.index, self.task.shard), spool_sink)
        return Observer(step, timed, spool, self.keys, self.task.shard, self.task.partitions)


@dataclass
class Observer:
    """The end of a stage that feeds a global step: each kept document is spooled for the
    next stage, and what the step observes of it becomes keyed records, addressed by the
    document's (shard, position)."""

    step: GlobalStep
    timed: Timed
    spool: RecordSink
    keys: RunWriter
    shard: int
    partitions: int
    position: int = 0
    tallies: Counter[str] = field(default_factory=Counter)

    def __call__(self, doc: Document) -> None:
        self.spool.write(to_record(doc))
        self.timed.stats.counters["observed"] += 1
        self.timed.call(functools.partial(self._observe, doc))
        self.position += 1

    def _observe(self, doc: Document) -> None:
        for seq, (key, value) in enumerate(self.step.observe(doc)):
            order = sort_key(key, self.shard, self.position, seq)
            self.keys.write_json(partition_of(key, self.partitions), order, value)
        self.tallies.update(self.step.tally(doc))
