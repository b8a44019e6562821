"""Exact-duplicate removal by a hash of the normalised text (a global step)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from saring.document import Document, Dropped
from saring.pipeline.base import DocRef, GlobalStep
from saring.pipeline.stats import StepStats

EXACT = "dedup/exact"
_NOT_WORD = re.compile(r"[\W_]+")


def text_fingerprint(text: str) -> str:
    """Return a 128-bit hex digest of the text NFKC-normalised and case-folded, with punctuation
    and spacing removed, so copies that differ only in those still match."""
    normal = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).hexdigest()


class ExactDedup(GlobalStep):
    """Drops every document whose normalised text equals an earlier one's, as ``dedup/exact``
    with ``duplicate_of`` naming the kept copy. The kept copy is the first in input order
    (input files sorted by path, then position in the file), whatever the number of workers."""

    drop_reasons = (EXACT,)

    def __init__(self) -> None:
        pass

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        return [(text_fingerprint(doc.text), doc.id)]

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[tuple[DocRef, Any]]:
        if len(items) < 2:
            return []
        stats.counters["clusters"] += 1
        kept_id = items[0][1]
        return [(ref, kept_id) for ref, _ in items[1:]]

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        if decisions:
            return Dropped(doc, EXACT, duplicate_of=str(decisions[0]))
        return doc
