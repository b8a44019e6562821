"""Names of the metadata keys and output columns that saring itself writes.

Every key a step writes into ``Document.metadata`` is a constant here, so a reader of the
output can find what wrote it.
"""

from typing import Final

# Columns of kept documents (``docs/``).
DOC_COLUMNS: Final = ("id", "text", "url", "domain", "lang", "lang_score", "metadata")
# Extra columns of removed documents (``removed/``).
REMOVED_COLUMNS: Final = (*DOC_COLUMNS, "reason", "duplicate_of")

# Metadata keys.
SOURCE_FILE: Final = "source_file"
"""Input file a document was read from."""
SOURCE_LINE: Final = "source_line"
"""1-based line (JSONL) or row (Parquet) of the document in its input file."""
INVALID_DETAIL: Final = "invalid_detail"
"""Why a reader could not use a record (parser message), on removed records only."""
RAW_BYTES: Final = "raw_bytes"
"""Size in bytes of the input record as stored (a WARC record or page), on removed records."""
EXTRA_FIELDS: Final = "fields"
"""Input fields other than id/text/url, kept as they were."""
QUALITY: Final = "quality"
"""Quality signals by group, ``{group: {signal: value}}``: the groups are the five below;
each group's dict also holds ``chars`` (text length when computed) and, where the language
matters, ``lang`` (see ``saring.filters.signals``)."""
QUALITY_GOPHER: Final = "gopher_quality"
"""Group of ``QUALITY``: Gopher quality signals (``GopherQualitySignals``)."""
QUALITY_REPETITION: Final = "gopher_repetition"
"""Group of ``QUALITY``: Gopher repetition signals (``GopherRepetitionSignals``)."""
QUALITY_C4: Final = "c4"
"""Group of ``QUALITY``: C4 document signals (``C4QualitySignals``)."""
QUALITY_FINEWEB: Final = "fineweb"
"""Group of ``QUALITY``: FineWeb line ratios (``FineWebQualitySignals``)."""
QUALITY_SPAM: Final = "spam"
"""Group of ``QUALITY``: spam vocabulary densities and URL evidence (``SpamSignals``)."""
REMOVED_LINES: Final = "removed_lines"
"""Lines a step removed, as ``{"reason": ..., "line": ...}`` (when the step is asked to record)."""

# Language identification (``LanguageID``); the language itself is the ``lang`` column.
LANG_SECOND: Final = "lang_second"
"""Runner-up language of the document, as ``{"lang": code, "score": 0..1}``."""
LANG_SHARES: Final = "lang_shares"
"""Paragraph level: language → share of the characters of the identified lines."""
LANG_MIXED: Final = "lang_mixed"
"""Paragraph level: true when two or more languages each hold at least ``mixed_share``."""

# Page metadata kept by the HTML and WARC readers (``saring.extract``).
TITLE: Final = "title"
"""Headline of the page: og:title, the extractor's title or <title>."""
PUBLISHED: Final = "published"
"""Publication date declared by the page, ISO 8601 (a date, or a date and time with offset)."""
AUTHOR: Final = "author"
"""Author or byline declared by the page."""
SITE_NAME: Final = "site_name"
"""Name of the publishing site (og:site_name or the extractor's guess)."""
CANONICAL_URL: Final = "canonical_url"
"""URL the page names as its own: <link rel=canonical>, else og:url; may point at another site."""
PAGE_LANG: Final = "page_lang"
"""Language the page declares (<html lang>, og:locale, content-language), as written there."""
FETCH_DATE: Final = "fetch_date"
"""When the crawler fetched the page (WARC-Date), ISO 8601."""
ENCODING: Final = "encoding"
"""Character encoding the page's bytes were decoded with."""
EXTRACTOR: Final = "extractor"
"""Extraction mode that produced the text (``quality`` or ``fast``)."""

# Deduplication and mirror detection (``saring.dedup``).
CLUSTER_ID: Final = "cluster_id"
"""Duplicate cluster of a document: the id of the copy that was kept."""
CLUSTER_SIZE: Final = "cluster_size"
"""On a kept document: how many documents its duplicate cluster holds, itself included."""
CREDITED_DOMAINS: Final = "credited_domains"
"""Other sites a page names as its source or channel ("ikuti ... mediaindonesia.com")."""
DEDUP_WORK: Final = "_dedup"
"""Working data of near-duplicate detection between its stages; removed before output."""
DEDUP_INDEX: Final = "dedup_index"
"""On kept documents when ``NearDedup(save_index=True)``: what a later run needs to dedupe
against them without reading their text again (signature, fingerprint, length, date)."""
