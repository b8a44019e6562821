"""The contract every exported step keeps, checked over all of them (after scikit-learn's
``parametrize_with_checks``): parameters only in the constructor, clone/TOML/pickle round
trips, declared reasons only, filters and annotators never edit text, transforms never drop,
and global steps observe JSON-ready pairs."""

from __future__ import annotations

import inspect
import pickle
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
import pytest
import tomli_w

import saring
from saring import config
from saring.step import EVERY, Annotator, DocRef, Filter, GlobalStep, Step, Transform

STEPS: dict[str, type[Step]] = config.exported(Step)
# Multi-stage steps run as their parts; they are checked by running them in a pipeline.
COMPOSITE = {name: cls for name, cls in STEPS.items() if cls().parts() != [cls()]}
NON_GLOBAL = {
    name: cls
    for name, cls in STEPS.items()
    if not issubclass(cls, GlobalStep) and name not in COMPOSITE
}
GLOBAL = {name: cls for name, cls in STEPS.items() if issubclass(cls, GlobalStep)}
KINDS = (Transform, Annotator, Filter, GlobalStep)
REASON = re.compile(r"^[a-z][a-z0-9_]*/[a-z][a-z0-9_]*$")
MAX_PICKLE_BYTES = 2048

# A phrase file that exists wherever saring is installed, to serve as an ``extra_file``.
EN_PHRASES = str(resources.files("saring").joinpath("data", "phrases", "en.toml"))
# Non-default parameters per step, to check that round trips carry changed values too.
NON_DEFAULT: dict[str, dict[str, Any]] = {
    "LengthFilter": {"min_words": 20, "max_words": 5_000},
    "NormalizeUnicode": {"fix_encoding": False, "normalization": "NFKC"},
    "RemovePhraseLines": {
        "languages": ("id", "ms"),
        "max_chars": 120,
        "extra_file": EN_PHRASES,
        "record_lines": True,
    },
    "LanguageID": {"level": "paragraph", "min_chars": 20, "mixed_share": 0.3},
}

MESSY = (
    "Harga BBM Naik Mulai Besok\n\nHarga  BBM naik mulai besok\r\n"
    "PemerintahÂ resmi menaikkan harga\u00a0Pertalite menjadi Rp10.000 per liter.\t\t\n"
    "Baca juga: Antrean Panjang di SPBU Jelang Kenaikan Harga\n\n\n\n"
    "Menteri ESDM menyebut ke\u00adputusan itu diambil untuk menjaga APBN.\n"
    "- Bernama\nTautan Sahabat\n"
)


def each(steps: dict[str, type[Step]]) -> pytest.MarkDecorator:
    """Return a parametrize mark over the given step classes, with their names as ids."""
    return pytest.mark.parametrize("cls", list(steps.values()), ids=list(steps))


def _documents(seed_path: Path) -> list[saring.Document]:
    """Return fresh documents: empty, the seed page, a messy page and copies of both."""
    seed = seed_path.read_text(encoding="utf-8")
    return [
        saring.Document(id="kosong", text=""),
        saring.Document(id="seed", text=seed, url="https://visitaaponce.com/"),
        saring.Document(id="messy", text=MESSY, url="https://www.detik.com/finance/1"),
        saring.Document(id="seed-copy", text=seed.upper(), url="https://visitaaponce.com/2"),
        saring.Document(id="messy-copy", text=MESSY, url="https://news.detik.com/1"),
    ]


def _examples(cls: type[Step]) -> list[Step]:
    """Return the step with default parameters and, if listed, with non-default ones."""
    steps = [cls()]
    if cls.__name__ in NON_DEFAULT:
        steps.append(cls(**NON_DEFAULT[cls.__name__]))
    return steps


def _check_stats(step: Step, stats: saring.StepStats) -> None:
    assert set(stats.dropped) <= set(step.drop_reasons), stats.dropped
    assert set(stats.lines_removed) <= set(step.line_reasons), stats.lines_removed


def test_known_steps_are_exported_and_each_has_one_kind() -> None:
    expected = {
        "ExactDedup",
        "LengthFilter",
        "NormalizeUnicode",
        "NormalizeWhitespace",
        "RemovePhraseLines",
        "RemoveRepeatedLines",
    }
    assert expected <= set(STEPS)
    for name, cls in STEPS.items():
        kinds = sum(issubclass(cls, kind) for kind in KINDS) + (name in COMPOSITE)
        assert kinds == 1, name
        assert cls.__name__ == name


def test_non_default_examples_name_real_parameters() -> None:
    for name, params in NON_DEFAULT.items():
        defaults = STEPS[name].param_defaults()
        assert set(params) <= set(defaults), name
        assert all(defaults[key] != value for key, value in params.items()), name


@each(STEPS)
def test_constructor_stores_parameters_only(cls: type[Step]) -> None:
    defaults = cls.param_defaults()
    required = [name for name, value in defaults.items() if value is inspect.Parameter.empty]
    assert required == [], "every step parameter needs a default"
    step = cls()
    assert vars(step) == defaults
    assert step.get_params() == defaults
    assert repr(step) == f"{cls.__name__}()"


@each(STEPS)
def test_defaults_are_plain_immutable_values(cls: type[Step]) -> None:
    scalars = (bool, int, float, str)
    for name, value in cls.param_defaults().items():
        ok = value is None or isinstance(value, scalars)
        ok = ok or (isinstance(value, tuple) and all(isinstance(v, scalars) for v in value))
        assert ok, f"{cls.__name__}.{name} default {value!r} is not a TOML-ready immutable value"


@each(STEPS)
def test_set_params(cls: type[Step]) -> None:
    step = cls()
    with pytest.raises(TypeError, match="no parameter 'nama_salah'"):
        step.set_params(nama_salah=1)
    assert step.set_params(**step.get_params()) is step
    changes = NON_DEFAULT.get(cls.__name__, {})
    if changes:
        step.set_params(**changes)
        assert step.get_params() == {**cls.param_defaults(), **changes}
        assert step != cls()
        assert step == cls(**changes)


@each(STEPS)
def test_clone_equals_the_original_and_is_not_set_up(cls: type[Step]) -> None:
    for step in _examples(cls):
        step.setup()
        copy = step.clone()
        assert copy == step
        assert copy is not step
        assert type(copy) is cls
        assert set(vars(copy)) == set(cls.param_names())


@each(STEPS)
def test_toml_round_trip(cls: type[Step]) -> None:
    for step in _examples(cls):
        table = config.to_table(step)
        assert table["class"] == cls.__name__
        text = tomli_w.dumps({"steps": [table]})
        back = config.from_table(tomllib.loads(text)["steps"][0], Step, "x")
        assert type(back) is cls
        assert back == step
        assert back.get_params() == step.get_params()


@each(STEPS)
def test_pickles_small_before_and_after_setup(cls: type[Step]) -> None:
    for step in _examples(cls):
        before = pickle.dumps(step)
        assert len(before) < MAX_PICKLE_BYTES
        assert pickle.loads(before) == step
        step.setup()
        after = pickle.dumps(step)
        assert len(after) < MAX_PICKLE_BYTES, f"{len(after)} bytes after setup()"
        assert pickle.loads(after) == step


@each(NON_GLOBAL)
def test_unpickled_step_works_like_the_original(cls: type[Step], seed_path: Path) -> None:
    step = cls()
    step.setup()
    copy = pickle.loads(pickle.dumps(step))
    for doc, twin in zip(_documents(seed_path), _documents(seed_path), strict=True):
        result = step.handle(doc, saring.StepStats("a"))
        copied = copy.handle(twin, saring.StepStats("b"))
        assert type(result) is type(copied)
        assert _text_of(result) == _text_of(copied)


def _text_of(result: saring.Document | saring.Dropped) -> str:
    return result.doc.text if isinstance(result, saring.Dropped) else result.text


@each(NON_GLOBAL)
def test_handles_empty_seed_and_messy_documents(cls: type[Step], seed_path: Path) -> None:
    step = cls()
    step.setup()
    for doc in _documents(seed_path):
        original = doc.text
        stats = saring.StepStats(cls.__name__)
        result = step.handle(doc, stats)
        _check_stats(step, stats)
        if isinstance(result, saring.Dropped):
            assert result.reason in step.drop_reasons, result.reason
            assert result.doc.id == doc.id
        if issubclass(cls, Filter):
            reason = step.reason(doc)  # type: ignore[attr-defined]
            assert reason is None or reason in step.drop_reasons
            assert _text_of(result) == original
        if issubclass(cls, Annotator):
            assert isinstance(result, saring.Document)
            assert result.text == original
        if issubclass(cls, Transform):
            assert isinstance(result, saring.Document), "a transform never drops"
            assert result.id == doc.id
            again = step.handle(saring.Document(id="lagi", text=result.text), stats)
            assert isinstance(again, saring.Document)
            assert again.text == result.text, "a cleaner run twice changes nothing more"


@each(GLOBAL)
def test_global_step_observes_json_pairs_and_decides_declared_reasons(
    cls: type[Step], seed_path: Path
) -> None:
    step = cls()
    assert isinstance(step, GlobalStep)
    step.setup()
    docs = _documents(seed_path)
    with pytest.raises(TypeError, match="global step"):
        step.handle(docs[0], saring.StepStats(cls.__name__))

    groups: dict[str, list[tuple[DocRef, Any]]] = {}
    for position, doc in enumerate(docs):
        shard, spot = divmod(position, 2)
        for pair in step.observe(doc):
            assert isinstance(pair, tuple)
            assert len(pair) == 2
            key, value = pair
            assert isinstance(key, str)
            # The executor spills values to disk as JSON and reads them back.
            groups.setdefault(key, []).append(((shard, spot), orjson.loads(orjson.dumps(value))))

    stats = saring.StepStats(cls.__name__)
    addressed: dict[DocRef, list[Any]] = {}
    for key, items in groups.items():
        refs = {ref for ref, _ in items}
        for ref, decision in step.decide(key, sorted(items, key=lambda item: item[0]), {}, stats):
            assert ref in refs or ref == EVERY, f"decision for {ref} not observed under {key!r}"
            addressed.setdefault(ref, []).append(orjson.loads(orjson.dumps(decision)))
    _check_stats(step, stats)

    for position, doc in enumerate(docs):
        original = doc.text
        decisions = addressed.get(divmod(position, 2), []) + addressed.get(EVERY, [])
        result = step.apply(doc, decisions, stats)
        if isinstance(result, saring.Dropped):
            assert result.reason in step.drop_reasons, result.reason
            assert result.doc.id == doc.id
            assert result.doc.text == original
        else:
            assert isinstance(result, saring.Document)
            assert result.id == doc.id
    _check_stats(step, stats)


@each(COMPOSITE)
def test_composite_step_runs_in_a_pipeline_with_declared_reasons(
    cls: type[Step], seed_path: Path, tmp_path: Path
) -> None:
    rows = [orjson.dumps({"id": d.id, "text": d.text, "url": d.url}) for d in _documents(seed_path)]
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(rows) + b"\n")
    for step in _examples(cls):
        parts = step.parts()
        assert len(parts) > 1
        output = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        pipeline = saring.Pipeline(saring.JsonlReader([str(source)]), [step], output=str(output))
        summary = saring.run(pipeline, saring.LocalExecutor(workers=1))
        reasons = set(summary.dropped) - {"invalid/empty"}
        assert reasons <= set(cls.drop_reasons), reasons
        assert summary.kept + sum(summary.dropped.values()) == summary.read == len(rows)


@each(STEPS)
def test_declared_reasons_look_like_family_slash_name(cls: type[Step]) -> None:
    for reason in (*cls.drop_reasons, *cls.line_reasons):
        assert REASON.match(reason), f"{cls.__name__} declares {reason!r}"
    assert len(set(cls.drop_reasons)) == len(cls.drop_reasons)
    assert len(set(cls.line_reasons)) == len(cls.line_reasons)


def test_public_api_exists_is_sorted_and_unique() -> None:
    names = saring.__all__
    assert names == sorted(names)
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(saring, name), f"saring.__all__ names missing {name!r}"
        obj = getattr(saring, name)
        if inspect.isclass(obj):
            assert obj.__name__ == name
            assert obj.__module__.startswith("saring."), obj.__module__
    assert isinstance(saring.__version__, str)
    public_classes = {n for n in dir(saring) if inspect.isclass(getattr(saring, n))}
    assert public_classes <= set(names), public_classes - set(names)


def test_the_lazy_package_exports_what_it_lists_and_its_subpackages() -> None:
    assert set(saring._EXPORTS) | {"__version__"} == set(saring.__all__)
    # Subpackages and modules are attributes, as an eagerly imported package gave them.
    assert saring.filters.GopherQualityFilter is saring.GopherQualityFilter
    assert saring.lang.LanguageID is saring.LanguageID
    with pytest.raises(AttributeError):
        _ = saring.no_such_part
