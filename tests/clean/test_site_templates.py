"""Site-template learning: recurring edge lines of a domain go, article text stays."""

from __future__ import annotations

from pathlib import Path

import orjson

import saring
from conftest import article, read_rows, write_jsonl
from saring import JsonlReader, LocalExecutor, Pipeline, RemoveSiteTemplates

PROMO = "SCROLL TO CONTINUE WITH CONTENT"
FOOTER = (
    "DailyBerita.id adalah portal berita startup dan inovasi teknologi. Kamu bisa menjadi "
    "member komunitas kami dan mengikuti berita terbaru setiap hari."
)
QUOTE = (
    '"Kami akan menindaklanjuti laporan ini secepatnya dan memanggil semua pihak terkait," '
    "kata Kepala Dinas Perhubungan DKI Jakarta."
)


def run(tmp_path: Path, rows: list[dict[str, object] | bytes], **params: object) -> dict[str, str]:
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    step = RemoveSiteTemplates(**params)  # type: ignore[arg-type]
    pipeline = Pipeline(JsonlReader([str(source)]), [step], output=str(tmp_path / "out"))
    saring.run(pipeline, LocalExecutor(workers=1))
    return {str(r["id"]): str(r["text"]) for r in read_rows(tmp_path / "out" / "docs")}


def page(n: int, domain: str, top: str = "", bottom: str = "") -> dict[str, object]:
    text = "\n\n".join(part for part in (top, article(n), bottom) if part)
    return {"id": f"{domain}-{n}", "text": text, "url": f"https://{domain}/berita/{n}"}


def test_a_line_recurring_on_many_pages_of_a_site_is_removed(tmp_path: Path) -> None:
    rows: list[dict[str, object] | bytes] = [
        page(n, "dailyberita.id", top=PROMO, bottom=FOOTER) for n in range(12)
    ]
    out = run(tmp_path, rows, record_lines=True)
    assert len(out) == 12
    assert all(PROMO not in text and FOOTER not in text for text in out.values())
    assert all(article(n) in out[f"dailyberita.id-{n}"] for n in range(12))
    stats = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    step = stats["steps"][-1]
    assert step["lines_removed"] == {"clean/site_template": 24}
    assert step["counters"]["lines_removed/dailyberita.id"] == 24
    assert step["counters"]["template_lines_learned"] == 2
    kept = read_rows(tmp_path / "out" / "docs")
    assert orjson.loads(kept[0]["metadata"])["removed_lines"] == [
        {"reason": "clean/site_template", "line": PROMO},
        {"reason": "clean/site_template", "line": FOOTER},
    ]


def test_templates_are_learned_per_domain(tmp_path: Path) -> None:
    rows: list[dict[str, object] | bytes] = [page(n, "a.id", top=PROMO) for n in range(6)]
    rows += [page(n, "b.id", top=PROMO) for n in range(10, 13)]
    out = run(tmp_path, rows)
    assert all(PROMO not in out[f"a.id-{n}"] for n in range(6))
    assert all(out[f"b.id-{n}"].startswith(PROMO) for n in range(10, 13))


def test_a_quote_shared_by_a_few_related_articles_stays(tmp_path: Path) -> None:
    rows: list[dict[str, object] | bytes] = [
        page(n, "kabar.id", top=QUOTE, bottom=PROMO) for n in range(6)
    ]
    out = run(tmp_path, rows)
    assert all(text.startswith(QUOTE) for text in out.values())
    assert all(PROMO not in text for text in out.values())


def test_a_duplicated_document_does_not_make_its_own_lines_a_template(tmp_path: Path) -> None:
    copies: list[dict[str, object] | bytes] = [
        {
            "id": f"copy-{i}",
            "text": f"Foto: Antara\n\n{article(1)}\n\nPenulis: Budi",
            "url": "https://x.id/1",
        }
        for i in range(8)
    ]
    out = run(tmp_path, copies)
    assert all(
        text.startswith("Foto: Antara") and text.endswith("Penulis: Budi") for text in out.values()
    )


def test_article_lines_in_the_middle_are_never_candidates(tmp_path: Path) -> None:
    shared = "Berikut susunan pemain kedua tim pada laga malam ini."
    rows: list[dict[str, object] | bytes] = []
    for n in range(12):
        paragraphs = [
            f"Paragraf {i} dari berita {n} tentang sepak bola nasional." for i in range(12)
        ]
        paragraphs.insert(6, shared)
        rows.append({"id": f"bola-{n}", "text": "\n".join(paragraphs), "url": "https://bola.id/x"})
    out = run(tmp_path, rows)
    assert all(shared in text for text in out.values())


def test_documents_without_domain_pass_unchanged(tmp_path: Path) -> None:
    rows: list[dict[str, object] | bytes] = [
        {"id": f"n{i}", "text": f"{PROMO}\n\n{article(i)}"} for i in range(6)
    ]
    out = run(tmp_path, rows)
    assert all(text.startswith(PROMO) for text in out.values())
