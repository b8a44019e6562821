"""Counters that steps fill in and that add up across shards and stages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

READ = "read"
"""Stats name of the reader, the first entry of every run's stats."""


@dataclass
class StepStats:
    """What one step did: documents in and out, drops and removed lines by reason, time."""

    name: str
    docs_in: int = 0
    docs_out: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    lines_removed: Counter[str] = field(default_factory=Counter)
    counters: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    reports: dict[str, Any] = field(default_factory=dict)
    """JSON reports a step writes beside stats.json, by file name (e.g. ``domains``)."""

    def __add__(self, other: StepStats) -> StepStats:
        if other.name != self.name:
            raise ValueError(f"cannot add stats of {other.name!r} to {self.name!r}")
        return StepStats(
            name=self.name,
            docs_in=self.docs_in + other.docs_in,
            docs_out=self.docs_out + other.docs_out,
            dropped=self.dropped + other.dropped,
            lines_removed=self.lines_removed + other.lines_removed,
            counters=self.counters + other.counters,
            seconds=self.seconds + other.seconds,
            reports=merge_reports(self.reports, other.reports),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with reasons sorted by name."""
        return {
            "name": self.name,
            "docs_in": self.docs_in,
            "docs_out": self.docs_out,
            "dropped": dict(sorted(self.dropped.items())),
            "lines_removed": dict(sorted(self.lines_removed.items())),
            "counters": dict(sorted(self.counters.items())),
            "seconds": round(self.seconds, 3),
            "reports": self.reports,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StepStats:
        """Inverse of ``to_dict``."""
        return cls(
            name=data["name"],
            docs_in=data["docs_in"],
            docs_out=data["docs_out"],
            dropped=Counter(data["dropped"]),
            lines_removed=Counter(data["lines_removed"]),
            counters=Counter(data["counters"]),
            seconds=data["seconds"],
            reports=data.get("reports", {}),
        )


def merge_reports(left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    """Return two tasks' reports as one: a report both wrote is joined (tables by key, lists
    one after the other); otherwise each is kept as written."""
    merged = dict(left)
    for name, value in right.items():
        before = merged.get(name)
        if isinstance(before, dict) and isinstance(value, dict):
            merged[name] = {**before, **value}
        elif isinstance(before, list) and isinstance(value, list):
            merged[name] = before + value
        else:
            merged[name] = value
    return merged


def merge_stats(runs: list[list[StepStats]]) -> list[StepStats]:
    """Add per-task stat lists step by step, keeping the order steps first appear in."""
    merged: dict[str, StepStats] = {}
    for run in runs:
        for stats in run:
            merged[stats.name] = merged[stats.name] + stats if stats.name in merged else stats
    return list(merged.values())
