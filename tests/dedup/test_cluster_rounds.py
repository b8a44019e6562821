"""Clustering over reduce rounds against the one-process union-find it replaced.

The oracle below is the former ``ClusterDuplicates`` (observe, decide and apply, with its
union-find, domain report and keep policy) copied unchanged from ``dedup/near.py`` before the
split, except its name and its index totals (the oracle runs without an index). Random
documents, with links among them and to documents of an earlier run, go through both; the
documents kept and dropped (reason, kept copy, cluster id and size), ``domains.json``,
``superseded.json`` (order included) and the counters must be the same.
"""

from __future__ import annotations

import copy
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from saring import meta
from saring.dedup.cluster import ClusterDuplicates
from saring.dedup.exact import published_date
from saring.dedup.minhash import MinHashConfig
from saring.dedup.mirrors import MIRROR_MIN_DOCS
from saring.dedup.near import EXACT, MIRROR, NEAR, URL
from saring.dedup.urls import normalize_url, page_urls
from saring.document import Document, Dropped
from saring.engine.rounds import Reduced, reduce_in_memory
from saring.stats import StepStats
from saring.step import EVERY, DocRef, GlobalStep


def _work(doc: Document) -> dict[str, Any]:
    work: dict[str, Any] = doc.metadata.setdefault(meta.DEDUP_WORK, {})
    return work


def _uid(ref: DocRef) -> str:
    return f"{ref[0]}:{ref[1]}"


# --- the oracle: the former ClusterDuplicates, unchanged but for its name -----------------


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


class OldClusterDuplicates(GlobalStep):
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
            raise AssertionError("the oracle runs without an index")
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


# --- random documents ----------------------------------------------------------------------


def random_documents(rng: random.Random) -> tuple[list[tuple[DocRef, Document]], bool]:
    """Return documents as the clustering stage sees them (working notes of the earlier
    stages included) and whether any links to an earlier run's document."""
    domains = ["", *(f"situs{n}.id" for n in range(rng.randint(1, 5)))]
    pool = [d for d in domains if d] or ["situs0.id"]
    dates = ["", "2024-01-01", "2024-01-02", "2024-01-02T08:00:00", "2024-01-03"]
    count = rng.randint(1, 30)
    refs = sorted({(rng.randrange(3), rng.randrange(100)) for _ in range(count)})
    docs: list[tuple[DocRef, Document]] = []
    for n, ref in enumerate(refs):
        domain = rng.choice(domains)
        url = f"https://{domain or 'tanpa.id'}/{rng.randrange(4)}"
        credits = (
            sorted(set(rng.sample(pool, min(len(pool), rng.randint(1, 2)))))
            if rng.random() < 0.25
            else []
        )
        metadata: dict[str, Any] = {meta.DEDUP_WORK: {"fp": f"fp{rng.randrange(4)}"}}
        if credits:
            metadata[meta.CREDITED_DOMAINS] = credits
        date = rng.choice(dates)
        if date:
            metadata[meta.PUBLISHED] = date
        text = "kata " * rng.randint(20, 24)
        docs.append((ref, Document(f"doc-{n}", text, url, domain, metadata=metadata)))
    earlier = [
        [f"lama-{k}", rng.choice(domains), rng.choice(dates), rng.randint(100, 120),
         f"fp{rng.randrange(4)}", rng.sample(pool, rng.randint(0, 1)),
         rng.choice(["", f"https://{rng.choice(pool)}/{rng.randrange(4)}"])]
        for k in range(rng.randint(0, 5))
    ]  # fmt: skip
    edges: dict[DocRef, list[list[Any]]] = defaultdict(list)
    density = rng.choice([0.3, 1.0, 2.0])
    for _ in range(int(len(docs) * density)):
        (a, _), (b, _) = rng.sample(docs, 2) if len(docs) > 1 else (docs[0], docs[0])
        if a != b:
            relation = rng.choice(["near", "exact", "url"])
            edges[a].append([_uid(b), relation, 0.9, None])
            edges[b].append([_uid(a), relation, 0.9, None])
    linked_earlier = False
    for k, evidence in enumerate(earlier):
        for _ in range(rng.randint(0, 2)):
            ref = rng.choice(docs)[0]
            edges[ref].append([f"-2:{k}", rng.choice(["near", "exact"]), 0.8, evidence])
            linked_earlier = True
    for ref, doc in docs:
        work = doc.metadata[meta.DEDUP_WORK]
        if edges[ref] or rng.random() < 0.2:  # linked in buckets (its links perhaps rejected)
            work["uid"] = _uid(ref)
        if edges[ref]:
            work["edges"] = edges[ref]
    return docs, linked_earlier


def reduce(step: GlobalStep, docs: list[tuple[DocRef, Document]]) -> Reduced:
    records = [
        (key, ref, value) for ref, doc in docs for key, value in step.observe(copy.deepcopy(doc))
    ]
    totals = Counter(label for _, doc in docs for label in step.tally(doc))
    return reduce_in_memory(step, records, totals)


def outcome(step: GlobalStep, docs: list[tuple[DocRef, Document]], reduced: Reduced) -> list[Any]:
    """Return what applying the decisions does to every document."""
    results: list[tuple[Any, ...]] = []
    for ref, doc in docs:
        decisions = reduced.decisions.get(ref, []) + reduced.every
        result = step.apply(copy.deepcopy(doc), decisions, StepStats("near"))
        if isinstance(result, Dropped):
            results.append(("dropped", result.reason, result.duplicate_of, result.doc.metadata))
        else:
            results.append(("kept", result.metadata))
    return results


SEEDS = range(300)
seen: Counter[str] = Counter()


@pytest.mark.parametrize("seed", SEEDS)
def test_rounds_do_what_the_one_process_union_find_did(seed: int) -> None:
    rng = random.Random(seed)
    docs, linked_earlier = random_documents(rng)
    share = rng.choice([0.5, 0.3])
    drop_mirrors = rng.random() < 0.5
    old = OldClusterDuplicates(mirror_share=share, drop_mirror_domains=drop_mirrors)
    new = ClusterDuplicates(mirror_share=share, drop_mirror_domains=drop_mirrors)
    before, after = reduce(old, docs), reduce(new, docs)

    assert outcome(new, docs, after) == outcome(old, docs, before)
    assert after.stats.reports.get("domains") == before.stats.reports.get("domains")
    assert after.stats.reports.get("superseded") == before.stats.reports.get("superseded")
    assert ("superseded" in after.stats.reports) == linked_earlier
    for counter in ("clusters", "mirror_domains"):
        assert after.stats.counters[counter] == before.stats.counters[counter]
    # What the random documents covered, checked over all seeds below.
    seen["clusters"] += before.stats.counters["clusters"]
    seen["mirrors"] += before.stats.counters["mirror_domains"]
    seen["superseded"] += len(before.stats.reports.get("superseded", []))
    seen["mirror drops"] += sum(
        r[0] == "dropped" and r[1] == MIRROR for r in outcome(old, docs, before)
    )
    seen["rounds"] = max(seen["rounds"], after.rounds)


def test_the_random_documents_cover_mirrors_superseded_copies_and_long_chains() -> None:
    if len(seen) < 5:
        pytest.skip("runs after the property test in the same session")
    assert seen["clusters"] > 300
    assert seen["mirrors"] > 20
    assert seen["superseded"] > 20
    assert seen["mirror drops"] > 20
    assert seen["rounds"] > 8


class Inboxes(ClusterDuplicates):
    """ClusterDuplicates that notes how many records each key receives, round by round."""

    def __init__(self) -> None:
        super().__init__()

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[Any]:
        inbox[key] = max(inbox[key], len(items))
        return super().decide(key, items, totals, stats)

    def resume(self, key: str, messages: list[Any], round: Any, stats: StepStats) -> Iterable[Any]:
        inbox[key] = max(inbox[key], len(messages))
        return super().resume(key, messages, round, stats)


inbox: Counter[str] = Counter()


def wire_copies(pairs: int, crediting: int) -> list[tuple[DocRef, Document]]:
    """Return ``pairs`` originals each copied once by a site of its own, and ``crediting``
    pages of one aggregator that each credit the news agency."""
    docs: list[tuple[DocRef, Document]] = []
    for n in range(pairs):
        for side, shard in (("asli", 0), ("salin", 1)):
            ref = (shard, n)
            other = f"{1 - shard}:{n}"
            work = {"fp": f"fp{n}", "uid": _uid(ref), "edges": [[other, "exact", 1.0, None]]}
            url = f"https://{side}{n}.id/berita/{n}"
            metadata = {meta.DEDUP_WORK: work, meta.PUBLISHED: f"2024-05-0{1 + shard}"}
            docs.append((ref, Document(f"{side}-{n}", "kata " * 30, url, metadata=metadata)))
    for n in range(crediting):
        metadata = {meta.DEDUP_WORK: {"fp": f"agr{n}"}, meta.CREDITED_DOMAINS: ["antaranews.com"]}
        url = f"https://agregator.id/{n}"
        docs.append(((2, n), Document(f"agr-{n}", "kata " * 30, url, metadata=metadata)))
    return docs


def test_no_key_receives_more_as_the_corpus_grows() -> None:
    largest = []
    for scale in (1, 4):
        inbox.clear()
        reduced = reduce(Inboxes(), wire_copies(10 * scale, 10 * scale))
        assert reduced.stats.counters["clusters"] == 10 * scale
        # The agency hears once from the aggregator, however many of its pages credit it.
        assert inbox["d:antaranews.com"] == 1
        largest.append(max(n for key, n in inbox.items() if key != "d:agregator.id"))
    assert largest[0] == largest[1] <= 3
    # The aggregator's own key holds its pages' credits: a domain's size, as it must.
    assert inbox["d:agregator.id"] == 40
