"""An article's own list at its end, on text that a main-content extractor took from a page.

After the last paragraph of a page dump come link titles and teasers, dropped (``assemble._body``).
On the HTML path the extractor (trafilatura) has already removed the page's menus and link boxes,
so a run of short lines closing its text is mostly the article's own list: tour dates under "…
dates:", a summary's points, a gallery's captions under their heading, poll results. What stays a
feed of other posts there is a list whose items each end with the post's date.
"""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.segment.classify import ClassifiedLine
from newstrace.text.dates import find_date_expressions

__all__ = ["closing_list"]

# Items of a list introduced by a paragraph ending with a colon ("The tour dates:"), and lines of one
# under a heading of its own (the heading and 3 items): a related-posts box that trafilatura left
# held 3 items on the tune pages of bench/data/pages, each ending with a date; the articles' own
# closing lists held 6 to 30 lines (tune pages of bench/data/pages and bench/data/realnews).
INTRODUCED_MIN_ITEMS = 3
HEADED_MIN_LINES = 4


def closing_list(kept: Sequence[ClassifiedLine], end: int) -> bool:
    """Whether the lines after ``kept[end - 1]``, the last paragraph, are the article's own list:
    introduced by that paragraph's colon or by a heading, long enough, and not a feed of dated posts."""
    tail = kept[end:]
    if end == 0 or not tail:  # the lines after the last paragraph are all heading-shaped
        return False
    introduced = kept[end - 1].line.text.endswith(":") and len(tail) >= INTRODUCED_MIN_ITEMS
    if not (introduced or len(tail) >= HEADED_MIN_LINES):
        return False
    return sum(ends_with_date(cl.line.text) for cl in tail) * 2 < len(tail)


def ends_with_date(text: str) -> bool:
    """A line that ends with a full date ("Movie theaters reopen - October 9, 2020"): a listed
    post's date."""
    last = next(iter(reversed(list(find_date_expressions(text, None)))), None)
    return (
        last is not None
        and last.value is not None
        and last.value.day is not None
        and not text[last.end :].strip(" .)]")
    )
