"""Runs a pipeline's stages in order on an executor: map tasks, then the reduce rounds of the
stage's global step, skipping every task that left a completion marker, and deleting what a
finished stage's successor has consumed."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from saring import storage
from saring.engine.files import Marker, read_json, read_marker, remove, write_json
from saring.engine.layout import Layout
from saring.engine.maptask import MapTask
from saring.engine.progress import Progress
from saring.engine.reducetask import ReduceTask
from saring.engine.rounds import check_round
from saring.errors import SaringError
from saring.executors.base import Executor, Task
from saring.io.shards import shard_bytes
from saring.pipeline import Pipeline, Stage
from saring.stats import StepStats, merge_stats

PARTITION_BYTES = 32 << 20
"""Input bytes per partition of a global step's keys: the partition count follows the data."""


def batches(files: list[str], target: int) -> list[tuple[str, ...]]:
    """Group input files, in order, into shards of about ``target`` bytes (a larger file, or
    any file when ``target`` is 0, is a shard of its own)."""
    grouped: list[list[str]] = []
    size = 0
    for path in files:
        length = shard_bytes(path)
        if not grouped or target <= 0 or size + length > target:
            grouped.append([])
            size = 0
        grouped[-1].append(path)
        size += length
    return [tuple(group) for group in grouped]


def partitions_for(total_bytes: int) -> int:
    """Return how many partitions a global step's keys are spread over."""
    return max(1, math.ceil(total_bytes / PARTITION_BYTES))


class Resources(dict[str, dict[str, int]]):
    """Per phase of a run (``stage 1 map``, ``stage 1 reduce 0``): its tasks, the largest
    peak memory of one task (and its largest rise during a task), and records read."""

    def add(self, phase: str, markers: list[Marker]) -> None:
        self[phase] = {
            "tasks": len(markers),
            "peak_rss_max": max((m.peak_rss for m in markers), default=0),
            "growth_max": max((m.growth for m in markers), default=0),
            "records_max": max((m.records for m in markers), default=0),
            "records": sum(m.records for m in markers),
        }


def run_stages(
    pipeline: Pipeline,
    executor: Executor,
    shards: list[tuple[str, ...]],
    used: Resources,
    layout: Layout | None = None,
) -> list[list[StepStats]]:
    """Run each stage's map tasks, then its global step's reduce rounds; return all stats
    and note in ``used`` what each phase's tasks cost."""
    layout = layout or Layout(pipeline.output)
    options = storage.current()
    total_bytes = sum(shard_bytes(path) for shard in shards for path in shard)
    partitions = partitions_for(total_bytes)
    stages = pipeline.stages()
    results: list[list[StepStats]] = []
    entering = None
    for stage in stages:
        maps = [
            MapTask(pipeline, stage.index, number, files, partitions, layout, options)
            for number, files in enumerate(shards)
        ]
        label = f"stage {stage.index + 1}/{len(stages)}"
        with Progress(label, total_bytes if stage.index == 0 else None, entering) as bar:
            markers = _run(executor, maps, bar)
        used.add(f"stage {stage.index + 1} map", markers)
        stage_stats = [marker.stats for marker in markers]
        results += stage_stats
        entering = sum(s[-1].counters["observed"] for s in stage_stats if s)
        if stage.index > 0:
            _forget_rounds(layout, stage.index - 1)  # every shard has applied them
        if stage.observes is not None:
            counts = (len(shards), partitions)
            results += _reduce(pipeline, executor, stage, counts, label, used, (layout, options))
    return results


def _reduce(
    pipeline: Pipeline,
    executor: Executor,
    stage: Stage,
    counts: tuple[int, int],
    label: str,
    used: Resources,
    where: tuple[Layout, dict[str, Any]],
) -> list[list[StepStats]]:
    """Run round 0 (``decide``) and every further round (``resume``) that messages ask for;
    ``counts`` are the shards and partitions, ``where`` the layout and storage options."""
    name, step = stage.global_step()
    shards, partitions = counts
    layout, options = where
    results: list[list[StepStats]] = []
    previous: dict[str, int] = {}
    number = 0
    while True:
        check_round(number, step)
        reduces = [
            ReduceTask(
                pipeline, stage.index, number, partition, partitions, layout, previous, options
            )
            for partition in range(partitions)
        ]
        if not all(storage.exists(task.marker) for task in reduces):
            _sum_tallies(layout, stage.index, shards)
        title = f"{label} {name}" + (f" round {number}" if number else "")
        with Progress(title, None, None) as bar:
            markers = _run(executor, reduces, bar)
        used.add(f"stage {stage.index + 1} reduce {number}", markers)
        round_stats = [marker.stats for marker in markers]
        results += round_stats
        sent = sum(marker.sent for marker in markers)
        # What this round consumed is not needed again, even to resume.
        remove(layout.keys(stage.index) if number == 0 else layout.sends(stage.index, number - 1))
        if not sent:
            return results
        merged = merge_stats(round_stats)
        previous = dict(merged[0].counters) if merged else {}
        previous.pop("keys", None)
        number += 1


def _sum_tallies(layout: Layout, stage: int, shards: int) -> None:
    """Write the tally counts over all shards, once, for the reduce tasks to read."""
    if storage.exists(layout.totals(stage)):
        return
    totals: Counter[str] = Counter()
    for shard in range(shards):
        totals.update(read_json(layout.tally(stage, shard)))
    write_json(layout.totals(stage), totals)


def _forget_rounds(layout: Layout, stage: int) -> None:
    """Delete what a global step's rounds wrote, keeping the completion markers."""
    folder = layout.stage_dir(stage)
    for name in storage.listdir(folder):
        if name.startswith("round-") or name in ("tally", "totals.json"):
            remove(storage.join(folder, name))


def _run(executor: Executor, tasks: Sequence[MapTask | ReduceTask], bar: Progress) -> list[Marker]:
    """Run the tasks that have no completion marker; return every task's marker in order."""
    todo: list[Task] = [task for task in tasks if not storage.exists(task.marker)]
    if todo:
        executor.run(todo, bar)
    markers = [read_marker(task.marker) for task in tasks]
    missing = [task.marker for task, marker in zip(tasks, markers, strict=True) if not marker]
    if missing:
        raise SaringError(f"a task ended without its completion marker: {missing[0]}")
    return [marker for marker in markers if marker is not None]
