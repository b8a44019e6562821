"""What every reader and writer shares: the ``Reader`` that finds a format's input files and
turns its records into documents (bad input into counted, kept records), and the ``Writer``."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from typing import Any, ClassVar

from saring import meta, storage
from saring.document import Document, Dropped
from saring.errors import ConfigError, InputError
from saring.io.files import find_files, globbed, is_utf8, shown
from saring.io.shards import Source
from saring.io.streams import split_compression
from saring.params import Params

INVALID_REASONS = (
    "invalid/json",
    "invalid/encoding",
    "invalid/empty",
    "invalid/no_text",
    "invalid/too_large",
    "invalid/file",
)


class Reader(Params):
    """Finds input files and yields their documents; bad records come out as ``Dropped``."""

    extensions: ClassVar[tuple[str, ...]] = ()
    """File endings this reader takes when given a folder (compression suffixes allowed)."""
    drop_reasons: ClassVar[tuple[str, ...]] = INVALID_REASONS

    paths: list[str]
    max_chars: int
    max_record_bytes: int

    def validate(self) -> None:
        super().validate()
        for name in ("max_chars", "max_html_bytes", "max_record_bytes", "batch_size"):
            value = getattr(self, name, 1)
            if value <= 0:
                raise ConfigError(f"{type(self).__name__}.{name} must be positive, not {value!r}")
        timeout = getattr(self, "extract_timeout", 1.0)
        if timeout <= 0:
            raise ConfigError(f"{type(self).__name__}.extract_timeout must be positive")

    def shards(self) -> list[str]:
        """Return the input files in a stable order: globs and folders expanded, sorted."""
        self.validate()
        found: list[str] = []
        for given in self.paths:
            if not is_utf8(given):
                raise InputError(f"input name {shown(given)} is not valid UTF-8; rename it")
            if storage.is_url(given):
                found.extend(self._remote(given))
            elif os.path.isfile(given):
                found.append(given)
            elif os.path.isdir(given):
                matches = [p for p in find_files(given) if self.accepts(p)]
                if not matches:
                    raise InputError(f"no {self.describe()} file in folder {given!r}")
                found.extend(matches)
            elif any(ch in given for ch in "*?["):
                matches = sorted(p for p in glob.glob(given, recursive=True) if globbed(p))
                if not matches:
                    raise InputError(f"no input file matches {given!r}")
                found.extend(matches)
            elif os.path.exists(given):
                raise InputError(f"input {given!r} is not a regular file (FIFO, socket or device)")
            else:
                raise InputError(f"input not found: {given!r}")
        # A file named twice (a folder and a file in it, two globs) is read once.
        unique: dict[str, str] = {}
        for path in found:
            unique.setdefault(path if storage.is_url(path) else os.path.realpath(path), path)
        return list(unique.values())

    def _remote(self, given: str) -> list[str]:
        """Return the input files a URL names: an object, a folder (prefix) or a glob."""
        if any(ch in given for ch in "*?["):
            matches = storage.glob(given)
            if not matches:
                raise InputError(f"no input file matches {given!r}")
            return matches
        if storage.isfile(given):
            return [given]
        if storage.isdir(given):
            matches = [p for p in find_files(given) if self.accepts(p)]
            if not matches:
                raise InputError(f"no {self.describe()} file in folder {given!r}")
            return matches
        raise InputError(f"input not found: {given!r}")

    @classmethod
    def accepts(cls, path: str) -> bool:
        """Return whether the file name ends in one of this reader's extensions."""
        base, _ = split_compression(path)
        return base.endswith(cls.extensions)

    @classmethod
    def describe(cls) -> str:
        """Return the extensions, for messages."""
        return "/".join(cls.extensions)

    def read(self, source: Source, strict: bool = False) -> Iterator[Document | Dropped]:
        """Yield the documents of one file; unusable records as ``Dropped`` (or raise if strict)."""
        raise NotImplementedError

    def invalid(
        self,
        source: Source,
        position: int,
        kind: str,
        raw: bytes | str,
        detail: str,
        strict: bool,
    ) -> Dropped:
        """Return a kept record of unusable input, or raise ``InputError`` under ``strict``."""
        where = f"{source.path}:{position}" if position else source.path
        if strict:
            raise InputError(f"{where}: {kind.removeprefix('invalid/')}: {detail}")
        text = raw if isinstance(raw, str) else raw.decode("utf-8", errors="backslashreplace")
        doc = Document(
            id=f"{source.name}:{position}",
            text=text,
            metadata={
                meta.SOURCE_FILE: source.name,
                meta.SOURCE_LINE: position,
                meta.INVALID_DETAIL: detail,
            },
        )
        return Dropped(doc, kind)


class RecordReader(Reader):
    """A reader of files whose records are field/value mappings (JSONL, Parquet)."""

    text_field: str
    id_field: str
    url_field: str

    def document(
        self, record: Any, source: Source, position: int, raw: bytes | str, strict: bool
    ) -> Document | Dropped:
        """Return the document a record holds, or a ``Dropped`` saying why it holds none."""
        if not isinstance(record, dict):
            return self.invalid(
                source, position, "invalid/json", raw, "record is not an object", strict
            )
        text = record.get(self.text_field)
        if not isinstance(text, str):
            detail = f"field {self.text_field!r} is missing or not a string"
            return self.invalid(source, position, "invalid/no_text", raw, detail, strict)
        if not text.strip():
            return self.invalid(source, position, "invalid/empty", raw, "text is empty", strict)
        if len(text) > self.max_chars:
            detail = f"text has {len(text)} characters, more than max_chars={self.max_chars}"
            return self.invalid(source, position, "invalid/too_large", raw, detail, strict)
        given_id = record.get(self.id_field)
        url = record.get(self.url_field)
        metadata: dict[str, Any] = {meta.SOURCE_FILE: source.name, meta.SOURCE_LINE: position}
        saved = record.get("metadata")
        if isinstance(saved, dict):
            metadata = {**saved, **metadata}
        taken = {self.text_field, self.id_field, self.url_field, "metadata", "domain"}
        extra = {k: v for k, v in record.items() if k not in taken and v is not None}
        extra.pop("lang", None)
        extra.pop("lang_score", None)
        if extra:
            metadata[meta.EXTRA_FIELDS] = extra
        lang = record.get("lang")
        score = record.get("lang_score")
        return Document(
            id=str(given_id) if given_id not in (None, "") else f"{source.name}:{position}",
            text=text,
            url=url if isinstance(url, str) and url else None,
            domain=record.get("domain") if isinstance(record.get("domain"), str) else None,
            lang=lang if isinstance(lang, str) else None,
            lang_score=float(score) if isinstance(score, int | float) else None,
            metadata=metadata,
        )


class RecordSink:
    """An open output file that takes records one at a time; use as a context manager."""

    def write(self, record: Any) -> None:
        """Append one record (a mapping of column to value; spill files also take lists)."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the file."""
        raise NotImplementedError

    def __enter__(self) -> RecordSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Writer(Params):
    """Writes records to one file per shard, in a format named by ``extension``."""

    def extension(self) -> str:
        """Return the file ending of this writer's output, e.g. ``.parquet``."""
        raise NotImplementedError

    def open(self, path: str, columns: tuple[str, ...]) -> RecordSink:
        """Return a sink writing records with ``columns`` to ``path``."""
        raise NotImplementedError
