"""The register of training: the statute-style texts written for saring, how they are mixed
into the feature counts, that none of them copies an evaluation text, and IndoSum's reader."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from saring.lang import register, training


def six_word_runs(text: str) -> set[tuple[str, ...]]:
    found = re.findall(r"[^\W\d_]+", text.casefold())
    return {tuple(found[i : i + 6]) for i in range(len(found) - 5)}


def test_mix_adds_the_formal_counts_at_the_share_asked_for() -> None:
    counts = Counter({"_kepada": 10, "_tidak": 90})
    formal = Counter({"_kepada": 4, "_bahwa": 1})
    mixed = register.mix(counts, formal, 0.2)
    assert sum(mixed.values()) == pytest.approx(125.0)
    assert mixed["_bahwa"] == pytest.approx(5.0)
    assert mixed["_kepada"] == pytest.approx(30.0)
    assert mixed["_tidak"] == 90
    assert register.mix(counts, formal, 0.0) == dict(counts)
    assert counts == Counter({"_kepada": 10, "_tidak": 90}), "the counts are not changed"


def test_formal_texts_are_in_their_language_and_sizeable() -> None:
    assert set(register.FORMAL_TEXTS.values()) == {"id", "ms"}
    for name in register.FORMAL_TEXTS:
        lines = register.formal_texts(name)
        assert len(lines) >= 100
        assert len(set(lines)) == len(lines)
    indonesian = " ".join(register.formal_texts("formal-id")).casefold()
    malay = " ".join(register.formal_texts("formal-ms")).casefold()
    assert "bahwa" in indonesian
    assert "bahawa" not in indonesian
    assert "hendaklah" in malay
    assert "mana-mana" in malay


def test_no_training_or_tuning_text_copies_an_evaluation_text() -> None:
    """Six words in a row shared with a held-out line would let training see the test."""
    held = set()
    for name in training.HELD_OUT_SETS:
        for text, _ in training.eval_set(name):
            held |= six_word_runs(text)
    tuning = {
        run
        for name in training.TUNING_SETS
        for text, _ in training.eval_set(name)
        for run in six_word_runs(text)
    }
    trained = [line for name in register.FORMAL_TEXTS for line in register.formal_texts(name)]
    assert not [line for line in trained if six_word_runs(line) & (held | tuning)]
    for name in [name for name in training.HELD_OUT_SETS if name.startswith("formal-")]:
        shared = sum(bool(six_word_runs(t) & tuning) for t, _ in training.eval_set(name))
        assert not shared, f"{name}: {shared} lines share six words in a row with a tuning text"


def test_the_charter_tuning_sets_share_no_six_words_with_any_held_out_set() -> None:
    """They were written after the held-out sets, the constitution's articles included; a
    failure names no held-out text."""
    held = set()
    for name in training.HELD_OUT_SETS:
        for text, _ in training.eval_set(name):
            held |= six_word_runs(text)
    for name in ("formal-id-charters", "formal-ms-charters"):
        texts = training.eval_set(name)
        assert len(texts) >= 60
        shared = [i for i, (text, _) in enumerate(texts) if six_word_runs(text) & held]
        assert not shared, f"{name}: lines {shared} share six words with a held-out line"


def test_indosum_texts_joins_tokens_and_paragraphs_once_per_article(tmp_path: Path) -> None:
    article = {
        "id": "1490674536-a",
        "paragraphs": [[["Ketua", "MPR", "menyesalkan", "kisruh", "."], ["Ia", "datang", "."]]],
    }
    other = {"id": "1490674537-b", "paragraphs": [[["Satu", "."]], [["Dua", "."]]]}
    lines = [json.dumps(r) for r in (article, other, article)]
    with gzip.open(tmp_path / "dev.01.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    assert register.indosum_texts(tmp_path) == [
        "Ketua MPR menyesalkan kisruh . Ia datang .",
        "Satu .\n\nDua .",
    ]
