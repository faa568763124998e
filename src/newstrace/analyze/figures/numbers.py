"""Numbers that may count something: digits, number words, vague quantities and their hedges.

``find_numbers`` returns every cardinal number expression with its value and whether it is
approximate ("more than 140", "dozens", "no less than two and a half"). Things that look like
numbers but count nothing are left out here: years and other parts of dates, times, money,
percentages, ages, ordinals, and identifiers such as "Covid-19" or "Decree 14".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newstrace.model import DateMention
from newstrace.text.dates import find_date_expressions

__all__ = ["NumberMention", "find_numbers", "parse_number_words"]

UNITS = {
    w: i
    for i, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen""".split()
    )
}
TENS = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Vague plurals: the value is the smallest the word can mean (two of the unit), flagged approximate.
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
}
FRACTIONS = {"half": 0.5, "quarter": 0.25}

_WORD = r"(?:" + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True)) + r")"
_WORD_NUMBER = (
    rf"{_WORD}(?:-{_WORD})?(?:\s+(?:hundred|thousand|million|billion)"
    rf"(?:\s+(?:and\s+)?{_WORD}(?:-{_WORD})?)?)*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion))?"
_FRACTION = r"(?:\s+and\s+an?\s+(?P<{}>half|quarter))?"
_VAGUE = r"tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions"
# Hedges that make a figure approximate. "over" followed by a determiner means "during"
# ("over the past 12 months"), so it is not a hedge there.
_HEDGE = (
    r"(?:more than|fewer than|less than|no less than|no fewer than|no more than|at least|at most|up to"
    r"|as many as|as few as|upwards of|in excess of|close to|nearly|almost|about|around|roughly"
    r"|approximately|some|an estimated|estimated|over(?!\s+(?:the|these|those|its|his|her|their|a)\b)"
    r"|under(?!\s+(?:the|these|those|its|his|her|their|a)\b)|just over|just under|well over)"
)
NUMBER_RE = re.compile(
    rf"(?:(?P<hedge>\b{_HEDGE})\s+)?"
    rf"(?:(?P<vague>\b(?:{_VAGUE})\b)"
    rf"|(?P<dozen>\ba\s+(?:dozen|couple(?:\s+of)?)\b)"
    rf"|(?P<halfscale>\bhalf\s+an?\s+(?:million|billion|dozen))"
    rf"|(?P<digits>(?<![\w.,/:-])(?:{_DIGITS}){_SCALE}){_FRACTION.format('dfraction')}(?P<plus>\+|-plus)?"
    rf"|(?P<words>\b{_WORD_NUMBER}\b){_FRACTION.format('wfraction')}"
    rf"(?:\s+(?P<wscale>million|billion|thousand)\b)?)",
    re.IGNORECASE,
)
# Followers that mean the number is money, a share, a time, an age or a measure of something else.
NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b|a\.m\.|p\.m\.|am\b|pm\b|o'clock\b"
    r"|(?:-|\s)years?[-\s]old\b|-year-old\b|dollars?\b|euros?\b|pounds?\b|rials?\b|tomans?\b|yuan\b|yen\b"
    r"|rubles?\b|dinars?\b|bn\b|m\b|[:/]\d))",
    re.IGNORECASE,
)
MONEY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:US|USD|EUR|GBP|Rs|Rp)\.?)\s*$")
AGE_BEFORE = re.compile(r"\b(?:aged|age of|ages of)\s*$", re.IGNORECASE)
IDENTIFIER_BEFORE = re.compile(r"(?:\b[A-Z][\w.]*|[A-Za-z]-|#|\bNo\.?|\bnumber)\s*$")
PRONOUN_ONE_AFTER = re.compile(
    r"^\s+(?:of\b|another\b|after\b|by\b|day\b|way\b|hand\b|thing\b)", re.IGNORECASE
)
ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
COMPOUND_AFTER = re.compile(r"^-[a-z]")  # "a three-day strike", "a 10-point plan": a modifier, not a count
APPOSITIVE_AGE_BEFORE = re.compile(r"\b[A-Z][\w’'-]+,\s*$")  # "Varga, 51, is ..."
PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|every|any|some|each|the|this|that|which)\s*$", re.IGNORECASE)
# "two months later", "three days ago": a date expression that still counts something (the interval).
OFFSET = re.compile(
    r"^\S+(?:\s+\S+)?\s+(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier|before|after)$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number expression: ``text[start:end]`` (hedge included), its value, and whether it is approximate."""

    start: int
    end: int
    text: str
    value: float
    approximate: bool
    qualifier: str | None


def find_numbers(text: str, dates: Sequence[DateMention] | None = None) -> list[NumberMention]:
    """Every number expression in ``text`` that could count something.

    ``dates`` are the date mentions of ``text`` when already found (the ``dates`` step's); they
    are found here when not given. Only their spans matter.
    """
    found = find_date_expressions(text, None) if dates is None else dates
    spans = [(d.start, d.end) for d in found if not OFFSET.match(d.text)]
    return [m for m in _candidates(text) if not _inside(m, spans) and _is_count(text, m)]


def _candidates(text: str) -> Iterator[NumberMention]:
    for match in NUMBER_RE.finditer(text):
        value = _value(match)
        if value is None:
            continue
        hedge = match.group("hedge")
        vague = match.group("vague") is not None or match.group("plus") is not None
        start = match.start("hedge") if hedge else match.start() + _leading_space(match.group(0))
        qualifier = hedge.lower() if hedge else ("plus" if match.group("plus") else None)
        yield NumberMention(
            start, match.end(), text[start : match.end()], value, bool(hedge) or vague, qualifier
        )


def _leading_space(s: str) -> int:
    return len(s) - len(s.lstrip())


def _value(match: re.Match[str]) -> float | None:
    if match.group("vague"):
        return float(VAGUE[" ".join(match.group("vague").lower().split())])
    if match.group("dozen"):
        return 12.0 if "dozen" in match.group("dozen").lower() else 2.0
    if match.group("halfscale"):
        return 0.5 * SCALES.get(match.group("halfscale").lower().split()[-1], 12)
    fraction = FRACTIONS.get((match.group("dfraction") or match.group("wfraction") or "").lower(), 0.0)
    if match.group("digits"):
        return _digits_value(match.group("digits")) + fraction
    words = parse_number_words(match.group("words"))
    scale = SCALES.get((match.group("wscale") or "").lower(), 1)
    return None if words is None else (words + fraction) * scale


def _digits_value(text: str) -> float:
    parts = text.lower().split()
    value = float(parts[0].replace(",", ""))
    return value * SCALES[parts[1]] if len(parts) > 1 else value


def parse_number_words(text: str) -> float | None:
    """The value of a spelled-out cardinal ("forty-two", "two hundred and five", "three million")."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and":
            continue
        if word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return float(total + current) if seen else None


def _inside(m: NumberMention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start < e or s < m.end <= e for s, e in spans)


def _is_count(text: str, m: NumberMention) -> bool:
    """False for money, shares, times, ages, years, ordinals, identifiers and pronoun "one"."""
    before, after = text[max(0, m.start - 12) : m.start], text[m.end : m.end + 24]
    core = m.text[len(m.qualifier or "") :].strip().lower()
    if (
        core == "one"
        and not m.qualifier
        and (PRONOUN_ONE_AFTER.match(after) or PRONOUN_ONE_BEFORE.search(before))
    ):
        return False
    return not any(
        (
            NOT_A_COUNT_AFTER.match(after),
            ORDINAL_AFTER.match(after),
            COMPOUND_AFTER.match(after),
            MONEY_BEFORE.search(before),
            AGE_BEFORE.search(before),
            re.fullmatch(r"1[89]\d\d|20\d\d", core),  # a bare four-digit year
            core[:1].isdigit() and IDENTIFIER_BEFORE.search(before) and not m.qualifier,
            APPOSITIVE_AGE_BEFORE.search(before) and after.startswith(","),
        )
    )
