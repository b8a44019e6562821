"""The engine: cuts a pipeline into stages and tasks, shuffles keyed records between them,
resumes killed runs and writes the account."""

from saring.engine.runner import run

__all__ = ["run"]
