"""Language identification: CLD2 names the language; for the languages of the Malay
archipelago, which CLD2 and its peers confuse (Malay read as Indonesian, Minangkabau not
known at all), saring's own model decides among Indonesian, Malay, Javanese, Sundanese,
Minangkabau and English.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from typing import Any

from saring import meta
from saring.document import Document
from saring.errors import ConfigError
from saring.lang.cld2 import UNKNOWN, Guess, detect, import_cld2
from saring.lang.model import NaiveBayes
from saring.lang.model_io import load
from saring.step import Annotator

LEVELS = ("document", "paragraph")
"""Values of ``LanguageID.level``."""
_LETTER = re.compile(r"[^\W\d_]")


class LanguageID(Annotator):
    """Writes ``lang`` (ISO 639-1 code, ``min`` for Minangkabau, ``und`` when undetermined)
    and ``lang_score`` (0–1) and the runner-up under ``meta.LANG_SECOND``.

    CLD2 (``pycld2``) names the language first. When it names Indonesian, Malay, Javanese or
    Sundanese, finds no language, or names English next to one of those, the archipelago
    model (``saring/data/lid/``, trained by ``scripts/train_lid.py``) decides among its
    languages and gives a calibrated probability; otherwise CLD2's answer stands, scored by
    the share of the text CLD2 gave that language. Text with fewer than ``min_chars``
    letters gets ``und`` with score 0. CLD2 reads all of a text; the model reads it stretch
    by stretch up to its ``max_chars`` and stops as soon as one language leads decisively, and
    leaves out English words inside text of another language (settings of the model file;
    see ``saring.lang.model.NaiveBayes``).

    With ``level="paragraph"`` each non-empty line is identified too, and the document gets
    ``meta.LANG_SHARES`` (language → share of the identified lines' characters) and
    ``meta.LANG_MIXED`` (true when two or more languages each hold at least
    ``mixed_share``); ``lang`` stays the whole document's.
    """

    def __init__(
        self,
        level: str = "document",
        min_chars: int = 10,
        mixed_share: float = 0.2,
        model_file: str | None = None,
    ) -> None:
        self.level = level
        self.min_chars = min_chars
        self.mixed_share = mixed_share
        self.model_file = model_file

    def setup(self) -> None:
        if self.level not in LEVELS:
            raise ConfigError(f"LanguageID level must be one of {list(LEVELS)}, not {self.level!r}")
        self._cld2 = import_cld2()
        self._model: NaiveBayes = load(self.model_file)
        self._family = frozenset(self._model.langs) - {"en"}

    def guesses(self, text: str) -> list[Guess]:
        """Return up to two (language, score) guesses for a text, best first; empty when the
        text is too short or no language could be told."""
        if not hasattr(self, "_model"):
            self.setup()
        if sum(1 for _ in islice(_LETTER.finditer(text), self.min_chars)) < self.min_chars:
            return []
        _, base = detect(self._cld2, text)
        codes = {code for code, _ in base}
        top = base[0][0] if base else UNKNOWN
        if top in self._family or not base or (top == "en" and codes & self._family):
            found = self._model.probabilities(text)
            if found:
                return [(lang, round(p, 4)) for lang, p in found[:2]]
        return [(lang, round(share, 4)) for lang, share in base[:2]]

    def annotate(self, doc: Document) -> None:
        found = self.guesses(doc.text)
        doc.lang, doc.lang_score = found[0] if found else (UNKNOWN, 0.0)
        if len(found) > 1:
            doc.metadata[meta.LANG_SECOND] = {"lang": found[1][0], "score": found[1][1]}
        if self.level == "paragraph":
            shares = self.shares(doc.text)
            doc.metadata[meta.LANG_SHARES] = shares
            doc.metadata[meta.LANG_MIXED] = (
                sum(share >= self.mixed_share for share in shares.values()) >= 2
            )

    def shares(self, text: str) -> dict[str, float]:
        """Return each language's share of the characters of a text's identified lines,
        largest first (lines too short to identify count for none)."""
        sizes: Counter[str] = Counter()
        for line in text.split("\n"):
            found = self.guesses(line)
            if found:
                sizes[found[0][0]] += len(line.strip())
        total = sum(sizes.values())
        return {lang: round(size / total, 4) for lang, size in sizes.most_common()}

    def __getstate__(self) -> dict[str, Any]:
        # Ship parameters only; each worker loads CLD2 and the model again in setup().
        return {name: getattr(self, name) for name in self.param_names()}
