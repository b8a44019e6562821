"""Per-language parameters of the quality filters: stop words and thresholds.

The defaults below are the papers' (Gopher: Rae et al. 2021, appendix A.1.1 and table A1;
C4: Raffel et al. 2020, section 2.2, and TFDS ``c4_utils``; FineWeb: Penedo et al. 2024).
A language's file ``saring/data/quality/<lang>.toml`` overrides some of them: its
``stop_words``, ``aliases`` (other codes that name it, such as ``ind``) and tables
``[gopher_quality]``, ``[gopher_repetition]``, ``[c4]`` and ``[fineweb]`` whose keys are the
field names of ``QualityProfile``. A language without a file gets the defaults and no stop
words, so the stop-word rule is skipped for it rather than judged with another language's
words.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from saring.errors import ConfigError

NGramLimits = tuple[tuple[int, float], ...]
"""Pairs of (n, largest allowed character fraction)."""

C4_POLICY_PHRASES = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
"""Lines holding one of these are removed by C4 (TFDS ``c4_utils``); every language gets them."""


@dataclass(frozen=True)
class QualityProfile:
    """Thresholds and word lists of the quality filters for one language."""

    lang: str
    stop_words: frozenset[str] = frozenset()
    # Gopher quality (Rae et al. 2021, A.1.1).
    min_words: int = 50
    max_words: int = 100_000
    min_mean_word_length: float = 3.0
    max_mean_word_length: float = 10.0
    max_symbol_ratio: float = 0.1
    max_bullet_lines: float = 0.9
    max_ellipsis_lines: float = 0.3
    min_alpha_words: float = 0.8
    min_stop_words: int = 2
    # Gopher repetition (Rae et al. 2021, table A1).
    max_dup_lines: float = 0.3
    max_dup_paragraphs: float = 0.3
    max_dup_line_chars: float = 0.2
    max_dup_paragraph_chars: float = 0.2
    top_ngrams: NGramLimits = ((2, 0.2), (3, 0.18), (4, 0.16))
    dup_ngrams: NGramLimits = ((5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.1))
    # C4 (Raffel et al. 2020; TFDS c4_utils).
    min_sentences: int = 5
    min_line_words: int = 3
    max_word_chars: int = 1000
    policy_phrases: tuple[str, ...] = C4_POLICY_PHRASES
    # FineWeb (Penedo et al. 2024).
    min_line_punct: float = 0.12
    max_short_lines: float = 0.67
    short_line_chars: int = 30
    max_char_dup: float = 0.01
    max_newline_ratio: float = 0.3


_SECTIONS = {
    "gopher_quality": (
        "min_words",
        "max_words",
        "min_mean_word_length",
        "max_mean_word_length",
        "max_symbol_ratio",
        "max_bullet_lines",
        "max_ellipsis_lines",
        "min_alpha_words",
        "min_stop_words",
    ),
    "gopher_repetition": (
        "max_dup_lines",
        "max_dup_paragraphs",
        "max_dup_line_chars",
        "max_dup_paragraph_chars",
        "top_ngrams",
        "dup_ngrams",
    ),
    "c4": ("min_sentences", "min_line_words", "max_word_chars", "policy_phrases"),
    "fineweb": (
        "min_line_punct",
        "max_short_lines",
        "short_line_chars",
        "max_char_dup",
        "max_newline_ratio",
    ),
}


def _folder() -> Any:
    return resources.files("saring").joinpath("data", "quality")


def available_languages() -> list[str]:
    """Return the languages that ship a quality profile."""
    return sorted(
        p.name.removesuffix(".toml") for p in _folder().iterdir() if p.name.endswith(".toml")
    )


def parse_profile(lang: str, text: str, where: str) -> QualityProfile:
    """Return the profile a TOML text describes; raise ``ConfigError`` for unknown keys."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    values: dict[str, Any] = {"lang": lang}
    for key, value in data.items():
        if key == "aliases":
            continue
        if key == "stop_words":
            values["stop_words"] = frozenset(w.casefold() for w in value)
        elif key in _SECTIONS and isinstance(value, dict):
            for name, item in value.items():
                if name not in _SECTIONS[key]:
                    raise ConfigError(f"{where}: [{key}] has unknown key {name!r}")
                values[name] = _convert(name, item)
        else:
            raise ConfigError(f"{where}: unknown key {key!r}")
    if "policy_phrases" in values:
        values["policy_phrases"] = C4_POLICY_PHRASES + values["policy_phrases"]
    return QualityProfile(**values)


def _convert(name: str, value: Any) -> Any:
    """Return a TOML value in the type the profile field holds (tuples, not lists)."""
    if name in ("top_ngrams", "dup_ngrams"):
        return tuple((int(n), float(frac)) for n, frac in value)
    if name == "policy_phrases":
        return tuple(str(p).casefold() for p in value)
    return value


@functools.cache
def _aliases() -> dict[str, str]:
    """Return every code and alias that names a shipped profile, mapped to its file name."""
    found: dict[str, str] = {}
    for lang in available_languages():
        data = tomllib.loads(_folder().joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
        found[lang] = lang
        for alias in data.get("aliases", []):
            found[str(alias).casefold()] = lang
    return found


@functools.cache
def profile(lang: str | None) -> QualityProfile:
    """Return the profile for a language code (or alias); the papers' defaults if none ships."""
    if lang is None:
        return QualityProfile(lang="default")
    name = _aliases().get(lang.casefold())
    if name is None:
        return QualityProfile(lang="default")
    text = _folder().joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return parse_profile(name, text, f"quality/{name}.toml")


def with_overrides(base: QualityProfile, overrides: dict[str, Any]) -> QualityProfile:
    """Return the profile with the given fields replaced, ignoring ``None`` values."""
    changes = {k: v for k, v in overrides.items() if v is not None}
    if "stop_words" in changes:
        changes["stop_words"] = frozenset(w.casefold() for w in changes["stop_words"])
    return dataclasses.replace(base, **changes) if changes else base


class UsesProfile:
    """Mixin for steps whose thresholds come from a language profile.

    The language is ``doc.lang`` when set, else the step's ``language`` parameter; the
    step's non-``None`` threshold parameters (``overrides()``) replace the profile's. Profiles
    are cached per language in ``_profiles`` and not pickled.
    """

    language: str

    def overrides(self) -> dict[str, Any]:
        """Return the profile fields this step's parameters replace (``None``: keep)."""
        return {}

    def profile_for(self, doc_lang: str | None) -> QualityProfile:
        """Return the thresholds that apply to a document in ``doc_lang``."""
        lang = doc_lang or self.language
        cache: dict[str, QualityProfile] | None = self.__dict__.get("_profiles")
        if cache is None:
            cache = self.__dict__["_profiles"] = {}
        found = cache.get(lang)
        if found is None:
            found = cache[lang] = with_overrides(profile(lang), self.overrides())
        return found

    def __getstate__(self) -> dict[str, Any]:
        # Ship parameters only; profiles are rebuilt from the package data on first use.
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
