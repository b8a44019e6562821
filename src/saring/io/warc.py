"""WARC input (ISO 28500; Common Crawl's format): each HTML response becomes one document.

Records are parsed by fastwarc (Resiliparse's WARC parser). A ``response`` record with a 2xx
HTTP status and an HTML content type (``text/html``, ``application/xhtml+xml``, or none given
and the payload starts like HTML), or a ``resource`` record of HTML, is one page: decoded
(valid UTF-8, else the HTTP charset, else ``<meta charset>``, else detected), extracted
within the reader's bounds, and yielded with ``url`` = ``WARC-Target-URI`` and ``id`` =
``WARC-Record-ID``.

Every other record is not a document and is skipped, not written to ``removed/``: a crawl
holds a ``request`` and often a ``metadata`` record beside each response, and copying them
would bury the pages that really failed. Skipped records are counted by kind under
``skipped/<kind>`` (``request``, ``metadata``, ``warcinfo``, ``revisit``, ``conversion``,
``continuation``, ``unknown``, ``not_html``, ``http_status``) in the source's counters,
which the read stats report beside the bytes read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from saring import meta
from saring.document import Document, Dropped
from saring.extract import decode_html
from saring.io.base import READ_ERRORS, Source
from saring.io.html import EXTRACT_TIMEOUT, MAX_HTML_BYTES, ExtractingReader

HTML_TYPES = ("text/html", "application/xhtml+xml")
"""Content types read as HTML."""
_TYPE_NAMES: dict[int, str] = {
    int(WarcRecordType.warcinfo): "warcinfo",
    int(WarcRecordType.request): "request",
    int(WarcRecordType.metadata): "metadata",
    int(WarcRecordType.revisit): "revisit",
    int(WarcRecordType.conversion): "conversion",
    int(WarcRecordType.continuation): "continuation",
}
_PAGE_TYPES = (int(WarcRecordType.response), int(WarcRecordType.resource))
SKIP_KINDS = (*_TYPE_NAMES.values(), "unknown", "not_html", "http_status")
"""Kinds of skipped record, each counted as ``skipped/<kind>``."""


def count(source: Source, kind: str) -> None:
    """Add one to the source's ``skipped/<kind>`` counter (reported in the read stats)."""
    counters: Counter[str] | None = getattr(source, "counters", None)
    if counters is not None:
        counters[f"skipped/{kind}"] += 1


def _looks_like_html(payload: bytes) -> bool:
    """Return whether a payload without a declared type starts like an HTML page."""
    head = payload[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


class WarcReader(ExtractingReader):
    """Reads WARC files (.warc, optionally .gz/.zst/…): each HTML response record is one page,
    whose article is kept with its title, date, author, site name, canonical URL and language.

    ``extractor`` is ``quality`` (trafilatura) or ``fast`` (resiliparse); a page over
    ``max_html_bytes`` or whose extraction runs over ``extract_timeout`` seconds is kept in
    ``removed/`` under ``invalid/too_large`` or ``invalid/extract_timeout``. Records that are
    not HTML pages are skipped and counted under ``skipped/<kind>``.
    """

    extensions = (".warc",)

    def __init__(
        self,
        paths: list[str],
        extractor: str = "quality",
        max_html_bytes: int = MAX_HTML_BYTES,
        extract_timeout: float = EXTRACT_TIMEOUT,
        max_chars: int = 5_000_000,
    ) -> None:
        self.paths = paths
        self.extractor = extractor
        self.max_html_bytes = max_html_bytes
        self.extract_timeout = extract_timeout
        self.max_chars = max_chars

    def read(self, source: Source, strict: bool = False) -> Iterator[Document | Dropped]:
        position = 0
        try:
            with source.open() as stream:
                records = ArchiveIterator(stream, parse_http=True, auto_decode="all")
                for position, record in enumerate(records, start=1):
                    item = self._page(record, source, position, strict)
                    if item is not None:
                        yield item
        except READ_ERRORS as exc:
            yield self.invalid(
                source, position + 1, "invalid/file", b"", f"unreadable from here on: {exc}", strict
            )

    def _page(
        self, record: WarcRecord, source: Source, position: int, strict: bool
    ) -> Document | Dropped | None:
        """Return the record's document, its kept failure, or ``None`` for a skipped record."""
        kind = int(record.record_type)
        if kind not in _PAGE_TYPES:
            count(source, _TYPE_NAMES.get(kind, "unknown"))
            return None
        url = record.headers.get("WARC-Target-URI")
        charset: str | None = None
        if kind == int(WarcRecordType.response):
            status = record.http_headers.status_code if record.http_headers else None
            if status is None or not 200 <= status < 300:
                count(source, "http_status" if status is not None else "not_html")
                return None
            content_type = record.http_content_type
            charset = record.http_charset
        else:
            declared = record.headers.get("Content-Type") or ""
            content_type = declared.split(";")[0].strip().lower() or None
        payload = record.reader.read(self.max_html_bytes + 1)
        html_type = content_type in HTML_TYPES if content_type else _looks_like_html(payload)
        if not html_type:
            count(source, "not_html")
            return None
        record_id = (record.record_id or "").strip("<>") or f"{source.name}:{position}"
        metadata = {
            meta.SOURCE_FILE: source.name,
            meta.SOURCE_LINE: position,
            meta.FETCH_DATE: record.record_date.isoformat(),
        }
        if len(payload) > self.max_html_bytes:
            # Too large: only cut to be kept in removed/, with whatever encoding it has.
            html, encoding = payload[: self.max_html_bytes].decode("utf-8", "replace"), "utf-8"
        else:
            html, encoding = decode_html(payload, charset)
        result = self.extracted(html, url, source, position, strict, len(payload))
        if isinstance(result, Dropped):
            result.doc.id = record_id
            result.doc.metadata.update(metadata)
            return result
        metadata[meta.ENCODING] = encoding
        return Document(
            id=record_id, text=result.text, url=url, metadata={**metadata, **result.metadata}
        )
