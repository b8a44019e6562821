"""Spam: promotion of gambling, loans and pills is dropped with spam/*, news about it is kept."""

from __future__ import annotations

import orjson
import pytest

from saring import Document, JsonlReader, LocalExecutor, Pipeline, SpamFilter, SpamSignals, run
from saring.filters import spam_terms
from saring.filters.spam_rules import quiet_page, reports, spam_reason
from saring.filters.spam_terms import (
    TOPICS,
    keyword_list,
    spam_signals,
    title_phrase,
    top_phrase,
    unleet,
    url_signals,
)
from saring.filters.thresholds import SpamThresholds
from saring.meta import QUALITY, QUALITY_SPAM
from saring.presets import news

# Written for these tests from the vocabulary in saring/data/spam; no real page is copied.
GAMBLING = (
    "Situs slot gacor SLOT88 terpercaya hari ini! Daftar sekarang dan dapatkan bonus new "
    "member 100% untuk semua permainan. RTP live Gates of Olympus tertinggi, maxwin setiap "
    "hari, anti rungkad bosku. Deposit pulsa tanpa potongan, WD pasti bayar berapa pun "
    "kemenangan kamu. Link alternatif gacor777 selalu aktif 24 jam nonstop, hubungi kami "
    "lewat WhatsApp."
)
LOAN = (
    "Pinjaman online cair cepat tanpa BI checking! Butuh dana tunai? Cukup modal KTP, "
    "pengajuan 5 menit langsung cair ke rekening anda. Limit hingga 20 juta, bunga rendah, "
    "tanpa jaminan dan tanpa survei. Ajukan sekarang lewat WhatsApp admin kami, pasti di-ACC. "
    "Pinjol terpercaya dan termurah, klik di sini untuk daftar!"
)
PILLS = (
    "Jual obat kuat pria asli original, Viagra, Cialis dan Vimax harga termurah. Ampuh "
    "mengatasi ejakulasi dini, ereksi tahan lama. Obat herbal terbukti manjur, bisa COD. "
    "Order sekarang via WhatsApp, dijamin 100% asli, pengiriman rahasia, kak!"
)
SEO = (
    "daftar slot88 | login gacor777 | dewa4d.com | zeus138.net | naga303.xyz | sultan168.vip "
    "| hoki99.site | mpo500.online | situs terpercaya | terbaik | no 1 | cuan888.pro"
)
MALAY_LOAN = (
    "Pinjaman segera lulus dalam 1 jam, tanpa penjamin dan tanpa dokumen! Blacklist CTOS "
    "pun boleh mohon. Faedah rendah, duit segera masuk akaun anda. Hubungi kami sekarang "
    "melalui WhatsApp, admin paling dipercayai, sertai ribuan pelanggan yang puas."
)
RAID = (
    "Polda Metro Jaya menangkap empat tersangka yang mempromosikan situs judi online slot di "
    "media sosial. Menurut Kapolda, para tersangka menerima bayaran dari bandar untuk setiap "
    "anggota baru yang mendaftar. Polisi menyita barang bukti berupa ponsel dan buku "
    'rekening. "Mereka menjanjikan maxwin dan bonus new member," kata juru bicara Polda '
    "pada Rabu. Para tersangka dijerat Pasal 27 UU ITE dengan ancaman enam tahun penjara."
)
OJK = (
    "Otoritas Jasa Keuangan (OJK) mengimbau masyarakat agar waspada terhadap pinjaman online "
    "ilegal yang menawarkan dana cepat cair tanpa BI checking dan hanya bermodal KTP. Satgas "
    "Pemberantasan Aktivitas Keuangan Ilegal menyebut telah memblokir ratusan entitas pinjol "
    "ilegal tahun ini. Menurut OJK, pinjol ilegal kerap menagih dengan mengancam korban dan "
    "menyebarkan data pribadi. Warga diminta memeriksa legalitas penyedia pinjaman, ujarnya."
)
COURT = (
    "Pengadilan Negeri Medan memvonis terdakwa AS dengan hukuman tiga tahun penjara karena "
    "terbukti menjadi bandar judi togel online. Majelis hakim menyatakan terdakwa melanggar "
    "Pasal 303 KUHP. Dalam persidangan terungkap terdakwa mengelola situs togel dengan omzet "
    "ratusan juta rupiah per bulan dan menerima deposit lewat pulsa. Jaksa sebelumnya "
    "menuntut empat tahun. Terdakwa menyatakan pikir-pikir, kata hakim ketua usai sidang."
)
KOMINFO = (
    "Kementerian Komunikasi dan Informatika memblokir 5.000 konten judi online pekan lalu, "
    "termasuk halaman slot yang disusupkan ke situs pemerintah daerah dan kampus. Menteri "
    "mengatakan para pelaku memanfaatkan celah keamanan situs go.id dan ac.id. Masyarakat "
    "diimbau melaporkan konten judi online melalui kanal aduan resmi, katanya di Jakarta."
)
INJECTED_HOST = "https://bappeda.jatimprov.go.id/slot-gacor-maxwin/"


def _reason(text: str, url: str | None = None) -> str | None:
    return SpamFilter().reason(Document(id="d", text=text, url=url))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (GAMBLING, "spam/gambling"),
        (LOAN, "spam/loan"),
        (PILLS, "spam/pills"),
        (SEO, "spam/seo"),
        (MALAY_LOAN, "spam/loan"),
    ],
)
def test_promotion_is_dropped_with_its_reason(text: str, reason: str) -> None:
    assert _reason(text) == reason


@pytest.mark.parametrize("text", [RAID, OJK, COURT, KOMINFO])
def test_news_about_gambling_and_loans_is_kept(text: str) -> None:
    assert _reason(text) is None
    # Even on a government host whose URL names gambling: reporting outweighs promotion.
    assert _reason(text, "https://humas.polri.go.id/berita/judi-online-slot") is None


def test_injected_page_on_a_government_host() -> None:
    # A results page without calls to action: inside a .go.id site it is an injected page.
    text = (
        "Hasil keluaran togel Hongkong malam ini sudah tersedia. Data keluaran lengkap "
        "diperbarui setiap malam untuk pasaran Singapore, Sydney dan Hongkong, lengkap "
        "dengan tabel angka dari bulan lalu sampai sekarang beserta ringkasan hasil "
        "mingguan dan catatan hari libur pasaran. " * 2
    )
    assert _reason(text, "https://example.com/info") != "spam/injected"
    assert _reason(text, INJECTED_HOST) == "spam/injected"


def test_url_signals() -> None:
    assert url_signals(INJECTED_HOST) == (True, 3)
    assert url_signals("https://www.kompas.id/baca/slot") == (False, 1)
    assert url_signals("sukamaju.desa.id/togel") == (True, 1)
    assert url_signals(None) == (False, 0)


def test_signals_are_stored_and_reused_only_for_the_same_text_and_url() -> None:
    doc = Document(id="d", text=RAID, url="https://news.detik.com/1")
    SpamSignals().annotate(doc)
    stored = doc.metadata[QUALITY][QUALITY_SPAM]
    assert stored == {
        **spam_signals(RAID, doc.url, ("id", "ms", "en")),
        "text_hash": stored["text_hash"],
        "version": stored["version"],
    }
    stored["promo_share"], stored["promo"], stored["gambling"] = 1.0, 50.0, 50.0
    stored["model"] = 0.3  # the rules drop only what the model does not call plainly ham
    assert SpamFilter().reason(doc) == "spam/gambling"  # the stored signals were used
    # Same length, other text: recomputed, not trusted.
    doc.text = RAID.replace("Rabu", "Sabt")
    assert len(doc.text) == len(RAID)
    assert SpamFilter().reason(doc) is None
    doc.text = RAID
    doc.url = "https://news.detik.com/2"
    assert SpamFilter().reason(doc) == "spam/gambling"  # same URL evidence: still reused
    doc.url = INJECTED_HOST
    assert SpamFilter().reason(doc) is None  # other URL evidence: recomputed


def test_limits_follow_parameters() -> None:
    limits = SpamFilter(min_topic=3.0).limits("id")
    assert limits["gambling"] == ("max", 3.0)
    assert limits["promo"] == ("max", SpamFilter().thresholds("id").min_promo)
    assert set(limits) == {
        "gambling",
        "loan",
        "pills",
        "seo",
        "promo",
        "promo_share",
        "links",
        "model",
        "model_block",
        "spun",
        "keyword_list",
        "sell",
    }


def test_news_preset_drops_spam_before_quality_and_stats_name_the_reason(tmp_path) -> None:  # type: ignore[no-untyped-def]
    names = [type(step).__name__ for step in news()]
    assert (
        names.index("SpamSignals") < names.index("SpamFilter") < names.index("GopherQualityFilter")
    )
    source = tmp_path / "in.jsonl"
    records = [
        {"id": "spam", "text": GAMBLING},
        {"id": "raid", "text": RAID + "\n\n" + COURT},
    ]
    source.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    steps = [SpamSignals(), SpamFilter()]
    run(Pipeline(JsonlReader([str(source)]), steps, output=str(tmp_path / "out")), LocalExecutor())
    stats = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    assert stats["removed_by_reason"] == {"spam/gambling": 1}


# Written for these tests; a spun page says one keyword phrase over and over.
SPUN = (
    "Sewa Mobil Murah Bandung\n\nSewa mobil murah Bandung terpercaya. Sewa mobil murah ini "
    "adalah sewa mobil murah terbaik untuk kamu. Sewa mobil murah harian, sewa mobil murah "
    "bulanan, sewa mobil murah lepas kunci, sewa mobil murah dengan sopir. Hubungi kami "
    "untuk sewa mobil murah sekarang."
)
PRICES = "Harga BBM per 1 Juli:\n\n" + "\n".join(
    f"{region}\nPertalite: Rp 7.800 per liter\nPertamax: Rp 9.500 per liter\n"
    f"Dexlite: Rp 9.000 per liter"
    for region in ("Aceh", "Riau", "Jambi", "Bengkulu", "Lampung", "Banten")
)
BACKLINKS = (
    "Jual backlink PBN dan guest post di ratusan situs berita, dofollow dan permanen. Jasa "
    "backlink murah, garansi halaman 1 Google. Order sekarang, hubungi admin kami lewat "
    "WhatsApp, dijamin 100% aman untuk situs kamu."
)
FEATURE = (
    "Rina (31), pegawai toko di Bekasi, meminjam Rp1 juta dari aplikasi yang menjanjikan dana "
    "cair lima menit tanpa jaminan. Dua bulan kemudian utangnya menjadi Rp9 juta di enam "
    "aplikasi. Ia melapor ke OJK setelah penagih menghubungi atasannya, katanya kepada "
    "wartawan. Menurut lembaga bantuan hukum, sebagian aplikasi itu tidak berizin."
)


def test_spun_page_and_link_selling_are_seo() -> None:
    assert _reason(SPUN) == "spam/seo"
    assert spam_signals(SPUN, None, ("id",))["spun_repeats"] >= 5
    assert _reason(BACKLINKS) == "spam/seo"
    # A price table says "per liter" on every line but promotes nothing: not spam.
    assert spam_signals(PRICES, None, ("id",))["spun"] >= 0.25
    assert _reason(PRICES) is None
    assert spam_signals(BACKLINKS, None, ("id", "en"))["seo"] > 0
    # News repeats names, not one phrase through its text.
    for text in (RAID, OJK, COURT, KOMINFO, FEATURE):
        assert spam_signals(text, None, ("id",))["spun"] < 0.25


def test_spun_share() -> None:
    assert top_phrase(["a", "b"] * 5) == (1.0, 5, ("a", "b"))
    assert top_phrase(["satu", "dua", "tiga", "empat", "lima", "enam"])[:2] == (0.5, 1)  # 3-gram
    assert top_phrase([]) == (0.0, 0, ())


def test_a_page_that_does_not_promote_needs_a_higher_model_score() -> None:
    t = SpamThresholds()
    base = {topic: 0.0 for topic in TOPICS} | {"promo": 0.0, "reporting": 3.0, "links": 0.0}
    base |= {"promo_share": 0.0, "spun": 0.0, "spun_repeats": 0, "spun_title": False}
    base |= {"url_protected": False, "text_lang": "id", "block_lang": "id"}
    base |= {"keyword_list": 0.0, "model_words": 0.0, "block_promo": 1.0, "block_reporting": 0.0}
    base |= {"url_gambling": 0, "model_topic": "loan", "model_block_topic": "loan", "words": 80}
    base |= {"sell": 0.0}
    quiet = base | {"loan": 3.0, "model": 0.7, "model_block": 0.99}
    assert quiet_page(quiet, t)
    assert spam_reason(quiet, t) is None  # no promotion word: no block, whole under 0.85
    assert spam_reason(quiet | {"model": 0.9}, t) == "spam/loan"
    promoting = quiet | {"promo": 1.0, "promo_share": 0.3}
    assert not quiet_page(promoting, t)  # a loan word and a promotion word
    assert spam_reason(promoting, t) == "spam/loan"
    assert quiet_page(base | {"promo": 2.0, "model": 0.7, "model_block": 0.0}, t)
    assert _reason(FEATURE) is None


def test_the_model_does_not_judge_a_page_in_a_language_it_was_not_trained_on() -> None:
    t = SpamThresholds()
    base = {topic: 0.0 for topic in TOPICS} | {"promo": 0.0, "reporting": 0.0, "links": 0.0}
    base |= {"promo_share": 0.0, "spun": 0.0, "spun_repeats": 0, "spun_title": False}
    base |= {"url_protected": False, "url_gambling": 0, "keyword_list": 0.0, "sell": 0.0}
    base |= {"model": 0.95, "model_words": 0.9, "model_block": 0.95, "words": 200}
    base |= {"model_topic": "gambling", "model_block_topic": "gambling"}
    base |= {"block_promo": 0.0, "block_reporting": 0.0}
    base |= {"block_lang": "pt"}
    assert spam_reason(base | {"text_lang": "id"}, t) == "spam/gambling"
    assert spam_reason(base | {"text_lang": "und"}, t) == "spam/gambling"  # a list of names
    assert spam_reason(base | {"text_lang": "pt"}, t) is None
    # Rules that need no model still judge it: a keyword list of SEO services.
    listed = base | {"text_lang": "pt", "keyword_list": 1.0, "seo": 2.0}
    assert spam_reason(listed, t) == "spam/seo"
    # A block in a language the model knows is judged: a gambling paragraph in a foreign page.
    injected = base | {"text_lang": "vi", "block_lang": "id", "promo": 3.0, "promo_share": 1.0}
    assert spam_reason(injected, t) == "spam/gambling"
    assert spam_reason(injected | {"block_lang": "vi"}, t) is None
    # Written for this test: standings in Portuguese, names and numbers.
    table = "Nesta página você confere a classificação do campeonato após a última etapa.\n"
    table += "\n".join(f"{n} Piloto Número {n} {5000 - 37 * n} pontos" for n in range(1, 30))
    assert spam_signals(table, None, ("id", "ms", "en"))["text_lang"] == "pt"
    assert spam_signals(GAMBLING, None, ("id", "ms", "en"))["text_lang"] == "id"
    # Written for this test: a Vietnamese report with an Indonesian gambling paragraph in it.
    page = (
        "Theo báo cáo của bộ, giá xăng dầu trong nước sẽ được điều chỉnh vào chiều thứ năm tuần "
        "này sau khi giá thế giới tăng mạnh. Các doanh nghiệp đầu mối cho biết nguồn cung vẫn "
        "ổn định và người dân không cần lo lắng về tình trạng thiếu hàng trong những tháng tới. "
        "Cơ quan quản lý cũng yêu cầu các cửa hàng niêm yết giá công khai và bán đúng giá quy "
        "định cho người tiêu dùng trên cả nước.\n\n" + GAMBLING + "\n\n"
        "Bộ cũng đề nghị các địa phương tăng cường kiểm tra hoạt động kinh doanh xăng dầu, xử "
        "lý nghiêm các trường hợp găm hàng, tự ý ngừng bán hoặc bán sai giá quy định."
    )
    found = spam_signals(page, None, ("id", "ms", "en"))
    assert (found["text_lang"], found["block_lang"]) == ("vi", "id")
    assert SpamFilter().reason(Document(id="v", text=page)) == "spam/gambling"


def test_digits_written_for_letters_are_read_as_letters() -> None:
    plain = spam_signals("Main slot di bandar togel, maxwin hari ini.", None, ("id",))
    leet = spam_signals("Main sl0t di b4ndar t0gel, maxw1n hari ini.", None, ("id",))
    assert leet["gambling"] == plain["gambling"] > 0
    # Brand names keep their digits; words that read as no term are left as written.
    assert unleet(["slot88", "covid19", "4d", "g4cor"], {"4d": (1,), "gacor": (1,)}) == [
        "slot88",
        "covid19",
        "4d",
        "gacor",
    ]


# Written for these tests; a keyword list says one search phrase in every entry.
KEYWORDS = (
    "sewa villa murah puncak, sewa villa puncak dengan kolam renang, sewa villa puncak "
    "rombongan, villa murah puncak bogor, sewa villa puncak dekat taman safari"
)
ENUMERATION = (
    "Banjir merendam Kecamatan Cileungsi, Gunung Putri, Jonggol, Citeureup dan Babakan "
    "Madang, kata Kepala BPBD Kabupaten Bogor, Senin."
)


# Written for these tests: news lists repeat a unit or a forecast in every entry.
FUEL_PRICES = (
    "Harga BBM Pertamina per 1 Desember 2024: Pertalite Rp10.000 per liter, Pertamax Rp12.950 "
    "per liter, Pertamax Turbo Rp14.000 per liter, Dexlite Rp13.050 per liter, Pertamina Dex "
    "Rp13.550 per liter."
)
FORECAST = (
    "Prakiraan cuaca BMKG untuk Jakarta hari ini: Jakarta Pusat cerah berawan, Jakarta Utara "
    "cerah berawan, Jakarta Barat cerah berawan, Jakarta Selatan hujan ringan, Jakarta Timur "
    "cerah berawan."
)


def test_a_keyword_list_is_seo_where_the_page_promotes() -> None:
    assert keyword_list(KEYWORDS) >= 0.6
    assert spam_signals(KEYWORDS, None, ("id",))["promo"] == 0
    promoted = ", sewa villa puncak termurah hubungi kami, sewa villa puncak promo klik di sini"
    assert _reason(KEYWORDS + promoted) == "spam/seo"
    # A list that promotes nothing is no keyword page: a price list, a weather forecast.
    for text in (FUEL_PRICES, FORECAST):
        assert keyword_list(text.casefold()) >= 0.6
        assert _reason(text) is None
    # A decimal comma does not split an entry.
    inflation = "inflasi jakarta 1,6 persen, inflasi bandung 2,1 persen, inflasi medan 3,4 persen"
    assert len(spam_terms._SEGMENT.split(inflation)) == 3
    # A list of place names repeats no phrase; prose has entries too long for a list.
    assert keyword_list(ENUMERATION.casefold()) < 0.6
    for text in (RAID, OJK, COURT, KOMINFO, FEATURE, SPUN):
        assert keyword_list(text.casefold()) == 0.0
    assert keyword_list("a, b, c") == 0.0  # under four entries


# Written for these tests; a police report quotes the scam's promotion.
SCAM_REPORT = (
    "Polisi menangkap dua pria yang menawarkan pinjaman cepat cair tanpa agunan melalui "
    "Facebook, lalu meminta korban mentransfer biaya administrasi Rp500 ribu. Menurut Kapolsek, "
    'pelaku sudah menipu 40 orang dengan total kerugian Rp60 juta. "Modusnya menjanjikan dana '
    'cair dalam satu jam, hubungi nomor WhatsApp, lalu minta biaya di muka," ujarnya. Para '
    "tersangka dijerat pasal penipuan dengan ancaman empat tahun penjara."
)


def test_a_page_that_reports_more_than_it_promotes_needs_a_higher_model_score() -> None:
    t = SpamThresholds()
    found = spam_signals(SCAM_REPORT, None, ("id", "ms", "en"))
    assert found["promo"] > 0
    assert reports(found, t)
    assert found["model"] < t.min_quiet_model
    assert _reason(SCAM_REPORT) is None
    # Scored as spam by a model at min_model, the report still needs the quiet page's score.
    assert spam_reason({**found, "model": t.min_model}, t) is None
    assert spam_reason({**found, "model": t.min_quiet_model}, t) is not None
    assert not reports(spam_signals(LOAN, None, ("id",)), t)
    assert _reason(LOAN) == "spam/loan"


# Written for these tests: a spun how-to page that promotes nothing, repeating its title.
SPUN_QUIET = (
    "Cara Menanam Tomat di Pot\n\nCara menanam tomat di pot cukup mudah. Cara menanam tomat di "
    "pot ini bisa dicoba di rumah. Dengan cara menanam tomat di pot, hasilnya segar. Cara "
    "menanam tomat di pot untuk pemula. Demikian cara menanam tomat di pot."
)


def test_a_spun_page_repeating_its_title_is_seo_though_it_promotes_nothing() -> None:
    found = spam_signals(SPUN_QUIET, None, ("id",))
    assert found["promo"] == 0
    assert found["spun_title"]
    assert _reason(SPUN_QUIET) == "spam/seo"
    # A price table repeats "per liter", which its title does not hold.
    assert not spam_signals(PRICES, None, ("id",))["spun_title"]
    one_line = "cara menanam tomat di pot, cara menanam tomat di pot."
    assert not title_phrase(one_line, ("menanam", "tomat"))  # no title: one line only
    assert title_phrase("cara menanam tomat\n" + one_line, ("menanam", "tomat"))


def test_a_page_naming_a_topic_with_no_reporting_word_is_not_quiet() -> None:
    t = SpamThresholds()
    base = {topic: 0.0 for topic in TOPICS} | {"promo": 0.0, "reporting": 0.0, "links": 0.0}
    assert quiet_page(base | {"gambling": 1.0}, t)
    assert not quiet_page(base | {"gambling": 6.0}, t)  # a comment telling of free spins
    assert quiet_page(base | {"gambling": 6.0, "reporting": 2.0}, t)  # a report names sources
