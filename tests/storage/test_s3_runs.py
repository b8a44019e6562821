"""Runs that read from and write to S3 (a moto server on loopback): the same output as on
local disk, the same guarantees (fingerprint, overwrite, lock), and no credential saved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import saring
from conftest import ACCESS_KEY, SECRET, s3fs_of
from saring import ExactDedup, JsonlReader, LocalExecutor, NormalizeWhitespace, Pipeline
from saring.errors import SaringError


def pipeline(inputs: list[str], output: str) -> Pipeline:
    steps = [NormalizeWhitespace(), ExactDedup()]
    return Pipeline(JsonlReader(inputs), steps, output, shard_bytes=0)


def local_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def remote_bytes(fs: Any, folder: str) -> dict[str, bytes]:
    prefix = folder.removeprefix("s3://")
    return {p.rsplit("/", 1)[-1]: fs.cat(p) for p in sorted(fs.find(prefix))}


@pytest.mark.parametrize("form", ["folder", "file", "glob"])
def test_reading_s3_gives_what_reading_local_files_gives(
    crawl: tuple[str, Path], s3_options: dict[str, Any], tmp_path: Path, form: str
) -> None:
    remote, local = crawl
    given = {
        "folder": ([remote], [str(local)]),
        "file": (
            [f"{remote}part-{i}.jsonl" for i in range(3)],
            [str(p) for p in sorted(local.iterdir())],
        ),
        "glob": ([f"{remote}part-*.jsonl"], [str(local / "part-*.jsonl")]),
    }[form]
    from_s3 = saring.run(
        pipeline(given[0], str(tmp_path / "a")), LocalExecutor(1), False, s3_options
    )
    from_disk = saring.run(pipeline(given[1], str(tmp_path / "b")), LocalExecutor(1))
    assert from_s3.kept == from_disk.kept == 23
    for part in ("docs", "removed"):
        assert local_bytes(tmp_path / "a" / part) == local_bytes(tmp_path / "b" / part)


def test_writing_s3_gives_the_local_output_and_leaves_no_work_files(
    crawl: tuple[str, Path], bucket: str, s3_options: dict[str, Any], tmp_path: Path
) -> None:
    remote, local = crawl
    out = f"{bucket}/out"
    summary = saring.run(pipeline([remote], out), LocalExecutor(workers=2), False, s3_options)
    saring.run(pipeline([str(local)], str(tmp_path / "local")), LocalExecutor(workers=2))
    fs = s3fs_of(s3_options)
    assert summary.dropped == {"dedup/exact": 67, "invalid/json": 3}
    for part in ("docs", "removed"):
        assert remote_bytes(fs, f"{out}/{part}") == local_bytes(tmp_path / "local" / part)
    keys = {p.removeprefix(out.removeprefix("s3://") + "/") for p in fs.find(out)}
    manifest = orjson.loads(fs.cat(f"{out}/.saring-manifest.json"))
    assert keys - set(manifest) == {".saring-manifest.json"}
    assert set(manifest) - keys == {"report.html"}  # written by the command, not by run()
    assert not any(k.startswith("_work/") or k.endswith(".tmp") for k in keys)
    assert not (tmp_path / "scratch").exists() or not any((tmp_path / "scratch").iterdir())
    # The same command again prints the saved account without running.
    again = saring.run(pipeline([remote], out), LocalExecutor(workers=2), False, s3_options)
    assert again.to_dict() == summary.to_dict()


def test_changed_input_object_is_refused_and_overwrite_deletes_only_the_runs_keys(
    crawl: tuple[str, Path], bucket: str, s3_options: dict[str, Any]
) -> None:
    remote, _ = crawl
    out = f"{bucket}/out"
    fs = s3fs_of(s3_options)
    saring.run(pipeline([remote], out), LocalExecutor(1), False, s3_options)
    fs.pipe(f"{out.removeprefix('s3://')}/CATATAN.txt", b"not saring's")
    # Same size, other bytes: the ETag tells the object changed.
    first = fs.cat(f"{remote.removeprefix('s3://')}part-0.jsonl")
    fs.pipe(f"{remote.removeprefix('s3://')}part-0.jsonl", first.replace(b"d0-1", b"d0-X"))
    with pytest.raises(SaringError, match="other input files"):
        saring.run(pipeline([remote], out), LocalExecutor(1), False, s3_options)
    summary = saring.run(pipeline([remote], out), LocalExecutor(1), True, s3_options)
    assert summary.kept == 23
    assert fs.cat(f"{out.removeprefix('s3://')}/CATATAN.txt") == b"not saring's"
    ids = [row["id"] for row in read_parquet_rows(fs, f"{out}/docs")]
    assert "d0-X" in ids
    assert "d0-1" not in ids


def read_parquet_rows(fs: Any, folder: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = []
    for path in sorted(fs.glob(folder.removeprefix("s3://") + "/*.parquet")):
        with fs.open(path, "rb") as file:
            rows += pq.read_table(file).to_pylist()
    return rows


def test_a_held_lock_stops_a_second_run(
    crawl: tuple[str, Path], bucket: str, s3_options: dict[str, Any]
) -> None:
    remote, _ = crawl
    fs = s3fs_of(s3_options)
    fs.pipe(f"{bucket.removeprefix('s3://')}/out/.saring-lock", b"4242 another-host\n")
    with pytest.raises(SaringError, match="being written by another run"):
        saring.run(pipeline([remote], f"{bucket}/out"), LocalExecutor(1), False, s3_options)
    assert not fs.exists(f"{bucket.removeprefix('s3://')}/out/docs")


def test_credentials_appear_in_nothing_a_run_writes_or_prints(
    crawl: tuple[str, Path], bucket: str, s3_options: dict[str, Any]
) -> None:
    remote, _ = crawl
    out = f"{bucket}/out"
    given = [f"--storage-option={k}={v}" for k, v in s3_options.items()]
    saring_command = str(Path(sys.executable).with_name("saring"))
    command = [saring_command, "clean", remote, "-o", out, "--workers", "1"]
    done = subprocess.run([*command, *given], capture_output=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr.decode()
    fs = s3fs_of(s3_options)
    written = {p: fs.cat(p) for p in fs.find(out.removeprefix("s3://"))}
    assert {p.rsplit("/", 1)[-1] for p in written} >= {"config.toml", "stats.json", "report.html"}
    for data in [*written.values(), done.stdout, done.stderr]:
        assert SECRET.encode() not in data
        assert ACCESS_KEY.encode() not in data
    assert (
        b'endpoint_url = "http://127.0.0.1' in written[f"{out.removeprefix('s3://')}/config.toml"]
    )
    # The finished run in the bucket can be looked into like a local one.
    shown = subprocess.run(
        [saring_command, "inspect", out, *given], capture_output=True, timeout=600, check=False
    )
    assert shown.returncode == 0, shown.stderr.decode()
    assert b"dedup/exact" in shown.stdout
    assert SECRET.encode() not in shown.stdout + shown.stderr
    # A failing run's error names no credential either.
    bad = subprocess.run(
        [*command[:2], f"{bucket}/nothing/", *command[3:], *given],
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert bad.returncode == 2
    assert b"input not found" in bad.stderr
    assert SECRET.encode() not in bad.stderr + bad.stdout
