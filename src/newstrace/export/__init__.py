"""Export: the JSON Lines contract and the tables researchers load.

The names below are imported on first use (``newstrace.lazy_names``): checking an output path
(``export.outputs``) loads no exporter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.lazy_names import lazy_names

if TYPE_CHECKING:
    from newstrace.export.jsonl import write_jsonl, write_jsonl_file
    from newstrace.export.view import CorpusView, contract_records, load_view

__all__ = ["CorpusView", "contract_records", "load_view", "write_jsonl", "write_jsonl_file"]

__getattr__ = lazy_names(
    __name__,
    {
        "write_jsonl": "jsonl",
        "write_jsonl_file": "jsonl",
        "CorpusView": "view",
        "contract_records": "view",
        "load_view": "view",
    },
)
