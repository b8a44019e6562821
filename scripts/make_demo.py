"""Build the demo corpus shipped in ``saring/data/demo`` from IndoSum and the seed page.

Usage: python scripts/make_demo.py SHARED_DATA_DIR SEED_FILE

IndoSum (Kurniawan & Louvan, 2018; CC-BY-SA-4.0) gives real Indonesian news articles with
their own "Baca juga" lines and site footers. To them the script adds what a crawl also
yields: the seed page (an article mirrored on an unrelated domain, with footer lines), wire
copies of some articles on another outlet (other footer, non-breaking spaces, an inserted
related-link line), a mirror site that republishes CNN Indonesia articles inside its own
header and footer, the original of the seed article on its publisher's site, and unusable
records (a broken JSON line, invalid UTF-8, an empty text, a photo caption too short to be an
article). The output is deterministic.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src" / "saring" / "data" / "demo"
PER_FILE = 60


def detokenize(tokens: list[str]) -> str:
    """Return IndoSum's space-joined tokens as ordinary text."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return text


def article(record: dict[str, Any]) -> dict[str, Any]:
    paragraphs = [" ".join(detokenize(s) for s in para) for para in record["paragraphs"]]
    return {
        "id": f"indosum-{record['id']}",
        "url": record["source_url"],
        "text": "\n\n".join(paragraphs),
        "source": record["source"],
        "category": record["category"],
    }


def wire_copy(original: dict[str, Any], n: int) -> dict[str, Any]:
    paragraphs = original["text"].split("\n\n")
    paragraphs.insert(min(2, len(paragraphs)), "Baca juga:\u00a0Harga Cabai Naik Jelang Lebaran")
    text = "\n\n".join(paragraphs).replace(" dan ", "\u00a0dan ", 3)
    text += "\n\n\nDapatkan update berita pilihan setiap hari di aplikasi kami\nTag"
    return {
        "id": f"wire-copy-{n}",
        "url": f"https://portal-berita.example/read/{n}",
        "text": text,
        "source": "portal-berita",
    }


MIRROR_HEADER = "KABARVIRAL.NET - Berita Terkini Hari Ini"
MIRROR_FOOTER = "Jangan lupa bagikan artikel ini dan kunjungi kabarviral.net setiap hari"


def mirror_copy(original: dict[str, Any], n: int) -> dict[str, Any]:
    """Return the article as a mirror site serves it: its own header and footer around it."""
    text = f"{MIRROR_HEADER}\n\n{original['text']}\n\n{MIRROR_FOOTER}"
    return {"id": f"mirror-{n}", "url": f"https://kabarviral.net/p/{n}", "text": text}


def write(path: Path, lines: list[bytes]) -> None:
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        for line in lines:
            out.write(line + b"\n")


def encode(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def main(shared: str, seed: str) -> None:
    folds = [Path(shared) / "indosum-dev" / f"dev.0{i}.jsonl.gz" for i in (1, 2)]
    first, second = (
        [article(json.loads(line)) for line in gzip.decompress(f.read_bytes()).splitlines()][
            :PER_FILE
        ]
        for f in folds
    )
    host, _, body = Path(seed).read_text(encoding="utf-8").partition("\n")
    seed_record = {"id": "seed-mirror", "domain": host.strip(), "text": body}
    # The same article on its publisher's site: no mirror's footer naming mediaindonesia.com.
    original = "\n".join(
        line for line in body.split("\n") if not line.startswith(("Cek berita", "Tautan"))
    )
    seed_original = {
        "id": "mediaindonesia-putin-xi",
        "url": "https://mediaindonesia.com/internasional/521960/putin-dan-xi-jinping-bertemu",
        "text": original,
    }
    lines_1 = [encode(r) for r in first] + [
        encode(seed_record),
        b'{"id": "broken-json", "text": "Jakarta - Pemerintah menaikkan',
        b'{"id": "bad-utf8", "text": "Harga minyak goreng \xff\xfe naik"}',
        encode({"id": "empty", "text": "   "}),
        encode({"id": "caption", "text": "Foto: Presiden Joko Widodo di Istana Merdeka."}),
    ]
    cnn = [r for r in first if "cnnindonesia.com" in r["url"]][:6]
    lines_2 = (
        [encode(r) for r in second]
        + [encode(wire_copy(first[i], n)) for n, i in enumerate((3, 11, 27, 42, 58))]
        + [encode(mirror_copy(r, n)) for n, r in enumerate(cnn)]
        + [encode(seed_original)]
    )
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "news-1.jsonl.gz", lines_1)
    write(OUT / "news-2.jsonl.gz", lines_2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
