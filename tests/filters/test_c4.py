"""C4 rules: line removal is a transform, page rules an annotator plus a filter."""

from __future__ import annotations

import pytest

from saring import Document, StepStats
from saring.filters.c4 import C4QualityFilter, C4QualitySignals, RemoveC4Lines, c4_signals
from saring.filters.profiles import profile
from saring.meta import QUALITY, QUALITY_C4

ARTICLE = (
    "Gempa Guncang Cianjur\n\n"
    "Gempa bermagnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin siang. "
    "Getarannya terasa hingga Jakarta dan Bogor.\n\n"
    "Badan Meteorologi, Klimatologi, dan Geofisika menyatakan gempa tidak berpotensi tsunami. "
    "Warga diminta menjauhi bangunan yang retak.\n\n"
    "\u201cKami terus memantau gempa susulan,\u201d kata kepala BMKG di Jakarta.\n\n"
    "Bagikan artikel ini\n"
    "Aktifkan JavaScript di peramban Anda untuk menonton video ini.\n"
    "Dengan melanjutkan, Anda menyetujui kebijakan privasi dan penggunaan cookie kami."
)


def _clean(text: str, step: RemoveC4Lines | None = None) -> tuple[str, StepStats]:
    stats = StepStats("c4")
    doc = (step or RemoveC4Lines()).handle(Document(id="d", text=text), stats)
    return doc.text, stats


def test_line_rules_remove_title_share_javascript_and_policy_lines() -> None:
    text, stats = _clean(ARTICLE)
    assert text.startswith("\nGempa bermagnitudo 5,6")
    assert "Bagikan artikel ini" not in text
    assert "JavaScript" not in text
    assert "kebijakan privasi" not in text
    assert "\u201cKami terus memantau gempa susulan,\u201d kata" in text
    assert stats.lines_removed == {
        "clean/c4_no_terminal_punct": 2,
        "clean/c4_javascript": 1,
        "clean/c4_policy": 1,
    }


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Harga emas naik tipis pagi ini.", None),
        ("Apakah harga emas akan naik?", None),
        ("Baca selengkapnya...", "clean/c4_no_terminal_punct"),
        ("Sumber: Antara", "clean/c4_no_terminal_punct"),
        ("Terima kasih!", "clean/c4_too_few_words"),
        ("Situs ini memerlukan javascript agar berjalan.", "clean/c4_javascript"),
        ("Read our privacy policy before you continue.", "clean/c4_policy"),
        ("Baca dasar privasi kami sebelum meneruskan.", None),
        ("Kata " + "a" * 1001 + " panjang.", "clean/c4_long_word"),
    ],
)
def test_each_line_rule(line: str, reason: str | None) -> None:
    text, stats = _clean(line)
    assert text == ("" if reason else line)
    assert dict(stats.lines_removed) == ({reason: 1} if reason else {})


def test_policy_phrases_follow_the_document_language() -> None:
    line = "Baca dasar privasi kami sebelum meneruskan."
    stats = StepStats("c4")
    doc = RemoveC4Lines().handle(Document(id="m", text=line, lang="ms"), stats)
    assert doc.text == ""
    assert stats.lines_removed == {"clean/c4_policy": 1}


def test_min_line_words_boundary() -> None:
    assert _clean("Harga naik lagi.")[0] == "Harga naik lagi."
    assert _clean("Harga naik lagi.", RemoveC4Lines(min_line_words=4))[0] == ""


def test_page_rules() -> None:
    assert C4QualityFilter().reason(Document(id="a", text=ARTICLE)) is None
    lorem = ARTICLE + "\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit."
    assert C4QualityFilter().reason(Document(id="b", text=lorem)) == "quality/c4_lorem_ipsum"
    code = ARTICLE + "\n\nfunction tampil() { return x; } dipanggil saat halaman dimuat."
    assert C4QualityFilter().reason(Document(id="c", text=code)) == "quality/c4_curly_bracket"
    # A curly bracket in a line the line rules drop anyway (no terminal punctuation) is ignored.
    menu = ARTICLE + "\n\n.kolom { warna: merah }"
    assert C4QualityFilter().reason(Document(id="d", text=menu)) is None


def test_sentence_count_boundary() -> None:
    five = "Harga beras naik. Pedagang mengeluh. Pembeli berkurang! Apa solusinya? Entahlah."
    assert c4_signals(five, profile("id"))["sentences"] == 5
    assert C4QualityFilter().reason(Document(id="a", text=five)) is None
    four = five.removesuffix(" Entahlah.")
    assert C4QualityFilter().reason(Document(id="b", text=four)) == ("quality/c4_too_few_sentences")
    assert C4QualityFilter(min_sentences=4).reason(Document(id="c", text=four)) is None
    # Decimal points and thousands separators do not end sentences.
    assert c4_signals("Harga Rp10.000 naik 2,5 persen hari ini.", profile("id"))["sentences"] == 1


def test_page_signals_are_the_same_before_and_after_line_removal() -> None:
    before = c4_signals(ARTICLE, profile("id"))
    after = c4_signals(_clean(ARTICLE)[0], profile("id"))
    for key in ("lorem_ipsum", "curly_bracket", "sentences"):
        assert before[key] == after[key]
    assert before["sentences"] == 5


def test_annotator_stores_signals_for_the_filter() -> None:
    doc = Document(id="a", text=ARTICLE)
    C4QualitySignals().annotate(doc)
    stored = doc.metadata[QUALITY][QUALITY_C4]
    assert stored["sentences"] == 5
    stored["curly_bracket"] = True
    assert C4QualityFilter().reason(doc) == "quality/c4_curly_bracket"
    assert doc.text == ARTICLE
