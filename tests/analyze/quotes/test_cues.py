"""The reporting-verb lexicon: inflected forms, particles, kinds, and the scare-quote markers."""

from __future__ import annotations

import pytest

from newstrace.analyze.quotes.cues import SCARE_MARKER, VENUE_BEFORE, base_forms, cue_kind, cue_kind_of_word

CUES = [
    ("said", None, "speech"),
    ("says", None, "speech"),
    ("told", None, "speech"),
    ("adding", None, "speech"),
    ("warned", None, "speech"),
    ("explained", None, "speech"),
    ("lamented", None, "speech"),
    ("replied", None, "speech"),
    ("tweeted", None, "speech"),
    ("shouted", None, "speech"),
    ("chanted", None, "chant"),
    ("chanting", None, "chant"),
    ("called", None, "naming"),
    ("described", None, "naming"),
    ("referring", None, "naming"),
    ("pointed", "out", "speech"),
    ("pointed", None, None),
    ("went", "on", "speech"),
    ("put", "it", "speech"),
    ("ate", None, None),
    ("walked", None, None),
]


@pytest.mark.parametrize(("word", "particle", "expected"), CUES)
def test_cue_kind_of_inflected_words(word: str, particle: str | None, expected: str | None) -> None:
    assert cue_kind_of_word(word, particle) == expected


@pytest.mark.parametrize(
    ("word", "base"), [("said", "say"), ("replied", "reply"), ("referring", "refer"), ("noted", "note")]
)
def test_base_forms_undo_inflections(word: str, base: str) -> None:
    assert base in base_forms(word)


def test_lexicon_is_case_insensitive() -> None:
    assert cue_kind("Say") == "speech"


@pytest.mark.parametrize(
    ("before", "matches"),
    [
        ("the so-called ", True),
        ("came to be known as a ", True),
        ("a group dubbed ", True),
        ("using the word ", True),
        ("Khamenei explained, ", False),
        ("what Rajavi called ", False),
    ],
)
def test_scare_markers(before: str, matches: bool) -> None:
    assert bool(SCARE_MARKER.search(before)) is matches


@pytest.mark.parametrize(("before", "matches"), [("said on", True), ("NBC’s", True), ("he said", False)])
def test_venue_before_titles(before: str, matches: bool) -> None:
    assert bool(VENUE_BEFORE.search(before)) is matches
