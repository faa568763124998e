"""Numbers that may count something, their values and hedges; things that only look like counts."""

from __future__ import annotations

import pytest

from newstrace.analyze.figures.numbers import find_numbers, is_cardinal, parse_number_words

COUNTS = [
    ("The deaths of 1,500 people", [("1,500", 1500, False)]),
    ("no less than two and a half years", [("no less than two and a half", 2.5, True)]),
    ("a dozen areas of policy", [("a dozen", 12, False)]),
    ("dozens of deaths", [("dozens", 24, True)]),
    ("hundreds of thousands of people", [("hundreds of thousands", 200_000, True)]),
    ("At least one of the think tanks", [("At least one", 1, True)]),
    ("over 70,000 and still climbing", [("over 70,000", 70_000, True)]),
    ("as many as 100,000 participants", [("as many as 100,000", 100_000, True)]),
    ("some 40 cities", [("some 40", 40, True)]),
    ("nearly 300 arrests", [("nearly 300", 300, True)]),
    ("2.5 million people", [("2.5 million", 2_500_000, False)]),
    ("two and a half million people", [("two and a half million", 2_500_000, False)]),
    ("forty-two people", [("forty-two", 42, False)]),
    ("1,500-plus deaths", [("1,500-plus", 1500, True)]),
    ("two months later", [("two", 2, False)]),
    ("over the previous 15 years", [("15", 15, False)]),  # "over the" means "during": no hedge
    ("a three-day strike", [("three", 3, False)]),  # a number made a modifier still counts days
    ("the cast recovered a year later", [("a", 1, False)]),  # one span of time
    ("Several thousand nurses marched", [("Several thousand", 3000, True)]),
    ("scores of villagers", [("scores", 40, True)]),
    ("nearly three dozen workers", [("nearly three dozen", 36, True)]),  # a dozen as a scale
    ("the first dozen titles", [("dozen", 12, False)]),  # "dozen" alone: twelve
    ("over a 13.8-billion-year period", [("13.8-billion", 13_800_000_000, False)]),  # a scale hyphenated
    ("a 2-million-strong army", [("2-million", 2_000_000, False)]),
    ("the hourlong debate", [("hourlong", 1, False)]),  # "-long": one of the span
    ("a weeklong trial", [("weeklong", 1, False)]),
    ("after five-and-a-half years in charge", [("five-and-a-half", 5.5, False)]),
    ("a one-game suspension", [("one", 1, False)]),  # "one" made a modifier counts its noun
    ("a day-long strike", [("day-long", 1, False)]),
    ("a three-year-long feud", [("three", 3, False)]),  # the number before "-year-long" counts
    # "a couple" is two or so; before a scale it is two of the scale, as "a few" is three
    ("she sang a couple of songs", [("a couple of", 2, True)]),
    ("a couple of hundred nurses", [("a couple of hundred", 200, True)]),
    ("a couple thousand fans", [("a couple thousand", 2000, True)]),
    ("a few dozen protesters", [("a few dozen", 36, True)]),
    ("several dozen villagers", [("several dozen", 36, True)]),
]
NOT_COUNTS = [
    "in 2018",
    "the 2020 summit",
    "May 18, 2020",
    "Covid-19 deaths",
    "$2 million",
    "€1,200",
    "61 percent",
    "at 10:30",
    "aged 34",
    "a 22-year-old student",
    "Decree 14",
    "one of its greatest threats",
    "no one understands",
    "one after another",
    "Varga, 51, is the first",
]


@pytest.mark.parametrize(("text", "expected"), COUNTS)
def test_counts(text: str, expected: list[tuple[str, float, bool]]) -> None:
    assert [(m.text, m.value, m.approximate) for m in find_numbers(text)] == expected


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("seven", 7),
        ("forty-two", 42),
        ("two hundred and five", 205),
        ("three million", 3_000_000),
        ("zebra", None),
    ],
)
def test_number_words(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("13", True),
        ("1,000", True),
        ("sixty", True),  # every number word parse_number_words reads, not a list of its own
        ("thirteen", True),
        ("forty-two", True),
        ("hundred", True),
        ("787-9", False),
        ("delegates", False),
    ],
)
def test_a_cardinal_is_digits_or_number_words(word: str, expected: bool) -> None:
    assert is_cardinal(word) is expected


def test_offsets_point_at_the_text() -> None:
    text = "Officials said that more than 140 people and a dozen officers were hurt."
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text
