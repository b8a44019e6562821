"""The report's removed documents, by reason: counts, examples with their signals against
the thresholds, duplicates beside their kept twins, kept examples and removed lines."""

from __future__ import annotations

from typing import Any

from saring.report.data import Limit, RunData, limit_for
from saring.report.markup import (
    anchor,
    bar,
    esc,
    first_lines,
    html_table,
    human_bytes,
    link,
    number,
    pct,
)
from saring.sample import DUPLICATE_PREFIX


def _signals_html(doc: dict[str, Any], limits: dict[str, Limit]) -> str:
    signals: dict[str, float] = doc.get("signals") or {}
    if not signals:
        return ""
    decided, others = [], []
    for name, value in sorted(signals.items()):
        found = limit_for(limits, name)
        if found is None:
            others.append(f'<span class="sig">{esc(name)} = {number(value)}</span>')
            continue
        _, (op, bound) = found
        broken = value < bound if op == "min" else value > bound
        cls = "sig bad" if broken else "sig"
        mark = " ✗" if broken else ""
        decided.append(
            f'<span class="{cls}">{esc(name)} = {number(value)} ({op} {number(bound)}){mark}</span>'
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
    head = [f"<b>{esc(title)}</b>" if title else "", f"id <b>{esc(doc.get('id'))}</b>"]
    if doc.get("url"):
        head.append(link(doc["url"]))
    elif doc.get("domain"):
        head.append(esc(doc["domain"]))
    facts = []
    if doc.get("lang"):
        score = doc.get("lang_score")
        facts.append(f"{esc(doc['lang'])}" + (f" {score:.2f}" if score is not None else ""))
    facts.append(f"{doc.get('chars', 0):,} chars")
    if doc.get("source_file"):
        line = doc.get("source_line")
        facts.append(esc(f"{doc['source_file']}" + (f":{line}" if line is not None else "")))
    if doc.get("invalid_detail"):
        facts.append(esc(doc["invalid_detail"]))
    head.append(" · ".join(facts))
    text = first_lines(str(doc.get("text") or ""))
    return (
        f'<div class="doc"><div class="head">{" · ".join(h for h in head if h)}</div>'
        f'<div class="text"><pre>{esc(text)}</pre></div>'
        f"{_signals_html(doc, limits) if signals else ''}</div>"
    )


def _pair_html(removed: dict[str, Any], twin: dict[str, Any] | None, limits: Any) -> str:
    if twin is None:
        kept = (
            f'<div class="doc"><div class="head">kept copy <b>'
            f"{esc(removed.get('duplicate_of'))}</b></div>"
            '<div class="text muted">not in the sample (kept in an earlier run, '
            "or outside the sampled clusters)</div></div>"
        )
        return f'<div class="pair">{_doc_html(removed, {}, "removed copy", False)}{kept}</div>'
    kept_lines = {" ".join(line.split()) for line in str(twin.get("text", "")).split("\n")}
    text = first_lines(str(removed.get("text") or ""))
    marked = "\n".join(
        f'<span class="only">{esc(line)}</span>'
        if line.strip() and " ".join(line.split()) not in kept_lines and line != "…"
        else esc(line)
        for line in text.split("\n")
    )
    same = str(removed.get("text")) == str(twin.get("text"))
    note = (
        "same text as its kept twin"
        if same
        else "lines of the removed copy that its kept twin lacks are highlighted"
    )
    left = _doc_html(removed, {}, "removed copy", False)
    left = left.replace(f"<pre>{esc(text)}</pre>", f"<pre>{marked}</pre>", 1)
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
            f'<a href="#{anchor(r)}">{esc(r)}</a>',
            f"{n:,}",
            pct(n, read),
            human_bytes(sizes[r][1]) if r in sizes else "–",
            bar(n, read, 160),
        ]
        for r, n in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if rows:
        head = ["reason", "documents", "share of input", "text removed", ""]
        parts.append(html_table(head, rows, {1, 2, 3}))
    for reason, count in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
        parts.append(
            f'<div class="reason" id="{anchor(reason)}"><h3>{esc(reason)}'
            f'<span class="tag">{count:,} documents · {pct(count, read)} of input</span></h3>'
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
                f'<div class="reason" id="{anchor(reason)}"><h3>{esc(reason)}'
                f'<span class="tag">{count:,} lines</span></h3>'
            )
            recorded = sample.lines[reason].values() if sample and reason in sample.lines else []
            if recorded:
                parts.append(
                    html_table(
                        ["domain", "line", "times"],
                        (
                            [
                                esc(i["value"]["domain"]),
                                f'<span class="mono">{esc(i["value"]["line"])}</span>',
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
