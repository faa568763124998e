"""Listings of other posts on a page dump: items that each carry a copy of the same widget line.

A site that shows other posts under the article (a "you may also like" box, a feed of the latest
messages) repeats each item's widget with it: a share bar, a "Read more", a time stamp. A short line
that recurs before one prose block after another is such a widget, and the blocks after its second
copy are the items of the listing, each a teaser of another post; the page's own post comes first,
before the listing (its own widget is the first copy). An article's own text does not come one
paragraph per copy of an unlabelled line before its own prose has begun: a gallery or a list of
steps that repeats a widget ("Fullscreen", "Step") follows the article's first paragraphs, and a
caption credit or an ad slot between its paragraphs is furniture of a known kind, left alone here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newstrace.segment.classify import ClassifiedLine
from newstrace.segment.lines import Shape, word_count
from newstrace.segment.prose import LENGTH_HIGH

__all__ = ["mark_listed_teasers"]

# A widget line is short (a share bar's labels, "Read more", a date): at most this many words.
WIDGET_MAX_WORDS = 8
# Copies of the widget line, and items after the first copy holding a paragraph, that make a listing:
# two copies are an article's share bars above and below it; three items of one block each are a
# feed. On the tune pages of bench/data/pages (and the further tune-site pages of Zyte's benchmark),
# listings found this way held 3 to 6 items; no article text was among them.
WIDGET_MIN_COPIES = 3
LISTED_MIN_PARAGRAPHS = 2
# An item of a listing is one teaser: at most this many non-blank lines between two copies.
ITEM_MAX_LINES = 2
# A listed teaser is a block that jusText keeps on its own, whatever its neighbours (``LENGTH_HIGH``
# characters); a shorter one is judged by its neighbours already. A gallery's captions and a how-to's
# steps, each under a repeated "Fullscreen" or the title, are a line or two: on the further
# trafilatura pages of tune sites, each such list held items under 200 characters.
TEASER_MIN_CHARS = LENGTH_HIGH


def mark_listed_teasers(lines: Sequence[ClassifiedLine]) -> list[ClassifiedLine]:
    """``lines`` with the paragraphs of listed items (after a widget line's second copy) made
    furniture ("teaser")."""
    shown = [cl for cl in lines if cl.shape not in (Shape.BLANK, Shape.SEPARATOR)]
    dropped: set[int] = set()
    for widget in _widgets(shown):
        dropped |= _listed_paragraphs(shown, widget)
    return [replace(cl, furniture="teaser") if cl.line.index in dropped else cl for cl in lines]


def _widgets(shown: Sequence[ClassifiedLine]) -> list[str]:
    """Texts of the short, heading-shaped lines of no known kind that recur on the page."""
    counts = Counter(
        cl.line.text
        for cl in shown
        if cl.shape is Shape.HEADING and cl.furniture is None and word_count(cl.line.text) <= WIDGET_MAX_WORDS
    )
    return [text for text, n in counts.items() if n >= WIDGET_MIN_COPIES]


def _listed_paragraphs(shown: Sequence[ClassifiedLine], widget: str) -> set[int]:
    """Line indexes of the paragraphs of the items after the widget's second copy, when no prose
    comes before its first copy, every such item is one teaser (``ITEM_MAX_LINES``) and enough of
    them hold a paragraph, each of a teaser's length (``TEASER_MIN_CHARS``)."""
    copies = [i for i, cl in enumerate(shown) if cl.line.text == widget]
    if any(cl.is_paragraph for cl in shown[: copies[0]]):
        return set()  # the article's prose comes first: the widget is its own gallery's or steps'
    items = [shown[a + 1 : b] for a, b in zip(copies[1:], [*copies[2:], None], strict=True)]
    items[-1] = items[-1][:1]  # after the last copy, the last item's block only
    if any(len(item) > ITEM_MAX_LINES for item in items):
        return set()
    paragraphs = [cl for item in items for cl in item if cl.is_paragraph]
    if len(paragraphs) < LISTED_MIN_PARAGRAPHS or any(
        len(cl.line.text) < TEASER_MIN_CHARS for cl in paragraphs
    ):
        return set()
    return {cl.line.index for cl in paragraphs}
