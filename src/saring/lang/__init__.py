"""Language identification: CLD2 with an archipelago model for id, ms, jv, su, min and en."""

from saring.lang.identify import LanguageID

__all__ = ["LanguageID"]
