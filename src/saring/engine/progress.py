"""A progress bar per stage on the terminal: documents/s, input MB/s and ETA."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from tqdm import tqdm


class Progress:
    """Shows progress by input bytes when the total is known in bytes, else by documents."""

    def __init__(self, label: str, total_bytes: int | None, total_docs: int | None) -> None:
        self.by_bytes = total_bytes is not None
        self.docs = 0
        self.started = time.perf_counter()
        self.bar = tqdm(
            total=total_bytes if self.by_bytes else total_docs,
            desc=label,
            unit="B" if self.by_bytes else " docs",
            unit_scale=True,
            disable=not sys.stderr.isatty(),
            leave=True,
            dynamic_ncols=True,
        )

    def __call__(self, docs: int, read: int) -> None:
        self.docs += docs
        self.bar.update(read if self.by_bytes else docs)
        if self.by_bytes:
            rate = self.docs / max(time.perf_counter() - self.started, 1e-9)
            self.bar.set_postfix_str(f"{self.docs:,} docs, {rate:,.0f} docs/s", refresh=False)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.bar.close()
