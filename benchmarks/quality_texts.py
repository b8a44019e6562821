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
from collections.abc import Iterator

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
