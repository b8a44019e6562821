"""Backends that run a pipeline's tasks."""

from saring.executors.base import Executor
from saring.executors.local import LocalExecutor

__all__ = ["Executor", "LocalExecutor"]
