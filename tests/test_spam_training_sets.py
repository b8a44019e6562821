"""The spam model trains on the development sets `benchmarks/quality.py` says it does, and on no
held-out set (scripts/train_spam.py `LABELLED`, benchmarks/data/README.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).parents[1]


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def test_trained_sets_agree_and_exclude_held_out_sets() -> None:
    train = _load(REPO / "scripts" / "train_spam.py")
    quality = _load(REPO / "benchmarks" / "quality.py")
    assert set(train.LABELLED) == quality.TRAINED_ON
    held = {path.name for path in quality.HELDOUT_SPAM}
    judged = {"spam-dev-3.jsonl", "spam-dev-4.jsonl"}
    assert not (held | judged) & set(train.LABELLED)
    assert {path.name for path in quality.DEV_SPAM.values()} >= set(train.LABELLED)
    for name in train.LABELLED:
        assert (REPO / "benchmarks" / "data" / name).is_file()
