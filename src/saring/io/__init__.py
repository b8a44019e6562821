"""Readers and writers of documents."""

from saring.io.base import Reader, Writer
from saring.io.files import find_files
from saring.io.html import HtmlReader
from saring.io.jsonl import JsonlReader, JsonlWriter
from saring.io.parquet import ParquetReader, ParquetWriter
from saring.io.shards import Source
from saring.io.text import TextReader
from saring.io.warc import WarcReader

READERS: tuple[type[Reader], ...] = (JsonlReader, ParquetReader, TextReader, WarcReader, HtmlReader)

__all__ = [
    "READERS",
    "HtmlReader",
    "JsonlReader",
    "JsonlWriter",
    "ParquetReader",
    "ParquetWriter",
    "Reader",
    "Source",
    "TextReader",
    "WarcReader",
    "Writer",
    "reader_for",
]


def reader_for(paths: list[str], format: str | None = None) -> type[Reader]:
    """Return the reader class for the inputs: by ``format`` name if given, else by file endings."""
    import glob
    import os

    from saring import storage
    from saring.errors import InputError

    by_name = {cls.__name__.removesuffix("Reader").lower(): cls for cls in READERS}
    if format is not None:
        if format not in by_name:
            raise InputError(f"unknown input format {format!r}; formats: {', '.join(by_name)}")
        return by_name[format]
    named: list[str] = []
    in_folders: list[str] = []
    for given in paths:
        if storage.is_url(given) and not any(ch in given for ch in "*?["):
            if storage.isfile(given):
                named.append(given)
            elif storage.isdir(given):
                in_folders += find_files(given, quiet=True)
            else:
                raise InputError(f"input not found: {given!r}")
        elif storage.is_url(given):
            named += storage.glob(given)
        elif os.path.isdir(given):
            in_folders += find_files(given, quiet=True)
        elif os.path.exists(given):
            named.append(given)
        elif any(ch in given for ch in "*?["):
            named += glob.glob(given, recursive=True)
        else:
            raise InputError(f"input not found: {given!r}")
    kinds = {cls for f in named for cls in READERS if cls.accepts(f)}
    found = {cls for f in in_folders for cls in READERS if cls.accepts(f)}
    if len(found) > 1:
        # Text files beside record files in a folder are notes (README, LICENSE), not data.
        found.discard(TextReader)
    kinds |= found
    if len(kinds) == 1:
        return kinds.pop()
    if not kinds:
        known = ", ".join(ext for cls in READERS for ext in cls.extensions)
        raise InputError(
            f"no readable input among {paths!r} (known endings: {known}, optionally .gz/.zst)"
        )
    raise InputError("inputs mix formats; choose one with --input-format")
