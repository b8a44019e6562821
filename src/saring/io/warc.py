"""WARC input (ISO 28500; Common Crawl's format): each HTML response becomes one document.

The file is cut into records by saring (``RecordSplitter``), each record checked against
its Content-Length and the ``CRLF CRLF`` that must follow its block, and each whole record
parsed by fastwarc (Resiliparse's WARC parser; HTTP headers, chunked and compressed
payloads). A ``response`` record with a 2xx HTTP status and an HTML content type
(``text/html``, ``application/xhtml+xml``, or none given and the payload starts like HTML),
or a ``resource`` record of HTML, is one page: decoded (valid UTF-8, else the HTTP charset,
else ``<meta charset>``, else detected; UTF-8 declared as another charset is counted as
``charset_mislabelled``, see ``saring.io.charset``), extracted within the reader's bounds,
and yielded with ``url`` = ``WARC-Target-URI`` and ``id`` = ``WARC-Record-ID``.

Damage loses nothing unseen. Every complete record before the damage is read; a record the
file ends inside is kept in ``removed/`` as ``invalid/truncated``; a Content-Length that does
not end at a record boundary (too short, too long, or ``10^12``) is kept as
``invalid/bad_length`` and reading resyncs to the next line starting ``WARC/1.``; bytes that
are not a record are kept as ``invalid/bad_header``. A page declared HTML whose payload is
binary is ``invalid/not_html``, one whose bytes fit no charset ``invalid/encoding``. Each
kept failure carries the record id (as ``id``), the URL and the record's size in bytes
(``raw_bytes``).

Every other record is not a document and is skipped, not written to ``removed/``: a crawl
holds a ``request`` and often a ``metadata`` record beside each response, and copying them
would bury the pages that really failed. Skipped records are counted by kind under
``skipped/<kind>`` (``request``, ``metadata``, ``warcinfo``, ``revisit``, ``conversion``,
``continuation``, ``unknown``, ``not_html``, ``http_status``) in the source's counters,
which the read stats report beside the bytes read. So every record read is in ``docs/``,
in ``removed/`` or in a ``skipped/`` counter.
"""

from __future__ import annotations

import codecs
import io
from collections import Counter
from collections.abc import Iterator
from typing import Any, ClassVar

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from saring import meta
from saring.document import Document, Dropped
from saring.extract import Extraction, UndecodableError, decode_page, non_page_kind
from saring.io.charset import MISLABELLED, mislabelled, valid_utf8
from saring.io.html import (
    EXTRACT_TIMEOUT,
    MAX_HTML_BYTES,
    PAGE_REASONS,
    ExtractingReader,
    Pending,
)
from saring.io.shards import Source
from saring.io.streams import READ_ERRORS
from saring.io.warc_records import END, LENGTH, RawRecord, RecordSplitter

HTML_TYPES = ("text/html", "application/xhtml+xml")
"""Content types read as HTML."""
WARC_REASONS = (
    "invalid/truncated",
    "invalid/bad_length",
    "invalid/bad_header",
    "invalid/payload_truncated",
)
"""Reasons a damaged record is kept in ``removed/``."""
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
HTTP_HEADROOM = 1 << 16
"""Bytes of a block held beyond ``max_html_bytes``, for the HTTP headers before the page."""


def count(source: Source, kind: str) -> None:
    """Add one to the source's ``skipped/<kind>`` counter (reported in the read stats)."""
    counters: Counter[str] | None = getattr(source, "counters", None)
    if counters is not None:
        counters[f"skipped/{kind}"] += 1


def _looks_like_html(payload: bytes) -> bool:
    """Return whether a payload without a declared type starts like an HTML page."""
    head = payload[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _cut_short(record: WarcRecord, raw: RawRecord) -> str | None:
    """Return how the crawler cut a response's payload short (``WARC-Truncated``, or an HTTP
    body shorter than its ``Content-Length``), or ``None`` if it is whole."""
    flag = record.headers.get("WARC-Truncated")
    if flag:
        return f"the crawler truncated the payload (WARC-Truncated: {flag})"
    http = record.http_headers
    if http is None:
        return None
    declared = (http.get("Content-Length") or "").strip()
    chunked = "chunked" in (http.get("Transfer-Encoding") or "").lower()
    end = raw.block.find(END)
    if not declared.isdigit() or chunked or end == -1:
        return None
    body = len(raw.block) - end - len(END)
    if body < int(declared):
        return f"the HTTP body holds {body} of the {declared} bytes its Content-Length names"
    return None


class WarcReader(ExtractingReader):
    """Reads WARC files (.warc, optionally .gz/.zst/…): each HTML response record is one page,
    whose article is kept with its title, date, author, site name, canonical URL and language.

    ``extractor`` is ``quality`` (trafilatura) or ``fast`` (resiliparse); a page over
    ``max_html_bytes`` or whose extraction runs over ``extract_timeout`` seconds is kept in
    ``removed/`` under ``invalid/too_large`` or ``invalid/extract_timeout``; damaged records
    under ``invalid/truncated``, ``invalid/bad_length`` or ``invalid/bad_header``. Records that
    are not HTML pages are skipped and counted under ``skipped/<kind>``.
    """

    extensions = (".warc",)
    drop_reasons: ClassVar[tuple[str, ...]] = (*PAGE_REASONS, *WARC_REASONS)

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
        try:
            stream = source.open()
        except READ_ERRORS as exc:
            yield self.invalid(source, 1, "invalid/file", b"", f"unreadable: {exc}", strict)
            return
        with stream:
            splitter = RecordSplitter(stream, self.max_html_bytes + HTTP_HEADROOM)
            last: list[tuple[int, RawRecord]] = []

            def items() -> Iterator[Document | Dropped | Pending | None]:
                for number, raw in enumerate(splitter, start=1):
                    last[:] = [(number, raw)]
                    yield self._item(raw, source, number, strict)

            yield from self.pipelined(items(), strict)
        position, final = last[0] if last else (0, None)
        damage = splitter.damage
        if damage is not None and (final is None or final.reason != "invalid/truncated"):
            # Nothing of the next record could be decompressed: a cut file ends in a partial
            # compressed member (EOFError); anything else is a damaged stream.
            cut = isinstance(damage, EOFError)
            reason = "invalid/truncated" if cut else "invalid/file"
            detail = f"{'cut' if cut else 'unreadable'} after {position} records: {damage}"
            yield self.invalid(source, position + 1, reason, b"", detail, strict)

    def _item(
        self, raw: RawRecord, source: Source, position: int, strict: bool
    ) -> Document | Dropped | Pending | None:
        """Return the record's page waiting for extraction, its kept failure, or ``None`` for
        a skipped record."""
        if raw.reason is not None:
            text = (raw.header + raw.block)[: self.max_html_bytes]
            return self._damaged(raw, source, position, raw.reason, text, raw.detail, strict)
        kind = (raw.field("WARC-Type") or "").lower()
        if kind not in ("response", "resource"):
            # Requests, metadata and the rest are counted from their header, never parsed.
            count(source, kind if kind in SKIP_KINDS else "unknown")
            return None
        header = raw.header
        if len(raw.block) < raw.size - len(raw.header) - len(END):
            # A block over what is held: parsed from its first bytes (it is too large anyway).
            header = LENGTH.sub(b"Content-Length: %d" % len(raw.block), header, count=1)
        records = ArchiveIterator(
            io.BytesIO(header + raw.block + END), parse_http=True, auto_decode="all"
        )
        record = next(iter(records), None)
        if record is None:
            detail = "fastwarc could not parse the record"
            text = (raw.header + raw.block)[: self.max_html_bytes]
            return self._damaged(raw, source, position, "invalid/bad_header", text, detail, strict)
        return self._page(record, raw, source, position, strict)

    def _damaged(
        self,
        raw: RawRecord,
        source: Source,
        position: int,
        reason: str,
        text: bytes | str,
        detail: str,
        strict: bool,
    ) -> Dropped:
        """Return a kept record of a damaged or unusable WARC record, with its id, URL and size."""
        dropped = self.invalid(source, position, reason, text, detail, strict)
        record_id = (raw.field("WARC-Record-ID") or "").strip("<>")
        if record_id:
            dropped.doc.id = record_id
        url = raw.field("WARC-Target-URI")
        if url:
            dropped.doc.url = url
            dropped.doc.__post_init__()
        dropped.doc.metadata[meta.RAW_BYTES] = raw.size
        return dropped

    def _page(
        self, record: WarcRecord, raw: RawRecord, source: Source, position: int, strict: bool
    ) -> Document | Dropped | Pending | None:
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
        cut = len(raw.block) < raw.size - len(raw.header) - len(END)
        payload = record.reader.read(self.max_html_bytes + 1)
        html_type = content_type in HTML_TYPES if content_type else _looks_like_html(payload)
        if not html_type:
            count(source, "not_html")
            return None
        record_id = (record.record_id or "").strip("<>") or f"{source.name}:{position}"
        metadata: dict[str, Any] = {
            meta.SOURCE_FILE: source.name,
            meta.SOURCE_LINE: position,
            meta.FETCH_DATE: record.record_date.isoformat(),
        }
        too_large = cut or len(payload) > self.max_html_bytes
        short = None if too_large else _cut_short(record, raw)
        if short is not None:
            text = payload[: self.max_html_bytes]
            return self._damaged(
                raw, source, position, "invalid/payload_truncated", text, short, strict
            )
        problem = None if too_large else non_page_kind(payload)
        encoding = "utf-8"
        body = b""
        if too_large:
            # Too large: only cut to be kept in removed/, with whatever encoding it has.
            html = payload[: self.max_html_bytes].decode("utf-8", "replace")
        elif problem is not None:
            return self._damaged(
                raw, source, position, "invalid/not_html", payload[:4096], problem, strict
            )
        elif valid_utf8(payload):
            # As decode_page reads it, but the text is decoded only if the page fails.
            html, body = None, payload.removeprefix(codecs.BOM_UTF8)
            if mislabelled(payload, encoding, charset):
                source.counters[MISLABELLED] += 1
        else:
            try:
                html, encoding, body = decode_page(payload, charset, strict=True)
                if mislabelled(payload, encoding, charset):
                    source.counters[MISLABELLED] += 1
            except UndecodableError as exc:
                detail = f"wrong charset: {exc}"
                text = payload[: self.max_html_bytes]
                return self._damaged(
                    raw, source, position, "invalid/encoding", text, detail, strict
                )
        size = raw.size if cut else len(payload)

        def done(result: Extraction | Dropped) -> Document | Dropped:
            if isinstance(result, Dropped):
                result.doc.id = record_id
                result.doc.metadata.update(metadata)
                result.doc.metadata[meta.RAW_BYTES] = raw.size
                return result
            metadata[meta.ENCODING] = encoding
            return Document(
                id=record_id, text=result.text, url=url, metadata={**metadata, **result.metadata}
            )

        return self.pending((html, body), url, source, position, strict, size, done)
