"""Runs tasks in worker processes on this machine.

Lifecycle: each worker leads its own process group (so a page-extraction child it starts
goes with it) and watches the main process; when the main process dies, even by SIGKILL, the
worker kills its group at once. SIGTERM and SIGINT (Ctrl-C) in the main process stop the
workers and their children before the run exits; a rerun resumes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import select
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from types import FrameType
from typing import Any

from saring.errors import ConfigError
from saring.executors.base import Executor, Report, Task
from saring.stats import StepStats

_progress_queue: Any = None
PRELOAD = ("__main__", "saring.engine", "saring.presets")
"""What the fork server imports before it forks the workers: the script that started the run
(where a pipeline may define its own steps), the engine with its readers and writers, and
the presets with every package of steps they use. Each worker then starts with them loaded
instead of importing them as it unpickles its first task (about 0.4 s of CPU per worker)."""


def _init_worker(progress: Any, parent: int) -> None:
    global _progress_queue
    _progress_queue = progress
    from saring.io.parquet import withhold_pandas  # loaded already: the fork server preloads it

    withhold_pandas()
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Wait for the main process to end, then kill this worker's process group."""
    try:
        handle = os.pidfd_open(parent)
    except (AttributeError, OSError):  # not Linux 5.3+: poll instead
        while _alive(parent):
            time.sleep(0.5)
    else:
        select.select([handle], [], [])
    if os.getpgid(0) == os.getpid():
        os.killpg(os.getpid(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _report_to_queue(docs: int, read: int) -> None:
    _progress_queue.put((docs, read))


def _run_in_worker(task: Task) -> list[StepStats]:
    return task(_report_to_queue)


class Terminated(SystemExit):
    """The main process received SIGTERM: the run stops (exit status 143) and resumes later."""


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    """Turn SIGTERM into ``Terminated`` while a run is in progress (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Terminated(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class LocalExecutor(Executor):
    """Runs tasks on ``workers`` processes (default: all cores); one worker runs in-process."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers

    def validate(self) -> None:
        super().validate()
        if self.workers is not None and self.workers <= 0:
            raise ConfigError(f"workers must be a positive number, not {self.workers!r}")

    def worker_count(self) -> int:
        """Return the number of worker processes to use."""
        return self.workers or os.cpu_count() or 1

    def run(self, tasks: Sequence[Task], report: Report) -> list[list[StepStats]]:
        self.validate()
        with _sigterm_stops():
            if min(self.worker_count(), len(tasks)) <= 1:
                return [task(report) for task in tasks]
            return self._run_pool(tasks, report)

    def _run_pool(self, tasks: Sequence[Task], report: Report) -> list[list[StepStats]]:
        pool, progress = self._workers()
        results: dict[Future[list[StepStats]], int] = {}
        try:
            for index, task in enumerate(tasks):
                results[pool.submit(_run_in_worker, task)] = index
            pending = set(results)
            while pending:
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                _drain(progress, report)
                for future in finished:
                    future.result()  # raises the task's error here, at once
        except BaseException:
            self.close(cancel=True)
            raise
        _drain(progress, report)
        ordered: list[list[StepStats]] = [[] for _ in tasks]
        for future, index in results.items():
            ordered[index] = future.result()
        return ordered

    def _workers(self) -> tuple[ProcessPoolExecutor, Any]:
        """Return the worker pool and its progress queue, started on first use and kept for
        the stages that follow (starting workers costs more than a small stage)."""
        self._pool: ProcessPoolExecutor | None
        if getattr(self, "_pool", None) is None:
            context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
            if context.get_start_method() == "forkserver":
                context.set_forkserver_preload(list(PRELOAD))
            self._progress = context.Queue()
            self._pool = ProcessPoolExecutor(
                max_workers=self.worker_count(),
                mp_context=context,
                initializer=_init_worker,
                initargs=(self._progress, os.getpid()),
            )
        assert self._pool is not None
        return self._pool, self._progress

    def close(self, cancel: bool = False) -> None:
        pool = getattr(self, "_pool", None)
        if pool is not None:
            if cancel:
                _kill_workers(pool)
            pool.shutdown(wait=not cancel, cancel_futures=True)
            self._pool = None


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill each worker with its process group (its extraction child goes with it)."""
    processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for pid in list(processes):
        for kill in (os.killpg, os.kill):
            with contextlib.suppress(OSError):
                kill(pid, signal.SIGKILL)
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.join(timeout=5)


def _drain(progress: Any, report: Report) -> None:
    while True:
        try:
            docs, read = progress.get_nowait()
        except queue.Empty:
            return
        report(docs, read)
