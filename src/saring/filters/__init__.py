"""Filters that keep a document or drop it for a declared reason, and never edit text, with
the annotators that write the scores they decide on."""

from saring.filters.c4 import C4QualityFilter, C4QualitySignals, RemoveC4Lines
from saring.filters.fineweb import FineWebQualityFilter, FineWebQualitySignals
from saring.filters.gopher import (
    GopherQualityFilter,
    GopherQualitySignals,
    GopherRepetitionFilter,
    GopherRepetitionSignals,
)
from saring.filters.length import LengthFilter
from saring.filters.spam import SpamFilter, SpamSignals

__all__ = [
    "C4QualityFilter",
    "C4QualitySignals",
    "FineWebQualityFilter",
    "FineWebQualitySignals",
    "GopherQualityFilter",
    "GopherQualitySignals",
    "GopherRepetitionFilter",
    "GopherRepetitionSignals",
    "LengthFilter",
    "RemoveC4Lines",
    "SpamFilter",
    "SpamSignals",
]
