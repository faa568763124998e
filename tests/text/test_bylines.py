"""Bylines: names of people or desks, nothing else (invented names)."""

from __future__ import annotations

import pytest

from newstrace.text.bylines import clean_byline, is_author_name


@pytest.mark.parametrize(
    ("raw", "site", "expected"),
    [
        ("By Jane Doe", None, "Jane Doe"),
        ("Dana A. Ford", None, "Dana A. Ford"),  # initials keep their dots
        ("Tom Ribe Jr.", None, "Tom Ribe Jr."),
        ("Photo by The Associated Press", None, None),  # a photo credit
        ("Account You're logged", None, None),  # interface words
        ("No Author", None, None),
        ("Valley News February", None, None),  # a date glued to a desk
        ("jdoe@example.org", None, None),  # an e-mail address
        ("Jane Doe, Staff Writer", None, "Jane Doe"),
        ("Pat Quill, PhD", None, "Pat Quill"),
        ("Pat Quill | Senior Editor", None, "Pat Quill"),
        ("Ann Vale and Ben Orr", None, "Ann Vale, Ben Orr"),
        ("Ann Vale; Ben Orr", None, "Ann Vale, Ben Orr"),
        ("Ann Vale for The Daily Lantern", None, "Ann Vale"),
        ("By Konrad Vale 21.10.2019", None, "Konrad Vale"),  # a date glued after the name
        ("Ann Vale on Nov 3, 2020", None, "Ann Vale"),
        ("Ariel V -", None, "Ariel V"),
        ("Lantern Staff", "Lantern", "Lantern Staff"),  # a desk alone stays
        ("Ann Vale Lantern Staff", "Lantern", "Ann Vale"),
        ("AFP/The Local", None, "AFP, The Local"),
        ("Will Harrow", None, "Will Harrow"),  # a given name that is also a stop word
        ("", None, None),
        (None, None, None),
    ],
)
def test_clean_byline(raw: str | None, site: str | None, expected: str | None) -> None:
    assert clean_byline(raw, site) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria de la Cruz", True),
        ("J.R. Lane", True),
        ("Share this story", False),
        ("Monday", False),
        ("Posted 3 hours ago", False),
        ("One Two Three Four Five Six Seven", False),  # too long for a name
        ("mary", False),  # a handle, not a written name
        ("Leave a reply", False),
    ],
)
def test_is_author_name(text: str, expected: bool) -> None:
    assert is_author_name(text) is expected
