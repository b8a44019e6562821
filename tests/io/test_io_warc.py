"""WarcReader: HTML responses become articles with their news metadata; other records are
skipped and counted; a pathological page is bounded and the rest of the file goes on."""

from __future__ import annotations

import gzip
import itertools
import pickle
from collections import Counter
from pathlib import Path

import orjson
import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

import saring
from conftest import read_rows
from saring import meta
from saring.document import Document, Dropped
from saring.executors.local import LocalExecutor
from saring.io import Source
from saring.io.warc import WarcReader
from saring.pipeline import Pipeline
from saring.presets import news

PARAGRAPHS = (
    "Pemerintah resmi menaikkan harga Pertalite menjadi Rp10.000 per liter mulai Sabtu "
    "pukul 14.30 WIB, setelah subsidi energi membengkak hingga tiga kali lipat dari rencana "
    "awal dalam anggaran negara tahun ini.",
    "Menteri Energi dan Sumber Daya Mineral menyebut keputusan itu diambil untuk menjaga "
    "kesehatan APBN, karena sebagian besar subsidi justru dinikmati pemilik kendaraan "
    "pribadi yang mampu membeli bahan bakar dengan harga pasar.",
    "Antrean panjang terlihat di sejumlah SPBU di Jakarta, Bandung dan Surabaya sejak "
    "Jumat malam, ketika warga berusaha mengisi tangki sebelum harga baru berlaku dan "
    "petugas kepolisian diturunkan untuk mengatur lalu lintas.",
    "Pemerintah berjanji mengalihkan sebagian dana subsidi menjadi bantuan langsung tunai "
    "bagi dua puluh juta keluarga penerima manfaat, yang akan dibagikan melalui kantor pos "
    "mulai pekan depan selama empat bulan berturut-turut.",
)
FOOTER = "Hak Cipta © 2024 Kabar Nusantara. Seluruh hak dilindungi undang-undang."
URL = "https://www.kabarnusantara.co.id/ekonomi/2024/09/03/harga-bbm-naik"
TITLE = "Harga BBM Naik Mulai Besok"


def news_page(paragraphs: tuple[str, ...] = PARAGRAPHS, title: str = TITLE, url: str = URL) -> str:
    """Return an Indonesian news page: menu, article with "Baca juga" blocks, footer."""
    body = "".join(
        f"<p>{text}</p>"
        + (
            '<p><strong>Baca juga: <a href="/ekonomi/antrean-spbu">Antrean Panjang di SPBU '
            "Jelang Kenaikan Harga</a></strong></p>"
            if i % 2 == 0
            else ""
        )
        for i, text in enumerate(paragraphs)
    )
    return f"""<!DOCTYPE html>
<html lang="id-ID"><head><meta charset="utf-8">
<title>{title} - Kabar Nusantara</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Kabar Nusantara">
<meta property="article:published_time" content="2024-09-03T14:30:00+07:00">
<meta name="author" content="Rina Wulandari">
<link rel="canonical" href="{url}">
</head><body>
<header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/ekonomi">Ekonomi</a></li>
<li><a href="/politik">Politik</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav>
</header>
<main><article><h1>{title}</h1>
<div class="byline">Rina Wulandari - Selasa, 3 September 2024 14:30 WIB</div>
{body}
</article></main>
<footer><p>{FOOTER}</p><p><a href="/redaksi">Redaksi</a> | <a href="/kontak">Kontak</a></p>
</footer></body></html>"""


def response(
    url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"
) -> WarcRecord:
    """Return a WARC response record holding an HTTP response."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    return record(WarcRecordType.response, url, http, "application/http; msgtype=response")


def record(kind: WarcRecordType, url: str, content: bytes, content_type: str) -> WarcRecord:
    """Return a WARC record of a type, for a URL, with a block."""
    rec = WarcRecord()
    rec.init_headers(kind)
    rec.headers["WARC-Target-URI"] = url
    rec.headers["Content-Type"] = content_type
    rec.set_bytes_content(content)
    return rec


def write_warc(path: Path, records: list[WarcRecord]) -> Path:
    """Write records to a WARC file, each gzipped as its own member if the path ends in .gz."""
    with open(path, "wb") as out:
        for rec in records:
            if path.suffix == ".gz":
                out.write(gzip.compress(record_bytes(rec), mtime=0))
            else:
                out.write(record_bytes(rec))
    return path


def record_bytes(rec: WarcRecord) -> bytes:
    """Return one record's bytes."""
    import io

    buffer = io.BytesIO()
    rec.write(buffer)
    return buffer.getvalue()


def read(path: Path, reader: WarcReader) -> tuple[list[Document | Dropped], Counter[str]]:
    """Return what the reader yields for one file and the skipped-record counts."""
    source = Source(str(path))
    source.counters = Counter()  # type: ignore[attr-defined]
    return list(reader.read(source)), source.counters  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def fast() -> WarcReader:
    """A fast-mode reader, kept for the module so that its extractor starts once."""
    return WarcReader([], extractor="fast", extract_timeout=1.0)


@pytest.mark.parametrize("mode", ["quality", "fast"])
def test_indonesian_article_keeps_text_title_and_date(tmp_path: Path, mode: str) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [response(URL, news_page().encode())])
    (doc,) = read(path, WarcReader([str(path)], extractor=mode))[0]
    assert isinstance(doc, Document)
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert FOOTER not in doc.text
    assert "Olahraga" not in doc.text
    assert doc.url == URL
    assert doc.domain == "kabarnusantara.co.id"
    assert doc.id.startswith("urn:uuid:")
    assert doc.metadata[meta.TITLE] == "Harga BBM Naik Mulai Besok"
    assert doc.metadata[meta.PUBLISHED] == "2024-09-03T14:30:00+07:00"
    assert doc.metadata[meta.AUTHOR] == "Rina Wulandari"
    assert doc.metadata[meta.SITE_NAME] == "Kabar Nusantara"
    assert doc.metadata[meta.CANONICAL_URL] == URL
    assert doc.metadata[meta.PAGE_LANG] == "id-ID"
    assert doc.metadata[meta.EXTRACTOR] == mode
    assert doc.metadata[meta.ENCODING] == "utf-8"
    assert doc.metadata[meta.SOURCE_FILE] == "crawl.warc.gz"
    assert doc.metadata[meta.FETCH_DATE][:4].isdigit()


def test_other_records_are_skipped_and_counted(tmp_path: Path, fast: WarcReader) -> None:
    page = news_page().encode()
    path = write_warc(
        tmp_path / "campur.warc",
        [
            record(WarcRecordType.warcinfo, "", b"software: uji\r\n", "application/warc-fields"),
            record(WarcRecordType.request, URL, b"GET / HTTP/1.1\r\n\r\n", "application/http"),
            response(URL, page),
            record(WarcRecordType.metadata, URL, b"fetchTimeMs: 12\r\n", "application/warc-fields"),
            response("https://kabarnusantara.co.id/logo.png", b"\x89PNG\r\n", "image/png"),
            response("https://kabarnusantara.co.id/hilang", page, status="404 Not Found"),
            response("https://kabarnusantara.co.id/b", page.replace(b"Rp10.000", b"Rp12.000")),
        ],
    )
    items, counters = read(path, fast)
    assert [type(item) for item in items] == [Document, Document]
    assert "Rp12.000" in items[1].text  # type: ignore[union-attr]
    assert items[0].metadata[meta.SOURCE_LINE] == 3  # type: ignore[union-attr]
    assert counters == Counter(
        {
            "skipped/warcinfo": 1,
            "skipped/request": 1,
            "skipped/metadata": 1,
            "skipped/not_html": 1,
            "skipped/http_status": 1,
        }
    )


def test_pathological_page_is_bounded_and_the_rest_goes_on(
    tmp_path: Path, fast: WarcReader
) -> None:
    # resiliparse needs ~10 s for 20,000 nested <div> (time grows faster than the depth).
    nested = "<html><body>" + "<div>" * 20_000 + "teks" + "</div>" * 20_000 + "</body></html>"
    path = write_warc(
        tmp_path / "racun.warc.gz",
        [
            response(URL, news_page().encode()),
            response("https://kabarnusantara.co.id/racun", nested.encode()),
            response("https://kabarnusantara.co.id/c", news_page(PARAGRAPHS[1:]).encode()),
        ],
    )
    first, bad, last = read(path, fast)[0]
    assert isinstance(first, Document)
    assert isinstance(last, Document)
    assert PARAGRAPHS[0] in first.text
    assert PARAGRAPHS[0] not in last.text
    assert PARAGRAPHS[1] in last.text
    assert last.metadata[meta.TITLE] == "Harga BBM Naik Mulai Besok"
    assert isinstance(bad, Dropped)
    assert bad.reason == "invalid/extract_timeout"
    assert bad.doc.url == "https://kabarnusantara.co.id/racun"
    assert bad.doc.id.startswith("urn:uuid:")
    assert "1.0 s" in bad.doc.metadata[meta.INVALID_DETAIL]
    # The reader (and its restarted extractor) still pickles small for the next worker.
    assert len(pickle.dumps(fast)) < 2048


def test_page_over_max_html_bytes_is_kept_as_too_large(tmp_path: Path) -> None:
    big = news_page(PARAGRAPHS * 40).encode()
    path = write_warc(
        tmp_path / "besar.warc",
        [response("https://kabarnusantara.co.id/besar", big), response(URL, news_page().encode())],
    )
    reader = WarcReader([str(path)], extractor="fast", max_html_bytes=len(big) - 1)
    bad, good = read(path, reader)[0]
    assert isinstance(bad, Dropped)
    assert bad.reason == "invalid/too_large"
    assert f"max_html_bytes={len(big) - 1}" in bad.doc.metadata[meta.INVALID_DETAIL]
    assert big.decode().startswith(bad.doc.text)
    assert len(bad.doc.text.encode()) < len(big)
    assert isinstance(good, Document)
    assert good.url == URL


def test_truncated_file_keeps_the_records_before_the_damage(
    tmp_path: Path, fast: WarcReader
) -> None:
    pages = [response(f"{URL}/{n}", news_page().encode()) for n in range(40)]
    path = write_warc(tmp_path / "putus.warc.gz", pages)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    *kept, damaged = read(path, fast)[0]
    assert len(kept) == 39
    assert all(isinstance(doc, Document) and PARAGRAPHS[3] in doc.text for doc in kept)
    assert isinstance(damaged, Dropped)
    assert damaged.reason == "invalid/truncated"
    assert damaged.doc.url == f"{URL}/39"
    assert damaged.doc.id.startswith("urn:uuid:")
    assert "ends inside this record" in damaged.doc.metadata[meta.INVALID_DETAIL]


def test_news_preset_turns_a_warc_into_clean_articles(tmp_path: Path) -> None:
    # A different article (the preset also drops near-duplicates).
    SPORT = "Timnas Putri Tekuk Singapura 3-1"  # noqa: N806 - constants of this test
    BOLA = "https://kabarnusantara.co.id/bola"  # noqa: N806
    other = (
        "Tim nasional sepak bola putri Indonesia menang 3-1 atas Singapura dalam laga "
        "persahabatan di Stadion Madya, Jakarta, Selasa malam, di depan sekitar lima ribu "
        "penonton yang memadati tribun sejak sore.",
        "Pelatih menyebut kemenangan itu hasil latihan pemusatan selama tiga minggu di "
        "Bali, dengan fokus pada umpan pendek dan pertahanan zona yang kini mulai berjalan "
        "sesuai rencana tim pelatih.",
        "Dua gol dicetak penyerang muda asal Papua yang baru berusia sembilan belas tahun, "
        "sementara satu gol lagi lahir dari tendangan bebas kapten tim pada menit akhir "
        "babak kedua.",
    )
    path = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            record(WarcRecordType.request, URL, b"GET / HTTP/1.1\r\n\r\n", "application/http"),
            response(URL, news_page().encode()),
            response(BOLA, news_page(other, SPORT, BOLA).encode()),
        ],
    )
    reader = WarcReader([str(path)], extractor="fast")
    saring.run(Pipeline(reader, news(), output=str(tmp_path / "out")), LocalExecutor(workers=1))
    rows = read_rows(tmp_path / "out" / "docs")
    assert [row["url"] for row in rows] == [URL, BOLA]
    for row, title in zip(rows, (TITLE, SPORT), strict=True):
        assert "Baca juga" not in row["text"]
        assert FOOTER not in row["text"]
        metadata = orjson.loads(row["metadata"])
        assert metadata[meta.TITLE] == title
        assert metadata[meta.PUBLISHED] == "2024-09-03T14:30:00+07:00"
    assert "Stadion Madya" in rows[1]["text"]


def test_pages_that_are_no_pages_or_cut_short_are_kept_with_size_and_record_id(
    tmp_path: Path, fast: WarcReader
) -> None:
    page = news_page().encode()
    truncated = response(f"{URL}/terpotong", page[: len(page) // 2])
    truncated.headers["WARC-Truncated"] = "length"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(page)
    short = record(
        WarcRecordType.response,
        f"{URL}/pendek",
        http + page[:1000],
        "application/http; msgtype=response",
    )
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title></channel></rss>'
    records = [
        truncated,
        short,
        response(f"{URL}/api", b'{"status": "ok", "berita": [1, 2, 3]}'),
        response(f"{URL}/rss", feed),
        response(f"{URL}/kosong", b"<html><body><script>var x;</script></body></html>"),
        response(f"{URL}/rusak", b"<html><body><p>Harga " + bytes(range(0x80, 0x100)) * 8),
        response(URL, page),
    ]
    path = write_warc(tmp_path / "akun.warc", records)
    *failed, good = read(path, fast)[0]
    assert isinstance(good, Document)
    reasons = [(d.reason, d.doc.url) for d in failed]  # type: ignore[union-attr]
    assert reasons == [
        ("invalid/payload_truncated", f"{URL}/terpotong"),
        ("invalid/payload_truncated", f"{URL}/pendek"),
        ("invalid/not_html", f"{URL}/api"),
        ("invalid/not_html", f"{URL}/rss"),
        ("invalid/no_content", f"{URL}/kosong"),
        ("invalid/encoding", f"{URL}/rusak"),
    ]
    data = path.read_bytes()
    starts = [n for n in range(len(data)) if data.startswith(b"WARC/1.", n)] + [len(data)]
    sizes = [end - start for start, end in itertools.pairwise(starts)]
    for dropped, rec, size in zip(failed, records, sizes, strict=False):
        assert isinstance(dropped, Dropped)
        assert dropped.doc.id == rec.record_id.strip("<>")
        assert dropped.doc.metadata[meta.RAW_BYTES] == size  # the record as stored
    details = [d.doc.metadata[meta.INVALID_DETAIL] for d in failed]  # type: ignore[union-attr]
    assert "WARC-Truncated: length" in details[0]
    assert f"1000 of the {len(page)} bytes" in details[1]
    assert "JSON" in details[2]
    assert "feed" in details[3]


def test_pages_sent_ahead_come_back_in_order_around_a_page_that_hangs(tmp_path: Path) -> None:
    nested = "<html><body>" + "<div>" * 20_000 + "teks" + "</div>" * 20_000 + "</body></html>"
    pages = [news_page((f"Berita nomor {n}. " + PARAGRAPHS[0],)).encode() for n in range(30)]
    records = [response(f"{URL}/{n}", page) for n, page in enumerate(pages)]
    records[3:3] = [response(f"{URL}/racun", nested.encode())]
    records[20:20] = [record(WarcRecordType.request, URL, b"GET / HTTP/1.1\r\n\r\n", "x")]
    path = write_warc(tmp_path / "antre.warc.gz", records)
    reader = WarcReader([], extractor="fast", extract_timeout=1.0)
    items, counters = read(path, reader)
    assert [getattr(item, "reason", None) for item in items].count("invalid/extract_timeout") == 1
    assert items[3].doc.url == f"{URL}/racun"  # type: ignore[union-attr]
    docs = [item for item in items if isinstance(item, Document)]
    assert [f"Berita nomor {n}." in doc.text for n, doc in enumerate(docs)] == [True] * 30
    assert [doc.url for doc in docs] == [f"{URL}/{n}" for n in range(30)]
    assert counters == Counter({"skipped/request": 1})


def test_a_few_stray_bytes_in_a_utf8_page_are_replaced_not_an_error(
    tmp_path: Path, fast: WarcReader
) -> None:
    page = news_page().encode().replace(b"Pertalite", b"Pertalite \xfc")
    path = write_warc(tmp_path / "campur.warc", [response(URL, page)])
    (doc,) = read(path, fast)[0]
    assert isinstance(doc, Document)
    assert "Pertalite \ufffd" in doc.text
