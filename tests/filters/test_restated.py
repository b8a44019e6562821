"""Restated sentences: a caption or quote said again is news; a sentence stamped over and
over, or a body looped, is repetition."""

from __future__ import annotations

import pytest

from saring import Document
from saring.filters.gopher import GopherRepetitionFilter, gopher_repetition_signals
from saring.filters.restated import sentence_words
from saring.filters.text import words

LEDE = (
    "Putri Kesultanan Johor resmi menikah dengan seorang mantan pesepakbola asal Belanda "
    "dalam pesta resepsi yang digelar di Istana Besar pada Senin malam."
)
BODY = [
    "Akad nikah digelar di kediaman kesultanan dan hanya dihadiri kerabat dekat kedua mempelai.",
    "Sesuai adat Melayu, mempelai pria memberikan mas kawin sebelum pemakaian cincin.",
    "Resepsi mengundang sekitar seribu dua ratus tamu dan ditayangkan di layar besar di "
    "alun-alun kota agar warga bisa ikut menyaksikan.",
    "Keluarga kesultanan dikenal memiliki pengaruh besar dan sangat dihormati oleh warga.",
    "Sang putri bertemu suaminya di sebuah kafe tiga tahun lalu, ketika keduanya sama-sama "
    "menempuh pendidikan di luar negeri.",
    "Pihak istana menyebut pesta itu dibiayai sendiri oleh keluarga dan tidak memakai "
    "anggaran negara bagian.",
    "Sejumlah pejabat negara bagian, duta besar dan tokoh masyarakat terlihat hadir dalam "
    "resepsi yang berlangsung hingga tengah malam itu.",
    "Warga yang datang ke alun-alun membawa tikar dan makanan sambil menonton siaran langsung "
    "dari layar besar bersama keluarga mereka.",
]


def _reason(text: str, **params: object) -> str | None:
    return GopherRepetitionFilter(**params).reason(Document(id="d", text=text))  # type: ignore[arg-type]


def test_sentence_words_are_the_filters_words() -> None:
    text = f"{LEDE}\n\n" + " ".join(BODY) + "\nFoto: Istana Johor (AFP)\n“Kami bahagia!” katanya."
    found, ends = sentence_words(text)
    assert found == words(text)
    assert ends[-1] == len(found)
    assert ends == sorted(set(ends))
    # The caption line ends a sentence though it has no full stop.
    assert found[ends[-3] - 1] == "AFP"
    assert found[ends[-2] - 1] == "bahagia"


def test_a_lede_restated_as_caption_and_in_the_body_is_news() -> None:
    # The lede three times (caption with a credit, lede, body): Gopher's duplicate n-grams
    # count it, the news profile counts it as restatement, its third saying a minority.
    text = "\n\n".join([f"{LEDE} (Foto: AFP)", LEDE, *BODY[:2], LEDE, *BODY[2:]])
    s = gopher_repetition_signals(text)
    assert s["dup_ngram_3"]["5"] > 0.176
    assert s["dup_ngram_3_unrestated"]["5"] == 0.0
    assert 0.1 < s["restated_3"] < s["restated"] < 0.3
    assert _reason(text, restated_min_count=2, max_restated=0.1) == "quality/gopher_restated"
    assert _reason(text, profile="fineweb2", dup_ngram_min_count=3) == "quality/gopher_dup_ngram"
    assert _reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # One sentence after every other one (spun text).
        " ".join(f"{sentence} {LEDE}" for sentence in BODY),
        # One sentence stamped with a changed last word (a doorway page).
        "\n\n".join(f"{LEDE.removesuffix('malam.')} {day}." for day in BODY[0].split()[:8]),
    ],
)
def test_text_restated_through_and_through_is_dropped(text: str) -> None:
    assert gopher_repetition_signals(text)["restated_3"] > 0.25
    assert _reason(text) == "quality/gopher_restated"
    assert _reason(text, max_restated=0.99) != "quality/gopher_restated"


def test_a_caption_printed_twice_on_one_line_is_restated() -> None:
    # A gallery's captions: the second printed twice on one line, as a crawl joins them. Each
    # ends in its credit, not a full stop; a line of two captions is two sentences.
    first = "Foto: Menteri Hukum Yasonna Laoly menerima kunjungan Menteri Kehakiman Australia"
    second = "Foto: Menteri Hukum Yasonna Laoly berjabat tangan dengan Menteri Kehakiman Australia"
    credit = "(Ahmad Ziaul/detikcom)"
    text = "\n\n".join([f"{first} {credit}", f"{second} {credit} {second} {credit}", *BODY])
    found, ends = sentence_words(text)
    assert found[ends[1] - 1] == "Ziaul/detikcom"
    s = gopher_repetition_signals(text)
    assert s["restated"] > 0.0
    assert s["dup_ngram_3_unrestated"]["5"] < s["dup_ngram_3"]["5"]
    assert _reason(text) is None
    # Brackets inside a sentence do not end it: "(Jokowi) meninjau" goes on in lower case.
    assert len(sentence_words("Presiden Joko Widodo (Jokowi) meninjau banjir di Bekasi.")[1]) == 1


def test_short_sentences_are_never_restated() -> None:
    text = "\n".join(["Skor akhir 2-1.", "Skor akhir 2-1.", "Skor akhir 2-1.", *BODY])
    assert gopher_repetition_signals(text)["restated_3"] == 0.0


STATUTE = (
    "Pasal 27 ayat (3) Undang-Undang Nomor 19 Tahun 2016 tentang Perubahan atas Undang-Undang "
    "Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik"
)
COURT = [
    "Majelis hakim Pengadilan Negeri Jakarta Selatan menjatuhkan vonis delapan bulan penjara "
    f"kepada terdakwa AS karena terbukti melanggar {STATUTE}.",
    "Dalam amar putusannya, hakim ketua menyatakan terdakwa terbukti mendistribusikan "
    "informasi elektronik yang memuat penghinaan melalui akun media sosialnya.",
    "Jaksa penuntut umum sebelumnya menuntut hukuman satu tahun penjara. Dalam dakwaannya, "
    f"jaksa menjerat terdakwa dengan {STATUTE} juncto Pasal 45 ayat (3).",
    "Kuasa hukum terdakwa menyatakan pikir-pikir atas putusan tersebut. Menurut dia, unggahan "
    "kliennya merupakan kritik terhadap pelayanan publik dan bukan penghinaan.",
    "Sepanjang tahun ini, lembaga bantuan hukum mencatat sedikitnya 30 perkara yang "
    f"menggunakan {STATUTE}, sebagian besar dilaporkan oleh pejabat daerah.",
    "Pakar hukum pidana menilai penerapan pasal tersebut perlu dibatasi agar tidak mengekang "
    "kebebasan berpendapat warga.",
]


def test_a_statute_cited_three_times_in_new_sentences_is_news() -> None:
    # The statute's 22 words in three different sentences: n-grams seen three times that no
    # restated sentence holds. A name said again in a new sentence is restated.
    text = "\n\n".join(COURT)
    s = gopher_repetition_signals(text)
    assert s["dup_ngram_3"]["10"] > 0.109
    assert s["dup_ngram_3_unrestated"]["5"] == 0.0
    assert 0 < s["restated_3"] < 0.25
    assert _reason(text) is None
    assert _reason(text, dup_ngram_restated=True) == "quality/gopher_dup_ngram"
    # Stamped through the text, the name is repetition again.
    stamped = "\n\n".join([*COURT, *(f"Terdakwa {n} dijerat {STATUTE}." for n in range(8))])
    assert _reason(stamped) == "quality/gopher_restated"
