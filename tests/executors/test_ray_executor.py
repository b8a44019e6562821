"""The Ray executor gives the same output as local workers.

CI starts a Ray head on 127.0.0.1 and names it in SARING_RAY_ADDRESS; without it the test
starts a private local Ray for the module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import saring
from conftest import article, read_rows, write_jsonl
from saring import (
    ExactDedup,
    JsonlReader,
    LocalExecutor,
    NormalizeWhitespace,
    Pipeline,
    RayExecutor,
)
from saring.errors import InputError

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def executor() -> Iterator[RayExecutor]:
    address = os.environ.get("SARING_RAY_ADDRESS")
    options = {"include_dashboard": False, "log_to_driver": False, "_node_ip_address": "127.0.0.1"}
    # A private test cluster on loopback needs no token between its own processes.
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(address="local", num_cpus=2, object_store_memory=200_000_000, **options)
    yield RayExecutor(address=address or "local")
    ray.shutdown()


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for f in range(3):
        rows: list[dict[str, object] | bytes] = [
            {"id": f"d{f}-{i}", "text": article(i if i % 4 else 0)} for i in range(30)
        ]
        rows.append(b'{"id": "rusak"')
        write_jsonl(folder / f"part-{f}.jsonl", rows)
    return folder


def pipeline(source: Path, output: Path) -> Pipeline:
    steps = [NormalizeWhitespace(), ExactDedup()]
    return Pipeline(JsonlReader([str(source)]), steps, str(output), shard_bytes=0)


def test_ray_output_is_byte_identical_to_local(executor: RayExecutor, tmp_path: Path) -> None:
    source = corpus(tmp_path / "in")
    on_ray = saring.run(pipeline(source, tmp_path / "ray"), executor)
    local = saring.run(pipeline(source, tmp_path / "local"), LocalExecutor(workers=1))
    for part in ("docs", "removed"):
        ray_files = sorted((tmp_path / "ray" / part).iterdir())
        local_files = sorted((tmp_path / "local" / part).iterdir())
        assert [p.name for p in ray_files] == [p.name for p in local_files]
        assert [p.read_bytes() for p in ray_files] == [p.read_bytes() for p in local_files]
    # Each file repeats article 0 eight times and shares articles 1-29 (but not 4, 8, ...)
    # with the other files: 23 distinct texts survive out of 90.
    assert on_ray.dropped == local.dropped == {"dedup/exact": 67, "invalid/json": 3}
    assert len(read_rows(tmp_path / "ray" / "docs")) == on_ray.kept == 23


def test_strict_errors_surface_from_ray_workers(executor: RayExecutor, tmp_path: Path) -> None:
    source = corpus(tmp_path / "in")
    strict = pipeline(source, tmp_path / "out")
    strict.strict = True
    with pytest.raises(InputError, match=r"part-\d\.jsonl:31"):
        saring.run(strict, executor)


def test_ray_is_imported_only_by_the_ray_executor() -> None:
    code = "import sys, saring; sys.exit('ray' in sys.modules)"
    assert os.system(f'{sys.executable} -c "{code}"') == 0
