"""Which copy of a duplicate cluster is kept, and why the others go.

The kept copy is chosen by, in order: a copy from the domain the others copy (the original
publisher, named by other copies' credits or by the domain graph) before one from a flagged
mirror; the earliest publication date known; the longest text; input order.
"""

from __future__ import annotations

from typing import Any, NamedTuple

EXACT = "dedup/exact"
NEAR = "dedup/near"
URL = "dedup/url"


class Member(NamedTuple):
    """A document in a duplicate cluster: what clustering, mirror analysis and the keep
    policy need to know of it (on the wire, a JSON list in this order)."""

    uid: str
    ref: tuple[int, int]
    id: str
    domain: str
    date: str
    length: int
    fingerprint: str
    credits: list[str]
    urls: list[str]

    @classmethod
    def of(cls, wire: list[Any]) -> Member:
        """Return a member from its JSON form."""
        uid, ref, *rest = wire
        return cls(uid, (int(ref[0]), int(ref[1])), *rest)


def order(uid: str) -> tuple[int, int]:
    """Return the input order of a document id ``shard:position``."""
    shard, position = uid.split(":")
    return int(shard), int(position)


def rank(member: Member, copied: set[str], mirrors: set[str]) -> tuple[Any, ...]:
    """Return a sort key: the lowest is the copy to keep."""
    return (
        member.domain not in copied,
        member.domain in mirrors,
        member.date or "9999",
        -member.length,
        order(member.uid),
    )


def reason(member: Member, kept: Member) -> str:
    """Return why a copy goes: the same text, the same URL, or near duplicate."""
    if member.fingerprint == kept.fingerprint:
        return EXACT
    if set(member.urls) & set(kept.urls):
        return URL
    return NEAR


def choose(cluster: list[Member], mirror_of: dict[str, str]) -> Member:
    """Return the copy of a cluster to keep, given the mirror domains and what they copy."""
    mirrors = set(mirror_of)
    copied = {mirror_of[m.domain] for m in cluster if m.domain in mirrors}
    copied |= {c for m in cluster for c in m.credits}
    return min(cluster, key=lambda m: rank(m, copied, mirrors))
