"""``newstrace analyze``: read, clean, analyse and store inputs, then link the corpus."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated, Any

import typer

from newstrace.analyze.options import AnalyzeOptions
from newstrace.cli.app import app, setup_logging
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption
from newstrace.cli.progress import ProgressDisplay
from newstrace.export.outputs import check_output_file
from newstrace.run.executors import check_executor
from newstrace.run.runner import RunOptions, RunReport, analyze_corpus
from newstrace.store.db import Store

__all__ = ["analyze_command"]

MB = 1024 * 1024

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (read recursively), globs, or - for stdin.", show_default=False, metavar="INPUT"
    ),
]
ExportOption = Annotated[
    Path | None,
    typer.Option("--export", help="Also write this run's records to FILE (JSON Lines).", metavar="FILE"),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Options from a TOML file (see docs/configuration.md); flags given here override it.",
        metavar="FILE",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", help="Worker processes; 0 = one per CPU for large inputs.", min=0, metavar="N"
    ),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", help="Seconds one document may take in a worker.", min=1, metavar="SECONDS"),
]
MaxSizeOption = Annotated[
    float | None,
    typer.Option("--max-size", help="Largest page or record read, in MB.", min=0.001, metavar="MB"),
]
CleanJsonlOption = Annotated[
    bool | None,
    typer.Option(
        "--clean-jsonl/--keep-jsonl",
        help="Clean JSONL text like a scraped page (offsets then refer to the cleaned text).",
        show_default=False,
    ),
]
SplitOption = Annotated[
    bool | None,
    typer.Option(
        "--split/--no-split", help="Split text pages that hold several articles.", show_default=False
    ),
]
StagesOption = Annotated[
    str | None,
    typer.Option(
        "--stages", help="Comma-separated analysis steps to run (default: all; '' for none).", metavar="NAMES"
    ),
]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load.", metavar="NAME")]
PluginOption = Annotated[
    list[str] | None,
    typer.Option(
        "--plugin",
        help="An extra analysis step, as package.module:NAME (a newstrace.analyze.Step); repeatable.",
        metavar="MODULE:NAME",
    ),
]
ExecutorOption = Annotated[
    str | None,
    typer.Option(
        "--executor",
        help="local (worker processes on this machine) or dask (a Dask cluster; see docs/cluster.md).",
        metavar="NAME",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="The Dask scheduler, tcp://HOST:PORT (with --executor dask; default: a local cluster).",
        metavar="ADDRESS",
    ),
]
NameOption = Annotated[
    str | None,
    typer.Option(
        "--name",
        help="Source name of standard input (-); default: stdin- and a hash of its content.",
        metavar="NAME",
    ),
]
LinkOption = Annotated[
    bool | None, typer.Option("--link/--no-link", help="Link the corpus after storing.", show_default=False)
]


@app.command("analyze")
def analyze_command(
    inputs: InputsArgument,
    db: DbOption = DEFAULT_DB,
    export: ExportOption = None,
    config: ConfigOption = None,
    jobs: JobsOption = None,
    timeout: TimeoutOption = None,
    max_size: MaxSizeOption = None,
    clean_jsonl: CleanJsonlOption = None,
    split: SplitOption = None,
    stages: StagesOption = None,
    model: ModelOption = None,
    plugin: PluginOption = None,
    link: LinkOption = None,
    executor: ExecutorOption = None,
    scheduler: SchedulerOption = None,
    name: NameOption = None,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Read, clean, analyse and store the inputs, then link the corpus.

    Exit code 1 when some inputs failed (the rest are processed and stored), 2 on usage errors.
    """
    setup_logging(verbose, quiet)
    options = _load_options(config)
    flags = Flags(jobs, timeout, max_size, clean_jsonl, split, stages, model, plugin, link, name)
    options = flags.applied_to(options)
    if executor is not None or scheduler is not None:
        kind = executor or ("dask" if scheduler else options.executor)
        options = replace(options, executor=kind, scheduler=scheduler or options.scheduler)
    check_executor(options.executor, options.scheduler)
    _check_steps(options.analyze)
    if export is not None:
        check_output_file(export)  # a bad --export fails now, not after the whole analysis
    with Store(db) as store:
        with ProgressDisplay(quiet) as display:
            report = analyze_corpus(inputs, store, options, progress=display.update)
        if export is not None:
            from newstrace.export import load_view, write_jsonl_file  # noqa: PLC0415  # only with --export

            write_jsonl_file(load_view(store, report.document_ids, report.sources), export)
        counts = store.counts()
    _print_report(report, db, export, counts, json_out, quiet)
    if report.failed:
        raise typer.Exit(1)


def _load_options(config: Path | None) -> RunOptions:
    """The run options of the ``--config`` file, else the defaults (the config reader and its TOML
    parser are imported only when a file is given)."""
    if config is None:
        return RunOptions()
    from newstrace.run.config import load_run_options  # noqa: PLC0415  # tomllib: only with --config

    return load_run_options(config)


def _check_steps(options: AnalyzeOptions) -> None:
    """Fail now, not on the first article, on unknown steps, bad plugins and unmet needs.

    The built-in steps in their own order always pass (a run orders them again anyway), and
    checking imports every step with its patterns and helpers: a run with nothing new to analyse
    would pay a second for it. So only chosen steps and plugins are checked here.
    """
    if options.stages is None and not options.plugins:
        return
    from newstrace.analyze.analyzer import select_steps  # noqa: PLC0415  # imports every step

    select_steps(options)


class Flags:
    """The command line's options; those given override the config file's."""

    def __init__(
        self,
        jobs: int | None,
        timeout: float | None,
        max_size: float | None,
        clean_jsonl: bool | None,
        split: bool | None,
        stages: str | None,
        model: str | None,
        plugins: list[str] | None,
        link: bool | None,
        stdin_name: str | None = None,
    ) -> None:
        self.run = _given(jobs=jobs, timeout=timeout, link=link)
        self.ingest = _given(
            max_bytes=int(max_size * MB) if max_size is not None else None, stdin_name=stdin_name
        )
        self.segment = _given(split_pages=split, clean_jsonl=clean_jsonl)
        self.analyze = _given(
            stages=_stage_names(stages), model=model, plugins=tuple(plugins) if plugins else None
        )

    def applied_to(self, options: RunOptions) -> RunOptions:
        """``options`` with every given flag set."""
        return replace(
            options,
            ingest=replace(options.ingest, **self.ingest),
            segment=replace(options.segment, **self.segment),
            analyze=replace(options.analyze, **self.analyze),
            **self.run,
        )


def _given(**values: Any) -> dict[str, Any]:  # field values of several types, checked by the options
    return {k: v for k, v in values.items() if v is not None}


def _stage_names(stages: str | None) -> tuple[str, ...] | None:
    if stages is None:
        return None
    return tuple(s.strip() for s in stages.split(",") if s.strip())


def _print_report(
    report: RunReport, db: str, export: Path | None, counts: dict[str, int], json_out: bool, quiet: bool
) -> None:
    if json_out:
        data = asdict(report) | {"database": db, "export": str(export) if export else None, "counts": counts}
        data["document_ids"] = len(report.document_ids)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    if quiet:
        return
    typer.echo(
        f"Read {report.inputs} input(s): {report.documents_new} new document(s) and "
        f"{report.documents_unchanged} unchanged{_other_names(report)}; {report.articles} article(s) stored; "
        f"{len(report.errors) - report.warnings} error(s){_warnings(report)}."
    )
    found = ", ".join(
        f"{counts[k]} {k.replace('_', ' ')}"
        for k in ("articles", "quotes", "entities", "facts", "copies", "quote_clusters")
        if counts.get(k)
    )
    typer.echo(f"Database: {db} ({found or 'empty'})")
    if export is not None:
        typer.echo(f"Export: {export}")


def _other_names(report: RunReport) -> str:
    if not report.other_names:
        return ""
    return f" ({report.other_names} already stored under another name: noted, not stored again)"


def _warnings(report: RunReport) -> str:
    return f", {report.warnings} repaired text(s)" if report.warnings else ""
