"""The analyze stage: steps that find quotes, entities, dates, facts and events in one article.

The steps live beside their helpers: :mod:`~newstrace.analyze.quotes`,
:mod:`~newstrace.analyze.entities`, :mod:`~newstrace.analyze.figures` (numbers, facts, events)
and :mod:`~newstrace.analyze.date_step`; :mod:`~newstrace.analyze.step` holds the contract they share.
"""

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
