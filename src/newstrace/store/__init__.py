"""Store: documents, articles, findings and links in SQLite or PostgreSQL."""

from __future__ import annotations

from newstrace.store.db import Store, database_url

__all__ = ["Store", "database_url"]
