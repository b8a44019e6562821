"""Article extraction: saring's quality and fast modes against trafilatura and resiliparse.

Two sets, both read from a data folder (``../shared/data`` beside the repository by default):

- ``article-extraction-benchmark`` (Zyte; 181 English news pages with human-written article
  bodies, MIT). Scores follow its ``evaluate.py``: texts are cut into ``\\w+`` tokens; per
  page, true/false positives and false negatives are counted over the multiset of token
  n-grams of the extracted and gold bodies and normalised to sum to 1; precision is the mean
  over pages with any prediction, recall the mean over pages with any gold text, F1 the
  harmonic mean of the two means. ``P/R/F1`` use single tokens; ``F1(4)`` 4-token shingles
  (the benchmark's published figures).
- ``trafilatura-eval`` (949 pages of many kinds and languages, trafilatura's own set,
  Apache-2.0). Scored as its README and trafilatura's ``tests/evaluate.py`` do: a ``with``
  snippet found in the output is a true positive, one missing a false negative; a
  ``without`` snippet found is a false positive; P/R/F1 over all snippets of all pages.

Tuning: saring's extraction shares and boilerplate cues were chosen on the even-numbered
pages (by sorted file name) of trafilatura-eval. ``F1 tune`` is that half, ``F1 held`` the
odd-numbered half, which played no part. The cues were read off the tuning half only; the
news set's whole-set scores were looked at when choosing the shares, so on that set the
halves are printed for comparison, not as an untouched test.

Every system is called the same way: a function from the page's text (bytes decoded by
``saring.extract.decode_html``) and URL to the extracted text, in this process, after a
warm-up page; the systems take turns page by page, so that the shared machine's changing
load falls on all of them alike. trafilatura as ``extract(html, url=url,
include_comments=False)`` (``favor_precision=True`` for the precision row), resiliparse as
``extract_plain_text(html, main_content=True)``, saring as ``ENGINES[mode](html, url)``.
Below the table, saring's modes as the readers run them (through the bounded child process, one
request per page over a pipe), taking turns with trafilatura and resiliparse; and end to end:
``saring clean`` with the extract preset (extraction alone, the work the peers do: the targets
are judged on it) and with the lang preset (what turning pages into language-tagged text takes,
printed beside it), 2 workers and one task per file, on both sets' pages repeated ``--repeat``
times (4: 4,520 pages, so that start-up does not dominate) in 16 WARC files, a request record
before each response as crawlers write them; wall time of the whole command, against
trafilatura (quality) or resiliparse (fast) in one process on the same pages, measured just
before and just after each run, ``--rounds`` times over (3), each target judged on the median
of its rounds' ratios (``--modes fast`` or ``--modes quality`` runs one mode only). Before the
end-to-end runs the package's modules are compiled to bytecode (``compileall``), as ``pip``
does when it installs a wheel, so that a machine that writes no bytecode
(``PYTHONDONTWRITEBYTECODE``) does not charge every process the compilation of saring's
sources. The machine is shared: compare the ratios printed by one run rather than absolute
figures across runs. Where ``perf`` can count (Linux), each run's CPU time over all its
processes (main, fork server, workers, extraction children) is printed too, per page: less
sensitive to the load of others than wall time.

Usage: python benchmarks/extraction.py [DATA] [--no-clean | --only-clean] [--repeat N]
       [--rounds N] [--modes quality,fast]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
NEWS = "article-extraction-benchmark"
EVAL = "trafilatura-eval"
_TOKEN = re.compile(r"\w+")

Page = tuple[bytes, str | None]
"""A page's bytes and URL."""
Extract = Callable[[str, str | None], str]


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Return the multiset of n-token shingles of a text (the benchmark's ``_all_shingles``)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_counts(gold: str, found: str, n: int) -> tuple[float, float, float]:
    """Return a page's (tp, fp, fn) over n-token shingles, normalised to sum to 1."""
    true, pred = shingles(gold, n), shingles(found, n)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(pairs: list[tuple[str, str]], n: int) -> tuple[float, float, float]:
    """Return (precision, recall, F1) macro-averaged over pages as the news benchmark does."""
    counts = [page_counts(gold, found, n) for gold, found in pairs]
    precision = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in counts if tp + fp > 0
    )
    recall = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in counts if tp + fn > 0
    )
    return precision, recall, 2 * precision * recall / (precision + recall)


def snippet_scores(
    items: list[tuple[list[str], list[str], str]],
) -> tuple[float, float, float]:
    """Return (precision, recall, F1) over the snippets of (with, without, output) triples."""
    tp = fn = fp = 0
    for keep, leave, found in items:
        hits = sum(snippet in found for snippet in keep)
        tp += hits
        fn += len(keep) - hits
        fp += sum(snippet in found for snippet in leave)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = precision + recall
    return precision, recall, 2 * precision * recall / total if total else 0.0


def halves(keys: list[str]) -> tuple[set[str], set[str]]:
    """Return the tuning half (even positions in sorted order) and the held-out half."""
    ordered = sorted(keys)
    return set(ordered[0::2]), set(ordered[1::2])


class NewsSet:
    """The article-extraction benchmark: pages and gold article bodies."""

    name = NEWS

    def __init__(self, folder: Path) -> None:
        gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        self.pages: dict[str, Page] = {
            path.name.split(".")[0]: (gzip.decompress(path.read_bytes()), None)
            for path in sorted((folder / "html").glob("*.html.gz"))
        }
        self.gold = {key: value.get("articleBody") or "" for key, value in gold.items()}
        self.pages = {key: page for key, page in self.pages.items() if key in self.gold}

    def score(self, found: dict[str, str], keys: set[str]) -> tuple[float, ...]:
        """Return P, R, F1 (tokens) and F1(4) over the given pages."""
        pairs = [(self.gold[k], found[k]) for k in sorted(keys)]
        return (*scores(pairs, 1), scores(pairs, 4)[2])


class EvalSet:
    """trafilatura's evaluation set: pages and their with/without snippets."""

    name = EVAL

    def __init__(self, folder: Path) -> None:
        self.pages: dict[str, Page] = {}
        self.snippets: dict[str, tuple[list[str], list[str]]] = {}
        with open(folder / "evaldata.jsonl", encoding="utf-8") as lines:
            for line in lines:
                item = json.loads(line)
                raw = gzip.decompress((folder / item["file"]).read_bytes())
                self.pages[item["file"]] = (raw, item["url"])
                self.snippets[item["file"]] = (item["with"], item["without"])

    def score(self, found: dict[str, str], keys: set[str]) -> tuple[float, ...]:
        """Return snippet P, R and F1 over the given pages."""
        return snippet_scores([(*self.snippets[k], found[k]) for k in sorted(keys)])


def systems() -> dict[str, Extract]:
    """Return each system as a function from (page text, URL) to extracted text."""
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text

    from saring.extract import ENGINES

    def saring_mode(mode: str) -> Extract:
        return lambda html, url: ENGINES[mode](html, url).text

    return {
        "saring quality": saring_mode("quality"),
        "saring fast": saring_mode("fast"),
        "trafilatura": lambda html, url: (
            trafilatura.extract(html, url=url, include_comments=False) or ""
        ),
        "traf. precision": lambda html, url: (
            trafilatura.extract(html, url=url, include_comments=False, favor_precision=True) or ""
        ),
        "resiliparse": lambda html, url: extract_plain_text(html, main_content=True),
    }


def run_systems(
    makers: dict[str, Extract], pages: dict[str, tuple[str, str | None]]
) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Return each system's text per page and its pages per second.

    Systems are interleaved page by page (in an order that rotates from page to page), so
    that a change in the machine's load falls on all of them alike."""
    names = list(makers)
    first = next(iter(pages.values()))
    for extract in makers.values():
        extract(*first)  # warm-up: loads models and parsers
    found: dict[str, dict[str, str]] = {name: {} for name in names}
    spent = dict.fromkeys(names, 0.0)
    for n, (key, (html, url)) in enumerate(pages.items()):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            started = time.perf_counter()
            found[name][key] = makers[name](html, url)
            spent[name] += time.perf_counter() - started
    return found, {name: len(pages) / spent[name] for name in names}


def bounded(mode: str) -> Extract:
    """Return a saring mode through the bounded child process, as the readers run it."""
    from saring.extract import BoundedExtractor, Extraction

    extractor = BoundedExtractor(mode, timeout=60.0)

    def run(html: str, url: str | None) -> str:
        result = extractor.extract(html, url)
        return result.text if isinstance(result, Extraction) else ""

    return run


def write_warcs(pages: list[Page], folder: Path, files: int, repeat: int) -> int:
    """Write the pages ``repeat`` times (each copy its own URL) as gzipped WARC files, each
    page as a crawler stores it: a request record, then the HTML response; return how many
    pages were written."""
    from fastwarc.warc import WarcRecordType

    from batching import warc_record

    copies = [
        (raw, f"{url or 'https://example.org/page'}#copy-{n}-{copy}")
        for copy in range(repeat)
        for n, (raw, url) in enumerate(pages)
    ]
    for part in range(files):
        with open(folder / f"part-{part:02d}.warc.gz", "wb") as out:
            for raw, url in copies[part::files]:
                request = b"GET / HTTP/1.1\r\nUser-Agent: saring-bench\r\n\r\n"
                out.write(warc_record(url, request, WarcRecordType.request, "application/http"))
                out.write(warc_record(url, raw))
    return len(copies)


PRESETS = ("extract", "lang")
"""The presets ``saring clean`` runs end to end: ``extract`` (each page's text, metadata and
provenance, nothing changed or dropped but pages without text: the work the peers do, so the
one its targets are judged on) and ``lang`` (Unicode repair, whitespace, language ID: what
turning pages into language-tagged text takes)."""
CLEAN = ["--workers", "2", "--shard-bytes", "0", "--no-report"]
"""How ``saring clean`` runs: 2 workers, one task per WARC file, Parquet output, no report."""


def clean_rate(mode: str, folder: Path, pages: int, preset: str) -> tuple[float, float | None]:
    """Return pages/s of ``saring clean --preset PRESET`` (``CLEAN``) on the WARC files: wall
    time of the whole command (Python start-up, extraction children, writing included); and
    its CPU seconds per page over every process it starts (``perf stat``'s task clock), or
    ``None`` where perf cannot count."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        run = [sys.executable, "-m", "saring.cli"]
        command = [*run, "clean", str(folder), "-o", str(out), "--extractor", mode]
        command += ["--preset", preset, *CLEAN]
        counts = Path(tmp) / "perf.csv"
        perf = ["perf", "stat", "-x,", "-e", "task-clock", "-o", str(counts)]
        counted = _perf_counts()
        started = time.perf_counter()
        subprocess.run(
            [*perf, *command] if counted else command, check=True, stdout=subprocess.DEVNULL
        )
        rate = pages / (time.perf_counter() - started)
        cpu = None
        if counted:
            lines = [line for line in counts.read_text().splitlines() if "task-clock" in line]
            cpu = float(lines[0].split(",")[0]) / 1000 / pages if lines else None
        return rate, cpu


def _perf_counts() -> bool:
    """Return whether ``perf stat`` can count this user's processes' task clock here."""
    if shutil.which("perf") is None:
        return False
    check = subprocess.run(
        ["perf", "stat", "-x,", "-e", "task-clock", "true"], capture_output=True, check=False
    )
    return check.returncode == 0 and b"task-clock" in check.stderr


def end_to_end(
    every_page: list[Page],
    peers: dict[str, Extract],
    repeat: int,
    files: int,
    rounds: int,
    modes: tuple[str, ...] = ("quality", "fast"),
) -> None:
    """Print ``saring clean`` pages/s per mode against its peer's single-process pages/s
    (trafilatura for quality, resiliparse for fast), the peer measured on every page just
    before and just after each run, so that a change in the shared machine's load between
    runs falls on both sides of a ratio; ``rounds`` times over, each round running every
    configuration once, and each target judged on the median of its rounds' ratios."""
    decoded = {str(n): (decode(raw), url) for n, (raw, url) in enumerate(every_page)}
    peer_of = {"quality": "trafilatura", "fast": "resiliparse"}
    runs: dict[tuple[str, str], list[tuple[float, float, float | None]]] = {}
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "warc").mkdir()
        total = write_warcs(every_page, folder / "warc", files, repeat)
        for _ in range(rounds):
            for mode in modes:
                peer = {peer_of[mode]: peers[peer_of[mode]]}
                for preset in PRESETS:
                    before = run_systems(peer, decoded)[1][peer_of[mode]]
                    rate, cpu = clean_rate(mode, folder / "warc", total, preset)
                    after = run_systems(peer, decoded)[1][peer_of[mode]]
                    peer_rate = 2 / (1 / before + 1 / after)
                    runs.setdefault((mode, preset), []).append((rate, peer_rate, cpu))
    print(
        f"\nend to end on {total:,} pages ({repeat} copies of both sets, each copy its own URL)"
        f" in {files} gzipped WARC files, a request record before each response; each run"
        " against its peer in one process on both sets' pages, just before and just after it;"
        f" {rounds} round(s), the target judged on the median ratio:"
    )
    for preset in PRESETS:
        label = f"saring clean --preset {preset} {' '.join(CLEAN)}"
        print(f"  {label}:")
        for mode, target in (("quality", 1.5), ("fast", 0.6)):
            if mode not in modes:
                continue
            done = runs[(mode, preset)]
            ratios = [rate / peer_rate for rate, peer_rate, _ in done]
            each = ", ".join(
                f"{rate:.1f} pages/s = {rate / peer_rate:.2f}x ({peer_rate:.1f}"
                + (f"; CPU {cpu * 1000:.2f} ms/page" if cpu else "")
                + ")"
                for rate, peer_rate, cpu in done
            )
            middle = statistics.median(ratios)
            verdict = "holds" if middle >= target else "NOT met"
            judged = f"target >= {target}x: {verdict}" if preset == PRESETS[0] else "not judged"
            print(
                f"    --extractor {mode} against {peer_of[mode]} (its pages/s around the run"
                f" in brackets): {each}; median {middle:.2f}x ({judged})"
            )


def compile_package() -> None:
    """Compile saring's modules to bytecode where they are not yet (what ``pip`` does for an
    installed wheel; an editable install leaves it to the first import)."""
    import compileall

    import saring

    compileall.compile_dir(Path(saring.__file__).parent, quiet=1)


def decode(raw: bytes) -> str:
    """Return a page's text as saring decodes it."""
    from saring.extract import decode_html

    return decode_html(raw)[0]


def main(argv: list[str] | None = None) -> int:
    """Run every system over both sets and print the tables; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    runs = parser.add_mutually_exclusive_group()
    runs.add_argument("--no-clean", action="store_true", help="skip the saring clean runs")
    runs.add_argument(
        "--only-clean", action="store_true", help="only the saring clean runs (no F1 tables)"
    )
    parser.add_argument(
        "--repeat", type=int, default=4, help="copies of both sets in the end-to-end run (4)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="end-to-end rounds, judged on the median (3)"
    )
    parser.add_argument(
        "--modes",
        type=lambda value: tuple(value.split(",")),
        default=("quality", "fast"),
        help="saring modes run end to end (quality,fast)",
    )
    args = parser.parse_args(argv)
    if not args.modes or set(args.modes) - {"quality", "fast"}:
        parser.error(f"--modes takes quality, fast or both, not {','.join(args.modes)!r}")
    missing = [name for name in (NEWS, EVAL) if not (args.data / name).is_dir()]
    if missing:
        print(f"skipped: no {' or '.join(missing)} under {args.data}")
        return 0
    logging.disable(logging.CRITICAL)  # trafilatura warns on every page without an article
    from saring.extract import decode_html

    sets = (NewsSet(args.data / NEWS), EvalSet(args.data / EVAL))
    makers = systems()
    every_page = [page for data in sets for page in data.pages.values()]
    peers = {"trafilatura": makers["trafilatura"], "resiliparse": makers["resiliparse"]}
    if args.only_clean:
        end_to_end(every_page, peers, args.repeat, 16, args.rounds, args.modes)
        return 0
    f1: dict[tuple[str, str], float] = {}
    for data in sets:
        tune, held = halves(list(data.pages))
        every = tune | held
        decoded = {key: (decode_html(raw)[0], url) for key, (raw, url) in data.pages.items()}
        extra = f"{'F1(4)':>7}" if data.name == NEWS else ""
        print(f"\n{data.name}: {len(every)} pages (tune {len(tune)}, held out {len(held)})")
        columns = f"{'F1 tune':>9}{'F1 held':>9}{'pages/s':>9}"
        print(f"{'system':<17}{'P':>7}{'R':>7}{'F1':>7}{extra}{columns}")
        found_by, rate_by = run_systems(makers, decoded)
        for name in makers:
            found, rate = found_by[name], rate_by[name]
            p, r, f, *f4 = data.score(found, every)
            f1[(data.name, name)] = f
            shingled = f"{f4[0]:>7.3f}" if f4 else ""
            tuned, kept = data.score(found, tune)[2], data.score(found, held)[2]
            print(
                f"{name:<17}{p:>7.3f}{r:>7.3f}{f:>7.3f}{shingled}{tuned:>9.3f}{kept:>9.3f}"
                f"{rate:>9.1f}",
                flush=True,
            )
    print("\ntargets (F1 over all pages of each set):")
    for data in sets:
        quality = f1[(data.name, "saring quality")]
        fast = f1[(data.name, "saring fast")]
        default = f1[(data.name, "trafilatura")]
        precise = f1[(data.name, "traf. precision")]
        print(f"  {data.name}: quality - trafilatura = {quality - default:+.3f} (>= 0)")
        if data.name == NEWS:
            print(f"  {data.name}: quality - traf. precision = {quality - precise:+.3f} (>= 0)")
        print(f"  {data.name}: fast - trafilatura = {fast - default:+.3f} (>= -0.05)")
    decoded_all = {str(n): (decode_html(raw)[0], url) for n, (raw, url) in enumerate(every_page)}
    through = {"saring quality": bounded("quality"), "saring fast": bounded("fast"), **peers}
    rates = run_systems(through, decoded_all)[1]
    traf_rate, resi_rate = rates["trafilatura"], rates["resiliparse"]
    print(f"\nspeed over both sets ({len(every_page)} pages), one process, interleaved:")
    print(f"  trafilatura {traf_rate:.1f} pages/s, resiliparse {resi_rate:.1f} pages/s")
    for mode in ("quality", "fast"):
        rate = rates[f"saring {mode}"]
        print(
            f"  saring {mode} through the bounded child: {rate:.1f} pages/s "
            f"({rate / traf_rate:.2f}x trafilatura, {rate / resi_rate:.2f}x resiliparse)"
        )
    if not args.no_clean:
        end_to_end(every_page, peers, args.repeat, 16, args.rounds, args.modes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
