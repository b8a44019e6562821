"""``docs/*.parquet`` as users' own tools read it: pyarrow and DuckDB straight from the S3
bucket (pandas and Polars too), and ``datasets.load_dataset("parquet", …)`` from a local
copy; ``metadata`` is a JSON string column that each of them parses in place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import saring
from conftest import s3fs_of
from saring import ExactDedup, JsonlReader, LocalExecutor, NormalizeWhitespace, Pipeline

COLUMNS = ["id", "text", "url", "domain", "lang", "lang_score", "metadata"]


@pytest.fixture
def out(crawl: tuple[str, Path], bucket: str, s3_options: dict[str, Any]) -> str:
    """A finished run's output in the bucket (23 kept documents in 3 parts)."""
    remote, _ = crawl
    steps = [NormalizeWhitespace(), ExactDedup()]
    pipeline = Pipeline(JsonlReader([remote]), steps, f"{bucket}/out", shard_bytes=0)
    saring.run(pipeline, LocalExecutor(workers=1), False, s3_options)
    return f"{bucket}/out"


def test_pyarrow_reads_docs_from_the_bucket(out: str, s3_options: dict[str, Any]) -> None:
    import pyarrow.dataset as ds
    import pyarrow.fs as pafs

    host = s3_options["endpoint_url"].removeprefix("http://")
    s3 = pafs.S3FileSystem(
        endpoint_override=host,
        scheme="http",
        access_key=s3_options["key"],
        secret_key=s3_options["secret"],
        region="us-east-1",
    )
    table = ds.dataset(f"{out.removeprefix('s3://')}/docs", filesystem=s3).to_table()
    assert table.num_rows == 23
    assert table.column_names == COLUMNS
    assert json.loads(table["metadata"][0].as_py())["source_file"] == "part-0.jsonl"


def test_duckdb_reads_docs_from_the_bucket(out: str, s3_options: dict[str, Any]) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is in the dev extra")
    con = duckdb.connect()
    # httpfs is an extension DuckDB downloads, which this offline machine cannot; DuckDB
    # reads s3:// through a registered fsspec filesystem instead.
    con.register_filesystem(s3fs_of(s3_options))
    rows = con.execute(
        "SELECT count(*), count(DISTINCT json_extract_string(metadata, '$.source_file')) "
        f"FROM read_parquet('{out}/docs/*.parquet')"
    ).fetchall()
    assert rows == [(23, 1)]


def test_pandas_and_polars_read_docs_from_the_bucket(out: str, s3_options: dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is in the dev extra")
    pl = pytest.importorskip("polars", reason="polars is in the dev extra")
    frame = pd.read_parquet(f"{out}/docs/", storage_options=s3_options)
    assert len(frame) == 23
    assert frame["metadata"].map(json.loads).map(lambda m: m["source_line"]).min() == 1
    polars_options = {
        "aws_endpoint_url": s3_options["endpoint_url"],
        "aws_access_key_id": s3_options["key"],
        "aws_secret_access_key": s3_options["secret"],
        "aws_allow_http": "true",
        "aws_region": "us-east-1",
    }
    table = pl.read_parquet(f"{out}/docs/*.parquet", storage_options=polars_options)
    assert table.height == 23
    decoded = table["metadata"].str.json_decode(infer_schema_length=None)
    assert set(decoded.struct.field("source_file")) == {"part-0.jsonl"}


def test_datasets_loads_a_local_copy_of_docs(
    out: str, s3_options: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets = pytest.importorskip("datasets", reason="datasets is in the dev extra")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    local = tmp_path / "docs"
    s3fs_of(s3_options).get(f"{out.removeprefix('s3://')}/docs/", str(local), recursive=True)
    loaded = datasets.load_dataset(
        "parquet",
        data_files=str(local / "*.parquet"),
        split="train",
        cache_dir=str(tmp_path / "cache"),
    )
    assert loaded.num_rows == 23
    assert loaded.column_names == COLUMNS
