"""The saring command: clean, run, demo, steps, and its one-line errors."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from conftest import article, read_rows, write_jsonl
from saring.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_with_custom_fields_and_compressed_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[dict[str, object] | bytes] = [
        {"doc_id": f"a{i}", "body": article(i), "link": f"https://www.kompas.com/read/{i}"}
        for i in range(3)
    ]
    source = write_jsonl(tmp_path / "crawl.jsonl.gz", rows)
    out = tmp_path / "out"
    argv = ["clean", str(source), "-o", str(out), "--format", "jsonl.gz", "--workers", "1"]
    argv += ["--text-field", "body", "--id-field", "doc_id", "--url-field", "link"]
    code, stdout, _ = run(argv, capsys)
    assert code == 0
    assert "kept 3, removed 0" in stdout
    docs = read_rows(out / "docs")
    assert [d["id"] for d in docs] == ["a0", "a1", "a2"]
    assert docs[0]["domain"] == "kompas.com"
    assert docs[0]["url"] == "https://www.kompas.com/read/0"
    assert (out / "docs" / "part-00000.jsonl.gz").exists()


def test_extract_preset_changes_and_drops_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = "Judul\u00a0berita  dengan   spasi.\n\n\n\nBaca juga: tautan lain"
    texts = [article(1), article(1), odd]  # an exact copy and untidy text: all kept as given
    rows: list[dict[str, object] | bytes] = [
        {"id": f"d{n}", "text": t} for n, t in enumerate(texts)
    ]
    source = write_jsonl(tmp_path / "crawl.jsonl", rows)
    out = tmp_path / "out"
    argv = ["clean", str(source), "-o", str(out), "--preset", "extract", "--workers", "1"]
    code, stdout, _ = run(argv, capsys)
    assert code == 0
    assert "kept 3, removed 0" in stdout
    docs = read_rows(out / "docs")
    assert [d["text"] for d in docs] == texts
    assert [d["lang"] for d in docs] == [None, None, None]  # no step tagged a language


def test_bad_records_are_counted_and_kept_in_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[dict[str, object] | bytes] = [
        {"id": "ok-1", "text": article(1)},
        b'{"id": "broken", "text": "Jakarta -',
        b'{"id": "latin1", "text": "Caf\xe9 di Bandung"}',
        {"id": "kosong", "text": ""},
        {"id": "ok-2", "text": article(2)},
    ]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    code, _, _ = run(["clean", str(source), "-o", str(tmp_path / "out"), "--workers", "1"], capsys)
    assert code == 0
    assert [d["id"] for d in read_rows(tmp_path / "out" / "docs")] == ["ok-1", "ok-2"]
    removed = {r["reason"]: r for r in read_rows(tmp_path / "out" / "removed")}
    assert set(removed) == {"invalid/json", "invalid/encoding", "invalid/empty"}
    assert removed["invalid/json"]["text"] == '{"id": "broken", "text": "Jakarta -'
    assert orjson.loads(removed["invalid/json"]["metadata"])["source_line"] == 2
    stats = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    assert stats["removed_by_reason"] == {
        "invalid/empty": 1,
        "invalid/encoding": 1,
        "invalid/json": 1,
    }


def test_strict_stops_with_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": article(1)}, b"{oops"])
    argv = ["clean", str(source), "-o", str(tmp_path / "out"), "--strict", "--workers", "1"]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert err.startswith("saring: error: ")
    assert "in.jsonl:2: json" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["clean", "nowhere.jsonl", "-o", "out"], "input not found: 'nowhere.jsonl'"),
        (["run", "missing.toml"], "cannot read config 'missing.toml'"),
    ],
)
def test_missing_files_give_one_line_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert message in err


def test_unreadable_format_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04")
    code, _, err = run(["clean", str(tmp_path / "data.xlsx"), "-o", str(tmp_path / "o")], capsys)
    assert code == 2
    assert "no readable input" in err


def test_print_config_then_run_gives_the_same_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl", [{"id": f"d{i}", "text": article(i)} for i in range(4)]
    )
    argv = ["clean", str(source), "-o", str(tmp_path / "a"), "--workers", "1"]
    code, toml, _ = run([*argv, "--print-config"], capsys)
    assert code == 0
    assert 'class = "NearDedup"' in toml
    config = tmp_path / "pipeline.toml"
    config.write_text(toml.replace(str(tmp_path / "a"), str(tmp_path / "b")))
    assert run(argv, capsys)[0] == 0
    assert run(["run", str(config)], capsys)[0] == 0
    assert (tmp_path / "a" / "docs" / "part-00000.parquet").read_bytes() == (
        tmp_path / "b" / "docs" / "part-00000.parquet"
    ).read_bytes()


def test_unknown_step_in_config_names_the_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "p.toml"
    config.write_text(
        'output = "out"\n[reader]\nclass = "JsonlReader"\npaths = ["x.jsonl"]\n'
        '[[steps]]\nclass = "NormaliseUnicode"\n'
    )
    code, _, err = run(["run", str(config)], capsys)
    assert code == 2
    assert "unknown step 'NormaliseUnicode'; did you mean 'NormalizeUnicode'?" in err


def test_demo_runs_on_the_bundled_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = run(["demo", "-o", str(tmp_path / "demo"), "--workers", "2"], capsys)
    assert code == 0
    assert "dedup/exact" in stdout
    assert "kabarviral.net copies cnnindonesia.com" in stdout
    assert "visitaaponce.com copies mediaindonesia.com" in stdout
    stats = orjson.loads((tmp_path / "demo" / "stats.json").read_bytes())
    assert stats["input"]["files"] == 2
    # Five wire copies, six mirrored articles and the mirrored seed page.
    assert stats["removed_by_reason"]["dedup/exact"] == 12
    assert {
        "invalid/json",
        "invalid/encoding",
        "invalid/empty",
        "quality/gopher_word_count",
    } <= set(stats["removed_by_reason"])
    assert stats["lines_removed_by_reason"]["clean/related_link"] > 0
    assert stats["kept"] == len(read_rows(tmp_path / "demo" / "docs"))
    removed = {r["id"]: r for r in read_rows(tmp_path / "demo" / "removed")}
    assert removed["seed-mirror"]["duplicate_of"] == "mediaindonesia-putin-xi"
    assert all(removed[f"mirror-{n}"]["reason"] == "dedup/exact" for n in range(6))


def test_steps_lists_parameters_and_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(["steps"], capsys)
    assert code == 0
    assert "LengthFilter(min_words=50, max_words=100000)" in stdout
    assert "reasons: quality/too_short, quality/too_long" in stdout
    assert "JsonlReader(paths, text_field='text'" in stdout


@pytest.mark.parametrize("fmt", ["parquet", "jsonl.gz"])
def test_inspect_shows_examples_per_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    rows: list[dict[str, object] | bytes] = [
        {"id": "asli", "text": article(1)},
        {"id": "salinan", "text": article(1)},
        b'{"id": "rusak", "text": "Jakarta -',
    ]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out"
    assert (
        run(["clean", str(source), "-o", str(out), "--format", fmt, "--workers", "1"], capsys)[0]
        == 0
    )
    code, stdout, _ = run(["inspect", str(out)], capsys)
    assert code == 0
    assert "dedup/exact:\n  salinan (copy of asli): Laporan 1." in stdout
    assert 'invalid/json:\n  in.jsonl:3: {"id": "rusak"' in stdout
    code, stdout, _ = run(["inspect", str(out), "--reason", "quality/too_short"], capsys)
    assert "no document was removed as quality/too_short" in stdout
    assert "dedup/exact:" not in stdout
