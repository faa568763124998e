"""Lines of an HTML page's main text that come from the page's boxes, not from its article.

A page puts boxes around and inside an article: a newsletter sign-up ("Thanks for signing up!"),
a related or trending list, share and print tools, a promotion, a pop-up. Sites name these boxes
for what they are in their class and id attributes (``Newsletter-container``, ``related-posts``,
``ArticleEventPromo``, ``email-scrim``), the evidence readability's and boilerpipe's heuristics
use. An extractor that keeps such a box's lines in the article text is corrected here: a line is
dropped when every place the page shows it is inside a box so named. A box that holds much of the
article is a wrapper whose name says something else ("has-related-posts"), and is no evidence.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from lxml import etree

from newstrace.ingest.html_meta import PAGE_TAGS  # their marks are the page's flags, not a part's

__all__ = ["box_words", "without_box_lines"]

log = logging.getLogger(__name__)

# The words of a class or id that name a box which never holds the article's own text: sign-ups,
# lists of other articles, tools, promotions and overlays (readability's "unlikely candidates"
# and boilerpipe's, narrowed to boxes; "comment", "footer" and "nav" are dropped by the extractor).
BOX_WORDS = frozenset(
    """newsletter newsletters subscribe subscription signup promo promos promotion related
    recommended recommendations trending popular share sharing social tools toolbar popup scrim
    modal overlay sponsor sponsored outbrain taboola breadcrumb breadcrumbs pagination latest
    print""".split()
)
# A box whose text is this share of the article's or more is a wrapper around the article (a
# layout class that mentions a box), not a box inside or beside it; on the tune pages of
# bench/data/pages the boxes whose lines leaked hold 1-30 % of the article's characters.
WRAPPER_SHARE = 0.5
# Share of the text above which lines of named boxes are not dropped: boxes that hold that much
# hold the article itself (a page that shows its story in a pop-up reader, a "modal" layer). On
# the tune pages of bench/data/pages and realnews and on readability's test pages, the boxes'
# lines dropped are 0.4-27 % of the text (a newsletter box and a related list in a short article).
MAX_DROPPED_SHARE = 0.4
# "Newsletter-stateNotSent", "ArticleEventPromo", "email-scrim-wrap": words of a mark, split at
# separators and at changes of case.
MARK_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
# Words in one class or id token of a component ("latest-news-box-row", "Newsletter-stateNotSent");
# a heading's slug used as an anchor id has more ("sharing-with-multiple-developers-code-review").
MAX_MARK_WORDS = 4
BOX_HINT = re.compile("|".join(sorted(BOX_WORDS)))  # a quick test (on the lower-cased mark) first
MARKED = "//*[@class or @id]"
NOT_SHOWN = ("script", "style", "noscript", "template")  # their text is code or a copy, not shown
LIST_ITEM = "- "  # how the extractor writes an item of a list


def box_words(mark: str) -> frozenset[str]:
    """The words of a class or id attribute that name a box (empty when none does); a token of
    many words is a heading's slug ("sharing-with-a-single-developer"), not a component's name."""
    words = (MARK_WORD.findall(token) for token in mark.split())
    return frozenset(w.lower() for ws in words if len(ws) <= MAX_MARK_WORDS for w in ws) & BOX_WORDS


def without_box_lines(text: str, root: etree._Element | None) -> str:
    """``text`` without the lines the page shows only inside its named boxes (unchanged when the
    page cannot be parsed, has no such box, or the boxes would take much of the text)."""
    if root is None:
        return text
    article = _compact(text)
    # compacted texts hold no space: joined by one, no line is found across two boxes (or scripts),
    # and each line is counted in one pass, not once a box
    boxes = " ".join(_boxes(root, WRAPPER_SHARE * len(article)))
    if not boxes:
        return text
    page = _compact(root.text_content())
    scripts = " ".join(_compact(e.text_content()) for e in root.iter(*NOT_SHOWN))
    lines = text.split("\n")
    kept = [
        line
        for line in lines
        if not _only_in_boxes(_compact(line.removeprefix(LIST_ITEM)), boxes, page, scripts)
    ]
    if len(kept) == len(lines) or len(_compact("".join(kept))) < (1 - MAX_DROPPED_SHARE) * len(article):
        return text  # nothing to drop, or so much that the boxes hold the article (a reader pop-up)
    log.debug("%d lines of the page's boxes dropped", len(lines) - len(kept))
    return "\n".join(kept)


def _only_in_boxes(line: str, boxes: str, page: str, scripts: str) -> bool:
    """``line`` is in a box, and the page shows it nowhere else (a script's copy is not shown);
    ``boxes`` and ``scripts`` are their compacted texts joined by spaces."""
    if not line:
        return False
    inside = boxes.count(line)
    return inside > 0 and page.count(line) - scripts.count(line) <= inside


def _boxes(root: etree._Element, max_chars: float) -> Iterator[str]:
    """The texts (compacted) of the outermost elements whose class or id names a box, looked for
    inside a wrapper so named that holds ``max_chars`` characters or more."""
    chosen: set[etree._Element] = set()
    for element in root.xpath(MARKED):  # document order: an outer box comes before its inner ones
        mark = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in PAGE_TAGS or not BOX_HINT.search(mark.lower()) or not box_words(mark):
            continue
        if chosen and any(above in chosen for above in element.iterancestors()):
            continue
        text = _compact(element.text_content())
        for script in element.iter(*NOT_SHOWN):
            text = text.replace(_compact(script.text_content()), "", 1)
        if len(text) < max_chars:
            chosen.add(element)
            if text:
                yield text


def _compact(text: str) -> str:
    """``text`` without spacing: the page and the extractor space inline elements differently."""
    return "".join(text.split())
