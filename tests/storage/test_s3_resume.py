"""A run writing to S3 that is killed (SIGKILL, the whole process group) resumes when the
same command runs again, and its output is the uninterrupted run's, each document once."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import pytest

from conftest import corpus_rows, s3fs_of

KILLER = Path(__file__).parent.parent / "pipeline"
DRIVER = textwrap.dedent(
    """
    import sys, orjson
    from killer import KillOnce
    from saring import ExactDedup, JsonlReader, LocalExecutor, NormalizeWhitespace, Pipeline, run
    corpus, output, flag, doc_id, where, options = sys.argv[1:7]
    steps = [NormalizeWhitespace(), ExactDedup()]
    steps.insert(0 if where == "before" else 2, KillOnce(doc_id=doc_id, flag=flag))
    pipeline = Pipeline(JsonlReader([corpus]), steps, output=output, shard_bytes=0)
    if __name__ == "__main__":
        run(pipeline, LocalExecutor(workers=2), storage_options=orjson.loads(options))
    """
)


def drive(args: list[str], options: dict[str, Any]) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(KILLER), *sys.path])}
    command = [sys.executable, "-c", DRIVER, *args, orjson.dumps(options).decode()]
    return subprocess.run(command, env=env, start_new_session=True, timeout=600).returncode


@pytest.mark.parametrize(("doc_id", "where"), [("d3-5", "before"), ("d0-21", "after")])
def test_rerun_after_sigkill_gives_the_uninterrupted_output(
    bucket: str, s3_options: dict[str, Any], tmp_path: Path, doc_id: str, where: str
) -> None:
    fs = s3fs_of(s3_options)
    root = bucket.removeprefix("s3://")
    for name, data in corpus_rows(files=6, per_file=40).items():
        fs.pipe(f"{root}/crawl/{name}", data)
    flag = tmp_path / "kill-flag"
    corpus = f"{bucket}/crawl/"
    assert drive([corpus, f"{bucket}/whole", str(flag), doc_id, where], s3_options) == 0
    flag.touch()
    args = [corpus, f"{bucket}/resumed", str(flag), doc_id, where]
    assert drive(args, s3_options) == -signal.SIGKILL
    assert not flag.exists()
    assert fs.exists(f"{root}/resumed/_work/config.toml")
    assert not fs.exists(f"{root}/resumed/stats.json")
    # Whatever reached docs/ before the kill is whole: every part reads as Parquet.
    for path in fs.glob(f"{root}/resumed/docs/*"):
        pq.read_table(io.BytesIO(fs.cat(path)))
    assert drive(args, s3_options) == 0
    fs.invalidate_cache()
    for part in ("docs", "removed"):
        whole = {p.rsplit("/", 1)[-1]: fs.cat(p) for p in fs.find(f"{root}/whole/{part}")}
        resumed = {p.rsplit("/", 1)[-1]: fs.cat(p) for p in fs.find(f"{root}/resumed/{part}")}
        assert resumed == whole
    assert not fs.find(f"{root}/resumed/_work")
    ids = [
        row["id"]
        for path in sorted(fs.glob(f"{root}/resumed/docs/*.parquet"))
        for row in pq.read_table(io.BytesIO(fs.cat(path))).to_pylist()
    ]
    assert len(ids) == len(set(ids)) > 0
