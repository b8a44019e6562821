"""Where a run puts its files inside the output folder.

``docs/`` and ``removed/`` hold results, ``stats.json`` and ``config.toml`` the account of
the run; ``_work/`` holds spilled documents, keyed records, decisions and per-task completion
markers while the run is unfinished, and is deleted when it completes. With an output on
an object store and workers on this machine, those work files are kept in a local scratch
folder instead (``work_dir``); ``_work/config.toml`` in the output still marks the run as
unfinished.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from saring import storage


def scratch_for(root: str) -> str:
    """Return the local folder that holds the work files of a run whose output is remote:
    always the same one for one output URL, so that a killed run resumes from it."""
    base = os.environ.get("SARING_SCRATCH") or os.path.join(
        os.path.expanduser("~"), ".cache", "saring", "work"
    )
    name = hashlib.sha256(root.rstrip("/").encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return os.path.join(base, name)


@dataclass(frozen=True)
class Layout:
    """Paths of one run's files; ``work_dir`` puts its work files elsewhere than ``_work/``."""

    root: str
    work_dir: str = ""

    @property
    def docs(self) -> str:
        return storage.join(self.root, "docs")

    @property
    def removed(self) -> str:
        return storage.join(self.root, "removed")

    @property
    def work(self) -> str:
        return self.work_dir or storage.join(self.root, "_work")

    @property
    def unfinished(self) -> str:
        """What marks the output folder as holding an unfinished run (its fingerprint)."""
        return storage.join(self.root, "_work", "config.toml")

    @property
    def stats(self) -> str:
        return storage.join(self.root, "stats.json")

    @property
    def config(self) -> str:
        return storage.join(self.root, "config.toml")

    @property
    def run(self) -> str:
        """What identifies a finished run (pipeline and input files), to tell a rerun."""
        return storage.join(self.root, ".saring-run")

    @property
    def work_config(self) -> str:
        return storage.join(self.work, "config.toml")

    def docs_file(self, shard: int, extension: str) -> str:
        return storage.join(self.docs, f"part-{shard:05d}{extension}")

    def removed_file(self, shard: int, stage: int, extension: str) -> str:
        return storage.join(self.removed, f"part-{shard:05d}-{stage}{extension}")

    def stage_dir(self, stage: int) -> str:
        return storage.join(self.work, f"stage-{stage}")

    def spool(self, stage: int, shard: int) -> str:
        """Documents a stage kept for its global step, in order."""
        return storage.join(self.stage_dir(stage), "spool", f"{shard:05d}.jsonl.zst")

    def keys(self, stage: int) -> str:
        """Sorted runs of the keyed records every shard observed."""
        return storage.join(self.stage_dir(stage), "keys")

    def tally(self, stage: int, shard: int) -> str:
        """The tally counts one shard observed."""
        return storage.join(self.stage_dir(stage), "tally", f"{shard:05d}.json")

    def totals(self, stage: int) -> str:
        """The tally counts over all shards."""
        return storage.join(self.stage_dir(stage), "totals.json")

    def round_dir(self, stage: int, number: int) -> str:
        """What one reduce round wrote: messages, broadcasts and decisions."""
        return storage.join(self.stage_dir(stage), f"round-{number:04d}")

    def sends(self, stage: int, number: int) -> str:
        return storage.join(self.round_dir(stage, number), "sends")

    def broadcasts(self, stage: int, number: int) -> str:
        return storage.join(self.round_dir(stage, number), "broadcast")

    def decisions(self, stage: int, number: int) -> str:
        return storage.join(self.round_dir(stage, number), "decisions")

    def scratch(self, stage: int, number: int, partition: int) -> str:
        """Where a reduce task sorts records it makes itself (an earlier run's index)."""
        return storage.join(self.round_dir(stage, number), "scratch", f"{partition:05d}")

    def sample(self, stage: int, shard: int) -> str:
        """A map task's sample of the documents it removed or kept (``saring.sample``)."""
        return storage.join(self.stage_dir(stage), "sample", f"{shard:05d}.json")

    def done(self, stage: int) -> str:
        return storage.join(self.stage_dir(stage), "done")

    def map_marker(self, stage: int, shard: int) -> str:
        return storage.join(self.done(stage), f"map-{shard:05d}.json")

    def reduce_marker(self, stage: int, number: int, partition: int) -> str:
        return storage.join(self.done(stage), f"reduce-{number:04d}-{partition:05d}.json")
