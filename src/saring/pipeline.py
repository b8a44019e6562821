"""A pipeline: a reader, a list of steps and a writer, cut into stages at global steps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

from saring.io.base import Reader, Writer
from saring.params import Params
from saring.step import GlobalStep, Step

SHARD_BYTES = 64 << 20
"""Input bytes per task: smaller files are read together, in order, by one task."""


MAX_DOC_SECONDS = 60.0
"""Seconds one step may spend on one document before it goes to ``removed/`` as
``invalid/too_slow`` (0: no bound)."""


class Named(NamedTuple):
    """A step of a running pipeline with its unique name in the stats."""

    name: str
    step: Step


@dataclass(frozen=True)
class Stage:
    """Steps that run in one pass over every shard.

    A stage starts by applying the decisions of the previous stage's global step (``applies``),
    runs its local ``steps``, and ends by either observing documents for its own global step
    (``observes``) or writing the kept documents.
    """

    index: int
    applies: Named | None
    steps: tuple[Named, ...]
    observes: Named | None

    def global_step(self, which: str = "observes") -> tuple[str, GlobalStep]:
        """Return the name and step of the global step this stage ``observes`` for (or
        ``applies`` the decisions of)."""
        named = self.observes if which == "observes" else self.applies
        if named is None or not isinstance(named.step, GlobalStep):
            raise ValueError(f"stage {self.index} {which} no global step")
        return named.name, named.step


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
        shard_bytes: int = SHARD_BYTES,
        max_doc_seconds: float = MAX_DOC_SECONDS,
    ) -> None:
        self.reader = reader
        self.steps = steps
        self.output = output
        self.writer = writer
        self.strict = strict
        self.shard_bytes = shard_bytes
        self.max_doc_seconds = max_doc_seconds

    def output_writer(self) -> Writer:
        """Return the writer, Parquet unless one was given."""
        from saring.io.parquet import ParquetWriter

        return self.writer if self.writer is not None else ParquetWriter()

    def flat_steps(self) -> list[Named]:
        """Return the steps as they run, each named: multi-stage steps replaced by their parts,
        a class name numbered when it repeats (``LengthFilter#2``)."""
        seen: Counter[str] = Counter()
        named = []
        for part in (part for step in self.steps for part in step.parts()):
            base = type(part).__name__
            seen[base] += 1
            named.append(Named(base if seen[base] == 1 else f"{base}#{seen[base]}", part))
        return named

    def stages(self) -> list[Stage]:
        """Cut the steps into stages, one boundary at each global step."""
        stages: list[Stage] = []
        applies: Named | None = None
        current: list[Named] = []
        for named in self.flat_steps():
            if isinstance(named.step, GlobalStep):
                stages.append(Stage(len(stages), applies, tuple(current), named))
                applies, current = named, []
            else:
                current.append(named)
        stages.append(Stage(len(stages), applies, tuple(current), None))
        return stages

    def describe(self) -> dict[str, Any]:
        """Return the steps and their stage, for the report."""
        return {
            "stages": [
                [named.name for named in stage.steps]
                + ([stage.observes.name] if stage.observes else [])
                for stage in self.stages()
            ]
        }
