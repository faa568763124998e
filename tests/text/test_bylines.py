"""Bylines: names of people or desks, nothing else (invented names)."""

from __future__ import annotations

import pytest

from newstrace.text.bylines import (
    AuthorCandidate,
    account_name,
    choose_byline,
    clean_byline,
    is_author_name,
)


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
        ("Posted on May 3, 2020 by Ann Vale", None, "Ann Vale"),  # a posting line: date, then author
        ("Posted", None, None),  # an interface word alone
        ("Ann Vale Follow Email", None, "Ann Vale"),  # interface words after the name
        ("Ben Orr said", None, None),  # a comment's attribution
        ("Ann Vale, Wirepost", None, "Ann Vale"),  # one word after a full name: the outlet
        ("Ann Vale/Wirepost", None, "Ann Vale"),
        ("Orr, Vale", None, "Orr, Vale"),  # family names alone are two writers
        ("Troy Vale, Lantern.example", None, "Troy Vale"),  # a site's address
        ("Von", None, None),  # a particle alone
        ("Contributors", None, None),  # a role, in the plural
        ("Ann Vale @annvale 11:57AM", None, "Ann Vale"),  # a handle and a time beside the name
        ('Ann "Ace" Vale', None, "Ann Vale"),  # a nickname in quotes
        ("Ann Vale \u2764\ufe0f", None, "Ann Vale"),  # an emoji
        ("Ann_Vale", None, None),  # a user name, not a written name
        ("Ann Vale \u2014 The Lantern", None, "Ann Vale"),  # after a dash: the outlet
        ("Ann Vale from The Lantern", None, "Ann Vale"),
        ("Ann Vale, Ben Orr, Cy Lamb, Di Holt, Ed Park, Flo Rand, Gus Dee, Hal Ray, Ida Fox", None, None),
        ("Photo by Ann Lee / By Jane Doe", None, "Jane Doe"),  # a credit, then the byline's own "By"
        ("By Jane Doe, The Wire Service", None, "Jane Doe"),  # "The …" after a full name: the outlet
        ("Staff and news service reports", None, "Staff and news service reports"),  # a desk, whole
        ("From staff and wire reports", None, "staff and wire reports"),
        ("Jane Doe jdoe@lantern.example", None, "Jane Doe"),  # an e-mail address beside the name
        ("View all posts by Jane Doe", None, "Jane Doe"),  # an author link
        ("More by Jane Doe", None, "Jane Doe"),
        ("Staff", None, None),  # a role alone is no desk
        ("By Ann Vale, Lantern Senior Writer", None, "Ann Vale"),  # a role after the name
        ("By Ann Vale, Chief Political Correspondent, The Lantern", None, "Ann Vale"),
        ("By Ann Vale in Paris and Ben Orr in Rome", None, "Ann Vale, Ben Orr"),  # datelined writers
        ("Ann Vale (AFP)", None, "Ann Vale"),
        ("By Ann Vale Special to The Lantern", None, "Ann Vale"),
        ("By Ann Vale Photography by Ben Orr", None, "Ann Vale"),  # the photographer's credit
        ("admin", None, None),  # a publishing system's default account, not a writer
        ("By Admin", None, None),
        ("Administrator", None, None),
        ("Jane Doe, admin", None, "Jane Doe"),
        ("By Ann Vale, MA Lantern Health News", None, "Ann Vale"),  # her degree, then her desk
        ("Ann Vale, MBA", None, "Ann Vale"),
        ("Written by Rob Vale Edited by Ann Orr", None, "Rob Vale"),  # the editor wrote nothing
        ("Reporting by Ann Vale and Tom Lee; Editing by Ben Orr", None, "Ann Vale, Tom Lee"),
        ("Edited by Ann Orr", None, "Ann Orr"),  # an editor credited alone is all the page names
        ("By Laura June Vale", None, "Laura June Vale"),  # a month that is a given name
        ("April Vale", None, "April Vale"),
        ("May Orr", None, "May Orr"),
        ("Lantern News February", None, None),  # a month last is a date glued to a desk
        ("By Ann Vale , Minh Do", None, "Ann Vale, Minh Do"),  # a stop word that is a family name
        ("Do Not Sell", None, None),
        ("Ann Vale Follow Writer and editor, Rivers, Dams, Valley Towns", None, "Ann Vale"),  # a widget
        ("Ann Vale Share this story, Ben Orr", None, "Ann Vale"),
        ("Revised Edition Edited by Ann Orr", None, None),  # a book's label, then its editor
        ("", None, None),
        (None, None, None),
    ],
)
def test_clean_byline(raw: str | None, site: str | None, expected: str | None) -> None:
    assert clean_byline(raw, site) == expected


@pytest.mark.parametrize(
    ("raw", "site", "expected"),
    [  # the same credits in other languages
        ("Von Konrad Vale", None, "Konrad Vale"),
        ("von Anja", None, "Anja"),
        ("Eingestellt von Konrad Vale", None, "Konrad Vale"),
        ("Veröffentlicht von Anja Orr", None, "Anja Orr"),
        ("Par Lucie Vale", None, "Lucie Vale"),
        ("Por Inés Orr", None, "Inés Orr"),
        ("Autor: Konrad Vale", None, "Konrad Vale"),
        ("Auteur : Lucie Vale", None, "Lucie Vale"),
        ("Konrad Vale und Anja Orr", None, "Konrad Vale, Anja Orr"),
        ("Lucie Vale et Paul Orr", None, "Lucie Vale, Paul Orr"),
        ("VON KONRAD VALE am 21. April 2020", None, "KONRAD VALE"),  # the date after "am"
        ("Walter von Aachen", None, "Walter von Aachen"),  # "von" inside a name stays
        ("von der Orr", None, "von der Orr"),  # and before another particle
        ("Jan Vale", None, "Jan Vale"),  # a month's abbreviation that is a given name
        # "and" joins a name to a name, not the end of a bio's sentence to nothing
        ("Konrad Vale leitet das Ressort Wirtschaft bei der Laterne und Geschichte", None, None),
        ("Anja Orr Veröffentlicht", None, "Anja Orr"),  # a German interface word after the name
        ("Mehr Artikel von Anja Orr", None, "Anja Orr"),  # an author link
        ("Alle Beiträge", None, None),  # a label, not a name
        ("Auteurs", None, None),
    ],
)
def test_clean_byline_other_languages(raw: str | None, site: str | None, expected: str | None) -> None:
    assert clean_byline(raw, site) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("kvale42", "kvale42"),  # a blog's or forum's user name
        ("Herr_Orr", "Herr_Orr"),
        ("von anja_orr", "anja_orr"),
        ("By lvale", "lvale"),
        ("admin", None),  # the publishing system's default account
        ("Posted", None),
        ("vale.example", None),  # a site's address
        ("ann vale", None),  # two words: no account name, and no written name either
        ("", None),
    ],
)
def test_account_name(raw: str, expected: str | None) -> None:
    assert account_name(raw) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["kvale42", "By Ann Vale"], "Ann Vale"),  # a written name first
        (["kvale42"], "kvale42"),  # the account name when no one is named by a written name
        (["admin"], None),
    ],
)
def test_account_name_as_last_resort(texts: list[str], expected: str | None) -> None:
    assert choose_byline([AuthorCandidate(t) for t in texts]) == expected


@pytest.mark.parametrize(
    ("raw", "declared", "expected"),
    [
        ("Ann vale", True, "Ann vale"),  # a Person of the page's structured data, typed in lower case
        ("Ann vale", False, None),
        ("ann vale", True, None),  # still starts with a capital
        ("No author", True, None),
    ],
)
def test_declared_names(raw: str, declared: bool, expected: str | None) -> None:
    assert clean_byline(raw, None, declared) == expected


@pytest.mark.parametrize(
    ("texts", "marks", "expected"),
    [
        (["Lantern News", "By Ann Vale"], {"lanternnews"}, "Ann Vale"),  # the site's name is no writer
        (["Die Lantern", "Ann Vale"], {"lantern"}, "Ann Vale"),  # a name holding the site's
        (["Lantern News"], {"lanternnews"}, "Lantern News"),  # unless no one else is named: a desk
        (["Mady"], {"madyvale"}, "Mady"),  # a personal site named after its author
        (["Tom Vale Wirepost Press", "Tom Vale"], set(), "Tom Vale"),  # stated alone elsewhere
        (["Tom Vale Wirepost Press", "Tom"], set(), "Tom Vale Wirepost Press"),  # a given name alone
        (["Tech Wirepost Tom Vale 1 day ago", "Tom Vale"], set(), "Tom Vale"),  # an outlet glued before
        (["Dana A Ford", "By Dana A. Ford"], set(), "Dana A. Ford"),  # initials keep their dots
        (["ANN VALE", "Ann Vale"], set(), "Ann Vale"),  # mixed case over a style sheet's capitals
        (["Posted", "Ann Vale and Ben Orr"], set(), "Ann Vale, Ben Orr"),
        ([], set(), None),
    ],
)
def test_choose_byline(texts: list[str], marks: set[str], expected: str | None) -> None:
    assert choose_byline([AuthorCandidate(t) for t in texts], None, marks) == expected


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
