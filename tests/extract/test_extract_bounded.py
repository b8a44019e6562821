"""Pages sent ahead to the extraction child: larger than the pipe, many at once, in order."""

from __future__ import annotations

from saring.extract import BoundedExtractor, Extraction, extract_fast

PARAGRAPH = (
    "Pemerintah kota menambah jadwal kereta rel listrik pada jam sibuk pagi dan sore, "
    "setelah jumlah penumpang naik hampir sepertiga sejak stasiun baru dibuka bulan lalu."
)


def _page(n: int, paragraphs: int) -> str:
    body = "".join(f"<p>{n}: {PARAGRAPH}</p>" for _ in range(paragraphs))
    head = f"<head><title>Halaman {n}</title></head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


def test_pages_larger_than_the_pipe_sent_ahead_come_back_whole_and_in_order() -> None:
    # 24 pages of ~0.5 MB each: far more than the pipe holds, so every page crosses in parts.
    pages = [_page(n, 3000 if n % 3 == 0 else 20) for n in range(24)]
    extractor = BoundedExtractor("fast", timeout=60.0)
    try:
        for page in pages:
            extractor.submit(page.encode("utf-8"), None)
        assert extractor.pending == len(pages)
        for page in pages:
            result = extractor.result()
            assert isinstance(result, Extraction)
            assert result == extract_fast(page)
        assert extractor.pending == 0
    finally:
        extractor.close()


def test_an_empty_page_sent_ahead_does_not_stall_the_pages_behind_it() -> None:
    extractor = BoundedExtractor("fast", timeout=30.0)
    try:
        extractor.submit(b"", None)
        extractor.submit(_page(1, 2).encode("utf-8"), "https://contoh.co.id/berita/1")
        first, second = extractor.result(), extractor.result()
        assert not isinstance(first, Extraction)
        assert first.reason == "invalid/no_content"
        assert isinstance(second, Extraction)
        assert PARAGRAPH in second.text
    finally:
        extractor.close()
