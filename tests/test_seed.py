"""The page the project started from, cleaned by the news preset from the command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import orjson

from conftest import FIXTURES

GOLDEN = FIXTURES.parent / "golden" / "seed_clean.txt"


def clean_seed(seed: Path, out: Path, *extra: str) -> list[dict[str, object]]:
    command = [sys.executable, "-m", "saring.cli", "clean", str(seed), "-o", str(out)]
    subprocess.run([*command, "--format", "jsonl", *extra], check=True, capture_output=True)
    return [
        orjson.loads(line) for line in (out / "docs" / "part-00000.jsonl").read_bytes().splitlines()
    ]


def test_seed_keeps_one_clean_article_with_its_source(seed_path: Path, tmp_path: Path) -> None:
    docs = clean_seed(seed_path, tmp_path / "out")
    assert len(docs) == 1
    doc = docs[0]
    text = str(doc["text"])
    title = "Putin dan Xi Jinping Bertemu, Sinyal Keras untuk AS"
    assert text.startswith(title + "\n")
    assert text.count(title) == 1
    assert text.endswith("(CNBC/OL-11)")
    assert "PRESIDEN Rusia Vladimir Putin dan Presiden Tiongkok Xi Jinping" in text
    assert "Baca juga" not in text
    for footer in ("Cek berita", "Terkini Lainnya", "Tautan Sahabat", "visitaaponce"):
        assert footer not in text
    assert "\u00a0" not in text
    assert doc["domain"] == "visitaaponce.com"
    assert doc["id"] == "000_73592170dd0b30b7"
    assert doc["lang"] == "id"
    assert 0.9 < float(doc["lang_score"]) <= 1.0


def test_seed_matches_the_golden_text(seed_path: Path, tmp_path: Path) -> None:
    docs = clean_seed(seed_path, tmp_path / "out")
    assert docs[0]["text"] == GOLDEN.read_text(encoding="utf-8").rstrip("\n")


def test_seed_stats_count_each_removed_line(seed_path: Path, tmp_path: Path) -> None:
    clean_seed(seed_path, tmp_path / "out")
    stats = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    assert stats["lines_removed_by_reason"] == {
        "clean/footer": 2,
        "clean/related_link": 3,
        "clean/repeated_line": 1,
    }
    assert stats["kept"] == 1
    assert stats["removed"] == 0


def test_console_script_is_installed(seed_path: Path, tmp_path: Path) -> None:
    saring = shutil.which("saring") or str(Path(sys.executable).parent / "saring")
    out = tmp_path / "out"
    result = subprocess.run(
        [saring, "clean", str(seed_path), "-o", str(out), "--format", "jsonl"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert "kept 1, removed 0" in result.stdout
    assert (out / "docs" / "part-00000.jsonl").exists()
