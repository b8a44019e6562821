"""Shared fixtures: the seed page, small corpora written on the fly, and output readers."""

from __future__ import annotations

import gzip
import itertools
import logging
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "000_73592170dd0b30b7.txt"


@pytest.fixture
def seed_path() -> Path:
    """The raw crawled page the project started from (first line: the host it came from)."""
    return SEED


def write_jsonl(path: Path, rows: list[dict[str, Any] | bytes]) -> Path:
    """Write rows (dicts, or raw bytes for broken lines) as JSON Lines; .gz paths are gzipped."""
    data = b"".join((row if isinstance(row, bytes) else orjson.dumps(row)) + b"\n" for row in rows)
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)
    return path


def read_rows(folder: Path) -> list[dict[str, Any]]:
    """Read every Parquet or JSONL file of an output folder (docs/ or removed/), in name order."""
    rows: list[dict[str, Any]] = []
    if not folder.exists():
        return rows
    for path in sorted(folder.iterdir()):
        if path.suffix == ".parquet":
            rows += pq.read_table(path).to_pylist()
        elif path.name.endswith(".jsonl"):
            rows += [orjson.loads(line) for line in path.read_bytes().splitlines()]
        elif path.name.endswith(".jsonl.gz"):
            rows += [orjson.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines()]
    return rows


SENTENCES = (
    "Pemerintah Provinsi DKI Jakarta memperpanjang masa pemberlakuan ganjil genap hingga akhir tahun.",
    "Evaluasi menunjukkan kemacetan di ruas utama turun sekitar dua puluh persen selama tiga bulan.",
    "Petugas Dinas Perhubungan tetap berjaga di sejumlah titik untuk memastikan warga mematuhi aturan.",
    "Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi delapan puluh ribu rupiah per kilogram.",
    "Pedagang menyebut pasokan dari Jawa Tengah berkurang karena hujan deras merusak tanaman petani.",
    "Bank Indonesia mempertahankan suku bunga acuan setelah rapat dewan gubernur pada Kamis sore.",
    "Nilai tukar rupiah menguat tipis terhadap dolar Amerika Serikat di pasar spot pagi ini.",
    "Tim nasional sepak bola Indonesia menang dua gol tanpa balas atas Vietnam di Stadion Gelora.",
    "Pelatih mengaku puas dengan permainan para pemain muda yang tampil disiplin sepanjang laga.",
    "Badan Meteorologi memperingatkan potensi gelombang tinggi di perairan selatan Jawa pekan depan.",
    "Nelayan di Cilacap diminta tidak melaut sampai cuaca kembali normal demi keselamatan mereka.",
    "Kementerian Kesehatan mencatat kenaikan kasus demam berdarah di sebelas provinsi bulan lalu.",
    "Warga diimbau menguras bak mandi dan menutup tempat penampungan air untuk mencegah jentik nyamuk.",
    "Gunung Merapi kembali meluncurkan awan panas guguran sejauh dua kilometer ke arah barat daya.",
    "Balai penyelidikan mempertahankan status siaga dan melarang aktivitas di radius tiga kilometer.",
    "Ribuan pemudik mulai memadati Terminal Kampung Rambutan sejak Jumat malam menjelang libur panjang.",
    "Operator bus menambah armada hingga tiga puluh persen untuk mengantisipasi lonjakan penumpang.",
    "Komisi Pemberantasan Korupsi menahan seorang kepala daerah terkait dugaan suap proyek jalan.",
    "Penyidik menyita uang tunai dan sejumlah dokumen dari rumah dinas tersangka di Sumatera Utara.",
    "Universitas Gadjah Mada membuka pendaftaran beasiswa bagi mahasiswa dari daerah tertinggal.",
    "Rektor berharap program itu memperluas akses pendidikan tinggi bagi anak-anak di pelosok negeri.",
    "Produksi beras nasional diperkirakan meningkat berkat panen raya di Jawa Timur dan Sulawesi Selatan.",
    "Menteri Pertanian meminta Bulog menyerap gabah petani dengan harga yang wajar dan tepat waktu.",
    "Polisi mengamankan dua pelaku pencurian sepeda motor di kawasan Depok setelah aksi kejar-kejaran.",
    "Barang bukti berupa kunci letter T dan tiga unit motor curian dibawa ke markas kepolisian.",
    "Pameran buku internasional di Jakarta Convention Center menarik puluhan ribu pengunjung.",
    "Penerbit lokal memamerkan karya penulis muda yang mengangkat cerita rakyat dari berbagai daerah.",
    "Perusahaan rintisan teknologi finansial itu mendapat pendanaan baru dari investor Singapura.",
    "Dana segar tersebut akan dipakai untuk memperluas layanan pinjaman bagi usaha mikro di Sumatra.",
    "Pemerintah kota Surabaya menanam seribu pohon di bantaran sungai untuk mengurangi risiko banjir.",
    "Relawan lingkungan juga membersihkan sampah plastik yang menumpuk di muara Kali Mas.",
    "Harga tiket pesawat rute Jakarta Denpasar melonjak menjelang libur akhir tahun.",
    "Maskapai berjanji menambah penerbangan tambahan jika permintaan terus meningkat pekan ini.",
    "Gempa bermagnitudo lima mengguncang Maluku Utara tanpa menimbulkan peringatan tsunami.",
    "Warga sempat berhamburan keluar rumah namun belum ada laporan kerusakan bangunan yang berarti.",
    "Festival kuliner Nusantara di Bandung menghadirkan lebih dari dua ratus pedagang makanan khas.",
    "Pengunjung antre panjang untuk mencicipi seblak, batagor, dan aneka olahan singkong.",
    "Dinas Pendidikan menunda pembelajaran tatap muka di sekolah yang terdampak banjir rob.",
    "Siswa sementara belajar dari rumah dengan bahan ajar yang dibagikan guru lewat pesan singkat.",
    "Pengamat menilai kebijakan itu perlu diikuti pengawasan ketat agar tepat sasaran.",
)


def article(n: int) -> str:
    """Return a distinct Indonesian news-like text of about 80 words: eight sentences of a
    fixed pool in an order and choice given by ``n``, so two articles share few word 5-grams."""
    picks = random.Random(n).sample(SENTENCES, 8)
    return f"Laporan {n}. " + " ".join(picks)


# The storage tests' S3 server: moto's server mode on 127.0.0.1, on a free port, for the
# whole session. Workers (local processes, Ray) reach it through the storage options the tests
# pass, never through a mock inside this process.
ACCESS_KEY = "AKIDUJISARING42"
SECRET = "rahasia-sekali-9f2c"
"""The secret key the tests give: it must never appear in anything a run writes or prints."""
_buckets = itertools.count()


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """The URL of a moto S3 server: the one ``SARING_S3_ENDPOINT`` names (``.ci/run`` starts
    one), or one started for the session."""
    pytest.importorskip("s3fs", reason="needs s3fs: pip install 'saring[s3]'")
    if os.environ.get("SARING_S3_ENDPOINT"):
        yield os.environ["SARING_S3_ENDPOINT"]
        return
    moto_server = pytest.importorskip("moto.server", reason="needs moto[server] (the dev extra)")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_options(s3_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Storage options that reach the test server (the access key and secret are made up);
    local work folders of remote outputs go inside the test's folder, and the Hub client
    is kept offline."""
    monkeypatch.setenv("SARING_SCRATCH", str(tmp_path / "scratch"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    yield {"endpoint_url": s3_endpoint, "key": ACCESS_KEY, "secret": SECRET}
    from saring import storage

    storage.configure({})


@pytest.fixture
def bucket(s3_options: dict[str, Any]) -> Iterator[str]:
    """A new, empty bucket: its ``s3://`` URL."""
    import fsspec

    fs = fsspec.filesystem("s3", **s3_options)
    name = f"saring-test-{next(_buckets)}"
    fs.mkdir(name)
    yield f"s3://{name}"
    fs.rm(name, recursive=True)


def s3fs_of(options: dict[str, Any]) -> Any:
    """An s3fs filesystem on the test server."""
    import fsspec

    return fsspec.filesystem("s3", **options)


def corpus_rows(files: int = 3, per_file: int = 30) -> dict[str, bytes]:
    """JSON Lines files (name -> bytes) of Indonesian articles with exact copies and a broken
    line each: the corpus of the Ray executor's test."""
    import orjson

    out = {}
    for f in range(files):
        rows = [
            orjson.dumps({"id": f"d{f}-{i}", "text": article(i if i % 4 else 0)})
            for i in range(per_file)
        ]
        out[f"part-{f}.jsonl"] = b"".join(row + b"\n" for row in [*rows, b'{"id": "rusak"'])
    return out


@pytest.fixture
def crawl(bucket: str, s3_options: dict[str, Any], tmp_path: Path) -> tuple[str, Path]:
    """The same corpus in the bucket (``s3://…/crawl/``) and in a local folder."""
    fs = s3fs_of(s3_options)
    local = tmp_path / "crawl"
    local.mkdir()
    for name, data in corpus_rows().items():
        fs.pipe(f"{bucket.removeprefix('s3://')}/crawl/{name}", data)
        (local / name).write_bytes(data)
    return f"{bucket}/crawl/", local
