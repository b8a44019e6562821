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

    def keys(self, stage: int, shard: int) -> str:
        """Keyed records one shard observed, one bucket per partition."""
        return os.path.join(self.stage_dir(stage), "keys", f"{shard:05d}.buckets")

    def decisions(self, stage: int, partition: int) -> str:
        """Decisions one partition's reduce addressed to documents, one bucket per shard."""
        return os.path.join(self.stage_dir(stage), "decisions", f"{partition:04d}.buckets")

    def map_marker(self, stage: int, shard: int) -> str:
        return os.path.join(self.stage_dir(stage), "done", f"map-{shard:05d}.json")

    def reduce_marker(self, stage: int, partition: int) -> str:
        return os.path.join(self.stage_dir(stage), "done", f"reduce-{partition:04d}.json")
