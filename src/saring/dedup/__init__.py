"""Deduplication steps and the evidence they use."""

from saring.dedup.credits import FindCredits
from saring.dedup.exact import ExactDedup
from saring.dedup.near import NearDedup

__all__ = ["ExactDedup", "FindCredits", "NearDedup"]
