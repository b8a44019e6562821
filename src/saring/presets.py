"""Ready-made step lists for users who write no config."""

from __future__ import annotations

from collections.abc import Callable

from saring.clean import (
    NormalizeUnicode,
    NormalizeWhitespace,
    RemovePhraseLines,
    RemoveRepeatedLines,
    RemoveSiteTemplates,
)
from saring.dedup import FindCredits, NearDedup
from saring.filters import (
    FineWebQualityFilter,
    FineWebQualitySignals,
    GopherQualityFilter,
    GopherQualitySignals,
    GopherRepetitionFilter,
    GopherRepetitionSignals,
    SpamFilter,
    SpamSignals,
)
from saring.lang import LanguageID
from saring.pii import RedactPII
from saring.step import Step


def news() -> list[Step]:
    """Return the news preset: note which site a page credits; repair Unicode; drop repeated
    titles; score and drop gambling, loan and pill promotion and SEO pages (news about them
    stays) on the page as it came, related links and footers included; drop related-link and
    footer lines and each site's learned template lines; fold whitespace; redact personal
    data; tag the language; score and filter quality (Gopher, FineWeb, with the language's
    news thresholds); drop exact, same-URL and near duplicates, keeping the original; report
    mirror domains.

    Spam is decided before the lines are removed because spam injected into a site hides in
    them ("Artikel terkait: situs judi online …", "Baca juga: … Link Togel Resmi"): without
    them the page is a clean stub, dropped as too short rather than as spam. Spam's thresholds
    are the same for every language, so it needs no language tag yet.

    C4's five-sentence rule is left out: news briefs are shorter (it drops a fifth of a
    Malaysian news crawl; see benchmarks/quality.py).
    """
    return [
        FindCredits(),
        NormalizeUnicode(),
        RemoveRepeatedLines(),
        SpamSignals(),
        SpamFilter(),
        RemovePhraseLines(),
        RemoveSiteTemplates(),
        NormalizeWhitespace(),
        RedactPII(),
        LanguageID(),
        GopherQualitySignals(),
        GopherRepetitionSignals(),
        FineWebQualitySignals(),
        GopherQualityFilter(),
        GopherRepetitionFilter(),
        FineWebQualityFilter(),
        NearDedup(),
    ]


def lang() -> list[Step]:
    """Return the language-census preset: normalise text and tag its language, drop nothing."""
    return [NormalizeUnicode(), NormalizeWhitespace(), LanguageID()]


def extract() -> list[Step]:
    """Return the extraction preset: each page's text, metadata and provenance as the reader
    gives them, nothing changed and nothing dropped but pages without text (what trafilatura
    or resiliparse alone give, through saring's bounded extraction, batching and accounting)."""
    return []


PRESETS: dict[str, Callable[[], list[Step]]] = {"news": news, "lang": lang, "extract": extract}
