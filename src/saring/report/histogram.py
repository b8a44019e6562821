"""The report's histograms of one signal: inline SVG, stacked kept / quality / other, with the
threshold drawn where a step declares one."""

from __future__ import annotations

import math
from typing import Any

from saring.report.data import Limit
from saring.report.markup import COLORS, CUT, esc, number, pct
from saring.sample import KEPT, OTHER_REMOVED, QUALITY_REMOVED, bins_of

CLASS_LABELS = {
    KEPT: "kept",
    QUALITY_REMOVED: "removed by a quality filter",
    OTHER_REMOVED: "removed otherwise",
}
CLASS_ORDER = (KEPT, QUALITY_REMOVED, OTHER_REMOVED)


def hist_svg(
    counts: dict[str, dict[int, int]], signal: str, limit: Limit | None
) -> tuple[str, str, bool]:
    """Return an SVG histogram (stacked kept / quality / other), its caption and whether the
    threshold falls inside the bulk of kept documents."""
    bins = bins_of(signal)
    present = sorted({i for c in counts.values() for i in c})
    if not present:
        return "", "", False
    lo, hi = _axis(counts, present)
    if bins.kind == "ratio" or (bins.kind == "linear" and lo < 4):
        lo = 0  # these start at 0
    if hi - lo < 9:
        grow = 9 - (hi - lo)
        lo = max(lo - grow // 2, 0) if bins.kind != "symlog" else lo - grow // 2
        hi = lo + 9
    cut_pos = None
    if limit is not None:
        cut_pos = bins.position(limit[1])
        if cut_pos < lo + 2 and lo - cut_pos <= 200:
            lo = max(math.floor(cut_pos) - 2, 0) if bins.kind != "symlog" else math.floor(cut_pos)
        if cut_pos > hi - 2 and cut_pos - hi <= 200:
            hi = math.ceil(cut_pos) + 2
    if bins.kind == "ratio":
        hi = min(hi, 100)
    outside = sum(n for c in counts.values() for i, n in c.items() if not lo <= i <= hi)
    width, height, left, bottom = 280, 96, 4, 16
    n = hi - lo + 1
    w = (width - left * 2) / n
    totals = {i: sum(c.get(i, 0) for c in counts.values()) for i in range(lo, hi + 1)}
    top = max(totals.values()) or 1
    out = [
        f'<svg viewBox="0 0 {width} {height + bottom + 2}" width="100%" role="img" '
        f'aria-label="{esc(signal)} histogram">'
    ]
    for i in range(lo, hi + 1):
        y = float(height)
        for cls in CLASS_ORDER:
            value = counts.get(cls, {}).get(i, 0)
            if not value:
                continue
            h = max(value / top * (height - 6), 1.0)
            y -= h
            out.append(
                f'<rect x="{left + (i - lo) * w:.2f}" y="{y:.2f}" width="{max(w - 0.6, 0.6):.2f}" '
                f'height="{h:.2f}" fill="{COLORS[cls]}"><title>{esc(_range(bins, i))}: '
                f"{value:,} {CLASS_LABELS[cls]}</title></rect>"
            )
    out.append(
        f'<line x1="{left}" y1="{height}" x2="{width - left}" y2="{height}" stroke="#9aa5b1"/>'
    )
    first, last = bins.edges(lo)[0], bins.edges(hi)[1]
    out.append(
        f'<text x="{left}" y="{height + 13}" font-size="10" fill="#5b6773">{_tick(first)}</text>'
        f'<text x="{width - left}" y="{height + 13}" font-size="10" fill="#5b6773" '
        f'text-anchor="end">{_tick(last)}</text>'
    )
    caption, bulk = "", False
    if limit is not None and cut_pos is not None:
        op, bound = limit
        x = left + (cut_pos - lo) * w
        if left <= x <= width - left:
            out.append(
                f'<line x1="{x:.2f}" y1="2" x2="{x:.2f}" y2="{height}" stroke="{CUT}" '
                f'stroke-width="1.6" stroke-dasharray="4 2"/>'
                f'<text x="{x + 3 if x < width - 70 else x - 3:.2f}" y="10" font-size="10" '
                f'fill="{CUT}" text-anchor="{"start" if x < width - 70 else "end"}">'
                f"{op} {esc(number(bound))}</text>"
            )
        beyond = sum(
            docs
            for c in counts.values()
            for i, docs in c.items()
            if (op == "min" and bins.edges(i)[1] <= bound)
            or (op == "max" and bins.edges(i)[0] > bound)
        )
        total = sum(sum(c.values()) for c in counts.values())
        cut_bin = bins.index(bound)
        at_cut = sum(totals.get(i, 0) for i in (cut_bin - 1, cut_bin, cut_bin + 1)) / 3
        # The threshold sits in the bulk when the bins around it are tall next to the tallest.
        bulk = total >= 20 and at_cut >= 0.25 * top
        caption = f"≈{beyond:,} of {total:,} beyond the threshold ({pct(beyond, total)})"
        if bulk:
            caption += f"; it cuts into the bulk ({at_cut / top:.0%} of the peak)"
    if outside:
        caption = (caption + "; " if caption else "") + f"{outside:,} outside the axis"
    out.append("</svg>")
    return "".join(out), caption, bulk


def _axis(counts: dict[str, dict[int, int]], present: list[int]) -> tuple[int, int]:
    """Return the first and last bin to draw: those holding the middle 99.5% of documents."""
    per_bin: dict[int, int] = {}
    for c in counts.values():
        for i, n in c.items():
            per_bin[i] = per_bin.get(i, 0) + n
    total = sum(per_bin.values())
    lo, hi, seen = present[0], present[-1], 0
    low_found = False
    for i in present:
        seen += per_bin.get(i, 0)
        if not low_found and seen > 0.0025 * total:
            lo, low_found = i, True
        if seen >= 0.9975 * total:
            hi = i
            break
    return lo, hi


def _tick(value: float) -> str:
    if math.isinf(value):
        return "∞"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _range(bins: Any, index: int) -> str:
    lower, upper = bins.edges(index)
    shown = "∞" if math.isinf(upper) else number(round(upper, 4))
    return f"[{number(round(lower, 4))}, {shown})"
