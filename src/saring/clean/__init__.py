"""Transforms that edit text and never drop a document."""

from saring.clean.phrase_lines import RemovePhraseLines
from saring.clean.repeated_lines import RemoveRepeatedLines
from saring.clean.site_templates import RemoveSiteTemplates
from saring.clean.unicode import NormalizeUnicode
from saring.clean.whitespace import NormalizeWhitespace

__all__ = [
    "NormalizeUnicode",
    "NormalizeWhitespace",
    "RemovePhraseLines",
    "RemoveRepeatedLines",
    "RemoveSiteTemplates",
]
