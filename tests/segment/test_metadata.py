"""Bylines, published dates, date lines, datelines and title choice."""

from __future__ import annotations

import pytest

from newstrace.segment.assemble import find_articles
from newstrace.segment.metadata import (
    byline_date,
    byline_of,
    choose_title,
    dateline_date,
    header_date,
    is_date_label,
    is_date_only,
    normalize_published,
    published_label_date,
)
from tests.segment.paragraphs import P1, P2


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Lena Marsh", "Lena Marsh"),
        ("By Tomas Reyes and Ada Kwan", "Tomas Reyes and Ada Kwan"),
        ("Written by: Valdoria Today Staff", "Valdoria Today Staff"),
        ("By Jane Doe | Staff Writer", "Jane Doe"),
        ("By Jean-Luc de la Tour, Senior Correspondent", "Jean-Luc de la Tour"),
        ("By the end of the day, the square was empty", None),
        ("By then it was too late.", None),
        ("Byron Smith said he would stay", None),
    ],
)
def test_byline(line: str, expected: str | None) -> None:
    assert byline_of(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published On: June 5, 2020", "2020-06-05"),
        ("Posted on 12 May 2021", "2021-05-12"),
        ("Published: 2021-03-04T09:00:00Z", "2021-03-04"),
        ("Published in May", None),
        ("Publishing houses protested.", None),
    ],
)
def test_published_label(line: str, expected: str | None) -> None:
    assert published_label_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wednesday, April 17, 2024", True),
        ("May 14, 2021", True),
        ("June 5, 2020 | 10:30 AM EST", True),
        ("May 14, 2021: talks resume", False),
        ("Thousands rally in Port Meridian", False),
    ],
)
def test_date_only_lines(line: str, expected: bool) -> None:
    assert is_date_only(line) is expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Iran, November 4, 2020—Protests broke out in several cities.", "2020-11-04"),
        ("PORT MERIDIAN, March 4, 2021 — Thousands of people marched.", "2021-03-04"),
        ("GENEVA, Nov. 4, 2020 (Reuters) - Talks opened on Friday.", "2020-11-04"),
        ("PARIS — Several hundred people gathered on Sunday.", None),
        ("In Paris, March 4, 2021 was a cold day.", None),
    ],
)
def test_dateline(paragraph: str, expected: str | None) -> None:
    assert dateline_date(paragraph) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-09-12", "2016-09-12"),
        ("2021-04-10T07:15:00+02:00", "2021-04-10"),
        ("June 5, 2020", "2020-06-05"),
        ("2020", None),
        ("soon", None),
        (None, None),
    ],
)
def test_normalize_published(value: str | None, expected: str | None) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        (
            ["Fear of the Movement", "Fear of the Movement Exposed in a Video Call", "Fear of the Movement"],
            "Fear of the Movement Exposed in a Video Call",
        ),
        (
            ["Side With the People", "Side With the People", "Crowds gather in Paris, July 2017"],
            "Side With the People",
        ),
        (["NewsWorldSide With the People", "Side With the People"], "Side With the People"),
        (["@annvale", "Bridge to close"], "Bridge to close"),  # a writer's handle is no headline
        (["@annvale"], None),
        ([], None),
    ],
)
def test_choose_title(candidates: list[str], expected: str | None) -> None:
    assert choose_title(candidates) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("21/06/2014 Ann Vale News, Reviews", "2014-06-21"),
        ("06/21/2014 Ann Vale", "2014-06-21"),
        ("03/04/2020 News", None),  # March 4 or 3 April: the page does not say
        ("2019-11-20 Politics", "2019-11-20"),
        ("By Ann Vale Published On: June 5, 2020 Politics, World", "2020-06-05"),
        ("Posted at 10 Nov 2021 in Business", "2021-11-10"),
        ("Nov 20, 2019 | Ann Vale", "2019-11-20"),
        ("Ann Vale wins June 5, 2020 race", None),  # a date inside a headline
        ("Bridge to close", None),
    ],
)
def test_dates_glued_to_header_lines(line: str, expected: str | None) -> None:
    assert header_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ann Vale, August 14, 2020 2:30 pm", "Ann Vale"),  # a byline glued to its date
        ("By Ann Vale And Ben Orr For The Lantern", "Ann Vale, Ben Orr"),
        ("By the way, nobody asked", None),
    ],
)
def test_bylines_glued_to_more(line: str, expected: str | None) -> None:
    assert byline_of(line) == expected


def test_a_name_on_its_own_line_is_not_the_title() -> None:
    assert choose_title(["Ann Vale", "Bridge to close"]) == "Bridge to close"
    assert choose_title(["Ann Vale"]) == "Ann Vale"  # nothing else: the page may be about her


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # "By" on a line of its own, the name on the next (a scraper put the link on its own line)
        (
            ["Bridge to close", "By", "Ann Vale", "June 1, 2021"],
            ("Bridge to close", "Ann Vale", "2021-06-01"),
        ),
        # the headline right above the byline, caught in a breadcrumb's list of links
        (
            ["Home", "News", "Bridge to close", "By", "Ann Vale", "June 1, 2021"],
            ("Bridge to close", "Ann Vale", "2021-06-01"),
        ),
        # an "Updated <date>" line between the headline and the byline is not the headline
        (
            ["Bridge to close", "Updated Jun 2, 6:55 AM", "By", "Ann Vale", "June 1, 2021"],
            ("Bridge to close", "Ann Vale", "2021-06-01"),
        ),
        # the date printed with the byline, though the title is found below it
        (
            ["The bridge from the east bank.", "By", "Ann Vale", "June 1, 2021", "Bridge to close"],
            (None, "Ann Vale", "2021-06-01"),
        ),
    ],
)
def test_header_lines_of_a_page_dump(header: list[str], expected: tuple[str | None, str, str]) -> None:
    [article] = find_articles("\n\n".join([*header, P1, P2]) + "\n", prose=True)
    title, byline, published = expected
    assert (article.byline, article.published) == (byline, published)
    if title is not None:
        assert article.title == title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", True),
        ("Published June 1, 2021", True),
        ("Updated rules for the bridge", False),  # no date: a headline
        ("Bridge to close on June 1", False),
    ],
)
def test_is_date_label(line: str, expected: bool) -> None:
    assert is_date_label(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Written by Ann Vale on July 27, 2017", "2017-07-27"),
        ("By Ann Vale | June 3, 2021", "2021-06-03"),
        ("By Ann Vale, updated June 3, 2021", None),  # when it was changed
        ("By Ann Vale, last edited June 3, 2021", None),
        ("By Ann Vale | Edited by Bob Orr | June 3, 2021", "2021-06-03"),  # an editor's credit
        ("By Ann Vale", None),
    ],
)
def test_byline_date(line: str, expected: str | None) -> None:
    assert byline_date(line) == expected


def test_the_date_on_the_byline_line_is_the_articles() -> None:
    page = f"Bridge to close\n\nWritten by Ann Vale on July 27, 2017\n\n{P1}\n\n{P2}\n"
    [article] = find_articles(page, prose=True)
    assert (article.byline, article.published) == ("Ann Vale", "2017-07-27")
