"""Runs tasks on a Ray cluster (``pip install saring[ray]``).

Every node must reach the pipeline's inputs and output: on an object store (``s3://``,
``gs://``, …; nodes then share nothing else, and the run's work files go to the store too),
or at the same paths on a shared file system. Tasks read and write there exactly as local
workers do, carrying the run's storage options, so the output is the same byte for byte.
Ray is imported here only, when a run starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from saring.errors import SaringError
from saring.executors.base import Executor, Report, Task
from saring.stats import StepStats


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise SaringError("the Ray executor needs Ray: pip install 'saring[ray]'") from exc
    return ray


def _run_task(task: Task, progress: Any) -> list[StepStats]:
    """Run one task on a Ray worker, sending its progress through a Ray queue."""
    return task(lambda docs, read: progress.put_nowait((docs, read)))


class RayExecutor(Executor):
    """Runs each task as a Ray task using ``cpus_per_task`` CPUs, on the cluster at ``address``
    ("auto": the running cluster this machine belongs to; "local": a new Ray on this machine;
    else a cluster address), unless Ray is already initialised in this process."""

    def __init__(self, address: str = "auto", cpus_per_task: float = 1.0) -> None:
        self.address = address
        self.cpus_per_task = cpus_per_task

    def run(self, tasks: Sequence[Task], report: Report) -> list[list[StepStats]]:
        ray = _import_ray()
        if not ray.is_initialized():
            ray.init(address=self.address, include_dashboard=False, log_to_driver=False)
        from ray.util.queue import Empty, Queue

        progress = Queue()

        run_task = ray.remote(num_cpus=self.cpus_per_task, max_retries=0)(_run_task)
        futures = [run_task.remote(task, progress) for task in tasks]
        pending = list(futures)
        try:
            while pending:
                done, pending = ray.wait(pending, num_returns=len(pending), timeout=0.2)
                ray.get(done)  # raises a failed task's error at once
                while True:
                    try:
                        docs, read = progress.get_nowait()
                    except Empty:
                        break
                    report(docs, read)
            return [ray.get(future) for future in futures]
        except BaseException:
            for future in pending:
                ray.cancel(future, force=True)
            raise
        finally:
            progress.shutdown()
