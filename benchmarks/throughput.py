"""Throughput of the news preset on 2 cores, with and without deduplication; and the same
runs with input and output on object storage.

Usage: python benchmarks/throughput.py [--data SHARED_DATA_DIR] [--workers N]
       [--input URL [--storage-option KEY=VALUE ...] | --input s3://BUCKET/PREFIX --moto]

Runs the news preset on the IndoSum dev folds and the Malay news crawl of the shared data
(about 11,800 articles, 34 MB of JSON Lines) and prints documents/s and input MB/s for the
whole run, then each step's share of the time.

With ``--input URL`` (``s3://bucket/prefix``, or any fsspec URL saring takes), the corpus is
uploaded under ``URL/in/`` and every run is made twice, taking turns: on local disk, and with
input and output on the store (``URL/out-…``); each remote line prints its time as a multiple
of the local run before it. ``--moto`` starts moto's S3 server on 127.0.0.1 (the dev extra)
and creates the bucket, so the remote runs reach no network. Timings on a shared machine vary
from run to run; compare figures from the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import saring
from common import data_folder, indosum, malay_news, write_jsonl
from saring import JsonlReader, LocalExecutor, NearDedup, Pipeline, storage
from saring.presets import news


@contextlib.contextmanager
def moto_server(bucket: str) -> Iterator[dict[str, Any]]:
    """Run moto's S3 server on loopback with a new bucket; yield the storage options."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    options = {"endpoint_url": f"http://{host}:{port}", "key": "bench", "secret": "bench"}
    try:
        storage.configure(options)
        fs, _ = storage.filesystem(f"s3://{bucket}")
        fs.mkdir(bucket)
        yield options
    finally:
        server.stop()


def upload(folder: Path, url: str) -> str:
    """Copy the corpus files under ``url/in/``; return that folder's URL."""
    target = storage.join(url, "in")
    for path in sorted(folder.iterdir()):
        storage.write_bytes(storage.join(target, path.name), path.read_bytes())
    return target


def run(
    label: str, source: str, out: str, steps: list[Any], workers: int, mb: float
) -> tuple[float, Any]:
    """Run one pipeline, print its line and return its wall time and summary."""
    pipeline = Pipeline(JsonlReader([source]), steps, output=out)
    started = time.perf_counter()
    summary = saring.run(pipeline, LocalExecutor(workers=workers))
    wall = time.perf_counter() - started
    print(
        f"{label:<34} {wall:6.1f} s  {summary.read / wall:7.0f} docs/s  "
        f"{mb / wall:5.2f} MB/s  kept {summary.kept:,}",
        end="",
    )
    return wall, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--input", help="also run with input and output under this URL")
    parser.add_argument("--storage-option", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--moto", action="store_true", help="serve --input from moto on loopback")
    args = parser.parse_args()
    remote = args.input.rstrip("/") if args.input else None
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        folder = Path(tmp) / "in"
        folder.mkdir()
        count = write_jsonl(
            folder / "indosum.jsonl", indosum(data_folder(args.data, "indosum-dev"))
        )
        malay = malay_news(data_folder(args.data, "malay-news-2018"))
        count += write_jsonl(folder / "malay.jsonl", (r for r in malay if r.get("text")))
        megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"input: {count:,} documents, {megabytes:.1f} MB, {args.workers} workers")
        options = dict(storage.parse_option(o) for o in args.storage_option)
        if remote and args.moto:
            bucket = remote.removeprefix("s3://").split("/")[0]
            options = {**stack.enter_context(moto_server(bucket)), **options}
        storage.configure(options)
        source = upload(folder, remote) if remote else None
        if remote:
            print(f"remote: {remote}/in/ (the same files), output under {remote}/")
        for label, steps in (
            ("news preset without dedup", [s for s in news() if not isinstance(s, NearDedup)]),
            ("news preset", news()),
        ):
            name = label.replace(" ", "-")
            local, summary = run(
                label, str(folder), str(Path(tmp) / name), steps, args.workers, megabytes
            )
            print()
            if source and remote:
                out = storage.join(remote, f"out-{name}")
                wall, _ = run(f"{label} (remote)", source, out, steps, args.workers, megabytes)
                print(f"  {wall / local:.2f}x local")
        busy = sum(s.seconds for s in summary.steps)
        print("share of step time (full preset, summed over workers):")
        for stats in sorted(summary.steps, key=lambda s: -s.seconds)[:10]:
            print(f"  {stats.name:<26} {stats.seconds:6.1f} s  {stats.seconds / busy:5.1%}")


if __name__ == "__main__":
    main()
