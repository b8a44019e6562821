"""A step that kills its whole run once, to test that a rerun resumes cleanly."""

from __future__ import annotations

import os
import signal

from saring import Document, StepStats, Transform


class KillOnce(Transform):
    """Kills the run's session group at ``doc_id`` if ``flag`` exists (removing it first)."""

    def __init__(self, doc_id: str = "", flag: str = "") -> None:
        self.doc_id = doc_id
        self.flag = flag

    def transform(self, doc: Document, stats: StepStats) -> Document:
        if doc.id == self.doc_id and os.path.exists(self.flag):
            os.remove(self.flag)
            os.killpg(os.getsid(0), signal.SIGKILL)  # the run (workers lead their own groups)
        return doc
