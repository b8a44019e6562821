"""The package's layers: every module imports on its own, and no module imports a layer
above its own (not even inside a function)."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import saring
from saring import config
from saring.params import Params

PACKAGE = Path(saring.__file__).parent

LAYERS: dict[str, int] = {
    # 1: the data and its bookkeeping
    "saring.document": 1,
    "saring.meta": 1,
    "saring.errors": 1,
    "saring.params": 1,
    "saring.stats": 1,
    "saring.version": 1,
    "saring.sample": 1,
    "saring.storage": 1,
    # 2: the shapes a step can take
    "saring.step": 2,
    # 3: the steps, readers and writers
    "saring.io": 3,
    "saring.clean": 3,
    "saring.filters": 3,
    "saring.lang": 3,
    "saring.pii": 3,
    "saring.dedup": 3,
    "saring.extract": 3,
    # 4: a pipeline as a description, presets, and the backends that run tasks
    "saring.pipeline": 4,
    "saring.presets": 4,
    "saring.executors": 4,
    # 5: pipelines as TOML
    "saring.config": 5,
    # 6: the engine
    "saring.engine": 6,
    # 7: what a user calls
    "saring.cli": 7,
    "saring.report": 7,
    "saring.__main__": 7,
    "saring": 7,
}


def module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def layer_of(module: str) -> int:
    """Return a module's layer: that of the longest prefix named in ``LAYERS``."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in LAYERS:
            return LAYERS[prefix]
    raise AssertionError(f"{module} has no layer: add it to LAYERS")


def imports_of(module: str) -> set[str]:
    """Return the saring modules a module imports, anywhere in its code."""
    path = PACKAGE.parent / Path(*module.split("."))
    file = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "saring"}
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").split(".")[0] == "saring"
        ):
            # "from saring import meta" imports the module saring.meta, not the package.
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found |= {n if n in set(module_names()) else str(node.module) for n in names}
    return found


def test_no_module_imports_a_layer_above_its_own() -> None:
    wrong = []
    for module in module_names():
        for target in imports_of(module):
            if layer_of(target) > layer_of(module):
                wrong.append(f"{module} (layer {layer_of(module)}) imports {target}")
    assert wrong == []


def test_every_module_imports_on_its_own_in_a_fresh_interpreter() -> None:
    script = (
        "import importlib, sys\n"
        "failed = []\n"
        f"for name in {module_names()!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'saring' or m.startswith('saring.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        failed.append(f'{name}: {error!r}')\n"
        "print('\\n'.join(failed))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


MAX_LINES = 300
"""The longest a module may be (issue 13); data tables live in ``saring/data/``, not here."""
LONG_MODULES: set[str] = set()
"""Modules allowed over the limit while being shortened in their own change (none now)."""


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert {name: n for name, n in long.items() if name not in LONG_MODULES} == {}


def all_subclasses(kind: type) -> set[type]:
    found = set()
    for sub in kind.__subclasses__():
        found |= {sub} | all_subclasses(sub)
    return found


def parts_of(classes: set[type]) -> set[type]:
    """Return the classes of the parts that multi-stage steps run as."""
    found = set()
    for cls in classes:
        if issubclass(cls, saring.Step):
            try:
                step = cls()
            except TypeError:
                continue  # needs arguments: runs as itself
            found |= {type(part) for part in step.parts()} - {cls}
    return found


def test_every_component_class_is_exported_where_config_and_saring_find_it() -> None:
    """A step, reader, writer or executor is found by TOML, ``saring steps`` and ``import
    saring`` alike: a class left out of its package's ``__all__`` fails here. Parts of
    multi-stage steps and base classes of exported ones are not components."""
    for name in module_names():
        __import__(name)
    exported = set(config.exported(Params).values())
    top = {getattr(saring, name) for name in saring.__all__}
    bases = {base for cls in exported for base in cls.__mro__[1:]}
    components = (
        {
            cls
            for cls in all_subclasses(Params)
            if cls.__module__.startswith("saring.")
            and cls.__module__ not in config._BASES
            and not inspect.isabstract(cls)
            and not cls.__name__.startswith("_")
            and cls.__module__ != "saring.pipeline"
        }
        - parts_of(exported)
        - bases
    )
    assert {c.__qualname__ for c in components - exported} == set()
    assert {c.__qualname__ for c in components - top} == set()
