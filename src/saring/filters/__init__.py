"""Filters that keep a document or drop it for a declared reason, and never edit text."""

from saring.filters.length import LengthFilter

__all__ = ["LengthFilter"]
