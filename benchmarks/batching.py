"""A folder of single-page HTML files against the same pages in one WARC, end to end.

Usage: python benchmarks/batching.py [--data SHARED_DATA_DIR] [--pages 1000] [--workers 2]
       [--extractor quality|fast]

Takes real pages from the shared trafilatura-eval and article-extraction-benchmark sets
(repeated, each copy given its own URL, to reach ``--pages``), writes them once as one
``.html`` file per page and once as one ``.warc.gz``, and runs ``saring clean`` (the news
preset) on each in the same process, one after the other. Prints pages/s for both and their
ratio: small files share tasks (``shard_bytes``), so a folder of pages should cost about what
one WARC of them does. Timings vary between runs on a shared machine.
"""

from __future__ import annotations

import argparse
import gzip
import io
import tempfile
import time
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

from common import data_folder
from saring.cli import main as saring


def pages(data: str | None, count: int) -> list[bytes]:
    """Return ``count`` HTML pages of the shared extraction sets, repeating them if needed."""
    found = sorted(data_folder(data, "trafilatura-eval").glob("html/*.html.gz"))
    found += sorted(data_folder(data, "article-extraction-benchmark").glob("html/*.html.gz"))
    html = [gzip.decompress(path.read_bytes()) for path in found]
    return [html[n % len(html)] for n in range(count)]


def warc_record(
    url: str,
    body: bytes,
    kind: WarcRecordType = WarcRecordType.response,
    content_type: str = "application/http; msgtype=response",
) -> bytes:
    """Return one gzipped WARC record: by default a response holding an HTTP response with
    the page; with another ``kind``, that record with ``body`` as its block."""
    if kind == WarcRecordType.response:
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Target-URI"] = url
    record.headers["Content-Type"] = content_type
    record.set_bytes_content(body)
    buffer = io.BytesIO()
    record.write(buffer)
    return gzip.compress(buffer.getvalue(), compresslevel=1, mtime=0)


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    if saring(argv) != 0:
        raise SystemExit(f"saring {' '.join(argv)} failed")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--extractor", default="quality", choices=["quality", "fast"])
    args = parser.parse_args()
    html = pages(args.data, args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for n, body in enumerate(html):
            (folder / f"page-{n:05d}.html").write_bytes(body)
        warc = Path(tmp) / "pages.warc.gz"
        with warc.open("wb") as out:
            for n, body in enumerate(html):
                out.write(warc_record(f"https://example.id/page/{n}", body))
        common = ["--workers", str(args.workers), "--extractor", args.extractor]
        files = timed(["clean", str(folder), "-o", f"{tmp}/out-files", *common])
        one = timed(
            ["clean", str(warc), "-o", f"{tmp}/out-warc", "--input-format", "warc", *common]
        )
        print(f"{args.pages:,} pages, {args.workers} workers, {args.extractor} extractor")
        print(f"  single-page files: {files:7.1f} s  {args.pages / files:6.1f} pages/s")
        print(f"  one WARC:          {one:7.1f} s  {args.pages / one:6.1f} pages/s")
        print(f"  files / WARC time: {files / one:.2f}x")


if __name__ == "__main__":
    main()
