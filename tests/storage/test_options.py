"""Storage options: where they come from (``--storage-option``, ``[storage]``), which scheme
they hold for, and that credentials are never saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from saring import JsonlReader, Pipeline, config, storage
from saring.cli import _configure_storage, build_parser
from saring.errors import ConfigError, SaringError


@pytest.fixture(autouse=True)
def _reset() -> Iterator[None]:
    yield
    storage.configure({})


def test_option_values_are_typed_and_dotted_keys_hold_for_one_scheme() -> None:
    assert storage.parse_option("anon=true") == ("anon", True)
    assert storage.parse_option("s3.max_concurrency=4") == ("s3.max_concurrency", 4)
    assert storage.parse_option("endpoint_url=http://127.0.0.1:9000") == (
        "endpoint_url",
        "http://127.0.0.1:9000",
    )
    with pytest.raises(SaringError, match="KEY=VALUE"):
        storage.parse_option("anon")
    storage.configure({"endpoint_url": "http://x", "s3.profile": "riset", "gs": {"project": "p"}})
    assert storage.options_for("s3") == {"endpoint_url": "http://x", "profile": "riset"}
    assert storage.options_for("gs") == {"endpoint_url": "http://x", "project": "p"}


def test_public_options_leave_out_every_credential() -> None:
    given = {
        "endpoint_url": "http://x",
        "key": "AKID",
        "secret": "s",
        "s3.token": "t",
        "s3.profile": "riset",
        "hf": {"token": "hf_abc"},
        "password": "p",
    }
    assert storage.public(given) == {"endpoint_url": "http://x", "s3": {"profile": "riset"}}


def test_the_storage_table_round_trips_without_credentials(tmp_path: Path) -> None:
    pipeline = Pipeline(JsonlReader(["s3://korpus/crawl/"]), [], "s3://korpus/out")
    text = config.dumps(pipeline, None, {"endpoint_url": "http://x", "secret": "rahasia"})
    assert "rahasia" not in text
    path = tmp_path / "pipeline.toml"
    path.write_text(text, encoding="utf-8")
    assert config.load_storage(str(path)) == {"endpoint_url": "http://x"}
    loaded, _ = config.load(str(path))
    assert loaded.reader.paths == ["s3://korpus/crawl/"]
    with pytest.raises(ConfigError, match="storage must be a table"):
        config.loads('output = "o"\nstorage = 3\n[reader]\nclass = "JsonlReader"\npaths = ["a"]\n')


def test_command_line_options_override_the_configs_table(tmp_path: Path) -> None:
    path = tmp_path / "pipeline.toml"
    pipeline = Pipeline(JsonlReader(["in.jsonl"]), [], "out")
    path.write_text(config.dumps(pipeline, None, {"s3": {"profile": "a", "anon": False}}))
    args = build_parser().parse_args(
        ["run", str(path), "--storage-option", "s3.profile=b", "--storage-option", "key=k"]
    )
    _configure_storage(args)
    assert storage.current() == {"s3": {"profile": "b", "anon": False}, "key": "k"}


def test_an_unknown_scheme_or_missing_extra_is_a_one_line_error() -> None:
    with pytest.raises(SaringError, match=r"storage scheme|need"):
        storage.exists("nosuchscheme://bucket/x")


def test_local_paths_never_touch_fsspec(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.json"
    storage.write_bytes(str(target), b"{}")
    assert storage.read_bytes(str(target)) == b"{}"
    assert storage.listdir(str(tmp_path / "a")) == ["b.json"]
    assert not storage.is_url(str(target))
    assert storage.is_url("memory://x")


def test_a_run_on_memory_urls_gives_the_local_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fsspec

    import saring
    from conftest import corpus_rows
    from saring import ExactDedup, LocalExecutor, NormalizeWhitespace

    monkeypatch.setenv("SARING_SCRATCH", str(tmp_path / "scratch"))
    memory = fsspec.filesystem("memory")
    local = tmp_path / "crawl"
    local.mkdir()
    for name, data in corpus_rows().items():
        memory.pipe(f"/uji-memori/crawl/{name}", data)
        (local / name).write_bytes(data)
    steps = [NormalizeWhitespace(), ExactDedup()]
    try:
        # memory:// lives in one process: one worker, which runs in this one.
        in_memory = Pipeline(
            JsonlReader(["memory://uji-memori/crawl"]),
            steps,
            "memory://uji-memori/out",
            shard_bytes=0,
        )
        saring.run(in_memory, LocalExecutor(workers=1))
        on_disk = Pipeline(JsonlReader([str(local)]), steps, str(tmp_path / "out"), shard_bytes=0)
        saring.run(on_disk, LocalExecutor(workers=1))
        for part in ("docs", "removed"):
            found = memory.find(f"/uji-memori/out/{part}")
            assert {p.rsplit("/", 1)[-1]: memory.cat(p) for p in found} == {
                p.name: p.read_bytes() for p in (tmp_path / "out" / part).iterdir()
            }
    finally:
        memory.rm("/uji-memori", recursive=True)
