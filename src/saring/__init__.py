"""saring: sieve raw crawled web and news text into clean, deduplicated corpora."""

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
from saring.version import __version__

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
