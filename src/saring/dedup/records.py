"""The records near-dedup's stages and reduce rounds pass to each other, and their wire form.

Each is a ``NamedTuple``; on the wire (spill files, messages, a document's working notes) it
is a JSON list of its fields in order, nested records as lists too. Where one key receives
records of several kinds, ``tagged`` puts the record's kind first and ``untag`` reads it back
as the right type, so a reduce dispatches on types, never on list positions.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from saring.dedup.keep import Member, order
from saring.dedup.urls import normalize_url


class BucketLink(NamedTuple):
    """``MinHashBuckets``' decision for a document of a candidate group: linked to the group's
    first member ``hub`` by ``kind`` (``band`` or ``url``), or the hub itself (``hub`` None)."""

    uid: str
    hub: str | None
    kind: str


class Earlier(NamedTuple):
    """What clustering needs to know of a document of an earlier run, which it cannot read."""

    id: str
    domain: str
    date: str
    chars: int
    fingerprint: str
    credits: list[str]
    url: str

    def member(self, uid: str) -> Member:
        """Return it as a cluster member."""
        urls = [normalize_url(self.url)] if self.url else []
        return Member(
            uid, order(uid), self.id, self.domain, self.date, self.chars, self.fingerprint,
            self.credits, urls,
        )  # fmt: skip


def with_earlier(record: Hub | Edge) -> list[Any]:
    """Return a record whose last field is an optional ``Earlier`` as a JSON list."""
    return [*record[:3], None if record.earlier is None else list(record.earlier)]


def earlier_of(wire: list[Any] | None) -> Earlier | None:
    """Inverse of the last field of ``with_earlier``."""
    return None if wire is None else Earlier(*wire)


class Hub(NamedTuple):
    """A linked document's own record in ``VerifyCandidates``: what its probes compare with."""

    signature: str
    fingerprint: str
    shingles: str | None
    earlier: Earlier | None
    """Set for a document of an earlier run: its facts travel with the links to it."""

    def wire(self) -> list[Any]:
        return with_earlier(self)

    @classmethod
    def of(cls, wire: list[Any]) -> Hub:
        signature, fingerprint, shingles, earlier = wire
        return cls(signature, fingerprint, shingles, earlier_of(earlier))


class Probe(NamedTuple):
    """A candidate link sent to its hub for verification."""

    uid: str
    signature: str
    fingerprint: str
    kind: str
    shingles: str | None


class Edge(NamedTuple):
    """A verified link, kept in both documents' working notes until clustering."""

    other: str
    relation: str
    """``url``, ``exact`` or ``near``."""
    score: float
    earlier: Earlier | None
    """The other document's facts when it belongs to an earlier run."""

    def wire(self) -> list[Any]:
        return with_earlier(self)

    @classmethod
    def of(cls, wire: list[Any]) -> Edge:
        other, relation, score, earlier = wire
        return cls(other, relation, score, earlier_of(earlier))


class Facts(NamedTuple):
    """What clustering, mirror analysis and the keep policy need of an observed document."""

    id: str
    domain: str
    date: str
    length: int
    fingerprint: str
    credits: list[str]
    urls: list[str]


class Linked(NamedTuple):
    """``ClusterDuplicates``' record of a linked document (key ``n:<uid>``)."""

    facts: Facts
    edges: list[Edge]

    def wire(self) -> list[Any]:
        return [list(self.facts), [edge.wire() for edge in self.edges]]

    @classmethod
    def of(cls, wire: list[Any]) -> Linked:
        facts, edges = wire
        return cls(Facts(*facts), [Edge.of(edge) for edge in edges])


class NodeState(NamedTuple):
    """A document's state while labels propagate: its facts, its label, its neighbours."""

    member: Member
    label: str
    neighbours: list[str]
    fresh: bool
    """First sent by a neighbour: a document of an earlier run, not yet heard of."""

    def wire(self) -> list[Any]:
        return [list(self.member), self.label, self.neighbours, self.fresh]

    @classmethod
    def of(cls, wire: list[Any]) -> NodeState:
        member, label, neighbours, fresh = wire
        return cls(Member.of(member), label, neighbours, fresh)


class Label(NamedTuple):
    """A neighbour's new label."""

    label: str


class ClusterMember(NamedTuple):
    """A document sent to its cluster (key ``c:<label>``)."""

    member: Member

    def wire(self) -> list[Any]:
        return list(self.member)

    @classmethod
    def of(cls, wire: list[Any]) -> ClusterMember:
        return cls(Member.of(wire))


class DomainCount(NamedTuple):
    """Evidence between two domains, sent to one of them: what it does to ``other``
    (``direction`` ``out``) or what ``other`` does to it (``into``)."""

    direction: str
    kind: str
    """``shared``, ``later`` or ``credits`` (``mirrors.KINDS``)."""
    other: str
    number: int


class DomainState(NamedTuple):
    """A domain's evidence so far (``DomainEvidence.to_wire``), sent to itself."""

    out: dict[str, dict[str, int]]
    into: dict[str, dict[str, int]]


class SupersededPart(NamedTuple):
    """A cluster's documents of earlier runs that its kept copy outranks, sent to the one key
    that writes ``superseded.json`` in the order of the clusters' first documents."""

    first: list[int]
    """The cluster's first document, (shard, position): the report's order."""
    entries: list[dict[str, str]]


class MirrorVerdict(NamedTuple):
    """A domain found to mirror another, broadcast to every cluster before it keeps a copy."""

    domain: str
    mirror_of: str


class Keep(NamedTuple):
    """The decision for a cluster's kept copy."""

    cluster_id: str
    size: int


class Drop(NamedTuple):
    """The decision for a copy that goes: the kept copy's id and why."""

    duplicate_of: str
    reason: str


class Mirrors(NamedTuple):
    """The decision for every document: these domains are mirrors (``drop_mirror_domains``)."""

    domains: list[str]


_NESTED = (Hub, NodeState, ClusterMember)
"""Records holding other records, with their own ``wire`` and ``of``."""

Tagged = (
    Hub | Probe | NodeState | Label | ClusterMember | DomainCount | DomainState | SupersededPart
    | Keep | Drop | Mirrors
)  # fmt: skip
"""The records that share a key (or a document's decisions) with records of another kind."""

_KINDS: dict[str, type[Tagged]] = {
    "hub": Hub,
    "probe": Probe,
    "node": NodeState,
    "label": Label,
    "member": ClusterMember,
    "count": DomainCount,
    "domain": DomainState,
    "superseded": SupersededPart,
    "keep": Keep,
    "drop": Drop,
    "mirrors": Mirrors,
}
_TAGS = {kind: tag for tag, kind in _KINDS.items()}


def tagged(record: Tagged) -> list[Any]:
    """Return a record's wire form with its kind first (nested records as lists too)."""
    wire = record.wire() if isinstance(record, _NESTED) else list(record)
    return [_TAGS[type(record)], *wire]


def untag(wire: list[Any]) -> Tagged:
    """Inverse of ``tagged``."""
    kind = _KINDS[wire[0]]
    if issubclass(kind, _NESTED):
        return kind.of(wire[1:])
    return kind(*wire[1:])
