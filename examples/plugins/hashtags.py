"""A worked newstrace plugin: hashtags (``#FreeTheNurses``) as entities of kind ``HASHTAG``.

Run it with the folder on the Python path, so worker processes can import it too::

    PYTHONPATH=examples/plugins newstrace analyze pages/ --plugin hashtags:STEP

It follows the same contract as the built-in steps (``newstrace.analyze.Step``): a name, the
steps it needs, a pure ``find`` and an ``attach``. Its entities go through the corpus link like
any other, so the same hashtag in several articles becomes one entity with every mention.
"""

from __future__ import annotations

import re

from newstrace.analyze import ArticleWork, Step
from newstrace.model import ArticleEntity, Span

HASHTAG = re.compile(r"(?<![\w#])#[A-Za-z]\w{1,60}")


class Hashtags(Step[list[ArticleEntity]]):
    """Each distinct hashtag of an article as one entity, with every mention."""

    name = "hashtags"
    needs = ("entities",)  # runs after the built-in entities, so its records come after theirs

    def find(self, work: ArticleWork) -> list[ArticleEntity]:
        """The article's hashtags, grouped by spelling (case ignored)."""
        spans: dict[str, list[Span]] = {}
        for match in HASHTAG.finditer(work.article.text):
            spans.setdefault(match.group().casefold(), []).append(
                Span(match.start(), match.end(), match.group())
            )
        return [
            ArticleEntity(
                work.article.id,
                found[0].text,
                "HASHTAG",
                tuple(dict.fromkeys(s.text for s in found)),
                tuple(found),
            )
            for found in spans.values()
        ]

    def attach(self, work: ArticleWork, found: list[ArticleEntity]) -> None:
        """Add them to the article's entities."""
        work.entities.extend(found)


STEP = Hashtags()
