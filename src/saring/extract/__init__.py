"""Main-text extraction from HTML: two engines, bounded per page, and the page's own metadata.

Where extraction happens: in the readers (``WarcReader``, ``HtmlReader``, ``JsonlReader`` with
``html_field``), not in a pipeline step. Extraction can fail — a page with no article, a
page too large, a page that makes an engine loop — and a failed page must leave the run as a
counted, kept record (``invalid/too_large``, ``invalid/extract_timeout``,
``invalid/extract_error``, ``invalid/no_content``, ``invalid/not_html`` for a binary,
JSON or feed payload declared HTML, ``invalid/encoding`` for bytes that fit no charset, and
for WARC ``invalid/payload_truncated`` for a page the crawler cut short, in ``removed/``).
Readers are where unusable input becomes such a record; a ``Transform`` may never drop a
document. So a document's text is already the extracted article, and its metadata holds the
title, publication date, author, site name, canonical URL and declared language.

Modes (``extractor=``): ``quality`` (trafilatura) and ``fast`` (resiliparse); see
``saring.extract.engines``. Bounds: ``max_html_bytes`` before extraction, ``extract_timeout``
per page in a long-lived child process (one per worker and mode), killed at the deadline
and restarted for the next page; see ``saring.extract.bounded``.
"""

from saring.extract.bounded import EXTRACT_REASONS, BoundedExtractor, Failure, shared_extractor
from saring.extract.cues import drop_cue_lines
from saring.extract.engines import ENGINES, Extraction, Mode, extract_fast, extract_quality
from saring.extract.page import (
    UndecodableError,
    binary_kind,
    decode_html,
    decode_page,
    iso_date,
    non_page_kind,
    page_metadata,
)

__all__ = [
    "ENGINES",
    "EXTRACT_REASONS",
    "BoundedExtractor",
    "Extraction",
    "Failure",
    "Mode",
    "UndecodableError",
    "binary_kind",
    "decode_html",
    "decode_page",
    "drop_cue_lines",
    "extract_fast",
    "extract_quality",
    "iso_date",
    "non_page_kind",
    "page_metadata",
    "shared_extractor",
]
