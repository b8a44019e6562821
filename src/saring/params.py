"""Parameters of steps, after scikit-learn's ``BaseEstimator``.

A constructor stores its keyword arguments under the same names and does nothing else, so
the parameters can be read back from the signature, copied, compared and written to a
config file.
"""

from __future__ import annotations

import inspect
from typing import Any, Self


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
