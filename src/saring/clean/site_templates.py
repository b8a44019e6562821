"""Site-template learning: per domain, lines that recur at the top or bottom of many different
documents ("SCROLL TO CONTINUE WITH CONTENT", a site's promo or footer paragraph) are learned
and removed (a global step).

The idea follows boilerplate removal by cross-page line frequency (e.g. CCNet's paragraph
deduplication, Wenzek et al. 2020), restricted so that it does not delete article text:

- only lines in template positions count: among the first or last ``edge_lines`` non-blank
  lines, and at most ``max_chars`` long;
- a line is counted once per *distinct* document body (the text between the edges), so a
  document that is simply duplicated, or re-served with another footer, does not make its own
  lines look like a template;
- a line must recur in at least ``min_docs`` distinct documents of the domain; a line that
  reads like a sentence (several words, terminal punctuation) needs ``sentence_min_docs``, so
  a quote that a few related articles share stays.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from saring.clean.lines import record_removed, remove_lines
from saring.document import Document, Dropped
from saring.stats import StepStats
from saring.step import DocRef, GlobalStep

SITE_TEMPLATE = "clean/site_template"
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")
_SENTENCE_SUFFIX = ".s"


def line_key(line: str) -> str:
    """Return a short hash of a line, case-folded with spacing normalised."""
    normal = " ".join(line.casefold().split())
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()


def _sentence_like(line: str) -> bool:
    return len(line.split()) >= 6 and bool(_SENTENCE_END.search(line))


class RemoveSiteTemplates(GlobalStep):
    """Returns documents without the lines learned as their domain's template lines, counted
    as ``clean/site_template`` and, per domain, in the step's counters."""

    line_reasons = (SITE_TEMPLATE,)

    def __init__(
        self,
        edge_lines: int = 5,
        max_chars: int = 400,
        min_docs: int = 4,
        sentence_min_docs: int = 10,
        record_lines: bool = False,
    ) -> None:
        self.edge_lines = edge_lines
        self.max_chars = max_chars
        self.min_docs = min_docs
        self.sentence_min_docs = sentence_min_docs
        self.record_lines = record_lines

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        if not doc.domain:
            return []
        lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
        edge = self.edge_lines
        is_edge = [i < edge or i >= len(lines) - edge for i in range(len(lines))]
        candidates = sorted(
            {
                line_key(line) + (_SENTENCE_SUFFIX if _sentence_like(line) else "")
                for line, at_edge in zip(lines, is_edge, strict=True)
                if at_edge and len(line) <= self.max_chars
            }
        )
        middle = "\n".join(
            line for line, at_edge in zip(lines, is_edge, strict=True) if not at_edge
        )
        body = hashlib.blake2b((middle or doc.text).encode("utf-8"), digest_size=8).hexdigest()
        return [(doc.domain, [body, candidates])]

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[tuple[DocRef, Any]]:
        by_body: dict[str, set[str]] = defaultdict(set)
        for _, (body, candidates) in items:
            by_body[body].update(candidates)
        if len(by_body) < self.min_docs:
            return []
        counts: dict[str, int] = defaultdict(int)
        for candidates in by_body.values():
            for candidate in candidates:
                counts[candidate] += 1
        templates = {
            candidate.removesuffix(_SENTENCE_SUFFIX)
            for candidate, n in counts.items()
            if n
            >= (self.sentence_min_docs if candidate.endswith(_SENTENCE_SUFFIX) else self.min_docs)
        }
        if not templates:
            return []
        stats.counters["domains_with_templates"] += 1
        stats.counters["template_lines_learned"] += len(templates)
        decisions = []
        for ref, (_, candidates) in items:
            found = sorted(
                templates.intersection(c.removesuffix(_SENTENCE_SUFFIX) for c in candidates)
            )
            if found:
                decisions.append((ref, found))
        return decisions

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        if not decisions:
            return doc
        templates = set(decisions[0])

        def reason(index: int, lines: list[str]) -> str | None:
            return SITE_TEMPLATE if line_key(lines[index]) in templates else None

        removed: list[dict[str, Any]] = []
        doc.text = remove_lines(doc.text, reason, stats, removed)
        if removed:
            stats.counters[f"lines_removed/{doc.domain}"] += len(removed)
            if self.record_lines:
                record_removed(doc, removed)
        return doc
