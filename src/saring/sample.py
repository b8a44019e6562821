"""A bounded, mergeable, deterministic sample of a run's documents, kept for the run report.

A run offers every kept and every removed document to a ``Sample``; each task keeps its own
and the engine adds them up at the end (``merge``), writing one small ``sample.json``. What
it keeps does not depend on how the documents were cut into tasks, nor on their order:

- examples are a *bottom-k* sample: per drop reason (and for kept documents), the ``k``
  documents whose id has the smallest stable hash (BLAKE2b), as in bottom-k sketches (Cohen &
  Kaplan 2007). Removed duplicates are ranked by the hash of their kept copy first, at most
  two per cluster, so that the kept twins (a bottom-k of kept documents that have copies)
  are in the sample for the same clusters;
- counts are exact: documents and bytes per language, documents per domain;
- quality signals (``metadata.quality``) and ``lang_score`` go into histograms with fixed
  bins (the same bins in every task), per language, for kept documents, documents removed by
  a ``quality/`` reason and documents removed otherwise;
- removed lines recorded in ``metadata.removed_lines`` (steps with ``record_lines=True``):
  per line reason, a bottom-k of distinct lines with exact counts.

Texts, ids and urls are truncated, so the sample stays small whatever the corpus size.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from saring import meta
from saring.document import Document, Dropped

SAMPLE_VERSION = 1
SAMPLE_FILE = "sample.json"
"""Name of the merged sample in a run's output folder."""
NO_LANG = "-"
"""Language label of documents removed before language identification."""
KEPT, QUALITY_REMOVED, OTHER_REMOVED = "kept", "quality", "other"
"""Histogram classes: kept, removed for a ``quality/`` reason, removed for another reason."""
DUPLICATE_PREFIX = "dedup/"
LANG_SCORE = "lang_score"
"""Histogram name of the language identifier's confidence."""

_SKIP_SIGNALS = frozenset({"chars", "lang", "short_line_chars"})
"""Keys of a quality group that are parameters or bookkeeping, not signals."""
_MAX_ID = 300
_MAX_URL = 500


def stable_hash(value: str) -> str:
    """Return a 16-hex-digit BLAKE2b hash of a string: the same in every process and run."""
    return hashlib.blake2b(value.encode("utf-8", "replace"), digest_size=8).hexdigest()


# --- fixed histogram bins ---------------------------------------------------------------------


@dataclass(frozen=True)
class Bins:
    """Fixed bins of one signal: ``index(value)`` and ``edges(index)``."""

    kind: str
    """``ratio`` (0..1 in steps of 0.01, one bin above 1), ``linear`` (``step`` wide from 0,
    ``count`` bins, the last open), ``log`` (20 per decade of value + 1) or ``symlog``."""
    step: float = 0.02
    count: int = 50

    def index(self, value: float) -> int:
        """Return the bin of a value."""
        if self.kind == "ratio":
            if value > 1.0:
                return 100
            return min(max(int(value * 100), 0), 99)
        if self.kind == "linear":
            return min(max(int(value / self.step), 0), self.count - 1)
        if self.kind == "log":
            return int(math.log10(max(value, 0.0) + 1.0) * 20)
        scaled = math.log10(1.0 + abs(value)) * 20
        return int(scaled) if value >= 0 else -int(scaled) - 1

    def edges(self, index: int) -> tuple[float, float]:
        """Return the lower and upper edge of a bin (``inf`` for an open last bin)."""
        if self.kind == "ratio":
            return (1.0, math.inf) if index >= 100 else (index / 100, (index + 1) / 100)
        if self.kind == "linear":
            upper = math.inf if index >= self.count - 1 else (index + 1) * self.step
            return index * self.step, upper
        if self.kind == "log":
            return 10 ** (index / 20) - 1, 10 ** ((index + 1) / 20) - 1
        if index >= 0:
            return 10 ** (index / 20) - 1, 10 ** ((index + 1) / 20) - 1
        return -(10 ** ((-index) / 20) - 1), -(10 ** ((-index - 1) / 20) - 1)

    def position(self, value: float) -> float:
        """Return where a value falls in bin units (for drawing a threshold)."""
        index = self.index(value)
        lower, upper = self.edges(index)
        if math.isinf(upper) or upper <= lower:
            return float(index)
        return index + min(max((value - lower) / (upper - lower), 0.0), 1.0)


_RATIO = Bins("ratio")
_BINS: dict[str, Bins] = {
    "words": Bins("log"),
    "sentences": Bins("log"),
    "mean_word_length": Bins("linear", step=0.25, count=81),
    "stop_words": Bins("linear", step=1.0, count=101),
}
_RATIOS = frozenset(
    {
        LANG_SCORE,
        "hash_ratio",
        "ellipsis_ratio",
        "bullet_lines",
        "ellipsis_lines",
        "alpha_words",
        "dup_lines",
        "dup_paragraphs",
        "dup_line_chars",
        "dup_paragraph_chars",
        "top_ngram",
        "dup_ngram",
        "line_punct",
        "short_lines",
        "char_dup",
        "newline_ratio",
    }
)


@functools.lru_cache(maxsize=4096)
def bins_of(signal: str) -> Bins:
    """Return the fixed bins of a signal, by its name (``group.name`` or ``group.name.n``)."""
    parts = [p for p in signal.split(".") if not p.isdigit()]
    name = parts[-1] if parts else signal
    if name in _BINS:
        return _BINS[name]
    return _RATIO if name in _RATIOS else Bins("symlog")


def flat_signals(doc: Document) -> dict[str, float]:
    """Return the document's numeric quality signals as ``{"group.name[.n]": value}``."""
    quality = doc.metadata.get(meta.QUALITY)
    out: dict[str, float] = {}
    if not isinstance(quality, dict):
        return out

    def walk(prefix: str, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if key in _SKIP_SIGNALS:
                continue
            name = f"{prefix}.{key}"
            if isinstance(value, dict):
                walk(name, value)
            elif (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and math.isfinite(value)
            ):
                out[name] = float(value)

    for group, values in sorted(quality.items()):
        if isinstance(values, dict):
            walk(str(group), values)
    return out


# --- bottom-k with at most m per group --------------------------------------------------------


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


# --- the sample -------------------------------------------------------------------------------


@dataclass
class Sample:
    """What the report needs of a run's documents, bounded in size (see the module)."""

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
