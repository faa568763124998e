"""The analyze stage: steps that find quotes, entities, dates, facts and events in one article.

The steps live beside their helpers: :mod:`~newstrace.analyze.quotes`,
:mod:`~newstrace.analyze.entities`, :mod:`~newstrace.analyze.figures` (numbers, facts, events)
and :mod:`~newstrace.analyze.date_step`; :mod:`~newstrace.analyze.step` holds the contract they share.
The names below are imported on first use (``newstrace.lazy_names``): importing the options
loads no step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.lazy_names import lazy_names

if TYPE_CHECKING:
    from newstrace.analyze.analyzer import Analyzer, builtin_steps, plugin_step
    from newstrace.analyze.options import AnalyzeOptions, EntityOptions, QuoteOptions
    from newstrace.analyze.step import ArticleWork, Resources, Step

__all__ = [
    "AnalyzeOptions",
    "Analyzer",
    "ArticleWork",
    "EntityOptions",
    "QuoteOptions",
    "Resources",
    "Step",
    "builtin_steps",
    "plugin_step",
]

__getattr__ = lazy_names(
    __name__,
    {
        "Analyzer": "analyzer",
        "builtin_steps": "analyzer",
        "plugin_step": "analyzer",
        "AnalyzeOptions": "options",
        "EntityOptions": "options",
        "QuoteOptions": "options",
        "ArticleWork": "step",
        "Resources": "step",
        "Step": "step",
    },
)
