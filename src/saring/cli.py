"""The ``saring`` command."""

from __future__ import annotations

import argparse
import inspect
import os
import sys
from importlib import resources

from saring import config, storage
from saring.engine import run as run_pipeline
from saring.errors import SaringError
from saring.executors.base import Executor
from saring.executors.local import LocalExecutor
from saring.executors.ray import RayExecutor
from saring.io import JsonlWriter, ParquetWriter, Writer, reader_for
from saring.io.base import Reader
from saring.pipeline import SHARD_BYTES, Pipeline
from saring.presets import PRESETS
from saring.report.html import write_report
from saring.report.inspect import inspect_run
from saring.step import Step

FORMATS: dict[str, Writer] = {
    "parquet": ParquetWriter(),
    "jsonl": JsonlWriter(compression="none"),
    "jsonl.gz": JsonlWriter(compression="gzip"),
    "jsonl.zst": JsonlWriter(compression="zstd"),
}


def demo_corpus() -> str:
    """Return the folder of the sample corpus shipped inside the package."""
    return str(resources.files("saring").joinpath("data", "demo"))


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: all cores)"
    )
    parser.add_argument(
        "--ray",
        nargs="?",
        const="auto",
        metavar="ADDRESS",
        help="run on a Ray cluster (default address: auto); input and output on shared "
        "storage or an object store (s3://…)",
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace an existing output folder"
    )
    parser.add_argument(
        "--no-report", action="store_true", help="do not write report.html at the end"
    )
    _add_storage_option(parser)


def _add_storage_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--storage-option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an fsspec option for s3://, hf://, … paths (endpoint_url=…, anon=true, "
        "s3.profile=…); repeatable",
    )


def _add_clean_options(parser: argparse.ArgumentParser, output_default: str | None) -> None:
    parser.add_argument(
        "--shard-bytes",
        type=int,
        default=SHARD_BYTES,
        help=f"input bytes per task (default {SHARD_BYTES:,}; 0: one task per file)",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=output_default is None,
        default=output_default,
        help="output folder (docs/, removed/, stats.json, config.toml)",
    )
    parser.add_argument(
        "--preset", choices=sorted(PRESETS), default="news", help="steps to run (default: news)"
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="parquet",
        help="output format (default: parquet)",
    )
    parser.add_argument(
        "--input-format",
        choices=["jsonl", "parquet", "text", "warc", "html"],
        default=None,
        help="input format (default: from file endings)",
    )
    parser.add_argument(
        "--text-field", default="text", help="field holding the text (JSONL/Parquet)"
    )
    parser.add_argument(
        "--id-field", default="id", help="field holding the document id (JSONL/Parquet)"
    )
    parser.add_argument("--url-field", default="url", help="field holding the URL (JSONL/Parquet)")
    parser.add_argument(
        "--html-field", default=None, help="JSONL field holding raw HTML to extract the text from"
    )
    parser.add_argument(
        "--extractor",
        choices=["quality", "fast"],
        default=None,
        help="HTML extraction: quality (trafilatura) or fast (resiliparse); default quality",
    )
    parser.add_argument(
        "--strict", action="store_true", help="stop at the first unusable input record"
    )
    parser.add_argument(
        "--print-config",
        action="store_true",
        help="print the pipeline as TOML (for 'saring run') and exit",
    )
    _add_run_options(parser)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``saring`` command."""
    parser = argparse.ArgumentParser(
        prog="saring",
        description="Sieve raw crawled web and news text into clean, deduplicated corpora.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="clean input files with a preset")
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs")
    _add_clean_options(clean, None)
    run = commands.add_parser("run", help="run a pipeline described in a TOML file")
    run.add_argument("config", help="pipeline TOML file")
    _add_run_options(run)
    demo = commands.add_parser("demo", help="run the news preset on the bundled sample corpus")
    _add_clean_options(demo, "saring-demo")
    commands.add_parser("steps", help="list the steps and their parameters")
    show = commands.add_parser("inspect", help="show a finished run's account and examples")
    show.add_argument("output", help="output folder of a run")
    show.add_argument("--reason", default=None, help="only examples removed for this reason")
    show.add_argument("-n", "--examples", type=int, default=3, help="examples per reason")
    _add_storage_option(show)
    page = commands.add_parser("report", help="write a finished run's report.html")
    page.add_argument("output", help="output folder of a run")
    page.add_argument(
        "-o", "--to", default=None, help="where to write (default OUTPUT/report.html)"
    )
    _add_storage_option(page)
    return parser


def _pipeline_from_args(args: argparse.Namespace, inputs: list[str]) -> Pipeline:
    reader_cls = reader_for(inputs, args.input_format)
    given = {
        "text_field": args.text_field,
        "id_field": args.id_field,
        "url_field": args.url_field,
        "html_field": args.html_field,
        "extractor": args.extractor,
    }
    accepted = set(reader_cls.param_names())
    if args.html_field is not None and "html_field" not in accepted:
        raise SaringError(f"--html-field needs JSONL input, not {reader_cls.__name__}")
    options = {k: v for k, v in given.items() if k in accepted and v is not None}
    reader = reader_cls(inputs, **options)  # type: ignore[call-arg]
    return Pipeline(
        reader,
        PRESETS[args.preset](),
        output=args.output,
        writer=FORMATS[args.format],
        strict=args.strict,
        shard_bytes=args.shard_bytes,
    )


def _executor(args: argparse.Namespace, configured: Executor | None = None) -> Executor:
    """Return the executor the options ask for, else the configured one, else local."""
    if args.ray is not None:
        return RayExecutor(address=args.ray)
    if args.workers is not None or configured is None:
        return LocalExecutor(workers=args.workers)
    return configured


def _check(pipeline: Pipeline, executor: Executor) -> None:
    """Raise a one-line error for a wrong parameter or output before any work starts."""
    for part in (pipeline.reader, *pipeline.steps, pipeline.writer, executor):
        if part is not None:
            part.validate()
    if storage.is_url(pipeline.output):
        return  # the runner checks a remote output, once the storage options are set
    if os.path.exists(pipeline.output) and not os.path.isdir(pipeline.output):
        raise SaringError(f"output {pipeline.output!r} is a file; -o names a folder")


def _execute(pipeline: Pipeline, executor: Executor, overwrite: bool, report: bool = True) -> None:
    _check(pipeline, executor)
    summary = run_pipeline(pipeline, executor, overwrite, storage.current())
    print(summary.text())
    print(
        f"output: {pipeline.output}/docs (kept), {pipeline.output}/removed (removed, with reasons)"
    )
    print(f"stats:  {pipeline.output}/stats.json, config: {pipeline.output}/config.toml")
    if report:
        print(f"report: {write_report(pipeline.output)}")


def list_steps() -> str:
    """Return the exported steps with their parameters, defaults and declared reasons."""
    out = []
    for kind, title in ((Reader, "readers"), (Step, "steps"), (Writer, "writers")):
        out.append(f"{title}:")
        for name, cls in sorted(config.exported(kind).items()):
            params = ", ".join(
                name if default is inspect.Parameter.empty else f"{name}={default!r}"
                for name, default in cls.param_defaults().items()
            )
            summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
            out.append(f"  {name}({params})")
            out.append(f"      {summary}")
            reasons = [*getattr(cls, "drop_reasons", ()), *getattr(cls, "line_reasons", ())]
            if reasons:
                out.append(f"      reasons: {', '.join(reasons)}")
    return "\n".join(out)


def _configure_storage(args: argparse.Namespace) -> None:
    """Set the storage options: a config's ``[storage]`` table, then ``--storage-option``."""
    options = config.load_storage(args.config) if args.command == "run" else {}
    for given in getattr(args, "storage_option", []):
        key, value = storage.parse_option(given)
        for name, part in storage.normalize({key: value}).items():
            if isinstance(part, dict):
                options.setdefault(name, {}).update(part)
            else:
                options[name] = part
    storage.configure(options)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        _configure_storage(args)
        if args.command == "steps":
            print(list_steps())
            return 0
        if args.command == "inspect":
            print(inspect_run(args.output, args.reason, args.examples))
            return 0
        if args.command == "report":
            print(f"report: {write_report(args.output, args.to)}")
            return 0
        if args.command == "run":
            pipeline, configured = config.load(args.config)
            _execute(pipeline, _executor(args, configured), args.overwrite, not args.no_report)
            return 0
        inputs = [demo_corpus()] if args.command == "demo" else args.inputs
        pipeline = _pipeline_from_args(args, inputs)
        executor = _executor(args)
        if args.print_config:
            print(config.dumps(pipeline, executor, storage.current()), end="")
            return 0
        _execute(pipeline, executor, args.overwrite, not args.no_report)
        return 0
    except SaringError as exc:
        print(f"saring: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("saring: interrupted; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
