"""The index an earlier run saved with ``NearDedup(save_index=True)``: its kept documents'
signatures and facts, read back so that a new batch is deduplicated against them."""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from saring import meta
from saring.dedup.records import Earlier
from saring.document import Document
from saring.errors import ConfigError
from saring.step import DocRef

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

    def evidence(self) -> Earlier:
        """Return what clustering needs to know about it."""
        return Earlier(
            self.id, self.domain, self.date, self.chars, self.fingerprint, list(self.credits),
            self.url,
        )  # fmt: skip


@functools.lru_cache(maxsize=2)
def load_index(paths: tuple[str, ...]) -> tuple[IndexEntry, ...]:
    """Return the documents earlier runs kept with ``save_index``: ``paths`` are their output
    folders (or ``docs/`` folders), read once per process."""
    from saring.io import reader_for
    from saring.io.shards import Source

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


@functools.lru_cache(maxsize=2)
def index_domains(paths: tuple[str, ...]) -> Counter[str]:
    """Return the documents per domain of the earlier runs' index, as ``tally`` labels."""
    return Counter(f"domain:{entry.domain}" for entry in load_index(paths))
