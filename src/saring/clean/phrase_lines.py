"""Removal of related-link, footer, share and advert lines found by phrase lists.

The phrase lists are data, not code: ``saring/data/phrases/<lang>.toml``, one table per kind
of line. After case-folding and dropping leading bullets and brackets, a line is removed
when it *is* one of the ``lines``, or when it is short and starts with one of the
``prefixes`` (then a non-letter), or with one of the ``labels`` followed by a separator
(``:``, ``|``, ``-``, ``»``, ``>``) or nothing. Labels are for short words that also begin
ordinary sentences ("Watch: …" but not "Watch out …"). ``patterns`` are regular expressions
that must match the whole line (case-folded, spacing folded, brackets kept), for shapes such
as editors' initials ("(ant)", "( res / res )"). Users can add a file of their own in the
same format (``extra_file``).
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

from saring.clean.lines import record_removed, remove_lines
from saring.document import Document
from saring.errors import ConfigError
from saring.stats import StepStats
from saring.step import Transform

KINDS = ("related_link", "footer", "share", "advert", "credit")
"""Kinds of line a phrase file may list; each is counted as ``clean/<kind>``."""
FIELDS = ("prefixes", "labels", "lines", "patterns")
"""Keys of a kind's table: phrases a line starts with, labels before a separator, whole lines,
whole-line regular expressions."""
_LEAD = re.compile(r"^[\W_]+")
# Trailing non-word characters are found by matching ``_LEAD`` on the reversed line: an
# unanchored ``[\W_]+$`` retries at every position of a long non-word run and takes time
# quadratic in its length ("a" + "." * 50_000 + "a" took 30 s).


def available_languages() -> list[str]:
    """Return the languages that ship a phrase list."""
    folder = resources.files("saring").joinpath("data", "phrases")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def _load(text: str, where: str) -> dict[str, Any]:
    """Return a phrase file's tables by kind; raise ``ConfigError`` for anything malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    unknown = set(data) - set(KINDS)
    if unknown:
        raise ConfigError(f"{where}: unknown line kind(s) {sorted(unknown)}; kinds: {list(KINDS)}")
    for kind, table in data.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: {kind} must be a table with keys {list(FIELDS)}")
        for name, phrases in table.items():
            if name not in FIELDS:
                raise ConfigError(f"{where}: {kind} has unknown key {name!r}; keys: {list(FIELDS)}")
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise ConfigError(f"{where}: {kind}.{name} must be a list of strings")
        for pattern in table.get("patterns", []):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(
                    f"{where}: {kind}.patterns: bad pattern {pattern!r}: {exc}"
                ) from exc
    return data


class RemovePhraseLines(Transform):
    """Returns the text without lines matched by the phrase lists of ``languages``: related
    links ("Baca juga: …"), site footers, share bars and advert markers. Lines longer than
    ``max_chars`` are never removed by a prefix, so a paragraph that happens to begin with
    a listed phrase stays. With ``record_lines`` each removed line is also kept in the
    document's ``removed_lines`` metadata with its reason."""

    line_reasons = tuple(f"clean/{kind}" for kind in KINDS)

    def __init__(
        self,
        languages: tuple[str, ...] = ("id", "ms", "en"),
        max_chars: int = 250,
        extra_file: str | None = None,
        record_lines: bool = False,
    ) -> None:
        self.languages = languages
        self.max_chars = max_chars
        self.extra_file = extra_file
        self.record_lines = record_lines

    def validate(self) -> None:
        super().validate()
        if self.max_chars <= 0:
            raise ConfigError(
                f"RemovePhraseLines.max_chars must be positive, not {self.max_chars!r}"
            )
        self.setup()  # unknown languages, an unreadable or malformed extra_file
        for name in [n for n in vars(self) if n.startswith("_")]:
            delattr(self, name)  # workers compile the lists again

    def setup(self) -> None:
        prefixes: dict[str, set[str]] = {kind: set() for kind in KINDS}
        labels: dict[str, set[str]] = {kind: set() for kind in KINDS}
        patterns: dict[str, list[str]] = {kind: [] for kind in KINDS}
        whole: dict[str, str] = {}
        sources = []
        known = available_languages()
        if isinstance(self.languages, str):
            raise ConfigError(
                f"languages must be a list such as [{self.languages!r}], not a string"
            )
        for lang in self.languages:
            if lang not in known:
                raise ConfigError(f"no phrase list for language {lang!r}; available: {known}")
            path = resources.files("saring").joinpath("data", "phrases", f"{lang}.toml")
            sources.append((path.read_text(encoding="utf-8"), f"phrases/{lang}.toml"))
        if self.extra_file:
            try:
                with open(self.extra_file, encoding="utf-8") as extra:
                    sources.append((extra.read(), self.extra_file))
            except OSError as exc:
                raise ConfigError(
                    f"cannot read phrase file {self.extra_file!r}: {exc.strerror}"
                ) from exc
        for text, where in sources:
            for kind, table in _load(text, where).items():
                prefixes[kind].update(_normal(p) for p in table.get("prefixes", []))
                labels[kind].update(_normal(p) for p in table.get("labels", []))
                patterns[kind].extend(table.get("patterns", []))
                whole.update({_line_key(line): kind for line in table.get("lines", [])})
        self._whole = whole
        self._pattern = {
            kind: re.compile("|".join(f"(?:{p})" for p in found))
            for kind, found in patterns.items()
            if found
        }
        self._prefix = {}
        for kind in KINDS:
            branches = []
            if prefixes[kind]:
                branches.append(f"(?:{_alternation(prefixes[kind])})(?!\\w)")
            if labels[kind]:
                branches.append(f"(?:{_alternation(labels[kind])})\\s*(?:[:|\\-–—»>]|$)")
            if branches:
                self._prefix[kind] = re.compile("^(?:" + "|".join(branches) + ")")

    def kind_of(self, line: str) -> str | None:
        """Return the kind of boilerplate a line is, or ``None``."""
        if not hasattr(self, "_whole"):
            self.setup()
        key = _normal(line)
        if not key:
            return None
        kind = self._whole.get(_strip_trail(key))
        if kind is not None:
            return kind
        if len(line) <= self.max_chars:
            for kind, pattern in self._prefix.items():
                if pattern.match(key):
                    return kind
            folded = " ".join(line.casefold().split())
            for kind, pattern in self._pattern.items():
                if pattern.fullmatch(folded):
                    return kind
        return None

    def transform(self, doc: Document, stats: StepStats) -> Document:
        def reason(index: int, lines: list[str]) -> str | None:
            kind = self.kind_of(lines[index])
            return None if kind is None else f"clean/{kind}"

        removed: list[dict[str, Any]] | None = [] if self.record_lines else None
        doc.text = remove_lines(doc.text, reason, stats, removed)
        if removed:
            record_removed(doc, removed)
        return doc

    def __getstate__(self) -> dict[str, Any]:
        # Ship parameters only; each worker compiles the lists again in setup().
        return {name: getattr(self, name) for name in self.param_names()}


def _normal(line: str) -> str:
    return _LEAD.sub("", " ".join(line.casefold().split()))


def _alternation(phrases: set[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


def _strip_trail(text: str) -> str:
    """Return the text without trailing non-word characters, in time linear in its length."""
    found = _LEAD.match(text[::-1])
    return text[: len(text) - found.end()] if found else text


def _line_key(line: str) -> str:
    return _strip_trail(_normal(line))
