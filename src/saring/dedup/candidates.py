"""The first stages of near-dedup: MinHash signatures, LSH candidate groups, verified links.

1. ``MinHashSignature`` (annotator) stores each document's text fingerprint for the later
   stages (its MinHash signature is recomputed where a stage needs it).
2. ``MinHashBuckets`` (global) groups documents by LSH band and by normalised URL (and the
   canonical URL a page declares); in every group, each member is linked to the group's first
   member. Only references travel, never signatures.
3. ``VerifyCandidates`` (global) sends each linked document's signature to its group's first
   member, estimates their Jaccard similarity there and keeps the link if it reaches
   ``threshold`` (same URL or same text always does).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from saring import meta
from saring.dedup.exact import text_fingerprint
from saring.dedup.index import earlier_documents
from saring.dedup.minhash import (
    MinHashConfig,
    band_keys,
    from_hex,
    jaccard,
    shingle_set,
    signature,
    similarity,
    to_hex,
)
from saring.dedup.records import BucketLink, Edge, Hub, Probe, tagged, untag
from saring.dedup.urls import normalize_url, page_urls
from saring.document import Document, Dropped
from saring.stats import StepStats
from saring.step import Annotator, DocRef, GlobalStep, partition_of


def work_of(doc: Document) -> dict[str, Any]:
    """Return the working notes near-dedup keeps on a document between its stages."""
    work: dict[str, Any] = doc.metadata.setdefault(meta.DEDUP_WORK, {})
    return work


def uid_of(ref: DocRef) -> str:
    """Return the id a document has between the stages of near-dedup: shard:position."""
    return f"{ref[0]}:{ref[1]}"


class MinHashSignature(Annotator):
    """Stores the document's text fingerprint for near-dedup. Its MinHash signature is
    computed where a stage needs it (``signature_of``), never carried between stages: 512
    random bytes per document would outweigh the rest of the spooled document."""

    def __init__(self, config: MinHashConfig = MinHashConfig()) -> None:  # noqa: B008 - frozen
        self.config = config

    def annotate(self, doc: Document) -> None:
        work_of(doc)["fp"] = text_fingerprint(doc.text)


def signature_of(doc: Document, config: MinHashConfig) -> str:
    """Return a document's MinHash signature as hex (the text does not change between the
    stages of near-dedup, so every stage computes the same one)."""
    return to_hex(signature(doc.text, config))


class MinHashBuckets(GlobalStep):
    """Links documents that share an LSH band or a URL to the first document of that group;
    documents of an earlier run's ``index`` come first, so new copies link to them."""

    def __init__(
        self,
        config: MinHashConfig = MinHashConfig(),  # noqa: B008 - frozen
        index: tuple[str, ...] = (),
    ) -> None:
        self.config = config
        self.index = index

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        return self._keys(signature_of(doc, self.config), page_urls(doc))

    def _keys(self, sig: str, urls: set[str]) -> list[tuple[str, str]]:
        keys = [(key, "band") for key in band_keys(from_hex(sig), self.config)]
        return keys + [(f"url:{url}", "url") for url in sorted(urls)]

    def prior(self, partition: int, partitions: int) -> Iterable[tuple[str, DocRef, Any]]:
        for ref, entry in earlier_documents(self.index):
            urls = {normalize_url(entry.url)} if entry.url else set()
            for key, kind in self._keys(entry.signature, urls):
                if partition_of(key, partitions) == partition:
                    yield key, ref, kind

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[tuple[DocRef, Any]]:
        # Documents of earlier runs were deduplicated then: only new ones link, to the first.
        new = [(ref, kind) for ref, kind in items if ref[0] >= 0]
        if len(items) < 2 or not new:
            return []
        stats.counters["candidate_groups"] += 1
        hub = items[0][0]
        links = [(hub, BucketLink(uid_of(hub), None, items[0][1]))]
        links += [(r, BucketLink(uid_of(r), uid_of(hub), kind)) for r, kind in new if r != hub]
        return [(ref, list(link)) for ref, link in links]

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        if decisions:
            work = work_of(doc)
            found = [BucketLink(*decision) for decision in decisions]
            work["uid"] = found[0].uid
            links: dict[str, str] = {}
            for link in found:
                if link.hub is not None and links.get(link.hub) != "url":
                    links[link.hub] = link.kind
            work["links"] = sorted(links.items())
            stats.counters["linked_docs"] += 1
        return doc


class VerifyCandidates(GlobalStep):
    """Keeps a candidate link when the two signatures agree on at least ``threshold`` of their
    values (an estimate of Jaccard similarity) or, with ``config.exact``, when the documents'
    shingle sets have an exact Jaccard similarity of at least ``threshold``; a link of the same
    URL or text always holds."""

    def __init__(
        self,
        config: MinHashConfig = MinHashConfig(),  # noqa: B008 - frozen
        index: tuple[str, ...] = (),
    ) -> None:
        self.config = config
        self.index = index

    def prior(self, partition: int, partitions: int) -> Iterable[tuple[str, DocRef, Any]]:
        for ref, entry in earlier_documents(self.index):
            uid = uid_of(ref)
            if partition_of(uid, partitions) == partition:
                hub = Hub(entry.signature, entry.fingerprint, None, entry.evidence())
                yield uid, ref, tagged(hub)

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        work = work_of(doc)
        if "uid" not in work:
            return []
        sh = shingle_set(doc.text, self.config.ngram) if self.config.exact else None
        sig = signature_of(doc, self.config)
        pairs: list[tuple[str, Any]] = [(work["uid"], tagged(Hub(sig, work["fp"], sh, None)))]
        pairs += [
            (hub, tagged(Probe(work["uid"], sig, work["fp"], kind, sh)))
            for hub, kind in work["links"]
        ]
        return pairs

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[tuple[DocRef, Any]]:
        records = [(ref, untag(value)) for ref, value in items]
        hubs = [(ref, record) for ref, record in records if isinstance(record, Hub)]
        if not hubs:
            return []
        # A hub from an earlier run is known only here: its facts travel with the link.
        hub_ref, hub = hubs[0]
        hub_signature = from_hex(hub.signature)
        decisions: list[tuple[DocRef, Any]] = []
        for ref, probe in records:
            if not isinstance(probe, Probe):
                continue
            if hub.shingles is not None and probe.shingles is not None:
                score = jaccard(hub.shingles, probe.shingles)
            else:
                score = similarity(hub_signature, from_hex(probe.signature))
            relation = "url" if probe.kind == "url" else "near"
            if relation == "near" and probe.fingerprint == hub.fingerprint:
                relation = "exact"
            if relation == "near" and score < self.config.threshold:
                stats.counters["links_rejected"] += 1
                continue
            stats.counters["links_verified"] += 1
            score = round(score, 4)
            decisions.append((ref, Edge(key, relation, score, hub.earlier).wire()))
            decisions.append((hub_ref, Edge(probe.uid, relation, score, None).wire()))
        return decisions

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        work = work_of(doc)
        work.pop("links", None)
        if decisions:
            work["edges"] = decisions
        return doc
