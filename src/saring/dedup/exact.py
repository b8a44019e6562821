"""Exact-duplicate removal by a hash of the normalised text (a global step)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from saring import meta
from saring.document import Document, Dropped
from saring.stats import StepStats
from saring.step import DocRef, GlobalStep

EXACT = "dedup/exact"
_NOT_WORD = re.compile(r"[\W_]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def text_fingerprint(text: str) -> str:
    """Return a 128-bit hex digest of the text NFKC-normalised and case-folded, with punctuation
    and spacing removed, so copies that differ only in those still match."""
    normal = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).hexdigest()


def published_date(doc: Document) -> str:
    """Return the publication date a document declares (``published`` metadata, or a ``date``
    / ``published`` / ``publish_date`` input field) as ``YYYY-MM-DD[THH:MM:SS]``, or ''."""
    fields = doc.metadata.get(meta.EXTRA_FIELDS) or {}
    for value in (
        doc.metadata.get(meta.PUBLISHED),
        fields.get("date"),
        fields.get("published"),
        fields.get("publish_date"),
    ):
        if isinstance(value, str) and _ISO_DATE.match(value):
            return value[:19]
    return ""


class ExactDedup(GlobalStep):
    """Drops every document whose normalised text equals another's, as ``dedup/exact`` with
    ``duplicate_of`` naming the kept copy. The kept copy is, in order: one from a domain the
    other copies credit as their source, the earliest published, the longest text, the first
    in input order (input files sorted by path, then position) — whatever the number of
    workers. ``NearDedup`` applies the same policy and also finds near copies."""

    drop_reasons = (EXACT,)

    def __init__(self) -> None:
        pass

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        credits = doc.metadata.get(meta.CREDITED_DOMAINS) or []
        evidence = [doc.id, published_date(doc), len(doc.text), doc.domain or "", credits]
        return [(text_fingerprint(doc.text), evidence)]

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[tuple[DocRef, Any]]:
        if len(items) < 2:
            return []
        stats.counters["clusters"] += 1
        credited = {domain for _, (*_, credits) in items for domain in credits}

        def rank(item: tuple[DocRef, Any]) -> tuple[Any, ...]:
            ref, (_, date, length, domain, _) = item
            return (domain not in credited, date or "9999", -length, ref)

        kept_ref, (kept_id, *_) = min(items, key=rank)
        return [(ref, kept_id) for ref, _ in items if ref != kept_ref]

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        if decisions:
            return Dropped(doc, EXACT, duplicate_of=str(decisions[0]))
        return doc
