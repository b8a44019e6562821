"""ExactDedup at unit level: text_fingerprint, observe, decide and apply called directly."""

from __future__ import annotations

import pytest

from saring import Document, Dropped, ExactDedup, StepStats
from saring.dedup.exact import text_fingerprint

BERITA = (
    "Banjir melanda Kampung Melayu, Jakarta Timur, Senin (3/2). Ketinggian air mencapai "
    "1,5 meter dan ratusan warga mengungsi ke masjid terdekat."
)


@pytest.mark.parametrize(
    "variant",
    [
        BERITA,
        BERITA.upper(),
        BERITA.replace(" ", "  ").replace(". ", ".\n\n"),
        BERITA.replace(", ", " ").replace("(", "").replace(")", "").replace(".", " "),
        "  " + BERITA.replace("Senin (3/2)", "Senin - 3/2 -") + " ...",
        BERITA.replace("Banjir", "BANJIR").replace(" Ketinggian", "\tKetinggian"),
    ],
)
def test_fingerprint_ignores_case_punctuation_and_spacing(variant: str) -> None:
    assert text_fingerprint(variant) == text_fingerprint(BERITA)


@pytest.mark.parametrize(
    "other",
    [
        BERITA.replace("Kampung Melayu", "Kampung Pulo"),
        BERITA.replace("ratusan", "ribuan"),
        BERITA.replace("1,5 meter", "2 meter"),
        BERITA + " Petugas BPBD masih berjaga.",
        BERITA.replace("Jakarta Timur", "JakartaTimur"),
    ],
)
def test_fingerprint_distinguishes_different_words(other: str) -> None:
    assert text_fingerprint(other) != text_fingerprint(BERITA)


def test_fingerprint_is_a_128_bit_hex_digest() -> None:
    digest = text_fingerprint(BERITA)
    assert len(digest) == 32
    assert set(digest) <= set("0123456789abcdef")
    assert text_fingerprint("") == text_fingerprint(" ,.; ") != digest


def test_observe_keys_a_document_by_fingerprint_with_its_evidence() -> None:
    doc = Document(
        id="kompas-001",
        text=BERITA,
        url="https://www.kompas.com/1",
        metadata={"fields": {"date": "2024-03-01T07:00:00+07:00"}},
    )
    assert list(ExactDedup().observe(doc)) == [
        (
            text_fingerprint(BERITA),
            ["kompas-001", "2024-03-01T07:00:00", len(BERITA), "kompas.com", []],
        )
    ]


def _evidence(doc_id: str, date: str = "", credits: tuple[str, ...] = ()) -> list[object]:
    return [doc_id, date, 100, doc_id.split("-")[0] + ".com", list(credits)]


def test_decide_keeps_the_first_ref_when_nothing_else_differs() -> None:
    stats = StepStats("exact")
    items = [
        ((0, 4), _evidence("detik-1")),
        ((0, 9), _evidence("detik-2")),
        ((2, 0), _evidence("kompas-7")),
        ((3, 1), _evidence("antara-3")),
    ]
    decisions = list(ExactDedup().decide("k", items, {}, stats))
    assert decisions == [((0, 9), "detik-1"), ((2, 0), "detik-1"), ((3, 1), "detik-1")]
    assert stats.counters["clusters"] == 1


def test_decide_prefers_the_credited_source_then_the_earliest_date() -> None:
    stats = StepStats("exact")
    dated = [
        ((0, 1), _evidence("detik-1", "2024-03-02")),
        ((1, 0), _evidence("tempo-1", "2024-03-01")),
    ]
    assert list(ExactDedup().decide("k", dated, {}, stats)) == [((0, 1), "tempo-1")]
    credited = [*dated, ((2, 0), _evidence("antara-1", "2024-03-05"))]
    credited[0] = ((0, 1), _evidence("detik-1", "2024-03-02", credits=("antara.com",)))
    assert list(ExactDedup().decide("k", credited, {}, stats)) == [
        ((0, 1), "antara-1"),
        ((1, 0), "antara-1"),
    ]


def test_decide_leaves_a_unique_document_alone() -> None:
    stats = StepStats("exact")
    assert list(ExactDedup().decide("k", [((1, 2), _evidence("tempo-5"))], {}, stats)) == []
    assert stats.counters["clusters"] == 0


def test_apply_drops_an_addressed_document_naming_the_kept_copy() -> None:
    doc = Document(id="detik-2", text=BERITA)
    result = ExactDedup().apply(doc, ["detik-1"], StepStats("exact"))
    assert isinstance(result, Dropped)
    assert (result.reason, result.duplicate_of, result.doc) == ("dedup/exact", "detik-1", doc)


def test_apply_keeps_a_document_without_decisions() -> None:
    doc = Document(id="detik-1", text=BERITA)
    assert ExactDedup().apply(doc, [], StepStats("exact")) is doc


def test_observe_decide_apply_over_shards_keeps_the_most_complete_copy() -> None:
    step = ExactDedup()
    shards = [
        [Document("a0", BERITA), Document("a1", "Harga emas Antam naik Rp5.000 per gram.")],
        [Document("b0", "HARGA EMAS ANTAM NAIK RP5 000 PER GRAM"), Document("b1", BERITA + "!")],
        [Document("c0", "Timnas Indonesia menang 2-0 atas Vietnam.")],
    ]
    groups: dict[str, list[tuple[tuple[int, int], object]]] = {}
    for shard, docs in enumerate(shards):
        for position, doc in enumerate(docs):
            for key, value in step.observe(doc):
                groups.setdefault(key, []).append(((shard, position), value))
    stats = StepStats("exact")
    addressed: dict[tuple[int, int], list[str]] = {}
    for key, items in groups.items():
        for ref, decision in step.decide(key, sorted(items), {}, stats):
            addressed.setdefault(ref, []).append(decision)
    outcome = {
        doc.id: step.apply(doc, addressed.get((shard, position), []), stats)
        for shard, docs in enumerate(shards)
        for position, doc in enumerate(docs)
    }
    dropped = {
        doc_id: result.duplicate_of
        for doc_id, result in outcome.items()
        if isinstance(result, Dropped)
    }
    # "Harga emas ... Rp5.000 per gram." and BERITA + "!" are the longer texts of their pairs.
    assert dropped == {"b0": "a1", "a0": "b1"}
    assert stats.counters["clusters"] == 2


def test_handle_refuses_to_run_outside_the_executor() -> None:
    with pytest.raises(TypeError, match="global step"):
        ExactDedup().handle(Document("x", BERITA), StepStats("exact"))
