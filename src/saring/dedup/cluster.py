"""The last stage of near-dedup: clusters of verified links, mirror domains, the copy to keep.

No key holds more than one document's links, one cluster or one domain's evidence. The
reduce runs in rounds (``GlobalStep.resume``); what the previous round did, summed over all
keys, says which phase comes next:

1. ``propagate`` — every linked document (key ``n:<uid>``) takes the smallest id among its
   own and its neighbours' labels and tells its neighbours when its label changes, until no
   label moves anywhere: each label is then its connected component's smallest id;
2. ``gather`` — each document sends its facts to its cluster (``c:<label>``);
3. ``summarise`` — each cluster of two or more counts the evidence between its domains and
   sends it to both domains (``d:<domain>``); each domain, which has been collecting its
   documents' credits, sends every domain it credits the sum;
4. ``judge`` — each domain decides whether it mirrors another, writes its entry of
   ``domains.json`` and broadcasts a verdict of mirror;
5. ``keep`` — each cluster, knowing the mirrors, keeps one copy and drops the others, and
   sends the earlier runs' documents it outranks to the key that writes ``superseded.json``
   (in the order of the clusters' first documents). Records are those of ``records.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from saring import meta
from saring.dedup.candidates import signature_of, work_of
from saring.dedup.exact import published_date
from saring.dedup.index import index_domains
from saring.dedup.keep import EXACT, NEAR, URL, Member, choose, order, reason
from saring.dedup.minhash import MinHashConfig
from saring.dedup.mirrors import DomainEvidence, cluster_evidence, credit_evidence
from saring.dedup.records import (
    ClusterMember,
    DomainCount,
    DomainState,
    Drop,
    Edge,
    Facts,
    Keep,
    Label,
    Linked,
    Mirrors,
    MirrorVerdict,
    NodeState,
    SupersededPart,
    Tagged,
    tagged,
    untag,
)
from saring.dedup.urls import page_urls
from saring.document import Document, Dropped
from saring.stats import StepStats
from saring.step import EVERY, Broadcast, DocRef, GlobalStep, Output, Round, Send

MIRROR = "dedup/mirror_domain"
MOVED, GATHERED, SUMMARISED, JUDGED = "_moved", "_gathered", "_summarised", "_judged"
"""Round signals: counters that tell every key which phase the next round is."""
SUPERSEDED = "s:superseded"
"""The key that writes ``superseded.json``."""


def phase(previous: Mapping[str, int]) -> str:
    """Return the phase of a round, from the counters of the round before it."""
    if previous.get(MOVED):
        return "propagate"
    if previous.get(GATHERED):
        return "summarise"
    if previous.get(SUMMARISED):
        return "judge"
    if previous.get(JUDGED):
        return "keep"
    return "gather"


def _earliest(uids: Iterable[str]) -> str:
    return min(uids, key=order)


class ClusterDuplicates(GlobalStep):
    """Clusters verified links, flags mirror domains, keeps one copy per cluster and drops
    the rest (``dedup/exact``, ``dedup/url`` or ``dedup/near``), writing ``domains.json``.

    A domain is a mirror of another when at least ``mirror_share`` of its documents are
    copies of that domain's, or credit it; with ``drop_mirror_domains`` every document of a
    mirror domain goes (``dedup/mirror_domain``), copies or not, but a cluster's kept copy.
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
        work = work_of(doc)
        credits = doc.metadata.get(meta.CREDITED_DOMAINS) or []
        if "edges" not in work and not credits:
            return []
        facts = Facts(
            doc.id, doc.domain or "", published_date(doc), len(doc.text), work["fp"], credits,
            sorted(page_urls(doc)),
        )  # fmt: skip
        if "uid" not in work:  # credits, but no link: its domain's evidence only
            return [(f"d:{facts.domain}", list(facts))]
        edges = [Edge.of(edge) for edge in work.get("edges", [])]
        return [(f"n:{work['uid']}", Linked(facts, edges).wire())]

    def tally(self, doc: Document) -> Iterable[str]:
        return [f"domain:{doc.domain or ''}"]

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[Output]:
        stats.reports.setdefault("domains", {})
        if key.startswith("d:"):
            evidence = DomainEvidence()
            for _, wire in items:
                yield from self._credits(key[2:], Facts(*wire).credits, evidence)
            yield Send(key, tagged(DomainState(*evidence.to_wire())))
            return
        ref, wire = items[0]
        linked = Linked.of(wire)
        uid = key[2:]
        member = Member(uid, ref, *linked.facts)
        neighbours = sorted({edge.other for edge in linked.edges}, key=order)
        yield from self._credits(member.domain, member.credits, None)
        for edge in linked.edges:
            if edge.earlier is not None:  # a document of an earlier run: known only by its links
                earlier = edge.earlier.member(edge.other)
                yield Send(f"n:{edge.other}", tagged(NodeState(earlier, edge.other, [uid], True)))
        yield from self._moved(member, _earliest([uid, *neighbours]), neighbours, stats)

    def _credits(
        self, domain: str, credits: list[str], evidence: DomainEvidence | None
    ) -> Iterator[Output]:
        """Send one document's credits to its domain (or count them into ``evidence``), which
        sends the credited domains their sums: one message per domain, not per document."""
        for kind, giver, credited, count in credit_evidence(domain, credits):
            if evidence is not None:
                evidence.add("out", kind, credited, count)
            else:
                yield Send(f"d:{giver}", tagged(DomainCount("out", kind, credited, count)))

    def _moved(
        self, member: Member, label: str, neighbours: list[str], stats: StepStats
    ) -> Iterator[Output]:
        """Keep a node's new label and tell its neighbours."""
        stats.counters[MOVED] += 1
        yield Send(f"n:{member.uid}", tagged(NodeState(member, label, neighbours, False)))
        for other in neighbours:
            yield Send(f"n:{other}", tagged(Label(label)))

    def resume(
        self, key: str, messages: list[Any], round: Round, stats: StepStats
    ) -> Iterable[Output]:
        records = [untag(message) for message in messages]
        if key == SUPERSEDED:
            return self._superseded(records, stats)
        now = phase(round.previous)
        if key.startswith("n:"):
            return self._node(records, now, stats)
        if key.startswith("c:"):
            return self._cluster(key, records, now, round, stats)
        return self._domain(key, records, now, round, stats)

    def _node(self, records: list[Tagged], now: str, stats: StepStats) -> Iterator[Output]:
        states = [r for r in records if isinstance(r, NodeState)]
        if not states:
            return  # a link to a document that is not here (never happens)
        member = states[0].member
        label = _earliest(s.label for s in states)
        neighbours = sorted({n for s in states for n in s.neighbours}, key=order)
        fresh = any(s.fresh for s in states)
        if fresh:  # an earlier run's document, first heard of: its credits count too
            yield from self._credits(member.domain, member.credits, None)
        if now == "propagate":
            new = _earliest([label, *(r.label for r in records if isinstance(r, Label))])
            if new != label or fresh:
                yield from self._moved(member, new, neighbours, stats)
            else:
                yield Send(f"n:{member.uid}", tagged(NodeState(member, label, neighbours, False)))
        else:
            stats.counters[GATHERED] += 1
            yield Send(f"c:{label}", tagged(ClusterMember(member)))

    def _cluster(
        self, key: str, records: list[Tagged], now: str, round: Round, stats: StepStats
    ) -> Iterator[Output]:
        members = sorted(
            (r.member for r in records if isinstance(r, ClusterMember)), key=lambda m: order(m.uid)
        )
        if now == "summarise":
            if len(members) < 2:
                return
            stats.counters["clusters"] += 1
            for kind, domain, other, count in cluster_evidence(members):
                yield Send(f"d:{domain}", tagged(DomainCount("out", kind, other, count)))
                yield Send(f"d:{other}", tagged(DomainCount("into", kind, domain, count)))
        if now in ("summarise", "judge"):
            stats.counters[SUMMARISED if now == "summarise" else JUDGED] += 1
            yield from (Send(key, tagged(ClusterMember(m))) for m in members)
            return
        mirror_of = dict(MirrorVerdict(*verdict) for verdict in round.broadcast)
        kept = choose(members, mirror_of)
        yield kept.ref, tagged(Keep(kept.id, len(members)))
        superseded = []
        for member in members:
            if member is not kept:
                why = reason(member, kept)
                yield member.ref, tagged(Drop(kept.id, why))
                if member.ref[0] < 0:
                    superseded.append({"id": member.id, "duplicate_of": kept.id, "reason": why})
        if any(m.ref[0] < 0 for m in members):
            # Earlier runs' documents a new copy outranks (the report exists, perhaps empty).
            stats.reports.setdefault("superseded", [])
            if superseded:
                first = list(order(members[0].uid))
                yield Send(SUPERSEDED, tagged(SupersededPart(first, superseded)))

    def _superseded(self, records: list[Tagged], stats: StepStats) -> Iterator[Output]:
        """Write the clusters' superseded documents in the order of their first documents."""
        parts = sorted((r for r in records if isinstance(r, SupersededPart)), key=lambda p: p.first)
        stats.reports["superseded"] = [entry for part in parts for entry in part.entries]
        yield from ()

    def _domain(
        self, key: str, records: list[Tagged], now: str, round: Round, stats: StepStats
    ) -> Iterator[Output]:
        evidence = DomainEvidence()
        for record in records:
            if isinstance(record, DomainState):
                evidence.merge_wire(list(record))
            elif isinstance(record, DomainCount):
                evidence.add(*record)
        domain = key[2:]
        if now != "judge":
            counter = {"gather": GATHERED, "summarise": SUMMARISED}.get(now)
            if counter:
                stats.counters[counter] += 1
            if now == "summarise":
                # Every credit has arrived: tell each credited domain, one message per domain.
                for credited, number in sorted(evidence.out["credits"].items()):
                    into = DomainCount("into", "credits", domain, number)
                    yield Send(f"d:{credited}", tagged(into))
            yield Send(key, tagged(DomainState(*evidence.to_wire())))
            return
        stats.counters[JUDGED] += 1
        if not domain or not evidence.gives_evidence():
            return
        earlier = index_domains(self.index) if self.index else {}

        def documents(domain: str) -> int:
            """Documents of a domain, its earlier runs' included."""
            label = f"domain:{domain}"
            return round.totals.get(label, 0) + earlier.get(label, 0)

        entry = evidence.verdict(domain, documents, self.mirror_share)
        stats.reports.setdefault("domains", {})[domain] = entry
        if entry["mirror_of"]:
            stats.counters["mirror_domains"] += 1
            yield Broadcast(list(MirrorVerdict(domain, entry["mirror_of"])))
            if self.drop_mirror_domains:
                yield EVERY, tagged(Mirrors([domain]))

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        work = doc.metadata.pop(meta.DEDUP_WORK, {})
        if self.save_index:
            doc.metadata[meta.DEDUP_INDEX] = {
                "sig": signature_of(doc, self.config),
                "fp": work["fp"],
                "chars": len(doc.text),
                "date": published_date(doc),
            }
        kept = False
        for decision in map(untag, decisions):
            if isinstance(decision, Keep):
                kept = True
                doc.metadata[meta.CLUSTER_ID] = decision.cluster_id
                doc.metadata[meta.CLUSTER_SIZE] = decision.size
            elif isinstance(decision, Drop):
                doc.metadata[meta.CLUSTER_ID] = decision.duplicate_of
                doc.metadata.pop(meta.DEDUP_INDEX, None)
                return Dropped(doc, decision.reason, duplicate_of=decision.duplicate_of)
            elif isinstance(decision, Mirrors) and doc.domain in decision.domains and not kept:
                # The copy kept for a cluster stays: its duplicates point at it.
                return Dropped(doc, MIRROR)
        return doc
