"""Date expressions resolved against a published date, keeping their granularity."""

from __future__ import annotations

import pytest

from newstrace.model import Article
from newstrace.text.date_mentions import dates_in, find_date_mentions, nearest_date
from newstrace.text.dates import DATE_RE, PartialDate, find_date_expressions, parse_date, resolve_dates

JUNE_5_2020 = PartialDate(2020, 6, 5)  # a Friday

RELATIVE = [
    ("on Sunday", "2020-05-31"),
    ("Tuesday", "2020-06-02"),
    ("last Friday", "2020-05-29"),
    ("in May", "2020-05"),
    ("in November", "2019-11"),
    ("last November", "2019-11"),
    ("earlier this month", "2020-06"),
    ("last month", "2020-05"),
    ("last year", "2019"),
    ("in 2018", "2018"),
    ("in November 2019", "2019-11"),
    ("November 4, 2020", "2020-11-04"),
    ("4 November 2020", "2020-11-04"),
    ("Monday, May 18", "2020-05-18"),
    ("May 18", "2020-05-18"),
    ("three days ago", "2020-06-02"),
    ("yesterday", "2020-06-04"),
    ("2016-09-12", "2016-09-12"),
    ("mid-2019", "2019"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_dates(text: str, expected: str) -> None:
    value = parse_date(text, JUNE_5_2020)
    assert value is not None
    assert value.iso() == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the month the text dated before; no published date needed
        (
            "Riots began in March 2011. The March riots and the 2012 vote ... two months later.",
            None,
            [("March 2011", "2011-03"), ("March", "2011-03"), ("2012", "2012"), ("two months later", None)],
        ),
        (
            "Riots began in March 2011. Then came the March riots ... two months later.",
            None,
            [("March 2011", "2011-03"), ("March", "2011-03"), ("two months later", "2011-05")],
        ),
        # the text's own year wins over the published date's nearest such month
        (
            "Riots began in November 2018. The November riots spread.",
            "2020-06-05",
            [("November 2018", "2018-11"), ("November", "2018-11")],
        ),
        # no month dated before: the published date resolves it
        ("The March riots spread.", "2020-06-05", [("March", "2020-03")]),
        ("The March riots spread.", None, [("March", None)]),
    ],
)
def test_a_month_named_alone_takes_the_year_the_text_gave_it(
    text: str, published: str | None, expected: list[tuple[str, str | None]]
) -> None:
    found = resolve_dates(text, published)
    assert [(e.text, e.value.iso() if e.value else None) for e in found] == expected


def test_later_counts_from_the_previous_date() -> None:
    found = resolve_dates(
        "the uprising in November 2019 ... students returned two months later", "2020-06-05"
    )
    assert [(e.text, e.value.iso() if e.value else None) for e in found] == [
        ("November 2019", "2019-11"),
        ("two months later", "2020-01"),
    ]


@pytest.mark.parametrize("text", ["February 30, 2020", "on Sunday", "in May"])
def test_impossible_or_unanchored_dates_resolve_to_none(text: str) -> None:
    assert parse_date(text, None) is None


def test_yearless_day_far_ahead_is_last_year() -> None:
    value = parse_date("Nov. 4", JUNE_5_2020)
    assert value is not None and value.iso() == "2019-11-04"


@pytest.mark.parametrize(
    "text", ["1,500 people", "may be", "March organisers", "the 2000 protesters", "10:30"]
)
def test_non_dates_are_not_found(text: str) -> None:
    assert [e for e in find_date_expressions(text, JUNE_5_2020) if e.value is not None] == []


def test_partial_date_round_trip() -> None:
    for iso in ("2020", "2020-06", "2020-06-05"):
        date = PartialDate.from_iso(iso)
        assert date is not None and date.iso() == iso
    assert PartialDate.from_iso("2021-04-10T07:15:00+02:00") == PartialDate(2021, 4, 10)
    assert PartialDate.from_iso("not a date") is None


MORE = [
    ("the 2018 uprising", "2018"),
    ("The 2020 summit", "2020"),
    ("the November uprising", "2019-11"),
    ("the 2018 elections", "2018"),
    ("in 2020-06", "2020-06"),
    ("a 1988 law", "1988"),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_dates_before_nouns(text: str, expected: str) -> None:
    value = parse_date(text, JUNE_5_2020)
    assert value is not None
    assert value.iso() == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since the 2017/2018 Uprisings", "2017", "2018"),
        ("in the 2018-19 season", "2018", "2019"),
        ("between 2018 – 2019", "2018", "2019"),
    ],
)
def test_year_ranges(text: str, start: str, end: str) -> None:
    [found] = find_date_expressions(text, JUNE_5_2020)
    assert found.value is not None and found.until is not None
    assert (found.value.iso(), found.until.iso()) == (start, end)


@pytest.mark.parametrize("text", ["the 2000 people", "the May government", "a 2019-13 score", "2017/2016"])
def test_more_non_dates(text: str) -> None:
    assert [e for e in find_date_expressions(text, JUNE_5_2020) if e.value is not None] == []


def _article(text: str, published: str | None = "2020-06-05") -> Article:
    return Article("a1", "d1", 0, "test.txt", None, None, published, None, text)


def test_date_mentions_keep_offsets_and_values() -> None:
    text = "On Sunday, Khamenei spoke. Protests began in November 2019 and resumed two months later."
    found = find_date_mentions(_article(text))
    assert [(d.text, d.value) for d in found] == [
        ("On Sunday", "2020-05-31"),
        ("November 2019", "2019-11"),
        ("two months later", "2020-01"),
    ]
    assert all(text[d.start : d.end] == d.text and d.article == "a1" for d in found)


def test_february_30_gives_no_value() -> None:
    [found] = find_date_mentions(_article("It happened on February 30, 2020."))
    assert found.text == "February 30, 2020" and found.value is None


def test_dates_in_and_nearest_date_for_a_quote() -> None:
    text = (
        "On Sunday, the minister said: “We will not give in.” She spoke for an hour. Protests began in May."
    )
    dates = find_date_mentions(_article(text))
    quote = text.index("We"), text.index("in.”") + 3
    sentence = 0, text.index("She") - 1
    assert [d.text for d in dates_in(dates, *sentence)] == ["On Sunday"]
    near = nearest_date(dates, *quote)
    assert near is not None and near.value == "2020-05-31"
    assert nearest_date(dates, *quote, window=5) is None
    assert nearest_date(find_date_mentions(_article(text, None)), *quote) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protests began in 2019/2020 and again on May 18.", ["2019/2020", "May 18"]),
        ("The November uprising and the 2018 elections", ["November", "2018"]),
        ("a 2018-19 budget, ratified 2018-06-05", ["2018-19", "2018-06-05"]),
        ("x2019 May18 Monday", ["Monday"]),  # inside a word no date starts
        ("two months ago, then two months later", ["two months ago", "two months later"]),
    ],
)
def test_dates_are_found_only_where_words_start(text: str, expected: list[str]) -> None:
    found = [e.text for e in find_date_expressions(text, PartialDate(2020, 6, 1))]
    assert found == expected
    assert found == [m.group(0) for m in DATE_RE.finditer(text)]  # the plain scan finds the same
