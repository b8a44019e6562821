"""Spam: an article-length page that sells pills in its own words and reports nothing is
``spam/pills`` whatever the model says; news on the same supplements, and a short tip that
warns its reader, are kept."""

from __future__ import annotations

from saring import Document, SpamFilter
from saring.filters.spam_rules import sells_pills, spam_reason
from saring.filters.spam_terms import TOPICS, spam_signals
from saring.filters.thresholds import SpamThresholds

LANGS = ("id", "ms", "en")

# Written for these tests: a health column whose last paragraph sells a miracle cure.
ADVICE = (
    "Asam Urat Kambuh Saat Musim Hujan? Ini Penyebabnya\n\n"
    "Nyeri di jempol kaki yang datang tiba-tiba di malam hari sering menjadi tanda asam urat. "
    "Cuaca dingin, kurang minum air putih dan makanan tinggi purin seperti jeroan dan emping "
    "membuat kristal menumpuk di sendi. Banyak penderita baru sadar setelah sendinya bengkak "
    "dan kemerahan.\n\n"
    "Kurangi makanan bersantan, perbanyak sayur dan buah, minum delapan gelas air sehari dan "
    "jaga berat badan tetap ideal. Kompres dingin membantu meredakan bengkak.\n\n"
)
PITCH = (
    "Tapi kalau Anda ingin cepat bebas nyeri, coba Kapsul Uratin Herbal. Terbukti menurunkan "
    "asam urat dalam 3 hari tanpa efek samping, sehingga obat dokter bisa Anda tinggalkan. "
    "Harga spesial hanya hari ini, klik link di bawah atau WA 0813-5550-2281 sekarang!"
)
REPORT = (
    "Badan Pengawas Obat dan Makanan menyita kapsul herbal yang diklaim terbukti menurunkan "
    "asam urat tanpa efek samping, kata juru bicaranya, Selasa. Penjual di Bekasi kini "
    "menjadi tersangka."
)
# Written for these tests: a two-line tip that addresses its reader (left to the model).
TIP = (
    "Jangan mudah percaya iklan obat pelangsing tanpa efek samping. Tanyakan dulu ke dokter "
    "Anda sebelum membeli, dan cek nomor izinnya."
)


def _base() -> dict[str, object]:
    base: dict[str, object] = {topic: 0.0 for topic in TOPICS}
    base |= {"words": 120, "promo": 5.0, "reporting": 0.0, "links": 0.0, "promo_share": 1.0}
    base |= {"spun": 0.0, "spun_repeats": 0, "spun_title": False, "keyword_list": 0.0}
    base |= {"url_protected": False, "url_gambling": 0, "model": 0.01, "model_words": 0.01}
    base |= {"text_lang": "id", "block_lang": "id"}
    base |= {"model_topic": "pills", "model_block": 0.02, "model_block_topic": "pills"}
    base |= {"block_promo": 0.0, "block_reporting": 0.0, "pills": 3.0}
    return base | {"sell": 3.0}


def test_a_page_that_sells_pills_in_its_words_is_spam_whatever_the_model_says() -> None:
    t = SpamThresholds()
    page = _base()
    assert sells_pills(page, t)
    assert spam_reason(page, t) == "spam/pills"
    assert spam_reason(page | {"reporting": 0.8}, t) is None  # news names its sources
    assert spam_reason(page | {"words": 40}, t) is None  # a short text is left to the model
    assert spam_reason(page | {"pills": 1.0}, t) is None  # one pill word in passing
    assert spam_reason(page | {"pills": 0.0, "gambling": 3.0}, t) is None  # pills only
    assert spam_reason(page | {"promo": 0.0}, t) == "spam/pills"  # a shop page: prices, a phone
    assert not sells_pills(page | {"gambling": 6.0}, t)  # another topic is denser
    assert spam_reason(page | {"sell": 1.0}, t) is None  # it addresses, calls no one to order


def test_a_health_column_that_ends_selling_a_cure_is_dropped_and_its_news_kept() -> None:
    step = SpamFilter()
    selling = spam_signals(ADVICE + PITCH, None, LANGS)
    assert sells_pills(selling, SpamThresholds())
    assert selling["reporting"] == 0
    assert selling["words"] >= SpamThresholds().min_selling_words
    assert step.reason(Document(id="a", text=ADVICE + PITCH)) == "spam/pills"
    assert step.reason(Document(id="n", text=ADVICE + REPORT)) is None
    assert not sells_pills(spam_signals(TIP, None, LANGS), SpamThresholds())  # too short


# Written for these tests: an English wellness column that ends selling a cure, which the
# model reads as advice.
COLUMN = (
    "Why Your Feet Tingle at Night\n\n"
    "Numbness and tingling in the feet after dark are common after fifty. Long days standing, "
    "tight shoes, low vitamin B12 and poorly controlled blood sugar all play a part, and the "
    "feeling is often worst when the body finally rests.\n\n"
    "Gentle calf stretches, a warm foot bath, comfortable shoes and a short walk after dinner "
    "help many people sleep through the night.\n\n"
    "But there is a faster way your doctor won't mention. NervaCalm Gummies rebuild damaged "
    "nerves in 14 days, and thousands of readers have stopped their prescriptions. Claim three "
    "bottles for the price of one today: tap the button below before the offer ends."
)


def test_a_column_the_model_calls_advice_is_dropped_when_it_sells_a_cure() -> None:
    found = spam_signals(COLUMN, None, LANGS)
    assert max(found["model"], found["model_block"]) < SpamThresholds().min_rule_model
    assert sells_pills(found, SpamThresholds())
    assert SpamFilter().reason(Document(id="c", text=COLUMN)) == "spam/pills"


def test_the_column_with_typographic_apostrophes_is_read_the_same() -> None:
    curly = COLUMN.replace("'", "\u2019")
    assert spam_signals(curly, None, LANGS)["pills"] == spam_signals(COLUMN, None, LANGS)["pills"]
    assert SpamFilter().reason(Document(id="c", text=curly)) == "spam/pills"


# Written for these tests: health features that address their reader and sell nothing, and
# consumer features that list what vitamins, creams and medicines cost.
FEATURES = (
    "We Tried Four Hair-Growth Products for Three Months\n\n"
    "Thinning hair is common after forty, and the shelves are full of promises. We tried four "
    "hair-growth serums for three months. A $32 serum with minoxidil helped regrow thin patches "
    "in 8 weeks for two of our testers, while a $45 rosemary extract oil did little. A $15 "
    "cream left the scalp greasy. Results vary, side effects such as itching are common, and "
    "hair loss can have medical causes, so see a dermatologist first: a blood test costs about "
    "$40 and can rule out thyroid problems or low iron.",
    "Jamu Gendong yang Bertahan di Tengah Kota\n\n"
    "Setiap pagi Mbok Sarinah menata botol-botol jamu di gerobaknya di sudut pasar. Segelas "
    "jamu kunyit asam dijual Rp5.000, sedangkan botol 250 ml Rp12.000. Semua diracik sendiri "
    "tanpa bahan kimia tambahan, dari kunyit, asam jawa dan gula aren. Banyak pelanggan percaya "
    "pegal-pegal hilang dalam 3 hari setelah rutin minum beras kencur. Harga beras kencur "
    "Rp5.000 dan jamu pahitan Rp7.000. Usaha ini sudah dijalankan keluarganya selama tiga "
    "generasi, dan kini cucunya mulai menjual jamu dalam kemasan ke kantor-kantor sekitar.",
    "Skincare maker's shares jump on serum sales\n\n"
    "Shares in a Seoul skincare maker rose 8% on record sales of its glass skin serum line, "
    "which sold 2 million bottles in the quarter at $29 each. Its cream range, priced at $35, "
    "grew more slowly. The company expects revenue to reach $1.2 billion this year, helped by "
    "exports to Southeast Asia. Demand for products without side effects such as irritation has "
    "pushed the industry toward milder formulas, and rivals are expected to cut prices.",
    "Vitamin untuk Daya Tahan Tubuh di Musim Hujan\n\n"
    "Musim hujan membuat banyak orang mudah flu. Selain tidur cukup dan makan sayur, sebagian "
    "orang memilih minum vitamin C. Tablet isap biasa dijual sekitar Rp15.000 per strip, "
    "sedangkan tablet effervescent sekitar Rp40.000 per tabung. Kapsul vitamin D juga banyak "
    "dicari, dengan harga mulai Rp60.000. Pilih produk yang terdaftar dan baca aturan pakainya. "
    "Vitamin tidak menggantikan makanan bergizi, dan dosis yang berlebihan justru bisa "
    "mengganggu lambung. Jika demam tidak turun dalam tiga hari, periksakan diri ke puskesmas.",
    "Skincare Murah untuk Pelajar\n\n"
    "Kulit remaja sering berminyak dan berjerawat. Kamu tidak perlu produk mahal: sabun wajah "
    "lembut sekitar Rp25.000, pelembap gel Rp35.000 dan tabir surya Rp45.000 sudah cukup. Serum "
    "niacinamide di kisaran Rp60.000 bisa membantu menyamarkan bekas jerawat. Hindari krim "
    "pemutih tanpa izin edar yang menjanjikan putih dalam seminggu, karena bisa mengandung "
    "merkuri. Kenakan tabir surya setiap pagi, juga saat mendung, dan jangan memencet jerawat.",
    "Price watch: what common medicines cost this month\n\n"
    "Paracetamol tablets cost about $3 for a pack of 20 at most chains, while ibuprofen runs $4 "
    "to $6. Vitamin D capsules range from $8 to $15 depending on the brand, and fish-oil "
    "supplements from $10. Generic allergy tablets are now under $5 at discount stores. Prices "
    "at independent pharmacies are usually a little higher but staff can advise you on "
    "interactions. Always check the expiry date and keep medicines out of reach of children.",
    "Why Your Knees Hurt on the Stairs\n\n"
    "If your knees ache when you climb stairs, you are not alone. Cartilage wears with age, and "
    "extra weight puts more load on the joint with every step you take. Many people recover "
    "without surgery: you can strengthen the thigh muscles, lose a few kilos and use a rail. "
    "Some of you take collagen or other supplements; the evidence for them is thin, and a "
    "physiotherapist can show you exercises that help more. Skip the slimming pills and fat "
    "burner teas your feed shows you: most knee pain improves without surgery within a few "
    "months if you keep moving and rest when it flares.",
    "Asam Urat Kambuh? Ini yang Perlu Anda Lakukan\n\n"
    "Jika sendi jempol kaki Anda tiba-tiba nyeri dan bengkak, bisa jadi asam urat Anda sedang "
    "tinggi. Kurangi jeroan, emping dan minuman manis, lalu perbanyak air putih. Kompres dingin "
    "membantu meredakan bengkak. Bila nyeri tidak reda dalam dua hari, obat dokter tetap "
    "diperlukan. Minum obat sesuai anjuran dan jangan menghentikannya sendiri ketika Anda "
    "merasa lebih baik, karena serangan bisa datang lagi.",
)


def test_a_health_feature_that_addresses_its_reader_is_kept() -> None:
    for text in FEATURES:
        found = spam_signals(text, None, LANGS)
        assert not sells_pills(found, SpamThresholds()), text[:30]
        assert SpamFilter().reason(Document(id="f", text=text)) is None, text[:30]


def test_a_cure_within_a_time_is_a_pill_term_beside_a_product_and_a_seller() -> None:
    # Written for these tests.
    claim = "Kapsul Sendi Prima menghilangkan nyeri lutut dalam 7 hari. Pesan sekarang juga!"
    told = "Kapsul Sendi Prima diklaim menghilangkan nyeri lutut dalam 7 hari oleh penjualnya."
    agenda = "Panitia akan mengumumkan hasil seleksi dalam 7 hari dan pelantikan dalam 3 minggu."
    assert spam_signals(claim, None, LANGS)["pills"] > 0
    assert spam_signals(told, None, LANGS)["pills"] == 0  # no seller's term: a report of it
    assert spam_signals(agenda, None, LANGS)["pills"] == 0  # no product named: no claim
