"""What a task cost: its peak resident memory, read from the kernel (Linux), per task."""

from __future__ import annotations

from types import TracebackType


class PeakMemory:
    """Measures a task's peak resident set size: the kernel's high-water mark is reset when
    the task starts (``/proc/self/clear_refs``) and read when it ends; 0 where unsupported."""

    def __init__(self) -> None:
        self.peak = 0

    def __enter__(self) -> PeakMemory:
        try:
            with open("/proc/self/clear_refs", "w") as refs:
                refs.write("5")
        except OSError:
            pass
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.peak = peak_rss()


def peak_rss() -> int:
    """Return this process's peak resident set size in bytes since it was last reset."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
