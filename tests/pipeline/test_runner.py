"""Staged runs: determinism across worker counts, resume after SIGKILL, output folder rules."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest

import saring
from conftest import article, read_rows, write_jsonl
from saring import (
    ExactDedup,
    JsonlReader,
    LengthFilter,
    LocalExecutor,
    NearDedup,
    NormalizeWhitespace,
    Pipeline,
    RemovePhraseLines,
)
from saring.errors import InputError, SaringError

HERE = Path(__file__).parent


def make_corpus(folder: Path, files: int = 6, per_file: int = 40) -> Path:
    """Write JSONL files with exact duplicates across files, broken lines and short texts."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        rows: list[dict[str, object] | bytes] = []
        for i in range(per_file):
            n = f * per_file + i
            if i % 7 == 3:  # a copy of an article of the first file, with a footer to clean
                rows.append({"id": f"copy-{n}", "text": article(i - 1) + "\n\nBaca juga: Lainnya"})
            else:
                rows.append({"id": f"doc-{n}", "text": article(n), "url": f"https://b{f}.id/{i}"})
        rows.insert(5, b'{"id": "broken", "text": "tidak selesai')
        rows.insert(9, {"id": f"short-{f}", "text": "Foto: Antara"})
        write_jsonl(folder / f"part-{f}.jsonl", rows)
    return folder


def news_pipeline(corpus: Path, output: Path, **reader: str) -> Pipeline:
    return Pipeline(
        JsonlReader([str(corpus)], **reader),
        [RemovePhraseLines(), NormalizeWhitespace(), LengthFilter(min_words=20), ExactDedup()],
        output=str(output),
        shard_bytes=0,  # one shard per file: several tasks per stage
    )


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_output_is_byte_identical_for_one_and_two_workers(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    one = saring.run(news_pipeline(corpus, tmp_path / "one"), LocalExecutor(workers=1))
    two = saring.run(news_pipeline(corpus, tmp_path / "two"), LocalExecutor(workers=2))
    assert folder_bytes(tmp_path / "one" / "docs") == folder_bytes(tmp_path / "two" / "docs")
    assert folder_bytes(tmp_path / "one" / "removed") == folder_bytes(tmp_path / "two" / "removed")
    assert one.dropped == two.dropped
    assert one.read == 6 * 42


def test_exact_duplicates_keep_the_first_copy_and_name_it(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", files=2, per_file=10)
    summary = saring.run(news_pipeline(corpus, tmp_path / "out"), LocalExecutor(workers=1))
    removed = read_rows(tmp_path / "out" / "removed")
    dups = {r["id"]: r["duplicate_of"] for r in removed if r["reason"] == "dedup/exact"}
    # copy-3 (file 0) and copy-13 (file 1) repeat doc-2 once "Baca juga" is cleaned away.
    assert dups == {"copy-3": "doc-2", "copy-13": "doc-2"}
    assert summary.dropped["dedup/exact"] == 2
    assert summary.dropped["invalid/json"] == 2
    assert summary.dropped["quality/too_short"] == 2
    kept = read_rows(tmp_path / "out" / "docs")
    assert len(kept) == summary.kept == 20 - 2
    assert all("Baca juga" not in r["text"] for r in kept)


def test_stats_account_for_every_document(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", files=3, per_file=15)
    saring.run(news_pipeline(corpus, tmp_path / "out"), LocalExecutor(workers=2))
    stats = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    kept = len(read_rows(tmp_path / "out" / "docs"))
    removed = len(read_rows(tmp_path / "out" / "removed"))
    assert stats["kept"] == kept
    assert stats["removed"] == removed == sum(stats["removed_by_reason"].values())
    assert stats["input"]["documents"] == kept + removed == 3 * 17
    steps = {s["name"]: s for s in stats["steps"]}
    assert list(steps) == [
        "read",
        "RemovePhraseLines",
        "NormalizeWhitespace",
        "LengthFilter",
        "ExactDedup",
    ]
    assert steps["RemovePhraseLines"]["lines_removed"] == {"clean/related_link": 6}
    assert steps["ExactDedup"]["docs_in"] == steps["LengthFilter"]["docs_out"]
    assert not (tmp_path / "out" / "_work").exists()
    assert "ExactDedup" in (tmp_path / "out" / "config.toml").read_text()


DRIVER = textwrap.dedent(
    """
    import sys
    from killer import KillOnce
    from saring import ExactDedup, JsonlReader, LocalExecutor, NormalizeWhitespace, Pipeline, run
    corpus, output, flag, doc_id, where = sys.argv[1:6]
    steps = [NormalizeWhitespace(), ExactDedup()]
    steps.insert(0 if where == "before" else 2, KillOnce(doc_id=doc_id, flag=flag))
    pipeline = Pipeline(JsonlReader([corpus]), steps, output=output, shard_bytes=0)
    run(pipeline, LocalExecutor(workers=2))
    """
)


def run_driver(corpus: Path, output: Path, flag: Path, doc_id: str, where: str) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])}
    command = [sys.executable, "-c", DRIVER, str(corpus), str(output), str(flag), doc_id, where]
    return subprocess.run(command, env=env, start_new_session=True, timeout=300).returncode


@pytest.mark.parametrize(("doc_id", "where"), [("doc-150", "before"), ("doc-200", "after")])
def test_rerun_after_sigkill_gives_the_uninterrupted_output(
    tmp_path: Path, doc_id: str, where: str
) -> None:
    corpus = make_corpus(tmp_path / "in")
    flag = tmp_path / "kill-flag"
    assert run_driver(corpus, tmp_path / "whole", flag, doc_id, where) == 0
    flag.touch()
    killed = run_driver(corpus, tmp_path / "resumed", flag, doc_id, where)
    assert killed == -signal.SIGKILL
    assert not flag.exists()
    assert (tmp_path / "resumed" / "_work").exists()
    assert not (tmp_path / "resumed" / "stats.json").exists()
    assert run_driver(corpus, tmp_path / "resumed", flag, doc_id, where) == 0
    for part in ("docs", "removed"):
        assert folder_bytes(tmp_path / "resumed" / part) == folder_bytes(tmp_path / "whole" / part)
    assert not list((tmp_path / "resumed").rglob("*.tmp"))


def test_a_finished_run_is_not_redone_and_a_changed_pipeline_needs_overwrite(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "in", files=1, per_file=10)
    first = saring.run(news_pipeline(corpus, tmp_path / "out"), LocalExecutor(workers=1))
    again = saring.run(news_pipeline(corpus, tmp_path / "out"), LocalExecutor(workers=1))
    assert again.to_dict() == first.to_dict()
    changed = news_pipeline(corpus, tmp_path / "out", text_field="body")
    with pytest.raises(SaringError, match="another pipeline"):
        saring.run(changed, LocalExecutor(workers=1))
    summary = saring.run(changed, LocalExecutor(workers=1), overwrite=True)
    assert summary.dropped == {"invalid/no_text": 11, "invalid/json": 1}
    assert read_rows(tmp_path / "out" / "docs") == []


def test_strict_turns_bad_input_into_an_error_naming_the_line(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", files=1, per_file=10)
    pipeline = news_pipeline(corpus, tmp_path / "out")
    pipeline.strict = True
    with pytest.raises(InputError, match=r"part-0\.jsonl:6: json"):
        saring.run(pipeline, LocalExecutor(workers=1))


def test_pipeline_stages_split_at_global_steps(tmp_path: Path) -> None:
    pipeline = news_pipeline(tmp_path, tmp_path / "out")
    stages = pipeline.stages()
    assert [len(s.steps) for s in stages] == [3, 0]
    assert stages[0].observes is stages[1].applies
    assert pipeline.describe()["stages"] == [
        ["RemovePhraseLines", "NormalizeWhitespace", "LengthFilter", "ExactDedup"],
        [],
    ]


def test_changed_input_files_are_not_mixed_into_a_finished_or_unfinished_run(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "in", files=2, per_file=10)
    saring.run(news_pipeline(corpus, tmp_path / "out"), LocalExecutor(workers=1))
    write_jsonl(corpus / "a-new.jsonl", [{"id": "baru", "text": article(99)}])
    with pytest.raises(SaringError, match="other input files"):
        saring.run(news_pipeline(corpus, tmp_path / "out"), LocalExecutor(workers=1))
    summary = saring.run(
        news_pipeline(corpus, tmp_path / "out"), LocalExecutor(workers=1), overwrite=True
    )
    assert summary.files == 3


def test_a_file_named_twice_is_read_once_and_the_output_folder_is_not_input(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", files=1, per_file=10)
    out = corpus / "out"  # an output folder inside the input folder
    pipeline = Pipeline(
        JsonlReader([str(corpus), str(corpus / "part-0.jsonl")]),
        [NormalizeWhitespace()],
        output=str(out),
    )
    first = saring.run(pipeline, LocalExecutor(workers=1))
    assert first.files == 1
    assert first.read == 12
    again = saring.run(pipeline, LocalExecutor(workers=1))  # its own output is not new input
    assert again.to_dict() == first.to_dict()


def test_overwrite_never_deletes_a_folder_that_holds_no_run(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", files=1, per_file=10)
    mine = tmp_path / "project"
    (mine / "docs").mkdir(parents=True)
    (mine / "docs" / "thesis.md").write_text("bab 1")
    with pytest.raises(SaringError, match="holds no saring run"):
        saring.run(news_pipeline(corpus, mine), LocalExecutor(workers=1), overwrite=True)
    assert (mine / "docs" / "thesis.md").read_text() == "bab 1"


def test_overwrite_removes_the_reports_of_the_earlier_run(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", files=1, per_file=10)
    out = tmp_path / "out"
    steps = [NormalizeWhitespace(), NearDedup()]
    saring.run(
        Pipeline(JsonlReader([str(corpus)]), steps, output=str(out)), LocalExecutor(workers=1)
    )
    assert (out / "domains.json").exists()
    plain = Pipeline(JsonlReader([str(corpus)]), [NormalizeWhitespace()], output=str(out))
    saring.run(plain, LocalExecutor(workers=1), overwrite=True)
    assert not (out / "domains.json").exists()
    assert (out / "stats.json").exists()
