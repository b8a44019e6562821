"""Reduce rounds through the engine: connected components by min-label propagation, the same
whatever the partition and worker counts."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson
import pytest
from test_rounds import MinLabel

import saring
from conftest import read_rows, write_jsonl
from saring import JsonlReader, LocalExecutor, Pipeline
from saring.document import Document, Dropped
from saring.engine import stages
from saring.stats import StepStats
from saring.step import DocRef, GlobalStep, Output, Round


class LabelComponents(GlobalStep):
    """Writes each document's connected component (by the ids it names in ``links``, either
    way), found by min-label propagation over reduce rounds (``MinLabel``)."""

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        links = doc.metadata["fields"]["links"]
        yield doc.id, ["self", links]
        for other in links:
            yield other, ["link", doc.id]

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[Output]:
        own = next(ref for ref, (kind, _) in items if kind == "self")
        neighbours = [n for _, (kind, v) in items for n in (v if kind == "self" else [v])]
        yield from MinLabel().decide(key, [(own, neighbours)], totals, stats)

    def resume(
        self, key: str, messages: list[Any], round: Round, stats: StepStats
    ) -> Iterable[Output]:
        yield from MinLabel().resume(key, messages, round, stats)

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        doc.metadata["component"] = decisions
        return doc


def components(links: dict[str, list[str]]) -> dict[str, str]:
    """The oracle: union-find, each component named by its smallest id."""
    parent = {node: node for node in links}

    def find(node: str) -> str:
        while parent[node] != node:
            node = parent[node]
        return node

    for node, others in links.items():
        for other in others:
            a, b = find(node), find(other)
            parent[max(a, b)] = min(a, b)
    return {node: find(node) for node in links}


def corpus(folder: Path, nodes: int = 80, seed: int = 2) -> dict[str, list[str]]:
    rng = random.Random(seed)
    links: dict[str, list[str]] = {f"d{n:03d}": [] for n in range(nodes)}
    for _ in range(nodes):
        a, b = rng.sample(sorted(links), 2)
        links[a].append(b)
    folder.mkdir()
    ids = sorted(links)
    for part in range(4):
        rows = [{"id": i, "text": f"dokumen {i}", "links": links[i]} for i in ids[part::4]]
        write_jsonl(folder / f"part-{part}.jsonl", list(rows))
    return links


@pytest.mark.parametrize(("workers", "partition_bytes"), [(1, 1 << 30), (2, 200)])
def test_rounds_give_the_in_memory_components(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int, partition_bytes: int
) -> None:
    monkeypatch.setattr(stages, "PARTITION_BYTES", partition_bytes)
    links = corpus(tmp_path / "in")
    pipeline = Pipeline(
        JsonlReader([str(tmp_path / "in")]),
        [LabelComponents()],
        str(tmp_path / "out"),
        shard_bytes=0,
    )
    summary = saring.run(pipeline, LocalExecutor(workers))
    rows = read_rows(tmp_path / "out" / "docs")
    got = {row["id"]: orjson.loads(row["metadata"])["component"] for row in rows}
    assert got == {node: [root] for node, root in components(links).items()}
    phases = [p for p in summary.tasks if "reduce" in p]
    assert len(phases) > 2  # several rounds ran
    if partition_bytes == 200:
        assert summary.tasks[phases[0]]["tasks"] > 1  # over several partitions


class KillInRound(LabelComponents):
    """Kills its whole run once, in reduce round ``number``, if ``flag`` exists."""

    def __init__(self, number: int = 2, flag: str = "") -> None:
        self.number = number
        self.flag = flag

    def resume(
        self, key: str, messages: list[Any], round: Round, stats: StepStats
    ) -> Iterable[Output]:
        if round.number == self.number and os.path.exists(self.flag):
            os.remove(self.flag)
            os.killpg(os.getpgid(0), signal.SIGKILL)
        yield from super().resume(key, messages, round, stats)


DRIVER = """
import sys
from saring import JsonlReader, LocalExecutor, Pipeline, run
from test_engine_rounds import KillInRound
corpus, output, flag = sys.argv[1:4]
steps = [KillInRound(number=2, flag=flag)]
pipeline = Pipeline(JsonlReader([corpus]), steps, output=output, shard_bytes=0)
run(pipeline, LocalExecutor(workers=2))
"""


def test_a_run_killed_in_a_reduce_round_resumes_to_the_same_output(tmp_path: Path) -> None:
    corpus(tmp_path / "in")
    here = Path(__file__).parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(here), str(here.parent), *sys.path])}
    flag = tmp_path / "flag"
    flag.write_text("")
    outputs = []
    for name in ("killed", "whole"):
        command = [sys.executable, "-c", DRIVER, str(tmp_path / "in"), str(tmp_path / name)]
        first = subprocess.run([*command, str(flag)], env=env, start_new_session=True, timeout=300)
        if name == "killed":
            assert first.returncode != 0  # killed in round 2
            assert (tmp_path / name / "_work").exists()
            again = subprocess.run([*command, str(flag)], env=env, timeout=300)
            assert again.returncode == 0
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / name / "docs").iterdir()})
    assert outputs[0] == outputs[1]
