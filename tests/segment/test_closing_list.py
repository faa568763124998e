"""An article's own list at its end: kept on extracted (HTML) text, dropped on page dumps."""

from __future__ import annotations

import pytest

from newstrace.segment.assemble import find_articles
from newstrace.segment.closing_list import ends_with_date
from tests.segment.paragraphs import P1, P2

DATES = ["May 3 -- Town Hall, Leeds", "May 5 -- Corn Exchange, York", "May 9 -- The Dome, Brighton"]
TEASERS = [
    "- Ferry to run all summer - October 10, 2020",
    "- New library opens on Sundays - October 9, 2020",
    "- Market hall roof to be replaced - October 8, 2020",
    "- Bus route links three villages - October 7, 2020",
]
INTRO = "The band will play these dates:"


def _body(*lines: str, extracted: bool = True) -> list[str]:
    page = "\n\n".join(["Bridge to close", *lines])
    [article] = find_articles(page, split=False, prose=not extracted)
    return article.text.split("\n")


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        ([INTRO, *DATES], [INTRO, *DATES]),  # introduced by a colon: three items
        ([INTRO, *DATES[:2]], [INTRO]),  # two short lines are no list
        (["The tour", *DATES], ["The tour", *DATES]),  # under a heading of its own
        (DATES, []),  # three short lines, neither introduced nor headed
        (TEASERS, []),  # each item ends with a post's date: a feed of other posts
        ([INTRO, *TEASERS], [INTRO]),
    ],
)
def test_closing_list_on_extracted_text(tail: list[str], kept: list[str]) -> None:
    assert _body(P1, P2, *tail) == [P1, P2, *kept]


def test_page_dumps_still_drop_lines_after_the_last_paragraph() -> None:
    body = _body(P1, P2, "The tour", *DATES, extracted=False)
    assert not set(DATES) & set(body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Movie theaters reopen - October 9, 2020", True),
        ("Posted March 3, 2021.", True),
        ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", False),
        ("Spider on the bridge by Groupe LAPS", False),
        ("Closing in October", False),
    ],
)
def test_ends_with_date(text: str, expected: bool) -> None:
    assert ends_with_date(text) is expected
