"""Every config or parameter mistake is a one-line error (exit 2) before any work starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from saring import JsonlReader, LocalExecutor, Pipeline, run
from saring.cli import main
from saring.errors import ConfigError

_BASE = """
output = "{out}"
{top}
[reader]
class = "JsonlReader"
paths = ["{data}"]
{reader}
[[steps]]
class = "NormalizeUnicode"
{step}
[writer]
class = "ParquetWriter"
{writer}
[executor]
class = "LocalExecutor"
{executor}
"""


def _config(tmp_path: Path, **parts: str) -> str:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "1", "text": "Harga cabai naik lagi di pasar."}\n')
    text = _BASE.format(
        out=tmp_path / "out",
        data=data,
        top=parts.get("top", ""),
        reader=parts.get("reader", ""),
        step=parts.get("step", ""),
        writer=parts.get("writer", ""),
        executor=parts.get("executor", ""),
    )
    if "steps" in parts:
        text = text.replace('[[steps]]\nclass = "NormalizeUnicode"\n', "")
        text = parts["steps"] + "\n" + text
    path = tmp_path / "pipeline.toml"
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize(
    ("part", "value", "says"),
    [
        ("executor", 'workers = "two"', "workers must be int or None"),
        ("executor", "workers = 1.5", "workers must be int or None"),
        ("executor", "workers = true", "workers must be int or None"),
        ("executor", "workers = 0", "workers must be a positive number"),
        ("executor", "workers = -3", "workers must be a positive number"),
        ("top", 'strict = "false"', "strict must be true or false"),
        ("steps", "steps = 5", "steps must be an array of tables"),
        ("reader", "max_chars = -1", "max_chars must be positive"),
        ("reader", 'max_chars = "5"', "max_chars must be int"),
        ("step", 'normalization = "NFD"', "normalization must be one of 'NFC', 'NFKC'"),
        ("writer", 'compression = "zip"', "compression must be one of"),
    ],
)
def test_config_mistake_is_one_line_before_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, value: str, says: str
) -> None:
    path = _config(tmp_path, **{part: value})
    assert main(["run", path]) == 2
    err = capsys.readouterr().err
    assert says in err
    assert err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()  # nothing started


def test_cli_workers_zero_and_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "1", "text": "Harga cabai naik lagi di pasar."}\n')
    assert main(["clean", str(data), "-o", str(tmp_path / "o"), "--workers", "0"]) == 2
    assert "workers must be a positive number" in capsys.readouterr().err
    target = tmp_path / "file.jsonl"
    target.write_text("")
    assert main(["clean", str(data), "-o", str(target)]) == 2
    assert "is a file" in capsys.readouterr().err


def test_python_api_checks_before_work(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "1", "text": "Harga cabai naik lagi di pasar."}\n')
    pipeline = Pipeline(JsonlReader([str(data)], max_chars=-1), [], output=str(tmp_path / "o"))
    with pytest.raises(ConfigError, match="max_chars must be positive"):
        run(pipeline, LocalExecutor(workers=1))
    with pytest.raises(ConfigError, match="workers"):
        LocalExecutor(workers=0).run([], lambda docs, read: None)
