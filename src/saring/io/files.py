"""Finding input files: folders walked in a stable order, globs expanded, and the inputs that
are skipped (names that are not UTF-8, dangling links, FIFOs, earlier saring outputs) noted."""

from __future__ import annotations

import logging
import os
import posixpath
import stat
from typing import Any

from saring import storage

RUN_MARKERS = (".saring-run", os.path.join("_work", "config.toml"))
"""Files that mark a folder as a saring run's output (finished, or unfinished)."""
_log = logging.getLogger("saring")


def note(message: str) -> None:
    """Tell the user about an input that is skipped (printed to stderr once per run)."""
    _log.warning("saring: note: %s", message)


def is_run_output(folder: str) -> bool:
    """Return whether a folder is the output of a saring run (it holds a run marker)."""
    return any(storage.isfile(storage.join(folder, marker)) for marker in RUN_MARKERS)


def is_utf8(path: str) -> bool:
    """Return whether a path is valid UTF-8 (a byte that is not comes as a lone surrogate)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # a byte that is not UTF-8, carried as a lone surrogate
        return False
    return True


def shown(path: str) -> str:
    """Return a path as it can be printed, its non-UTF-8 bytes escaped."""
    return repr(path.encode("utf-8", "surrogateescape"))[2:-1]


def find_files(folder: str, quiet: bool = False) -> list[str]:
    """Return the regular files under a folder, sorted, following symlinked folders once each.

    Skipped with a note: names that are not UTF-8, dangling symlinks, FIFOs, sockets and
    devices, unreadable folders, symlink loops, and earlier saring outputs nested inside (a
    folder that is itself an output is read from its ``docs/`` only)."""
    tell = (lambda message: None) if quiet else note
    if storage.is_url(folder):
        return _find_remote(folder, tell)
    found: list[str] = []
    seen: set[tuple[int, int]] = set()

    def visit(path: str) -> None:
        try:
            info = os.stat(path)
        except OSError as exc:
            tell(f"skipped unreadable folder {shown(path)}: {exc.strerror}")
            return
        if (info.st_dev, info.st_ino) in seen:
            tell(f"skipped {shown(path)}: a symlink back to a folder already read")
            return
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            tell(f"skipped unreadable folder {shown(path)}: {exc.strerror}")
            return
        for entry in entries:
            if not is_utf8(entry.path):
                tell(f"skipped {shown(entry.path)}: its name is not valid UTF-8; rename it")
                continue
            try:
                mode = os.stat(entry.path).st_mode
            except OSError:
                tell(f"skipped {entry.path}: a symlink to nothing (dangling)")
                continue
            if stat.S_ISDIR(mode):
                if is_run_output(entry.path):
                    tell(f"skipped {entry.path}: the output of an earlier saring run")
                else:
                    visit(entry.path)
            elif stat.S_ISREG(mode):
                found.append(entry.path)
            else:
                tell(f"skipped {entry.path}: not a regular file (FIFO, socket or device)")

    if is_run_output(folder):
        tell(f"{folder} is an earlier saring run's output: reading its docs/ only")
        folder = os.path.join(folder, "docs")
    visit(folder)
    return sorted(found)


def _find_remote(folder: str, tell: Any) -> list[str]:
    """Return the files under a folder of an object store, sorted, without earlier outputs."""
    files = storage.find(folder)
    root = folder.rstrip("/")
    outputs = {
        path[: -len(marker) - 1]
        for path in files
        for marker in RUN_MARKERS
        if path.endswith("/" + marker.replace(os.sep, "/"))
    }
    if root in outputs:
        tell(f"{folder} is an earlier saring run's output: reading its docs/ only")
        root = posixpath.join(root, "docs")
        outputs.discard(folder.rstrip("/"))
        files = [path for path in files if path.startswith(root + "/")]
    for output in sorted(outputs):
        tell(f"skipped {output}: the output of an earlier saring run")
    return [path for path in files if not any(path.startswith(o + "/") for o in outputs)]


def globbed(path: str) -> bool:
    """Return whether a glob match is a file to read; say why when it is not."""
    if storage.is_url(path):
        return True  # an object store's glob matches objects only
    if not is_utf8(path):
        note(f"skipped {shown(path)}: its name is not valid UTF-8; rename it")
        return False
    if os.path.isdir(path):
        return False
    if not os.path.isfile(path):
        note(f"skipped {path}: not a regular file, or a symlink to nothing")
        return False
    parent = os.path.dirname(os.path.abspath(path))
    while parent != os.path.dirname(parent):
        if is_run_output(parent):
            note(f"skipped {path}: inside the output of an earlier saring run")
            return False
        parent = os.path.dirname(parent)
    return True
