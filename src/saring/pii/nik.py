"""Structure of the Indonesian NIK (Nomor Induk Kependudukan), the 16-digit national ID.

Layout ``PP KK CC DDMMYY SSSS`` (Permendagri on population administration; Dukcapil): PP
province, KK regency (01–79) or city (71–99), CC district, DD day of birth (plus 40 for
women), MM month, YY year, SSSS serial from 0001. Checking it tells a NIK from an order
number, a Unix timestamp or a phone number that happens to have 16 digits.
"""

from __future__ import annotations

PROVINCES = frozenset(
    {
        # Sumatra
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21,
        # Java
        31, 32, 33, 34, 35, 36,
        # Bali and Nusa Tenggara
        51, 52, 53,
        # Kalimantan
        61, 62, 63, 64, 65,
        # Sulawesi
        71, 72, 73, 74, 75, 76,
        # Maluku
        81, 82,
        # Papua, with the provinces created in 2022 (Papua Selatan, Tengah, Pegunungan,
        # Barat Daya)
        91, 92, 93, 94, 95, 96,
    }
)  # fmt: skip
"""Province codes of Kemendagri's region list (Aceh 11 … Papua Barat Daya 96)."""

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Issuer prefixes of 16-digit cards: Visa 4; Mastercard 51-55 and 2221-2720; JCB 3528-3589;
# Discover 6011, 644-649, 65; UnionPay 62.
_CARD_PREFIXES = (
    "4",
    "51",
    "52",
    "53",
    "54",
    "55",
    "6011",
    "65",
    "62",
    *(str(n) for n in range(2221, 2721)),
    *(str(n) for n in range(3528, 3590)),
    *(str(n) for n in range(644, 650)),
)


def is_nik(digits: str) -> bool:
    """Return whether 16 digits have a NIK's structure (province, region, birth date, serial)."""
    if len(digits) != 16 or not digits.isdigit():
        return False
    if int(digits[0:2]) not in PROVINCES:
        return False
    if digits[2:4] == "00" or digits[4:6] == "00":
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    if day > 40:
        day -= 40
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return False
    return digits[12:16] != "0000"


def luhn_valid(digits: str) -> bool:
    """Return whether a digit string passes the Luhn check that payment card numbers carry."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def looks_like_card(digits: str) -> bool:
    """Return whether 16 digits look like a payment card number (issuer prefix and Luhn)."""
    return digits.startswith(_CARD_PREFIXES) and luhn_valid(digits)
