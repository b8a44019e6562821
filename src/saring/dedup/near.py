"""Near-duplicate removal that keeps the original, with mirror-domain detection.

``NearDedup`` runs as four steps sharing one frozen ``MinHashConfig``:

1. ``MinHashSignature`` (annotator) stores each document's MinHash signature and text
   fingerprint for the later stages.
2. ``MinHashBuckets`` (global) groups documents by LSH band and by normalised URL (and the
   canonical URL a page declares); in every group, each member is linked to the group's first
   member. Only references travel, never signatures.
3. ``VerifyCandidates`` (global) sends each linked document's signature to its group's first
   member, estimates their Jaccard similarity there and keeps the link if it reaches
   ``threshold`` (same URL or same text always does). Work is spread over partitions.
4. ``ClusterDuplicates`` (global) joins the verified links into clusters (union-find over
   linked documents only: memory grows with the number of duplicated documents, not with
   text), builds the domain graph, flags mirror domains, picks the copy to keep in every
   cluster and drops the others with ``duplicate_of`` and ``cluster_id``.

The kept copy of a cluster is chosen by, in order: a copy from the domain the others copy
(the original publisher, named by other copies' credits or by the domain graph) before one
from a flagged mirror; the earliest publication date known; the longest text; input order.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from saring import meta
from saring.dedup.exact import published_date, text_fingerprint
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
from saring.document import Document, Dropped
from saring.errors import ConfigError
from saring.stats import StepStats
from saring.step import EVERY, Annotator, DocRef, GlobalStep, Step, partition_of

EXACT = "dedup/exact"
NEAR = "dedup/near"
URL = "dedup/url"
MIRROR = "dedup/mirror_domain"
MIRROR_MIN_DOCS = 3
"""Documents a domain needs before shared clusters alone (no credit) can make it a mirror."""
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


def _work(doc: Document) -> dict[str, Any]:
    work: dict[str, Any] = doc.metadata.setdefault(meta.DEDUP_WORK, {})
    return work


def _uid(ref: DocRef) -> str:
    return f"{ref[0]}:{ref[1]}"


PRIOR_SHARD = -2
"""Shard number of the documents of an earlier run's index (``DocRef`` shards below -1)."""


@dataclass(frozen=True)
class IndexEntry:
    """A document kept by an earlier run, as its saved index describes it."""

    id: str
    url: str
    domain: str
    signature: str
    fingerprint: str
    chars: int
    date: str
    credits: tuple[str, ...]

    def evidence(self) -> list[Any]:
        """Return what clustering needs to know about it."""
        return [
            self.id, self.domain, self.date, self.chars, self.fingerprint, list(self.credits),
            self.url,
        ]  # fmt: skip


@functools.lru_cache(maxsize=2)
def load_index(paths: tuple[str, ...]) -> tuple[IndexEntry, ...]:
    """Return the documents earlier runs kept with ``save_index``: ``paths`` are their output
    folders (or ``docs/`` folders), read once per process."""
    from saring.io import reader_for
    from saring.io.base import Source

    folders = [
        p if os.path.basename(os.path.normpath(p)) == "docs" else os.path.join(p, "docs")
        for p in paths
    ]
    reader = reader_for(folders)(folders)  # type: ignore[call-arg]
    entries = []
    for path in reader.shards():
        for doc in reader.read(Source(path), strict=True):
            assert isinstance(doc, Document)
            saved = doc.metadata.get(meta.DEDUP_INDEX)
            if not isinstance(saved, dict):
                raise ConfigError(f"{path}: document {doc.id!r} has no saved dedup index")
            entries.append(
                IndexEntry(
                    id=doc.id,
                    url=doc.url or "",
                    domain=doc.domain or "",
                    signature=saved["sig"],
                    fingerprint=saved["fp"],
                    chars=saved["chars"],
                    date=saved.get("date", ""),
                    credits=tuple(doc.metadata.get(meta.CREDITED_DOMAINS) or ()),
                )
            )
    return tuple(entries)


def earlier_documents(index: tuple[str, ...]) -> Iterator[tuple[DocRef, IndexEntry]]:
    """Yield each document of the earlier runs' index with the ref it has in this run."""
    for number, entry in enumerate(load_index(index) if index else ()):
        yield (PRIOR_SHARD, number), entry


class MinHashSignature(Annotator):
    """Stores the document's MinHash signature and text fingerprint for near-dedup."""

    def __init__(self, config: MinHashConfig = MinHashConfig()) -> None:  # noqa: B008 - frozen
        self.config = config

    def annotate(self, doc: Document) -> None:
        work = _work(doc)
        work["sig"] = to_hex(signature(doc.text, self.config))
        work["fp"] = text_fingerprint(doc.text)


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
        return self._keys(_work(doc)["sig"], page_urls(doc))

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
        decisions: list[tuple[DocRef, Any]] = [(hub, [_uid(hub), None, items[0][1]])]
        decisions += [(ref, [_uid(ref), _uid(hub), kind]) for ref, kind in new if ref != hub]
        return decisions

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        if decisions:
            work = _work(doc)
            work["uid"] = decisions[0][0]
            links: dict[str, str] = {}
            for _, hub, kind in decisions:
                if hub is not None and links.get(hub) != "url":
                    links[hub] = kind
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
            uid = _uid(ref)
            if partition_of(uid, partitions) == partition:
                value = ["self", entry.signature, entry.fingerprint, None, entry.evidence()]
                yield uid, ref, value

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        work = _work(doc)
        if "uid" not in work:
            return []
        sh = shingle_set(doc.text, self.config.ngram) if self.config.exact else None
        pairs: list[tuple[str, Any]] = [(work["uid"], ["self", work["sig"], work["fp"], sh, None])]
        pairs += [
            (hub, ["probe", work["uid"], work["sig"], work["fp"], kind, sh])
            for hub, kind in work["links"]
        ]
        return pairs

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[tuple[DocRef, Any]]:
        hubs = [(ref, value) for ref, value in items if value[0] == "self"]
        if not hubs:
            return []
        # A hub from an earlier run is known only here: its evidence travels with the link.
        hub_ref, (_, hub_sig, hub_fp, hub_shingles, evidence) = hubs[0]
        hub_signature = from_hex(hub_sig)
        decisions: list[tuple[DocRef, Any]] = []
        for ref, value in items:
            if value[0] != "probe":
                continue
            _, uid, sig, fp, kind, shingles_hex = value
            if hub_shingles is not None and shingles_hex is not None:
                score = jaccard(hub_shingles, shingles_hex)
            else:
                score = similarity(hub_signature, from_hex(sig))
            relation = "url" if kind == "url" else "exact" if fp == hub_fp else "near"
            if relation == "near" and score < self.config.threshold:
                stats.counters["links_rejected"] += 1
                continue
            stats.counters["links_verified"] += 1
            decisions.append((ref, [key, relation, round(score, 4), evidence]))
            decisions.append((hub_ref, [uid, relation, round(score, 4), None]))
        return decisions

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        work = _work(doc)
        work.pop("links", None)
        if decisions:
            work["edges"] = decisions
        return doc


@dataclass
class _Member:
    uid: str
    ref: DocRef
    id: str
    domain: str
    date: str
    length: int
    fingerprint: str
    credits: list[str]
    urls: list[str]
    edges: list[tuple[str, str]] = field(default_factory=list)


class ClusterDuplicates(GlobalStep):
    """Clusters verified links, flags mirror domains, keeps one copy per cluster and drops
    the rest (``dedup/exact``, ``dedup/url`` or ``dedup/near``), writing ``domains.json``.

    A domain is a mirror of another when at least ``mirror_share`` of its documents are
    copies of that domain's, or credit it; with ``drop_mirror_domains`` every document of a
    mirror domain goes (``dedup/mirror_domain``), copies or not.
    """

    drop_reasons = (EXACT, URL, NEAR, MIRROR)

    def __init__(
        self,
        config: MinHashConfig = MinHashConfig(),  # noqa: B008 - frozen
        mirror_share: float = 0.5,
        drop_mirror_domains: bool = False,
        save_index: bool = False,
        index: tuple[str, ...] = (),
    ) -> None:
        self.config = config
        self.mirror_share = mirror_share
        self.drop_mirror_domains = drop_mirror_domains
        self.save_index = save_index
        self.index = index

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        work = _work(doc)
        credits = doc.metadata.get(meta.CREDITED_DOMAINS) or []
        if "edges" not in work and not credits:
            return []
        member = [
            work.get("uid"),
            doc.id,
            doc.domain or "",
            published_date(doc),
            len(doc.text),
            work["fp"],
            credits,
            sorted(page_urls(doc)),
            work.get("edges", []),
        ]
        return [("clusters", member)]

    def tally(self, doc: Document) -> Iterable[str]:
        return [f"domain:{doc.domain or ''}"]

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[tuple[DocRef, Any]]:
        members: dict[str, _Member] = {}
        credit_only: list[_Member] = []
        earlier: dict[str, _Member] = {}
        for ref, (uid, doc_id, domain, date, length, fp, credits, urls, edges) in items:
            member = _Member(uid or _uid(ref), ref, doc_id, domain, date, length, fp, credits, urls)
            member.edges = [(other, relation) for other, relation, _, _ in edges]
            for other, _, _, evidence in edges:
                if evidence is not None and other not in earlier:
                    old_id, old_domain, old_date, chars, old_fp, old_credits, old_url = evidence
                    shard, position = _order(other)
                    earlier[other] = _Member(
                        other, (shard, position), old_id, old_domain, old_date, chars, old_fp,
                        old_credits, [normalize_url(old_url)] if old_url else [],
                    )  # fmt: skip
            if uid:
                members[member.uid] = member
            else:
                credit_only.append(member)
        members.update(earlier)
        if self.index:
            # Domains count their documents of earlier runs too.
            totals = Counter(totals)
            totals.update(f"domain:{entry.domain}" for entry in load_index(self.index))
        clusters = _components(members)
        domains = _domain_report(clusters, credit_only, members, totals, self.mirror_share)
        mirrors = {d for d, info in domains.items() if info["mirror_of"]}
        stats.reports["domains"] = domains
        stats.counters["clusters"] += len(clusters)
        stats.counters["mirror_domains"] += len(mirrors)
        decisions: list[tuple[DocRef, Any]] = []
        superseded: list[dict[str, str]] = []
        for cluster in clusters:
            copied = {domains[m.domain]["mirror_of"] for m in cluster if m.domain in mirrors}
            copied |= {c for m in cluster for c in m.credits}
            kept = min(cluster, key=lambda m: _rank(m, copied, mirrors))
            decisions.append((kept.ref, ["keep", kept.id, len(cluster)]))
            for member in cluster:
                if member is not kept:
                    reason = _reason(member, kept)
                    decisions.append((member.ref, ["drop", kept.id, reason]))
                    if member.uid in earlier:
                        superseded.append(
                            {"id": member.id, "duplicate_of": kept.id, "reason": reason}
                        )
        if self.drop_mirror_domains and mirrors:
            decisions.append((EVERY, ["mirrors", sorted(mirrors)]))
        if earlier:
            # Documents of earlier runs that a new copy outranks: remove them from that output.
            stats.reports["superseded"] = superseded
        return decisions

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        work = doc.metadata.pop(meta.DEDUP_WORK, {})
        if self.save_index:
            doc.metadata[meta.DEDUP_INDEX] = {
                "sig": work["sig"],
                "fp": work["fp"],
                "chars": len(doc.text),
                "date": published_date(doc),
            }
        kept = False
        for decision in decisions:
            if decision[0] == "keep":
                kept = True
                doc.metadata[meta.CLUSTER_ID] = decision[1]
                doc.metadata[meta.CLUSTER_SIZE] = decision[2]
            elif decision[0] == "drop":
                doc.metadata[meta.CLUSTER_ID] = decision[1]
                doc.metadata.pop(meta.DEDUP_INDEX, None)
                return Dropped(doc, decision[2], duplicate_of=decision[1])
            elif decision[0] == "mirrors" and doc.domain in decision[1] and not kept:
                # The copy kept for a cluster stays: its duplicates point at it.
                return Dropped(doc, MIRROR)
        return doc


def _components(members: dict[str, _Member]) -> list[list[_Member]]:
    """Return the connected components of the verified links, each in input order."""
    parent = {uid: uid for uid in members}

    def find(uid: str) -> str:
        while parent[uid] != uid:
            parent[uid] = parent[parent[uid]]
            uid = parent[uid]
        return uid

    for uid, member in members.items():
        for other, _ in member.edges:
            if other in parent:
                a, b = find(uid), find(other)
                if a != b:
                    parent[max(a, b, key=_order)] = min(a, b, key=_order)
    groups: dict[str, list[_Member]] = defaultdict(list)
    for uid in sorted(members, key=_order):
        groups[find(uid)].append(members[uid])
    return [group for group in groups.values() if len(group) > 1]


def _order(uid: str) -> tuple[int, int]:
    shard, position = uid.split(":")
    return int(shard), int(position)


def _domain_report(
    clusters: list[list[_Member]],
    credit_only: list[_Member],
    members: dict[str, _Member],
    totals: Mapping[str, int],
    mirror_share: float,
) -> dict[str, Any]:
    """Return, per domain involved in a cluster or a credit, its documents, the domains it
    shares clusters with, the credits it gives, and whether it mirrors another domain."""
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    later: dict[str, Counter[str]] = defaultdict(Counter)
    for cluster in clusters:
        for member in cluster:
            for other in {m.domain for m in cluster if m.domain != member.domain}:
                shared[member.domain][other] += 1
            for earlier in cluster:
                if member.date and earlier.date and member.date > earlier.date:
                    later[member.domain][earlier.domain] += 1
    credits: dict[str, Counter[str]] = defaultdict(Counter)
    for member in [*members.values(), *credit_only]:
        for credited in set(member.credits):
            credits[member.domain][credited] += 1
    report: dict[str, Any] = {}
    for domain in sorted(set(shared) | set(credits)):
        if not domain:
            continue
        documents = totals.get(f"domain:{domain}", 0) or 1
        evidence: Counter[str] = Counter()
        for other in set(shared[domain]) | set(credits[domain]):
            # A copy counts once whether it shares a cluster, credits the source, or both.
            evidence[other] = max(shared[domain][other], credits[domain][other])
        source, count = min(evidence.items(), key=lambda kv: (-kv[1], kv[0]), default=("", 0))
        score = count / documents
        # Direction: the copy credits its source, or is published after it more often than
        # before, or the source shares a smaller part of its own documents with the copy.
        credits_source = credits[domain][source] > 0 and credits[source][domain] == 0
        published_after = later[domain][source] > later[source][domain]
        copied_back = shared[source][domain] / max(totals.get(f"domain:{source}", 0), 1)
        # Without a credit, one or two shared articles are wire copies, not a mirror.
        enough = credits_source or documents >= MIRROR_MIN_DOCS
        is_mirror = (
            bool(source)
            and score >= mirror_share
            and enough
            and (credits_source or published_after or copied_back < score)
        )
        report[domain] = {
            "documents": documents,
            "shared_with": dict(sorted(shared[domain].items())),
            "credits": dict(sorted(credits[domain].items())),
            "published_after": dict(sorted(later[domain].items())),
            "copied_from": source or None,
            "mirror_score": round(score, 4),
            "mirror_of": source if is_mirror else None,
        }
    return report


def _rank(member: _Member, copied: set[str], mirrors: set[str]) -> tuple[Any, ...]:
    return (
        member.domain not in copied,
        member.domain in mirrors,
        member.date or "9999",
        -member.length,
        _order(member.uid),
    )


def _reason(member: _Member, kept: _Member) -> str:
    if member.fingerprint == kept.fingerprint:
        return EXACT
    if set(member.urls) & set(kept.urls):
        return URL
    return NEAR


class NearDedup(Step):
    """Removes exact, same-URL and near duplicates (MinHash over word ``ngram``s, LSH with
    ``bands`` x ``rows``, links verified at estimated Jaccard ``threshold``), keeping the
    original copy of each cluster, and reports mirror domains in ``domains.json``.

    With the defaults (32 bands of 4 rows) a pair of similarity 0.5 becomes a candidate with
    probability 0.87, 0.6 with 0.99; verification then drops candidates below ``threshold``.
    The defaults come from the precision/recall curve of ``benchmarks/neardup.py``. With
    ``exact_verify`` a candidate is verified by the exact Jaccard similarity of the two
    documents' shingle sets instead (the sets travel with the candidates only).

    Incremental runs: with ``save_index`` every kept document carries ``metadata.dedup_index``
    (its signature, fingerprint, length and date); a later run given ``index=(earlier output
    folders)`` dedupes a new batch against those documents without reading their text. Its
    ``superseded.json`` lists earlier documents a new copy outranks (e.g. an original
    published after its mirror was crawled): remove those from the earlier output.
    """

    drop_reasons = ClusterDuplicates.drop_reasons

    def __init__(
        self,
        ngram: int = 5,
        bands: int = 32,
        rows: int = 4,
        threshold: float = 0.5,
        mirror_share: float = 0.5,
        drop_mirror_domains: bool = False,
        index: tuple[str, ...] = (),
        save_index: bool = False,
        exact_verify: bool = False,
    ) -> None:
        self.ngram = ngram
        self.bands = bands
        self.rows = rows
        self.threshold = threshold
        self.mirror_share = mirror_share
        self.drop_mirror_domains = drop_mirror_domains
        self.index = index
        self.save_index = save_index
        self.exact_verify = exact_verify

    def parts(self) -> list[Step]:
        config = MinHashConfig(
            self.ngram, self.bands, self.rows, self.threshold, exact=self.exact_verify
        )
        index = tuple(self.index)
        return [
            MinHashSignature(config),
            MinHashBuckets(config, index),
            VerifyCandidates(config, index),
            ClusterDuplicates(
                config, self.mirror_share, self.drop_mirror_domains, self.save_index, index
            ),
        ]
