"""Pipelines as TOML: each component is a table naming an exported class and its parameters.

The file is what ``get_params()`` would write::

    output = "out"

    [reader]
    class = "JsonlReader"
    paths = ["crawl/*.jsonl.gz"]

    [[steps]]
    class = "RemovePhraseLines"
    languages = ["id", "ms"]

    [executor]
    class = "LocalExecutor"
    workers = 2

    [storage]                 # fsspec options for URL paths (s3://, hf://, …)
    endpoint_url = "http://127.0.0.1:9000"
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import tomllib
import typing
from typing import Any, TypeVar

import tomli_w

from saring import storage
from saring.errors import ConfigError
from saring.executors.base import Executor
from saring.io.base import Reader, Writer
from saring.params import Params, describe_type, type_matches
from saring.pipeline import MAX_DOC_SECONDS, SHARD_BYTES, Pipeline
from saring.step import Step

T = TypeVar("T", bound=Params)
# Modules of the base classes, which are exported for subclassing but are no components.
_BASES = {"saring.step", "saring.io.base", "saring.executors.base"}


COMPONENT_PACKAGES = (
    "saring.io",
    "saring.clean",
    "saring.filters",
    "saring.lang",
    "saring.pii",
    "saring.dedup",
    "saring.executors",
)
"""The packages whose ``__all__`` name every reader, writer, step and executor."""


def exported(kind: type[T]) -> dict[str, type[T]]:
    """Return the classes of a kind that the component packages export, by name."""
    found: dict[str, type[T]] = {}
    for package in COMPONENT_PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) and issubclass(obj, kind) and obj.__module__ not in _BASES:
                found[name] = obj
    return found


def to_table(component: Params) -> dict[str, Any]:
    """Return a component as a TOML table: its class name and parameters."""
    table: dict[str, Any] = {"class": type(component).__name__}
    defaults = component.param_defaults()
    for name, value in component.get_params().items():
        if value is None:
            if defaults[name] is not None:
                # TOML has no null: a None that is not the default cannot be written.
                raise ConfigError(f"{type(component).__name__}.{name}=None cannot be saved")
            continue
        table[name] = list(value) if isinstance(value, tuple) else value
    return table


def dumps(
    pipeline: Pipeline, executor: Executor | None = None, options: dict[str, Any] | None = None
) -> str:
    """Return the TOML text that ``loads`` turns back into this pipeline and executor, with
    the storage ``options`` less credentials as a ``[storage]`` table."""
    data: dict[str, Any] = {"output": pipeline.output, "strict": pipeline.strict}
    if pipeline.shard_bytes != SHARD_BYTES:
        data["shard_bytes"] = pipeline.shard_bytes
    if pipeline.max_doc_seconds != MAX_DOC_SECONDS:
        data["max_doc_seconds"] = pipeline.max_doc_seconds
    data["reader"] = to_table(pipeline.reader)
    data["steps"] = [to_table(step) for step in pipeline.steps]
    if pipeline.writer is not None:
        data["writer"] = to_table(pipeline.writer)
    if executor is not None:
        data["executor"] = to_table(executor)
    if options and (public := storage.public(options)):
        data["storage"] = public
    return tomli_w.dumps(data)


def from_table(table: Any, kind: type[T], where: str) -> T:
    """Build a component from a TOML table, with one-line errors for unknown names."""
    if not isinstance(table, dict) or "class" not in table:
        raise ConfigError(f"{where}: expected a table with a 'class' key")
    params = dict(table)
    name = params.pop("class")
    classes = exported(kind)
    if name not in classes:
        close = difflib.get_close_matches(str(name), classes, n=1)
        hint = (
            f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(sorted(classes))}"
        )
        raise ConfigError(f"{where}: unknown {kind.__name__.lower()} {name!r}{hint}")
    cls = classes[name]
    defaults = cls.param_defaults()
    hints = cls.param_types()
    for key, value in params.items():
        if key not in defaults:
            known = ", ".join(defaults) or "none"
            raise ConfigError(f"{where}: {name} has no parameter {key!r} (parameters: {known})")
        hint = hints[key]
        if isinstance(value, list) and (isinstance(defaults[key], tuple) or _wants_tuple(hint)):
            params[key] = value = tuple(value)
        if not type_matches(value, hint):
            raise ConfigError(f"{where}: {name}.{key} must be {describe_type(hint)}, not {value!r}")
    missing = [k for k, d in defaults.items() if d is inspect.Parameter.empty and k not in params]
    if missing:
        raise ConfigError(f"{where}: {name} needs {', '.join(missing)}")
    component = cls(**params)
    try:
        component.validate()
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    return component


def _wants_tuple(hint: Any) -> bool:
    """Return whether an annotation is a tuple, or a tuple or None (TOML has only lists)."""
    return any(typing.get_origin(h) is tuple for h in (hint, *typing.get_args(hint)))


def loads(text: str, where: str = "config") -> tuple[Pipeline, Executor | None]:
    """Return the pipeline and executor a TOML text describes."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    unknown = set(data) - {
        "output",
        "strict",
        "shard_bytes",
        "max_doc_seconds",
        "reader",
        "steps",
        "writer",
        "executor",
        "storage",
    }
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    storage_table(data, where)
    if "reader" not in data or "output" not in data:
        raise ConfigError(f"{where}: needs 'output' and a [reader] table")
    if not isinstance(data["output"], str) or not data["output"]:
        raise ConfigError(f"{where}: output must be a folder name, not {data['output']!r}")
    if not isinstance(data.get("strict", False), bool):
        raise ConfigError(f"{where}: strict must be true or false, not {data['strict']!r}")
    shard_bytes = data.get("shard_bytes", SHARD_BYTES)
    if isinstance(shard_bytes, bool) or not isinstance(shard_bytes, int) or shard_bytes < 0:
        raise ConfigError(f"{where}: shard_bytes must be a whole number >= 0, not {shard_bytes!r}")
    seconds = data.get("max_doc_seconds", MAX_DOC_SECONDS)
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
        raise ConfigError(f"{where}: max_doc_seconds must be a number >= 0, not {seconds!r}")
    if not isinstance(data.get("steps", []), list):
        raise ConfigError(f"{where}: steps must be an array of tables ([[steps]]), not a value")
    steps = [
        from_table(table, Step, f"{where}: steps[{i}]")
        for i, table in enumerate(data.get("steps", []))
    ]
    pipeline = Pipeline(
        reader=from_table(data["reader"], Reader, f"{where}: [reader]"),
        steps=steps,
        output=str(data["output"]),
        writer=from_table(data["writer"], Writer, f"{where}: [writer]")
        if "writer" in data
        else None,
        strict=data.get("strict", False),
        shard_bytes=shard_bytes,
        max_doc_seconds=float(seconds),
    )
    executor = (
        from_table(data["executor"], Executor, f"{where}: [executor]")
        if "executor" in data
        else None
    )
    return pipeline, executor


def storage_table(data: dict[str, Any], where: str = "config") -> dict[str, Any]:
    """Return the ``[storage]`` table of a parsed config (fsspec options: bare keys for every
    scheme, a sub-table per scheme), checked to hold options only."""
    table = data.get("storage", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: storage must be a table ([storage]), not {table!r}")
    for key, value in table.items():
        if isinstance(value, list) or (
            isinstance(value, dict) and any(isinstance(v, dict | list) for v in value.values())
        ):
            raise ConfigError(f"{where}: storage.{key} must be a value or a table of values")
    return storage.normalize(table)


def load_storage(path: str) -> dict[str, Any]:
    """Return the storage options of a TOML file's ``[storage]`` table ({} without one)."""
    try:
        with open(path, "rb") as config:
            return storage_table(tomllib.load(config), path)
    except (OSError, tomllib.TOMLDecodeError):
        return {}  # ``load`` tells what is wrong with the file


def load(path: str) -> tuple[Pipeline, Executor | None]:
    """Return the pipeline and executor described by a TOML file."""
    try:
        with open(path, encoding="utf-8") as config:
            text = config.read()
    except OSError as exc:
        raise ConfigError(f"cannot read config {path!r}: {exc.strerror}") from exc
    return loads(text, where=path)
