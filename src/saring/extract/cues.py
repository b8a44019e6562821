"""Short lines that announce boilerplate: teasers, newsletter and share prompts, update stamps,
photo credits.

Extractors keep a few lines around the article that are not part of it — "Read more: …",
"Lesen Sie auch", "Sign up to our newsletter", "Aktualisiert am 17.01.2021", "Baca juga",
"© AFP / Marco Bertorello", "Foto: Humas".
A line of at most ``MAX_CUE_LINE`` characters that starts with one of these cues, or names a
newsletter, a subscription or a copyright reservation, is dropped after extraction.

The cues were chosen from the false positives of trafilatura and resiliparse on the
even-numbered pages (by file name) of trafilatura's evaluation set; the odd-numbered pages
and the article-extraction benchmark played no part (see ``benchmarks/extraction.py``).
Both patterns are literal alternations anchored or searched once per line: linear time.
"""

from __future__ import annotations

import re

MAX_CUE_LINE = 200
"""Longest line (in characters) that a cue can remove; longer lines are article text."""

_LEADING = re.compile(
    r"""[\W_]{0,3}(?:(?:
    read\ more|read\ also|see\ also|related(?:\ articles?|\ posts?|\ stories)?
    |more\ from|you\ (?:may|might)\ also\ like|recommended
    |sign\ up|subscribe|newsletter|share\ this|follow\ us|advertisement|sponsored
    |lesen\ sie\ (?:auch|hier|mehr)|auch\ interessant|mehr\ (?:zum\ thema|themen|dazu)
    |weitere\ (?:beiträge|artikel|informationen|themen|tourentipps)|zum\ weiterlesen
    |das\ (?:thema\ )?könnte\ dich\ auch\ interessieren|anzeige|werbung|kategorie
    |aktualisiert\ am|letzte\ (?:änderung|aktualisierung)|zuletzt\ aktualisiert
    |veröffentlicht\ am|teilen
    |lire\ aussi|à\ lire\ aussi|voir\ aussi|lee\ también|te\ puede\ interesar
    |baca\ juga|lihat\ juga|simak\ juga
    |auch\ lesen|(?:keine\ )?kommentare|notas\ relacionadas|weitere\ aktuelle|beiträge\ aus
    |credits?|crédits?\ photos?|photo\ credit
    )\b|foto:|©)""",
    re.IGNORECASE | re.VERBOSE,
)
_ANYWHERE = re.compile(
    r"newsletter|sign up|subscribe|abonnieren|all rights reserved|alle rechte vorbehalten",
    re.IGNORECASE,
)


def is_cue_line(line: str) -> bool:
    """Return whether a line is a short boilerplate line (a teaser, prompt or stamp)."""
    stripped = line.strip()
    if len(stripped) > MAX_CUE_LINE:
        return False
    return bool(_LEADING.match(stripped) or _ANYWHERE.search(stripped))


def drop_cue_lines(text: str) -> str:
    """Return the text without its short boilerplate lines (and the white space they end or
    begin it with)."""
    return "\n".join(line for line in text.split("\n") if not is_cue_line(line)).strip()
