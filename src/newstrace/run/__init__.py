"""Run: the main job and its executors."""

from __future__ import annotations

from newstrace.run.runner import Progress, RunOptions, RunReport, analyze_corpus, link_store

__all__ = ["Progress", "RunOptions", "RunReport", "analyze_corpus", "link_store"]
