"""Deduplication steps."""

from saring.dedup.exact import ExactDedup

__all__ = ["ExactDedup"]
