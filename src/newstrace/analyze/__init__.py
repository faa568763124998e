"""Analyze: per-article findings (quotes, entities, dates, places, facts).

Importing this package is cheap; spaCy loads only when a stage first needs a parse.
"""

from __future__ import annotations

from newstrace.analyze.pipeline import AnalyzeOptions, Analyzer, ArticleWork, StageSpec, plugin_stage

__all__ = ["AnalyzeOptions", "Analyzer", "ArticleWork", "StageSpec", "plugin_stage"]
