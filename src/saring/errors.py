"""Errors saring raises for problems a user can fix."""


class SaringError(Exception):
    """A problem with the input, the config or the output folder, told in one line."""


class InputError(SaringError):
    """An input file or record is unusable (raised instead of counting it under ``--strict``)."""


class ConfigError(SaringError):
    """A pipeline or config names an unknown step or parameter, or a wrong value."""
