"""Acronym definitions found by the Schwartz-Hearst algorithm, with slash, hyphen and reverse forms."""

from __future__ import annotations

import pytest

from newstrace.text.acronyms import find_definitions, initials_match, is_acronym, long_form

DEFINITIONS = [
    (
        "Referring to the People’s Mojahedin Organization of Iran (PMOI-MEK) as",
        "People’s Mojahedin Organization of Iran",
        ["PMOI", "MEK"],
        "PMOI-MEK",
    ),
    (
        "the People’s Mojahedin Organization of Iran (PMOI/MEK), as a mere cult",
        "People’s Mojahedin Organization of Iran",
        ["PMOI", "MEK"],
        "PMOI/MEK",
    ),
    (
        "the People’s Mojahedin Organization of Iran (PMOI / MEK)",
        "People’s Mojahedin Organization of Iran",
        ["PMOI", "MEK"],
        "PMOI / MEK",
    ),
    (
        "forces of the Islamic Revolutionary Guard Corps (IRGC) fired",
        "Islamic Revolutionary Guard Corps",
        ["IRGC"],
        None,
    ),
    (
        "the National Council of Resistance of Iran (NCRI) released",
        "National Council of Resistance of Iran",
        ["NCRI"],
        None,
    ),
    (
        "called by the People's Movement of Valdoria (PMV/Movimiento), a group",
        "People's Movement of Valdoria",
        ["PMV", "Movimiento"],
        "PMV/Movimiento",
    ),
    ("the World Health Organization (WHO) or the UN", "World Health Organization", ["WHO"], None),
    (
        "members of the IRGC (Islamic Revolutionary Guard Corps) said",
        "Islamic Revolutionary Guard Corps",
        ["IRGC"],
        None,
    ),
]


@pytest.mark.parametrize(("text", "long", "parts", "whole"), DEFINITIONS)
def test_definitions(text: str, long: str, parts: list[str], whole: str | None) -> None:
    [found] = find_definitions(text)
    assert found.long.text == long
    assert text[found.long.start : found.long.end] == long
    assert [p.text for p in found.parts] == parts
    assert all(text[p.start : p.end] == p.text for p in found.parts)
    assert (found.whole.text if found.whole else None) == whole


@pytest.mark.parametrize(
    "text",
    [
        "He said (in 2019) that it was over.",
        "The vote (52%) was close.",
        "a ( ) b (A) c",
        "the Basij (Mobilization) units",  # one word is no long form
        "the People’s Mojahedin Organization of Iran (MEK)",  # no K before: not a definition
    ],
)
def test_non_definitions(text: str) -> None:
    assert find_definitions(text) == []


def test_schwartz_hearst_long_form() -> None:
    assert (
        long_form("NCRI", "the National Council of Resistance of Iran")
        == "National Council of Resistance of Iran"
    )
    assert long_form("XYZ", "nothing matches here") is None


def test_nested_definition_gives_a_sane_result() -> None:
    text = "The Foo Bar Baz (FBB (FBB (FBB (FBB)))) said " * 2000
    found = find_definitions(text)
    assert len(found) <= 500  # MAX_DEFINITIONS
    assert all("(" not in d.long.text and ")" not in d.long.text for d in found)


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("IRGC", "Islamic Revolutionary Guard Corps", True),
        ("NCRI", "National Council of Resistance of Iran", True),
        ("U.N.", "United Nations", True),
        ("MEK", "People’s Mojahedin Organization of Iran", False),
        ("EB", "Elez", False),
    ],
)
def test_initials(short: str, long: str, expected: bool) -> None:
    assert initials_match(short, long) is expected


@pytest.mark.parametrize(
    ("word", "expected"), [("IRGC", True), ("U.S.", True), ("G7", False), ("Iran", False), ("A", False)]
)
def test_is_acronym(word: str, expected: bool) -> None:
    assert is_acronym(word) is expected
