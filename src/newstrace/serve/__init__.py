"""The web UI and JSON API over the query library (read-only): ``create_app(db)``, ``run_server``."""

from __future__ import annotations

from newstrace.serve.app import create_app
from newstrace.serve.server import LOCAL_HOSTS, run_server

__all__ = ["LOCAL_HOSTS", "create_app", "run_server"]
