"""Every export format behind one call: ``write_export(view, fmt, output)``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from newstrace.errors import UsageError
from newstrace.export.acled import write_acled
from newstrace.export.gdelt import write_gkg
from newstrace.export.jsonl import write_jsonl, write_jsonl_file
from newstrace.export.outputs import check_output_file, check_output_folder
from newstrace.export.tables import write_csv, write_parquet
from newstrace.export.view import CorpusView

__all__ = ["FORMATS", "check_export", "write_export"]

# format -> (writer to a folder, what it writes)
FOLDER_FORMATS: dict[str, tuple[Callable[[CorpusView, Path], list[Path]], str]] = {
    "csv": (write_csv, "one CSV file per record type"),
    "parquet": (write_parquet, "one Parquet file per record type"),
    "gdelt": (lambda view, folder: [write_gkg(view, folder / "gkg.tsv")], "gkg.tsv, GDELT GKG 2.1 layout"),
    "acled": (
        lambda view, folder: [write_acled(view, folder / "acled.csv")],
        "acled.csv, an ACLED-like event table",
    ),
}
FORMATS = ("jsonl", *FOLDER_FORMATS)


def check_export(fmt: str, output: Path | None) -> None:
    """Raise UsageError for an unknown format or an output it cannot be written to: before any work."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonl":
        if output is not None:
            check_output_file(output)
        return
    if output is None:
        raise UsageError(f"the {fmt} export writes several files: give a folder with -o DIR")
    check_output_folder(output)


def write_export(view: CorpusView, fmt: str, output: Path | None) -> list[Path]:
    """Write ``view`` in format ``fmt``: JSON Lines to a file (stdout if None), tables into a folder."""
    if fmt == "jsonl":
        if output is None:
            write_jsonl(view, sys.stdout)
            return []
        write_jsonl_file(view, output)
        return [output]
    check_export(fmt, output)
    if output is None:  # refused by check_export; this tells the type checker
        raise UsageError(f"the {fmt} export needs a folder (-o DIR)")
    return FOLDER_FORMATS[fmt][0](view, output)
