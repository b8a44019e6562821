"""The ``Sample`` of a run's documents: what each task offers it, how samples merge, and
their saved form (``sample.json``)."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from saring import meta
from saring.document import Document, Dropped
from saring.sample.bottomk import BottomK, stable_hash
from saring.sample.signals import LANG_SCORE, bins_of, flat_signals

SAMPLE_VERSION = 1
SAMPLE_FILE = "sample.json"
"""Name of the merged sample in a run's output folder."""
NO_LANG = "-"
"""Language label of documents removed before language identification."""
KEPT, QUALITY_REMOVED, OTHER_REMOVED = "kept", "quality", "other"
"""Histogram classes: kept, removed for a ``quality/`` reason, removed for another reason."""
DUPLICATE_PREFIX = "dedup/"

_MAX_ID = 300
_MAX_URL = 500


@dataclass
class Sample:
    """What the report needs of a run's documents, bounded in size (see ``saring.sample``)."""

    per_reason: int = 6
    kept_examples: int = 8
    twins: int = 400
    text_chars: int = 1500
    lines_per_reason: int = 40
    removed: dict[str, BottomK] = field(default_factory=dict)
    kept: BottomK = field(default_factory=lambda: BottomK(0))
    twin_docs: BottomK = field(default_factory=lambda: BottomK(0))
    lines: dict[str, BottomK] = field(default_factory=dict)
    langs: dict[str, list[int]] = field(default_factory=dict)
    """Language → [kept documents, kept bytes, removed documents, removed bytes]."""
    domains: dict[str, list[int]] = field(default_factory=dict)
    """Domain → [kept documents, removed documents, kept bytes]."""
    reasons: dict[str, list[int]] = field(default_factory=dict)
    """Drop reason → [removed documents, their bytes of text]."""
    histograms: dict[str, dict[str, dict[str, Counter[int]]]] = field(default_factory=dict)
    """Language → signal → class → bin → documents."""

    def __post_init__(self) -> None:
        if self.kept.k == 0:
            self.kept = BottomK(self.kept_examples)
        if self.twin_docs.k == 0:
            self.twin_docs = BottomK(self.twins)

    # offering ---------------------------------------------------------------------------

    def offer_kept(self, doc: Document) -> None:
        """Count a kept document and keep it if it is among the sampled ones."""
        size = len(doc.text.encode("utf-8", "replace"))
        lang = doc.lang or NO_LANG
        row = self.langs.setdefault(lang, [0, 0, 0, 0])
        row[0] += 1
        row[1] += size
        if doc.domain:
            drow = self.domains.setdefault(doc.domain, [0, 0, 0])
            drow[0] += 1
            drow[2] += size
        self._histograms(doc, lang, KEPT)
        self._lines(doc)
        key = stable_hash(doc.id)
        self.kept.offer(key, doc.id, lambda: self._summary(doc, None, None))
        if int(doc.metadata.get(meta.CLUSTER_SIZE) or 1) > 1:
            self.twin_docs.offer(key, doc.id, lambda: self._summary(doc, None, None))

    def offer_removed(self, dropped: Dropped) -> None:
        """Count a removed document and keep it if it is among the sampled ones of its reason."""
        doc, reason = dropped.doc, dropped.reason
        size = len(doc.text.encode("utf-8", "replace"))
        lang = doc.lang or NO_LANG
        row = self.langs.setdefault(lang, [0, 0, 0, 0])
        row[2] += 1
        row[3] += size
        if doc.domain:
            self.domains.setdefault(doc.domain, [0, 0, 0])[1] += 1
        counts = self.reasons.setdefault(reason, [0, 0])
        counts[0] += 1
        counts[1] += size
        cls = QUALITY_REMOVED if reason.startswith("quality/") else OTHER_REMOVED
        self._histograms(doc, lang, cls)
        self._lines(doc)
        if reason.startswith(DUPLICATE_PREFIX) and dropped.duplicate_of:
            key = stable_hash(dropped.duplicate_of) + stable_hash(doc.id)
            group, per_group = dropped.duplicate_of, 2
        else:
            key, group, per_group = stable_hash(doc.id), doc.id, 1
        sample = self.removed.get(reason)
        if sample is None:
            sample = self.removed[reason] = BottomK(self.per_reason, per_group)
        sample.offer(key, group, lambda: self._summary(doc, reason, dropped.duplicate_of))

    def _histograms(self, doc: Document, lang: str, cls: str) -> None:
        signals = flat_signals(doc)
        if doc.lang_score is not None and math.isfinite(doc.lang_score):
            signals[LANG_SCORE] = float(doc.lang_score)
        if not signals:
            return
        by_signal = self.histograms.get(lang)
        if by_signal is None:
            by_signal = self.histograms[lang] = {}
        for name, value in signals.items():
            classes = by_signal.get(name)
            if classes is None:
                classes = by_signal[name] = {}
            counts = classes.get(cls)
            if counts is None:
                counts = classes[cls] = Counter()
            index = bins_of(name).index(value)
            counts[index] = counts.get(index, 0) + 1

    def _lines(self, doc: Document) -> None:
        removed = doc.metadata.get(meta.REMOVED_LINES)
        if not isinstance(removed, list):
            return
        domain = doc.domain or ""
        for entry in removed:
            if not isinstance(entry, dict):
                continue
            reason, line = str(entry.get("reason", "")), str(entry.get("line", ""))[:400]
            sample = self.lines.get(reason)
            if sample is None:
                sample = self.lines[reason] = BottomK(self.lines_per_reason, 10)
            sample.offer(
                stable_hash(f"{domain}\n{line}"),
                domain,
                functools.partial(dict, domain=domain, line=line),
            )

    def _summary(self, doc: Document, reason: str | None, duplicate_of: str | None) -> Any:
        metadata = doc.metadata
        out: dict[str, Any] = {
            "id": doc.id[:_MAX_ID],
            "url": doc.url[:_MAX_URL] if doc.url else None,
            "domain": doc.domain[:_MAX_URL] if doc.domain else None,
            "lang": doc.lang,
            "lang_score": doc.lang_score,
            "chars": len(doc.text),
            "text": doc.text[: self.text_chars],
            "signals": flat_signals(doc),
        }
        if reason is not None:
            out["reason"] = reason
            out["duplicate_of"] = duplicate_of[:_MAX_ID] if duplicate_of else None
        for key in (
            meta.SOURCE_FILE,
            meta.SOURCE_LINE,
            meta.TITLE,
            meta.PUBLISHED,
            meta.CLUSTER_ID,
            meta.CLUSTER_SIZE,
            meta.INVALID_DETAIL,
        ):
            value = metadata.get(key)
            if isinstance(value, str):
                out[key] = value[:_MAX_URL]
            elif isinstance(value, int | float) and not isinstance(value, bool):
                out[key] = value
        return out

    # merging and saving -----------------------------------------------------------------

    def merge(self, other: Sample) -> Sample:
        """Add another sample of the same settings into this one; return this one."""
        for reason, sample in other.removed.items():
            if reason in self.removed:
                self.removed[reason].merge(sample)
            else:
                self.removed[reason] = BottomK.from_dict(sample.to_dict())
        for reason, sample in other.lines.items():
            if reason in self.lines:
                self.lines[reason].merge(sample)
            else:
                self.lines[reason] = BottomK.from_dict(sample.to_dict())
        self.kept.merge(other.kept)
        self.twin_docs.merge(other.twin_docs)
        for table, theirs in (
            (self.langs, other.langs),
            (self.domains, other.domains),
            (self.reasons, other.reasons),
        ):
            for name, row in theirs.items():
                mine = table.setdefault(name, [0] * len(row))
                for i, n in enumerate(row):
                    mine[i] += n
        for lang, signals in other.histograms.items():
            by_signal = self.histograms.setdefault(lang, {})
            for name, classes in signals.items():
                by_class = by_signal.setdefault(name, {})
                for cls, counts in classes.items():
                    by_class.setdefault(cls, Counter()).update(counts)
        return self

    def settings(self) -> dict[str, int]:
        return {
            "per_reason": self.per_reason,
            "kept_examples": self.kept_examples,
            "twins": self.twins,
            "text_chars": self.text_chars,
            "lines_per_reason": self.lines_per_reason,
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the whole sample, JSON-ready; ``from_dict`` restores it for merging."""
        return {
            "version": SAMPLE_VERSION,
            "settings": self.settings(),
            "removed": {r: s.to_dict() for r, s in sorted(self.removed.items())},
            "kept": self.kept.to_dict(),
            "twins": self.twin_docs.to_dict(),
            "lines": {r: s.to_dict() for r, s in sorted(self.lines.items())},
            "langs": dict(sorted(self.langs.items())),
            "domains": dict(sorted(self.domains.items())),
            "reasons": dict(sorted(self.reasons.items())),
            "histograms": {
                lang: {
                    name: {
                        cls: {str(i): n for i, n in sorted(counts.items())}
                        for cls, counts in sorted(classes.items())
                    }
                    for name, classes in sorted(signals.items())
                }
                for lang, signals in sorted(self.histograms.items())
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sample:
        """Inverse of ``to_dict``."""
        if data.get("version") != SAMPLE_VERSION:
            raise ValueError(f"unknown sample version {data.get('version')!r}")
        sample = cls(**data["settings"])
        sample.removed = {r: BottomK.from_dict(s) for r, s in data["removed"].items()}
        sample.kept = BottomK.from_dict(data["kept"])
        sample.twin_docs = BottomK.from_dict(data["twins"])
        sample.lines = {r: BottomK.from_dict(s) for r, s in data["lines"].items()}
        sample.langs = {k: list(v) for k, v in data["langs"].items()}
        sample.domains = {k: list(v) for k, v in data["domains"].items()}
        sample.reasons = {k: list(v) for k, v in data.get("reasons", {}).items()}
        sample.histograms = {
            lang: {
                name: {
                    c: Counter({int(i): n for i, n in counts.items()}) for c, counts in cl.items()
                }
                for name, cl in signals.items()
            }
            for lang, signals in data["histograms"].items()
        }
        return sample

    def compact(self, domains: int = 300) -> dict[str, Any]:
        """Return the saved form for the report: ``to_dict`` with only the twins that a
        sampled duplicate names and only the ``domains`` largest domains (by documents)."""
        data = self.to_dict()
        named = {
            item["value"].get("duplicate_of")
            for sample in data["removed"].values()
            for item in sample["items"]
        }
        data["twins"]["items"] = [
            item for item in data["twins"]["items"] if item["value"]["id"] in named
        ]
        top = sorted(self.domains.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))
        data["domains"] = dict(top[:domains])
        data["domains_total"] = len(self.domains)
        data["compact"] = True
        return data


def merge_samples(samples: Iterable[Sample]) -> Sample:
    """Return the sum of samples (an empty sample for none)."""
    total: Sample | None = None
    for sample in samples:
        total = sample if total is None else total.merge(sample)
    return total if total is not None else Sample()
