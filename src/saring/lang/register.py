"""The register of the archipelago model's training: statute-style texts written for saring,
and Indonesian news (IndoSum), each mixed into a language's feature counts at a fixed share.

The other training texts differ in register between Indonesian and Malay (Indonesian: NusaX
sentences, lingua's sentences, a little news; Malay: formal news), so a word that formal
Indonesian shares with Malay ("kepada", "keadaan", "mempunyai", "undang-undang") counted as
Malay, and statutes and declarations read as Malay. Counting a written formal text in both
languages at the same share of their features, the way corpora of several domains are
mixed at chosen weights rather than at their sizes, puts the register on both sides.
IndoSum's news articles do the same for news prose: without them the Indonesian side has
192 news articles against the Malay side's 1,644.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from pathlib import Path

from saring.lang.training import data_lines

FORMAL_TEXTS = {"formal-id": "id", "formal-ms": "ms"}
"""Statute-style training texts written for saring, in ``saring/data/lid/train/`` (one text a
line), and their language. No line shares six words in a row with a line of the evaluation
sets (``saring.lang.training.EVAL_SETS``; tested)."""


def formal_texts(name: str) -> list[str]:
    """Return the lines of one of the ``FORMAL_TEXTS``."""
    return data_lines("train", name)


def indosum_texts(folder: Path) -> list[str]:
    """Return the articles of IndoSum's JSON Lines files in a folder (first occurrence of each
    id, files by name): paragraphs on their own lines, the tokens of a sentence joined by
    spaces."""
    articles: dict[str, str] = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for record in map(json.loads, stream):
                sentences = [[" ".join(s) for s in p] for p in record["paragraphs"]]
                articles.setdefault(record["id"], "\n\n".join(map(" ".join, sentences)))
    return list(articles.values())


def mix(counts: Mapping[str, float], formal: Mapping[str, float], share: float) -> dict[str, float]:
    """Return a language's feature counts with its formal-text counts added, scaled so that
    they make up ``share`` of the result (``share`` 0 returns a copy of ``counts``)."""
    mixed = dict(counts)
    found = sum(formal.values())
    if share <= 0 or not found:
        return mixed
    scale = share / (1 - share) * sum(counts.values()) / found
    for feature, n in sorted(formal.items()):
        mixed[feature] = mixed.get(feature, 0) + n * scale
    return mixed
