"""The run report: one self-contained HTML page of what a run kept, what it removed and why.

The page holds its own styles and inline SVG charts and runs no script at all; a strict
Content-Security-Policy forbids loading anything, so it opens offline and can be mailed.
Everything that comes from documents (text, ids, urls, domains, reasons) is escaped.

This module puts the page together; each section is drawn by its own module (``funnel``,
``reasons``, ``signals``, ``languages``, ``sites``, ``facts``), and the stylesheet is
``saring/data/report/report.css``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
from importlib import resources

from saring import storage
from saring.report.data import RunData, load_run
from saring.report.facts import section_facts
from saring.report.funnel import kept_text_bytes, section_funnel
from saring.report.languages import section_languages
from saring.report.markup import anchor, esc, human_bytes, pct
from saring.report.reasons import section_reasons
from saring.report.signals import section_signals
from saring.report.sites import section_sites

__all__ = ["REPORT_FILE", "anchor", "render", "write_report"]

REPORT_FILE = "report.html"


@functools.cache
def stylesheet() -> str:
    """Return the page's stylesheet, as the page holds it (and its policy hashes it)."""
    css = resources.files("saring").joinpath("data", "report", "report.css")
    return css.read_text(encoding="utf-8").strip()


def _cards(run: RunData) -> str:
    stats = run.stats
    read = stats["input"]["documents"]
    kept_bytes = kept_text_bytes(run)
    seconds = float(stats.get("seconds") or 0)
    cards = [
        (f"{read:,}", "documents in"),
        (f"{stats['kept']:,}", f"kept · {pct(stats['kept'], read)}"),
        (f"{stats['removed']:,}", f"removed · {pct(stats['removed'], read)}"),
        (
            f"{sum(stats.get('lines_removed_by_reason', {}).values()):,}",
            "lines removed from kept text",
        ),
        (human_bytes(stats["input"]["bytes"]), "input files"),
        ("–" if kept_bytes is None else human_bytes(kept_bytes), "kept text"),
        (f"{seconds:,.1f} s", f"{read / seconds if seconds else 0:,.0f} documents/s"),
    ]
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><div class="n">{esc(n)}</div>'
            f'<div class="l">{esc(label)}</div></div>'
            for n, label in cards
        )
        + "</div>"
    )


def render(run: RunData) -> str:
    """Return the report page of a run."""
    css = stylesheet()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    notes = "".join(f'<div class="warn">{esc(note)}</div>' for note in run.notes)
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
        f"<title>{esc(title)}</title><style>{css}</style></head><body>"
        f'<header><h1>{esc(title)}</h1><div class="sub">output folder {esc(run.output)} · '
        f"saring {esc(run.stats.get('saring'))}</div>"
        "</header>"
        f"<nav>{nav}</nav><main>{_cards(run)}{notes}{body}</main></body></html>\n"
    )


def write_report(output: str, path: str | None = None) -> str:
    """Write the report of the finished run in ``output`` (to ``output/report.html`` unless
    ``path`` is given) and return its path."""
    run = load_run(output)
    target = path or storage.join(output, REPORT_FILE)
    storage.write_bytes(target, render(run).encode("utf-8"))
    return target
