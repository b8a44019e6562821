"""The archipelago disambiguation model: a multinomial naive Bayes over character n-grams and
words, after langid.py (Lui & Baldwin 2012) and the n-gram profiles of Cavnar & Trenkle (1994).

The model is data, not code: ``saring.lang.model_io`` reads and writes its file in
``saring/data/lid/`` (written by ``scripts/train_lid.py``); NumPy sums unseen words' features."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from saring.lang.features import stretches, word_features, words
from saring.lang.marker_count import MarkerCounter

ENGLISH = "en"
"""The language whose words inside another language's text count as code-switching."""

_WordScore = tuple[int, bool, tuple[float, ...], float]
"""A word's known-feature count, English insertion or not, log-likelihoods, pair log-odds."""


class NaiveBayes:
    """Per-language feature log-probabilities with the settings they were trained with.

    A word always contributes the same features, so its per-language log-likelihood is
    computed once and cached (up to ``CACHE_WORDS`` words): scoring a document costs a
    dictionary look-up per word.

    Words the model finds more than ``e**switch_margin`` times likelier in English than in
    any other of its languages are English insertions in a text of another language
    (code-switching, an embedded caption, a quoted title): they tell nothing about which of
    the others the text is in, and are left out unless they are at least half of the text's
    words (then the text is English). ``None`` keeps every word (plain naive Bayes).

    Two close languages (``pair``, Indonesian and Malay) share most character n-grams, and
    what tells them apart in the training text is as much its register as its language: the
    Malay text is formal news and the Indonesian text mostly informal, so formal Indonesian
    (statutes, declarations) read as Malay. When one of the pair leads, the decision between
    the two adds ``pair_weight`` times the sum of each word's log-odds between them
    (``pair_odds``, from word-frequency lists built alike for both languages from the same
    kinds of source: Wikipedia, subtitles, social media), the leader keeping its own
    log-likelihood so that the decision against the other languages stays as it was.

    ``markers`` (phrase → language, ``saring.lang.standards``) are words of one of the pair
    only; each one found adds ``marker_weight`` × the temperature to that side of the same
    decision. When the pair are the two most probable languages and the markers do not back
    the leader (none found, or no more for it than for the other), its probability is at most
    ``unsure`` (the rest goes to the other), since without them the decision rests on
    n-grams and word odds that also tell register apart. ``pair_prior``: log prior odds of
    ``pair[0]`` over ``pair[1]`` in that decision (× the temperature, as the markers);
    ``pair_ngrams`` weighs the naive Bayes difference in it (1: as it is, 0: left out).
    """

    CACHE_WORDS = 200_000

    def __init__(
        self,
        langs: tuple[str, ...],
        orders: tuple[int, ...],
        max_chars: int,
        temperature: float,
        tables: tuple[dict[str, float], ...],
        switch_margin: float | None = None,
        stop_margin: float | None = None,
        pair: tuple[str, str] | None = None,
        pair_weight: float = 0.0,
        pair_odds: dict[str, float] | None = None,
        markers: dict[str, str] | None = None,
        marker_weight: float = 0.0,
        unsure: float | None = None,
        pair_prior: float = 0.0,
        pair_ngrams: float = 1.0,
    ) -> None:
        self.langs = langs
        self.orders = orders
        self.max_chars = max_chars
        """Characters of a text the model reads, from its start."""
        self.temperature = temperature
        self.tables = tables
        """Per language (in ``langs`` order): feature → log P(feature | language)."""
        self.switch_margin = switch_margin
        self.stop_margin = stop_margin
        """Log-likelihood lead at which reading stops (``None``: read up to ``max_chars``)."""
        self.pair = pair
        self.pair_weight = pair_weight
        self.pair_odds = pair_odds or {}
        """Word → log(P(word | pair[0]) / P(word | pair[1])) (see the class notes)."""
        self.markers = markers or {}
        self._markers = MarkerCounter(self.markers)
        self.marker_weight = marker_weight
        self.unsure, self.pair_prior, self.pair_ngrams = unsure, pair_prior, pair_ngrams
        self._pair_at = (
            (langs.index(pair[0]), langs.index(pair[1]))
            if pair and (pair_weight or self.markers) and set(pair) <= set(langs)
            else None
        )
        self._index: dict[str, int] = {}
        self._weights = np.zeros((0, len(langs)))
        self._cache: dict[str, _WordScore] = {}

    def replace(self, **changes: Any) -> NaiveBayes:
        """Return a copy of the model with some settings changed (tables are shared)."""
        settings: dict[str, Any] = {
            "langs": self.langs,
            "orders": self.orders,
            "max_chars": self.max_chars,
            "temperature": self.temperature,
            "tables": self.tables,
            "switch_margin": self.switch_margin,
            "stop_margin": self.stop_margin,
            "pair": self.pair,
            "pair_weight": self.pair_weight,
            "pair_odds": self.pair_odds,
            "markers": self.markers,
            "marker_weight": self.marker_weight,
            "unsure": self.unsure,
            "pair_prior": self.pair_prior,
            "pair_ngrams": self.pair_ngrams,
        }
        settings.update(changes)
        return NaiveBayes(**settings)

    def word_score(self, word: str) -> _WordScore:
        """Return how many of a word's features the model knows, whether it is an English
        insertion (see the class notes), its log-likelihood under each language (features
        it never saw count for no language) and its log-odds between the pair."""
        cached = self._cache.get(word)
        if cached is None:
            if len(self._cache) >= self.CACHE_WORDS:
                self._cache.clear()
            self._score_new([word])
            cached = self._cache[word]
        return cached

    def _score_new(self, new: list[str]) -> None:
        """Score words that are not in the cache and cache them, in one array operation (the
        caller makes room in the cache)."""
        if not self._index:
            self._index = {feature: row for row, feature in enumerate(self.tables[0])}
            names = list(self.tables[0])
            columns = [
                np.fromiter(map(t.__getitem__, names), float, len(names)) for t in self.tables
            ]
            self._weights = np.column_stack(columns)
        get = self._index.get
        odds = self.pair_odds.get
        rows: list[int] = []
        starts: list[int] = []
        scored: list[str] = []
        for word in new:
            found = [row for row in map(get, word_features(word, self.orders)) if row is not None]
            if found:
                starts.append(len(rows))
                rows.extend(found)
                scored.append(word)
            else:
                self._cache[word] = (0, False, (0.0,) * len(self.langs), odds(word, 0.0))
        if not scored:
            return
        # Each word's features are summed in their own order, whatever else is in the batch,
        # so a word scores the same bit for bit in any document.
        sums: list[list[float]] = np.add.reduceat(self._weights[rows], starts).tolist()
        ends = [*starts[1:], len(rows)]
        for word, start, end, values in zip(scored, starts, ends, sums, strict=True):
            scores = tuple(values)
            english = self._is_english(scores)
            self._cache[word] = (end - start, english, scores, odds(word, 0.0))

    def _is_english(self, scores: tuple[float, ...]) -> bool:
        """Return whether per-language scores mark an English insertion."""
        if self.switch_margin is None or ENGLISH not in self.langs:
            return False
        at = self.langs.index(ENGLISH)
        others = scores[:at] + scores[at + 1 :]
        return bool(others) and scores[at] - max(others) > self.switch_margin

    def log_likelihoods(self, text: str) -> tuple[list[float], int]:
        """Return each language's log-likelihood of the text the model reads and how many
        features of it the model knows (English insertions left out, see the class notes).

        The model reads a text stretch by stretch (``saring.lang.features.stretches``) up to
        about ``max_chars`` characters, and stops early once the leading language's
        log-likelihood exceeds the runner-up's by ``stop_margin``: a sequential test (Wald
        1945, "Sequential Tests of Statistical Hypotheses") that spares reading the rest of a
        long text whose language is already clear."""
        totals, known, _, _ = self._read(text)
        return totals, known

    def chars_read(self, text: str) -> int:
        """Return how many characters of a text the model reads (see ``log_likelihoods``)."""
        return self._read(text)[2]

    def marker_lead(self, text: str) -> int:
        """Return the markers of ``pair[0]`` less those of ``pair[1]`` in what the model reads
        of a text (see the class notes)."""
        return self._read(text)[3]

    def _read(self, text: str) -> tuple[list[float], int, int, int]:
        """Return the log-likelihoods, the known features, where reading stopped and the
        markers of ``pair[0]`` less those of ``pair[1]`` in what was read."""
        size = len(self.langs)
        sums = ([0.0] * size, [0.0] * size)
        counted = [0, 0]
        features = [0, 0]
        totals, known, read = [0.0] * size, 0, 0
        cache = self._cache
        pair_sum = 0.0
        marked = 0
        for start, end in stretches(text, self.max_chars):
            read = end
            found = words(text, start, end)
            distinct = dict.fromkeys(found)
            if len(cache) + len(distinct) > self.CACHE_WORDS:
                cache.clear()
            new = [w for w in distinct if w not in cache]
            if new:
                self._score_new(new)
            all_scores = list(map(cache.__getitem__, found))
            if self._pair_at:
                pair_sum += sum([s[3] for s in all_scores if not s[1]])
            if self.markers and self.pair:
                marks = self._markers.count(text[start:end])
                marked += marks.get(self.pair[0], 0) - marks.get(self.pair[1], 0)
            scored = [s for s in all_scores if s[0]]
            for kind, group in enumerate(
                ([s for s in scored if not s[1]], [s for s in scored if s[1]])
            ):
                if group:
                    column_sums = [sum(c) for c in zip(*[s[2] for s in group], strict=True)]
                    sums[kind][:] = [a + b for a, b in zip(sums[kind], column_sums, strict=True)]
                    counted[kind] += len(group)
                    features[kind] += sum([s[0] for s in group])
            if 2 * counted[0] > counted[0] + counted[1]:
                totals, known = list(sums[0]), features[0]
            else:
                totals = [a + b for a, b in zip(sums[0], sums[1], strict=True)]
                known = features[0] + features[1]
            if self._pair_at and known:
                self._decide_pair(totals, pair_sum, marked)
            if (
                self.stop_margin is not None
                and known
                and size > 1
                and self._settled(totals, marked)
            ):
                break
        return totals, known, read, marked

    def _settled(self, totals: list[float], marked: int) -> bool:
        """Return whether reading may stop: the leader leads by ``stop_margin`` and, when it and
        the runner-up are the pair, the markers read so far back it (else its score would be
        capped at ``unsure`` for want of text not yet read)."""
        assert self.stop_margin is not None
        runner_up, leader = sorted(range(len(totals)), key=totals.__getitem__)[-2:]
        if totals[leader] - totals[runner_up] < self.stop_margin:
            return False
        if self.unsure is None or not self._pair_at or {leader, runner_up} != set(self._pair_at):
            return True
        return (marked if leader == self._pair_at[0] else -marked) > 0

    def _decide_pair(self, totals: list[float], pair_sum: float, marked: int) -> None:
        """When one of the pair leads, the leader keeps its log-likelihood and the other is set
        below it by the pair's lead (see the class notes)."""
        first, second = self._pair_at or (-1, -1)
        top = max(totals)
        if first < 0 or (totals[first] != top and totals[second] != top):
            return
        lead = self.pair_ngrams * (totals[first] - totals[second]) + self.pair_weight * pair_sum
        lead += self.temperature * (self.marker_weight * marked + self.pair_prior)
        totals[first], totals[second] = (top, top - lead) if lead >= 0 else (top + lead, top)

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """Return (language, calibrated probability) pairs, most probable first; empty when
        the text has no feature the model knows."""
        totals, known, _, marked = self._read(text)
        if known == 0:
            return []
        found = sorted(
            zip(self.langs, softmax(totals, self.temperature), strict=True),
            key=lambda pair: -pair[1],
        )
        if len(found) < 2 or self.unsure is None or not self.pair:
            return found
        (best, score), (second, other) = found[0], found[1]
        backed = marked if best == self.pair[0] else -marked
        if {best, second} != set(self.pair) or score <= self.unsure or backed > 0:
            return found
        return [(best, self.unsure), (second, other + score - self.unsure), *found[2:]]


def softmax(values: Sequence[float], temperature: float = 1.0) -> list[float]:
    """Return the softmax of ``values / temperature``."""
    top = max(values)
    exps = [math.exp((v - top) / temperature) for v in values]
    total = sum(exps)
    return [e / total for e in exps]
