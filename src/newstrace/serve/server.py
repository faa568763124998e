"""Run the web application with uvicorn: 127.0.0.1 by default, with a warning for any other address."""

from __future__ import annotations

import logging

import uvicorn

from newstrace.serve.app import create_app

log = logging.getLogger(__name__)

__all__ = ["LOCAL_HOSTS", "run_server"]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def run_server(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the corpus in ``db`` until interrupted."""
    if host not in LOCAL_HOSTS:
        log.warning(
            "serving on %s: anyone who can reach this address can read the whole corpus "
            "(newstrace has no log-in); use 127.0.0.1 unless you mean it",
            host,
        )
    app = create_app(db)
    log.warning("newstrace serves %s at http://%s:%d/ (Ctrl+C stops)", db, host, port)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
