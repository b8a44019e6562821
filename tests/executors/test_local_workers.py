"""What a local worker process starts with: the engine and steps preloaded, no pandas."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from saring.executors import LocalExecutor
from saring.executors.base import Report
from saring.io import ParquetWriter
from saring.stats import StepStats


@dataclass
class _Probe:
    """A task that writes a Parquet file and counts which modules its worker had loaded."""

    folder: str
    index: int

    def __call__(self, report: Report) -> list[StepStats]:
        stats = StepStats("probe")
        stats.counters["presets_at_start"] = int("saring.presets" in sys.modules)
        sink = ParquetWriter().open(f"{self.folder}/part-{self.index}.parquet", ("id", "text"))
        sink.write({"id": f"berita-{self.index}", "text": "Banjir melanda Jakarta Utara."})
        sink.close()
        stats.counters["pandas_after_write"] = int("pandas" in sys.modules)
        return [stats]


def test_workers_start_with_the_steps_loaded_and_write_parquet_without_pandas(
    tmp_path: Path,
) -> None:
    executor = LocalExecutor(workers=2)
    try:
        results = executor.run([_Probe(str(tmp_path), n) for n in range(2)], lambda d, r: None)
    finally:
        executor.close()
    for (stats,) in results:
        assert stats.counters["presets_at_start"] == 1
        assert stats.counters["pandas_after_write"] == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["part-0.parquet", "part-1.parquet"]
