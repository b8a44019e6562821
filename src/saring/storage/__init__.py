"""Where files live: a local path stays on the fast path (``open``, ``os.scandir``,
``os.replace``); a URL with a scheme (``s3://``, ``gs://``, ``hf://``, ``memory://``) goes
through fsspec, with this process's storage options.

Object stores have no rename: a remote file is written to a local temporary file and
published by one upload (``put_file``; a multipart upload appears only when complete), so a
reader never sees part of it. Storage options (``endpoint_url``, ``profile``, ``anon``, …) are
set per process with ``configure``; a key ``s3.endpoint_url`` (or a ``s3`` sub-table) holds for
one scheme only, a bare key for every scheme. Options whose name holds key, secret, token,
password or credential are credentials: ``public`` leaves them out of everything saved.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from saring.errors import SaringError
from saring.storage.options import (
    configure,
    current,
    is_secret,
    normalize,
    options_for,
    parse_option,
    public,
)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_EXTRAS = {"s3": "s3", "s3a": "s3", "hf": "hf"}
"""The saring extra that brings a scheme's fsspec implementation."""
__all__ = [
    "configure",
    "create",
    "current",
    "exists",
    "filesystem",
    "find",
    "glob",
    "is_secret",
    "is_url",
    "isdir",
    "isfile",
    "join",
    "listdir",
    "normalize",
    "open_file",
    "options_for",
    "parse_option",
    "public",
    "publish",
    "read_bytes",
    "remove",
    "size",
    "staging",
    "stamp",
    "write_bytes",
    "writing",
]


def is_url(path: str) -> bool:
    """Return whether a path is a URL with a scheme (anything else is a local path)."""
    return _SCHEME.match(path) is not None


def filesystem(url: str) -> tuple[Any, str]:
    """Return (fsspec filesystem, path inside it) for a URL."""
    found = _SCHEME.match(url)
    scheme = found[1] if found else "file"
    try:
        import fsspec.core
    except ImportError as exc:  # pragma: no cover - fsspec is a core dependency
        raise SaringError("URLs need fsspec: pip install fsspec") from exc
    try:
        fs, path = fsspec.core.url_to_fs(url, **options_for(scheme))
    except ImportError as exc:
        extra = _EXTRAS.get(scheme)
        hint = f"pip install 'saring[{extra}]'" if extra else f"install fsspec's {scheme} support"
        raise SaringError(f"{scheme}:// paths need {hint} ({exc})") from exc
    except ValueError as exc:
        raise SaringError(f"unknown storage scheme in {url!r}: {exc}") from exc
    return fs, path


def url_of(fs: Any, path: str) -> str:
    """Return the URL of a path inside a filesystem (its scheme put back)."""
    return str(fs.unstrip_protocol(path))


def join(base: str, *parts: str) -> str:
    """Join path parts (``/`` in URLs)."""
    return posixpath.join(base, *parts) if is_url(base) else os.path.join(base, *parts)


def parent(path: str) -> str:
    """Return the folder a path is in."""
    return posixpath.dirname(path.rstrip("/")) if is_url(path) else os.path.dirname(path)


def exists(path: str) -> bool:
    if not is_url(path):
        return os.path.exists(path)
    fs, inner = filesystem(path)
    return bool(fs.exists(inner))


def isfile(path: str) -> bool:
    if not is_url(path):
        return os.path.isfile(path)
    fs, inner = filesystem(path)
    return bool(fs.isfile(inner))


def isdir(path: str) -> bool:
    if not is_url(path):
        return os.path.isdir(path)
    fs, inner = filesystem(path)
    fs.invalidate_cache(inner)
    return bool(fs.isdir(inner))


def info(path: str) -> dict[str, Any]:
    """Return what the store says of a remote file (size, ETag or time)."""
    fs, inner = filesystem(path)
    return dict(fs.info(inner))


def size(path: str) -> int:
    if not is_url(path):
        return os.path.getsize(path)
    return int(info(path)["size"])


def stamp(path: str) -> str:
    """Return what tells a changed file: its time (local), its ETag or time (remote)."""
    if not is_url(path):
        return f"{os.path.getmtime(path):.6f}"
    found = info(path)
    for key in ("ETag", "etag", "md5Hash", "blob_id", "sha", "mtime", "LastModified", "created"):
        if found.get(key):
            return str(found[key]).strip('"')
    return ""


def listdir(folder: str) -> list[str]:
    """Return the names in a folder, sorted ([] for a folder that is not there)."""
    if not is_url(folder):
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    fs, inner = filesystem(folder)
    fs.invalidate_cache(inner)
    try:
        found = fs.ls(inner, detail=False)
    except FileNotFoundError:
        return []
    names = {posixpath.basename(str(p).rstrip("/")) for p in found}
    return sorted(name for name in names if name)


def find(folder: str) -> list[str]:
    """Return the URLs of every file under a remote folder, sorted."""
    fs, inner = filesystem(folder)
    fs.invalidate_cache(inner)
    return sorted(url_of(fs, p) for p in fs.find(inner))


def glob(pattern: str) -> list[str]:
    """Return the URLs of the remote files a glob matches, sorted."""
    fs, inner = filesystem(pattern)
    fs.invalidate_cache()
    return sorted(url_of(fs, p) for p in fs.glob(inner) if fs.isfile(p))


def open_file(path: str, mode: str = "rb") -> IO[Any]:
    """Open a file to read (local: ``open``; remote: fsspec's buffered file)."""
    if not is_url(path):
        return open(path, mode)
    fs, inner = filesystem(path)
    return fs.open(inner, mode)  # type: ignore[no-any-return]


def read_bytes(path: str) -> bytes:
    with open_file(path) as file:
        return bytes(file.read())


def makedirs(path: str) -> None:
    """Make a local folder (object stores have none to make)."""
    if not is_url(path):
        os.makedirs(path, exist_ok=True)


def staging(path: str) -> str:
    """Return the temporary file to write ``path`` into before ``publish`` (local: beside it)."""
    if not is_url(path):
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        return path + ".tmp"
    descriptor, name = tempfile.mkstemp(prefix="saring-", suffix="-" + posixpath.basename(path))
    os.close(descriptor)
    return name


def publish(staged: str, path: str) -> None:
    """Put a staged file in place at once: a rename, or one upload of the whole file."""
    if not is_url(path):
        os.replace(staged, path)
        return
    fs, inner = filesystem(path)
    _parent_ready(fs, inner)
    try:
        fs.put_file(staged, inner)
    finally:
        os.remove(staged)


def discard(staged: str) -> None:
    """Delete a staged file that will not be published."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(staged)


@contextlib.contextmanager
def writing(path: str) -> Iterator[str]:
    """Yield a local file name to write ``path`` into; publish it when the block ends."""
    staged = staging(path)
    try:
        yield staged
    except BaseException:
        discard(staged)
        raise
    publish(staged, path)


def write_bytes(path: str, data: bytes) -> None:
    """Write a whole file atomically."""
    with writing(path) as staged, open(staged, "wb") as out:
        out.write(data)


def remove(path: str) -> None:
    """Delete a file or a folder with everything under it; nothing if it is not there."""
    if not is_url(path):
        if os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.exists(path):
            os.remove(path)
        return
    fs, inner = filesystem(path)
    fs.invalidate_cache(inner)
    with contextlib.suppress(FileNotFoundError):
        if fs.isdir(inner):
            fs.rm(inner, recursive=True)
        elif fs.exists(inner):
            fs.rm_file(inner)
    fs.invalidate_cache(inner)


def create(path: str, data: bytes) -> bool:
    """Create a file that must not exist yet; return ``False`` if it does. Exclusive locally
    and on S3 (a conditional write); elsewhere a check, then a write."""
    if not is_url(path):
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        return True
    fs, inner = filesystem(path)
    if hasattr(fs, "call_s3") and hasattr(fs, "split_path"):
        bucket, key, _ = fs.split_path(inner)
        try:
            fs.call_s3("put_object", Bucket=bucket, Key=key, Body=data, IfNoneMatch="*")
        except FileExistsError:
            return False
        fs.invalidate_cache(inner)
        return True
    if fs.exists(inner):
        return False
    _parent_ready(fs, inner)
    fs.pipe_file(inner, data)
    return True


def _parent_ready(fs: Any, inner: str) -> None:
    """Make the folder of a file on a filesystem that has folders (``file://``)."""
    if "file" in fs.protocol or "local" in fs.protocol:
        fs.makedirs(fs._parent(inner), exist_ok=True)
