"""A bottom-k sample with at most m items per group: mergeable exactly, in any order."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def stable_hash(value: str) -> str:
    """Return a 16-hex-digit BLAKE2b hash of a string: the same in every process and run."""
    return hashlib.blake2b(value.encode("utf-8", "replace"), digest_size=8).hexdigest()


@dataclass
class BottomK:
    """The ``k`` items with the smallest keys, at most ``per_group`` per group.

    Keeping the smallest ``per_group`` of each group and then the ``k`` smallest overall is
    a function of the set of offered items alone, and applying it to the union of two such
    samples gives the sample of the union: merging is exact, in any order. ``count`` adds up
    repeated offers of one key (the same line seen again).
    """

    k: int
    per_group: int = 1
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Key → ``{"group": ..., "count": ..., "value": ...}``."""
    _threshold: str | None = None

    def wants(self, key: str) -> bool:
        """Return whether an item with this key could be in the sample."""
        return key in self.items or self._threshold is None or key <= self._threshold

    def offer(self, key: str, group: str, make: Callable[[], Any], count: int = 1) -> None:
        """Offer an item; ``make`` builds its value only when it may be kept."""
        found = self.items.get(key)
        if found is not None:
            found["count"] += count
            return
        if not self.wants(key):
            return
        self.items[key] = {"group": group, "count": count, "value": make()}
        if len(self.items) > 4 * self.k:
            self._prune()

    def _prune(self) -> None:
        self._threshold = None
        per_group: Counter[str] = Counter()
        kept: dict[str, dict[str, Any]] = {}
        for key in sorted(self.items):
            item = self.items[key]
            if per_group[item["group"]] >= self.per_group:
                continue
            per_group[item["group"]] += 1
            kept[key] = item
            if len(kept) == self.k:
                self._threshold = key
                break
        self.items = kept

    def merge(self, other: BottomK) -> None:
        """Add another sample of the same shape."""
        for key, item in other.items.items():
            if key in self.items:
                self.items[key]["count"] += item["count"]
            else:
                self.items[key] = dict(item)
        self._prune()

    def values(self) -> list[dict[str, Any]]:
        """Return the kept items in key order."""
        self._prune()
        return [{"key": key, **self.items[key]} for key in sorted(self.items)]

    def to_dict(self) -> dict[str, Any]:
        return {"k": self.k, "per_group": self.per_group, "items": self.values()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BottomK:
        sample = cls(data["k"], data["per_group"])
        for item in data["items"]:
            sample.items[item["key"]] = {
                "group": item["group"],
                "count": item["count"],
                "value": item["value"],
            }
        sample._prune()
        return sample
