"""Listings of other posts: items after the second copy of a recurring widget line are teasers."""

from __future__ import annotations

import pytest

from newstrace.segment.classify import classify_text
from newstrace.segment.listing import mark_listed_teasers
from tests.segment.paragraphs import P1, P2

# Long teasers of other posts (over 200 characters each, as jusText keeps blocks on their own).
T1 = (
    "The library on the hill will open on Sundays from next month, the trustees said, after a long "
    "campaign by parents who wanted somewhere quiet for their children to read and study in peace "
    "at the weekends."
)
T2 = (
    "A new bus route will link the three villages north of the river to the station by the spring, "
    "the transport board announced on Monday after it had counted the riders on the old route in "
    "the autumn and winter."
)
T3 = (
    "The market hall roof, which leaked all through the winter, is to be replaced in the summer, and "
    "the traders who sell under it will move to the car park across the road while all the work "
    "goes on there."
)
WIDGET = "Share Save Download"


def _teasers(page: str) -> list[str]:
    return [cl.line.text for cl in mark_listed_teasers(classify_text(page)) if cl.furniture == "teaser"]


def test_items_after_the_second_copy_are_teasers() -> None:
    parts = ["Bridge news", WIDGET, P1, "You may like", WIDGET, T1, WIDGET, T2, WIDGET, T3, "Home"]
    page = "\n\n".join(parts)
    assert _teasers(page) == [T1, T2, T3]


@pytest.mark.parametrize(
    "parts",
    [
        # the article's prose comes before the widget's first copy: a gallery of its own
        [P1, WIDGET, P2, WIDGET, T1, WIDGET, T2],
        # two copies only: share bars above and below an article
        [WIDGET, P1, WIDGET, T1],
        # an item holds more than one teaser's lines
        [WIDGET, P1, WIDGET, T1, P2, "Editor's note", WIDGET, T2],
        # items shorter than a teaser: a how-to's steps, a gallery's captions
        [WIDGET, P1, WIDGET, "Cut the boards to size.", WIDGET, "Drill the holes and sand them."],
    ],
)
def test_no_listing(parts: list[str]) -> None:
    assert _teasers("\n\n".join(parts)) == []
