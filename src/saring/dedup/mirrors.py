"""Mirror domains: a domain most of whose documents are copies of, or credit, one other domain.

Evidence is gathered per domain, from the clusters its documents are in and the credits they
give, in both directions: what the domain does to others (``out``) and what others do to it
(``into``). A domain is a mirror of another when at least ``mirror_share`` of its documents
are copies of that domain's, or credit it, and the direction is clear: it credits that
domain, is published after it more often than before, or shares a larger part of its
documents with it than the other does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from saring.dedup.keep import Member

MIRROR_MIN_DOCS = 3
"""Documents a domain needs before shared clusters alone (no credit) can make it a mirror."""
KINDS = ("shared", "later", "credits")
"""Evidence between two domains: documents in a shared cluster, published later than a copy
on the other domain, crediting the other domain."""


def cluster_evidence(cluster: list[Member]) -> Iterator[tuple[str, str, str, int]]:
    """Yield (kind, domain, other domain, count) for the documents of one cluster."""
    shared: Counter[tuple[str, str]] = Counter()
    later: Counter[tuple[str, str]] = Counter()
    for member in cluster:
        for other in {m.domain for m in cluster if m.domain != member.domain}:
            shared[member.domain, other] += 1
        for earlier in cluster:
            if member.date and earlier.date and member.date > earlier.date:
                later[member.domain, earlier.domain] += 1
    for kind, counts in (("shared", shared), ("later", later)):
        for (domain, other), count in sorted(counts.items()):
            yield kind, domain, other, count


def credit_evidence(domain: str, credits: list[str]) -> Iterator[tuple[str, str, str, int]]:
    """Yield the evidence of one document of ``domain`` that credits ``credits``."""
    for credited in sorted(set(credits)):
        yield "credits", domain, credited, 1


class DomainEvidence:
    """What one domain's documents do to other domains (``out``) and others to it (``into``)."""

    def __init__(self) -> None:
        self.out: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
        self.into: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}

    def add(self, direction: str, kind: str, other: str, count: int) -> None:
        (self.out if direction == "out" else self.into)[kind][other] += count

    def to_wire(self) -> list[Any]:
        return [
            {k: dict(v) for k, v in self.out.items()},
            {k: dict(v) for k, v in self.into.items()},
        ]

    def merge_wire(self, wire: list[Any]) -> None:
        for side, counts in zip((self.out, self.into), wire, strict=True):
            for kind, values in counts.items():
                side[kind].update(values)

    def gives_evidence(self) -> bool:
        """Whether the domain belongs in the report: it shares clusters or credits others."""
        return bool(self.out["shared"] or self.out["credits"])

    def verdict(
        self, domain: str, documents_of: Callable[[str], int], share: float
    ) -> dict[str, Any]:
        """Return the domain's entry in ``domains.json``, given the documents per domain."""
        shared, credits, later = self.out["shared"], self.out["credits"], self.out["later"]
        documents = documents_of(domain) or 1
        evidence = {o: max(shared[o], credits[o]) for o in set(shared) | set(credits)}
        source, count = min(evidence.items(), key=lambda kv: (-kv[1], kv[0]), default=("", 0))
        score = count / documents
        credits_source = credits[source] > 0 and self.into["credits"][source] == 0
        published_after = later[source] > self.into["later"][source]
        copied_back = self.into["shared"][source] / max(documents_of(source), 1)
        # Without a credit, one or two shared articles are wire copies, not a mirror.
        enough = credits_source or documents >= MIRROR_MIN_DOCS
        is_mirror = (
            bool(source)
            and score >= share
            and enough
            and (credits_source or published_after or copied_back < score)
        )
        return {
            "documents": documents,
            "shared_with": dict(sorted((k, v) for k, v in shared.items() if v)),
            "credits": dict(sorted((k, v) for k, v in credits.items() if v)),
            "published_after": dict(sorted((k, v) for k, v in later.items() if v)),
            "copied_from": source or None,
            "mirror_score": round(score, 4),
            "mirror_of": source if is_mirror else None,
        }
