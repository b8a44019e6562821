"""The reduce side of a global step, key by key and round by round, independent of storage.

The engine's reduce tasks stream a partition's keyed records through ``reduce_group`` and
route what comes out; ``reduce_in_memory`` does the same for a whole step in one process, as
the reference the partitioned engine must agree with (and for tests of a step's reduce).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from saring.errors import SaringError
from saring.stats import StepStats
from saring.step import EVERY, Broadcast, DocRef, GlobalStep, Output, Round, Send

MAX_ROUNDS = 10_000
"""Rounds a global step may run before the engine calls it a step that never settles."""


def encode(value: Any) -> bytes:
    """Return the JSON bytes a keyed value travels as (keys sorted, so equal values are equal
    bytes); their order is the order messages reach ``resume`` in."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


@dataclass
class Routed:
    """What one key (or one round) produced, sorted by where it goes."""

    decisions: list[tuple[DocRef, Any]] = field(default_factory=list)
    sends: list[tuple[str, bytes]] = field(default_factory=list)
    broadcasts: list[bytes] = field(default_factory=list)

    def take(self, outputs: Iterable[Output]) -> None:
        """Sort each output into decisions, messages and broadcasts."""
        for output in outputs:
            if isinstance(output, Send):
                self.sends.append((output.key, encode(output.value)))
            elif isinstance(output, Broadcast):
                self.broadcasts.append(encode(output.value))
            else:
                ref, decision = output
                self.decisions.append(((int(ref[0]), int(ref[1])), decision))


def check_round(number: int, step: GlobalStep) -> None:
    """Stop a step that keeps sending messages."""
    if number > MAX_ROUNDS:
        raise SaringError(f"{type(step).__name__} did not settle in {MAX_ROUNDS} reduce rounds")


@dataclass
class Reduced:
    """The outcome of a whole global step's reduce: decisions per document and the stats."""

    decisions: dict[DocRef, list[Any]]
    every: list[Any]
    stats: StepStats
    rounds: int


def reduce_in_memory(
    step: GlobalStep,
    records: Iterable[tuple[str, DocRef, Any]],
    totals: Mapping[str, int] | None = None,
    name: str = "step",
) -> Reduced:
    """Run ``decide`` and every ``resume`` round over (key, ref, value) records in one process.

    Values travel through JSON as they would on disk, so a step sees lists where it wrote
    tuples. Decisions keep the order of rounds, then keys (sorted), then emission.
    """
    totals = Counter(totals or {})
    stats = StepStats(name)
    groups: dict[str, list[tuple[DocRef, Any]]] = {}
    for key, ref, value in sorted(records, key=lambda r: (r[0], r[1])):
        groups.setdefault(key, []).append((ref, orjson.loads(encode(value))))
    routed = Routed()
    for key in sorted(groups):
        routed.take(step.decide(key, groups[key], totals, stats))
    decisions: dict[DocRef, list[Any]] = {}
    every: list[Any] = []
    last: Mapping[str, int] = dict(stats.counters)
    number = 0
    while True:
        for ref, decision in routed.decisions:
            if ref == EVERY:
                every.append(decision)
            elif ref[0] >= 0:
                decisions.setdefault(ref, []).append(decision)
        if not routed.sends and not routed.broadcasts:
            return Reduced(decisions, every, stats, number)
        number += 1
        check_round(number, step)
        context = Round(
            number,
            totals,
            previous=last,
            broadcast=tuple(orjson.loads(b) for b in sorted(routed.broadcasts)),
        )
        messages: dict[str, list[bytes]] = {}
        for key, value in routed.sends:
            messages.setdefault(key, []).append(value)
        routed = Routed()
        round_stats = StepStats(name)
        for key in sorted(messages):
            values = [orjson.loads(v) for v in sorted(messages[key])]
            routed.take(step.resume(key, values, context, round_stats))
        last = dict(round_stats.counters)
        stats = stats + round_stats
