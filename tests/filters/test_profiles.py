"""Language profiles: one thresholds dataclass per family, named profiles, limits(), and
stored signals tied to the text they were computed on."""

from __future__ import annotations

import dataclasses

import pytest

from saring import (
    C4QualityFilter,
    Document,
    FineWebQualityFilter,
    FineWebQualitySignals,
    GopherQualityFilter,
    GopherRepetitionFilter,
    SpamFilter,
)
from saring.errors import ConfigError
from saring.filters.profiles import PROFILES, available_languages, parse_profile, profile
from saring.filters.signals import text_hash
from saring.filters.thresholds import FAMILIES, field_names
from saring.meta import QUALITY, QUALITY_FINEWEB

FILTERS = [GopherQualityFilter, GopherRepetitionFilter, C4QualityFilter, FineWebQualityFilter,
    SpamFilter]  # fmt: skip
NEWS = (
    "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai pekan depan.\n\n"
    "Menteri Keuangan menyebut kenaikan itu perlu untuk menjaga anggaran negara.\n\n"
    "Sejumlah pengemudi ojek daring mengaku khawatir pendapatan mereka akan turun."
)


@pytest.mark.parametrize("cls", FILTERS, ids=lambda cls: cls.__name__)
def test_a_filters_thresholds_are_its_familys_fields(cls: type) -> None:
    # Written once: the dataclass; the filter's threshold parameters are exactly its fields.
    names = set(cls.param_names()) - {"language", "profile", "stop_words", "languages"}
    assert names == set(field_names(FAMILIES[cls.family])) - {"policy_phrases"}
    step = cls(**{names.pop(): None})
    assert step.overrides() == {}


@pytest.mark.parametrize("cls", FILTERS, ids=lambda cls: cls.__name__)
def test_limits_name_signals_with_a_side_and_a_number(cls: type) -> None:
    for lang in ("id", "ms", "en", "xx"):
        limits = cls().limits(lang)
        assert limits
        for signal, (side, value) in limits.items():
            assert side in ("min", "max"), signal
            assert isinstance(value, int | float), signal


def test_limits_follow_the_profile_and_the_parameters() -> None:
    assert GopherRepetitionFilter().limits("id")["top_ngram_3.2"] == ("max", 0.2)
    assert GopherRepetitionFilter(profile="fineweb2").limits("id")["top_ngram.2"] == ("max", 0.088)
    assert GopherRepetitionFilter(profile="fineweb2").limits("id")["dup_ngram.5"] == ("max", 0.176)
    assert GopherRepetitionFilter().limits("id")["dup_ngram_3_unrestated.5"] == ("max", 0.176)
    assert GopherRepetitionFilter().limits("id")["restated_3"] == ("max", 0.25)
    assert FineWebQualityFilter(min_line_punct=0.3).limits("ms")["line_punct_by_chars"] == (
        "min",
        0.3,
    )
    assert FineWebQualityFilter(profile="fineweb2").limits("ms")["line_punct"] == ("min", 0.25)
    assert FineWebQualityFilter().limits("id")["char_dup_3_long"] == ("max", 0.01)
    assert GopherQualityFilter().limits("id")["words"] == ("min", 50)
    assert GopherQualityFilter().limits("id")["words:max"] == ("max", 100_000)
    assert "stop_words" not in GopherQualityFilter().limits("xx")


NEW_SIGNALS = {
    "gopher_repetition": ("max_restated",),
    "fineweb": ("min_line_punct", "max_short_lines"),
}
"""Thresholds the news profile applies to signals FineWeb-2 has no limit for: restated
sentences, and (id, ms, en) the characters of prose lines rather than punctuated lines and
of short lines rather than short lines."""


def test_fineweb2_profile_keeps_the_published_values_and_news_is_never_stricter() -> None:
    fw2 = profile("id", "fineweb2")
    assert fw2.gopher_repetition.max_top_ngram == (0.088, 0.104, 0.12)
    assert fw2.fineweb.min_line_punct == 0.25
    assert profile("ms", "fineweb2").gopher_repetition.max_dup_lines == 0.375
    assert fw2.fineweb.line_weight == "lines"
    assert fw2.fineweb.char_dup_min_count == 2
    assert fw2.gopher_repetition.dup_ngram_restated
    assert fw2.gopher_repetition.max_restated == 1
    for lang in ("jv", "su"):
        # No news source to derive a prose-character limit from: FineWeb-2's line rule.
        assert profile(lang).fineweb.line_weight == "lines"
        assert (
            profile(lang).fineweb.min_line_punct == profile(lang, "fineweb2").fineweb.min_line_punct
        )
    for lang in available_languages():
        news, published = profile(lang), profile(lang, "fineweb2")
        for family in ("gopher_quality", "gopher_repetition", "fineweb"):
            for name, value in vars(getattr(news, family)).items():
                other = getattr(getattr(published, family), name)
                if name in NEW_SIGNALS.get(family, ()):
                    continue  # the news profile reads another signal or adds the rule
                if name.startswith("min_") and name != "min_lines":
                    assert value <= other, (lang, name)
                elif name.startswith("max_") and isinstance(value, tuple):
                    assert all(a >= b for a, b in zip(value, other, strict=True)), (lang, name)
                elif name.startswith("max_"):
                    assert value >= other, (lang, name)
    assert profile("id", "papers").gopher_repetition == FAMILIES["gopher_repetition"]()


def test_profile_errors_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown quality profile"):
        profile("id", "strict")
    with pytest.raises(ConfigError, match="unknown key 'max_foo'"):
        parse_profile("xx", "[news.fineweb]\nmax_foo = 1\n", "xx.toml")
    with pytest.raises(ConfigError, match="unknown table"):
        parse_profile("xx", "[news.colour]\nmax_foo = 1\n", "xx.toml")
    with pytest.raises(ConfigError, match="unknown key 'threshold'"):
        parse_profile("xx", "threshold = 1\n", "xx.toml")
    assert set(PROFILES) == {"news", "fineweb2", "papers"}


def test_a_filters_profile_parameter_picks_the_values() -> None:
    text = NEWS.replace("\n\n", "\n") + "\nTim redaksi Jakarta dan Bandung\nFoto oleh kontributor"
    doc = Document(id="d", text=text)
    # 3 of 5 lines end in punctuation: above both limits.
    assert FineWebQualityFilter().reason(doc) is None
    thresholds = FineWebQualityFilter(profile="fineweb2").thresholds("id")
    assert dataclasses.asdict(thresholds)["min_line_punct"] == 0.25


def test_stored_signals_carry_the_texts_hash_and_a_version() -> None:
    doc = Document(id="d", text=NEWS)
    FineWebQualitySignals().annotate(doc)
    stored = doc.metadata[QUALITY][QUALITY_FINEWEB]
    assert stored["text_hash"] == text_hash(NEWS)
    assert isinstance(stored["version"], int)
    stored["line_punct_by_chars"] = 0.0
    assert FineWebQualityFilter().reason(doc) == "quality/fineweb_line_punct"  # reused
    # Same length, other text (a cleaner replaced a word): computed again, not trusted.
    doc.text = NEWS.replace("depan", "lalu.")
    assert len(doc.text) == len(NEWS)
    assert FineWebQualityFilter().reason(doc) is None
    doc.text = NEWS
    stored["version"] = -1
    assert FineWebQualityFilter().reason(doc) is None
