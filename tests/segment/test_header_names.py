"""Bylines a page dump prints without a plain "By <name>" line: a bare name beside the date, names
split over lines, a "by" glued to the date, dates that are no phone numbers, and the caption under
a caption's label."""

from __future__ import annotations

import pytest

from newstrace.segment.assemble import find_articles
from newstrace.segment.furniture import furniture_kind, is_numeric_date
from newstrace.segment.header_names import is_bare_names
from newstrace.segment.metadata import glued_byline
from tests.segment.paragraphs import P1, P2


def _byline(header: list[str]) -> str | None:
    [article] = find_articles("\n\n".join([*header, P1, P2]) + "\n", prose=True)
    return article.byline


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a bare name right below the date, another right above it
        (["Bridge to close", "June 1, 2021", "Ann C. Vale", "Photo: Ben Orr"], "Ann C. Vale"),
        (["Bridge to close", "Ann Vale", "Politics", "June 1, 2021"], "Ann Vale"),
        # a role and a handle between the name and the date
        (["Bridge to close", "Ann Vale", "Political Editor", "@annvale", "June 1, 2021"], "Ann Vale"),
        # two writers on one line
        (["Bridge to close", "Ann Vale, Ben Orr", "June 1, 2021"], "Ann Vale, Ben Orr"),
        # an update notice dates the article too; a numeric date whose order is unclear as well
        (["Bridge to close", "Ann Vale", "Updated Jun 2, 2021 @ 10:42 am"], "Ann Vale"),
        (["Bridge to close", "02/10/2020", "Ann Vale"], "Ann Vale"),
        (["Bridge to close", "The Lantern", "02/10/2020", "Ann Vale"], "Ann Vale"),
        # a section label alone, a publication's name, a role alone: no byline
        (["Bridge to close", "Politics", "June 1, 2021"], None),
        (["Bridge to close", "The Lantern", "June 1, 2021"], None),
        (["Bridge to close", "Senior Editor", "June 1, 2021"], None),
        # no date near the body: a name in a menu is not the byline
        (["Ann Vale", "Bridge to close"], None),
        # the writers split over lines, joined by "and"
        (["Bridge to close", "By", "Ann Vale", "and", "Ben Orr", "June 1, 2021"], "Ann Vale, Ben Orr"),
        # "by" glued to the date and a comment count
        (["Bridge to close", "July 24, 2019 by Ann Vale 5 Comments"], "Ann Vale"),
        # "written by" with more words before it, the name on the next line
        (["Bridge to close", "June 1, 2021", "words written by", "Ann Vale"], "Ann Vale"),
    ],
)
def test_bylines_of_page_dumps(header: list[str], expected: str | None) -> None:
    assert _byline(header) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Leah C. Stokes", True),
        ("Ann Vale, Ben Orr and Cy Young", True),
        ("Ann", False),
        ("The Guardian", False),
        ("Political Editor", False),
        ("Bridge to close", False),
        ("AFP/The Lantern", False),
    ],
)
def test_is_bare_names(line: str, expected: bool) -> None:
    assert is_bare_names(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("July 24, 2019 by Ann Vale 5 Comments", "Ann Vale"),
        ("21/06/2014 by Ben Orr in News, Reviews", "Ben Orr"),
        ("July 24, 2019 5 Comments", None),
    ],
)
def test_glued_byline(line: str, expected: str | None) -> None:
    assert glued_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "date", "phone"),
    [
        ("02/10/2020", True, False),
        ("21.06.2014", True, False),
        ("12/31/2020", True, False),
        ("(555) 201-7788", False, True),
        ("Phone: 555 201 7788 | Fax: 555 201 7789", False, True),
    ],
)
def test_numeric_dates_are_no_phone_numbers(line: str, date: bool, phone: bool) -> None:
    assert is_numeric_date(line) is date
    assert (furniture_kind(line) == "contact") is phone


@pytest.mark.parametrize(
    ("value", "caption"),
    [
        ("The mayor opens the bridge on Friday", True),  # the line after "Image caption" is the caption
        (" ".join([P1, P2]), False),  # a paragraph too long for a caption: the label was left empty
    ],
)
def test_the_line_after_a_caption_label_is_the_caption(value: str, caption: bool) -> None:
    page = "\n\n".join(["Bridge to close", P1, "Image caption", value, P2]) + "\n"
    [article] = find_articles(page, prose=True)
    assert (value in article.text) is not caption
