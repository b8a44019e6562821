"""Synthetic evaluation texts for ``quality.py``: gambling, loan and pill spam, SEO link
lists and pages injected into government sites, and news *about* gambling and illegal loans
(police raids, OJK and Kominfo warnings, court cases) that must be kept.

Built by this project from its own phrase pools (no real page is copied), in two families
of templates written separately (``tune`` and ``held_out``), both before the spam thresholds
were set; the thresholds were then adjusted only on false positives among the tuning news
sources, never on these texts. Both use the same vocabulary as the term lists, which is the
limit of this evaluation: it shows the rules separate promotion from reporting, not that the
term lists cover spam nobody listed.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

BRANDS = ["slot88", "gacor777", "dewa4d", "mpo500", "zeus138", "naga303", "sultan168",
    "hoki99", "jitu77", "raja365", "cuan888", "olympus1000"]  # fmt: skip
GAMES = ["Gates of Olympus", "Mahjong Ways 2", "Sweet Bonanza", "Starlight Princess",
    "Zeus", "Wild West Gold", "Aztec Gems"]  # fmt: skip
HOSTS = ["bappeda.jatimprov.go.id", "fkip.unsri.ac.id", "smkn2-bandung.sch.id",
    "sukamaju.desa.id", "pkbi.or.id", "dinkes.sumbarprov.go.id", "lppm.untad.ac.id"]  # fmt: skip
CITIES = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Palembang",
    "Pekanbaru", "Denpasar", "Pontianak"]  # fmt: skip
NAMES = ["AS", "RD", "FH", "MY", "TN", "SW", "BK", "IR"]

TUNE_SPAM = {
    "gambling": [
        "Situs slot gacor {brand} terpercaya hari ini! Daftar sekarang dan dapatkan bonus new "
        "member 100% untuk semua permainan. RTP live {game} tertinggi, maxwin setiap hari, anti "
        "rungkad bosku. Deposit pulsa tanpa potongan mulai 10 ribu, WD pasti bayar berapa pun "
        "kemenangan kamu. Link alternatif {brand2} selalu aktif 24 jam nonstop, hubungi "
        "customer service kami lewat WhatsApp dan livechat. Main {game} sekarang juga, "
        "jackpot menunggu anda!",
        "Bocoran pola gacor {game} hari ini untuk member {brand}. Jam gacor: 12.00-14.00 dan "
        "19.00-21.00 WIB. Gunakan pola spin manual 10x, turbo 20x, lalu auto 50x untuk "
        "scatter beruntun. Situs slot online terbaik dengan server Thailand, akun pro "
        "dijamin maxwin. Minimal depo 5 ribu via Dana, OVO dan Gopay, proses WD cepat. "
        "Klik link daftar di bawah ini dan gabung sekarang bersama ribuan pemain lainnya, "
        "bosku!",
        "Togel online {brand} bandar togel terpercaya pasaran Toto Macau, Singapore dan "
        "Hongkong. Prediksi togel jitu dan angka main hari ini gratis untuk kalian. Diskon "
        "terbesar 4D 66%, 3D 59%, 2D 29%. Daftar di sini, deposit via pulsa tanpa potongan, "
        "withdraw tanpa batas. Hubungi admin kami di Telegram untuk link alternatif {brand2}.",
    ],
    "loan": [
        "Pinjaman online cair cepat tanpa BI checking! Butuh dana tunai mendesak? Cukup "
        "modal KTP, pengajuan 5 menit langsung cair ke rekening anda. Limit hingga 20 juta, "
        "bunga rendah, tenor sampai 12 bulan, tanpa jaminan dan tanpa survei. Ajukan "
        "sekarang lewat WhatsApp admin kami, proses 24 jam, pasti di-ACC. Pinjol terpercaya "
        "dan termurah, sudah ribuan nasabah puas. Klik di sini untuk daftar!",
        "Dana cepat cair untuk kamu yang sedang butuh modal usaha. Pinjaman tunai tanpa "
        "agunan, hanya KTP, plafon 5 sampai 50 juta. Gadai BPKB motor dan mobil, proses "
        "cepat tanpa ribet, dana darurat cair dalam 10 menit. Hubungi kami sekarang, "
        "customer service siap 24 jam nonstop, dijamin aman dan amanah.",
    ],
    "pills": [
        "Jual obat kuat pria asli original, Viagra, Cialis dan Vimax dengan harga termurah. "
        "Ampuh mengatasi ejakulasi dini dan membuat ereksi tahan lama. Obat herbal terbukti "
        "manjur, bisa COD ke seluruh kota. Order sekarang via WhatsApp, dijamin 100% asli, "
        "pengiriman rahasia. Hubungi kami untuk konsultasi gratis, kak!",
        "Obat aborsi Cytotec asli dan Gastrul penggugur kandungan ampuh, aman untuk usia "
        "kandungan 1 sampai 5 bulan. Pesan sekarang, bisa COD dan kirim ke seluruh "
        "Indonesia. Hubungi WhatsApp kami 24 jam, dijamin berhasil 100%, konsultasi gratis "
        "dengan admin terpercaya.",
    ],
    "seo": [
        "{brand} {brand2} slot88 login gacor777 daftar dewa4d link alternatif mpo500.com "
        "zeus138.net naga303.xyz sultan168.vip hoki99.site jitu77.online raja365.live "
        "cuan888.pro {brand}.com {brand2}.org situs terpercaya terbaik terbesar no 1 "
        "slot gacor maxwin rtp live {game} slot online togel toto macau",
    ],
}

HELD_OUT_SPAM = {
    "gambling": [
        "Halo sobat, sudah tahu belum? {brand} adalah agen slot resmi yang paling gacor "
        "bulan ini. Setiap member baru langsung dapat freebet 20 ribu dan free spin 50x di "
        "{game}. Kamu cukup isi formulir pendaftaran, lalu depo via QRIS mulai 10 ribu. "
        "Menang berapa pun, WD pasti dibayar lunas tanpa alasan. Jangan sampai ketinggalan, "
        "kunjungi link alternatif {brand2} sekarang dan rasakan sensasi maxwin x5000! "
        "Tersedia juga live casino, sabung ayam, tembak ikan dan mix parlay terlengkap.",
        "Daftar {brand} sekarang, situs judi online nomor 1 di Indonesia. Kami menyediakan "
        "slot, poker, kasino, sbobet dan togel dalam satu akun. Cashback mingguan 10%, "
        "rollingan harian, turnover rendah. Anda bisa login dari HP mana pun, gampang menang "
        "dan aman. Gabung bersama kami lewat Telegram atau WhatsApp, admin ramah siap "
        "membantu 24 jam. {game} jackpot terbesar hari ini!",
    ],
    "loan": [
        "Kak, lagi butuh uang cepat? Pinjaman cepat cair 1 jam, tanpa BI checking dan tanpa "
        "survei ke rumah. Syaratnya cuma KTP dan rekening, limit sampai 15 juta, angsuran "
        "ringan mulai 300 ribu per bulan. Klik link pengajuan di bio, isi data, langsung "
        "di-ACC. Dana masuk ke rekening kamu hari ini juga, dijamin tanpa ribet. "
        "WhatsApp admin kami sekarang!",
    ],
    "pills": [
        "Hammer of Thor dan KLG pills asli, obat kuat herbal terbaik untuk pria dewasa. "
        "Ramuan ampuh pembesar alat vital, hasil terbukti dalam 2 minggu. Kamu bisa pesan "
        "sekarang, pengiriman rahasia dan bisa COD. Garansi uang kembali 100%, hubungi "
        "WhatsApp kami, konsultasi gratis dengan admin terpercaya!",
    ],
    "seo": [
        "slot gacor | {brand} | {brand2} | daftar slot88 | login gacor777 | rtp live | link "
        "alternatif | bocoran pola | {game} | situs slot terbaik | zeus138.com | naga303.net "
        "| mpo500.vip | dewa4d.xyz | hoki99.online | slot online terpercaya | maxwin | "
        "jackpot | togel hari ini | toto macau | bonus new member 100%",
    ],
}

BENIGN = {
    "tune": [
        "Hujan deras yang mengguyur kota sejak Sabtu malam membuat ratusan rumah di tiga "
        "kecamatan terendam banjir setinggi satu meter. Badan Penanggulangan Bencana Daerah "
        "mencatat lebih dari lima ratus warga mengungsi ke masjid dan balai warga terdekat.",
        "Dinas Pendidikan membuka pendaftaran peserta didik baru mulai pekan depan. Orang tua "
        "diminta menyiapkan kartu keluarga dan akta kelahiran, sementara sekolah akan "
        "mengumumkan hasil seleksi melalui papan pengumuman dan laman resmi dinas.",
    ],
    "held_out": [
        "Program vaksinasi campak dan rubela di puskesmas kecamatan berlangsung hingga akhir "
        "bulan. Petugas kesehatan mendatangi sekolah dasar dan posyandu, dan mencatat cakupan "
        "imunisasi anak di desa itu sudah melampaui delapan puluh persen.",
        "Pemerintah desa menyalurkan bantuan langsung tunai dari dana desa kepada seratus "
        "dua puluh keluarga penerima. Kepala desa menyebut penyaluran dilakukan bertahap di "
        "balai desa agar warga tidak berkerumun.",
    ],
}
"""Ordinary paragraphs of a legitimate page, into which ``mixed`` pages get a spam block."""

TUNE_NEWS = [
    "Polda Metro Jaya menangkap {n} tersangka yang mempromosikan situs judi online di media "
    "sosial. Menurut Kapolda, para tersangka menerima bayaran dari bandar untuk setiap anggota "
    "baru yang mendaftar lewat tautan yang mereka sebarkan. Polisi menyita barang bukti "
    'berupa {n} ponsel, laptop dan buku rekening. "Mereka mempromosikan situs slot dengan '
    'iming-iming bonus," kata juru bicara Polda pada Rabu. Para tersangka dijerat Pasal 27 '
    "ayat (2) UU ITE dengan ancaman hukuman enam tahun penjara.",
    "Otoritas Jasa Keuangan (OJK) kembali mengimbau masyarakat {city} agar waspada terhadap "
    "pinjaman online ilegal yang menawarkan dana cepat cair tanpa BI checking. Satgas "
    "Pemberantasan Aktivitas Keuangan Ilegal menyebut telah memblokir lebih dari {n}00 "
    "entitas pinjol ilegal sepanjang tahun ini. Menurut OJK, pinjol ilegal kerap menagih "
    "dengan cara mengancam dan menyebarkan data pribadi korban. Warga diminta memeriksa "
    "legalitas penyedia pinjaman sebelum mengajukan, ujarnya.",
    "Kementerian Komunikasi dan Informatika telah memblokir {n} ribu konten judi online "
    "sepanjang pekan lalu, termasuk halaman yang disusupkan ke situs pemerintah daerah dan "
    "kampus. Menteri mengatakan pemblokiran dilakukan bersama kepolisian dan OJK. Menurut "
    "dia, para pelaku memanfaatkan celah keamanan situs berdomain go.id dan ac.id untuk "
    "menyebarkan tautan slot. Masyarakat diimbau melaporkan konten judi online yang mereka "
    "temukan melalui kanal aduan resmi, katanya di {city}, Kamis.",
    "Pengadilan Negeri {city} memvonis terdakwa {name} dengan hukuman {n} tahun penjara "
    "karena terbukti menjadi bandar judi online. Majelis hakim menyatakan terdakwa melanggar "
    "Pasal 303 KUHP dan UU ITE. Dalam persidangan terungkap terdakwa mengelola situs togel "
    "dengan omzet ratusan juta rupiah per bulan. Jaksa penuntut umum sebelumnya menuntut "
    "hukuman {n} tahun. Terdakwa menyatakan pikir-pikir atas putusan tersebut, kata hakim "
    "ketua usai sidang pada Selasa.",
]

HELD_OUT_NEWS = [
    "Tim gabungan Polres {city} menggerebek sebuah rumah yang dijadikan markas operator judi "
    "slot online pada Sabtu malam. Kapolres mengatakan {n} orang diamankan, sebagian besar "
    "bertugas sebagai admin yang melayani deposit dan penarikan dana pemain. Dari lokasi, "
    'penyidik menyita komputer, puluhan kartu ATM dan catatan transaksi. "Situs ini '
    'menjanjikan maxwin dan bonus new member untuk menjerat korban," ujar Kapolres. '
    "Polisi masih memburu pemilik situs yang diduga berada di luar negeri.",
    "Seorang guru honorer di {city} mengaku terjerat utang dari {n} aplikasi pinjaman online "
    "ilegal setelah tergiur tawaran cair cepat hanya dengan KTP. Ia mengatakan bunga dan "
    "denda terus bertambah hingga utangnya berlipat dalam tiga bulan. Penagih bahkan "
    "menghubungi keluarga dan rekan kerjanya. OJK menyebut kasus serupa banyak dilaporkan "
    "dan meminta korban melapor ke polisi. Menurut pengamat, literasi keuangan yang rendah "
    "membuat masyarakat mudah terjebak pinjol ilegal.",
    "Badan Pengawas Obat dan Makanan (BPOM) menyita ribuan butir obat kuat dan obat "
    "penggugur kandungan ilegal dari sebuah gudang di {city}. Kepala BPOM mengatakan produk "
    "tersebut dijual bebas melalui media sosial dan lokapasar tanpa izin edar. Menurut dia, "
    "obat-obatan itu berbahaya bagi kesehatan dan dapat menyebabkan kematian. Pemilik gudang "
    "berinisial {name} telah ditetapkan sebagai tersangka dan terancam hukuman penjara, "
    "katanya dalam keterangan pers, Jumat.",
    "Universitas negeri di {city} mengakui situs salah satu fakultasnya disusupi halaman "
    "promosi judi online. Juru bicara kampus mengatakan tim teknologi informasi telah "
    "menghapus {n}00 halaman berisi tautan slot gacor dan menutup celah keamanan. Kominfo "
    "mencatat ribuan situs berdomain ac.id dan go.id mengalami hal serupa tahun ini. "
    "Pakar keamanan siber menyebut para pelaku memanfaatkan situs tepercaya agar "
    "halaman judi mudah ditemukan mesin pencari, ujarnya.",
]


def _fill(template: str, rng: random.Random) -> str:
    brand, brand2 = rng.sample(BRANDS, 2)
    return template.format(
        brand=brand.upper() if rng.random() < 0.5 else brand,
        brand2=brand2,
        game=rng.choice(GAMES),
        city=rng.choice(CITIES),
        name=rng.choice(NAMES),
        n=rng.randint(2, 9),
    )


def _padded(parts: list[str], rng: random.Random) -> str:
    """Return up to three different filled templates joined as paragraphs (60-250 words)."""
    chosen = rng.sample(parts, min(len(parts), rng.randint(2, 3)))
    return "\n\n".join(_fill(part, rng) for part in chosen)


def spam(family: str, per_kind: int = 100, seed: int = 8) -> Iterator[dict[str, str]]:
    """Yield spam records by ``kind`` (gambling, loan, pills, seo, and ``mixed``: a page's own
    paragraphs with one gambling block injected), a fifth of the gambling and mixed pages on
    government, university and village hosts."""
    rng = random.Random(f"{family}-{seed}")
    pools = TUNE_SPAM if family == "tune" else HELD_OUT_SPAM
    pools = {**pools, "mixed": pools["gambling"]}
    for kind, parts in pools.items():
        for i in range(per_kind):
            text = _padded(parts, rng)
            if kind == "mixed":
                # A hacked page: its own paragraphs, then one injected gambling block.
                text = "\n\n".join([*BENIGN[family], _fill(rng.choice(parts), rng)])
            url = f"https://{rng.choice(BRANDS)}.com/{kind}/{i}"
            if kind in ("gambling", "mixed") and i % 5 == 0:
                path = rng.choice(["slot-gacor", "rtp", "maxwin"])
                url = f"https://{rng.choice(HOSTS)}/{path}/{i}"
            yield {"id": f"spam-{family}-{kind}-{i}", "text": text, "url": url, "kind": kind}


def news(family: str, count: int = 200, seed: int = 8) -> Iterator[dict[str, str]]:
    """Yield news about gambling, loans and illegal drugs, on news and government hosts."""
    rng = random.Random(f"news-{family}-{seed}")
    parts = TUNE_NEWS if family == "tune" else HELD_OUT_NEWS
    hosts = ["news.detik.com", "www.kompas.id", "www.antaranews.com", "humas.polri.go.id",
        "www.ojk.go.id", "www.komdigi.go.id"]  # fmt: skip
    for i in range(count):
        url = f"https://{rng.choice(hosts)}/berita/judi-online-slot-pinjol-{i}"
        yield {"id": f"news-{family}-{i}", "text": _padded(parts, rng), "url": url}


# Junk built from text the thresholds were not tuned on, to show the news rules are not blind.
# It is never used to tune: the rules were changed on the tuning sources' losses only.


def boilerplate(evaldata: list[dict[str, Any]], min_words: int = 60) -> Iterator[dict[str, str]]:
    """Yield pages of boilerplate: the ``without`` snippets of trafilatura-eval's pages (menus,
    footers, dates, adverts, share bars, text its gold says must not be extracted), one per
    line, consecutive pages' snippets joined until a page holds ``min_words`` words."""
    lines: list[str] = []
    for n, page in enumerate(evaldata):
        lines.extend(s.strip() for s in page.get("without") or [] if s.strip())
        if sum(len(line.split()) for line in lines) >= min_words:
            yield {"id": f"junk-boilerplate-{n}", "text": "\n".join(lines), "url": str(page["url"])}
            lines = []


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def _sentences(text: str) -> list[str]:
    found: list[str] = []
    for p in _paragraphs(text):
        found.extend(
            s
            for s in (x.strip() for x in p.replace("? ", "?\n").replace(". ", ".\n").split("\n"))
            if s
        )
    return found


def constructed(records: list[dict[str, str]], seed: int = 8) -> Iterator[dict[str, str]]:
    """Yield machine-made junk from each article: ``doubled`` (its body twice, as a scraper
    that loops), ``looped`` (one sentence repeated after every other sentence, as spun text),
    ``template`` (one sentence stamped ten times with one word changed, as a doorway page),
    ``keywords`` (lines of the article's frequent words and word pairs, as a tag cloud or
    keyword-stuffed footer) and ``shuffled`` (lines of many articles in random order: no
    quality rule is meant to see this; it shows their limit)."""
    rng = random.Random(f"junk-{seed}")
    pool = [line for r in records for line in _paragraphs(r["text"])]
    for r in records:
        text, base = r["text"], r["id"]
        paras, sents = _paragraphs(text), _sentences(text)
        if len(text.split()) < 50 or len(sents) < 3:
            continue
        ws = [w.strip(".,;:!?\"'()") for w in text.split()]
        content = [w for w in ws if len(w) >= 4 and w.isalpha()]
        yield {"id": f"junk-doubled-{base}", "text": "\n\n".join(paras + paras), "url": r["url"]}
        x = sents[0]
        looped = " ".join(s for pair in ((s, x) for s in sents[1:]) for s in pair)
        yield {"id": f"junk-looped-{base}", "text": looped, "url": r["url"]}
        head, _, last = x.rstrip(".!?").rpartition(" ")
        stamped = [f"{head} {rng.choice(content or [last])}." for _ in range(10)]
        yield {"id": f"junk-template-{base}", "text": "\n\n".join(stamped), "url": r["url"]}
        common = [w for w, _ in Counter(content).most_common(30)]
        if len(common) >= 6:
            rows = []
            for _ in range(12):
                picks = rng.sample(common, 6)
                rows.append(
                    ", ".join([*picks[:3], f"{picks[3]} {picks[4]}", f"{picks[5]} {picks[0]}"])
                )
            yield {"id": f"junk-keywords-{base}", "text": "\n".join(rows), "url": r["url"]}
        shuffled = rng.sample(pool, min(len(pool), max(len(paras), 4)))
        yield {"id": f"junk-shuffled-{base}", "text": "\n\n".join(shuffled), "url": r["url"]}


# Sealed set: written by hand in one sitting, each page on its own (no templates, no phrase
# pools), without consulting the term lists, and committed before it was first run (the term
# lists dropped 4 of its 12 spam pages). It has since been read and is tuning data: the spam
# model's training pools (saring/data/spam/train/family-a.toml) were written after it.
SEALED_SPAM = [
    (
        "gambling",
        "Mau cuan tiap hari tanpa kerja keras? Gabung di KAISAR-JP, tempatnya para "
        "sultan main dengan modal receh. Cukup isi saldo lima puluh ribu lewat e-wallet, putar "
        "mesin favoritmu dan lihat saldo berlipat dalam hitungan menit. Ribuan member sudah "
        "membuktikan, tinggal kamu yang belum. Proses penarikan kilat, tanpa drama, admin "
        "standby siang malam. Buruan amankan akunmu sebelum promo pendaftaran ditutup malam "
        "ini, link resmi ada di bio!",
    ),
    (
        "gambling",
        "Pasaran malam ini sudah buka! Angka jitu Sydney, Cambodia dan HK kami "
        "bagikan gratis khusus buat member setia. Bet mulai seratus perak, hadiah 4 angka "
        "sampai sepuluh ribu kali lipat. Bergabunglah dengan bandar resmi yang sudah berdiri "
        "sejak 2015, transaksi aman dan rahasia terjamin. Jangan percaya situs abal-abal, "
        "hanya di LUMBUNGTOTO semua kemenangan dibayar penuh tanpa potongan.",
    ),
    (
        "gambling",
        "Kabar gembira untuk pecinta permainan kartu online! Meja domino, ceme dan "
        "capsa susun kini tersedia 24 jam dengan ribuan pemain asli, bukan robot. Bonus "
        "referral seumur hidup 20%, bonus harian tanpa syarat ribet. Satu ID untuk semua "
        "permainan, bisa diakses dari aplikasi Android maupun iPhone. Klik tombol di bawah, "
        "daftar gratis, dan buktikan sendiri keberuntunganmu hari ini bersama kami.",
    ),
    (
        "gambling",
        "Bosen kalah terus? Coba trik admin ini: main di jam sepi, pakai nominal "
        "taruhan kecil dulu, lalu naikkan saat mesin mulai panas. Dijamin jackpot beruntun! "
        "Semua trik ini hanya berlaku di situs kami yang winrate-nya paling tinggi se-Asia "
        "Tenggara. Member baru langsung dapat saldo gratis, tanpa deposit pertama. Hubungi "
        "kontak resmi kami untuk minta pola rahasia minggu ini, jumlahnya terbatas.",
    ),
    (
        "gambling",
        "Sabung ayam online live dari arena Filipina dan Kamboja setiap hari! Pasang "
        "taruhan di sisi merah atau biru, odds terbaik, hasil langsung keluar. Tonton "
        "pertandingan dengan kualitas HD tanpa buffering dari HP kamu. Minimal bet kecil, "
        "kemenangan langsung masuk ke saldo. Daftar sekarang di agen terpercaya kami dan "
        "nikmati cashback kekalahan setiap Senin.",
    ),
    (
        "gambling",
        "Selamat datang di WARUNG368, situs hiburan online paling lengkap di tanah "
        "air. Dari mesin putar, tembak ikan, sampai taruhan bola liga Eropa, semuanya ada di "
        "sini. Deposit bisa pakai pulsa Telkomsel, XL, atau QRIS tanpa potongan. Kami kasih "
        "garansi kekalahan 100% untuk deposit pertamamu. Login sekarang dan klaim hadiahmu!",
    ),
    (
        "loan",
        "Lagi bokek di tanggal tua? Tenang, DANAKILAT siap bantu! Tanpa jaminan, tanpa "
        "slip gaji, cukup foto KTP dan selfie. Uang masuk ke rekening kamu dalam 15 menit, "
        "limit pertama sampai 3 juta dan naik terus kalau bayar tepat waktu. Download "
        "aplikasinya sekarang, isi data diri, dan tunggu notifikasi persetujuan. Ribuan "
        "mahasiswa dan karyawan sudah terbantu, kapan giliran kamu?",
    ),
    (
        "loan",
        "Butuh modal buat usaha atau bayar sekolah anak? Kami melayani pinjaman dana "
        "tunai untuk seluruh wilayah Jabodetabek dan Jawa Barat. Tanpa BI checking, riwayat "
        "kredit macet tetap bisa diproses. Jaminan cukup BPKB motor, mobil tetap bisa dipakai. "
        "Pencairan di hari yang sama, bunga bersaing. Chat marketing kami sekarang juga untuk "
        "simulasi angsuran gratis.",
    ),
    (
        "loan",
        "Perlukan wang segera? Pinjaman peribadi tanpa penjamin, kelulusan dalam masa "
        "24 jam! Tiada semakan CTOS dan CCRIS, sesuai untuk peniaga kecil dan pekerja swasta. "
        "Jumlah pinjaman sehingga RM20,000 dengan bayaran balik fleksibel. Hubungi ejen kami "
        "melalui WhatsApp untuk memohon sekarang, tawaran terhad!",
    ),
    (
        "pills",
        "Suami loyo, istri kecewa? Ramuan herbal Kuda Perkasa jawabannya! Dibuat dari "
        "akar pasak bumi dan tongkat ali pilihan, reaksi cepat dalam 30 menit. Stamina pria "
        "kembali seperti usia 20 tahun, hubungan makin harmonis. Sudah dipercaya ribuan pasangan "
        "di seluruh Indonesia. Pesan sekarang, paket dikirim dengan kemasan rapat tanpa nama "
        "produk, bayar di tempat.",
    ),
    (
        "pills",
        "Telat datang bulan dan panik? Kami sediakan solusi aman untuk meluruhkan "
        "janin usia muda, sudah ditangani tenaga berpengalaman. Obat asli dari apotek luar "
        "negeri, bukan palsu. Konsultasi privasi terjaga, pengiriman cepat ke seluruh kota. "
        "Hubungi nomor admin untuk cara pakai dan paket lengkap.",
    ),
    (
        "pills",
        "Lose 10 kg in two weeks without diet or exercise! Our doctor-approved fat "
        "burner pills melt belly fat while you sleep. 100% natural, no side effects, results "
        "guaranteed or your money back. Order today and get a second bottle free, discreet "
        "shipping worldwide. Limited stock, click the link below to claim your discount now!",
    ),
]
"""Sealed spam pages, ``(kind, text)``."""

SEALED_NEWS = [
    "Satuan Reserse Kriminal Polres Bogor menangkap seorang pemuda yang mengelola akun "
    "media sosial berisi promosi situs permainan daring berhadiah uang. Dari hasil "
    "pemeriksaan, pelaku mengaku mendapat komisi dari setiap pengikut yang mendaftar. "
    "Kasat Reskrim mengatakan penyidik masih menelusuri aliran dana ke sejumlah rekening "
    "penampung. Pelaku dijerat undang-undang informasi dan transaksi elektronik dan terancam "
    "hukuman penjara hingga enam tahun.",
    "Anda tergoda tawaran pinjaman cepat tanpa jaminan? Sebelum mengisi data, periksa dulu "
    "apakah penyedia itu terdaftar dan berizin di Otoritas Jasa Keuangan. Jangan pernah "
    "memberi akses ke seluruh kontak di ponsel Anda, dan hitung total bunga serta denda "
    "keterlambatan. Jika sudah terlanjur diteror penagih, simpan bukti ancaman dan laporkan "
    "ke kepolisian atau kanal pengaduan konsumen OJK, kata seorang perencana keuangan.",
    "Seorang ibu rumah tangga di Lampung kehilangan tabungan belasan juta rupiah setelah "
    "suaminya kecanduan judi daring. Ia bercerita suaminya awalnya hanya mencoba dengan "
    "modal kecil, lalu terus menambah setoran untuk mengejar kekalahan. Psikolog yang "
    "dihubungi menjelaskan kecanduan semacam ini bekerja seperti candu lainnya dan perlu "
    "pendampingan. Pemerintah daerah berencana membuka layanan konseling bagi keluarga yang "
    "terdampak.",
    "Kementerian Komunikasi dan Digital menyatakan telah menutup ribuan rekening dan "
    "dompet digital yang dipakai untuk menampung setoran permainan judi. Langkah itu diambil "
    "bersama PPATK dan Bank Indonesia setelah ditemukan pola transaksi kecil dalam jumlah "
    "sangat besar. Menurut juru bicara kementerian, para bandar kini memakai kode promosi "
    "dan nama situs yang terus berganti untuk menghindari pemblokiran.",
    "Majelis hakim Pengadilan Negeri Medan menjatuhkan vonis empat tahun penjara kepada "
    "seorang selebgram yang terbukti mempromosikan situs taruhan di akun Instagramnya. "
    "Dalam pertimbangannya, hakim menyebut terdakwa menerima bayaran puluhan juta rupiah "
    "per bulan dan mengajak pengikutnya mendaftar dengan iming-iming bonus. Kuasa hukum "
    "terdakwa menyatakan masih mempertimbangkan upaya banding.",
    "Badan Pengawas Obat dan Makanan merilis daftar puluhan produk jamu dan suplemen stamina "
    "pria yang ditemukan mengandung bahan kimia obat. Kandungan sildenafil dan tadalafil "
    "tanpa takaran dokter dapat memicu gangguan jantung. BPOM meminta masyarakat memeriksa "
    "nomor izin edar dan tidak tergiur klaim khasiat instan yang banyak beredar di toko "
    "daring. Produk yang ditemukan telah diturunkan dari lokapasar.",
    "Polisi Diraja Malaysia menahan tujuh individu dalam serbuan ke atas sebuah premis yang "
    "dijadikan pusat panggilan judi dalam talian di Johor Bahru. Ketua Polis Daerah berkata "
    "kesemua suspek berusia antara 20 hingga 35 tahun dan dipercayai dibayar gaji bulanan "
    "untuk melayan pelanggan. Polis turut merampas komputer riba, telefon bimbit dan wang "
    "tunai. Kes disiasat mengikut Akta Rumah Judi Terbuka.",
    "Bank Negara Malaysia mengingatkan orang ramai supaya berwaspada dengan tawaran pinjaman "
    "wang tanpa dokumen yang disebarkan melalui aplikasi pesanan ringkas. Menurut bank pusat "
    "itu, pemberi pinjaman berlesen tidak akan meminta bayaran pendahuluan sebelum pinjaman "
    "diluluskan. Mangsa yang ditipu dinasihatkan membuat laporan polis dengan segera.",
    "Authorities in Manila shut down an offshore gaming hub that had been running online "
    "casino operations targeting players across Southeast Asia, police said on Tuesday. "
    "More than 300 foreign workers were found at the compound, some of whom told "
    "investigators they had been forced to work there. The interior ministry said the "
    "operators had used fake licences and would face charges of illegal gambling and human "
    "trafficking.",
    "Menjelang Lebaran, permintaan dana tunai melonjak dan banyak warga melirik pinjaman "
    "daring. Pengamat ekonomi dari sebuah universitas di Yogyakarta menilai kemudahan "
    "pencairan sering menutupi besarnya biaya yang harus ditanggung peminjam. Ia "
    "menyarankan warga menyusun anggaran belanja hari raya dan memprioritaskan kebutuhan "
    "pokok, alih-alih berutang untuk konsumsi. OJK mencatat aduan terkait penagihan naik "
    "setiap musim libur.",
]
"""Sealed news about gambling, loans and pills (reports, an advice column addressing the
reader, a court case, a consumer warning), in id, ms and en."""


def sealed() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return the sealed spam pages (with ``kind``) and the sealed news articles as records."""
    pages = [
        {
            "id": f"sealed-spam-{n}",
            "text": text,
            "url": f"https://example.com/promo/{n}",
            "kind": kind,
        }
        for n, (kind, text) in enumerate(SEALED_SPAM)
    ]
    reports = [
        {"id": f"sealed-news-{n}", "text": text, "url": f"https://news.example.com/berita/{n}"}
        for n, text in enumerate(SEALED_NEWS)
    ]
    return pages, reports
