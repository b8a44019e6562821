"""``RedactPII``: replaces e-mail addresses, IP addresses, Indonesian phone numbers, NIK and
NPWP numbers with tokens, counting each kind.

Patterns, in the order they run:

- ``npwp``: the tax number in its printed form ``99.999.999.9-999.999``, or 15/16 digits
  (with or without separators) shortly after the word "NPWP".
- ``nik``: 16 digits standing alone whose structure is a NIK's (``saring.pii.nik``: real
  province code, non-zero regency and district, birth day 01–31 or 41–71 valid for the
  month, month 01–12, serial from 0001). A number that looks like a payment card (issuer
  prefix and a valid Luhn check digit) is a NIK only right after "NIK"/"KTP".
- ``email``: ``name@host.tld``.
- ``phone``: Indonesian numbers written ``+62 …``, ``62 8…`` or ``0…``, with spaces, dashes,
  dots or an area code in brackets; a mobile number (8…) has 9–12 digits after the prefix, a
  fixed line (area code 2–9) 8–11.
- ``ip``: IPv4 (not after a currency sign, so ``Rp1.200.100.100`` stays) and IPv6 (checked
  with ``ipaddress``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable

from saring.document import Document
from saring.errors import ConfigError
from saring.pii.nik import is_nik, looks_like_card
from saring.stats import StepStats
from saring.step import Transform

KINDS = ("npwp", "nik", "email", "phone", "ip")
"""Kinds of personal data, in the order they are redacted; each is counted as ``pii/<kind>``."""

_NPWP_PRINTED = re.compile(r"(?<![\d.])\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}(?![\d.]\d|\d)")
_NPWP_AFTER_WORD = re.compile(
    r"(\bNPWP\b[^\d\n]{0,30}?)(\d(?:[\d.\-]|\s(?=\d)){13,22}\d)(?!\d)", re.IGNORECASE
)
_SIXTEEN = re.compile(r"(?<![\d.,\-/])\d{16}(?![\d]|[.,\-/]\d)")
_NIK_CONTEXT = re.compile(r"\b(?:NIK|e-?KTP|KTP|nomor induk kependudukan)\b\W{0,5}$", re.I)
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b")
_PHONE = re.compile(
    r"""
    (?<![\w+.,/\-])
    (?P<prefix>\+62[\s.\-]?|\(\+62\)\s?|62[\s.\-]?(?=8)|\(0(?=\d{2,3}\))|0)
    (?P<rest>\(0?\d{2,3}\)\s?\d{2,5}|\d{2,3}\)\s?\d{2,5}|\d{2,5})
    (?P<more>(?:[\s.\-]?\d{2,5}){0,3})
    (?![\w]|[.,\-]\d)
    """,
    re.VERBOSE,
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?<![\w.])(?:{_OCTET}\.){{3}}{_OCTET}(?![\w]|\.\d)")
_CURRENCY_BEFORE = re.compile(r"(?:Rp\.?|IDR|RM|\$|USD)\s?$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")


def _phone_ok(match: re.Match[str]) -> bool:
    """Return whether a phone candidate has a plausible Indonesian number of digits."""
    national = re.sub(r"\D", "", match["rest"] + match["more"])
    national = national.removeprefix("0") if match["rest"].startswith("(0") else national
    if national.startswith("8"):
        return 9 <= len(national) <= 12
    return national[:1] in ("2", "3", "4", "5", "6", "7", "9") and 8 <= len(national) <= 11


def _ipv6_ok(candidate: str) -> bool:
    if candidate.count(":") < 2 or not any(c.isalnum() for c in candidate):
        return False
    try:
        ipaddress.IPv6Address(candidate)
    except ValueError:
        return False
    return True


class RedactPII(Transform):
    """Returns the text with personal data replaced by tokens: ``<EMAIL>``, ``<IP>``,
    ``<PHONE>``, ``<NIK>`` (16-digit national ID, structure checked so that card, order and
    timestamp numbers stay), ``<NPWP>`` (tax number). ``kinds`` picks which to redact;
    each replacement is counted in ``stats.counters`` as ``pii/<kind>``. Never drops."""

    def __init__(
        self,
        kinds: tuple[str, ...] = KINDS,
        email_token: str = "<EMAIL>",
        ip_token: str = "<IP>",
        phone_token: str = "<PHONE>",
        nik_token: str = "<NIK>",
        npwp_token: str = "<NPWP>",
    ) -> None:
        self.kinds = kinds
        self.email_token = email_token
        self.ip_token = ip_token
        self.phone_token = phone_token
        self.nik_token = nik_token
        self.npwp_token = npwp_token

    def setup(self) -> None:
        unknown = set(self.kinds) - set(KINDS)
        if isinstance(self.kinds, str) or unknown:
            raise ConfigError(f"kinds must be a list from {list(KINDS)}, got {self.kinds!r}")

    def validate(self) -> None:
        super().validate()
        self.setup()

    def redact(self, text: str) -> tuple[str, dict[str, int]]:
        """Return the redacted text and how many of each kind were replaced."""
        counts = dict.fromkeys(KINDS, 0)
        for kind in KINDS:
            if kind in self.kinds and _may_hold(kind, text):
                text, counts[kind] = _REDACTORS[kind](self, text)
        return text, {kind: n for kind, n in counts.items() if n}

    def transform(self, doc: Document, stats: StepStats) -> Document:
        text, counts = self.redact(doc.text)
        if counts:
            doc.text = text
            for kind, n in counts.items():
                stats.counters[f"pii/{kind}"] += n
        return doc

    def _npwp(self, text: str) -> tuple[str, int]:
        text, printed = _NPWP_PRINTED.subn(self.npwp_token, text)
        found = 0

        def after_word(match: re.Match[str]) -> str:
            nonlocal found
            if len(re.sub(r"\D", "", match[2])) not in (15, 16):
                return match[0]
            found += 1
            return match[1] + self.npwp_token

        text = _NPWP_AFTER_WORD.sub(after_word, text)
        return text, printed + found

    def _nik(self, text: str) -> tuple[str, int]:
        found = 0

        def replace(match: re.Match[str]) -> str:
            nonlocal found
            digits = match[0]
            if not is_nik(digits):
                return digits
            if looks_like_card(digits):
                before = match.string[max(0, match.start() - 40) : match.start()]
                if not _NIK_CONTEXT.search(before):
                    return digits
            found += 1
            return self.nik_token

        return _SIXTEEN.sub(replace, text), found

    def _email(self, text: str) -> tuple[str, int]:
        return _EMAIL.subn(self.email_token, text)

    def _phone(self, text: str) -> tuple[str, int]:
        found = 0

        def replace(match: re.Match[str]) -> str:
            nonlocal found
            if not _phone_ok(match):
                return match[0]
            found += 1
            return self.phone_token

        return _PHONE.sub(replace, text), found

    def _ip(self, text: str) -> tuple[str, int]:
        found = 0

        def v4(match: re.Match[str]) -> str:
            nonlocal found
            if _CURRENCY_BEFORE.search(match.string[max(0, match.start() - 5) : match.start()]):
                return match[0]
            found += 1
            return self.ip_token

        def v6(match: re.Match[str]) -> str:
            nonlocal found
            if not _ipv6_ok(match[0]):
                return match[0]
            found += 1
            return self.ip_token

        text = _IPV4.sub(v4, text)
        if ":" in text:
            text = _IPV6.sub(v6, text)
        return text, found


_REDACTORS: dict[str, Callable[[RedactPII, str], tuple[str, int]]] = {
    "npwp": RedactPII._npwp,
    "nik": RedactPII._nik,
    "email": RedactPII._email,
    "phone": RedactPII._phone,
    "ip": RedactPII._ip,
}


# Cheap searches that every match of a kind also matches: a text without a hit is skipped.
_HINTS = {
    "npwp": re.compile(r"npwp|\d\.\d{3}\.\d{3}\.\d-", re.IGNORECASE),
    "nik": re.compile(r"\d{16}"),
    "ip": re.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d|:[0-9A-Fa-f]{0,4}:"),
}


def _may_hold(kind: str, text: str) -> bool:
    """Return False when the text cannot hold the kind (a cheap test before the regex)."""
    if kind == "email":
        return "@" in text
    hint = _HINTS.get(kind)
    if hint is not None:
        return hint.search(text) is not None
    return _DIGIT.search(text) is not None
