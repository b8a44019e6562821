"""The version of saring, for the account of a run and the package metadata."""

__version__ = "0.1.0"
