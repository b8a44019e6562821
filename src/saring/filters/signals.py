"""Where quality signals live in a document, and how a filter finds them again.

Annotators write each family's signals as one dict under
``doc.metadata[QUALITY][<group>]`` (groups: ``meta.QUALITY_GOPHER``,
``meta.QUALITY_REPETITION``, ``meta.QUALITY_C4``, ``meta.QUALITY_FINEWEB``,
``meta.QUALITY_SPAM``). Each dict holds ``chars`` (the text's length), ``text_hash`` (a
64-bit BLAKE2b digest of the text they were computed on), ``version`` (of the code that
computed them) and the parameters that shaped them (such as ``lang``, the stop-word
language). A filter uses stored signals only when they still fit: same text, same version,
same parameters; otherwise it computes them itself (without writing them), so a filter alone
gives the same decisions as annotator plus filter.
"""

from __future__ import annotations

import hashlib
from typing import Any

from saring.document import Document
from saring.meta import QUALITY


def text_hash(text: str) -> str:
    """Return the hex BLAKE2b-64 digest of a text (what stored signals were computed on)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def stored(
    doc: Document, group: str, expect: dict[str, Any], version: int = 1
) -> dict[str, Any] | None:
    """Return the group's stored signals if computed on this text, by this ``version`` of the
    code, with ``expect``'s parameters; ``None`` otherwise."""
    quality = doc.metadata.get(QUALITY)
    if not isinstance(quality, dict):
        return None
    found = quality.get(group)
    if not isinstance(found, dict) or found.get("chars") != len(doc.text):
        return None
    if found.get("version") != version or found.get("text_hash") != text_hash(doc.text):
        return None
    if any(found.get(key) != value for key, value in expect.items()):
        return None
    return found


def store(doc: Document, group: str, signals: dict[str, Any], version: int = 1) -> None:
    """Write the group's signals into the document's metadata, with the text's hash and the
    code's ``version``."""
    quality = doc.metadata.get(QUALITY)
    if not isinstance(quality, dict):
        quality = doc.metadata[QUALITY] = {}
    quality[group] = {**signals, "text_hash": text_hash(doc.text), "version": version}
