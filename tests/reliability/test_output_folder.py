"""The output folder: locked while a run writes it, refused when it cannot be one, cleared of
nothing but the run's own files, and a full disk reported in one line, then resumed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import saring
from conftest import article, read_rows, write_jsonl
from saring import ExactDedup, JsonlReader, LocalExecutor, NormalizeWhitespace, Pipeline
from saring.cli import main
from saring.errors import SaringError


def corpus(folder: Path, docs: int = 30, words: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {"id": f"d{n}", "text": " ".join(article(n * words + k) for k in range(words))}
        for n in range(docs)
    ]
    write_jsonl(folder / "part-0.jsonl", list(rows))
    return folder


def pipeline(source: Path, out: Path, steps: list[saring.Step] | None = None) -> Pipeline:
    chosen = steps if steps is not None else [NormalizeWhitespace(), ExactDedup()]
    return Pipeline(JsonlReader([str(source)]), chosen, str(out))


def test_a_second_run_on_a_locked_folder_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = corpus(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    # The lock of a live process (this one) on this host.
    (out / ".saring-lock").write_text(f"{os.getpid()} {socket.gethostname()}\n")
    assert main(["clean", str(source), "-o", str(out), "--workers", "1"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("saring: error:")
    assert "another run" in error
    assert "\n" not in error
    assert not (out / "docs").exists()


def test_a_stale_lock_is_taken_over_and_released(tmp_path: Path) -> None:
    source, out = corpus(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (out / ".saring-lock").write_text(f"{gone.pid} {socket.gethostname()}\n")
    summary = saring.run(pipeline(source, out), LocalExecutor(1))
    assert summary.kept == 30
    assert not (out / ".saring-lock").exists()


def test_overwrite_deletes_only_the_runs_own_files(tmp_path: Path) -> None:
    source, out = corpus(tmp_path / "in"), tmp_path / "out"
    saring.run(pipeline(source, out), LocalExecutor(1))
    (out / "notes.json").write_text("{}")  # the user's, beside the run
    (out / "mine").mkdir()
    (out / "mine" / "part-00000.parquet").write_text("not the run's")
    saring.run(pipeline(source, out, [NormalizeWhitespace()]), LocalExecutor(1), overwrite=True)
    assert (out / "notes.json").read_text() == "{}"
    assert (out / "mine" / "part-00000.parquet").read_text() == "not the run's"
    assert len(read_rows(out / "docs")) == 30


@pytest.mark.parametrize("where", ["file", "input", "parent"])
def test_an_output_that_cannot_hold_a_run_is_refused_before_any_work(
    tmp_path: Path, where: str
) -> None:
    source = corpus(tmp_path / "data" / "in")
    out = {"file": tmp_path / "out.jsonl", "input": source, "parent": tmp_path / "data"}[where]
    if where == "file":
        out.write_text("")
    with pytest.raises(SaringError) as caught:
        saring.run(pipeline(source, out), LocalExecutor(1))
    assert "\n" not in str(caught.value)
    assert not (source / "stats.json").exists()
    assert not (tmp_path / "data" / "stats.json").exists()


def test_a_full_disk_is_one_line_and_a_rerun_after_freeing_space_resumes(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        source = corpus(tmp_path / "in", docs=3000, words=3)
        with pytest.raises(SaringError, match=r"^no space left on .* resumes") as caught:
            saring.run(pipeline(source, mount / "out"), LocalExecutor(1))
        assert "\n" not in str(caught.value)
        subprocess.run(["mount", "-o", "remount,size=64m", str(mount)], check=True)
        saring.run(pipeline(source, mount / "out"), LocalExecutor(1))
        saring.run(pipeline(source, tmp_path / "whole"), LocalExecutor(1))
        assert read_rows(mount / "out" / "docs") == read_rows(tmp_path / "whole" / "docs")
    finally:
        shutil.rmtree(mount / "out", ignore_errors=True)
        subprocess.run(["umount", str(mount)], check=False)
