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

The package: ``signals`` (fixed histogram bins and a document's quality signals), ``bottomk``
(the mergeable bottom-k sample) and ``collect`` (the ``Sample`` a run fills and merges).
"""

from saring.sample.bottomk import BottomK, stable_hash
from saring.sample.collect import (
    DUPLICATE_PREFIX,
    KEPT,
    NO_LANG,
    OTHER_REMOVED,
    QUALITY_REMOVED,
    SAMPLE_FILE,
    SAMPLE_VERSION,
    Sample,
    merge_samples,
)
from saring.sample.signals import LANG_SCORE, Bins, bins_of, flat_signals

__all__ = [
    "DUPLICATE_PREFIX",
    "KEPT",
    "LANG_SCORE",
    "NO_LANG",
    "OTHER_REMOVED",
    "QUALITY_REMOVED",
    "SAMPLE_FILE",
    "SAMPLE_VERSION",
    "Bins",
    "BottomK",
    "Sample",
    "bins_of",
    "flat_signals",
    "merge_samples",
    "stable_hash",
]
