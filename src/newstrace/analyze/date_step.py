"""The ``dates`` step: every date expression of an article, resolved against its published date.

The grammar itself is shared language knowledge (:mod:`newstrace.text.dates`): segmentation
reads datelines with it too. Steps that need dates declare ``needs = ("dates",)`` and read
``work.dates``.
"""

from __future__ import annotations

from newstrace.analyze.step import ArticleWork, Step
from newstrace.model import DateMention
from newstrace.text.date_mentions import find_date_mentions

__all__ = ["STEP", "DatesStep"]


class DatesStep(Step[list[DateMention]]):
    """Attaches a DateMention for every date expression of the article."""

    name = "dates"

    def find(self, work: ArticleWork) -> list[DateMention]:
        """The article's date mentions."""
        return find_date_mentions(work.article)

    def attach(self, work: ArticleWork, found: list[DateMention]) -> None:
        """Add them to ``work.dates``."""
        work.dates.extend(found)


STEP = DatesStep()
