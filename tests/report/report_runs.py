"""A real run of the news preset over Indonesian articles and hostile documents, for the report
tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import article, write_jsonl
from saring import JsonlReader, LocalExecutor, Pipeline, run
from saring.presets import news

HOSTILE_TEXT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"
HOSTILE_URL = "javascript:alert(3)"


def corpus() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return two input files' rows: articles, copies, short and hostile documents."""
    first: list[dict[str, Any]] = [
        {"id": f"berita-{n}", "text": article(n), "url": f"https://kabar.example/{n}"}
        for n in range(12)
    ]
    second: list[dict[str, Any]] = [
        {"id": f"warta-{n}", "text": article(100 + n), "url": f"https://warta.example/{n}"}
        for n in range(10)
    ]
    # Exact copies on a second site: removed as dedup/exact with their kept twin.
    second += [
        {"id": f"salinan-{n}", "text": article(n), "url": f"https://salin.example/{n}"}
        for n in range(3)
    ]
    # Hostile documents: markup and script-like text, ids and urls; some removed as too short.
    first.append(
        {
            "id": "<script>alert(4)</script>",
            "text": f"{HOSTILE_TEXT} {HOSTILE_IMG} terlalu pendek",
            "url": HOSTILE_URL,
        }
    )
    second.append(
        {
            "id": "img-onerror",
            "text": f"{HOSTILE_IMG}\n{article(500)}\n{HOSTILE_TEXT}",
            "url": "https://jahat.example/<b>x</b>?a=\"'><script>alert(5)</script>",
        }
    )
    second.append({"id": "jahat-salinan", "text": f"{HOSTILE_IMG}\n{article(500)}\n{HOSTILE_TEXT}"})
    first.append({"id": "pendek", "text": "Berita singkat hari ini."})
    return first, second


def make_run(root: Path, workers: int = 1, name: str = "out") -> Path:
    """Run the news preset over the corpus into ``root/name`` and return the output folder."""
    inputs = root / "in"
    inputs.mkdir(exist_ok=True)
    first, second = corpus()
    write_jsonl(inputs / "a.jsonl", first)  # type: ignore[arg-type]
    write_jsonl(inputs / "b.jsonl", second)  # type: ignore[arg-type]
    out = root / name
    pipeline = Pipeline(JsonlReader([str(inputs)]), news(), output=str(out))
    run(pipeline, LocalExecutor(workers=workers))
    return out
