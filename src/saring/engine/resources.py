"""What a task cost: its peak resident memory, read from the kernel (Linux), per task."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from types import TracebackType


class PeakMemory:
    """Measures a task's peak resident set size: the kernel's high-water mark is reset when
    the task starts (``/proc/self/clear_refs``) and read when it ends; 0 where unsupported.
    Memory that earlier tasks of the same worker freed is handed back first."""

    def __init__(self) -> None:
        self.start = 0
        self.peak = 0

    def __enter__(self) -> PeakMemory:
        release_free_memory()
        self.start = _status("VmRSS:")
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
        self.peak = _status("VmHWM:")

    @property
    def growth(self) -> int:
        """Bytes the peak rose above what the process held when the task started."""
        return max(0, self.peak - self.start)


def _libc() -> ctypes.CDLL | None:
    """Return the C library if it has ``malloc_trim`` (glibc), else ``None``. The running
    program's own symbols are looked at first: ``ctypes.util.find_library`` runs
    ``ldconfig -p`` in a subprocess, which every worker process would pay for at start."""
    for name in (None, "c"):
        try:
            libc = ctypes.CDLL(None if name is None else ctypes.util.find_library(name))
        except OSError:
            continue
        if hasattr(libc, "malloc_trim"):
            return libc
    return None


_LIBC = _libc()


def release_free_memory() -> None:
    """Hand the memory earlier tasks freed back to the system (glibc keeps freed heap pages
    otherwise), so that a worker holds only what its current task needs. What survives the
    collection (modules, language models, word lists) is frozen, so that the automatic full
    collections during the task do not walk it again; it is unfrozen first, so that what an
    earlier task froze and has since become unreachable in a reference cycle is collected
    (a full collection costs about 10 ms with the language model loaded)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _status(field: str) -> int:
    """Return a memory figure of this process in bytes (``VmRSS:`` now, ``VmHWM:`` the peak
    since it was last reset), or 0 where the system does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
