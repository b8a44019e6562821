"""Per-language profiles of the quality filters: stop words and one thresholds dataclass per
family (``saring.filters.thresholds``).

A language's file ``saring/data/quality/<lang>.toml`` holds its ``stop_words``, its
``aliases`` (other codes that name it, such as ``ind``), its extra C4 ``policy_phrases``, and
one table of thresholds per named profile and family: ``[news.gopher_repetition]`` is what the
news preset uses (the default), ``[fineweb2.gopher_repetition]`` FineWeb-2's published
per-language values. Keys a table leaves out take the papers' defaults; the profile
``papers`` is those defaults alone. A language without a file gets ``_default.toml``'s
tables (the papers' values with some of the news profile's rule changes) and no stop
words, so the stop-word rule is skipped for it rather than judged with another language's
words.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, ClassVar

from saring.errors import ConfigError
from saring.filters.thresholds import (
    C4_POLICY_PHRASES,
    FAMILIES,
    C4Thresholds,
    FineWebThresholds,
    GopherQualityThresholds,
    GopherRepetitionThresholds,
    SpamThresholds,
    convert,
    field_names,
)

PROFILES = ("news", "fineweb2", "papers")
"""Named threshold profiles: news-preset defaults, FineWeb-2's values, the papers' own."""


@dataclass(frozen=True)
class QualityProfile:
    """Stop words and thresholds of the quality filters for one language and profile."""

    lang: str
    name: str = "papers"
    stop_words: frozenset[str] = frozenset()
    gopher_quality: GopherQualityThresholds = field(default_factory=GopherQualityThresholds)
    gopher_repetition: GopherRepetitionThresholds = field(
        default_factory=GopherRepetitionThresholds
    )
    c4: C4Thresholds = field(default_factory=C4Thresholds)
    fineweb: FineWebThresholds = field(default_factory=FineWebThresholds)
    spam: SpamThresholds = field(default_factory=SpamThresholds)


def _folder() -> Any:
    return resources.files("saring").joinpath("data", "quality")


DEFAULT_FILE = "_default.toml"
"""The profile of a language without its own file (its ``lang`` is ``default``)."""


def available_languages() -> list[str]:
    """Return the languages that ship a quality profile."""
    return sorted(
        p.name.removesuffix(".toml")
        for p in _folder().iterdir()
        if p.name.endswith(".toml") and not p.name.startswith("_")
    )


def _family(family: str, table: Any, base: Any, where: str) -> Any:
    """Return ``base`` with a TOML table's thresholds; raise ``ConfigError`` for unknown keys."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [{family}] must be a table")
    known = field_names(FAMILIES[family])
    for name in table:
        if name not in known:
            raise ConfigError(f"{where}: [{family}] has unknown key {name!r}")
    return dataclasses.replace(base, **{k: convert(k, v) for k, v in table.items()})


def parse_profile(lang: str, text: str, where: str, name: str = "news") -> QualityProfile:
    """Return the named profile a TOML text describes; raise ``ConfigError`` for unknown keys."""
    if name not in PROFILES:
        raise ConfigError(f"unknown quality profile {name!r} (one of {', '.join(PROFILES)})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    phrases = C4_POLICY_PHRASES
    families: dict[str, Any] = {family: cls() for family, cls in FAMILIES.items()}
    for key, value in data.items():
        if key in ("aliases", "stop_words"):
            continue
        if key == "policy_phrases":
            phrases = C4_POLICY_PHRASES + convert(key, value)
        elif key in PROFILES and isinstance(value, dict):
            for family, table in value.items():
                if family not in FAMILIES:
                    raise ConfigError(f"{where}: unknown table [{key}.{family}]")
                if key == name:
                    families[family] = _family(family, table, families[family], where)
        else:
            raise ConfigError(f"{where}: unknown key {key!r}")
    families["c4"] = dataclasses.replace(families["c4"], policy_phrases=phrases)
    stop_words = frozenset(w.casefold() for w in data.get("stop_words", ()))
    return QualityProfile(lang=lang, name=name, stop_words=stop_words, **families)


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
def profile(lang: str | None, name: str = "news") -> QualityProfile:
    """Return a language's (or alias's) named profile; ``_default.toml``'s if none ships."""
    if name not in PROFILES:
        raise ConfigError(f"unknown quality profile {name!r} (one of {', '.join(PROFILES)})")
    found = _aliases().get(lang.casefold()) if lang else None
    where = f"{found}.toml" if found else DEFAULT_FILE
    text = _folder().joinpath(where).read_text(encoding="utf-8")
    return parse_profile(found or "default", text, f"quality/{where}", name)


class UsesProfile:
    """Mixin for steps whose thresholds come from a language profile.

    ``family`` names the step's thresholds dataclass; the step's parameters named like its
    fields replace the profile's values when not ``None`` (the generic ``overrides``), and a
    ``stop_words`` parameter replaces the language's stop words. The language is
    ``doc.lang`` when set, else the step's ``language``; the profile is the step's
    ``profile`` parameter. Resolved thresholds are cached per language in ``_profiles`` and
    not pickled.
    """

    family: ClassVar[str]
    language: str
    profile: str

    def overrides(self) -> dict[str, Any]:
        """Return the thresholds this step's parameters replace (``None`` values left out)."""
        names = field_names(FAMILIES[self.family])
        return {n: v for n in names if (v := getattr(self, n, None)) is not None}

    def profile_for(self, doc_lang: str | None) -> QualityProfile:
        """Return the profile that applies to a document in ``doc_lang``, with overrides."""
        lang = doc_lang or self.language
        cache: dict[str, QualityProfile] | None = self.__dict__.get("_profiles")
        if cache is None:
            cache = self.__dict__["_profiles"] = {}
        found = cache.get(lang)
        if found is None:
            found = profile(lang, getattr(self, "profile", "news"))
            changes = self.overrides()
            if changes:
                family = dataclasses.replace(getattr(found, self.family), **changes)
                found = dataclasses.replace(found, **{self.family: family})
            stop_words = getattr(self, "stop_words", None)
            if stop_words is not None:
                words = frozenset(w.casefold() for w in stop_words)
                found = dataclasses.replace(found, stop_words=words)
            cache[lang] = found
        return found

    def thresholds(self, doc_lang: str | None) -> Any:
        """Return this step's family thresholds for a document in ``doc_lang``."""
        return getattr(self.profile_for(doc_lang), self.family)

    def __getstate__(self) -> dict[str, Any]:
        # Ship parameters only; profiles are rebuilt from the package data on first use.
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
