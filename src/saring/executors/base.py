"""The one small interface every executor implements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from saring.params import Params
from saring.stats import StepStats

Report = Callable[[int, int], None]
"""Progress callback: (documents processed, input bytes read) since the last call."""


class Task(Protocol):
    """A unit of work: picklable, idempotent, returns the stats of what it did."""

    def __call__(self, report: Report) -> list[StepStats]: ...


class Executor(Params):
    """Runs independent tasks and returns their stats in task order.

    The runner calls ``run`` once per phase of a stage and waits for it to return before the
    next phase starts; executors know nothing about steps or documents.
    """

    def run(self, tasks: Sequence[Task], report: Report) -> list[list[StepStats]]:
        """Run every task (in any order, anywhere) and return their results in task order."""
        raise NotImplementedError

    def close(self, cancel: bool = False) -> None:
        """Release workers kept between runs (the runner calls this when a pipeline ends)."""
