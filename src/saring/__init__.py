"""saring: sieve raw crawled web and news text into clean, deduplicated corpora.

The package loads lazily (PEP 562): ``import saring`` costs only this module, and a name of
``__all__`` imports its module on first use. A process that needs one part (the extraction
child, a reader in a worker) does not pay for every step, pyarrow and the engine.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING

from saring.version import __version__

if TYPE_CHECKING:
    from saring.clean import (
        NormalizeUnicode,
        NormalizeWhitespace,
        RemovePhraseLines,
        RemoveRepeatedLines,
        RemoveSiteTemplates,
    )
    from saring.dedup import ExactDedup, FindCredits, NearDedup
    from saring.document import Document, Dropped
    from saring.engine import run
    from saring.executors import Executor, LocalExecutor, RayExecutor
    from saring.filters import (
        C4QualityFilter,
        C4QualitySignals,
        FineWebQualityFilter,
        FineWebQualitySignals,
        GopherQualityFilter,
        GopherQualitySignals,
        GopherRepetitionFilter,
        GopherRepetitionSignals,
        LengthFilter,
        RemoveC4Lines,
        SpamFilter,
        SpamSignals,
    )
    from saring.io import (
        HtmlReader,
        JsonlReader,
        JsonlWriter,
        ParquetReader,
        ParquetWriter,
        TextReader,
        WarcReader,
    )
    from saring.lang import LanguageID
    from saring.pii import RedactPII
    from saring.pipeline import Pipeline
    from saring.stats import StepStats
    from saring.step import Annotator, Filter, GlobalStep, Step, Transform

_EXPORTS = {
    "Annotator": "saring.step",
    "C4QualityFilter": "saring.filters",
    "C4QualitySignals": "saring.filters",
    "Document": "saring.document",
    "Dropped": "saring.document",
    "ExactDedup": "saring.dedup",
    "Executor": "saring.executors",
    "Filter": "saring.step",
    "FindCredits": "saring.dedup",
    "FineWebQualityFilter": "saring.filters",
    "FineWebQualitySignals": "saring.filters",
    "GlobalStep": "saring.step",
    "GopherQualityFilter": "saring.filters",
    "GopherQualitySignals": "saring.filters",
    "GopherRepetitionFilter": "saring.filters",
    "GopherRepetitionSignals": "saring.filters",
    "HtmlReader": "saring.io",
    "JsonlReader": "saring.io",
    "JsonlWriter": "saring.io",
    "LanguageID": "saring.lang",
    "LengthFilter": "saring.filters",
    "LocalExecutor": "saring.executors",
    "NearDedup": "saring.dedup",
    "NormalizeUnicode": "saring.clean",
    "NormalizeWhitespace": "saring.clean",
    "ParquetReader": "saring.io",
    "ParquetWriter": "saring.io",
    "Pipeline": "saring.pipeline",
    "RayExecutor": "saring.executors",
    "RedactPII": "saring.pii",
    "RemoveC4Lines": "saring.filters",
    "RemovePhraseLines": "saring.clean",
    "RemoveRepeatedLines": "saring.clean",
    "RemoveSiteTemplates": "saring.clean",
    "SpamFilter": "saring.filters",
    "SpamSignals": "saring.filters",
    "Step": "saring.step",
    "StepStats": "saring.stats",
    "TextReader": "saring.io",
    "Transform": "saring.step",
    "WarcReader": "saring.io",
    "run": "saring.engine",
}
"""The module each public name comes from."""

__all__ = [
    "Annotator",
    "C4QualityFilter",
    "C4QualitySignals",
    "Document",
    "Dropped",
    "ExactDedup",
    "Executor",
    "Filter",
    "FindCredits",
    "FineWebQualityFilter",
    "FineWebQualitySignals",
    "GlobalStep",
    "GopherQualityFilter",
    "GopherQualitySignals",
    "GopherRepetitionFilter",
    "GopherRepetitionSignals",
    "HtmlReader",
    "JsonlReader",
    "JsonlWriter",
    "LanguageID",
    "LengthFilter",
    "LocalExecutor",
    "NearDedup",
    "NormalizeUnicode",
    "NormalizeWhitespace",
    "ParquetReader",
    "ParquetWriter",
    "Pipeline",
    "RayExecutor",
    "RedactPII",
    "RemoveC4Lines",
    "RemovePhraseLines",
    "RemoveRepeatedLines",
    "RemoveSiteTemplates",
    "SpamFilter",
    "SpamSignals",
    "Step",
    "StepStats",
    "TextReader",
    "Transform",
    "WarcReader",
    "__version__",
    "run",
]


def __getattr__(name: str) -> object:
    """Return a public name, importing its module on first use, or a subpackage or module
    (``saring.filters``), as the eager package gave them."""
    module = _EXPORTS.get(name)
    if module is None:
        if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
            return importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module 'saring' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
