"""Near-duplicate removal: clusters, the copy kept, mirror domains, URL duplicates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

import saring
from conftest import SEED, article, read_rows, write_jsonl
from saring import (
    Document,
    FindCredits,
    JsonlReader,
    LocalExecutor,
    NearDedup,
    NormalizeUnicode,
    NormalizeWhitespace,
    Pipeline,
    RemovePhraseLines,
    RemoveSiteTemplates,
)
from saring.dedup.urls import normalize_url, page_urls

SEED_BODY = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
SEED_ORIGINAL = "\n".join(
    line
    for line in SEED_BODY.split("\n")
    if not line.startswith(("Baca juga", "Cek berita", "Terkini", "Tautan"))
)


def run(
    tmp_path: Path, rows: list[dict[str, Any]], workers: int = 1, **near: Any
) -> dict[str, Any]:
    source = write_jsonl(tmp_path / "in.jsonl", list(rows))
    steps = [
        FindCredits(),
        NormalizeUnicode(),
        RemovePhraseLines(),
        RemoveSiteTemplates(),
        NormalizeWhitespace(),
        NearDedup(**near),
    ]
    out = tmp_path / f"out-{workers}"
    saring.run(Pipeline(JsonlReader([str(source)]), steps, output=str(out)), LocalExecutor(workers))
    kept = {
        r["id"]: {**r, "metadata": orjson.loads(r["metadata"])} for r in read_rows(out / "docs")
    }
    removed = {r["id"]: r for r in read_rows(out / "removed")}
    domains = (
        orjson.loads((out / "domains.json").read_bytes()) if (out / "domains.json").exists() else {}
    )
    return {"kept": kept, "removed": removed, "domains": domains, "out": out}


def test_the_seed_mirror_loses_to_the_original_publisher(tmp_path: Path) -> None:
    rows = [
        {"id": "mirror", "url": "https://visitaaponce.com/putin-xi", "text": SEED_BODY},
        {"id": "other", "url": "https://kompas.com/a", "text": article(1)},
        {
            "id": "original",
            "url": "https://mediaindonesia.com/internasional/1",
            "text": SEED_ORIGINAL,
        },
    ]
    result = run(tmp_path, rows)
    assert set(result["kept"]) == {"other", "original"}
    assert result["removed"]["mirror"]["reason"] == "dedup/exact"
    assert result["removed"]["mirror"]["duplicate_of"] == "original"
    assert result["kept"]["original"]["metadata"]["cluster_size"] == 2
    mirror = result["domains"]["visitaaponce.com"]
    assert mirror["mirror_of"] == "mediaindonesia.com"
    assert mirror["credits"] == {"mediaindonesia.com": 1}
    assert result["domains"]["mediaindonesia.com"]["mirror_of"] is None


def mirror_site(n: int) -> str:
    return (
        f"KABARKINI.NET - Portal Berita Terpercaya\n\n{article(n)}\n\nDukung kami di kabarkini.net"
    )


def test_a_mirror_domain_is_flagged_and_its_copies_point_at_the_originals(tmp_path: Path) -> None:
    copies = [
        {"id": f"copy-{n}", "url": f"https://kabarkini.net/{n}", "text": mirror_site(n)}
        for n in range(6)
    ]
    originals = [
        {"id": f"asli-{n}", "url": f"https://www.kompas.com/read/{n}", "text": article(n)}
        for n in range(10)
    ]
    # The copies come first in the input: input order alone would keep them. Their header and
    # footer are learned as the mirror's template lines, so what is left are exact copies.
    result = run(tmp_path, copies + originals)
    assert set(result["kept"]) == {f"asli-{n}" for n in range(10)}
    for n in range(6):
        removed = result["removed"][f"copy-{n}"]
        assert removed["reason"] == "dedup/exact"
        assert removed["duplicate_of"] == f"asli-{n}"
        assert orjson.loads(removed["metadata"])["cluster_id"] == f"asli-{n}"
    domains = result["domains"]
    assert domains["kabarkini.net"]["mirror_of"] == "kompas.com"
    assert domains["kabarkini.net"]["mirror_score"] == 1.0
    assert domains["kompas.com"]["documents"] == 10
    assert domains["kompas.com"]["mirror_of"] is None


def test_drop_mirror_domains_removes_their_other_pages_too(tmp_path: Path) -> None:
    copies = [
        {"id": f"copy-{n}", "url": f"https://kabarkini.net/{n}", "text": mirror_site(n)}
        for n in range(6)
    ]
    own = {"id": "own", "url": "https://kabarkini.net/own", "text": mirror_site(99)}
    originals = [
        {"id": f"asli-{n}", "url": f"https://kompas.com/{n}", "text": article(n)} for n in range(10)
    ]
    result = run(tmp_path, [*copies, own, *originals], drop_mirror_domains=True)
    assert result["removed"]["own"]["reason"] == "dedup/mirror_domain"
    assert set(result["kept"]) == {f"asli-{n}" for n in range(10)}


def edited(text: str) -> dict[str, str]:
    words = text.split()
    return {
        "rewrapped": "\n".join(" ".join(words[i : i + 9]) for i in range(0, len(words), 9)),
        "truncated": " ".join(words[: int(len(words) * 0.8)]),
        "reworded": text.replace("dan", "serta").replace("di", "pada", 2),
        "footer": text + "\n\nSimak berita lainnya hanya di portal kami setiap hari.",
    }


@pytest.mark.parametrize("exact_verify", [False, True])
def test_edited_copies_are_found_and_unrelated_articles_are_not(
    tmp_path: Path, exact_verify: bool
) -> None:
    original = article(7) + " " + article(8)
    rows = [{"id": "asli", "url": "https://detik.com/1", "text": original, "date": "2024-05-01"}]
    rows += [
        {"id": kind, "url": f"https://{kind}.co.id/1", "text": text, "date": "2024-05-02"}
        for kind, text in edited(original).items()
    ]
    rows += [
        {"id": f"lain-{n}", "url": f"https://lain.id/{n}", "text": article(n)}
        for n in range(20, 30)
    ]
    result = run(tmp_path, rows, exact_verify=exact_verify)
    # Re-wrapping and a footer the phrase lists remove leave the same words: an exact copy.
    assert {r: row["reason"] for r, row in result["removed"].items()} == {
        "rewrapped": "dedup/exact",
        "footer": "dedup/exact",
        "truncated": "dedup/near",
        "reworded": "dedup/near",
    }
    assert all(row["duplicate_of"] == "asli" for row in result["removed"].values())
    assert {f"lain-{n}" for n in range(20, 30)} <= set(result["kept"])


def test_same_url_keeps_the_most_complete_copy(tmp_path: Path) -> None:
    text = article(3)
    rows = [
        {"id": "v1", "url": "https://www.tempo.co/read/3?utm_source=wa", "text": text[:200]},
        {"id": "v2", "url": "https://tempo.co/read/3/", "text": text},
    ]
    result = run(tmp_path, rows)
    assert set(result["kept"]) == {"v2"}
    assert result["removed"]["v1"]["reason"] == "dedup/url"
    assert result["removed"]["v1"]["duplicate_of"] == "v2"


def test_the_earliest_dated_copy_is_kept_between_equal_sites(tmp_path: Path) -> None:
    rows = [
        {"id": "late", "url": "https://a.id/1", "text": article(5), "date": "2024-03-02"},
        {"id": "early", "url": "https://b.id/1", "text": article(5), "date": "2024-03-01T08:00:00"},
    ]
    result = run(tmp_path, rows)
    assert set(result["kept"]) == {"early"}
    assert result["removed"]["late"]["duplicate_of"] == "early"


def test_near_dedup_is_the_same_with_one_and_two_workers(tmp_path: Path) -> None:
    rows = [
        {"id": f"d{n}", "url": f"https://s{n % 3}.id/{n}", "text": article(n % 7)}
        for n in range(30)
    ]
    outputs = []
    for workers in (1, 2):
        folder = tmp_path / f"in-{workers}"
        folder.mkdir()
        for part in range(3):  # three input files: three shards, so two workers really run
            write_jsonl(folder / f"part-{part}.jsonl", list(rows[part::3]))
        out = tmp_path / f"out-{workers}"
        reader = JsonlReader([str(folder)])
        pipeline = Pipeline(reader, [NearDedup()], output=str(out), shard_bytes=0)
        saring.run(pipeline, LocalExecutor(workers))
        outputs.append(out)
    for part in ("docs", "removed"):
        files = sorted(p.name for p in (outputs[0] / part).iterdir())
        assert len(files) >= 3
        assert files == sorted(p.name for p in (outputs[1] / part).iterdir())
        for name in files:
            assert (outputs[0] / part / name).read_bytes() == (
                outputs[1] / part / name
            ).read_bytes()
    assert len(read_rows(outputs[0] / "docs")) == 7


def test_pages_of_one_article_are_not_url_duplicates(tmp_path: Path) -> None:
    rows = [
        {"id": f"hal-{n}", "url": f"https://www.kompas.com/read/x?page={n}", "text": article(n)}
        for n in range(1, 4)
    ]
    result = run(tmp_path, rows)
    assert set(result["kept"]) == {"hal-1", "hal-2", "hal-3"}


def test_a_canonical_url_naming_the_front_page_does_not_name_the_page() -> None:
    def doc(canonical: str) -> Document:
        return Document(
            id="x", text="", url="https://site.id/a/1", metadata={"canonical_url": canonical}
        )

    assert page_urls(doc("https://www.site.id/")) == {"site.id/a/1"}
    assert page_urls(doc("https://site.id/asli/1")) == {"site.id/a/1", "site.id/asli/1"}


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://www.kompas.com/read/1/?utm_source=fb&page=2", "kompas.com/read/1?page=2"),
        ("http://m.detik.com/berita/2/amp", "detik.com/berita/2"),
        ("https://tempo.co/a/index.html?id=5&fbclid=x", "tempo.co/a?id=5"),
    ],
)
def test_normalize_url(url: str, normal: str) -> None:
    assert normalize_url(url) == normal


def kept_after(pipeline_input: list[Path], out: Path, **near: Any) -> tuple[set[str], Path]:
    steps = [NormalizeWhitespace(), NearDedup(**near)]
    reader = JsonlReader([str(p) for p in pipeline_input])
    saring.run(Pipeline(reader, steps, output=str(out)), LocalExecutor(workers=2))
    return {str(r["id"]) for r in read_rows(out / "docs")}, out


def test_incremental_dedup_keeps_what_deduping_everything_together_keeps(tmp_path: Path) -> None:
    old = [{"id": f"lama-{n}", "url": f"https://a.id/{n}", "text": article(n)} for n in range(12)]
    old += [{"id": "lama-copy", "url": "https://b.id/copy", "text": article(2) + " Tambahan."}]
    old += [
        {"id": "lama-later", "url": "https://c.id/9", "text": article(40), "date": "2024-06-02"}
    ]
    new = [
        {"id": f"baru-{n}", "url": f"https://d.id/{n}", "text": article(n)} for n in range(8, 20)
    ]
    new += [
        {"id": "baru-earlier", "url": "https://e.id/1", "text": article(40), "date": "2024-06-01"}
    ]
    new += [{"id": "baru-dup", "url": "https://f.id/1", "text": article(15)}]
    first = write_jsonl(tmp_path / "a-lama.jsonl", list(old))
    second = write_jsonl(tmp_path / "b-baru.jsonl", list(new))

    together, _ = kept_after([first, second], tmp_path / "together")
    kept_old, old_out = kept_after([first], tmp_path / "old", save_index=True)
    kept_new, new_out = kept_after([second], tmp_path / "new", index=(str(old_out),))
    superseded = orjson.loads((new_out / "superseded.json").read_bytes())

    assert {s["id"] for s in superseded} == {"lama-later"}
    assert superseded[0]["duplicate_of"] == "baru-earlier"
    assert (kept_old - {s["id"] for s in superseded}) | kept_new == together
    removed = {r["id"]: r for r in read_rows(new_out / "removed")}
    assert removed["baru-8"]["duplicate_of"] == "lama-8"
    assert removed["baru-dup"]["duplicate_of"] == "baru-15"
    assert "baru-earlier" in kept_new


def test_an_index_needs_documents_saved_with_it(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": article(1)}])
    _, plain = kept_after([source], tmp_path / "plain")
    with pytest.raises(Exception, match="no saved dedup index"):
        kept_after([source], tmp_path / "again", index=(str(plain),))


def test_exact_jaccard_of_shingle_sets() -> None:
    from saring.dedup.minhash import jaccard, shingle_set

    text = article(1)
    assert jaccard(shingle_set(text, 5), shingle_set(text, 5)) == 1.0
    words = text.split()
    half = " ".join(words[: len(words) // 2])
    # The first half holds about half of the 5-grams of the whole.
    assert 0.4 < jaccard(shingle_set(half, 5), shingle_set(text, 5)) < 0.6
    assert jaccard(shingle_set(article(1), 5), shingle_set(article(2), 5)) < 0.3


def test_superseded_lists_earlier_documents_in_the_order_of_the_earlier_output(
    tmp_path: Path,
) -> None:
    # Twelve articles crawled late last month; this month brings each one's earlier original,
    # in the opposite order. superseded.json follows the earlier output, as one process did.
    old = [
        {"id": f"lama-{n}", "url": f"https://salin.id/{n}", "text": article(50 + n),
         "date": "2024-06-09"}
        for n in range(12)
    ]  # fmt: skip
    new = [
        {"id": f"asli-{n}", "url": f"https://asli.id/{n}", "text": article(50 + n),
         "date": "2024-06-01"}
        for n in reversed(range(12))
    ]  # fmt: skip
    old_in = tmp_path / "old-in"
    old_in.mkdir()
    for part in range(3):
        write_jsonl(old_in / f"part-{part}.jsonl", list(old[part * 4 : part * 4 + 4]))
    second = write_jsonl(tmp_path / "baru.jsonl", list(new))
    kept_old, old_out = kept_after([old_in], tmp_path / "old", save_index=True)
    assert kept_old == {f"lama-{n}" for n in range(12)}
    _, new_out = kept_after([second], tmp_path / "new", index=(str(old_out),))
    superseded = orjson.loads((new_out / "superseded.json").read_bytes())
    assert [s["id"] for s in superseded] == [f"lama-{n}" for n in range(12)]
    assert [s["duplicate_of"] for s in superseded] == [f"asli-{n}" for n in range(12)]
    assert {s["reason"] for s in superseded} == {"dedup/exact"}
