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

from saring import storage
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
    saved = next((p for p in (layout.unfinished, layout.run) if storage.exists(p)), None)
    if overwrite and saved:
        clear(layout)
        saved = None
    if saved == layout.unfinished:
        if read_text(saved) != fingerprint:
            raise SaringError(
                f"{layout.root} holds an unfinished run of another pipeline or other input "
                "files; use --overwrite to start again"
            )
        _ready_scratch(layout, fingerprint)
        return None
    if saved == layout.run:
        if read_text(saved) != fingerprint:
            raise SaringError(
                f"{layout.root} holds the output of another pipeline or other input files; "
                "use --overwrite to replace it"
            )
        return RunSummary.from_dict(layout.root, orjson.loads(storage.read_bytes(layout.stats)))
    for path in (layout.docs, layout.removed):
        if storage.listdir(path):
            raise SaringError(f"{path} is not empty and holds no saring run; choose another folder")
    storage.makedirs(layout.work)
    write_text(layout.unfinished, fingerprint)
    _ready_scratch(layout, fingerprint)
    return None


def _ready_scratch(layout: Layout, fingerprint: str) -> None:
    """Make a local scratch folder (remote output) ready: kept if it holds this run's work,
    else emptied (the work of another run, or of a run on another machine)."""
    if layout.work_config == layout.unfinished:
        return
    if storage.exists(layout.work_config) and read_text(layout.work_config) == fingerprint:
        return
    remove(layout.work)
    storage.makedirs(layout.work)
    write_text(layout.work_config, fingerprint)


def clear(layout: Layout) -> None:
    """Remove a saring run's files from its output folder, and nothing else: the files its
    manifest lists, or (for an unfinished run) its work folder and output parts."""
    manifest = storage.join(layout.root, MANIFEST)
    listed: list[str] = []
    if storage.exists(manifest):
        listed = orjson.loads(storage.read_bytes(manifest))
    listed += _parts(layout)
    remote = storage.is_url(layout.root)
    for name in listed:
        if remote:
            if _inside(name):
                storage.remove(storage.join(layout.root, name))
            continue
        path = os.path.normpath(os.path.join(layout.root, name))
        if path.startswith(os.path.normpath(layout.root) + os.sep) and os.path.isfile(path):
            os.remove(path)
    for folder in (layout.docs, layout.removed):
        if not remote and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
    remove(layout.work)
    remove(storage.join(layout.root, "_work"))
    for path in (manifest, layout.run):
        remove(path)


def _inside(name: str) -> bool:
    """Return whether a manifest entry names a file inside the output folder."""
    parts = name.replace("\\", "/").split("/")
    return bool(name) and not name.startswith("/") and ".." not in parts and "" not in parts


def _parts(layout: Layout) -> list[str]:
    """Return the output parts in ``docs/`` and ``removed/``, relative to the output folder."""
    return [
        f"{os.path.basename(folder)}/{name}"
        for folder in (layout.docs, layout.removed)
        for name in storage.listdir(folder)
        if _PART.match(name)
    ]


def write_manifest(layout: Layout, names: list[str]) -> None:
    """List every file of the finished run: ``names`` in the folder's root and the parts in
    ``docs/`` and ``removed/``."""
    files = [*names, *_parts(layout)]
    path = storage.join(layout.root, MANIFEST)
    storage.write_bytes(path, orjson.dumps(sorted(set(files)), option=orjson.OPT_INDENT_2))


def read_text(path: str) -> str:
    return storage.read_bytes(path).decode("utf-8")


def write_text(path: str, text: str) -> None:
    storage.write_bytes(path, text.encode("utf-8"))


class Lock:
    """Holds ``.saring-lock`` in an output folder while a run writes it; a lock whose process
    is gone (on this host) is stale and taken over."""

    def __init__(self, root: str) -> None:
        self.path = storage.join(root, LOCK)
        self.owner = f"{os.getpid()} {socket.gethostname()}"

    def __enter__(self) -> Lock:
        for _ in range(2):
            if not storage.create(self.path, (self.owner + "\n").encode()):
                holder = _holder(self.path)
                if holder is not None:
                    raise SaringError(
                        f"{storage.parent(self.path)} is being written by another run "
                        f"(process {holder}); wait for it or choose another folder (if that "
                        f"run is gone, delete {self.path})"
                    ) from None
                storage.remove(self.path)  # stale: its process is gone
                continue
            return self
        raise SaringError(f"cannot lock {storage.parent(self.path)}")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if _read_owner(self.path) == self.owner:
            storage.remove(self.path)


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
    if error.errno != errno.ENOSPC or storage.is_url(root):
        return None
    stats = os.statvfs(root)
    free = stats.f_bavail * stats.f_frsize >> 20
    return SaringError(
        f"no space left on the device of {root} ({free} MB free); free some space and run "
        "the same command again: it resumes where it stopped"
    )
