"""The per-document work bound: a step stuck on one document costs that document, not the run."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import saring
from conftest import article, read_rows, write_jsonl
from saring import JsonlReader, LocalExecutor, Pipeline, Transform
from saring.document import Document
from saring.stats import StepStats

_CATASTROPHIC = re.compile(r"^(a+)+$")


class Stuck(Transform):
    """Loops on documents that say LOOP, and backtracks forever on those that say REGEX."""

    def transform(self, doc: Document, stats: StepStats) -> Document:
        if "LOOP" in doc.text:
            while True:
                pass
        if "REGEX" in doc.text:
            _CATASTROPHIC.match("a" * 64 + "b")
        return doc


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_past_the_bound_is_removed_as_too_slow_and_the_run_goes_on(
    tmp_path: Path, workers: int
) -> None:
    rows = [{"id": f"d{n}", "text": article(n)} for n in range(6)]
    rows[2]["text"] += " LOOP"
    rows[4]["text"] += " REGEX"
    (tmp_path / "in").mkdir()
    for part in range(2):  # two shards, so that two workers run
        write_jsonl(tmp_path / "in" / f"part-{part}.jsonl", list(rows[part::2]))
    reader = JsonlReader([str(tmp_path / "in")])
    out = tmp_path / "out"
    pipeline = Pipeline(reader, [Stuck()], str(out), shard_bytes=0, max_doc_seconds=0.5)
    started = time.perf_counter()
    summary = saring.run(pipeline, LocalExecutor(workers))
    assert time.perf_counter() - started < 30  # a generous bound: each stuck step stops at 0.5 s
    removed = read_rows(tmp_path / "out" / "removed")
    assert sorted((r["id"], r["reason"]) for r in removed) == [
        ("d2", "invalid/too_slow"),
        ("d4", "invalid/too_slow"),
    ]
    assert sorted(r["id"] for r in read_rows(tmp_path / "out" / "docs")) == ["d0", "d1", "d3", "d5"]
    assert summary.dropped["invalid/too_slow"] == 2
