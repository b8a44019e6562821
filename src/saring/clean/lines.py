"""Helpers for transforms that remove whole lines."""

from __future__ import annotations

from collections.abc import Callable

from saring.pipeline.stats import StepStats


def remove_lines(
    text: str, reason_of: Callable[[int, list[str]], str | None], stats: StepStats
) -> str:
    """Return the text without the lines for which ``reason_of(index, lines)`` names a reason.

    Each removed line is counted under its reason. Blank lines are kept, so paragraph breaks
    stay; a later ``NormalizeWhitespace`` folds the blank runs that removals leave.
    """
    lines = text.split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        reason = reason_of(index, lines) if line.strip() else None
        if reason is None:
            kept.append(line)
        else:
            stats.lines_removed[reason] += 1
    return "\n".join(kept) if len(kept) != len(lines) else text
