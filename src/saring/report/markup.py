"""Small pieces of the run report's HTML: escaping, number formats, tables and bars.

Everything that comes from documents (text, ids, urls, domains, reasons) goes through
``esc`` (or ``link``, which escapes too) before it is put into the page.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from html import escape
from typing import Any

from saring.sample import KEPT, OTHER_REMOVED, QUALITY_REMOVED

TEXT_LINES = 14
TEXT_CHARS = 1200
COLORS = {KEPT: "#2f6fb0", QUALITY_REMOVED: "#e07b39", OTHER_REMOVED: "#a3adb8"}
CUT = "#c0392b"


def esc(value: Any) -> str:
    """Return a value as escaped HTML text."""
    return escape("" if value is None else str(value), quote=True)


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def pct(part: float, whole: float) -> str:
    if whole <= 0:
        return "–"
    share = 100 * part / whole
    return f"{share:.1f}%" if share >= 0.1 or share == 0 else "<0.1%"


def human_bytes(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(size) < 1000 or unit == "TB":
            return f"{size:,.0f} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1000
    return f"{size:,.1f} TB"


def anchor(reason: str) -> str:
    """Return the id of a reason's section: only letters, digits and dashes."""
    return "r-" + re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") + "-" + short_hash(reason)


def short_hash(value: str) -> str:
    return hashlib.blake2b(value.encode("utf-8", "replace"), digest_size=3).hexdigest()


def link(url: str | None) -> str:
    """Return a url as text, linked only when it is plain http(s)."""
    if not url:
        return ""
    if re.match(r"^https?://[^\s\"'<>]+$", url, flags=re.IGNORECASE):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
    return f'<span class="mono">{esc(url)}</span>'


def first_lines(text: str) -> str:
    lines = text.split("\n")
    shown = "\n".join(lines[:TEXT_LINES])[:TEXT_CHARS]
    more = len(shown) < len(text)
    return shown + ("\n…" if more else "")


def html_table(head: list[str], rows: Iterable[list[str]], numeric: set[int] | None = None) -> str:
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


def bar(value: float, total: float, width: int = 120, color: str = "#2f6fb0") -> str:
    filled = 0.0 if total <= 0 else max(0.0, min(1.0, value / total)) * width
    return (
        f'<svg width="{width}" height="10" role="img" aria-hidden="true">'
        f'<rect width="{width}" height="10" rx="2" fill="#eef1f4"/>'
        f'<rect width="{filled:.1f}" height="10" rx="2" fill="{color}"/></svg>'
    )


def stacked_bar(kept: float, removed: float, total: float, width: int = 120) -> str:
    scale = width / total if total > 0 else 0.0
    kept_w, removed_w = kept * scale, removed * scale
    return (
        f'<svg width="{width}" height="10" role="img" aria-hidden="true">'
        f'<rect width="{width}" height="10" rx="2" fill="#eef1f4"/>'
        f'<rect width="{kept_w:.1f}" height="10" fill="{COLORS[KEPT]}"/>'
        f'<rect x="{kept_w:.1f}" width="{removed_w:.1f}" height="10" fill="{CUT}"/></svg>'
    )
