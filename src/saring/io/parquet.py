"""Apache Parquet input and output."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from saring.document import Document, Dropped
from saring.errors import ConfigError
from saring.io.base import RecordReader, RecordSink, Writer
from saring.io.shards import Source
from saring.io.streams import MAX_RECORD_BYTES, READ_ERRORS

_TYPES: dict[str, pa.DataType] = {"lang_score": pa.float64()}
_CODECS = ("none", "snappy", "gzip", "brotli", "lz4", "zstd")
"""Compression names ``pyarrow.parquet.ParquetWriter`` takes (where this pyarrow has them)."""


class ParquetReader(RecordReader):
    """Reads one document per row of Parquet files, in row-group batches.

    A row group whose rows average over ``max_record_bytes`` (uncompressed, from the file's
    metadata) is not read: each of its rows is kept in ``removed/`` as ``invalid/too_large``."""

    extensions = (".parquet",)

    @classmethod
    def accepts(cls, path: str) -> bool:
        # Parquet compresses inside the file and must seek; a compressed wrapper is no Parquet.
        return path.endswith(".parquet")

    def __init__(
        self,
        paths: list[str],
        text_field: str = "text",
        id_field: str = "id",
        url_field: str = "url",
        max_chars: int = 5_000_000,
        batch_size: int = 1024,
        max_record_bytes: int = MAX_RECORD_BYTES,
    ) -> None:
        self.paths = paths
        self.text_field = text_field
        self.id_field = id_field
        self.url_field = url_field
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.max_record_bytes = max_record_bytes

    def read(self, source: Source, strict: bool = False) -> Iterator[Document | Dropped]:
        row = 0
        try:
            with source.open() as stream:
                parquet = pq.ParquetFile(stream)
                for group in range(parquet.num_row_groups):
                    info = parquet.metadata.row_group(group)
                    if info.total_byte_size > self.max_record_bytes * max(1, info.num_rows):
                        detail = (
                            f"row group {group} holds {info.total_byte_size} bytes in "
                            f"{info.num_rows} rows, over max_record_bytes={self.max_record_bytes}"
                        )
                        source.counters["oversized_records"] += info.num_rows
                        for _ in range(info.num_rows):
                            row += 1
                            yield self.invalid(
                                source, row, "invalid/too_large", b"", detail, strict
                            )
                        continue
                    batches = parquet.iter_batches(batch_size=self.batch_size, row_groups=[group])
                    for batch in batches:
                        for record in batch.to_pylist():
                            row += 1
                            if isinstance(record.get("metadata"), str):
                                record["metadata"] = _loads_or_none(record["metadata"])
                            yield self.document(record, source, row, _raw(record), strict)
        except (*READ_ERRORS, pa.ArrowException) as exc:
            yield self.invalid(
                source, row + 1, "invalid/file", b"", f"unreadable from here on: {exc}", strict
            )


def _loads_or_none(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return None


def _raw(record: dict[str, Any]) -> bytes:
    return orjson.dumps(record, default=str)


def _pool() -> pa.MemoryPool:
    """Return jemalloc's pool where this pyarrow has it: it hands freed row groups back to
    the system, where the default (mimalloc) kept a writer's memory about twice as high."""
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:
        return pa.default_memory_pool()


_POOL = _pool()


class _NoPandas:
    """An import finder that reports pandas missing (while pyarrow checks for it)."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name == "pandas":
            raise ModuleNotFoundError("pandas withheld from pyarrow's check", name=name)
        return None


def withhold_pandas() -> None:
    """Make pyarrow's one-time check for pandas in this process find none, unless pandas is
    loaded already. pyarrow imports pandas the first time it builds an array, to recognise
    pandas objects (about 0.4 s of CPU per process); saring's writers give it lists only.
    For worker processes, whose arrays only saring builds: what needs pandas by name
    (``Table.to_pandas``, ``Table.from_pandas``) still imports it when called."""
    if "pandas" in sys.modules:
        return
    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([], pa.string())
    finally:
        sys.meta_path.remove(finder)


class _ParquetSink(RecordSink):
    def __init__(self, path: str, columns: tuple[str, ...], writer: ParquetWriter) -> None:
        self._schema = pa.schema([(c, _TYPES.get(c, pa.string())) for c in columns])
        self._columns = columns
        self._writer = pq.ParquetWriter(
            path, self._schema, compression=writer.compression, memory_pool=_POOL
        )
        self._rows: list[dict[str, Any]] = []
        self._bytes = 0
        self._row_group_size = writer.row_group_size
        self._row_group_bytes = writer.row_group_bytes

    def write(self, record: dict[str, Any]) -> None:
        metadata = record.get("metadata")
        if metadata is not None and not isinstance(metadata, str):
            record = {
                **record,
                "metadata": orjson.dumps(metadata, option=orjson.OPT_SORT_KEYS).decode(),
            }
        self._rows.append(record)
        self._bytes += sum(len(value) for value in record.values() if isinstance(value, str))
        if len(self._rows) >= self._row_group_size or self._bytes >= self._row_group_bytes:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            columns = [
                pa.array([row.get(name) for row in self._rows], field.type, memory_pool=_POOL)
                for name, field in zip(self._schema.names, self._schema, strict=True)
            ]
            self._writer.write_table(pa.Table.from_arrays(columns, schema=self._schema))
            self._rows = []
            self._bytes = 0

    def close(self) -> None:
        self._flush()
        self._writer.close()


def _codecs() -> list[str]:
    return ["none", *(c for c in _CODECS[1:] if pa.Codec.is_available(c))]


class ParquetWriter(Writer):
    """Writes Parquet with a fixed schema; ``metadata`` is stored as a JSON string column.

    A row group ends at ``row_group_size`` rows or when its text columns reach
    ``row_group_bytes`` characters, whichever comes first: rows are held until their group is
    written, so the byte bound is what keeps a writer's memory flat on long documents."""

    def __init__(
        self,
        compression: str = "zstd",
        row_group_size: int = 10_000,
        row_group_bytes: int = 4 * 2**20,
    ) -> None:
        self.compression = compression
        self.row_group_size = row_group_size
        self.row_group_bytes = row_group_bytes

    def validate(self) -> None:
        super().validate()
        if self.compression not in _codecs():
            known = ", ".join(_codecs())
            raise ConfigError(
                f"ParquetWriter.compression must be one of {known}, not {self.compression!r}"
            )
        for name in ("row_group_size", "row_group_bytes"):
            if getattr(self, name) <= 0:
                raise ConfigError(
                    f"ParquetWriter.{name} must be positive, not {getattr(self, name)!r}"
                )

    def extension(self) -> str:
        return ".parquet"

    def open(self, path: str, columns: tuple[str, ...]) -> RecordSink:
        return _ParquetSink(path, columns, self)
