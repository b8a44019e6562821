"""Gopher quality and repetition: signals, per-language thresholds, stored-signal reuse."""

from __future__ import annotations

import pickle

import pytest

from saring import Document, StepStats
from saring.filters.gopher import (
    GopherQualityFilter,
    GopherQualitySignals,
    GopherRepetitionFilter,
    GopherRepetitionSignals,
    gopher_quality_signals,
    gopher_repetition_signals,
)
from saring.filters.profiles import available_languages, profile
from saring.meta import QUALITY, QUALITY_GOPHER, QUALITY_REPETITION

NEWS = (
    "Banjir Rendam Ratusan Rumah di Bekasi\n\n"
    "Hujan deras yang mengguyur Kota Bekasi sejak Sabtu malam membuat ratusan rumah di tiga "
    "kecamatan terendam banjir setinggi satu meter. Badan Penanggulangan Bencana Daerah "
    "mencatat lebih dari lima ratus warga mengungsi ke masjid dan balai warga terdekat.\n\n"
    "Kepala pelaksana BPBD mengatakan petugas telah menyiagakan perahu karet untuk "
    "mengevakuasi warga lanjut usia dan anak-anak. Menurut dia, air mulai surut pada Minggu "
    "siang, tetapi warga diminta tetap waspada karena hujan diperkirakan turun lagi pada sore "
    "hari.\n\n"
    "Pemerintah kota juga membuka dapur umum dan posko kesehatan bagi para pengungsi yang "
    "sebagian besar mengeluhkan gatal-gatal dan demam."
)
SPAM_LIST = "\n".join(
    f"• Jual {item} murah" for item in ("HP", "laptop", "kamera", "TV", "kulkas") * 12
)
KEYWORDS = " ".join(["obat", "kuat", "herbal", "asli", "murah", "Jakarta"] * 15)
NUMBERS = " ".join(f"{n}.000" for n in range(100, 160)) + " harga di Jakarta dan Bandung"


def _doc(text: str, lang: str | None = None) -> Document:
    return Document(id="d", text=text, lang=lang)


def test_clean_indonesian_news_passes_both_filters() -> None:
    doc = _doc(NEWS)
    assert GopherQualityFilter().reason(doc) is None
    assert GopherRepetitionFilter().reason(doc) is None


def test_quality_signals_of_news() -> None:
    s = gopher_quality_signals(NEWS, profile("id").stop_words)
    assert s["words"] == len([t for t in NEWS.split() if t.strip(".,")])
    assert 5.0 < s["mean_word_length"] < 8.0
    assert s["alpha_words"] == 1.0
    assert s["bullet_lines"] == 0.0
    # dan, yang, di, dari, untuk, pada: distinct stop words, not occurrences.
    assert s["stop_words"] == 6


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Lihat foto lainnya di galeri kami.", "quality/gopher_word_count"),
        (SPAM_LIST, "quality/gopher_bullet_lines"),
        (KEYWORDS, "quality/gopher_stop_words"),
        (NUMBERS, "quality/gopher_alpha_words"),
        (" ".join(["#promo #diskon #murah dan yang di"] * 15), "quality/gopher_symbol_ratio"),
        (
            "\n".join(
                f"Klik di sini untuk membaca berita yang lain tentang banjir {n} ..."
                for n in range(12)
            ),
            "quality/gopher_ellipsis_lines",
        ),
        (NEWS, None),
    ],
)
def test_quality_reasons(text: str, reason: str | None) -> None:
    assert GopherQualityFilter(min_words=10).reason(_doc(text)) == reason


def test_word_count_boundaries() -> None:
    words = NEWS.split()
    at_min = " ".join(words[:50])
    assert gopher_quality_signals(at_min, frozenset())["words"] == 50
    assert GopherQualityFilter().reason(_doc(at_min)) is None
    assert GopherQualityFilter(min_words=51).reason(_doc(at_min)) == "quality/gopher_word_count"
    assert GopherQualityFilter(max_words=49).reason(_doc(at_min)) == "quality/gopher_word_count"


def test_mean_word_length_threshold_is_inclusive_and_per_language() -> None:
    # Mean word length 10.4: above Gopher's 10 (en), within FineWeb-2's 11 for id.
    text = " ".join(["kementerian"] * 50) + " dan yang the of"
    mean = gopher_quality_signals(text, frozenset())["mean_word_length"]
    assert 10.0 < mean < 11.0
    assert GopherQualityFilter(language="en").reason(_doc(text)) == (
        "quality/gopher_mean_word_length"
    )
    assert GopherQualityFilter(language="id").reason(_doc(text)) is None
    exact = gopher_quality_signals("abc " * 60, frozenset())
    assert exact["mean_word_length"] == 3.0
    three = GopherQualityFilter(min_stop_words=0, min_alpha_words=0.0)
    assert three.reason(_doc("abc " * 60)) is None
    assert three.reason(_doc("ab " * 60)) == "quality/gopher_mean_word_length"


def test_language_from_doc_lang_wins_over_parameter() -> None:
    english = (
        "The minister said that the new rules would have to be agreed with the regions, "
        "and that the talks of the coming weeks will decide the outcome. " * 4
    )
    assert GopherQualityFilter(language="id").reason(_doc(english, lang="en")) is None
    assert GopherQualityFilter(language="id").reason(_doc(english)) == "quality/gopher_stop_words"
    # A language without a profile has no stop-word list: the rule is skipped, not borrowed.
    assert GopherQualityFilter().reason(_doc(english, lang="fr")) is None


def test_every_shipped_language_has_stop_words_and_aliases_resolve() -> None:
    assert {"id", "ms", "jv", "su", "en"} <= set(available_languages())
    for lang in available_languages():
        assert len(profile(lang).stop_words) >= 8, lang
    assert profile("ind") == profile("id")
    assert profile("zsm").lang == "ms"
    assert profile("min").lang == "default"
    assert profile("id").gopher_quality.max_mean_word_length == 11.0


def test_javanese_and_sundanese_stop_words() -> None:
    jv = "Bocah-bocah sing dolanan ing pinggir kali iku padha seneng lan guyu saka esuk. " * 6
    su = "Barudak anu ulin di sisi walungan téh katingali bungah jeung seuri ti isuk. " * 6
    assert GopherQualityFilter(language="jv").reason(_doc(jv)) is None
    assert GopherQualityFilter(language="su").reason(_doc(su)) is None
    assert GopherQualityFilter().reason(_doc(jv, lang="su")) == "quality/gopher_stop_words"


def test_annotator_writes_signals_the_filter_reuses() -> None:
    doc = _doc(KEYWORDS)
    GopherQualitySignals().annotate(doc)
    stored = doc.metadata[QUALITY][QUALITY_GOPHER]
    assert stored["lang"] == "id"
    assert stored["chars"] == len(KEYWORDS)
    assert stored["stop_words"] == 0
    # Stored signals decide: pretend the scores say otherwise and the filter follows them.
    stored["stop_words"] = 5
    assert GopherQualityFilter(min_words=10).reason(doc) is None
    # Once the text changes length, the stored signals no longer fit and are recomputed.
    doc.text += " murah"
    assert GopherQualityFilter(min_words=10).reason(doc) == "quality/gopher_stop_words"


def test_stop_words_parameter_replaces_the_list() -> None:
    custom = GopherQualityFilter(min_words=10, stop_words=("obat", "herbal"))
    assert custom.reason(_doc(KEYWORDS)) is None
    assert GopherQualityFilter(min_words=10).reason(_doc(KEYWORDS)) == "quality/gopher_stop_words"


def test_repetition_signals_count_lines_and_paragraphs() -> None:
    text = "Harga cabai naik.\n\nHarga cabai naik.\n\nPedagang mengeluh sepi pembeli."
    s = gopher_repetition_signals(text)
    assert s["dup_lines"] == round(1 / 3, 4)
    assert s["dup_paragraphs"] == round(1 / 3, 4)
    assert s["dup_line_chars"] == round(17 / (17 + 17 + 31), 4)
    # Blank lines between paragraphs are not duplicate lines.
    assert gopher_repetition_signals(NEWS)["dup_lines"] == 0.0


PROMO = "Promo akhir tahun berlaku hari ini saja!"
STAMPED = "Promo akhir tahun berlaku hari ini saja, daftar sekarang juga di situs kami!"


@pytest.mark.parametrize(
    ("text", "profile", "reason"),
    [
        ("\n".join([NEWS] + [PROMO] * 4), "fineweb2", "quality/gopher_dup_lines"),
        # News: a repeated line of fewer than 8 words is furniture (caption, credit, row).
        ("\n".join([NEWS] + [PROMO] * 4), "news", None),
        ("\n".join([NEWS] + [STAMPED] * 4), "news", "quality/gopher_dup_lines"),
        (NEWS + "\n\n" + NEWS, "news", "quality/gopher_dup_lines"),
        (" ".join(["jual rumah murah"] * 20) + " " + NEWS, "news", "quality/gopher_top_ngram"),
    ],
)
def test_repetition_reasons(text: str, profile: str, reason: str | None) -> None:
    assert GopherRepetitionFilter(profile=profile).reason(_doc(text)) == reason


def test_price_rows_repeated_per_province_are_not_duplicate_lines() -> None:
    rows = ["Pertalite: Rp 7.800 per liter", "Pertamax: Rp 9.500 per liter", "Dexlite: -"]
    regions = ("Aceh", "Riau", "Bali")
    text = "\n".join([NEWS] + [line for region in regions for line in (region, *rows)])
    s = gopher_repetition_signals(text)
    assert s["dup_lines"] > 0.25
    assert s["dup_lines_long"] == 0.0
    assert GopherRepetitionFilter().reason(_doc(text)) is None
    assert GopherRepetitionFilter(profile="fineweb2").reason(_doc(text)) == (
        "quality/gopher_dup_lines"
    )


def test_dup_line_limit_is_per_language() -> None:
    # 7 lines, 2 repeats: 0.286 is within Gopher's 0.3 (en) but over FineWeb-2's 0.25 (id).
    text = "\n".join(["Promo akhir tahun!", NEWS, "Promo akhir tahun!", "Promo akhir tahun!"])
    assert gopher_repetition_signals(text)["dup_lines"] == 0.2857
    en, id_ = (GopherRepetitionFilter(language=lang, profile="fineweb2") for lang in ("en", "id"))
    assert en.reason(_doc(text)) is None
    assert id_.reason(_doc(text)) == "quality/gopher_dup_lines"
    loose = GopherRepetitionFilter(profile="fineweb2", max_dup_lines=0.2857)
    assert loose.reason(_doc(text)) is None


def test_duplicated_long_ngrams_are_caught() -> None:
    sentence = "para pedagang di pasar induk mengeluhkan harga bawang merah yang terus naik"
    text = NEWS + "\n\n" + f"{sentence}, kata ketua asosiasi. Lalu {sentence}, ujarnya lagi."
    s = gopher_repetition_signals(text)
    assert s["dup_ngram"]["10"] > 0.0
    assert s["dup_ngram"]["5"] >= s["dup_ngram"]["10"]
    assert s["dup_ngram_3"]["5"] == 0.0
    strict = GopherRepetitionFilter(max_dup_ngram=(0.05,), dup_ngram_min_count=2)
    assert strict.reason(_doc(text)) == "quality/gopher_dup_ngram"
    assert GopherRepetitionFilter(profile="fineweb2", max_dup_ngram=(0.05,)).reason(_doc(text)) == (
        "quality/gopher_dup_ngram"
    )
    # The news profile counts n-grams seen three times or more: a quote restated once is news.
    assert GopherRepetitionFilter(max_dup_ngram=(0.05,)).reason(_doc(text)) is None
    thrice = text + f" Ia menegaskan {sentence}."
    assert gopher_repetition_signals(thrice)["dup_ngram_3"]["5"] > 0.05
    counted = GopherRepetitionFilter(max_dup_ngram=(0.05,), dup_ngram_restated=True)
    assert counted.reason(_doc(thrice)) == "quality/gopher_dup_ngram"
    # ... and outside restated sentences: each "Lalu ..." and "Ia menegaskan ..." restates
    # the first, so they count as restatement (a small share here), not as duplicate n-grams.
    assert gopher_repetition_signals(thrice)["dup_ngram_3_unrestated"]["5"] == 0.0
    said = gopher_repetition_signals(thrice)
    assert 0 < said["restated_3"] <= said["restated"] < 0.25
    assert GopherRepetitionFilter(max_dup_ngram=(0.05,)).reason(_doc(thrice)) is None
    phrase = "harga bawang merah yang terus naik di pasar"
    varied = (
        NEWS
        + "\n\n"
        + " ".join(
            f"Di {city}, {phrase} membuat pedagang {verb}."
            for city, verb in [
                ("Bekasi", "resah"),
                ("Bogor", "rugi"),
                ("Depok", "mengeluh"),
                ("Tangerang", "libur"),
            ]
        )
    )
    # The same phrase in four different sentences: not restatement, still duplicate n-grams.
    assert gopher_repetition_signals(varied)["restated"] == 0.0
    assert GopherRepetitionFilter(max_dup_ngram=(0.05,)).reason(_doc(varied)) == (
        "quality/gopher_dup_ngram"
    )
    assert (
        GopherRepetitionFilter(max_dup_ngram=(0.9,) * 6, max_top_ngram=(0.9,) * 3).reason(
            _doc(text)
        )
        is None
    )


def test_repetition_annotator_and_filter_agree_and_pickle_small() -> None:
    text = " ".join(["jual rumah murah"] * 20) + " " + NEWS
    doc = _doc(text)
    step = GopherRepetitionFilter()
    alone = step.reason(doc)
    GopherRepetitionSignals().handle(doc, StepStats("rep"))
    assert QUALITY_REPETITION in doc.metadata[QUALITY]
    assert step.reason(doc) == alone == "quality/gopher_top_ngram"
    assert len(pickle.dumps(step)) < 2048
    assert pickle.loads(pickle.dumps(step)) == step


def test_one_line_article_starting_with_a_dash_is_not_a_bullet_list() -> None:
    # Crawls that store an article on one line keep its dateline dash: one "bullet line" of one.
    text = "- " + " ".join(NEWS.split("\n\n")[1:])
    assert gopher_quality_signals(text, profile("id").stop_words)["bullet_lines"] == 1.0
    assert GopherQualityFilter(max_bullet_lines=0.5).reason(_doc(text)) is None
    fineweb2 = GopherQualityFilter(profile="fineweb2", max_bullet_lines=0.5)
    assert fineweb2.reason(_doc(text)) == "quality/gopher_bullet_lines"
    three = "\n".join(f"- {line}" for line in NEWS.split("\n\n")[1:])
    assert GopherQualityFilter(max_bullet_lines=0.5, bullet_prose_lines=True).reason(
        _doc(three)
    ) == ("quality/gopher_bullet_lines")


def test_bulleted_sentences_are_prose_and_a_bulleted_menu_is_not() -> None:
    # A resolution: an introduction, then each demand a bulleted sentence (Gopher's rule
    # reads 5 bullet lines of 6); the news profile counts only bullets that are not prose.
    demands = [
        "Pemerintah pusat segera menyalurkan bantuan bagi warga yang terdampak banjir.",
        "Pemerintah daerah membangun tanggul baru di sepanjang sungai sebelum musim hujan.",
        "Badan Penanggulangan Bencana Daerah menambah posko pengungsian di setiap kecamatan.",
        "Dinas kesehatan membuka layanan kesehatan gratis bagi para pengungsi banjir.",
        "Semua pihak mengawasi penyaluran bantuan agar sampai kepada warga yang berhak.",
    ]
    text = "\n".join([NEWS.split("\n\n")[1], *(f"● Bahwa {d}" for d in demands)])
    s = gopher_quality_signals(text, profile("id").stop_words)
    assert s["bullet_lines"] > 0.8
    assert s["bullet_list_lines"] == 0.0
    assert GopherQualityFilter(max_bullet_lines=0.8).reason(_doc(text)) is None
    assert GopherQualityFilter(profile="fineweb2", max_bullet_lines=0.8).reason(_doc(text)) == (
        "quality/gopher_bullet_lines"
    )
    # Menu items and links are not prose: still a bullet list.
    assert gopher_quality_signals(SPAM_LIST, frozenset())["bullet_list_lines"] == 1.0
    assert GopherQualityFilter().reason(_doc(SPAM_LIST)) == "quality/gopher_bullet_lines"


SCORES = "\n".join(
    f"{home} {a} - {b} {away}"
    for home, a, b, away in (
        ("Persib", 2, 1, "Persija"), ("Arema", 0, 0, "Bali United"), ("PSM", 3, 2, "PSIS"),
        ("Persebaya", 1, 1, "Madura"), ("PSS", 2, 0, "Barito"), ("Persik", 1, 3, "Borneo"),
    )
)  # fmt: skip


def test_numbers_are_words_in_news_symbols_are_not() -> None:
    rows = "\n".join(f"{n} {n + 3} {n * 2} {n + 7} {n + 1}" for n in range(10, 22))
    text = NEWS + "\n" + rows + "\n" + SCORES
    s = gopher_quality_signals(text, profile("id").stop_words)
    assert s["alpha_words"] < 0.78
    assert s["alpha_or_number_words"] == 1.0
    assert GopherQualityFilter().reason(_doc(text)) is None
    assert GopherQualityFilter(profile="fineweb2").reason(_doc(text)) == (
        "quality/gopher_alpha_words"
    )
    # Emoji, arrows and stars are still not words.
    symbols = NEWS + "\n" + " ".join(["★★★", "→", "😍😍", "©"] * 40)
    assert gopher_quality_signals(symbols, frozenset())["alpha_or_number_words"] < 0.6
    assert GopherQualityFilter().reason(_doc(symbols)) == "quality/gopher_alpha_words"


def test_a_teasers_ellipsis_counts_for_its_characters() -> None:
    # A paywalled body: two paragraphs and the cut-off "Namun..." (1 line of 3).
    teaser = "\n\n".join([*NEWS.split("\n\n")[1:3], "Namun..."])
    assert gopher_quality_signals(teaser, frozenset())["ellipsis_lines"] > 0.3
    assert gopher_quality_signals(teaser, frozenset())["ellipsis_line_chars"] < 0.05
    assert GopherQualityFilter(min_words=10).reason(_doc(teaser)) is None
    assert GopherQualityFilter(min_words=10, profile="fineweb2").reason(_doc(teaser)) == (
        "quality/gopher_ellipsis_lines"
    )


SPECS = ("Prosesor Snapdragon 653 Octa-core", "RAM 6 GB", "Memori internal 64 GB",
    "Layar 6 inci Super AMOLED", "Kamera belakang 16 MP", "Kamera depan 16 MP",
    "Baterai 4.000 mAh", "Sistem operasi Android 6.0", "Bobot 189 gram", "USB Type-C",
    "Jaringan 4G LTE", "Harga Rp 7 juta")  # fmt: skip


def test_a_specification_list_under_a_review_is_not_a_menu() -> None:
    # A phone review printed as one paragraph, then its specifications as bullets: 12 of 13
    # lines are bullets that are not prose (Gopher's 0.9 by lines), a third of the
    # characters; the news profile weighs bullet lines by their characters.
    review = " ".join(NEWS.replace("banjir", "ponsel").split("\n\n")[1:])
    text = "\n".join([review, *(f"- {spec}" for spec in SPECS)])
    s = gopher_quality_signals(text, profile("id").stop_words)
    assert s["bullet_list_lines"] > 0.9
    assert s["bullet_list_line_chars"] < 0.4
    assert GopherQualityFilter().reason(_doc(text)) is None
    assert GopherQualityFilter(line_weight="lines").reason(_doc(text)) == (
        "quality/gopher_bullet_lines"
    )
    # A menu is bullets through and through, by lines and by characters.
    assert gopher_quality_signals(SPAM_LIST, frozenset())["bullet_list_line_chars"] == 1.0


def test_a_brief_naming_its_subject_twice_is_not_repetition() -> None:
    # Gopher's most frequent n-gram counts from its second occurrence: in a short brief an
    # institution's full name said twice is most of the characters. The news profile counts
    # it from the third.
    name = "Kementerian Pengajian Tinggi Malaysia"
    brief = (
        f"{name} mengumumkan biasiswa baharu untuk pelajar. Menurut {name}, permohonan "
        "dibuka mulai Isnin depan."
    )
    s = gopher_repetition_signals(brief)
    assert s["top_ngram"]["4"] > 0.16
    assert s["top_ngram_3"]["4"] == 0.0
    assert GopherRepetitionFilter().reason(_doc(brief)) is None
    assert GopherRepetitionFilter(top_ngram_min_count=2).reason(_doc(brief)) == (
        "quality/gopher_top_ngram"
    )
    thrice = f"{brief} Laman {name} menyenaraikan syaratnya."
    assert GopherRepetitionFilter().reason(_doc(thrice)) == "quality/gopher_top_ngram"
