"""Runs tasks in worker processes on this machine."""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from saring.errors import ConfigError
from saring.executors.base import Executor, Report, Task
from saring.stats import StepStats

_progress_queue: Any = None


def _init_worker(progress: Any) -> None:
    global _progress_queue
    _progress_queue = progress


def _report_to_queue(docs: int, read: int) -> None:
    _progress_queue.put((docs, read))


def _run_in_worker(task: Task) -> list[StepStats]:
    return task(_report_to_queue)


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
        if min(self.worker_count(), len(tasks)) <= 1:
            return [task(report) for task in tasks]
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
            self._progress = context.Queue()
            self._pool = ProcessPoolExecutor(
                max_workers=self.worker_count(),
                mp_context=context,
                initializer=_init_worker,
                initargs=(self._progress,),
            )
        assert self._pool is not None
        return self._pool, self._progress

    def close(self, cancel: bool = False) -> None:
        pool = getattr(self, "_pool", None)
        if pool is not None:
            pool.shutdown(wait=not cancel, cancel_futures=True)
            self._pool = None


def _drain(progress: Any, report: Report) -> None:
    while True:
        try:
            docs, read = progress.get_nowait()
        except queue.Empty:
            return
        report(docs, read)
