"""Storage options, per process: ``configure`` sets them (a key ``s3.endpoint_url``, or a
``s3`` sub-table, holds for one scheme only; a bare key for every scheme), ``public`` leaves
out credentials (options whose name holds key, secret, token, password or credential)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from saring.errors import SaringError

_SECRET = re.compile(r"key|secret|token|password|credential", re.IGNORECASE)
_options: dict[str, Any] = {}


def configure(options: Mapping[str, Any]) -> None:
    """Set this process's storage options (``s3.x = v`` keys become a sub-table ``s3``)."""
    _options.clear()
    _options.update(normalize(options))


def current() -> dict[str, Any]:
    """Return this process's storage options (to hand to a worker)."""
    return {k: dict(v) if isinstance(v, dict) else v for k, v in _options.items()}


def normalize(options: Mapping[str, Any]) -> dict[str, Any]:
    """Return options with dotted keys (``s3.endpoint_url``) put into per-scheme sub-tables."""
    out: dict[str, Any] = {}
    for key, value in options.items():
        scheme, dot, name = key.partition(".")
        if isinstance(value, Mapping):
            out.setdefault(key, {}).update(value)
        elif dot:
            out.setdefault(scheme, {})[name] = value
        else:
            out[key] = value
    return out


def parse_option(text: str) -> tuple[str, Any]:
    """Return the (key, value) of ``KEY=VALUE``; true, false and whole numbers are typed."""
    key, eq, value = text.partition("=")
    if not eq or not key.strip():
        raise SaringError(f"--storage-option takes KEY=VALUE, not {text!r}")
    typed: Any = {"true": True, "false": False}.get(value.lower(), value)
    if isinstance(typed, str) and re.fullmatch(r"-?\d+", value):
        typed = int(value)
    return key.strip(), typed


def is_secret(key: str) -> bool:
    """Return whether an option names a credential (never saved, printed or reported)."""
    return bool(_SECRET.search(key))


def public(options: Mapping[str, Any]) -> dict[str, Any]:
    """Return the options without credentials, for ``config.toml`` and the report."""
    out: dict[str, Any] = {}
    for key, value in normalize(options).items():
        if isinstance(value, dict):
            kept = {k: v for k, v in value.items() if not is_secret(k)}
            if kept:
                out[key] = kept
        elif not is_secret(key):
            out[key] = value
    return out


def options_for(scheme: str) -> dict[str, Any]:
    """Return the fsspec options of one scheme: the bare options, then its own sub-table."""
    shared = {k: v for k, v in _options.items() if not isinstance(v, dict)}
    return {**shared, **_options.get(scheme, {})}
