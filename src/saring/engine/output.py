"""The output folder of a run: made ready, locked while a run writes it, and cleared of
nothing but the run's own files.

``.saring-run`` holds what identifies a finished run (its pipeline and input files) and
``.saring-manifest.json`` every file it wrote; ``_work/config.toml`` identifies an unfinished
one; ``.saring-lock`` names the process writing the folder.
"""

from __future__ import annotations

import errno
import os
import re
import socket
from types import TracebackType

import orjson

from saring.engine.files import remove
from saring.engine.layout import Layout
from saring.engine.summary import RunSummary
from saring.errors import SaringError

MANIFEST = ".saring-manifest.json"
LOCK = ".saring-lock"
_PART = re.compile(r"^part-\d{5}(?:-\d+)?\.[a-z.]+(?:\.tmp)?$")
"""Names of the parts a run writes into ``docs/`` and ``removed/``."""


def prepare(layout: Layout, fingerprint: str, overwrite: bool) -> RunSummary | None:
    """Make the output folder ready; return the saved summary if this run already finished."""
    saved = next((p for p in (layout.work_config, layout.run) if os.path.exists(p)), None)
    if overwrite and saved:
        clear(layout)
        saved = None
    if saved == layout.work_config:
        if read_text(saved) != fingerprint:
            raise SaringError(
                f"{layout.root} holds an unfinished run of another pipeline or other input "
                "files; use --overwrite to start again"
            )
        return None
    if saved == layout.run:
        if read_text(saved) != fingerprint:
            raise SaringError(
                f"{layout.root} holds the output of another pipeline or other input files; "
                "use --overwrite to replace it"
            )
        with open(layout.stats, "rb") as stats:
            return RunSummary.from_dict(layout.root, orjson.loads(stats.read()))
    for path in (layout.docs, layout.removed):
        if os.path.isdir(path) and os.listdir(path):
            raise SaringError(f"{path} is not empty and holds no saring run; choose another folder")
    os.makedirs(layout.work, exist_ok=True)
    write_text(layout.work_config, fingerprint)
    return None


def clear(layout: Layout) -> None:
    """Remove a saring run's files from its output folder, and nothing else: the files its
    manifest lists, or (for an unfinished run) its work folder and output parts."""
    manifest = os.path.join(layout.root, MANIFEST)
    listed: list[str] = []
    if os.path.exists(manifest):
        with open(manifest, "rb") as saved:
            listed = orjson.loads(saved.read())
    for folder in (layout.docs, layout.removed):
        if os.path.isdir(folder):
            listed += [
                os.path.relpath(os.path.join(folder, name), layout.root)
                for name in os.listdir(folder)
                if _PART.match(name)
            ]
    for name in listed:
        path = os.path.normpath(os.path.join(layout.root, name))
        if path.startswith(os.path.normpath(layout.root) + os.sep) and os.path.isfile(path):
            os.remove(path)
    for folder in (layout.docs, layout.removed):
        if os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
    remove(layout.work)
    for path in (manifest, layout.run):
        if os.path.exists(path):
            os.remove(path)


def write_manifest(layout: Layout, names: list[str]) -> None:
    """List every file of the finished run: ``names`` in the folder's root and the parts in
    ``docs/`` and ``removed/``."""
    files = list(names)
    for top in (layout.docs, layout.removed):
        if os.path.isdir(top):
            files += [
                os.path.relpath(os.path.join(top, name), layout.root)
                for name in os.listdir(top)
                if _PART.match(name)
            ]
    path = os.path.join(layout.root, MANIFEST)
    with open(path + ".tmp", "wb") as out:
        out.write(orjson.dumps(sorted(set(files)), option=orjson.OPT_INDENT_2))
    os.replace(path + ".tmp", path)


def read_text(path: str) -> str:
    with open(path, encoding="utf-8") as saved:
        return saved.read()


def write_text(path: str, text: str) -> None:
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(path + ".tmp", path)


class Lock:
    """Holds ``.saring-lock`` in an output folder while a run writes it; a lock whose process
    is gone (on this host) is stale and taken over."""

    def __init__(self, root: str) -> None:
        self.path = os.path.join(root, LOCK)
        self.owner = f"{os.getpid()} {socket.gethostname()}"

    def __enter__(self) -> Lock:
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        for _ in range(2):
            try:
                descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _holder(self.path)
                if holder is not None:
                    raise SaringError(
                        f"{os.path.dirname(self.path)} is being written by another run "
                        f"(process {holder}); wait for it or choose another folder"
                    ) from None
                os.remove(self.path)  # stale: its process is gone
                continue
            with os.fdopen(descriptor, "w") as lock:
                lock.write(self.owner + "\n")
            return self
        raise SaringError(f"cannot lock {os.path.dirname(self.path)}")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if os.path.exists(self.path) and _read_owner(self.path) == self.owner:
            os.remove(self.path)


def _read_owner(path: str) -> str:
    try:
        return read_text(path).strip()
    except OSError:
        return ""


def _holder(path: str) -> str | None:
    """Return who holds a lock, or ``None`` if its process is gone."""
    pid, _, host = _read_owner(path).partition(" ")
    if host != socket.gethostname():
        return f"{pid} on {host}"  # another host: cannot tell, so it holds
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return None
    except PermissionError:
        pass
    return pid


def no_space(error: OSError, root: str) -> SaringError | None:
    """Return a one-line error for a full disk, or ``None`` for another error."""
    if error.errno != errno.ENOSPC:
        return None
    stats = os.statvfs(root)
    free = stats.f_bavail * stats.f_frsize >> 20
    return SaringError(
        f"no space left on the device of {root} ({free} MB free); free some space and run "
        "the same command again: it resumes where it stopped"
    )
