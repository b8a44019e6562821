"""The report's sample: bounded, mergeable, the same whatever the tasks and their order."""

from __future__ import annotations

import random
from pathlib import Path

import orjson
from report_runs import make_run

from conftest import article
from saring.document import Document, Dropped
from saring.sample import SAMPLE_FILE, BottomK, Sample, bins_of, merge_samples


def _doc(n: int, lang: str = "id", words: int = 80, **metadata: object) -> Document:
    quality = {
        "gopher_quality": {"chars": 1, "lang": lang, "words": words, "alpha_words": 0.97},
        "gopher_repetition": {"chars": 1, "top_ngram": {"2": 0.05}, "dup_ngram": {"5": 0.0}},
    }
    return Document(
        id=f"kompas-{n}",
        text=article(n),
        url=f"https://kompas.example/{n}",
        lang=lang,
        lang_score=0.99,
        metadata={"quality": quality, "source_file": "a.jsonl", "source_line": n, **metadata},
    )


def _offers() -> list[Document | Dropped]:
    items: list[Document | Dropped] = []
    for n in range(400):
        if n % 7 == 0:
            items.append(Dropped(_doc(n, words=12), "quality/gopher_word_count"))
        elif n % 11 == 0:
            items.append(Dropped(_doc(n), "dedup/near", duplicate_of=f"kompas-{n - 1}"))
        elif n % 13 == 0:
            items.append(Dropped(_doc(n, lang="ms"), "dedup/exact", duplicate_of=f"kompas-{n + 1}"))
        else:
            size = 2 if (n + 1) % 11 == 0 or (n - 1) % 13 == 0 else 1
            items.append(_doc(n, lang="ms" if n % 5 == 0 else "id", cluster_size=size))
    return items


def _sample(items: list[Document | Dropped]) -> Sample:
    sample = Sample()
    for item in items:
        if isinstance(item, Dropped):
            sample.offer_removed(item)
        else:
            sample.offer_kept(item)
    return sample


def _split(items: list[Document | Dropped], parts: int, seed: int) -> list[Sample]:
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    return [_sample(shuffled[i::parts]) for i in range(parts)]


def test_sample_is_the_same_whatever_the_tasks_and_their_order() -> None:
    items = _offers()
    whole = orjson.dumps(_sample(items).to_dict())
    for parts, seed in ((2, 1), (3, 2), (7, 3)):
        samples = _split(items, parts, seed)
        random.Random(seed).shuffle(samples)
        # Through JSON, as the engine saves each task's sample.
        restored = [Sample.from_dict(orjson.loads(orjson.dumps(s.to_dict()))) for s in samples]
        assert orjson.dumps(merge_samples(restored).to_dict()) == whole


def test_sample_is_bounded_and_counts_exactly() -> None:
    items = _offers()
    sample = _sample(items)
    assert all(len(s.values()) <= sample.per_reason for s in sample.removed.values())
    assert len(sample.kept.values()) == sample.kept_examples
    kept = [i for i in items if isinstance(i, Document)]
    assert sum(row[0] for row in sample.langs.values()) == len(kept)
    assert sum(row[2] for row in sample.langs.values()) == len(items) - len(kept)
    assert sample.domains["kompas.example"][:2] == [len(kept), len(items) - len(kept)]
    words = sample.histograms["id"]["gopher_quality.words"]
    too_short = sum(1 for i in items if isinstance(i, Dropped) and i.reason.startswith("quality/"))
    assert words["quality"] == {bins_of("gopher_quality.words").index(12): too_short}
    assert sum(words["kept"].values()) == sample.langs["id"][0]
    by_reason: dict[str, int] = {}
    for item in items:
        if isinstance(item, Dropped):
            by_reason[item.reason] = by_reason.get(item.reason, 0) + 1
    assert {r: docs for r, (docs, _) in sample.reasons.items()} == by_reason


def test_texts_are_truncated_and_duplicates_come_with_their_twin() -> None:
    sample = Sample(text_chars=50)
    long_text = "Jakarta. " + "kata " * 5000
    sample.offer_kept(Document("asli", long_text, metadata={"cluster_size": 3}))
    for copy in ("salinan-1", "salinan-2", "salinan-3"):
        sample.offer_removed(Dropped(Document(copy, long_text), "dedup/exact", "asli"))
    data = sample.compact()
    removed = data["removed"]["dedup/exact"]["items"]
    # At most two copies of one cluster, so that a handful of examples shows several clusters.
    assert len(removed) == 2
    assert all(len(item["value"]["text"]) == 50 for item in removed)
    assert removed[0]["value"]["chars"] == len(long_text)
    assert [t["value"]["id"] for t in data["twins"]["items"]] == ["asli"]


def test_bottom_k_merge_equals_the_sample_of_the_union() -> None:
    rng = random.Random(5)
    offers = [(f"{rng.getrandbits(32):08x}", f"g{rng.randrange(20)}") for _ in range(2000)]
    whole = BottomK(10, per_group=2)
    for key, group in offers:
        whole.offer(key, group, lambda key=key: key)
    parts = [BottomK(10, per_group=2) for _ in range(4)]
    for i, (key, group) in enumerate(offers):
        parts[i % 4].offer(key, group, lambda key=key: key)
    merged = parts[3]
    for part in parts[:3]:
        merged.merge(part)
    assert merged.values() == whole.values()
    groups = [item["group"] for item in whole.values()]
    assert max(groups.count(g) for g in groups) <= 2


def test_fixed_bins_hold_their_values() -> None:
    for signal, values in (
        ("gopher_quality.words", (0, 1, 49, 50, 51, 12_345)),
        ("gopher_quality.alpha_words", (0.0, 0.5, 0.8, 0.999, 1.0, 1.5)),
        ("gopher_quality.mean_word_length", (0.0, 3.0, 6.2, 10.0, 40.0)),
        ("gopher_repetition.top_ngram.2", (0.0, 0.2, 1.0)),
        ("custom.score", (-3.0, 0.0, 0.4, 7.0, 1e6)),
    ):
        bins = bins_of(signal)
        for value in values:
            lower, upper = bins.edges(bins.index(value))
            assert lower <= value <= upper or (value == 1.0 and upper == 1.0), (signal, value)


def test_a_run_keeps_the_same_sample_with_one_or_two_workers(tmp_path: Path) -> None:
    one = make_run(tmp_path, workers=1, name="one")
    two = make_run(tmp_path, workers=2, name="two")
    saved = [orjson.loads((out / SAMPLE_FILE).read_bytes()) for out in (one, two)]
    assert saved[0] == saved[1]
    assert saved[0]["removed"]["dedup/exact"]["items"]
    twins = {t["value"]["id"] for t in saved[0]["twins"]["items"]}
    assert {
        i["value"]["duplicate_of"] for i in saved[0]["removed"]["dedup/exact"]["items"]
    } <= twins
    assert (one / SAMPLE_FILE).stat().st_size < 200_000


def test_share_signals_of_the_news_rules_and_the_spam_model_get_ratio_bins() -> None:
    for signal in (
        "gopher_quality.alpha_or_number_words",
        "gopher_quality.ellipsis_line_chars",
        "gopher_quality.bullet_list_lines",
        "gopher_quality.number_words",
        "gopher_repetition.dup_lines_long",
        "gopher_repetition.dup_paragraph_chars_long",
        "fineweb_quality.char_dup_3_long",
        "fineweb_quality.short_lines_by_chars",
        "spam.model",
        "spam.model_block",
        "spam.model_words",
    ):
        assert bins_of(signal).kind == "ratio", signal
    assert bins_of("gopher_quality.mean_letter_word_length").kind == "linear"
