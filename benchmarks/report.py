"""Time and size of ``saring report`` on a run of 100,000 documents.

Usage: python benchmarks/report.py [--docs N] [--tasks T] [--run OUT] [--real] [--data DIR]

A real run of 100,000 documents takes too long on this project's 2-core machines, so the
script builds a synthetic run folder of that size the way a run builds it: it offers every
document (realistic signals, 14 languages, 3,000 domains, texts of 1-6 KB, drop reasons in
the news preset's proportions, duplicates with their kept twins) to one ``Sample`` per task,
merges the tasks' samples and writes ``sample.json``, ``stats.json``, ``domains.json`` and
``config.toml``. It then times ``saring report`` as a command (Python start-up included) and
prints the page's size, next to the same for a run of 1,000 documents: the report reads only
these files, so its time and size should not grow with the corpus.

``--run OUT`` also times the report of an existing run folder; ``--real`` runs the news preset
on the shared IndoSum and Malay news corpora first (about 11,800 articles) and times that.
It also prints what offering a document to the sample costs next to serialising it as JSON
(what the writer does for every document anyway).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

import saring
from saring import JsonlReader, LocalExecutor, Pipeline, config
from saring.document import Document, Dropped, to_record
from saring.presets import news
from saring.sample import SAMPLE_FILE, Sample, merge_samples

POOL = (
    "pemerintah provinsi jakarta memperpanjang masa pemberlakuan hingga akhir tahun "
    "evaluasi menunjukkan kemacetan ruas utama turun sekitar persen selama tiga bulan "
    "petugas dinas perhubungan tetap berjaga sejumlah titik untuk memastikan warga mematuhi "
    "aturan harga cabai rawit pasar induk naik menjadi ribu rupiah per kilogram kerajaan "
    "negeri menteri berkata rakyat malaysia kuala lumpur"
)
WORDS = POOL.split()
LANGS = [("id", 0.6), ("ms", 0.25), ("en", 0.06), ("jv", 0.03), ("su", 0.02), ("min", 0.01)]
RARE = ["tl", "fr", "nl", "de", "ar", "zh", "und", "vi"]
REASONS = [
    ("quality/gopher_word_count", 0.030),
    ("quality/gopher_alpha_words", 0.010),
    ("quality/gopher_stop_words", 0.008),
    ("quality/gopher_top_ngram", 0.004),
    ("quality/gopher_dup_ngram", 0.003),
    ("quality/fineweb_line_punct", 0.012),
    ("quality/fineweb_short_lines", 0.006),
    ("dedup/exact", 0.040),
    ("dedup/url", 0.010),
    ("dedup/near", 0.060),
    ("invalid/json", 0.001),
    ("invalid/empty", 0.001),
]


def _lang(rng: random.Random) -> str:
    roll = rng.random()
    for lang, share in LANGS:
        if roll < share:
            return lang
        roll -= share
    return rng.choice(RARE)


def _doc(rng: random.Random, n: int, domains: list[str]) -> Document:
    lang = _lang(rng)
    words = max(5, int(rng.lognormvariate(5.5, 0.6)))
    text = "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(min(words, 60))).capitalize() + "."
        for _ in range(max(1, min(words, 900) // 60))
    )
    quality = {
        "gopher_quality": {
            "chars": len(text),
            "lang": lang,
            "words": words,
            "mean_word_length": round(rng.gauss(6.2, 0.5), 4),
            "hash_ratio": 0.0,
            "ellipsis_ratio": round(max(0.0, rng.gauss(0.002, 0.003)), 4),
            "bullet_lines": round(max(0.0, rng.gauss(0.01, 0.03)), 4),
            "ellipsis_lines": round(max(0.0, rng.gauss(0.01, 0.02)), 4),
            "alpha_words": round(min(1.0, rng.gauss(0.97, 0.03)), 4),
            "stop_words": rng.randrange(0, 30),
        },
        "gopher_repetition": {
            "chars": len(text),
            "dup_lines": round(max(0.0, rng.gauss(0.01, 0.03)), 4),
            "dup_paragraphs": round(max(0.0, rng.gauss(0.01, 0.03)), 4),
            "dup_line_chars": round(max(0.0, rng.gauss(0.01, 0.02)), 4),
            "dup_paragraph_chars": round(max(0.0, rng.gauss(0.01, 0.02)), 4),
            "top_ngram": {str(k): round(abs(rng.gauss(0.04, 0.02)), 4) for k in (2, 3, 4)},
            "dup_ngram": {str(k): round(abs(rng.gauss(0.02, 0.03)), 4) for k in range(5, 11)},
        },
        "fineweb": {
            "chars": len(text),
            "short_line_chars": 30,
            "line_punct": round(min(1.0, rng.gauss(0.9, 0.1)), 4),
            "short_lines": round(max(0.0, rng.gauss(0.1, 0.1)), 4),
            "char_dup": round(max(0.0, rng.gauss(0.005, 0.01)), 4),
            "newline_ratio": round(max(0.0, rng.gauss(0.03, 0.02)), 4),
        },
    }
    domain = domains[min(int(rng.paretovariate(1.1)) - 1, len(domains) - 1)]
    return Document(
        id=f"{domain}-{n:07d}",
        text=text,
        url=f"https://{domain}/berita/{n}",
        lang=lang,
        lang_score=round(min(1.0, rng.betavariate(20, 1)), 4),
        metadata={"quality": quality, "source_file": f"part-{n % 64:03d}.jsonl", "source_line": n},
    )


def build_run(out: Path, docs: int, tasks: int) -> float:
    """Write a synthetic run folder of ``docs`` documents; return the seconds spent offering."""
    rng = random.Random(docs)
    domains = [f"portal{n}.example" for n in range(3000)]
    samples = [Sample() for _ in range(tasks)]
    dropped: dict[str, int] = {}
    offering = 0.0
    kept_ids: list[str] = []
    for n in range(docs):
        doc = _doc(rng, n, domains)
        roll, reason = rng.random(), None
        for name, share in REASONS:
            if roll < share:
                reason = name
                break
            roll -= share
        sample = samples[n % tasks]
        started = time.perf_counter()
        if reason is None:
            if rng.random() < 0.1:
                doc.metadata["cluster_size"] = 2
                kept_ids.append(doc.id)
            sample.offer_kept(doc)
        else:
            twin = rng.choice(kept_ids) if reason.startswith("dedup/") and kept_ids else None
            sample.offer_removed(Dropped(doc, reason, twin))
            dropped[reason] = dropped.get(reason, 0) + 1
        offering += time.perf_counter() - started
    out.mkdir(parents=True)
    merged = merge_samples(
        Sample.from_dict(orjson.loads(orjson.dumps(s.to_dict()))) for s in samples
    )
    (out / SAMPLE_FILE).write_bytes(orjson.dumps(merged.compact()))
    pipeline = Pipeline(JsonlReader(["crawl/"]), news(), output=str(out))
    (out / "config.toml").write_text(config.dumps(pipeline, LocalExecutor(workers=2)))
    removed = sum(dropped.values())
    names = [named.name for named in pipeline.flat_steps()]
    steps = [{"name": "read", "docs_in": docs, "docs_out": docs, "dropped": {}}]
    left = docs
    for name in names:
        mine = {
            r: n
            for r, n in dropped.items()
            if (r.startswith("quality/gopher") and name == "GopherQualityFilter")
            or (r.startswith("quality/fineweb") and name == "FineWebQualityFilter")
            or (r.startswith("dedup/") and name == "ClusterDuplicates")
            or (r.startswith("invalid/") and name == "read")
        }
        steps.append(
            {"name": name, "docs_in": left, "docs_out": left - sum(mine.values()), "dropped": mine}
        )
        left -= sum(mine.values())
    invalid = {r: n for r, n in dropped.items() if r.startswith("invalid/")}
    steps[0]["dropped"] = invalid
    steps[0]["docs_out"] = docs - sum(invalid.values())
    counters = {f"lines_removed/{d}": rng.randrange(1, 500) for d in domains[:200]}
    for step in steps:
        step.update({"lines_removed": {}, "counters": {}, "seconds": 1.0})
        if step["name"] == "RemoveSiteTemplates":
            step["counters"] = {**counters, "template_lines_learned": 600}
            step["lines_removed"] = {"clean/site_template": sum(counters.values())}
    stats = {
        "saring": saring.__version__,
        "input": {"files": 64, "bytes": docs * 3000, "documents": docs},
        "kept": docs - removed,
        "removed": removed,
        "removed_by_reason": dict(sorted(dropped.items())),
        "lines_removed_by_reason": {"clean/site_template": sum(counters.values())},
        "stages": [names],
        "reports": ["domains"],
        "steps": steps,
        "seconds": docs / 300,
    }
    (out / "stats.json").write_bytes(orjson.dumps(stats))
    mirrors = {
        d: {
            "documents": 40,
            "mirror_of": domains[0],
            "mirror_score": 0.9,
            "shared_with": {domains[0]: 36},
            "credits": {},
            "published_after": {domains[0]: 30},
            "copied_from": domains[0],
        }
        for d in domains[2000:2400]
    }
    (out / "domains.json").write_bytes(orjson.dumps(mirrors))
    return offering


def time_report(out: Path) -> tuple[float, int]:
    """Run ``saring report OUT`` as a command; return its wall time and the page's size."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "saring.cli", "report", str(out)], check=True, capture_output=True
    )
    return time.perf_counter() - started, (out / "report.html").stat().st_size


def offer_cost(docs: int = 20_000) -> tuple[float, float]:
    """Return seconds per document of offering to a sample and of JSON-serialising it."""
    rng = random.Random(1)
    domains = [f"portal{n}.example" for n in range(3000)]
    items = [_doc(rng, n, domains) for n in range(docs)]
    sample = Sample()
    started = time.perf_counter()
    for doc in items:
        sample.offer_kept(doc)
    offered = time.perf_counter() - started
    started = time.perf_counter()
    for doc in items:
        orjson.dumps(to_record(doc))
    dumped = time.perf_counter() - started
    return offered / docs, dumped / docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=64, help="map tasks whose samples merge")
    parser.add_argument("--run", help="also time the report of this finished run folder")
    parser.add_argument(
        "--real", action="store_true", help="also run the news preset on the shared corpora"
    )
    parser.add_argument("--data", help="the shared data folder (with --real)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for docs in (1_000, args.docs):
            out = Path(tmp) / f"run-{docs}"
            offering = build_run(out, docs, args.tasks)
            seconds, size = time_report(out)
            sample_kb = (out / SAMPLE_FILE).stat().st_size / 1e3
            results[docs] = (seconds, size)
            print(
                f"synthetic run of {docs:>7,} documents: saring report {seconds:5.2f} s, "
                f"report.html {size / 1e6:.2f} MB, sample.json {sample_kb:,.0f} KB "
                f"(offering every document to the sample: {offering:.1f} s)"
            )
        small, big = results[1_000], results[args.docs]
        print(
            f"{args.docs:,} vs 1,000 documents: time {big[0] / small[0]:.2f}x, "
            f"size {big[1] / small[1]:.2f}x"
        )
        per_offer, per_dump = offer_cost()
        print(
            f"offering one document to the sample: {per_offer * 1e6:.0f} us; serialising it "
            f"as JSON: {per_dump * 1e6:.0f} us ({per_offer / per_dump:.1f}x)"
        )
        if args.real:
            sys.path.insert(0, os.path.dirname(__file__))
            from common import data_folder, indosum, malay_news, write_jsonl

            folder = Path(tmp) / "in"
            folder.mkdir()
            count = write_jsonl(
                folder / "indosum.jsonl", indosum(data_folder(args.data, "indosum-dev"))
            )
            malay = malay_news(data_folder(args.data, "malay-news-2018"))
            count += write_jsonl(folder / "malay.jsonl", (r for r in malay if r.get("text")))
            out = Path(tmp) / "real"
            pipeline = Pipeline(JsonlReader([str(folder)]), news(), output=str(out))
            saring.run(pipeline, LocalExecutor(workers=2))
            seconds, size = time_report(out)
            print(f"real run of {count:,} documents: saring report {seconds:.2f} s, ", end="")
            print(f"report.html {size / 1e6:.2f} MB")
    if args.run:
        seconds, size = time_report(Path(args.run))
        print(f"{args.run}: saring report {seconds:.2f} s, report.html {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
