"""JSON Lines export (docs/contract.md): one JSON object per line, each with a ``type``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from newstrace.export.outputs import atomic_text
from newstrace.export.view import CorpusView, contract_records

__all__ = ["write_jsonl", "write_jsonl_file"]


def write_jsonl(view: CorpusView, out: IO[str]) -> int:
    """Write every record of ``view`` to ``out``; returns the number of records."""
    return _write(contract_records(view), out)


def write_jsonl_file(view: CorpusView, path: Path) -> int:
    """Write the export to ``path`` atomically (a partial file never replaces a good one)."""
    with atomic_text(path) as out:
        return write_jsonl(view, out)


def _write(records: Iterable[dict[str, Any]], out: IO[str]) -> int:  # Any: JSON values
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        count += 1
    return count
