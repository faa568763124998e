"""Where one article ends and the next begins on a page that holds several."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from newstrace.segment.classify import ClassifiedLine
from newstrace.segment.lines import Shape
from newstrace.segment.metadata import dateline_date

__all__ = ["article_ranges"]

# How many non-blank lines after a heading may hold its byline or date before the body starts.
HEADER_LOOKAHEAD = 6


def article_ranges(lines: Sequence[ClassifiedLine]) -> list[range]:
    """Line ranges of the articles on a page.

    A new article starts, after some body text, at a heading whose header (the next few
    non-paragraph lines, or the dateline of the paragraph after them) holds a byline or a
    date: subheadings inside an article have neither. A separator line (``----``) followed
    by such a heading also splits; alone it is just a section break.
    """
    starts = [0]
    seen_body = False
    for i, cl in enumerate(lines):
        if cl.is_paragraph:
            seen_body = True
        elif seen_body and cl.shape is Shape.HEADING and cl.is_content and _opens_article(lines, i):
            starts.append(_pull_back(lines, i))
            seen_body = False
    bounds = [*starts, len(lines)]
    return [range(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _opens_article(lines: Sequence[ClassifiedLine], i: int) -> bool:
    seen = 0
    for cl in lines[i + 1 :]:
        if cl.shape in (Shape.BLANK, Shape.SEPARATOR):
            continue
        if cl.is_meta:
            return True
        if cl.is_paragraph:
            return dateline_date(cl.line.text) is not None
        seen += 1
        if seen >= HEADER_LOOKAHEAD:
            break
    return False


def _pull_back(lines: Sequence[ClassifiedLine], i: int) -> int:
    """Move an article start back over the date or byline lines just above its heading."""
    j = i
    while j > 0 and (lines[j - 1].is_meta or lines[j - 1].shape in (Shape.BLANK, Shape.SEPARATOR)):
        j -= 1
    while j < i and lines[j].shape in (Shape.BLANK, Shape.SEPARATOR):
        j += 1
    return j
