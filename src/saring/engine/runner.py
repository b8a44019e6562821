"""``saring.run``: runs a pipeline on an executor, resumes an unfinished run, writes the account."""

from __future__ import annotations

import glob
import os
import time

import orjson

from saring import config
from saring.engine.files import read_json, remove
from saring.engine.layout import Layout
from saring.engine.output import Lock, no_space, prepare, write_manifest, write_text
from saring.engine.stages import Resources, batches, run_stages
from saring.engine.summary import RunSummary
from saring.errors import SaringError
from saring.executors.base import Executor
from saring.executors.local import LocalExecutor
from saring.io.shards import shard_bytes, shard_file
from saring.pipeline import Pipeline
from saring.sample import SAMPLE_FILE, Sample, merge_samples
from saring.stats import merge_stats

REPORT_NAMES = ("report.html",)
"""Files written beside a finished run's account, listed in its manifest."""


def run(
    pipeline: Pipeline, executor: Executor | None = None, overwrite: bool = False
) -> RunSummary:
    """Run a pipeline to completion (resuming a killed run in the same output) on an executor
    (``LocalExecutor()`` by default) and return the summary saved as ``stats.json``."""
    executor = executor or LocalExecutor()
    started = time.perf_counter()
    layout = Layout(pipeline.output)
    inputs = _inputs(pipeline, layout)
    fingerprint = _fingerprint(pipeline, inputs)
    try:
        with Lock(layout.root):
            finished = prepare(layout, fingerprint, overwrite)
            if finished is not None:
                return finished
            try:
                shards = batches(inputs, pipeline.shard_bytes)
                used = Resources()
                results = run_stages(pipeline, executor, shards, used)
            finally:
                executor.close()
            summary = RunSummary(
                output=pipeline.output,
                files=len({shard_file(path) for path in inputs}),
                steps=merge_stats(results),
                stages=pipeline.describe()["stages"],
                seconds=time.perf_counter() - started,
                tasks=dict(used),
            )
            _finish(layout, summary, config.dumps(pipeline, executor), fingerprint)
            return summary
    except OSError as error:
        full = no_space(error, layout.root)
        if full is None:
            raise
        raise full from error


def _inputs(pipeline: Pipeline, layout: Layout) -> list[str]:
    """Return the input files, less any inside the output folder; refuse an output folder
    that is a file or that holds an input."""
    if os.path.exists(layout.root) and not os.path.isdir(layout.root):
        raise SaringError(f"output {layout.root!r} is a file; name a folder")
    output = os.path.realpath(layout.root) + os.sep
    inputs = []
    for path in pipeline.reader.shards():
        real = os.path.realpath(shard_file(path))
        if real.startswith(output):
            continue  # an output folder inside an input folder is not input
        inputs.append(path)
    for given in pipeline.reader.paths:
        if os.path.isdir(given) and (os.path.realpath(given) + os.sep).startswith(output):
            raise SaringError(f"output {layout.root!r} holds the input {given!r}; choose another")
    return inputs


def _fingerprint(pipeline: Pipeline, inputs: list[str]) -> str:
    """Return what identifies a run: the pipeline's TOML and each input file's size and time."""
    lines = [f"# {shard_bytes(p)} {os.path.getmtime(shard_file(p)):.6f} {p}" for p in inputs]
    return "\n".join([config.dumps(pipeline), "# inputs", *lines, ""])


def _finish(layout: Layout, summary: RunSummary, resolved: str, fingerprint: str) -> None:
    os.makedirs(layout.docs, exist_ok=True)
    write_text(layout.config, resolved)
    names = [os.path.basename(layout.config), os.path.basename(layout.stats)]
    for name, data in summary.reports().items():
        path = os.path.join(layout.root, f"{name}.json")
        with open(path + ".tmp", "wb") as report:
            report.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
        os.replace(path + ".tmp", path)
        names.append(f"{name}.json")
    with open(layout.stats + ".tmp", "wb") as stats:
        stats.write(summary.to_json())
    os.replace(layout.stats + ".tmp", layout.stats)
    _write_sample(layout)
    write_manifest(layout, [*names, SAMPLE_FILE, *REPORT_NAMES, os.path.basename(layout.run)])
    write_text(layout.run, fingerprint)
    remove(layout.work)


def _write_sample(layout: Layout) -> None:
    """Merge the map tasks' samples of documents into ``sample.json`` (for the report)."""
    paths = sorted(glob.glob(os.path.join(layout.work, "stage-*", "sample", "*.json")))
    merged = merge_samples(Sample.from_dict(read_json(path)) for path in paths)
    path = os.path.join(layout.root, SAMPLE_FILE)
    with open(path + ".tmp", "wb") as out:
        out.write(orjson.dumps(merged.compact()))
    os.replace(path + ".tmp", path)
