"""Where a run puts its files inside the output folder.

``docs/`` and ``removed/`` hold results, ``stats.json`` and ``config.toml`` the account of
the run; ``_work/`` holds spilled documents, keyed records, decisions and per-task completion
markers while the run is unfinished, and is deleted when it completes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    """Paths of one run's files."""

    root: str

    @property
    def docs(self) -> str:
        return os.path.join(self.root, "docs")

    @property
    def removed(self) -> str:
        return os.path.join(self.root, "removed")

    @property
    def work(self) -> str:
        return os.path.join(self.root, "_work")

    @property
    def stats(self) -> str:
        return os.path.join(self.root, "stats.json")

    @property
    def config(self) -> str:
        return os.path.join(self.root, "config.toml")

    @property
    def run(self) -> str:
        """What identifies a finished run (pipeline and input files), to tell a rerun."""
        return os.path.join(self.root, ".saring-run")

    @property
    def work_config(self) -> str:
        return os.path.join(self.work, "config.toml")

    def docs_file(self, shard: int, extension: str) -> str:
        return os.path.join(self.docs, f"part-{shard:05d}{extension}")

    def removed_file(self, shard: int, stage: int, extension: str) -> str:
        return os.path.join(self.removed, f"part-{shard:05d}-{stage}{extension}")

    def stage_dir(self, stage: int) -> str:
        return os.path.join(self.work, f"stage-{stage}")

    def spool(self, stage: int, shard: int) -> str:
        """Documents a stage kept for its global step, in order."""
        return os.path.join(self.stage_dir(stage), "spool", f"{shard:05d}.jsonl.zst")

    def keys(self, stage: int) -> str:
        """Sorted runs of the keyed records every shard observed."""
        return os.path.join(self.stage_dir(stage), "keys")

    def tally(self, stage: int, shard: int) -> str:
        """The tally counts one shard observed."""
        return os.path.join(self.stage_dir(stage), "tally", f"{shard:05d}.json")

    def totals(self, stage: int) -> str:
        """The tally counts over all shards."""
        return os.path.join(self.stage_dir(stage), "totals.json")

    def round_dir(self, stage: int, number: int) -> str:
        """What one reduce round wrote: messages, broadcasts and decisions."""
        return os.path.join(self.stage_dir(stage), f"round-{number:04d}")

    def sends(self, stage: int, number: int) -> str:
        return os.path.join(self.round_dir(stage, number), "sends")

    def broadcasts(self, stage: int, number: int) -> str:
        return os.path.join(self.round_dir(stage, number), "broadcast")

    def decisions(self, stage: int, number: int) -> str:
        return os.path.join(self.round_dir(stage, number), "decisions")

    def scratch(self, stage: int, number: int, partition: int) -> str:
        """Where a reduce task sorts records it makes itself (an earlier run's index)."""
        return os.path.join(self.round_dir(stage, number), "scratch", f"{partition:05d}")

    def sample(self, stage: int, shard: int) -> str:
        """A map task's sample of the documents it removed or kept (``saring.sample``)."""
        return os.path.join(self.stage_dir(stage), "sample", f"{shard:05d}.json")

    def done(self, stage: int) -> str:
        return os.path.join(self.stage_dir(stage), "done")

    def map_marker(self, stage: int, shard: int) -> str:
        return os.path.join(self.done(stage), f"map-{shard:05d}.json")

    def reduce_marker(self, stage: int, number: int, partition: int) -> str:
        return os.path.join(self.done(stage), f"reduce-{number:04d}-{partition:05d}.json")
