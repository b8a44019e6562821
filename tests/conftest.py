"""Shared fixtures: the seed page, small corpora written on the fly, and output readers."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "000_73592170dd0b30b7.txt"


@pytest.fixture
def seed_path() -> Path:
    """The raw crawled page the project started from (first line: the host it came from)."""
    return SEED


def write_jsonl(path: Path, rows: list[dict[str, Any] | bytes]) -> Path:
    """Write rows (dicts, or raw bytes for broken lines) as JSON Lines; .gz paths are gzipped."""
    data = b"".join((row if isinstance(row, bytes) else orjson.dumps(row)) + b"\n" for row in rows)
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)
    return path


def read_rows(folder: Path) -> list[dict[str, Any]]:
    """Read every Parquet or JSONL file of an output folder (docs/ or removed/), in name order."""
    rows: list[dict[str, Any]] = []
    if not folder.exists():
        return rows
    for path in sorted(folder.iterdir()):
        if path.suffix == ".parquet":
            rows += pq.read_table(path).to_pylist()
        elif path.name.endswith(".jsonl"):
            rows += [orjson.loads(line) for line in path.read_bytes().splitlines()]
        elif path.name.endswith(".jsonl.gz"):
            rows += [orjson.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines()]
    return rows


ARTICLE = (
    "Pemerintah Provinsi DKI Jakarta memperpanjang masa pemberlakuan ganjil genap hingga akhir "
    "tahun. Kebijakan ini diambil setelah evaluasi menunjukkan kemacetan di ruas utama turun "
    "sekitar dua puluh persen selama tiga bulan terakhir. Kepala Dinas Perhubungan mengatakan "
    "petugas akan tetap berjaga di sejumlah titik untuk memastikan warga mematuhi aturan itu, "
    "sementara angkutan umum ditambah pada jam sibuk pagi dan sore hari."
)


def article(n: int) -> str:
    """Return a distinct Indonesian news-like text of about 70 words."""
    return f"Berita nomor {n}. {ARTICLE} Laporan ini adalah bagian ke-{n} dari seri liputan kami."
