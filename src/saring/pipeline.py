"""A pipeline: a reader, a list of steps and a writer, cut into stages at global steps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from saring.io.base import Reader, Writer
from saring.params import Params
from saring.step import GlobalStep, Step


@dataclass(frozen=True)
class Stage:
    """Steps that run in one pass over every shard.

    A stage starts by applying the decisions of the previous stage's global step (``applies``),
    runs its local ``steps``, and ends by either observing documents for its own global step
    (``observes``) or writing the kept documents.
    """

    index: int
    applies: GlobalStep | None
    steps: tuple[Step, ...]
    observes: GlobalStep | None


class Pipeline(Params):
    """Reads documents, runs steps over them in order and writes kept and removed documents.

    >>> from saring import JsonlReader, NormalizeWhitespace, Pipeline
    >>> Pipeline(JsonlReader(["in.jsonl"]), [NormalizeWhitespace()], output="out")
    Pipeline(reader=JsonlReader(paths=['in.jsonl']), steps=[NormalizeWhitespace()], output='out')
    """

    def __init__(
        self,
        reader: Reader,
        steps: list[Step],
        output: str,
        writer: Writer | None = None,
        strict: bool = False,
    ) -> None:
        self.reader = reader
        self.steps = steps
        self.output = output
        self.writer = writer
        self.strict = strict

    def output_writer(self) -> Writer:
        """Return the writer, Parquet unless one was given."""
        from saring.io.parquet import ParquetWriter

        return self.writer if self.writer is not None else ParquetWriter()

    def flat_steps(self) -> list[Step]:
        """Return the steps as they run: multi-stage steps replaced by their parts."""
        # Kept, so that stages and stats name the same part objects; redone if steps change.
        key = tuple((id(step), repr(step)) for step in self.steps)
        if getattr(self, "_flat_key", None) != key:
            self._flat = [part for step in self.steps for part in step.parts()]
            self._flat_key = key
        return self._flat

    def stages(self) -> list[Stage]:
        """Cut the steps into stages, one boundary at each global step."""
        stages: list[Stage] = []
        applies: GlobalStep | None = None
        current: list[Step] = []
        for step in self.flat_steps():
            if isinstance(step, GlobalStep):
                stages.append(Stage(len(stages), applies, tuple(current), step))
                applies, current = step, []
            else:
                current.append(step)
        stages.append(Stage(len(stages), applies, tuple(current), None))
        return stages

    def step_names(self) -> list[str]:
        """Return a unique name per step for stats: the class name, numbered if repeated."""
        seen: Counter[str] = Counter()
        names = []
        for step in self.flat_steps():
            base = type(step).__name__
            seen[base] += 1
            names.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
        return names

    def describe(self) -> dict[str, Any]:
        """Return the steps and their stage, for the report."""
        names = iter(self.step_names())
        return {
            "stages": [
                [next(names) for _ in stage.steps] + ([next(names)] if stage.observes else [])
                for stage in self.stages()
            ]
        }
