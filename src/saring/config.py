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
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import tomllib
from typing import Any, TypeVar

import tomli_w

from saring.errors import ConfigError
from saring.executors.base import Executor
from saring.io.base import Reader, Writer
from saring.params import Params
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


def dumps(pipeline: Pipeline, executor: Executor | None = None) -> str:
    """Return the TOML text that ``loads`` turns back into this pipeline and executor."""
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
    for key, value in params.items():
        if key not in defaults:
            known = ", ".join(defaults) or "none"
            raise ConfigError(f"{where}: {name} has no parameter {key!r} (parameters: {known})")
        default = defaults[key]
        if isinstance(default, tuple) and isinstance(value, list):
            params[key] = tuple(value)
        elif _wrong_type(default, value):
            raise ConfigError(
                f"{where}: {name}.{key} must be {type(default).__name__}, not {value!r}"
            )
    missing = [k for k, d in defaults.items() if d is inspect.Parameter.empty and k not in params]
    if missing:
        raise ConfigError(f"{where}: {name} needs {', '.join(missing)}")
    return cls(**params)


def _wrong_type(default: Any, value: Any) -> bool:
    if default is None or default is inspect.Parameter.empty:
        return False
    if isinstance(default, bool) or isinstance(value, bool):
        return type(default) is not type(value)
    if isinstance(default, float):
        return not isinstance(value, int | float)
    return not isinstance(value, type(default))


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
        "reader",
        "steps",
        "writer",
        "executor",
    }
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    if "reader" not in data or "output" not in data:
        raise ConfigError(f"{where}: needs 'output' and a [reader] table")
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
        strict=bool(data.get("strict", False)),
        shard_bytes=int(data.get("shard_bytes", SHARD_BYTES)),
        max_doc_seconds=float(data.get("max_doc_seconds", MAX_DOC_SECONDS)),
    )
    executor = (
        from_table(data["executor"], Executor, f"{where}: [executor]")
        if "executor" in data
        else None
    )
    return pipeline, executor


def load(path: str) -> tuple[Pipeline, Executor | None]:
    """Return the pipeline and executor described by a TOML file."""
    try:
        with open(path, encoding="utf-8") as config:
            text = config.read()
    except OSError as exc:
        raise ConfigError(f"cannot read config {path!r}: {exc.strerror}") from exc
    return loads(text, where=path)
