"""Names of the metadata keys and output columns that saring itself writes.

Every key a step writes into ``Document.metadata`` is a constant here, so a reader of the
output can find what wrote it.
"""

from typing import Final

# Columns of kept documents (``docs/``).
DOC_COLUMNS: Final = ("id", "text", "url", "domain", "lang", "lang_score", "metadata")
# Extra columns of removed documents (``removed/``).
REMOVED_COLUMNS: Final = (*DOC_COLUMNS, "reason", "duplicate_of")

# Metadata keys.
SOURCE_FILE: Final = "source_file"
"""Input file a document was read from."""
SOURCE_LINE: Final = "source_line"
"""1-based line (JSONL) or row (Parquet) of the document in its input file."""
INVALID_DETAIL: Final = "invalid_detail"
"""Why a reader could not use a record (parser message), on removed records only."""
EXTRA_FIELDS: Final = "fields"
"""Input fields other than id/text/url, kept as they were."""
QUALITY: Final = "quality"
"""Quality signals by group, ``{group: {signal: value}}``: the groups are the four below;
each group's dict also holds ``chars`` (text length when computed) and, where the language
matters, ``lang`` (see ``saring.filters.signals``)."""
QUALITY_GOPHER: Final = "gopher_quality"
"""Group of ``QUALITY``: Gopher quality signals (``GopherQualitySignals``)."""
QUALITY_REPETITION: Final = "gopher_repetition"
"""Group of ``QUALITY``: Gopher repetition signals (``GopherRepetitionSignals``)."""
QUALITY_C4: Final = "c4"
"""Group of ``QUALITY``: C4 document signals (``C4QualitySignals``)."""
QUALITY_FINEWEB: Final = "fineweb"
"""Group of ``QUALITY``: FineWeb line ratios (``FineWebQualitySignals``)."""
REMOVED_LINES: Final = "removed_lines"
"""Lines a step removed, as ``{"reason": ..., "line": ...}`` (when the step is asked to record)."""
