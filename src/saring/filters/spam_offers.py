"""What a seller writes with numbers, which no term list spells: offers ("beli 3 gratis 1",
"depo 10rb", "RM49 sahaja"), mobile numbers, prices with their currency, and cures promised
within a time ("menghilangkan nyeri dalam 7 hari"). Counted by ``saring.filters.spam_terms``.
"""

from __future__ import annotations

import re

OFFER = re.compile(
    r"(?<![\w.])(?:(?:beli|buy|order)\s?\d+\s?(?:gratis|free|percuma|get)\s?\d+"
    r"|(?:min(?:imal)?\.?\s?)?(?:depo|deposit|dp|topup|wd)\s?\d+\s?(?:rb|ribu|k)"
    r"|(?:(?:rp|rm)\s?\d[\d.,]*|\d+\s?(?:rb|ribu)|\d{2,}k)\s(?:aja|saja|sahaja|je)"
    r"|(?:diskon|discount|potongan)\s?\d+\s?%|\d+\s?%\s(?:off|discount|diskon))(?!\w|[.,]\d)"
)
"""Offers in a seller's voice: "beli 3 gratis 1", "depo 10rb", "250rb aja", "RM49 sahaja",
"diskon 50%", "70% off" (news writes "50 persen")."""
MOBILE = re.compile(
    r"(?<![\w+.,/-])(?:\+?62[\s.-]?8|08|\+?60[\s.-]?1|01)\d(?:[\s.-]?\d){6,10}(?![\w]|[.,-]\d)"
)
"""Indonesian and Malaysian mobile numbers (``0812-…``, ``+62 8…``, ``011-…``, ``+60 1…``),
counted as promotion like the ``<phone>`` that ``RedactPII`` writes for them: the news preset
decides spam before it redacts."""
CLAIM = re.compile(
    r"(?<!\w)(?:(?:meny|s)embuh|(?:meng)?hilang|(?:men|t)urun|(?:men)?normal|(?:mem)?utih|kurus|"
    r"langsing|(?:meng)?ecil|(?:meng)?hapus|(?:mem)?bersih|pulih|buang|cure|heal|revers|lose|lost|"
    r"drop|gone|clear|rebuil|regrow|restor|vanish|shrink|melt|burn)\w*"
    r"(?:\W+\w+){0,8}?\W+(?:dalam|in|within|hanya|only|cuma)\s(?:masa\s)?(?:\d+|satu|dua|tiga|"
    r"empat|lima|tujuh|sepuluh|one|two|three|seven|ten)\s?(?:hari|minggu|bulan|malam|days?|weeks?|"
    r"nights?)(?!\w)"
)
"""A cure promised within a time, at most eight words after its verb ("menghilangkan nyeri
dalam 7 hari", "reversed my diabetes in 30 days"): a pill term only on a page that names a
product news also names ("kapsul", "krim", "jamu") and holds a seller's term."""
PRICE = re.compile(
    r"(?<![\w.])(?:rp\.?|rm|\$|usd|idr|myr)\s?\d+(?:[.,]\d+)*(?:k|\s?rb|\s?ribu)?(?![.,]?\d)(?!\w)"
    r"(?!\s?(?:juta|miliar|triliun|bilion|million|billion|trillion)(?!\w))"
)
"""Prices written with their currency ("Rp189.000", "RM79", "$149", not "$1.2 billion"), counted
in ``sell`` beside a seller's term."""


def written_offers(lowered: str) -> int:
    """Return how many seller's offers written with numbers (``OFFER``) and mobile numbers
    (``MOBILE``) a case-folded text holds: promotion that no term list spells."""
    return len(OFFER.findall(lowered)) + len(MOBILE.findall(lowered))
