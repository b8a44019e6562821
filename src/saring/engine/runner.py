"""Runs a pipeline stage by stage on an executor, resumes unfinished runs, writes the account."""

from __future__ import annotations

import glob
import os
import shutil
import time
from collections.abc import Sequence

import orjson

from saring import config
from saring.engine.layout import Layout
from saring.engine.progress import Progress
from saring.engine.summary import RunSummary
from saring.engine.tasks import MapTask, ReduceTask, read_marker
from saring.errors import SaringError
from saring.executors.base import Executor, Task
from saring.executors.local import LocalExecutor
from saring.io.base import shard_bytes, shard_file
from saring.pipeline import Pipeline
from saring.sample import SAMPLE_FILE, Sample, merge_samples
from saring.stats import StepStats, merge_stats

MAX_PARTITIONS = 64


def run(
    pipeline: Pipeline, executor: Executor | None = None, overwrite: bool = False
) -> RunSummary:
    """Run a pipeline to completion (resuming a killed run in the same output) on an executor
    (``LocalExecutor()`` by default) and return the summary saved as ``stats.json``."""
    executor = executor or LocalExecutor()
    started = time.perf_counter()
    layout = Layout(pipeline.output)
    output = os.path.realpath(layout.root) + os.sep
    # An output folder inside an input folder is not input.
    shards = [
        p
        for p in pipeline.reader.shards()
        if not os.path.realpath(shard_file(p)).startswith(output)
    ]
    fingerprint = _fingerprint(pipeline, shards)
    finished = _prepare(layout, fingerprint, overwrite)
    if finished is not None:
        return finished
    try:
        results = _run_stages(pipeline, executor, shards)
    finally:
        executor.close()
    summary = RunSummary(
        output=pipeline.output,
        files=len({shard_file(shard) for shard in shards}),
        steps=merge_stats(results),
        stages=pipeline.describe()["stages"],
        seconds=time.perf_counter() - started,
    )
    _finish(layout, summary, config.dumps(pipeline, executor), fingerprint)
    return summary


def _fingerprint(pipeline: Pipeline, shards: list[str]) -> str:
    """Return what identifies a run: the pipeline's TOML and each input file's size and time."""
    inputs = [f"# {shard_bytes(p)} {os.path.getmtime(shard_file(p)):.6f} {p}" for p in shards]
    return "\n".join([config.dumps(pipeline), "# inputs", *inputs, ""])


def _run_stages(pipeline: Pipeline, executor: Executor, shards: list[str]) -> list[list[StepStats]]:
    """Run each stage's map tasks, then its global step's reduce tasks; return all stats."""
    partitions = max(1, min(len(shards), MAX_PARTITIONS))
    names = pipeline.step_names()
    stages = pipeline.stages()
    total_bytes = sum(shard_bytes(path) for path in shards)
    results: list[list[StepStats]] = []
    docs_entering = None
    for stage in stages:
        maps = [
            MapTask(pipeline, stage.index, shard, shards, partitions, names)
            for shard in range(len(shards))
        ]
        label = f"stage {stage.index + 1}/{len(stages)}"
        with Progress(label, total_bytes if stage.index == 0 else None, docs_entering) as bar:
            stage_stats = _run(executor, maps, bar)
        results += stage_stats
        docs_entering = sum(s[-1].counters["observed"] for s in stage_stats if s)
        if stage.observes is not None:
            name = names[pipeline.flat_steps().index(stage.observes)]
            reduces = [
                ReduceTask(pipeline, stage.index, partition, len(shards), name, partitions)
                for partition in range(partitions)
            ]
            with Progress(f"{label} {name}", None, None) as bar:
                results += _run(executor, reduces, bar)
    return results


def _run(
    executor: Executor, tasks: Sequence[MapTask | ReduceTask], bar: Progress
) -> list[list[StepStats]]:
    """Run the tasks that have no completion marker; return every task's stats in order."""
    done = [read_marker(task.marker) for task in tasks]
    todo: list[Task] = [task for task, stats in zip(tasks, done, strict=True) if stats is None]
    fresh = iter(executor.run(todo, bar) if todo else [])
    return [stats if stats is not None else next(fresh) for stats in done]


def _prepare(layout: Layout, fingerprint: str, overwrite: bool) -> RunSummary | None:
    """Make the output folder ready; return the saved summary if this run already finished."""
    saved = next((p for p in (layout.work_config, layout.run) if os.path.exists(p)), None)
    if overwrite and saved:
        _clear(layout)
        saved = None
    if saved == layout.work_config:
        if _read(saved) != fingerprint:
            raise SaringError(
                f"{layout.root} holds an unfinished run of another pipeline or other input "
                "files; use --overwrite to start again"
            )
        return None
    if saved == layout.run:
        if _read(saved) != fingerprint:
            raise SaringError(
                f"{layout.root} holds the output of another pipeline or other input files; "
                "use --overwrite to replace it"
            )
        with open(layout.stats, "rb") as stats:
            return RunSummary.from_dict(layout.root, orjson.loads(stats.read()))
    for path in (layout.docs, layout.removed):
        if os.path.isdir(path) and os.listdir(path):
            raise SaringError(f"{path} is not empty and holds no saring run; choose another folder")
    os.makedirs(layout.work, exist_ok=True)
    _write(layout.work_config, fingerprint)
    return None


def _clear(layout: Layout) -> None:
    """Remove a saring run's files from its output folder (and nothing else)."""
    for path in (layout.docs, layout.removed, layout.work):
        shutil.rmtree(path, ignore_errors=True)
    for name in os.listdir(layout.root):
        if name.endswith(".json") or name in (
            os.path.basename(layout.config),
            ".saring-run",
            "report.html",
        ):
            os.remove(os.path.join(layout.root, name))


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as saved:
        return saved.read()


def _write(path: str, text: str) -> None:
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(path + ".tmp", path)


def _finish(layout: Layout, summary: RunSummary, resolved: str, fingerprint: str) -> None:
    os.makedirs(layout.docs, exist_ok=True)
    _write(layout.config, resolved)
    for name, data in summary.reports().items():
        path = os.path.join(layout.root, f"{name}.json")
        with open(path + ".tmp", "wb") as report:
            report.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
        os.replace(path + ".tmp", path)
    with open(layout.stats + ".tmp", "wb") as stats:
        stats.write(summary.to_json())
    os.replace(layout.stats + ".tmp", layout.stats)
    _write_sample(layout)
    _write(layout.run, fingerprint)
    shutil.rmtree(layout.work, ignore_errors=True)


def _write_sample(layout: Layout) -> None:
    """Merge the map tasks' samples of documents into ``sample.json`` (for the report)."""
    paths = sorted(glob.glob(os.path.join(layout.work, "stage-*", "sample", "*.json")))

    def load(path: str) -> Sample:
        with open(path, "rb") as saved:
            return Sample.from_dict(orjson.loads(saved.read()))

    merged = merge_samples(load(path) for path in paths)
    path = os.path.join(layout.root, SAMPLE_FILE)
    with open(path + ".tmp", "wb") as out:
        out.write(orjson.dumps(merged.compact()))
    os.replace(path + ".tmp", path)
