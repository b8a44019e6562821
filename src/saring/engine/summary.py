"""The account of a run: what ``stats.json`` holds and what the command line prints."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson

from saring.stats import READ, StepStats
from saring.version import __version__


@dataclass
class RunSummary:
    """Totals of a finished run, built from the merged step stats."""

    output: str
    files: int
    steps: list[StepStats]
    stages: list[list[str]]
    seconds: float
    tasks: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per phase of the run: tasks, the largest peak memory of one task, records read."""

    @property
    def read(self) -> int:
        """Records read, usable or not."""
        return next((s.docs_in for s in self.steps if s.name == READ), 0)

    @property
    def dropped(self) -> Counter[str]:
        """Removed documents by reason, over all steps."""
        total: Counter[str] = Counter()
        for stats in self.steps:
            total.update(stats.dropped)
        return total

    @property
    def lines_removed(self) -> Counter[str]:
        """Removed lines by reason, over all steps."""
        total: Counter[str] = Counter()
        for stats in self.steps:
            total.update(stats.lines_removed)
        return total

    @property
    def kept(self) -> int:
        return self.read - sum(self.dropped.values())

    def to_dict(self) -> dict[str, Any]:
        """Return the content of ``stats.json``."""
        read_bytes = next((s.counters["bytes"] for s in self.steps if s.name == READ), 0)
        return {
            "saring": __version__,
            "input": {"files": self.files, "bytes": read_bytes, "documents": self.read},
            "kept": self.kept,
            "removed": sum(self.dropped.values()),
            "removed_by_reason": dict(sorted(self.dropped.items())),
            "lines_removed_by_reason": dict(sorted(self.lines_removed.items())),
            "stages": self.stages,
            "reports": sorted(self.reports()),
            "steps": [_without_reports(s.to_dict()) for s in self.steps],
            "seconds": round(self.seconds, 3),
            "tasks": self.tasks,
        }

    def reports(self) -> dict[str, Any]:
        """Return the reports steps wrote, by name (each saved as ``<name>.json``)."""
        return {name: data for s in self.steps for name, data in s.reports.items()}

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict(), option=orjson.OPT_INDENT_2) + b"\n"

    @classmethod
    def from_dict(cls, output: str, data: dict[str, Any]) -> RunSummary:
        """Rebuild a summary from a saved ``stats.json`` and the reports saved beside it."""
        steps = [StepStats.from_dict(s) for s in data["steps"]]
        for name in data.get("reports", []):
            path = os.path.join(output, f"{name}.json")
            if steps and os.path.exists(path):
                with open(path, "rb") as report:
                    steps[-1].reports[name] = orjson.loads(report.read())
        return cls(
            output=output,
            files=data["input"]["files"],
            steps=steps,
            stages=data["stages"],
            seconds=data["seconds"],
            tasks=data.get("tasks", {}),
        )

    def text(self) -> str:
        """Return a short human-readable account."""
        read = self.read
        rate = read / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"read {read:,} documents from {self.files:,} files in {self.seconds:,.1f} s"
            f" ({rate:,.0f} docs/s)",
            f"kept {self.kept:,}, removed {sum(self.dropped.values()):,}",
        ]
        lines += [f"  {reason:<28} {n:>10,}" for reason, n in sorted(self.dropped.items())]
        mirrors = {
            domain: info["mirror_of"]
            for domain, info in self.reports().get("domains", {}).items()
            if info.get("mirror_of")
        }
        if mirrors:
            lines.append("mirror domains (see domains.json):")
            lines += [f"  {domain} copies {source}" for domain, source in sorted(mirrors.items())]
        if self.lines_removed:
            lines.append("lines removed:")
            lines += [
                f"  {reason:<28} {n:>10,}" for reason, n in sorted(self.lines_removed.items())
            ]
        return "\n".join(lines)


def _without_reports(step: dict[str, Any]) -> dict[str, Any]:
    """Return a step's stats for ``stats.json``: without its reports (saved beside it) and
    the round signals a global step's reduce leaves (counters named ``_…``)."""
    shown = {key: value for key, value in step.items() if key != "reports"}
    shown["counters"] = {k: v for k, v in step["counters"].items() if not k.startswith("_")}
    return shown
