"""Helpers for transforms that remove whole lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from saring import meta
from saring.document import Document
from saring.stats import StepStats


def remove_lines(
    text: str,
    reason_of: Callable[[int, list[str]], str | None],
    stats: StepStats,
    removed: list[dict[str, Any]] | None = None,
) -> str:
    """Return the text without the lines for which ``reason_of(index, lines)`` names a reason.

    Each removed line is counted under its reason and, if ``removed`` is given, appended to it
    as ``{"reason": ..., "line": ...}``. Blank lines are kept, so paragraph breaks stay; a
    later ``NormalizeWhitespace`` folds the blank runs that removals leave.
    """
    lines = text.split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        reason = reason_of(index, lines) if line.strip() else None
        if reason is None:
            kept.append(line)
        else:
            stats.lines_removed[reason] += 1
            if removed is not None:
                removed.append({"reason": reason, "line": line.strip()})
    return "\n".join(kept) if len(kept) != len(lines) else text


def record_removed(doc: Document, removed: list[dict[str, Any]]) -> None:
    """Add removed lines to the document's ``removed_lines`` metadata."""
    if removed:
        doc.metadata.setdefault(meta.REMOVED_LINES, []).extend(removed)
