"""The base detector: Google's Compact Language Detector 2 through the ``pycld2`` package,
which carries its tables inside the wheel (no download), names about 80 languages from their
text and runs at thousands of documents a second.
"""

from __future__ import annotations

import re
from typing import Any

from saring.errors import ConfigError

_REFUSED = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    "\ufffe\uffff\U0001fffe-\U0001ffff\U0002fffe-\U0002ffff\U0003fffe-\U0003ffff"
    "\U0004fffe-\U0004ffff\U0005fffe-\U0005ffff\U0006fffe-\U0006ffff\U0007fffe-\U0007ffff"
    "\U0008fffe-\U0008ffff\U0009fffe-\U0009ffff\U000afffe-\U000affff\U000bfffe-\U000bffff"
    "\U000cfffe-\U000cffff\U000dfffe-\U000dffff\U000efffe-\U000effff\U000ffffe-\U000fffff"
    "\U0010fffe-\U0010ffff]"
)
"""Characters CLD2 rejects as invalid UTF-8: controls (but the form feed, which it takes),
surrogates and non-characters."""
CODES = {"jw": "jv", "iw": "he", "un": "und"}
"""CLD2's old codes → the codes saring writes (ISO 639-1)."""
UNKNOWN = "und"
"""What saring writes when no language could be told (BCP 47's "undetermined")."""

Guess = tuple[str, float]
"""A language code and a score in [0, 1]."""


def import_cld2() -> Any:
    """Return the ``pycld2`` module, or raise a one-line error naming the package to install."""
    try:
        import pycld2  # type: ignore[import-untyped]  # ships no type information
    except ImportError as exc:
        raise ConfigError(
            "language identification needs the pycld2 package: pip install 'pycld2>=0.41'"
        ) from exc
    return pycld2


def clean(text: str) -> str:
    """Return the text with the characters CLD2 refuses replaced by spaces."""
    return _REFUSED.sub(" ", text)


def detect(cld2: Any, text: str) -> tuple[bool, list[Guess]]:
    """Return whether CLD2 calls its answer reliable and up to three (language, share of the
    text) guesses, largest first; ``(False, [])`` when it finds no language."""
    try:
        # Nearly every text holds nothing CLD2 refuses: try it as it is, and pay for the
        # clean-up scan only when CLD2 (or the UTF-8 encoder, for surrogates) refuses it.
        reliable, _, found = cld2.detect(text, isPlainText=True)
    except (cld2.error, UnicodeEncodeError):
        try:
            reliable, _, found = cld2.detect(clean(text), isPlainText=True)
        except cld2.error:
            return False, []
    guesses = [(CODES.get(code, code), percent / 100) for _, code, percent, _ in found]
    return bool(reliable), [(code, share) for code, share in guesses if code != UNKNOWN]


def first_guess(text: str) -> str:
    """Return the language CLD2 guesses first for a text, reliable or not (``UNKNOWN`` for an
    empty text or none found)."""
    found = detect(import_cld2(), text)[1] if text else []
    return found[0][0] if found else UNKNOWN
