"""The URLs that name a page, reduced to what names it (for same-URL duplicates)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from saring import meta
from saring.document import Document

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|ref|amp)$")


def normalize_url(url: str) -> str:
    """Return a URL reduced to what names the page: host without ``www.``/``m.``, path without
    trailing slash, ``/amp`` or ``index.html``, query without tracking parameters."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    path = re.sub(r"/(?:amp|index\.html?)$", "", parts.path).rstrip("/")
    query = "&".join(
        sorted(
            pair
            for pair in parts.query.split("&")
            if pair and not _TRACKING.match(pair.split("=", 1)[0])
        )
    )
    return f"{host}{path}" + (f"?{query}" if query else "")


def page_urls(doc: Document) -> set[str]:
    """Return the normalised URLs that name this page: its own and the canonical URL it
    declares, unless that is a site's front page (some sites declare it on every page)."""
    urls = {normalize_url(doc.url)} if doc.url else set()
    canonical = doc.metadata.get(meta.CANONICAL_URL)
    if isinstance(canonical, str) and canonical:
        normal = normalize_url(canonical)
        if "/" in normal.split("?", 1)[0]:
            urls.add(normal)
    return urls
