"""HTML input: one page per .html/.htm file, and what every reader of HTML shares.

A reader of HTML yields documents whose text is the page's extracted article and whose
metadata holds what the page declares (title, publication date, author, site name, canonical
URL, language); see ``saring.extract`` for why extraction happens in readers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from saring import meta
from saring.document import Document, Dropped
from saring.errors import ConfigError
from saring.extract import (
    ENGINES,
    EXTRACT_REASONS,
    BoundedExtractor,
    Extraction,
    Failure,
    UndecodableError,
    decode_html,
    non_page_kind,
    shared_extractor,
)
from saring.io.base import INVALID_REASONS, Reader
from saring.io.charset import MISLABELLED, mislabelled
from saring.io.shards import Source
from saring.io.streams import READ_ERRORS, split_compression

MAX_HTML_BYTES = 3_000_000
"""Default size bound of one page: twice the largest page of the article-extraction benchmark."""
EXTRACT_TIMEOUT = 20.0
"""Default time bound of one page's extraction, in seconds."""
COUNT_BOUND = 64
"""An oversize file's bytes are counted up to this many times ``max_html_bytes``."""
PAGE_REASONS = (*INVALID_REASONS, *EXTRACT_REASONS, "invalid/not_html")
"""Reasons a page read as HTML is kept in ``removed/``."""


Outcome = Callable[[Extraction | Dropped], Document | Dropped]
"""What a reader makes of a page's extraction, or of the kept record saying why it has none."""


@dataclass(slots=True)
class Pending:
    """A page waiting for its extraction: the HTML to send (UTF-8), its URL, and what to make
    of the answer."""

    body: bytes
    url: str | None
    finish: Callable[[Extraction | Failure], Document | Dropped]


WINDOW_PAGES = 16
"""Records a reader holds ahead of the one it yields, their pages sent to the extraction
child, so that the child never waits for the reader between pages."""
WINDOW_BYTES = 16 << 20
"""Bytes of HTML sent ahead at most."""


class ExtractingReader(Reader):
    """A reader whose records are HTML pages: extracts each within ``max_html_bytes`` and
    ``extract_timeout``; a page that fails becomes a kept record under its reason."""

    drop_reasons: ClassVar[tuple[str, ...]] = PAGE_REASONS

    extractor: str
    max_html_bytes: int
    extract_timeout: float

    def extracted(
        self,
        html: str,
        url: str | None,
        source: Source,
        position: int,
        strict: bool,
        size: int,
    ) -> Extraction | Dropped:
        """Return the page's extraction, or the kept record saying why it has none; ``size``
        is the page's size in bytes as stored."""
        if size > self.max_html_bytes:
            return self._too_large(html, url, source, position, strict, size)
        result = self._extractor().extract(html, url)
        return self._outcome(result, lambda: html, url, source, position, strict, size)

    def pending(
        self,
        page: tuple[str | None, bytes],
        url: str | None,
        source: Source,
        position: int,
        strict: bool,
        size: int,
        done: Outcome,
    ) -> Pending | Document | Dropped:
        """Return the page (its text, or ``None`` to decode its bytes only if it fails, and
        its UTF-8 bytes) as waiting for extraction, or at once what ``done`` makes of it if
        it is too large to extract."""
        html, body = page

        def text() -> str:
            return html if html is not None else body.decode("utf-8")

        if size > self.max_html_bytes:
            return done(self._too_large(text(), url, source, position, strict, size))

        def finish(result: Extraction | Failure) -> Document | Dropped:
            return done(self._outcome(result, text, url, source, position, strict, size))

        return Pending(body, url, finish)

    def pipelined(
        self, items: Iterable[Document | Dropped | Pending | None], strict: bool
    ) -> Iterator[Document | Dropped]:
        """Yield the records in order, each waiting page extracted: up to ``WINDOW_PAGES``
        records (``WINDOW_BYTES`` of HTML) are read ahead and their pages sent to the child
        (one at a time under ``strict``, so the run stops exactly at the first bad record)."""
        extractor = self._extractor()
        extractor.discard()
        ahead: deque[Document | Dropped | Pending] = deque()
        window = 1 if strict else WINDOW_PAGES
        sent = 0
        iterator = iter(items)
        more = True
        try:
            while True:
                while more and len(ahead) < window and sent < WINDOW_BYTES:
                    item = next(iterator, _END)
                    if item is _END:
                        more = False
                    elif isinstance(item, Pending):
                        extractor.submit(item.body, item.url)
                        sent += len(item.body)
                        ahead.append(item)
                    elif item is not None:
                        ahead.append(cast(Document | Dropped, item))
                if not ahead:
                    return
                head = ahead.popleft()
                if isinstance(head, Pending):
                    sent -= len(head.body)
                    yield head.finish(extractor.result())
                else:
                    yield head
        finally:
            extractor.discard()  # a reader stopped part-way leaves no answer behind

    def _outcome(
        self,
        result: Extraction | Failure,
        html: Callable[[], str],
        url: str | None,
        source: Source,
        position: int,
        strict: bool,
        size: int,
    ) -> Extraction | Dropped:
        """Return an extraction within ``max_chars``, or the page kept under its reason (its
        text from ``html``, asked for only then)."""
        if isinstance(result, Extraction) and len(result.text) <= self.max_chars:
            return result
        if isinstance(result, Extraction):
            detail = f"text has {len(result.text)} characters, more than max_chars"
            reason = "invalid/too_large"
        else:
            reason, detail = result.reason, result.detail
        dropped = self._invalid(source, position, reason, html(), detail, url, strict)
        dropped.doc.metadata[meta.RAW_BYTES] = size
        return dropped

    def _too_large(
        self, html: str, url: str | None, source: Source, position: int, strict: bool, size: int
    ) -> Dropped:
        """Return the kept record of a page over ``max_html_bytes``."""
        detail = f"page has over max_html_bytes={self.max_html_bytes} bytes"
        dropped = self._invalid(source, position, "invalid/too_large", html, detail, url, strict)
        dropped.doc.metadata[meta.RAW_BYTES] = size
        return dropped

    def _invalid(
        self,
        source: Source,
        position: int,
        kind: str,
        html: str,
        detail: str,
        url: str | None,
        strict: bool,
    ) -> Dropped:
        """Return ``invalid`` for a page, with its URL (the raw HTML is cut to max_html_bytes)."""
        dropped = self.invalid(source, position, kind, html[: self.max_html_bytes], detail, strict)
        if url:
            dropped.doc.url = url
            dropped.doc.__post_init__()
        return dropped

    def _extractor(self) -> BoundedExtractor:
        """Return this process's bounded extractor for the mode: started on first use and
        kept for every later page and shard the process reads (restarted only when killed)."""
        if self.extractor not in ENGINES:
            raise ConfigError(f"extractor must be one of {sorted(ENGINES)}, not {self.extractor!r}")
        return shared_extractor(self.extractor, self.extract_timeout)


_END = object()


class HtmlReader(ExtractingReader):
    """Reads each .html/.htm file (optionally compressed) as one page and keeps its article.

    ``extractor`` is ``quality`` (trafilatura) or ``fast`` (resiliparse). The id is the file
    name without its endings; the encoding is UTF-8 if the bytes are valid UTF-8 (counted as
    ``charset_mislabelled`` if the page declares another), else the page's ``<meta charset>``,
    else detected.
    """

    extensions = (".html", ".htm")

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
        size = 0
        try:
            with source.open() as stream:
                raw = stream.read(self.max_html_bytes + 1)
                size = len(raw)
                # An oversize page is counted to its end (up to a bound), never held whole.
                while size > self.max_html_bytes and size < COUNT_BOUND * self.max_html_bytes:
                    chunk = stream.read(1 << 20)
                    if not chunk:
                        break
                    size += len(chunk)
        except READ_ERRORS as exc:
            yield self.invalid(source, 0, "invalid/file", b"", f"unreadable: {exc}", strict)
            return
        if not raw.strip():
            yield self.invalid(source, 0, "invalid/empty", raw, "file is empty", strict)
            return
        if len(raw) > self.max_html_bytes:
            detail = f"page has over max_html_bytes={self.max_html_bytes} bytes"
            cut = raw[: self.max_html_bytes]
            dropped = self.invalid(source, 0, "invalid/too_large", cut, detail, strict)
            dropped.doc.metadata[meta.RAW_BYTES] = size
            yield dropped
            return
        problem = non_page_kind(raw)
        if problem is not None:
            yield self._sized(
                self.invalid(source, 0, "invalid/not_html", raw[:4096], problem, strict), raw
            )
            return
        try:
            html, encoding = decode_html(raw, strict=True)
        except UndecodableError as exc:
            yield self._sized(
                self.invalid(source, 0, "invalid/encoding", raw, f"wrong charset: {exc}", strict),
                raw,
            )
            return
        if mislabelled(raw, encoding):
            source.counters[MISLABELLED] += 1
        result = self.extracted(html, None, source, 0, strict, len(raw))
        if isinstance(result, Dropped):
            yield self._sized(result, raw)
            return
        stem = split_compression(source.name)[0]
        stem = stem.removesuffix(".html").removesuffix(".htm")
        metadata: dict[str, Any] = {meta.SOURCE_FILE: source.name, meta.ENCODING: encoding}
        yield Document(id=stem, text=result.text, metadata={**metadata, **result.metadata})

    @staticmethod
    def _sized(dropped: Dropped, raw: bytes) -> Dropped:
        """Return the kept page with the size of its bytes."""
        dropped.doc.metadata[meta.RAW_BYTES] = len(raw)
        return dropped
