"""The reference reduce: decide, then resume rounds until no message is sent."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from typing import Any

from saring.engine.rounds import reduce_in_memory
from saring.stats import StepStats
from saring.step import Broadcast, DocRef, GlobalStep, Output, Round, Send


class MinLabel(GlobalStep):
    """Connected components by min-label propagation: a test of rounds, messages and the
    previous round's counters (a key stops when no label moved anywhere)."""

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[Output]:
        ref = items[0][0]
        neighbours = sorted({n for _, value in items for n in value})
        label = min([key, *neighbours])
        yield Send(key, ["state", list(ref), label, neighbours])
        for other in neighbours:
            yield Send(other, ["label", label])
        stats.counters["moved"] += 1

    def resume(
        self, key: str, messages: list[Any], round: Round, stats: StepStats
    ) -> Iterable[Output]:
        state = next(m for m in messages if m[0] == "state")
        _, ref, label, neighbours = state
        if not round.previous.get("moved"):
            yield (tuple(ref), label)
            if key == label:
                yield Broadcast(key)
            return
        new = min([label, *(m[1] for m in messages if m[0] == "label")])
        yield Send(key, ["state", ref, new, neighbours])
        if new != label:
            stats.counters["moved"] += 1
            for other in neighbours:
                yield Send(other, ["label", new])


def components(nodes: int, edges: list[tuple[int, int]]) -> dict[int, int]:
    parent = list(range(nodes))

    def find(a: int) -> int:
        while parent[a] != a:
            a = parent[a]
        return a

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {n: find(n) for n in range(nodes)}


def test_rounds_find_the_components_of_random_graphs() -> None:
    rng = random.Random(7)
    for _ in range(20):
        nodes = rng.randint(2, 60)
        edges = [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(rng.randint(0, 80))]
        records = []
        for n in range(nodes):
            neighbours = [f"{b:03d}" for a, b in edges if a == n] + [
                f"{a:03d}" for a, b in edges if b == n
            ]
            records.append((f"{n:03d}", (0, n), neighbours))
        result = reduce_in_memory(MinLabel(), records)
        expected = components(nodes, edges)
        assert {ref[1]: labels[0] for ref, labels in result.decisions.items()} == {
            n: f"{root:03d}" for n, root in expected.items()
        }
        assert result.rounds >= 2
        assert result.stats.counters["moved"] >= nodes
