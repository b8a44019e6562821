"""saring: sieve raw crawled web and news text into clean, deduplicated corpora."""

from saring.clean import (
    NormalizeUnicode,
    NormalizeWhitespace,
    RemovePhraseLines,
    RemoveRepeatedLines,
    RemoveSiteTemplates,
)
from saring.dedup import ExactDedup
from saring.document import Document, Dropped
from saring.executors import Executor, LocalExecutor, RayExecutor
from saring.filters import LengthFilter
from saring.io import JsonlReader, JsonlWriter, ParquetReader, ParquetWriter, TextReader
from saring.pipeline import Annotator, Filter, GlobalStep, Pipeline, Step, StepStats, Transform

__version__ = "0.1.0"

__all__ = [
    "Annotator",
    "Document",
    "Dropped",
    "ExactDedup",
    "Executor",
    "Filter",
    "GlobalStep",
    "JsonlReader",
    "JsonlWriter",
    "LengthFilter",
    "LocalExecutor",
    "NormalizeUnicode",
    "NormalizeWhitespace",
    "ParquetReader",
    "ParquetWriter",
    "Pipeline",
    "RayExecutor",
    "RemovePhraseLines",
    "RemoveRepeatedLines",
    "RemoveSiteTemplates",
    "Step",
    "StepStats",
    "TextReader",
    "Transform",
    "__version__",
]
