"""Credits: other sites a page names as its source, the page's own evidence of copying."""

from __future__ import annotations

import re

from saring import meta
from saring.document import Document
from saring.step import Annotator

# Host names ending in the suffixes news sites of the region use.
_DOMAIN = re.compile(
    r"\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|net|org|info|news|tv|id|my|sg|bn|ph|co\.id|or\.id|go\.id|ac\.id|web\.id|com\.my"
    r"|gov\.my|com\.sg|com\.ph))\b",
    re.IGNORECASE,
)
# Words that make a line a credit ("Sumber: ...", "dilansir ...", "ikuti ... channel ...").
_CREDIT_WORDS = re.compile(
    r"\b(?:sumber|source|dilansir|dikutip|dipetik|ikuti|follow|channel|artikel ini (?:telah )?"
    r"tayang|baca artikel (?:asli|selengkapnya)|copyright|hak cipta|©)",
    re.IGNORECASE,
)
# Platforms a credit line names without being the source of the text.
PLATFORMS = frozenset(
    {
        "google.com", "news.google.com", "whatsapp.com", "facebook.com", "twitter.com", "x.com",
        "instagram.com", "youtube.com", "tiktok.com", "t.me", "telegram.org", "line.me",
        "bit.ly", "linktr.ee",
    }
)  # fmt: skip


class FindCredits(Annotator):
    """Writes ``credited_domains``: domains other than the page's own named in its last
    ``tail_lines`` lines or in any line with a credit word ("Sumber", "dilansir", "ikuti …
    channel"). A page on one site that credits another is evidence that it is a copy, as the
    seed page on visitaaponce.com that asks readers to follow mediaindonesia.com. Run it before
    cleaning removes footers."""

    def __init__(self, tail_lines: int = 5) -> None:
        self.tail_lines = tail_lines

    def annotate(self, doc: Document) -> None:
        lines = [line for line in doc.text.split("\n") if line.strip()]
        tail = len(lines) - self.tail_lines
        own = doc.domain or ""
        found: list[str] = []
        for index, line in enumerate(lines):
            if index < tail and not _CREDIT_WORDS.search(line):
                continue
            for match in _DOMAIN.finditer(line):
                domain = match.group(1).lower().removeprefix("www.")
                if domain in PLATFORMS or _same_site(domain, own) or domain in found:
                    continue
                found.append(domain)
        if found:
            doc.metadata[meta.CREDITED_DOMAINS] = found


def _same_site(a: str, b: str) -> bool:
    return bool(b) and (a == b or a.endswith("." + b) or b.endswith("." + a))
