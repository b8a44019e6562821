"""Clustering over reduce rounds against the one-process union-find it replaced (kept here as
the oracle), on random graphs: the same clusters, kept copies, reasons and domain report."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import pytest

from saring.dedup.cluster import ClusterDuplicates
from saring.dedup.keep import Member, order, rank, reason
from saring.engine.rounds import reduce_in_memory
from saring.step import EVERY

# --- the oracle: the former single-key ClusterDuplicates.decide, unchanged in substance ---


def oracle_components(
    members: dict[str, Member], edges: dict[str, list[str]]
) -> list[list[Member]]:
    parent = {uid: uid for uid in members}

    def find(uid: str) -> str:
        while parent[uid] != uid:
            parent[uid] = parent[parent[uid]]
            uid = parent[uid]
        return uid

    for uid in members:
        for other in edges.get(uid, []):
            if other in parent:
                a, b = find(uid), find(other)
                if a != b:
                    parent[max(a, b, key=order)] = min(a, b, key=order)
    groups: dict[str, list[Member]] = defaultdict(list)
    for uid in sorted(members, key=order):
        groups[find(uid)].append(members[uid])
    return [group for group in groups.values() if len(group) > 1]


def oracle_domains(
    clusters: list[list[Member]], everyone: list[Member], totals: Mapping[str, int], share: float
) -> dict[str, Any]:
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
    for member in everyone:
        for credited in set(member.credits):
            credits[member.domain][credited] += 1
    report: dict[str, Any] = {}
    for domain in sorted(set(shared) | set(credits)):
        if not domain:
            continue
        documents = totals.get(f"domain:{domain}", 0) or 1
        evidence: Counter[str] = Counter()
        for other in set(shared[domain]) | set(credits[domain]):
            evidence[other] = max(shared[domain][other], credits[domain][other])
        source, count = min(evidence.items(), key=lambda kv: (-kv[1], kv[0]), default=("", 0))
        score = count / documents
        credits_source = credits[domain][source] > 0 and credits[source][domain] == 0
        published_after = later[domain][source] > later[source][domain]
        copied_back = shared[source][domain] / max(totals.get(f"domain:{source}", 0), 1)
        enough = credits_source or documents >= 3
        is_mirror = (
            bool(source)
            and score >= share
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


# --- random graphs ---


def random_graph(
    rng: random.Random,
) -> tuple[dict[str, Member], dict[str, list[str]], list[Member]]:
    domains = [f"site{n}.id" for n in range(rng.randint(1, 6))]
    count = rng.randint(2, 40)
    members = {}
    for n in range(count):
        uid = f"{n % 3}:{n}"
        credits = rng.sample(domains, rng.randint(0, 1)) if rng.random() < 0.3 else []
        members[uid] = Member(
            uid, order(uid), f"doc{n}", rng.choice(domains), f"2024-01-{rng.randint(1, 9):02d}",
            rng.randint(100, 120), f"fp{rng.randint(0, 3)}", credits, [f"u{rng.randint(0, 5)}"],
        )  # fmt: skip
    edges: dict[str, list[str]] = defaultdict(list)
    uids = sorted(members, key=order)
    for _ in range(rng.randint(0, count)):
        a, b = rng.sample(uids, 2)
        edges[a].append(b)
        edges[b].append(a)
    credit_only = [
        Member(
            "", (2, 1000 + n), f"c{n}", rng.choice(domains), "", 50, "x", [rng.choice(domains)], []
        )
        for n in range(rng.randint(0, 4))
    ]
    return members, edges, credit_only


def observed(
    members: dict[str, Member], edges: dict[str, list[str]], credit_only: list[Member]
) -> list[tuple[str, Any, Any]]:
    """The records ``ClusterDuplicates.observe`` would have written for these documents."""
    records = []
    for uid, m in members.items():
        if not edges.get(uid) and not m.credits:
            continue
        facts = [m.id, m.domain, m.date, m.length, m.fingerprint, m.credits, m.urls]
        links = [[other, "near", 0.9, None] for other in edges.get(uid, [])]
        records.append((f"n:{uid}", m.ref, ["doc", facts, links]))
    for m in credit_only:
        facts = [m.id, m.domain, m.date, m.length, m.fingerprint, m.credits, m.urls]
        records.append((f"d:{m.domain}", m.ref, ["credit", facts]))
    return records


@pytest.mark.parametrize("seed", range(60))
def test_rounds_give_the_clusters_report_and_kept_copies_of_one_process(seed: int) -> None:
    rng = random.Random(seed)
    members, edges, credit_only = random_graph(rng)
    totals = Counter(f"domain:{m.domain}" for m in [*members.values(), *credit_only])
    step = ClusterDuplicates(drop_mirror_domains=True)
    result = reduce_in_memory(step, observed(members, edges, credit_only), totals)

    # Only documents with links or credits are observed, as before.
    present = {u: m for u, m in members.items() if edges.get(u) or m.credits}
    clusters = oracle_components(present, edges)
    report = oracle_domains(clusters, [*present.values(), *credit_only], totals, 0.5)
    mirrors = {d: info["mirror_of"] for d, info in report.items() if info["mirror_of"]}
    expected: dict[tuple[int, int], list[Any]] = {}
    for cluster in clusters:
        copied = {mirrors[m.domain] for m in cluster if m.domain in mirrors}
        copied |= {c for m in cluster for c in m.credits}
        kept = min(cluster, key=lambda m: rank(m, copied, set(mirrors)))
        expected[kept.ref] = [["keep", kept.id, len(cluster)]]
        for member in cluster:
            if member is not kept:
                expected[member.ref] = [["drop", kept.id, reason(member, kept)]]
    assert result.decisions == expected
    assert result.stats.reports["domains"] == report
    assert result.stats.counters["clusters"] == len(clusters)
    assert sorted(d for e in result.every for d in e[1]) == sorted(mirrors)
    assert all(e[0] == "mirrors" for e in result.every)
    assert EVERY not in result.decisions
