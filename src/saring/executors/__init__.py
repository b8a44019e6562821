"""Backends that run a pipeline's tasks."""

from saring.executors.base import Executor
from saring.executors.local import LocalExecutor
from saring.executors.ray import RayExecutor

__all__ = ["Executor", "LocalExecutor", "RayExecutor"]
