"""The shapes a step can take. Each base class owns iteration bookkeeping; subclasses own one job.

- ``Transform`` edits text and never drops a document.
- ``Annotator`` writes scores or metadata and never edits text.
- ``Filter`` keeps a document or names a declared reason for dropping it; it never edits text.
- ``GlobalStep`` must see every document before deciding about any (deduplication, learning a
  site's template lines): the engine runs ``observe`` over all shards, ``decide`` per key,
  then ``apply`` per document. A step whose decision needs several passes over keyed records
  (clustering a graph) sends messages from ``decide`` and goes on in ``resume``, one reduce
  round at a time, without going back to the documents.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from saring.document import Document, Dropped
from saring.params import Params
from saring.stats import StepStats

DocRef = tuple[int, int]
"""Where a document sits during a global step: (shard index, position in the shard)."""
EVERY: DocRef = (-1, -1)
"""Address of a decision meant for every document (e.g. a list of domains to drop)."""


@dataclass(frozen=True)
class Send:
    """A message from a reduce round to ``key`` in the next round of the same global step."""

    key: str
    value: Any


@dataclass(frozen=True)
class Broadcast:
    """A value that every key of the next reduce round receives (``Round.broadcast``)."""

    value: Any


Output = tuple[DocRef, Any] | Send | Broadcast
"""What ``decide`` and ``resume`` yield: a decision for a document, or a message onwards."""


@dataclass(frozen=True)
class Round:
    """What a reduce round after the first knows besides its key's messages."""

    number: int
    """1 for the round after ``decide``, then 2, 3, …"""
    totals: Mapping[str, int]
    """The ``tally`` counts over all observed documents."""
    previous: Mapping[str, int] = field(default_factory=dict)
    """The counters the previous round added to its stats, summed over all its keys: how a
    key learns that the whole graph has settled."""
    broadcast: tuple[Any, ...] = ()
    """The previous round's ``Broadcast`` values, in a fixed order."""


def partition_of(key: str, partitions: int) -> int:
    """Return the partition of a global step's key: a hash that is the same in every process."""
    return zlib.crc32(key.encode("utf-8")) % partitions


class Step(Params):
    """One job in a pipeline. Constructors store parameters only; ``setup`` loads resources."""

    drop_reasons: ClassVar[tuple[str, ...]] = ()
    """Every reason this step may drop a document for, e.g. ``"quality/too_short"``."""
    line_reasons: ClassVar[tuple[str, ...]] = ()
    """Every reason this step may remove a line for, e.g. ``"clean/related_link"``."""

    def setup(self) -> None:
        """Load heavy resources once per worker, before the first document."""

    def parts(self) -> list[Step]:
        """Return the steps this step runs as: itself, or the stages of a multi-stage algorithm."""
        return [self]

    def handle(self, doc: Document, stats: StepStats) -> Document | Dropped:
        """Process one document; the base classes implement this."""
        raise NotImplementedError


class Transform(Step):
    """A step that edits a document's text (or normalises its fields) and never drops it."""

    def handle(self, doc: Document, stats: StepStats) -> Document:
        return self.transform(doc, stats)

    def transform(self, doc: Document, stats: StepStats) -> Document:
        """Return the document with its text edited; count removed lines in ``stats``."""
        raise NotImplementedError


class Annotator(Step):
    """A step that writes scores or metadata and leaves text alone."""

    def handle(self, doc: Document, stats: StepStats) -> Document:
        self.annotate(doc)
        return doc

    def annotate(self, doc: Document) -> None:
        """Write this step's scores into the document."""
        raise NotImplementedError


class Filter(Step):
    """A step that keeps a document or drops it for one of its declared reasons."""

    def handle(self, doc: Document, stats: StepStats) -> Document | Dropped:
        reason = self.reason(doc)
        return doc if reason is None else Dropped(doc, reason)

    def reason(self, doc: Document) -> str | None:
        """Return why the document must go, or ``None`` to keep it."""
        raise NotImplementedError


class GlobalStep(Step):
    """A step that decides after seeing all documents: observe, decide per key, apply.

    Keys and values must be JSON-serialisable; the executor spills them to disk, groups them
    by key across all shards and passes them to ``decide`` sorted by ``DocRef``, so that the
    outcome does not depend on how many workers ran. ``tally`` labels are counted over every
    observed document and reach ``decide`` as ``totals`` (e.g. documents per domain).
    """

    def observe(self, doc: Document) -> Iterable[tuple[str, Any]]:
        """Return the (key, value) pairs this document contributes."""
        raise NotImplementedError

    def tally(self, doc: Document) -> Iterable[str]:
        """Return labels to count over all observed documents (none by default)."""
        return ()

    def prior(self, partition: int, partitions: int) -> Iterable[tuple[str, DocRef, Any]]:
        """Return (key, ref, value) records of documents outside this run, e.g. an earlier
        run's index, for keys of this partition; their refs have a shard below -1 and
        decisions addressed to them are not applied. None by default."""
        return ()

    def decide(
        self, key: str, items: list[tuple[DocRef, Any]], totals: Mapping[str, int], stats: StepStats
    ) -> Iterable[Output]:
        """Return decisions addressed to documents (or to ``EVERY`` document), given everything
        observed under one key (sorted by ``DocRef``) and the tallies over all documents; or
        messages for a further round (``Send``, ``Broadcast``)."""
        raise NotImplementedError

    def resume(
        self, key: str, messages: list[Any], round: Round, stats: StepStats
    ) -> Iterable[Output]:
        """Return decisions and further messages, given the messages sent to ``key`` by the
        previous round (in a fixed order: sorted by their JSON encoding). The engine runs
        rounds until one sends nothing; a step that sends no messages never gets here."""
        raise NotImplementedError(f"{type(self).__name__} sent messages but has no resume")

    def apply(self, doc: Document, decisions: list[Any], stats: StepStats) -> Document | Dropped:
        """Act on one document given the decisions addressed to it (in the order rounds and
        keys produced them), then those for every document (often none)."""
        raise NotImplementedError

    def handle(self, doc: Document, stats: StepStats) -> Document | Dropped:
        raise TypeError(f"{type(self).__name__} is a global step; the executor stages it")
