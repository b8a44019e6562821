"""Plain-text files, one document per file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from saring import meta
from saring.document import Document, Dropped, domain_of
from saring.io.base import Reader
from saring.io.shards import Source
from saring.io.streams import KEPT_HEAD, MAX_RECORD_BYTES, READ_ERRORS, split_compression

# A first line that is only a URL or a bare host name names the page's source.
_SOURCE_LINE = re.compile(
    r"(?:https?://\S+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})", re.IGNORECASE
)


class TextReader(Reader):
    """Reads each .txt file as one document; a first line holding only a URL or host name
    becomes the document's source (``url``/``domain``) and is not part of the text.

    A file over ``max_record_bytes`` (decompressed) is not read further: it is kept in
    ``removed/`` as ``invalid/too_large`` by its first 64 KiB."""

    extensions = (".txt",)

    def __init__(
        self,
        paths: list[str],
        max_chars: int = 5_000_000,
        max_record_bytes: int = MAX_RECORD_BYTES,
    ) -> None:
        self.paths = paths
        self.max_chars = max_chars
        self.max_record_bytes = max_record_bytes

    def read(self, source: Source, strict: bool = False) -> Iterator[Document | Dropped]:
        try:
            with source.open() as stream:
                raw = stream.read(self.max_record_bytes + 1)
        except READ_ERRORS as exc:
            yield self.invalid(source, 0, "invalid/file", b"", f"unreadable: {exc}", strict)
            return
        if len(raw) > self.max_record_bytes:
            source.counters["oversized_records"] += 1
            detail = (
                f"file has over max_record_bytes={self.max_record_bytes} bytes; "
                f"its first {KEPT_HEAD} are kept"
            )
            yield self.invalid(source, 0, "invalid/too_large", raw[:KEPT_HEAD], detail, strict)
            return
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield self.invalid(source, 0, "invalid/encoding", raw, str(exc), strict)
            return
        first, _, rest = text.lstrip("\r\n").partition("\n")
        url = None
        if len(first) <= 2048 and _SOURCE_LINE.fullmatch(first.strip()):
            url, text = first.strip(), rest
        if not text.strip():
            yield self.invalid(source, 0, "invalid/empty", raw, "text is empty", strict)
            return
        if len(text) > self.max_chars:
            detail = f"text has {len(text)} characters, more than max_chars={self.max_chars}"
            yield self.invalid(source, 0, "invalid/too_large", raw, detail, strict)
            return
        stem = split_compression(source.name)[0].removesuffix(".txt")
        doc = Document(id=stem, text=text, metadata={meta.SOURCE_FILE: source.name})
        if url:
            doc.url = url if "://" in url else None
            doc.domain = domain_of(url)
        yield doc
