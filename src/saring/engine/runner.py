"""``saring.run``: runs a pipeline on an executor, resumes an unfinished run, writes the account."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import Any

import orjson

from saring import config, storage
from saring.engine.files import read_json, remove
from saring.engine.layout import Layout, scratch_for
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
    pipeline: Pipeline,
    executor: Executor | None = None,
    overwrite: bool = False,
    storage_options: Mapping[str, Any] | None = None,
) -> RunSummary:
    """Run a pipeline to completion (resuming a killed run in the same output) on an executor
    (``LocalExecutor()`` by default) and return the summary saved as ``stats.json``.

    Inputs and output may be URLs (``s3://``, ``hf://``, …); ``storage_options`` (see
    ``saring.storage``) are handed to every worker."""
    executor = executor or LocalExecutor()
    started = time.perf_counter()
    if storage_options is not None:
        storage.configure(storage_options)
    layout = _layout(pipeline.output, executor)
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
                results = run_stages(pipeline, executor, shards, used, layout)
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
            resolved = config.dumps(pipeline, executor, storage.public(storage.current()))
            _finish(layout, summary, resolved, fingerprint)
            return summary
    except OSError as error:
        full = no_space(error, layout.root)
        if full is None:
            raise
        raise full from error


def _layout(output: str, executor: Executor) -> Layout:
    """Return where the run's files go: with an output on an object store and workers on this
    machine, the work files stay in a local scratch folder; Ray's nodes share nothing but the
    store, so there they go to the store too."""
    if storage.is_url(output) and isinstance(executor, LocalExecutor):
        return Layout(output, scratch_for(output))
    return Layout(output)


def _inputs(pipeline: Pipeline, layout: Layout) -> list[str]:
    """Return the input files, less any inside the output folder; refuse an output folder
    that is a file or that holds an input."""
    if storage.is_url(layout.root):
        return _remote_inputs(pipeline, layout.root)
    if os.path.exists(layout.root) and not os.path.isdir(layout.root):
        raise SaringError(f"output {layout.root!r} is a file; name a folder")
    output = os.path.realpath(layout.root) + os.sep
    inputs = []
    for path in pipeline.reader.shards():
        if storage.is_url(path):
            inputs.append(path)
            continue
        real = os.path.realpath(shard_file(path))
        if real.startswith(output):
            continue  # an output folder inside an input folder is not input
        inputs.append(path)
    for given in pipeline.reader.paths:
        if storage.is_url(given):
            continue
        if os.path.isdir(given) and (os.path.realpath(given) + os.sep).startswith(output):
            raise SaringError(f"output {layout.root!r} holds the input {given!r}; choose another")
    return inputs


def _remote_inputs(pipeline: Pipeline, root: str) -> list[str]:
    """``_inputs`` for an output on an object store, where paths compare as strings."""
    if storage.isfile(root):
        raise SaringError(f"output {root!r} is a file; name a folder")
    output = root.rstrip("/") + "/"
    for given in pipeline.reader.paths:
        if output.startswith(given.rstrip("/") + "/") and storage.isdir(given):
            raise SaringError(f"output {root!r} holds the input {given!r}; choose another")
    return [p for p in pipeline.reader.shards() if not shard_file(p).startswith(output)]


def _fingerprint(pipeline: Pipeline, inputs: list[str]) -> str:
    """Return what identifies a run: the pipeline's TOML and each input file's size and
    time (on an object store: its ETag)."""
    lines = [f"# {shard_bytes(p)} {storage.stamp(shard_file(p))} {p}" for p in inputs]
    return "\n".join([config.dumps(pipeline), "# inputs", *lines, ""])


def _finish(layout: Layout, summary: RunSummary, resolved: str, fingerprint: str) -> None:
    storage.makedirs(layout.docs)
    write_text(layout.config, resolved)
    names = [os.path.basename(layout.config), os.path.basename(layout.stats)]
    for name, data in summary.reports().items():
        path = storage.join(layout.root, f"{name}.json")
        options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        storage.write_bytes(path, orjson.dumps(data, option=options))
        names.append(f"{name}.json")
    storage.write_bytes(layout.stats, summary.to_json())
    _write_sample(layout)
    write_manifest(layout, [*names, SAMPLE_FILE, *REPORT_NAMES, os.path.basename(layout.run)])
    write_text(layout.run, fingerprint)
    remove(layout.work)
    remove(storage.join(layout.root, "_work"))


def _write_sample(layout: Layout) -> None:
    """Merge the map tasks' samples of documents into ``sample.json`` (for the report)."""
    stages = [name for name in storage.listdir(layout.work) if name.startswith("stage-")]
    folders = [storage.join(layout.work, name, "sample") for name in stages]
    paths = sorted(
        storage.join(folder, name)
        for folder in folders
        for name in storage.listdir(folder)
        if name.endswith(".json")
    )
    merged = merge_samples(Sample.from_dict(read_json(path)) for path in paths)
    storage.write_bytes(storage.join(layout.root, SAMPLE_FILE), orjson.dumps(merged.compact()))
