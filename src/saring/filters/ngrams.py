"""Word n-gram shares for the Gopher repetition rules (Rae et al. 2021, table A1): the
characters of the most frequent n-gram's occurrences, and of the words covered by n-grams
that repeat, over word ids (equal words, equal ids) and word lengths as numpy arrays."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from saring.filters.text import ratio

_MIX = np.uint64(0x9E3779B97F4A7C15)


def gram_keys(ids: npt.NDArray[np.uint64], n: int) -> npt.NDArray[np.uint64]:
    """Return one 64-bit key per n-gram of word ids (a polynomial hash; collisions are
    negligible at document sizes)."""
    count = len(ids) - n + 1
    keys = ids[:count].copy()
    with np.errstate(over="ignore"):
        for j in range(1, n):
            keys = keys * _MIX + ids[j : j + count]
    return keys


def top_ngram_fraction(
    ids: npt.NDArray[np.uint64],
    lengths: npt.NDArray[np.int64],
    total: int,
    n: int,
    min_count: int = 2,
) -> float:
    """Return the share of word characters in the most frequent n-gram's occurrences (the
    earliest such n-gram when several are equally frequent), or 0.0 when it occurs fewer
    than ``min_count`` times."""
    if len(ids) < n or not total:
        return 0.0
    _, first, counts = np.unique(gram_keys(ids, n), return_index=True, return_counts=True)
    best = counts.max()
    if best < max(min_count, 2):
        return 0.0
    start = int(first[counts == best].min())
    return ratio(int(best) * int(lengths[start : start + n].sum()), total)


def dup_ngram_fractions(
    ids: npt.NDArray[np.uint64], lengths: npt.NDArray[np.int64], total: int, n: int
) -> tuple[float, float]:
    """Return the share of word characters covered by n-grams that occur more than once, and
    by n-grams that occur three times or more."""
    if len(ids) < n or not total:
        return 0.0, 0.0
    _, inverse, counts = np.unique(gram_keys(ids, n), return_inverse=True, return_counts=True)
    seen = counts[inverse]
    return _covered(seen > 1, lengths, total, n), _covered(seen > 2, lengths, total, n)


def _covered(
    starts: npt.NDArray[np.bool_], lengths: npt.NDArray[np.int64], total: int, n: int
) -> float:
    """Return the share of word characters covered by the n-grams starting at ``starts``."""
    repeated = np.flatnonzero(starts)
    if not len(repeated):
        return 0.0
    edges = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.add.at(edges, repeated, 1)
    np.add.at(edges, repeated + n, -1)
    covered = np.cumsum(edges[:-1]) > 0
    return ratio(int(lengths[covered].sum()), total)
