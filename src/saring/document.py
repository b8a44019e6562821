"""The one record type that flows through a pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass(slots=True)
class Document:
    """A text with its identity, provenance and everything steps learned about it."""

    id: str
    text: str
    url: str | None = None
    domain: str | None = None
    lang: str | None = None
    lang_score: float | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.domain is None and self.url:
            self.domain = domain_of(self.url)


@dataclass(slots=True)
class Dropped:
    """A document a step removed, with the declared reason and, for duplicates, the kept copy."""

    doc: Document
    reason: str
    duplicate_of: str | None = None


def domain_of(url: str) -> str | None:
    """Return the lower-cased host of a URL or bare hostname, without a leading ``www.``."""
    candidate = url.strip()
    if "://" not in candidate:
        candidate = "//" + candidate
    try:
        host = urlsplit(candidate).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def to_record(doc: Document) -> dict[str, Any]:
    """Return the document as an output row (the ``docs/`` columns)."""
    return {
        "id": doc.id,
        "text": doc.text,
        "url": doc.url,
        "domain": doc.domain,
        "lang": doc.lang,
        "lang_score": doc.lang_score,
        "metadata": doc.metadata,
    }


def from_record(record: dict[str, Any]) -> Document:
    """Inverse of ``to_record``."""
    return Document(
        id=record["id"],
        text=record["text"],
        url=record["url"],
        domain=record["domain"],
        lang=record["lang"],
        lang_score=record["lang_score"],
        metadata=record["metadata"],
    )
