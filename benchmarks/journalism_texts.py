"""Ordinary journalism that sits near a quality limit, for ``quality.py``: one article per
layout that real news uses and that a quality rule can mistake for junk (a live blog with a
byline under each entry, a recipe, a statute cited three times, a quote restated as a pull
quote, a gallery repeating its caption, a Q&A, a poem quoted in a feature, a results list, a
phone's specification list, an awards list).

Written for this project (no real page is copied) while measuring how near the tuning news
sits to the news limits (``quality.py --derive``, "near limits"); the statute, specification
and awards rules were changed after these texts were first run, so they are tuning texts, not
a held-out measurement. Each text is news that should be kept: a drop names a rule that
cannot yet tell that layout from junk.
"""

from __future__ import annotations

from collections.abc import Iterator

_BYLINE = "Reporting by Jane Smith and Tom Brown in Washington; editing by Mark Heinrich"
_ENTRIES = [
    "President Joe Biden met congressional leaders at the White House on Tuesday to press for "
    "a deal on the budget before the deadline at the end of the week.",
    "Senate Majority Leader Chuck Schumer told reporters after the meeting that the talks had "
    "been productive but that no agreement had been reached yet.",
    "House Speaker Mike Johnson said Republicans would not accept a package that did not "
    "include spending cuts, and that he expected talks to continue on Wednesday.",
    "The Congressional Budget Office said a shutdown lasting two weeks would reduce economic "
    "growth in the quarter by about a tenth of a percentage point.",
    "Federal agencies began circulating contingency plans to staff, telling them which "
    "workers would be furloughed if funding lapsed at midnight on Friday.",
]
_STATUTE = (
    "Pasal 27 ayat (3) Undang-Undang Nomor 19 Tahun 2016 tentang Perubahan atas Undang-Undang "
    "Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik"
)
_ACT = "Section 230 of the Communications Decency Act of 1996"
_QUOTE = (
    "We will not rest until every family that lost its home in the flood has a roof over its "
    "head again"
)
_CAPTION = (
    "Warga melintasi banjir di kawasan Kampung Melayu, Jakarta Timur, Senin (2/1). "
    "(ANTARA FOTO/Sigid Kurniawan)"
)
_POEM = ["Di tepi sungai ini", "kami menunggu pagi", "air naik ke beranda", "anak-anak tertidur",
    "di atas lemari tua", "ibu menghitung doa", "ayah menghitung hari"]  # fmt: skip
_SPECS = ["Prosesor Snapdragon 653 Octa-core", "RAM 6 GB", "Memori internal 64 GB",
    "Layar 6 inci Super AMOLED", "Kamera belakang 16 MP", "Kamera depan 16 MP",
    "Baterai 4.000 mAh", "Sistem operasi Android 6.0", "Bobot 189 gram", "USB Type-C",
    "Jaringan 4G LTE", "Harga Rp 7 juta"]  # fmt: skip
_AWARDS = ["Best Song – Shawn Mendes", "Best Hip Hop – Eminem", "Best Pop – Camila Cabello",
    "Best New – Dua Lipa", "Best Live – Ed Sheeran", "Best Rock – Coldplay", "Best Look – Zayn",
    "Best Push – Hailee Steinfeld", "Best Artist – Shawn Mendes", "Best Electronic – David Guetta",
    "Spain – Tangana", "Japan – BabyMetal", "Finland – Alma", "Nigeria – Davido",
    "Argentina – Lali", "Best US Act – Fifth Harmony", "Global Icon – U2"]  # fmt: skip

ARTICLES: dict[str, list[str]] = {
    "live blog, a byline under each entry (en)": [
        x
        for i, e in enumerate(_ENTRIES)
        for x in (f"{10 + i}:{15 * i % 60:02d} a.m. EST", e, _BYLINE)
    ],
    "recipe (en)": [
        "This weeknight chicken curry comes together in about half an hour and uses pantry "
        "staples most cooks already have on hand. It is mild enough for children, and you can "
        "add more chilli at the table.",
        "Ingredients",
        "2 tbsp vegetable oil",
        "1 large onion, chopped",
        "3 garlic cloves, crushed",
        "1 tbsp grated ginger",
        "2 tbsp curry paste",
        "500g chicken thighs, diced",
        "400g can chopped tomatoes",
        "200ml coconut milk",
        "Handful of coriander",
        "Rice, to serve",
        "Method",
        "Heat the oil in a large pan and fry the onion for 8 minutes until soft.",
        "Add the garlic, ginger and curry paste and cook for 1 minute more.",
        "Stir in the chicken, then the tomatoes and coconut milk, and simmer for 20 minutes.",
        "Scatter with coriander and serve with rice.",
        "Serves 4",
        "Prep time: 10 minutes",
    ],
    "court report, a statute cited in three sentences (id)": [
        "Majelis hakim Pengadilan Negeri Jakarta Selatan menjatuhkan vonis delapan bulan penjara "
        f"kepada terdakwa AS karena terbukti melanggar {_STATUTE}.",
        "Dalam amar putusannya, hakim ketua menyatakan terdakwa terbukti mendistribusikan "
        "informasi elektronik yang memuat penghinaan melalui akun media sosialnya.",
        "Jaksa penuntut umum sebelumnya menuntut hukuman satu tahun penjara. Dalam dakwaannya, "
        f"jaksa menjerat terdakwa dengan {_STATUTE} juncto Pasal 45 ayat (3).",
        "Kuasa hukum terdakwa menyatakan pikir-pikir atas putusan tersebut. Menurut dia, "
        "unggahan kliennya merupakan kritik terhadap pelayanan publik dan bukan penghinaan.",
        "Sepanjang tahun ini, lembaga bantuan hukum mencatat sedikitnya 30 perkara yang "
        f"menggunakan {_STATUTE}, sebagian besar dilaporkan oleh pejabat daerah.",
        "Pakar hukum pidana menilai penerapan pasal tersebut perlu dibatasi agar tidak "
        "mengekang kebebasan berpendapat warga.",
    ],
    "court report, a statute cited in three sentences (en)": [
        f"The Supreme Court on Monday agreed to hear a case that could narrow {_ACT}, the law "
        "that shields internet platforms from liability for what their users post.",
        "The plaintiffs argue that recommending videos is conduct of the company itself and is "
        f"not protected by {_ACT}.",
        "Lawyers for the company said in their filing that a ruling against it would expose "
        "websites of every size to lawsuits over the way they organise content.",
        f"Lower courts have so far read {_ACT} broadly, dismissing most suits early.",
        "A decision is expected by the end of June next year, after oral arguments in winter.",
    ],
    "a quote in the lede, the body and a pull quote (en)": [
        f'"{_QUOTE}," the governor said on Sunday as she toured the shelters set up in schools '
        "and mosques across the district.",
        "More than 3,000 people have been displaced since the river burst its banks on Thursday "
        "night, according to the disaster agency, which said the water was receding slowly.",
        "Speaking to residents at a shelter in the north of the district, she repeated: "
        f'"{_QUOTE}."',
        "Aid groups said the most urgent needs were clean water, blankets and medicine.",
        f'"{_QUOTE}"',
        "The governor said the provincial budget would cover the first phase of rebuilding.",
    ],
    "gallery, one caption under each photo (id)": [
        "Banjir kembali merendam sejumlah permukiman di Jakarta setelah hujan deras mengguyur "
        "sejak Minggu malam. Badan Penanggulangan Bencana Daerah mencatat 40 RT terendam "
        "dengan ketinggian air hingga 1,5 meter.",
        _CAPTION,
        "Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak menggunakan perahu karet "
        "ke posko pengungsian terdekat.",
        _CAPTION,
        "Kepala BPBD DKI mengatakan air diperkirakan surut dalam dua hari jika hujan tidak "
        "kembali turun di wilayah hulu.",
        _CAPTION,
    ],
    "Q&A interview (en)": [
        "Maria Lopez, 52, is running for the city council in the Third Ward. She spoke to us "
        "about the campaign. The interview has been edited for length.",
        "Q: When did you first think about running for office?",
        "A: It was after the factory closed. I saw what it did to the town, and nobody in the "
        "council seemed to have a plan.",
        "Q: What would you do first?",
        "A: Fix the bus routes. People cannot get to the jobs that exist, and that is something "
        "a council can actually change.",
        "Q: Your opponents say you have no experience.",
        "A: I ran a business with 40 employees for 12 years. I know how to read a budget.",
    ],
    "a poem quoted in a feature (id)": [
        "Sutardji, penyair asal Riau, membacakan puisi barunya di hadapan para pengungsi banjir "
        "di Pekanbaru, Sabtu malam. Ia menulis puisi itu setelah menginap tiga hari di posko.",
        *_POEM,
        *_POEM[:4],
        "Pembacaan puisi itu disambut tepuk tangan para pengungsi yang memadati tenda.",
    ],
    "results with scorers, one line each (en)": [
        "Results from Saturday's Premier League matches, with goalscorers. Arsenal moved back to "
        "the top of the table after a late winner at Villa Park, while Liverpool dropped points.",
        "Aston Villa 1-2 Arsenal",
        "Watkins 23; Saka 45, Martinelli 89",
        "Liverpool 0-0 Brentford",
        "Chelsea 3-1 Fulham",
        "Palmer 12, 67, Jackson 80; Iwobi 55",
        "Everton 2-2 Wolves",
        "Calvert-Lewin 8, Doucoure 71; Cunha 30, 60",
        "Burnley 0-3 Man City",
        "Haaland 4, 19, Foden 77",
    ],
    "a phone's specification list under its review (id)": [
        "Ponsel pertama Samsung dengan RAM 6 GB, Galaxy C9 Pro, akhirnya resmi hadir di pasar "
        "Indonesia dengan banderol harga Rp 7 juta. Selain RAM, ponsel ini memiliki memori "
        "internal 64 GB yang bisa ditambah dengan kartu memori hingga 256 GB. Layarnya memakai "
        "jenis Super AMOLED beresolusi 1080 x 1920 piksel, dan Samsung memasang sensor 16 "
        "megapiksel di kamera belakang dan depan. Berikut spesifikasi lengkapnya:",
        *(f"- {spec}" for spec in _SPECS),
    ],
    "an awards list under the article (id)": [
        "Ajang penghargaan MTV Europe Music Awards digelar di London pada Minggu malam. Shawn "
        "Mendes, penyanyi asal Kanada, membawa pulang empat penghargaan, sementara Taylor Swift "
        "yang mendapatkan enam nominasi tidak memenangkan satu pun.",
        "Eminem, Stormzy dan The Killers tampil sebagai pengisi acara. U2 menerima penghargaan "
        "Global Icon setelah membawakan tiga lagu di akhir acara.",
        "Berikut daftar pemenang MTV EMA 2017:",
        *_AWARDS,
    ],
}
"""Layout → the article's lines (joined with blank lines, as saring's readers give them)."""


def journalism() -> Iterator[dict[str, str]]:
    """Yield the articles as records (``id`` ``journalism-<n>``, ``kind``, ``text``, one
    host each so that no site template is learned across them)."""
    for n, (kind, parts) in enumerate(ARTICLES.items()):
        url = f"https://news{n}.example/article"
        yield {"id": f"journalism-{n}", "kind": kind, "text": "\n\n".join(parts), "url": url}
