"""The spam model: multinomial logistic regression on hashed word and character n-grams
(the hashing trick of Weinberger et al. 2009, "Feature Hashing for Large Scale Multitask
Learning"; the linear text classifier of fastText, Joulin et al. 2017, without its
embedding), pure numpy at run time.

Classes are ``ham`` and the spam topics ``gambling``, ``loan``, ``pills`` and ``seo``. The
weights (``saring/data/spam/model.npz``, int8 per class with a scale) are made by
``scripts/train_spam.py`` from the texts named in ``saring/data/spam/SOURCES.md``. Features
are the same for training and scoring (``features``): casefolded text with digits folded to
``0``, word unigrams and bigrams, and character 3- to 5-grams of the words joined by single
spaces, each hashed into ``dim`` buckets; counts are log-scaled and the vector is
L2-normalised. Long texts are read from their first ``HEAD`` and last ``TAIL`` characters.
A text is scored whole and block by block (``blocks``), so that spam injected into a page's
own text is seen.
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

CLASSES = ("ham", "gambling", "loan", "pills", "seo")
"""Model classes in weight-column order; every class but ``ham`` is a spam topic."""
ORDERS = (3, 4, 5)
"""Character n-gram lengths."""
HEAD = 6000
TAIL = 2000
"""Characters read from the start and from the end of a longer text."""
BLOCK_WORDS = 25
"""Words a block holds at least (``blocks``)."""
_WORD = re.compile(r"[#<]?\w+>?")
_DIGIT = re.compile(r"\d")
_MIX = 0x9E3779B97F4A7C15
"""Fibonacci hashing multiplier (Knuth, TAOCP vol. 3, 6.4) mixing n-gram hashes into buckets."""


def _normal(text: str) -> list[str]:
    """Return the tokens features are made of: casefolded, digits as ``0``, head and tail."""
    if len(text) > HEAD + TAIL:
        text = f"{text[:HEAD]} {text[-TAIL:]}"
    return _WORD.findall(_DIGIT.sub("0", text.casefold()))


def _char_hashes(joined: str) -> NDArray[np.uint64]:
    """Return one 64-bit hash per character n-gram of ``joined`` (orders ``ORDERS``)."""
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    found = []
    for n in ORDERS:
        if len(codes) < n:
            continue
        h = np.full(len(codes) - n + 1, n, dtype=np.uint64)
        for k in range(n):
            h = h * np.uint64(1_000_003) + codes[k : len(codes) - n + 1 + k]
        found.append(h)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.uint64)


def features(text: str, dim: int) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """Return a text's feature buckets (sorted, distinct) and their L2-normalised weights."""
    toks = _normal(text)
    words = [zlib.crc32(t.encode()) for t in toks]
    words += [zlib.crc32(f"{a} {b}".encode(), 7) for a, b in itertools.pairwise(toks)]
    hashes = np.concatenate([np.array(words, dtype=np.uint64), _char_hashes(f" {' '.join(toks)} ")])
    if not len(hashes):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    buckets = ((hashes * np.uint64(_MIX)) >> np.uint64(32)) % np.uint64(dim)
    idx, counts = np.unique(buckets.astype(np.int64), return_counts=True)
    val = np.log1p(counts).astype(np.float32)
    val /= np.float32(np.sqrt(float(np.dot(val, val))))
    return idx, val


class SpamModel:
    """Weights (``dim`` × classes) and biases; ``scores`` returns class probabilities."""

    def __init__(self, weights: NDArray[np.float32], bias: NDArray[np.float32]) -> None:
        self.weights = weights
        self.bias = bias

    @property
    def dim(self) -> int:
        """Return the number of feature buckets."""
        return int(self.weights.shape[0])

    def logits(self, idx: NDArray[np.int64], val: NDArray[np.float32]) -> NDArray[np.float32]:
        """Return the class logits of one text's features."""
        out: NDArray[np.float32] = val @ self.weights[idx] + self.bias
        return out

    def scores(self, text: str) -> dict[str, float]:
        """Return each class's probability for a text, rounded to 4 places."""
        z = self.logits(*features(text, self.dim)).astype(np.float64)
        p = np.exp(z - z.max())
        p /= p.sum()
        return {name: round(float(x), 4) for name, x in zip(CLASSES, p, strict=True)}

    def spam(self, text: str) -> tuple[float, str]:
        """Return a text's spam probability (1 − ``ham``) and its likeliest spam class."""
        s = self.scores(text)
        return round(1 - s["ham"], 4), max(CLASSES[1:], key=lambda name: s[name])

    def block_spam(self, text: str) -> tuple[float, str]:
        """Return the highest spam probability of a text's blocks and that block's likeliest
        spam class; ``(0.0, "gambling")`` for a text of one block."""
        score, topic, _ = self.spammiest_block(text)
        return score, topic

    def spammiest_block(self, text: str) -> tuple[float, str, str]:
        """Return ``block_spam`` and the block's text (``""`` for a text of one block)."""
        parts = blocks(text)
        if len(parts) < 2:
            return 0.0, CLASSES[1], ""
        (score, topic), block = max((self.spam(b), b) for b in parts)
        return score, topic, block


def _path() -> Any:
    return resources.files("saring").joinpath("data", "spam", "model.npz")


def save(path: str, weights: NDArray[np.float32], bias: NDArray[np.float32]) -> None:
    """Write weights as int8 per class with a float32 scale, and the biases."""
    scale = np.abs(weights).max(axis=0) / 127
    scale[scale == 0] = 1
    q = np.round(weights / scale).astype(np.int8)
    with open(path, "wb") as out:
        np.savez_compressed(out, q=q, scale=scale.astype(np.float32), bias=bias.astype(np.float32))


@functools.cache
def load() -> SpamModel:
    """Return the shipped spam model."""
    with _path().open("rb") as source, np.load(source, allow_pickle=False) as data:
        weights = (data["q"].astype(np.float32) * data["scale"]).astype(np.float32)
        return SpamModel(weights, data["bias"].astype(np.float32))


def blocks(text: str, min_words: int = BLOCK_WORDS) -> list[str]:
    """Return a text's blocks: its paragraphs (or, with no blank lines, its lines), each
    joined with those after it until it holds ``min_words`` words; a short tail joins the
    block before it. A spam block injected into a page's own text is scored on its own."""
    parts = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(parts) < 2:
        parts = [p for p in text.split("\n") if p.strip()]
    found: list[str] = []
    held: list[str] = []
    for part in parts:
        held.append(part)
        if sum(len(p.split()) for p in held) >= min_words:
            found.append("\n".join(held))
            held = []
    if held:
        if found:
            found[-1] = "\n".join([found[-1], *held])
        else:
            found.append("\n".join(held))
    return found
