"""``hf://datasets/…`` inputs, read through fsspec's ``hf`` protocol. Nothing may reach the
network: the protocol is pointed at a local folder laid out as the Hub lays out a dataset
repository, by registering a small local filesystem under the ``hf`` name."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

import saring
from conftest import corpus_rows
from saring import ExactDedup, JsonlReader, LocalExecutor, NormalizeWhitespace, Pipeline
from saring.errors import InputError

fsspec = pytest.importorskip("fsspec")
from fsspec.implementations.dirfs import DirFileSystem  # noqa: E402 - after the skip
from fsspec.implementations.local import LocalFileSystem  # noqa: E402


class LocalHub(DirFileSystem):  # type: ignore[misc]
    """The ``hf`` protocol on a local folder: ``hf://datasets/o/n/x`` is ``root/datasets/o/n/x``."""

    protocol = "hf"
    root: ClassVar[str] = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(path=self.root, fs=LocalFileSystem())


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A local stand-in for the Hub, registered as ``hf://`` for this test only."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    root = tmp_path / "hub"
    repo = root / "datasets" / "saring-org" / "berita" / "data"
    repo.mkdir(parents=True)
    for name, data in corpus_rows().items():
        (repo / name).write_bytes(data)
    (repo.parent / "README.md").write_text("# berita\n", encoding="utf-8")
    monkeypatch.setattr(LocalHub, "root", str(root))
    # What fsspec.register_implementation("hf", LocalHub) does, undone after the test.
    monkeypatch.setitem(importlib.import_module("fsspec.registry")._registry, "hf", LocalHub)
    yield repo
    LocalHub.clear_instance_cache()


@pytest.mark.parametrize(
    "given",
    ["hf://datasets/saring-org/berita", "hf://datasets/saring-org/berita/data/*.jsonl"],
)
def test_hub_dataset_reads_as_its_local_copy(hub: Path, tmp_path: Path, given: str) -> None:
    steps = [NormalizeWhitespace(), ExactDedup()]
    # One worker runs in this process, where the stand-in is registered.
    on_hub = Pipeline(JsonlReader([given]), steps, str(tmp_path / "a"), shard_bytes=0)
    local = Pipeline(JsonlReader([str(hub)]), steps, str(tmp_path / "b"), shard_bytes=0)
    assert JsonlReader([given]).shards()[0] == "hf://datasets/saring-org/berita/data/part-0.jsonl"
    first = saring.run(on_hub, LocalExecutor(workers=1))
    second = saring.run(local, LocalExecutor(workers=1))
    assert first.kept == second.kept == 23
    for part in ("docs", "removed"):
        a = {p.name: p.read_bytes() for p in (tmp_path / "a" / part).iterdir()}
        b = {p.name: p.read_bytes() for p in (tmp_path / "b" / part).iterdir()}
        assert a == b


def test_a_missing_hub_path_is_a_one_line_error(hub: Path) -> None:
    with pytest.raises(InputError, match="input not found"):
        JsonlReader(["hf://datasets/saring-org/tidak-ada"]).shards()
