"""Export: the JSON Lines contract and the tables researchers load."""

from __future__ import annotations

from newstrace.export.jsonl import write_jsonl, write_jsonl_file
from newstrace.export.view import CorpusView, contract_records, load_view

__all__ = ["CorpusView", "contract_records", "load_view", "write_jsonl", "write_jsonl_file"]
