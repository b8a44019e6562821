"""``saring clean s3://… -o s3://… --ray ADDRESS``: Ray's nodes share nothing but the store
(work files go there too), and the output is byte-identical to a local run.

Runs against the Ray head named in SARING_RAY_ADDRESS (``.ci/run`` starts one on loopback);
skipped without it, as starting a cluster here would double the suite's load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import s3fs_of

pytest.importorskip("ray")
ADDRESS = os.environ.get("SARING_RAY_ADDRESS")
pytestmark = pytest.mark.skipif(not ADDRESS, reason="no Ray head: set SARING_RAY_ADDRESS")


def clean(inputs: str, output: str, options: dict[str, Any], *extra: str) -> None:
    saring = str(Path(sys.executable).with_name("saring"))
    given = [f"--storage-option={k}={v}" for k, v in options.items()]
    command = [saring, "clean", inputs, "-o", output, "--shard-bytes", "0", "--no-report"]
    env = {**os.environ, "RAY_AUTH_MODE": os.environ.get("RAY_AUTH_MODE", "disabled")}
    done = subprocess.run(
        [*command, *extra, *given], capture_output=True, timeout=900, check=False, env=env
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]


def test_ray_with_s3_input_and_output_matches_a_local_run(
    crawl: tuple[str, Path], bucket: str, s3_options: dict[str, Any], tmp_path: Path
) -> None:
    remote, local = crawl
    assert ADDRESS is not None
    clean(remote, f"{bucket}/out", s3_options, "--ray", ADDRESS)
    clean(str(local), str(tmp_path / "local"), s3_options, "--workers", "2")
    fs = s3fs_of(s3_options)
    fs.invalidate_cache()
    root = bucket.removeprefix("s3://")
    for part in ("docs", "removed"):
        on_ray = {p.rsplit("/", 1)[-1]: fs.cat(p) for p in fs.find(f"{root}/out/{part}")}
        on_disk = {p.name: p.read_bytes() for p in (tmp_path / "local" / part).iterdir()}
        assert on_ray == on_disk
        assert len(on_ray) == {"docs": 3, "removed": 6}[part]  # removed: two stages
    assert not fs.find(f"{root}/out/_work")
    assert not (tmp_path / "scratch").exists()  # nothing of the Ray run on this disk
