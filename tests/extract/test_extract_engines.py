"""The extraction modes' choices (article element, second opinion, boilerplate cues) and the
extraction child's lifecycle (one per worker process, dead with its parent)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from saring.extract import drop_cue_lines, extract_fast, extract_quality
from saring.extract import engines as engines_module
from saring.extract import main_content as main_content_module
from saring.extract.bounded import shared_extractor
from saring.io import Source
from saring.io.html import HtmlReader

ARTICLE = (
    "Pemerintah Provinsi Jawa Barat mulai membagikan bibit padi tahan kekeringan kepada "
    "petani di dua belas kabupaten, setelah musim kemarau tahun ini datang lebih awal dari "
    "perkiraan Badan Meteorologi, Klimatologi, dan Geofisika.",
    "Kepala dinas pertanian mengatakan setiap kelompok tani menerima paling banyak lima ratus "
    "kilogram bibit, dan penyuluh akan mendampingi penanaman hingga panen pertama pada akhir "
    "tahun agar hasilnya dapat dibandingkan dengan varietas lama.",
)
RELATED = (
    "Harga beras premium di pasar induk Cipinang turun untuk pertama kali dalam tiga bulan "
    "terakhir karena pasokan dari sentra produksi di Jawa Tengah kembali normal.",
    "Ribuan warga memadati alun-alun kota untuk menyaksikan pawai budaya yang menampilkan "
    "kesenian dari tiga puluh empat provinsi dengan kostum tradisional masing-masing.",
)


def test_cue_lines_are_dropped_and_article_lines_kept() -> None:
    text = "\n".join(
        [
            ARTICLE[0],
            "Baca juga: Petani Indramayu Panen Lebih Awal",
            "Lihat Juga: Harga Gabah Kering Naik",
            "Sign up to our newsletter today!",
            "Aktualisiert am 17.01.2021.",
            "Foto: Humas Pemprov Jawa Barat",
            "© Antara / Novrian Arbi",
            ARTICLE[1],
            "Baca juga " + ARTICLE[1],  # a long line is article text whatever it starts with
        ]
    )
    assert drop_cue_lines(text).split("\n") == [ARTICLE[0], ARTICLE[1], "Baca juga " + ARTICLE[1]]


def test_fast_mode_reads_the_single_article_element() -> None:
    teasers = "".join(f"<div class='kartu'><p>{text}</p></div>" for text in RELATED)
    html = (
        "<html lang='id'><head><title>Bibit padi</title></head><body>"
        "<div id='halaman'><article><h1>Bibit Padi Tahan Kering Dibagikan</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + f"</article><div class='terkait'><h2>Berita lain</h2>{teasers}</div></div>"
        "<nav><a href='/'>Beranda</a> <a href='/ekonomi'>Ekonomi</a></nav></body></html>"
    )
    text = extract_fast(html).text
    assert all(paragraph in text for paragraph in ARTICLE)
    assert not any(teaser in text for teaser in RELATED)
    assert "Beranda" not in text


def test_fast_mode_keeps_the_whole_page_when_the_article_element_is_a_fragment() -> None:
    html = (
        "<html><body><div><article><p>Foto: Humas Pemprov</p></article>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + "</div></body></html>"
    )
    text = extract_fast(html).text
    assert all(paragraph in text for paragraph in ARTICLE)


def _page(body: str) -> str:
    return f"<html lang='id'><head><title>Bibit padi</title></head><body>{body}</body></html>"


def test_fast_mode_takes_the_article_text_from_one_pass_without_its_marks() -> None:
    teasers = "".join(f"<div class='kartu'><p>{text}</p></div>" for text in RELATED)
    article = "<h1>Bibit Padi</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE)
    # Nested roots (main, article, articleBody) and one that is inline: each gets its marks.
    html = _page(
        f"<main><article><div itemprop='articleBody'>{article}<span>Foto: Antara</span></div>"
        f"</article></main><div class='terkait'>{teasers}</div>"
    )
    text = extract_fast(html).text
    assert text.split("\n\n") == ["Bibit Padi", *ARTICLE]
    assert main_content_module._MARK not in text
    # The page alone, without roots, reads the same blocks as the marked one.
    whole = extract_fast(_page(f"<div>{article}</div>")).text
    assert whole == text


def test_fast_mode_keeps_a_page_that_holds_the_mark_word_itself() -> None:
    word = f"{main_content_module._MARK}0b"
    paragraphs = (*ARTICLE, f"Kode kupon {word} tidak berlaku.")
    html = _page("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>")
    assert extract_fast(html).text.split("\n\n") == list(paragraphs)


def test_fast_mode_reads_a_root_alone_when_the_page_pass_drops_it_whole() -> None:
    # resiliparse takes everything inside a footer-classed wrapper for boilerplate; the
    # article element inside it is then judged as a page of its own.
    html = _page(
        "<div class='footer'><article>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + "</article></div>"
    )
    assert extract_fast(html).text.split("\n\n") == list(ARTICLE)


def test_quality_mode_asks_trafilaturas_defaults_when_the_precise_text_looks_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    calls: list[dict[str, Any]] = []
    whole = "\n".join(ARTICLE + RELATED)

    def precise(html: str, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return trafilatura.settings.Document.from_dict({"text": ARTICLE[0][:60]})

    def defaults(html: str, **kwargs: Any) -> str:
        calls.append(kwargs)
        return ARTICLE[0][:60] if kwargs.get("favor_precision") else whole

    monkeypatch.setattr(trafilatura, "bare_extraction", precise)
    monkeypatch.setattr(trafilatura, "extract", defaults)
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in ARTICLE + RELATED) + "</body></html>"
    assert extract_quality(html).text == whole
    # The quick precise pass, then trafilatura's defaults (with its fallbacks).
    asked = [(call.get("favor_precision", False), call.get("fast", False)) for call in calls]
    assert asked == [(True, True), (False, False)]

    calls.clear()
    monkeypatch.setattr(engines_module, "SECOND_OPINION", 0.0)
    assert extract_quality(html).text == ARTICLE[0][:60]
    assert len(calls) == 1  # a precise text that is long enough is kept without asking


def test_one_extraction_child_serves_every_reader_and_file_of_a_process(tmp_path: Path) -> None:
    pages = []
    for n, paragraph in enumerate(ARTICLE):
        path = tmp_path / f"halaman{n}.html"
        path.write_text(f"<html><body><article><p>{paragraph}</p></article></body></html>")
        pages.append(path)
    children = set()
    for path in pages:  # a new reader per file, as each task unpickles its own
        reader = HtmlReader([str(path)], extractor="fast", extract_timeout=5.0)
        (doc,) = list(reader.read(Source(str(path))))
        assert doc.text.strip() in ARTICLE  # type: ignore[union-attr]
        process = shared_extractor("fast", 5.0)._process
        assert process is not None
        children.add(process.pid)
    assert len(children) == 1


_ORPHAN = """
import sys
from saring.extract import BoundedExtractor
extractor = BoundedExtractor("fast", timeout=600.0)
extractor.extract("<p>siap</p>", None)
print(extractor._process.pid, flush=True)
extractor.extract("<html><body>" + "<div>" * 200_000 + "x" + "</div>" * 200_000, None)
"""


def _alive(pid: int) -> bool:
    """Return whether a process runs (a zombie waiting to be reaped does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_extraction_child_dies_with_its_parent_even_mid_extraction() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    time.sleep(0.5)  # the child is now deep in a page that takes minutes
    assert _alive(child)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(child):
        os.kill(child, signal.SIGKILL)
        pytest.fail("the extraction child outlived its parent")


def test_a_crashed_child_is_an_extract_error_and_the_next_page_gets_a_new_one() -> None:
    from saring.extract import BoundedExtractor, Extraction, Failure

    extractor = BoundedExtractor("fast", timeout=30.0)
    try:
        assert isinstance(extractor.extract(f"<p>{ARTICLE[0]}</p>", None), Extraction)
        process = extractor._process
        assert process is not None
        # An engine that dies on a page (a segfault, the OOM killer) ends only the child.
        deep = "<html><body>" + "<div>" * 200_000 + "x" + "</div>" * 200_000
        killer = threading.Timer(0.5, os.kill, (process.pid, signal.SIGKILL))
        killer.start()
        crashed = extractor.extract(deep, None)
        killer.join()
        assert isinstance(crashed, Failure)
        assert crashed.reason == "invalid/extract_error"
        after = extractor.extract(f"<p>{ARTICLE[1]}</p>", None)
        assert isinstance(after, Extraction)
        assert after.text == ARTICLE[1]
        assert extractor._process is not None
        assert extractor._process.pid != process.pid
    finally:
        extractor.close()
