"""MinHash signatures over word n-grams and LSH band keys, vectorised with numpy.

Broder (1997) estimates the Jaccard similarity of two shingle sets by the share of equal
minimum hashes; banding the signature into ``bands`` groups of ``rows`` (Leskovec, Rajaraman
& Ullman, *Mining of Massive Datasets*, ch. 3) makes two documents of similarity ``s``
collide in at least one band with probability ``1 - (1 - s**rows)**bands``.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rensa import RMinHash

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class MinHashConfig:
    """Parameters shared by every stage of near-duplicate detection."""

    ngram: int = 5
    bands: int = 32
    rows: int = 4
    threshold: float = 0.5
    seed: int = 1
    exact: bool = False
    """Verify candidates by exact Jaccard similarity of shingle sets, not by signatures."""

    @property
    def permutations(self) -> int:
        """Return the signature length."""
        return self.bands * self.rows


# Odd constants that mix the n word hashes of a shingle into one 64-bit value.
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)  # fmt: skip


def shingles(text: str, ngram: int) -> npt.NDArray[np.uint64]:
    """Return 64-bit hashes of the text's word n-grams (case-folded); one if it is shorter."""
    words = _WORD.findall(text.casefold())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter((zlib.crc32(w.encode()) for w in words), np.uint64, len(words))
    span = min(ngram, len(words))
    count = len(words) - span + 1
    mixed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(span):
            mixed += hashes[j : j + count] * _MIX[j % len(_MIX)]
    return mixed


def signature(text: str, config: MinHashConfig) -> npt.NDArray[np.uint32]:
    """Return the MinHash signature (``config.permutations`` 32-bit values) of a text.

    The shingle hashes are computed here with numpy; the minimum over each permutation is
    rensa's (a Rust MinHash); an empty text gets a fixed signature.
    """
    values = shingles(text, config.ngram)
    if not len(values):
        values = np.zeros(1, dtype=np.uint64)
    offsets = np.array([0, len(values)], dtype=np.uint64)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(
        values, offsets, config.permutations, config.seed
    )
    return np.array(matrix.to_rows()[0], dtype=np.uint32)


def band_keys(sig: npt.NDArray[np.uint32], config: MinHashConfig) -> list[str]:
    """Return one key per band: the band number and a hash of its rows."""
    rows = config.rows
    keys = []
    for band in range(config.bands):
        rows_of_band = sig[band * rows : (band + 1) * rows].tobytes()
        keys.append(f"b{band}:{hashlib.blake2b(rows_of_band, digest_size=8).hexdigest()}")
    return keys


def similarity(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Return the Jaccard similarity estimated from two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_hex(sig: npt.NDArray[np.uint32]) -> str:
    """Return a signature as hex text, for metadata and spill files."""
    return sig.astype("<u4").tobytes().hex()


def from_hex(text: str) -> npt.NDArray[np.uint32]:
    """Inverse of ``to_hex``."""
    return np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)


def shingle_set(text: str, ngram: int) -> str:
    """Return the text's distinct shingle hashes, sorted, as hex (for exact verification)."""
    return np.unique(shingles(text, ngram)).astype("<u8").tobytes().hex()


def jaccard(a: str, b: str) -> float:
    """Return the exact Jaccard similarity of two shingle sets from ``shingle_set``."""
    left = np.frombuffer(bytes.fromhex(a), dtype="<u8")
    right = np.frombuffer(bytes.fromhex(b), dtype="<u8")
    union = len(np.union1d(left, right))
    return len(np.intersect1d(left, right, assume_unique=True)) / union if union else 1.0
