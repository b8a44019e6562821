"""A temperature for the archipelago model's scores that keeps a promise: among texts scored
at least ``SURE`` in a language, at least ``PRECISION`` are in it, on every labelled set.

Least log loss over all calibration texts (Guo et al. 2017, "On Calibration of Modern
Neural Networks", ``saring.lang.training.fit_temperature``) is dominated by the sets that are
large and easy (news, NusaX sentences) and left statute-style Indonesian called Malay with
scores near 1. Raising the temperature until each set, small ones included, keeps the promise
is a selective-prediction guarantee in the manner of "Learn then Test" (Angelopoulos et al.
2021): the scores of easy texts stay near 1, and the hard registers get lower scores instead
of confident wrong ones. The argmax, and so every decision, does not change.
"""

from __future__ import annotations

from collections.abc import Mapping

from saring.lang.model import NaiveBayes, softmax

SURE = 0.9
"""The score from which a decision counts as confident."""
PRECISION = 0.99
"""The share of confident decisions that must be right on every set."""
GRID: tuple[float, ...] = tuple(2.0 ** (k / 2) for k in range(-4, 19))
"""Temperatures tried (the grid of ``saring.lang.training.fit_temperature``)."""


def confident_precision(
    scored: list[tuple[list[float], int]], temperature: float, sure: float = SURE
) -> float:
    """Return the share of right decisions among those scored at least ``sure`` (1.0 when
    none is)."""
    confident = right = 0
    for totals, gold in scored:
        scores = softmax(totals, temperature)
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] >= sure:
            confident += 1
            right += best == gold
    return right / confident if confident else 1.0


def keep_promise(
    model: NaiveBayes, sets: Mapping[str, list[tuple[str, str]]], start: float
) -> float:
    """Return the lowest temperature of ``GRID``, not below ``start``, at which every set keeps
    ``PRECISION`` among texts scored ``SURE`` or more (the grid's highest when none does).

    The texts are scored as ``model.probabilities`` scores them at each temperature: with the
    Indonesian-Malay markers and prior the model carries (which count in calibrated units, so
    that they weigh more against the n-grams as the temperature rises) and the cap on
    decisions the markers do not back."""
    tried = [t for t in GRID if t >= start]
    for temperature in tried:
        scorer = model.replace(temperature=temperature)
        if all(precision(scorer, labelled) >= PRECISION for labelled in sets.values()):
            return temperature
    return tried[-1] if tried else start


def precision(model: NaiveBayes, labelled: list[tuple[str, str]], sure: float = SURE) -> float:
    """Return the share of right decisions among the texts the model scores at least ``sure``
    (1.0 when none is)."""
    confident = right = 0
    for text, lang in labelled:
        found = model.probabilities(text)
        if found and found[0][1] >= sure:
            confident += 1
            right += found[0][0] == lang
    return right / confident if confident else 1.0
