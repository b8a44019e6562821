"""Parameters of steps, after scikit-learn's ``BaseEstimator``.

A constructor stores its keyword arguments under the same names and does nothing else, so
the parameters can be read back from the signature, copied, compared and written to a
config file.
"""

from __future__ import annotations

import inspect
import types
import typing
from typing import Any, Literal, Self, Union, get_args, get_origin

from saring.errors import ConfigError


class Params:
    """Gives ``get_params``, ``set_params``, ``clone``, equality and a readable ``repr``."""

    @classmethod
    def param_names(cls) -> list[str]:
        """Return the constructor's keyword parameter names, in order."""
        signature = inspect.signature(cls.__init__)
        return [
            p.name
            for p in signature.parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]

    @classmethod
    def param_defaults(cls) -> dict[str, Any]:
        """Return each parameter's default value (``inspect.Parameter.empty`` if required)."""
        signature = inspect.signature(cls.__init__)
        return {name: signature.parameters[name].default for name in cls.param_names()}

    @classmethod
    def param_types(cls) -> dict[str, Any]:
        """Return each parameter's annotated type (``Any`` where none can be resolved)."""
        try:
            hints = typing.get_type_hints(cls.__init__)
        except (NameError, TypeError):  # an annotation naming what the module cannot see
            hints = {}
        return {name: hints.get(name, Any) for name in cls.param_names()}

    def validate(self) -> None:
        """Raise ``ConfigError`` (one line) for a parameter of the wrong type or value.

        Types come from the constructor's annotations; subclasses add checks of values and
        call this first. Runs before any work starts, so a mistake never reaches a worker.
        """
        for name, hint in self.param_types().items():
            value = getattr(self, name)
            if not type_matches(value, hint):
                raise ConfigError(
                    f"{type(self).__name__}.{name} must be {describe_type(hint)}, not {value!r}"
                )

    def get_params(self) -> dict[str, Any]:
        """Return the parameters as the constructor received them."""
        return {name: getattr(self, name) for name in self.param_names()}

    def set_params(self, **params: Any) -> Self:
        """Set parameters by name (an unknown name is an error) and forget loaded resources."""
        known = set(self.param_names())
        for name, value in params.items():
            if name not in known:
                raise TypeError(f"{type(self).__name__} has no parameter {name!r}")
            setattr(self, name, value)
        # Private attributes hold what setup() derived from the old parameters.
        for name in [n for n in vars(self) if n.startswith("_")]:
            delattr(self, name)
        return self

    def clone(self) -> Self:
        """Return a new, unset-up instance with the same parameters."""
        return type(self)(**self.get_params())

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.get_params() == other.get_params()

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __repr__(self) -> str:
        defaults = self.param_defaults()
        shown = [
            f"{name}={value!r}"
            for name, value in self.get_params().items()
            if defaults[name] is inspect.Parameter.empty or defaults[name] != value
        ]
        return f"{type(self).__name__}({', '.join(shown)})"


def type_matches(value: Any, hint: Any) -> bool:
    """Return whether a value fits an annotation (bools are not numbers; unknown shapes fit)."""
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any or hint is inspect.Parameter.empty:
        return True
    if origin in (Union, types.UnionType):
        return any(type_matches(value, arg) for arg in args)
    if hint is None or hint is type(None):
        return value is None
    if origin is Literal:
        return any(value == arg and type(value) is type(arg) for arg in args)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if origin in (tuple, list):
        if not isinstance(value, tuple | list):
            return False
        if origin is tuple and args and args[-1] is not Ellipsis:
            return len(value) == len(args) and all(map(type_matches, value, args))
        return not args or all(type_matches(item, args[0]) for item in value)
    if origin is dict:
        return isinstance(value, dict)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def describe_type(hint: Any) -> str:
    """Return an annotation in words, for messages: ``int or None``, ``one of 'NFC', 'NFKC'``."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(describe_type(arg) for arg in args)
    if hint is None or hint is type(None):
        return "None"
    if origin is Literal:
        return "one of " + ", ".join(repr(arg) for arg in args)
    if origin in (tuple, list):
        return f"a list of {describe_type(args[0])}" if args else "a list"
    return getattr(hint, "__name__", str(hint))
