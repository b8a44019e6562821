"""The report's funnel: documents through each step, as a chart and a table."""

from __future__ import annotations

from typing import Any

from saring.report.data import RunData
from saring.report.markup import anchor, esc, html_table, human_bytes
from saring.stats import READ


def _step_rows(run: RunData) -> list[dict[str, Any]]:
    stage_of = {
        name: index for index, names in enumerate(run.stats.get("stages", [])) for name in names
    }
    stage_of.setdefault(READ, 0)
    rows = []
    for step in run.stats.get("steps", []):
        rows.append({**step, "stage": stage_of.get(step["name"])})
    return rows


def kept_text_bytes(run: RunData) -> int | None:
    if run.sample is None:
        return None
    return sum(row[1] for row in run.sample.langs.values())


def _funnel_svg(steps: list[dict[str, Any]], total: int, kept: int) -> str:
    bar_w, label_w, row_h = 560, 210, 22
    # The steps that dropped documents; the table below lists every step.
    shown = [s for s in steps if s["dropped"]]
    if steps:
        shown = [
            {"name": "documents in", "docs_out": total, "dropped": {}},
            *shown,
            {"name": "kept", "docs_out": kept, "dropped": {}},
        ]
    height = row_h * len(shown) + 26
    out = [
        f'<svg viewBox="0 0 {label_w + bar_w + 150} {height}" width="100%" '
        f'role="img" aria-label="documents through each step">'
    ]
    scale = bar_w / total if total else 0
    for i, step in enumerate(shown):
        y = 4 + i * row_h
        dropped = sum(step["dropped"].values())
        kept_w = step["docs_out"] * scale
        drop_w = dropped * scale
        out.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end" font-size="12" '
            f'fill="#1d2630">{esc(step["name"])}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{kept_w:.1f}" height="14" rx="2" '
            f'fill="#2f6fb0"/>'
        )
        if dropped:
            out.append(
                f'<rect x="{label_w + kept_w:.1f}" y="{y + 3}" width="{max(drop_w, 2):.1f}" '
                f'height="14" rx="2" fill="#c0392b"/>'
            )
        note = f"{step['docs_out']:,}" + (f"  −{dropped:,}" if dropped else "")
        out.append(
            f'<text x="{label_w + kept_w + max(drop_w, 2) + 6:.1f}" y="{y + 14}" '
            f'font-size="11.5" fill="#5b6773">{esc(note)}</text>'
        )
    y = 4 + len(shown) * row_h + 12
    out.append(
        f'<rect x="{label_w}" y="{y - 9}" width="10" height="10" fill="#2f6fb0"/>'
        f'<text x="{label_w + 14}" y="{y}" font-size="11.5" fill="#5b6773">documents out</text>'
        f'<rect x="{label_w + 120}" y="{y - 9}" width="10" height="10" fill="#c0392b"/>'
        f'<text x="{label_w + 134}" y="{y}" font-size="11.5" fill="#5b6773">dropped here</text>'
    )
    out.append("</svg>")
    return "".join(out)


def section_funnel(run: RunData) -> str:
    stats = run.stats
    steps = _step_rows(run)
    read = stats["input"]["documents"]
    rows = []
    for step in steps:
        dropped = ", ".join(
            f'<a href="#{anchor(r)}">{esc(r)}</a>&nbsp;{n:,}' for r, n in step["dropped"].items()
        )
        lines = ", ".join(
            f'<a href="#{anchor(r)}">{esc(r)}</a>&nbsp;{n:,}'
            for r, n in step["lines_removed"].items()
        )
        rows.append(
            [
                esc(step["name"]),
                "" if step["stage"] is None else str(step["stage"] + 1),
                f"{step['docs_in']:,}",
                f"{step['docs_out']:,}",
                f"{sum(step['dropped'].values()):,}",
                dropped,
                lines,
                f"{step['seconds']:,.2f}",
            ]
        )
    kept_bytes = kept_text_bytes(run)
    bytes_in = stats["input"]["bytes"]
    out_bytes = "–" if kept_bytes is None else human_bytes(kept_bytes)
    return (
        '<section id="funnel"><h2>The funnel</h2>'
        f'<p class="note">{read:,} documents ({human_bytes(bytes_in)} of input) in, '
        f"{stats['kept']:,} documents ({out_bytes} of text) out. The chart shows the steps "
        "that dropped documents (red) and what they let through (blue); the table lists every "
        "step. Reasons link to their examples.</p>"
        + _funnel_svg(steps, read, stats["kept"])
        + html_table(
            [
                "step",
                "stage",
                "documents in",
                "kept",
                "dropped",
                "drops by reason",
                "lines removed",
                "seconds",
            ],
            rows,
            {2, 3, 4, 7},
        )
        + "</section>"
    )
