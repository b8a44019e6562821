"""Local executor lifecycle: SIGKILL, SIGTERM or SIGINT of the main process leaves no
forkserver, resource tracker, worker or extraction child behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import article, write_jsonl

TAG = "SARING_LIFECYCLE_TAG"


def run_processes(tag: str) -> list[int]:
    """Return the live (not zombie) processes whose environment carries the tag."""
    found = []
    needle = f"{TAG}={tag}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as environ:
                if needle not in environ.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/stat", "rb") as stat:
                if stat.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    continue
        except OSError:
            continue
        found.append(int(entry))
    return found


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for part in range(6):
        rows = [{"id": f"d{part}-{n}", "text": article(n) * 3} for n in range(400)]
        write_jsonl(folder / f"part-{part}.jsonl", rows)
    return folder


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_no_process_of_the_run_survives_the_main_process(tmp_path: Path, signum: int) -> None:
    tag = uuid.uuid4().hex
    command = [sys.executable, "-m", "saring.cli", "clean", str(_corpus(tmp_path / "in"))]
    command += ["-o", str(tmp_path / "out"), "--workers", "2", "--format", "jsonl"]
    command += ["--shard-bytes", "0"]  # a task per file, so that both workers start
    main = subprocess.Popen(
        command,
        env={**os.environ, TAG: tag},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        # The main process, the forkserver, the resource tracker and two workers.
        while len(run_processes(tag)) < 5 and main.poll() is None:
            assert time.monotonic() < deadline, "the run never started its workers"
            time.sleep(0.1)
        assert main.poll() is None, "the run ended before it could be interrupted"
        main.send_signal(signum)
        main.wait(timeout=60)
        deadline = time.monotonic() + 30
        while run_processes(tag) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert run_processes(tag) == []
    finally:
        for pid in run_processes(tag):
            os.kill(pid, signal.SIGKILL)
        if main.poll() is None:
            main.kill()
            main.wait()
