"""The main run of prose on a page dump: the article, apart from prose elsewhere on the page.

Prose detection (``prose.py``) keeps every block that reads like prose, wherever it is: a cookie
notice, an author's biography, a comment, a newsletter pitch. The article is the longest run of
prose whose blocks are close together (the classic body-text-extraction idea, Finn et al. 2001:
the article is the region with the most text and the least markup between); prose separated from
it by a long stretch of furniture (menus, link lists, widgets) belongs to something else.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newstrace.segment.classify import ClassifiedLine, continues
from newstrace.segment.lines import Shape

__all__ = ["keep_main_run", "mark_menus", "until_copyright"]

# Furniture lines an article's own text may hold between two of its paragraphs (a caption, an ad
# slot, a share bar, a "Read more" link, a newsletter box: up to 10 lines on the tune pages of
# bench/data/pages); menus and link lists between an article and the page's other prose are longer.
MAX_GAP_LINES = 12
# Headings in a row, with no paragraph between, that make a menu or a list of linked headlines;
# an article's subheadings come one at a time, each before its paragraphs.
MENU_MIN_LINES = 4
MENU_ITEM_MAX_WORDS = 14  # a linked headline; a paragraph of prose is longer
# A numbered item ("3) Blade Runner", "4. The budget") is the article's own list, never a menu's.
LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s")
# A copyright notice that closes an article states a year or the rights ("© 2019 Lantern Media. All
# Rights Reserved."), or says "Copyright" with its sign ("Copyright © Lantern Media Ltd"); a photo's
# credit ("© Getty Images") sits anywhere in the article.
COPYRIGHT_NOTICE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\b)|copyright\s*(?:©|\(c\))|all rights? reserved", re.IGNORECASE
)
# A run of prose this large next to the main one is a second article of a digest page, kept.
RUN_MIN_SHARE = 0.5


@dataclass
class _Run:
    lines: list[int]
    chars: int = 0


def keep_main_run(lines: Sequence[ClassifiedLine]) -> list[ClassifiedLine]:
    """The lines of one article's range with the paragraphs outside its main runs of prose made
    furniture."""
    runs = _runs(lines)
    if len(runs) < 2:
        return list(lines)
    largest = max(r.chars for r in runs)
    dropped = {i for r in runs if r.chars < RUN_MIN_SHARE * largest for i in r.lines}
    return [replace(cl, furniture="off-article") if cl.line.index in dropped else cl for cl in lines]


def until_copyright(lines: Sequence[ClassifiedLine]) -> list[ClassifiedLine]:
    """The lines of an article's range with everything after its copyright notice made furniture:
    a site closes the article with it ("© 2019 Lantern Media. All Rights Reserved."), and what
    follows on the page (teasers, footers) is the site's. A notice above the first paragraph is the
    page header's, not the article's end."""
    first = next((i for i, cl in enumerate(lines) if cl.is_paragraph), len(lines))
    end = next(
        (
            i
            for i in range(first + 1, len(lines))
            if lines[i].furniture == "legal" and COPYRIGHT_NOTICE.search(lines[i].line.text)
        ),
        None,
    )
    if end is None:
        return list(lines)
    return [*lines[: end + 1], *(replace(cl, furniture="after-copyright") for cl in lines[end + 1 :])]


def mark_menus(lines: Sequence[ClassifiedLine]) -> list[ClassifiedLine]:
    """Runs of short lines below the first paragraph, mostly headings, with no prose or byline
    among them, are menus and lists of linked headlines (a question headline ends like a
    sentence); an article's subheading is followed by its paragraphs, and its own list follows a
    paragraph that introduces it with a colon ("… three kinds of files:")."""
    menu: set[int] = set()
    run: list[ClassifiedLine] = []
    wrapped = _wrapped(lines)
    first = next((i for i, cl in enumerate(lines) if cl.is_paragraph), len(lines))
    introduced = False  # the run follows a paragraph that introduces it with a colon
    for cl in [*lines[first:], None]:  # above the first paragraph, the header: its title stays
        if cl is not None and cl.shape in (Shape.BLANK, Shape.SEPARATOR):
            continue
        if cl is not None and cl.line.index not in wrapped and _menu_item(cl):
            run += [cl] if cl.is_content else []
            continue
        headings = sum(item.shape is Shape.HEADING for item in run)
        if len(run) >= MENU_MIN_LINES and headings * 2 >= len(run) and not introduced:
            menu.update(item.line.index for item in run)
        run = []
        introduced = cl is not None and cl.is_paragraph and cl.line.text.endswith(":")
    return [replace(cl, furniture="menu") if cl.line.index in menu else cl for cl in lines]


def _wrapped(lines: Sequence[ClassifiedLine]) -> set[int]:
    """Lines of hard-wrapped prose: each goes on with, or is gone on with by, its neighbour."""
    found: set[int] = set()
    for prev, cl in itertools.pairwise(lines):
        if prev.line.text and cl.line.text and continues(prev.line.text, cl.line.text):
            found.update((prev.line.index, cl.line.index))
    return found


def _menu_item(cl: ClassifiedLine) -> bool:
    """A line that may be a menu entry or a linked headline: short, not a byline or a date, and not
    a sentence that ends with a full stop (a headline may ask a question)."""
    if cl.is_meta or LIST_ITEM.match(cl.line.text):
        return False
    if not cl.is_paragraph:
        return True
    return len(cl.line.text.split()) <= MENU_ITEM_MAX_WORDS and cl.line.text.rstrip("\"'”’)").endswith(
        ("?", "!")
    )


def _runs(lines: Sequence[ClassifiedLine]) -> list[_Run]:
    runs: list[_Run] = []
    gap = MAX_GAP_LINES + 1
    for cl in lines:
        if cl.shape in (Shape.BLANK, Shape.SEPARATOR) or cl.is_meta:
            continue
        if not cl.is_paragraph:
            gap += 0 if cl.is_content else 1
            continue
        if gap > MAX_GAP_LINES:
            runs.append(_Run([]))
        runs[-1].lines.append(cl.line.index)
        runs[-1].chars += len(cl.line.text)
        gap = 0
    return runs
