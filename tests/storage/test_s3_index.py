"""The incremental near-dedup index of an earlier run kept in S3: a later run reads it from
the bucket, and decides what it decides with the same index on local disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import saring
from conftest import s3fs_of
from saring import JsonlReader, LocalExecutor, NearDedup, Pipeline


def run(source: str, output: str, options: dict[str, Any], **dedup: Any) -> saring.RunSummary:
    pipeline = Pipeline(JsonlReader([source]), [NearDedup(**dedup)], output, shard_bytes=0)
    return saring.run(pipeline, LocalExecutor(workers=1), False, options)


def test_a_later_run_reads_the_earlier_runs_index_from_the_bucket(
    crawl: tuple[str, Path], bucket: str, s3_options: dict[str, Any], tmp_path: Path
) -> None:
    remote, local = crawl
    run(f"{remote}part-0.jsonl", f"{bucket}/old", s3_options, save_index=True)
    run(str(local / "part-0.jsonl"), str(tmp_path / "old"), s3_options, save_index=True)
    against_s3 = run(f"{remote}part-1.jsonl", f"{bucket}/new", s3_options, index=(f"{bucket}/old",))
    against_disk = run(
        str(local / "part-1.jsonl"),
        str(tmp_path / "new"),
        s3_options,
        index=(str(tmp_path / "old"),),
    )
    # Every text of part-1 is a text of part-0: the earlier run's copies keep them all out.
    assert against_s3.kept == against_disk.kept == 0
    assert against_s3.dropped == against_disk.dropped
    fs = s3fs_of(s3_options)
    root = bucket.removeprefix("s3://")
    remote_parts = {p.rsplit("/", 1)[-1]: fs.cat(p) for p in fs.find(f"{root}/new/removed")}
    local_parts = {p.name: p.read_bytes() for p in (tmp_path / "new" / "removed").iterdir()}
    assert remote_parts == local_parts
