"""Where quality signals live in a document, and how a filter finds them again.

Annotators write each family's signals as one dict under
``doc.metadata[QUALITY][<group>]`` (groups: ``meta.QUALITY_GOPHER``,
``meta.QUALITY_REPETITION``, ``meta.QUALITY_C4``, ``meta.QUALITY_FINEWEB``). Each dict holds
``chars``, the length of the text it was computed on, and the parameters that shaped it
(such as ``lang``, the stop-word language). A filter uses stored signals only when they still
fit: same text length, same parameters; otherwise it computes them itself (without writing
them), so a filter alone gives the same decisions as annotator plus filter.
"""

from __future__ import annotations

from typing import Any

from saring.document import Document
from saring.meta import QUALITY


def stored(doc: Document, group: str, expect: dict[str, Any]) -> dict[str, Any] | None:
    """Return the group's stored signals if they were computed on this text with ``expect``."""
    quality = doc.metadata.get(QUALITY)
    if not isinstance(quality, dict):
        return None
    found = quality.get(group)
    if not isinstance(found, dict) or found.get("chars") != len(doc.text):
        return None
    if any(found.get(key) != value for key, value in expect.items()):
        return None
    return found


def store(doc: Document, group: str, signals: dict[str, Any]) -> None:
    """Write the group's signals into the document's metadata."""
    quality = doc.metadata.get(QUALITY)
    if not isinstance(quality, dict):
        quality = doc.metadata[QUALITY] = {}
    quality[group] = signals
