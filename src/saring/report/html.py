"""The run report: one self-contained HTML page of what a run kept, what it removed and why.

The page holds its own styles and inline SVG charts and runs no script at all; a strict
Content-Security-Policy forbids loading anything, so it opens offline and can be mailed.
Everything that comes from documents (text, ids, urls, domains, reasons) is escaped.
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
import platform
import re
from collections.abc import Iterable
from html import escape
from typing import Any

from saring.report.data import Limit, RunData, limit_for, load_run
from saring.sample import (
    DUPLICATE_PREFIX,
    KEPT,
    LANG_SCORE,
    NO_LANG,
    OTHER_REMOVED,
    QUALITY_REMOVED,
    bins_of,
)
from saring.stats import READ

REPORT_FILE = "report.html"
MAX_LANGS = 6
"""Languages whose signal histograms the page draws (the largest by documents)."""
MAX_DOMAINS = 40
MAX_MIRRORS = 100
MAX_TEMPLATE_DOMAINS = 60
MAX_CONFIG_CHARS = 60_000
TEXT_LINES = 14
TEXT_CHARS = 1200

_CLASS_LABELS = {
    KEPT: "kept",
    QUALITY_REMOVED: "removed by a quality filter",
    OTHER_REMOVED: "removed otherwise",
}
_CLASS_ORDER = (KEPT, QUALITY_REMOVED, OTHER_REMOVED)
_COLORS = {KEPT: "#2f6fb0", QUALITY_REMOVED: "#e07b39", OTHER_REMOVED: "#a3adb8"}
_CUT = "#c0392b"
_GROUP_LABELS = {
    "gopher_quality": "Gopher quality",
    "gopher_repetition": "Gopher repetition",
    "fineweb": "FineWeb",
    "c4": "C4",
}

CSS = """
:root{--kept:#2f6fb0;--quality:#e07b39;--other:#a3adb8;--cut:#c0392b;--ink:#1d2630;
--muted:#5b6773;--line:#e3e7ec;--bg:#f6f7f9;--card:#fff}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);background:var(--bg)}
header{background:#18324d;color:#fff;padding:22px 32px 18px}
header h1{margin:0 0 4px;font-size:22px;font-weight:600}
header .sub{color:#c4d3e3;font-size:13px;word-break:break-all}
nav{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);
padding:8px 32px;display:flex;gap:18px;flex-wrap:wrap}
nav a{color:#18324d;text-decoration:none;font-weight:500}
nav a:hover{text-decoration:underline}
main{max-width:1240px;margin:0 auto;padding:8px 32px 48px}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:18px 22px;margin:20px 0}
h2{margin:0 0 12px;font-size:18px}
h3{margin:18px 0 8px;font-size:15px}
h4{margin:12px 0 6px;font-size:13px;color:var(--muted);text-transform:uppercase;
letter-spacing:.04em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;
margin:18px 0 4px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card .n{font-size:22px;font-weight:600}
.card .l{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12px;background:#fafbfc}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:hover{background:#f3f6fa}
a{color:#1f5f9e}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
pre{white-space:pre-wrap;word-break:break-word;margin:0}
pre.config{background:#f4f6f8;border:1px solid var(--line);border-radius:6px;padding:10px;
max-height:420px;overflow:auto}
.muted{color:var(--muted)}
.note{color:var(--muted);font-size:12.5px;margin:4px 0 10px}
.warn{background:#fff6e5;border:1px solid #f0d7a7;border-radius:6px;padding:8px 12px;
margin:8px 0}
.reason{border-top:1px solid var(--line);padding-top:10px;margin-top:14px}
.reason h3{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.tag{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;background:#eef2f6;
color:#34495e;font-weight:500}
.doc{border:1px solid var(--line);border-radius:6px;margin:8px 0;overflow:hidden}
.doc .head{background:#f7f9fb;padding:6px 10px;font-size:12px;color:var(--muted);
word-break:break-all}
.doc .head b{color:var(--ink)}
.doc .text{padding:8px 10px;max-height:260px;overflow:auto;font-size:12.5px}
.doc .signals{padding:4px 10px 8px;font-size:12px}
.sig{display:inline-block;margin:2px 10px 2px 0}
.sig.bad{color:var(--cut);font-weight:600}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.pair .doc{margin:6px 0}
.only{background:#fff1e6}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px}
.chart{border:1px solid var(--line);border-radius:6px;padding:8px 10px 6px}
.chart .t{font-weight:600;font-size:12.5px}
.chart .c{font-size:11.5px;color:var(--muted);min-height:16px}
.chart .c.cut{color:var(--cut)}
.legend{display:flex;gap:16px;flex-wrap:wrap;font-size:12px;margin:6px 0 10px}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;
vertical-align:-1px}
.sw.kept{background:var(--kept)}.sw.quality{background:var(--quality)}
.sw.other{background:var(--other)}.sw.cut{background:var(--cut)}
details{margin:8px 0}
summary{cursor:pointer;font-weight:600}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:20px}
@media (max-width:900px){.pair,.grid2{grid-template-columns:1fr}}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
"""


# --- small helpers ----------------------------------------------------------------------------


def _e(value: Any) -> str:
    """Return a value as escaped HTML text."""
    return escape("" if value is None else str(value), quote=True)


def _n(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def _pct(part: float, whole: float) -> str:
    if whole <= 0:
        return "–"
    share = 100 * part / whole
    return f"{share:.1f}%" if share >= 0.1 or share == 0 else "<0.1%"


def _bytes(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(size) < 1000 or unit == "TB":
            return f"{size:,.0f} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1000
    return f"{size:,.1f} TB"


def anchor(reason: str) -> str:
    """Return the id of a reason's section: only letters, digits and dashes."""
    return "r-" + re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") + "-" + _short(reason)


def _short(value: str) -> str:
    return hashlib.blake2b(value.encode("utf-8", "replace"), digest_size=3).hexdigest()


def _link(url: str | None) -> str:
    """Return a url as text, linked only when it is plain http(s)."""
    if not url:
        return ""
    if re.match(r"^https?://[^\s\"'<>]+$", url, flags=re.IGNORECASE):
        return f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{_e(url)}</a>'
    return f'<span class="mono">{_e(url)}</span>'


def _first_lines(text: str) -> str:
    lines = text.split("\n")
    shown = "\n".join(lines[:TEXT_LINES])[:TEXT_CHARS]
    more = len(shown) < len(text)
    return shown + ("\n…" if more else "")


def _table(head: list[str], rows: Iterable[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    th = "".join(
        f'<th class="n">{h}</th>' if i in numeric else f"<th>{h}</th>" for i, h in enumerate(head)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    thead = f"<thead><tr>{th}</tr></thead>" if any(head) else ""
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def _bar(value: float, total: float, width: int = 120, color: str = "#2f6fb0") -> str:
    filled = 0.0 if total <= 0 else max(0.0, min(1.0, value / total)) * width
    return (
        f'<svg width="{width}" height="10" role="img" aria-hidden="true">'
        f'<rect width="{width}" height="10" rx="2" fill="#eef1f4"/>'
        f'<rect width="{filled:.1f}" height="10" rx="2" fill="{color}"/></svg>'
    )


def _stacked_bar(kept: float, removed: float, total: float, width: int = 120) -> str:
    scale = width / total if total > 0 else 0.0
    kept_w, removed_w = kept * scale, removed * scale
    return (
        f'<svg width="{width}" height="10" role="img" aria-hidden="true">'
        f'<rect width="{width}" height="10" rx="2" fill="#eef1f4"/>'
        f'<rect width="{kept_w:.1f}" height="10" fill="{_COLORS[KEPT]}"/>'
        f'<rect x="{kept_w:.1f}" width="{removed_w:.1f}" height="10" fill="{_CUT}"/></svg>'
    )


# --- sections ---------------------------------------------------------------------------------


def _step_rows(run: RunData) -> list[dict[str, Any]]:
    stage_of = {
        name: index for index, names in enumerate(run.stats.get("stages", [])) for name in names
    }
    stage_of.setdefault(READ, 0)
    rows = []
    for step in run.stats.get("steps", []):
        rows.append({**step, "stage": stage_of.get(step["name"])})
    return rows


def _kept_bytes(run: RunData) -> int | None:
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
            f'fill="#1d2630">{_e(step["name"])}</text>'
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
            f'font-size="11.5" fill="#5b6773">{_e(note)}</text>'
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
            f'<a href="#{anchor(r)}">{_e(r)}</a>&nbsp;{n:,}' for r, n in step["dropped"].items()
        )
        lines = ", ".join(
            f'<a href="#{anchor(r)}">{_e(r)}</a>&nbsp;{n:,}'
            for r, n in step["lines_removed"].items()
        )
        rows.append(
            [
                _e(step["name"]),
                "" if step["stage"] is None else str(step["stage"] + 1),
                f"{step['docs_in']:,}",
                f"{step['docs_out']:,}",
                f"{sum(step['dropped'].values()):,}",
                dropped,
                lines,
                f"{step['seconds']:,.2f}",
            ]
        )
    kept_bytes = _kept_bytes(run)
    bytes_in = stats["input"]["bytes"]
    out_bytes = "–" if kept_bytes is None else _bytes(kept_bytes)
    return (
        '<section id="funnel"><h2>The funnel</h2>'
        f'<p class="note">{read:,} documents ({_bytes(bytes_in)} of input) in, '
        f"{stats['kept']:,} documents ({out_bytes} of text) out. The chart shows the steps "
        "that dropped documents (red) and what they let through (blue); the table lists every "
        "step. Reasons link to their examples.</p>"
        + _funnel_svg(steps, read, stats["kept"])
        + _table(
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


def _signals_html(doc: dict[str, Any], limits: dict[str, Limit]) -> str:
    signals: dict[str, float] = doc.get("signals") or {}
    if not signals:
        return ""
    decided, others = [], []
    for name, value in sorted(signals.items()):
        found = limit_for(limits, name)
        if found is None:
            others.append(f'<span class="sig">{_e(name)} = {_n(value)}</span>')
            continue
        _, (op, bound) = found
        broken = value < bound if op == "min" else value > bound
        cls = "sig bad" if broken else "sig"
        mark = " ✗" if broken else ""
        decided.append(
            f'<span class="{cls}">{_e(name)} = {_n(value)} ({op} {_n(bound)}){mark}</span>'
        )
    body = "".join(decided)
    if others:
        body += (
            f"<details><summary class='muted'>{len(others)} more signals</summary>"
            f"{''.join(others)}</details>"
        )
    return f'<div class="signals">{body}</div>'


def _doc_html(
    doc: dict[str, Any], limits: dict[str, Limit], title: str = "", signals: bool = True
) -> str:
    head = [f"<b>{_e(title)}</b>" if title else "", f"id <b>{_e(doc.get('id'))}</b>"]
    if doc.get("url"):
        head.append(_link(doc["url"]))
    elif doc.get("domain"):
        head.append(_e(doc["domain"]))
    facts = []
    if doc.get("lang"):
        score = doc.get("lang_score")
        facts.append(f"{_e(doc['lang'])}" + (f" {score:.2f}" if score is not None else ""))
    facts.append(f"{doc.get('chars', 0):,} chars")
    if doc.get("source_file"):
        line = doc.get("source_line")
        facts.append(_e(f"{doc['source_file']}" + (f":{line}" if line is not None else "")))
    if doc.get("invalid_detail"):
        facts.append(_e(doc["invalid_detail"]))
    head.append(" · ".join(facts))
    text = _first_lines(str(doc.get("text") or ""))
    return (
        f'<div class="doc"><div class="head">{" · ".join(h for h in head if h)}</div>'
        f'<div class="text"><pre>{_e(text)}</pre></div>'
        f"{_signals_html(doc, limits) if signals else ''}</div>"
    )


def _pair_html(removed: dict[str, Any], twin: dict[str, Any] | None, limits: Any) -> str:
    if twin is None:
        kept = (
            f'<div class="doc"><div class="head">kept copy <b>'
            f"{_e(removed.get('duplicate_of'))}</b></div>"
            '<div class="text muted">not in the sample (kept in an earlier run, '
            "or outside the sampled clusters)</div></div>"
        )
        return f'<div class="pair">{_doc_html(removed, {}, "removed copy", False)}{kept}</div>'
    kept_lines = {" ".join(line.split()) for line in str(twin.get("text", "")).split("\n")}
    text = _first_lines(str(removed.get("text") or ""))
    marked = "\n".join(
        f'<span class="only">{_e(line)}</span>'
        if line.strip() and " ".join(line.split()) not in kept_lines and line != "…"
        else _e(line)
        for line in text.split("\n")
    )
    same = str(removed.get("text")) == str(twin.get("text"))
    note = (
        "same text as its kept twin"
        if same
        else "lines of the removed copy that its kept twin lacks are highlighted"
    )
    left = _doc_html(removed, {}, "removed copy", False)
    left = left.replace(f"<pre>{_e(text)}</pre>", f"<pre>{marked}</pre>", 1)
    pair = f'<div class="pair">{left}{_doc_html(twin, {}, "kept twin", False)}</div>'
    return f'<p class="note">{note}</p>{pair}'


def section_reasons(run: RunData) -> str:
    stats = run.stats
    read = stats["input"]["documents"] or 0
    sample = run.sample
    twins = {}
    if sample is not None:
        twins = {item["value"]["id"]: item["value"] for item in sample.twin_docs.values()}
    parts = ['<section id="reasons"><h2>Removed, by reason</h2>']
    by_reason: dict[str, int] = stats.get("removed_by_reason", {})
    if not by_reason:
        parts.append('<p class="note">No document was removed.</p>')
    sizes = sample.reasons if sample is not None else {}
    rows = [
        [
            f'<a href="#{anchor(r)}">{_e(r)}</a>',
            f"{n:,}",
            _pct(n, read),
            _bytes(sizes[r][1]) if r in sizes else "–",
            _bar(n, read, 160),
        ]
        for r, n in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if rows:
        head = ["reason", "documents", "share of input", "text removed", ""]
        parts.append(_table(head, rows, {1, 2, 3}))
    for reason, count in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
        parts.append(
            f'<div class="reason" id="{anchor(reason)}"><h3>{_e(reason)}'
            f'<span class="tag">{count:,} documents · {_pct(count, read)} of input</span></h3>'
        )
        items = sample.removed[reason].values() if sample and reason in sample.removed else []
        if not items:
            parts.append('<p class="note">No example in the sample.</p>')
        for item in items:
            doc = item["value"]
            limits = run.limits.get(doc.get("lang") or "", {})
            if reason.startswith(DUPLICATE_PREFIX) and doc.get("duplicate_of"):
                parts.append(_pair_html(doc, twins.get(doc["duplicate_of"]), limits))
            else:
                parts.append(_doc_html(doc, limits))
        parts.append("</div>")
    if sample is not None and sample.kept.items:
        kept = sample.kept.values()
        parts.append(
            f'<div class="reason" id="kept"><h3>Kept documents'
            f'<span class="tag">a sample of {len(kept):,}</span></h3><details>'
            "<summary>show them</summary>"
        )
        for item in kept:
            doc = item["value"]
            parts.append(_doc_html(doc, run.limits.get(doc.get("lang") or "", {})))
        parts.append("</details></div>")
    lines: dict[str, int] = stats.get("lines_removed_by_reason", {})
    if lines:
        parts.append("<h3>Lines removed, by reason</h3>")
        parts.append(
            '<p class="note">Cleaners remove lines and keep the document. Example lines are '
            "kept only from steps run with <code>record_lines=True</code>.</p>"
        )
        for reason, count in sorted(lines.items(), key=lambda kv: (-kv[1], kv[0])):
            parts.append(
                f'<div class="reason" id="{anchor(reason)}"><h3>{_e(reason)}'
                f'<span class="tag">{count:,} lines</span></h3>'
            )
            recorded = sample.lines[reason].values() if sample and reason in sample.lines else []
            if recorded:
                parts.append(
                    _table(
                        ["domain", "line", "times"],
                        (
                            [
                                _e(i["value"]["domain"]),
                                f'<span class="mono">{_e(i["value"]["line"])}</span>',
                                f"{i['count']:,}",
                            ]
                            for i in recorded[:15]
                        ),
                        {2},
                    )
                )
            parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def _hist_svg(
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
        f'aria-label="{_e(signal)} histogram">'
    ]
    for i in range(lo, hi + 1):
        y = float(height)
        for cls in _CLASS_ORDER:
            value = counts.get(cls, {}).get(i, 0)
            if not value:
                continue
            h = max(value / top * (height - 6), 1.0)
            y -= h
            out.append(
                f'<rect x="{left + (i - lo) * w:.2f}" y="{y:.2f}" width="{max(w - 0.6, 0.6):.2f}" '
                f'height="{h:.2f}" fill="{_COLORS[cls]}"><title>{_e(_range(bins, i))}: '
                f"{value:,} {_CLASS_LABELS[cls]}</title></rect>"
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
                f'<line x1="{x:.2f}" y1="2" x2="{x:.2f}" y2="{height}" stroke="{_CUT}" '
                f'stroke-width="1.6" stroke-dasharray="4 2"/>'
                f'<text x="{x + 3 if x < width - 70 else x - 3:.2f}" y="10" font-size="10" '
                f'fill="{_CUT}" text-anchor="{"start" if x < width - 70 else "end"}">'
                f"{op} {_e(_n(bound))}</text>"
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
        caption = f"≈{beyond:,} of {total:,} beyond the threshold ({_pct(beyond, total)})"
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
    shown = "∞" if math.isinf(upper) else _n(round(upper, 4))
    return f"[{_n(round(lower, 4))}, {shown})"


def _signal_title(signal: str) -> tuple[str, str]:
    group, _, name = signal.partition(".")
    if not name:
        return "Language identification", "lang_score"
    return _GROUP_LABELS.get(group, group), name.replace(".", " n=")


def _lang_order(run: RunData) -> list[str]:
    assert run.sample is not None
    langs = run.sample.langs
    return sorted(
        (lang for lang in run.sample.histograms if lang != NO_LANG),
        key=lambda lang: (-(langs.get(lang, [0, 0, 0, 0])[0] + langs.get(lang, [0] * 4)[2]), lang),
    )


def section_signals(run: RunData) -> str:
    parts = ['<section id="signals"><h2>Signals against thresholds</h2>']
    if run.sample is None or not any(
        name != LANG_SCORE for signals in run.sample.histograms.values() for name in signals
    ):
        parts.append(
            '<p class="note">No quality signals in this run (no step wrote '
            "<code>metadata.quality</code>).</p></section>"
        )
        return "".join(parts)
    legend = "".join(
        f'<span><span class="sw {cls}"></span>{label}</span>'
        for cls, label in _CLASS_LABELS.items()
    )
    parts.append(
        f'<div class="legend">{legend}<span><span class="sw cut"></span>threshold</span></div>'
        '<p class="note">Each histogram counts every document of the language (fixed bins). '
        "A threshold that cuts into the bulk of kept documents is flagged in red.</p>"
    )
    if not run.limits:
        parts.append(
            '<p class="note">No thresholds drawn: no step of this run declares '
            "<code>limits(lang)</code>.</p>"
        )
    langs = [
        lang
        for lang in _lang_order(run)
        if any(name != LANG_SCORE for name in run.sample.histograms[lang])
    ]
    for index, lang in enumerate(langs[:MAX_LANGS]):
        signals = run.sample.histograms[lang]
        limits = run.limits.get(lang, {})
        docs = sum(run.sample.langs.get(lang, [0, 0, 0, 0])[::2])
        open_attr = " open" if index == 0 else ""
        parts.append(
            f"<details{open_attr}><summary>{_e(lang)} · {docs:,} documents</summary>"
            '<div class="charts">'
        )
        names = [s for s in signals if s != LANG_SCORE]
        for signal in sorted(names):
            found = limit_for(limits, signal)
            limit = found[1] if found else None
            counts = {cls: dict(c) for cls, c in signals[signal].items()}
            svg, caption, bulk = _hist_svg(counts, signal, limit)
            group, name = _signal_title(signal)
            cls = "c cut" if bulk else "c"
            parts.append(
                f'<div class="chart"><div class="t">{_e(name)} '
                f'<span class="muted">· {_e(group)}</span></div>{svg}'
                f'<div class="{cls}">{_e(caption)}</div></div>'
            )
        parts.append("</div></details>")
    if len(langs) > MAX_LANGS:
        rest = ", ".join(_e(lang) for lang in langs[MAX_LANGS:])
        parts.append(f'<p class="note">Not drawn (smaller languages): {rest}.</p>')
    parts.append("</section>")
    return "".join(parts)


def section_languages(run: RunData) -> str:
    parts = ['<section id="languages"><h2>Languages</h2>']
    if run.sample is None:
        parts.append('<p class="note">No sample of documents in this run.</p></section>')
        return "".join(parts)
    langs = run.sample.langs
    kept_total = sum(row[0] for row in langs.values())
    order = sorted(langs, key=lambda lang: (-(langs[lang][0] + langs[lang][2]), lang))
    rows = []
    for lang in order:
        kept, kept_bytes, removed, _ = langs[lang]
        label = "not identified (removed before language ID)" if lang == NO_LANG else lang
        rows.append(
            [
                _e(label),
                f"{kept:,}",
                _pct(kept, kept_total),
                _bytes(kept_bytes),
                f"{removed:,}",
                _pct(removed, kept + removed),
                _bar(kept, kept_total, 140),
            ]
        )
    parts.append(
        _table(
            ["lang", "kept", "share of kept", "kept text", "removed", "removed share", "kept"],
            rows,
            {1, 2, 3, 4, 5},
        )
    )
    charts = []
    for lang in _lang_order(run)[: MAX_LANGS * 2]:
        hist = run.sample.histograms[lang].get(LANG_SCORE)
        if not hist:
            continue
        svg, _, _ = _hist_svg({c: dict(v) for c, v in hist.items()}, LANG_SCORE, None)
        charts.append(f'<div class="chart"><div class="t">lang_score · {_e(lang)}</div>{svg}</div>')
    if charts:
        parts.append('<h3>Distribution of lang_score</h3><div class="charts">')
        parts.extend(charts)
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def section_sites(run: RunData) -> str:
    parts = ['<section id="sites"><h2>Sites</h2><div class="grid2"><div>']
    domains = run.domains or {}
    mirrors = {d: info for d, info in sorted(domains.items()) if info.get("mirror_of")}
    if run.sample is not None and run.sample.domains:
        table = run.sample.domains
        top = sorted(table.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))[:MAX_DOMAINS]
        biggest = max(kept + removed for _, (kept, removed, _) in top) if top else 1
        total = run.sample_meta.get("domains_total", len(table))
        parts.append(f"<h3>Top domains by documents <span class='muted'>of {total:,}</span></h3>")
        parts.append(
            _table(
                ["domain", "kept", "removed", "kept text", "kept · removed"],
                (
                    [
                        _e(d) + (' <span class="tag">mirror</span>' if d in mirrors else ""),
                        f"{kept:,}",
                        f"{removed:,}",
                        _bytes(size),
                        _stacked_bar(kept, removed, biggest, 100),
                    ]
                    for d, (kept, removed, size) in top
                ),
                {1, 2, 3},
            )
        )
    else:
        parts.append('<p class="note">No domains in the sample.</p>')
    parts.append("</div><div>")
    parts.append("<h3>Mirror domains</h3>")
    if mirrors:
        rows = []
        for domain, info in list(mirrors.items())[:MAX_MIRRORS]:
            shared = info.get("shared_with") or {}
            source = info.get("mirror_of")
            evidence = [
                f"{info.get('documents', 0):,} documents, "
                f"{shared.get(source, 0):,} in duplicate clusters with it"
            ]
            credits = (info.get("credits") or {}).get(source)
            if credits:
                evidence.append(f"credits it on {credits:,} pages")
            after = (info.get("published_after") or {}).get(source)
            if after:
                evidence.append(f"published after it {after:,} times")
            rows.append(
                [
                    _e(domain),
                    _e(source),
                    f"{float(info.get('mirror_score') or 0):.2f}",
                    _e("; ".join(evidence)),
                ]
            )
        parts.append(_table(["domain", "mirror of", "score", "evidence"], rows, {2}))
        if len(mirrors) > MAX_MIRRORS:
            parts.append(
                f'<p class="note">{len(mirrors) - MAX_MIRRORS:,} more in domains.json.</p>'
            )
    else:
        parts.append('<p class="note">No domain was flagged as a mirror.</p>')
    parts.append("</div></div>")
    parts.append(_templates(run))
    parts.append("</section>")
    return "".join(parts)


def _templates(run: RunData) -> str:
    per_domain: dict[str, int] = {}
    learned = 0
    for step in run.stats.get("steps", []):
        for key, n in step.get("counters", {}).items():
            if key.startswith("lines_removed/"):
                domain = key.removeprefix("lines_removed/")
                per_domain[domain] = per_domain.get(domain, 0) + n
        learned += step.get("counters", {}).get("template_lines_learned", 0)
    if not per_domain:
        return ""
    recorded: dict[str, list[tuple[str, int]]] = {}
    sample = run.sample
    if sample is not None and "clean/site_template" in sample.lines:
        for item in sample.lines["clean/site_template"].values():
            value = item["value"]
            recorded.setdefault(value["domain"], []).append((value["line"], item["count"]))
    top = sorted(per_domain.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TEMPLATE_DOMAINS]
    rows = []
    for domain, n in top:
        lines = "<br>".join(
            f'<span class="mono">{_e(line)}</span> <span class="muted">×{count:,}</span>'
            for line, count in sorted(recorded.get(domain, []), key=lambda lc: (-lc[1], lc[0]))
        )
        rows.append([_e(domain), f"{n:,}", lines or '<span class="muted">not recorded</span>'])
    note = f"{learned:,} template lines learned over {len(per_domain):,} domains. " + (
        ""
        if recorded
        else "The lines themselves are shown when RemoveSiteTemplates runs with "
        "<code>record_lines=True</code>."
    )
    return f'<h3>Site template lines</h3><p class="note">{note}</p>' + _table(
        ["domain", "lines removed", "learned lines"], rows, {1}
    )


def section_facts(run: RunData) -> str:
    stats = run.stats
    cfg = run.config
    executor = cfg.get("executor", {})
    executor_text = executor.get("class", "–")
    if "workers" in executor:
        executor_text += f", {executor['workers']} workers"
    if executor.get("address"):
        executor_text += f", {executor['address']}"
    reader = cfg.get("reader", {})
    paths = reader.get("paths", [])
    seconds = float(stats.get("seconds") or 0)
    read = stats["input"]["documents"]
    rate = read / seconds if seconds > 0 else 0
    from saring import __version__

    rows = [
        ["saring (run)", _e(stats.get("saring"))],
        ["saring (report), Python", _e(f"{__version__}, Python {platform.python_version()}")],
        ["executor", _e(executor_text)],
        ["reader", _e(reader.get("class", "–"))],
        ["inputs", "<br>".join(f'<span class="mono">{_e(p)}</span>' for p in paths[:50])],
        [
            "input",
            _e(
                f"{stats['input']['files']:,} files, {_bytes(stats['input']['bytes'])}, {read:,} "
                "documents"
            ),
        ],
        ["wall time", _e(f"{seconds:,.1f} s")],
        ["throughput", _e(f"{rate:,.0f} documents/s")],
        ["output", f'<span class="mono">{_e(cfg.get("output", run.output))}</span>'],
    ]
    if len(paths) > 50:
        rows[4][1] += f"<br>… {len(paths) - 50:,} more"
    text = run.config_text
    if len(text) > MAX_CONFIG_CHARS:
        text = text[:MAX_CONFIG_CHARS] + "\n# … (cut; see config.toml)"
    return (
        '<section id="facts"><h2>Run facts</h2>'
        + _table(["", ""], rows)
        + "<h3>Configuration (config.toml)</h3>"
        + f'<pre class="config">{_e(text)}</pre></section>'
    )


def _cards(run: RunData) -> str:
    stats = run.stats
    read = stats["input"]["documents"]
    kept_bytes = _kept_bytes(run)
    seconds = float(stats.get("seconds") or 0)
    cards = [
        (f"{read:,}", "documents in"),
        (f"{stats['kept']:,}", f"kept · {_pct(stats['kept'], read)}"),
        (f"{stats['removed']:,}", f"removed · {_pct(stats['removed'], read)}"),
        (
            f"{sum(stats.get('lines_removed_by_reason', {}).values()):,}",
            "lines removed from kept text",
        ),
        (_bytes(stats["input"]["bytes"]), "input files"),
        ("–" if kept_bytes is None else _bytes(kept_bytes), "kept text"),
        (f"{seconds:,.1f} s", f"{read / seconds if seconds else 0:,.0f} documents/s"),
    ]
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><div class="n">{_e(n)}</div><div class="l">{_e(label)}</div></div>'
            for n, label in cards
        )
        + "</div>"
    )


def render(run: RunData) -> str:
    """Return the report page of a run."""
    css = CSS.strip()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    notes = "".join(f'<div class="warn">{_e(note)}</div>' for note in run.notes)
    title = f"saring report · {os.path.basename(os.path.abspath(run.output))}"
    body = (
        section_funnel(run)
        + section_reasons(run)
        + section_signals(run)
        + section_languages(run)
        + section_sites(run)
        + section_facts(run)
    )
    nav = "".join(
        f'<a href="#{key}">{label}</a>'
        for key, label in (
            ("funnel", "Funnel"),
            ("reasons", "Removed"),
            ("signals", "Signals"),
            ("languages", "Languages"),
            ("sites", "Sites"),
            ("facts", "Run facts"),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title><style>{css}</style></head><body>"
        f'<header><h1>{_e(title)}</h1><div class="sub">output folder {_e(run.output)} · '
        f"saring {_e(run.stats.get('saring'))}</div>"
        "</header>"
        f"<nav>{nav}</nav><main>{_cards(run)}{notes}{body}</main></body></html>\n"
    )


def write_report(output: str, path: str | None = None) -> str:
    """Write the report of the finished run in ``output`` (to ``output/report.html`` unless
    ``path`` is given) and return its path."""
    run = load_run(output)
    target = path or os.path.join(output, REPORT_FILE)
    page = render(run)
    with open(target + ".tmp", "w", encoding="utf-8") as out:
        out.write(page)
    os.replace(target + ".tmp", target)
    return target
