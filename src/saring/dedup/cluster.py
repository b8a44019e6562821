"""The last stage of near-dedup: clusters of verified links, mirror domains, the copy to keep.

No key holds more than one document's links, one cluster or one domain's evidence. The
reduce runs in rounds (``GlobalStep.resume``); what the previous round did, summed over all
keys, says which phase comes next:

1. ``propagate`` — every linked document (key ``n:<uid>``) takes the smallest id among its
   own and its neighbours' labels and tells its neighbours when its label changes, until no
   label moves anywhere: each label is then its connected component's smallest id;
2. ``gather`` — each document sends its facts to its cluster (``c:<label>``);
3. ``summarise`` — each cluster of two or more counts the evidence between its domains and
   sends it to both domains (``d:<domain>``), which have also been collecting credits;
4. ``judge`` — each domain decides whether it mirrors another, writes its entry of
   ``domains.json`` and broadcasts a verdict of mirror;
5. ``keep`` — each cluster, knowing the mirrors, keeps one copy and drops the others.
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
from saring.dedup.urls import normalize_url, page_urls
from saring.document import Document, Dropped
from saring.stats import StepStats
from saring.step import EVERY, Broadcast, DocRef, GlobalStep, Output, Round, Send

MIRROR = "dedup/mirror_domain"
MOVED, GATHERED, SUMMARISED, JUDGED = "_moved", "_gathered", "_summarised", "_judged"
"""Round signals: counters that tell every key which phase the next round is."""


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
        facts = [
            doc.id, doc.domain or "", published_date(doc), len(doc.text), work["fp"], credits,
            sorted(page_urls(doc)),
        ]  # fmt: skip
        if "uid" not in work:  # credits, but no link: its domain's evidence only
            return [(f"d:{doc.domain or ''}", ["credit", facts])]
        return [(f"n:{work['uid']}", ["doc", facts, work.get("edges", [])])]

    def tally(self, doc: Document) -> Iterable[str]:
        return [f"domain:{doc.domain or ''}"]

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[Output]:
        stats.reports.setdefault("domains", {})
        if key.startswith("d:"):
            evidence = DomainEvidence()
            for _, (_, facts) in items:
                yield from self._credits(key[2:], facts[5], evidence)
            yield Send(key, ["domain", evidence.to_wire()])
            return
        ref, (_, facts, edges) = items[0]
        uid = key[2:]
        member = Member(uid, ref, *facts)
        neighbours = sorted({other for other, *_ in edges}, key=order)
        yield from self._credits(member.domain, member.credits, None)
        for other, _, _, evidence in edges:
            if evidence is not None:  # a document of an earlier run: known only by its links
                old_id, domain, date, chars, fp, credits, url = evidence
                urls = [normalize_url(url)] if url else []
                earlier = Member(
                    other, order(other), old_id, domain, date, chars, fp, credits, urls
                )
                yield Send(f"n:{other}", ["node", list(earlier), other, [uid], True])
        yield from self._moved(member, _earliest([uid, *neighbours]), neighbours, stats)

    def _credits(
        self, domain: str, credits: list[str], evidence: DomainEvidence | None
    ) -> Iterator[Output]:
        """Send one document's credits to its domain (or count them into ``evidence``) and
        to each domain credited."""
        for kind, giver, credited, count in credit_evidence(domain, credits):
            if evidence is not None:
                evidence.add("out", kind, credited, count)
            else:
                yield Send(f"d:{giver}", ["out", kind, credited, count])
            yield Send(f"d:{credited}", ["into", kind, giver, count])

    def _moved(
        self, member: Member, label: str, neighbours: list[str], stats: StepStats
    ) -> Iterator[Output]:
        """Keep a node's new label and tell its neighbours."""
        stats.counters[MOVED] += 1
        yield Send(f"n:{member.uid}", ["node", list(member), label, neighbours, False])
        for other in neighbours:
            yield Send(f"n:{other}", ["label", label])

    def resume(
        self, key: str, messages: list[Any], round: Round, stats: StepStats
    ) -> Iterable[Output]:
        now = phase(round.previous)
        if key.startswith("n:"):
            return self._node(messages, now, stats)
        if key.startswith("c:"):
            return self._cluster(key, messages, now, round, stats)
        return self._domain(key, messages, now, round, stats)

    def _node(self, messages: list[Any], now: str, stats: StepStats) -> Iterator[Output]:
        states = [m for m in messages if m[0] == "node"]
        if not states:
            return  # a link to a document that is not here (never happens)
        member = Member.of(states[0][1])
        label = _earliest(s[2] for s in states)
        neighbours = sorted({n for s in states for n in s[3]}, key=order)
        fresh = any(s[4] for s in states)
        if fresh:  # an earlier run's document, first heard of: its credits count too
            yield from self._credits(member.domain, member.credits, None)
        if now == "propagate":
            new = _earliest([label, *(m[1] for m in messages if m[0] == "label")])
            if new != label or fresh:
                yield from self._moved(member, new, neighbours, stats)
            else:
                yield Send(f"n:{member.uid}", ["node", list(member), label, neighbours, False])
        else:
            stats.counters[GATHERED] += 1
            yield Send(f"c:{label}", ["member", list(member)])

    def _cluster(
        self, key: str, messages: list[Any], now: str, round: Round, stats: StepStats
    ) -> Iterator[Output]:
        members = sorted(
            (Member.of(m[1]) for m in messages if m[0] == "member"), key=lambda m: order(m.uid)
        )
        if now == "summarise":
            if len(members) < 2:
                return
            stats.counters["clusters"] += 1
            for kind, domain, other, count in cluster_evidence(members):
                yield Send(f"d:{domain}", ["out", kind, other, count])
                yield Send(f"d:{other}", ["into", kind, domain, count])
        if now in ("summarise", "judge"):
            stats.counters[SUMMARISED if now == "summarise" else JUDGED] += 1
            yield from (Send(key, ["member", list(m)]) for m in members)
            return
        mirror_of = dict(round.broadcast)
        kept = choose(members, mirror_of)
        yield kept.ref, ["keep", kept.id, len(members)]
        superseded = []
        for member in members:
            if member is not kept:
                why = reason(member, kept)
                yield member.ref, ["drop", kept.id, why]
                if member.ref[0] < 0:
                    superseded.append({"id": member.id, "duplicate_of": kept.id, "reason": why})
        if any(m.ref[0] < 0 for m in members):
            # Documents of earlier runs that a new copy outranks: remove them from that output.
            stats.reports.setdefault("superseded", []).extend(superseded)

    def _domain(
        self, key: str, messages: list[Any], now: str, round: Round, stats: StepStats
    ) -> Iterator[Output]:
        evidence = DomainEvidence()
        for message in messages:
            if message[0] == "domain":
                evidence.merge_wire(message[1])
            else:
                direction, kind, other, count = message
                evidence.add(direction, kind, other, count)
        if now != "judge":
            counter = {"gather": GATHERED, "summarise": SUMMARISED}.get(now)
            if counter:
                stats.counters[counter] += 1
            yield Send(key, ["domain", evidence.to_wire()])
            return
        stats.counters[JUDGED] += 1
        domain = key[2:]
        if not domain or not evidence.gives_evidence():
            return
        totals = dict(round.totals)
        for label, count in (index_domains(self.index) if self.index else {}).items():
            totals[label] = totals.get(label, 0) + count  # domains count their earlier documents
        entry = evidence.verdict(domain, totals, self.mirror_share)
        stats.reports.setdefault("domains", {})[domain] = entry
        if entry["mirror_of"]:
            stats.counters["mirror_domains"] += 1
            yield Broadcast([domain, entry["mirror_of"]])
            if self.drop_mirror_domains:
                yield EVERY, ["mirrors", [domain]]

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
