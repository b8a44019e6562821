"""Pipelines written to TOML and read back."""

from __future__ import annotations

import pytest

from saring import ExactDedup, JsonlReader, JsonlWriter, LengthFilter, LocalExecutor, Pipeline
from saring.config import dumps, loads
from saring.errors import ConfigError
from saring.presets import news


def test_round_trip_of_the_news_preset() -> None:
    pipeline = Pipeline(
        JsonlReader(["crawl/*.jsonl.gz"], text_field="content"),
        news(),
        output="out",
        writer=JsonlWriter(compression="zstd"),
        strict=True,
    )
    loaded, executor = loads(dumps(pipeline, LocalExecutor(workers=3)))
    assert loaded == pipeline
    assert executor == LocalExecutor(workers=3)
    assert dumps(loaded, executor) == dumps(pipeline, LocalExecutor(workers=3))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'output = "o"\n[reader]\nclass = "JsonlReader"\npaths = []\nspeed = 3\n',
            "no parameter 'speed'",
        ),
        ('output = "o"\n[reader]\nclass = "JsonlReader"\n', "JsonlReader needs paths"),
        (
            'output = "o"\n[reader]\nclass = "JsonlReader"\npaths = []\n'
            '[[steps]]\nclass = "LengthFilter"\nmin_words = "ten"\n',
            "LengthFilter.min_words must be int",
        ),
        ('output = "o"\n[reader]\nclass = "Filter"\n', "unknown reader 'Filter'"),
        ('[reader]\nclass = "JsonlReader"\npaths = []\n', "needs 'output'"),
        (
            'output = "o"\nworkers = 2\n[reader]\nclass = "JsonlReader"\npaths = []\n',
            "unknown top-level",
        ),
        ("output = ", "not valid TOML"),
    ],
)
def test_config_errors_are_one_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as error:
        loads(text)
    assert "\n" not in str(error.value)


def test_repr_shows_only_changed_parameters() -> None:
    assert repr(LengthFilter(min_words=20)) == "LengthFilter(min_words=20)"
    assert repr(ExactDedup()) == "ExactDedup()"
