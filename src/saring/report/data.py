"""What the run report reads: the saved account of a run and its bounded sample of documents.

Only small files are read (``stats.json``, ``domains.json``, ``config.toml``,
``sample.json``); ``docs/`` and ``removed/`` are never opened, so a report of a run of any size
takes the same time.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from typing import Any

import orjson

from saring import config, storage
from saring.engine.layout import Layout
from saring.errors import SaringError
from saring.sample import SAMPLE_FILE, Sample

Limit = tuple[str, float]
"""("min" or "max", value): documents below a min or above a max are removed."""


@dataclass
class RunData:
    """A finished run as the report sees it."""

    output: str
    stats: dict[str, Any]
    domains: dict[str, Any]
    config_text: str
    config: dict[str, Any]
    sample: Sample | None
    sample_meta: dict[str, Any] = field(default_factory=dict)
    limits: dict[str, dict[str, Limit]] = field(default_factory=dict)
    """Language → signal name (as the filters name it) → limit."""
    notes: list[str] = field(default_factory=list)
    """What could not be read, said in the report rather than failing it."""


def _read_json(path: str) -> Any:
    return orjson.loads(storage.read_bytes(path))


def load_run(output: str) -> RunData:
    """Return a finished run's saved account and sample; raise ``SaringError`` if there is none."""
    layout = Layout(output)
    if not storage.exists(layout.stats):
        raise SaringError(f"{output} holds no finished run (no stats.json)")
    notes: list[str] = []
    stats = _read_json(layout.stats)
    domains_path = storage.join(output, "domains.json")
    domains = _read_json(domains_path) if storage.exists(domains_path) else {}
    config_text, config_data = "", {}
    if storage.exists(layout.config):
        config_text = storage.read_bytes(layout.config).decode("utf-8")
        try:
            config_data = tomllib.loads(config_text)
        except tomllib.TOMLDecodeError:
            notes.append("config.toml is not valid TOML")
    sample, sample_meta = None, {}
    sample_path = storage.join(output, SAMPLE_FILE)
    if storage.exists(sample_path):
        raw = _read_json(sample_path)
        try:
            sample = Sample.from_dict(raw)
            sample_meta = {k: raw[k] for k in ("domains_total",) if k in raw}
        except (KeyError, TypeError, ValueError):
            notes.append(f"{SAMPLE_FILE} could not be read (written by another saring version?)")
    else:
        notes.append(
            f"this run kept no {SAMPLE_FILE} (a run of an older saring): no examples, "
            "histograms, languages or domains"
        )
    data = RunData(output, stats, domains, config_text, config_data, sample, sample_meta)
    data.notes = notes
    if sample is not None and config_text:
        data.limits = _limits(layout.config, sorted(sample.histograms), notes)
    return data


def _limits(path: str, langs: list[str], notes: list[str]) -> dict[str, dict[str, Limit]]:
    """Return each language's thresholds from the steps of the run's config that declare them
    (``limits(lang)``); a step without it, or whose ``limits`` fails, draws nothing."""
    try:
        pipeline, _ = config.load(path)
    except SaringError as exc:
        notes.append(f"thresholds not drawn: the run's config does not load ({exc})")
        return {}
    steps = [*pipeline.steps, *(p for s in pipeline.steps for p in s.parts() if p is not s)]
    found: dict[str, dict[str, Limit]] = {}
    for lang in langs:
        for step in steps:
            method = getattr(step, "limits", None)
            if not callable(method):
                continue
            try:
                limits = method(lang)
                for name, (op, value) in dict(limits).items():
                    if op in ("min", "max") and isinstance(value, int | float):
                        found.setdefault(lang, {})[str(name)] = (op, float(value))
            except Exception:  # a step whose limits() fails must not stop the report
                continue
    return found


def matches(signal: str, limit_name: str) -> bool:
    """Return whether a limit (named as a filter names it: ``words``, ``top_ngram_2``,
    ``gopher_quality.words``) is about a histogram's signal (``gopher_quality.words``)."""
    if limit_name == signal:
        return True
    parts = signal.split(".")
    for start in range(1, len(parts)):
        tail = parts[start:]
        if all(p.isdigit() for p in tail):
            continue
        if limit_name in (".".join(tail), "_".join(tail)):
            return True
    return "_".join(parts) == limit_name


def limit_for(limits: dict[str, Limit], signal: str) -> tuple[str, Limit] | None:
    """Return the (name, limit) of a language's limits that applies to a signal, if any."""
    for name in sorted(limits):
        if matches(signal, name):
            return name, limits[name]
    return None
