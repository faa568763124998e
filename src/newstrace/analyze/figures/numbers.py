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

from newstrace.analyze.figures.noncounts import identifier_numbers, non_count_reason
from newstrace.model import DateMention
from newstrace.text.dates import find_date_expressions

__all__ = [
    "TIMES", "NumberMention", "classify_numbers", "find_numbers", "is_cardinal", "match_single",
    "not_a_count", "parse_number_words",
]  # fmt: skip

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
COUNT_SCALES = {**SCALES, "dozen": 12}  # scales of a count said in words ("six dozen", "a few dozen")
# Vague plurals: the value is the smallest the word can mean (two of the unit), flagged approximate.
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
    "millions": 2_000_000,
}
# Adverbs that count how often something happened ("scored twice": two times).
TIMES = {"once": 1, "twice": 2, "thrice": 3}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "½": 0.5, "¼": 0.25, "¾": 0.75}

_WORD = r"(?:" + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True)) + r")"
_WORD_NUMBER = (
    rf"{_WORD}(?:-{_WORD})?(?:\s+(?:hundred|thousand|million|billion)"
    rf"(?:\s+(?:and\s+)?{_WORD}(?:-{_WORD})?)?)*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:(?:\s+|-)(?:hundred|thousand|million|billion|trillion))?"  # "a 13.8-billion-year period"
# "two and a half", "five-and-a-half", "5 ½"
_FRACTION = r"(?:(?:\s+|-)and[\s-]+an?[\s-]+(?P<{}>half|quarter)|\s?(?P<{}_sign>[½¼¾]))?"
_DFRACTION, _WFRACTION = (_FRACTION.format(g, g) for g in ("dfraction", "wfraction"))
_VAGUE = (
    r"tens of (?:thousands|millions)|hundreds of (?:thousands|millions)|dozens|scores|hundreds|thousands"
    r"|millions"
)
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
    rf"|(?P<few>\b(?:a\s+few|several|a\s+couple(?:\s+of)?)\s+(?:hundred|thousand|million|billion|dozen)\b)"
    rf"|(?P<dozen>\ba\s+(?:dozen|couple(?:\s+of)?)\b)"
    rf"|(?P<halfscale>\bhalf\s+an?\s+(?:million|billion|dozen))"
    rf"|(?P<single>\ban?(?=\s+(?:day|week|month|year|decade|century|hour|minute)\b(?!-)))"
    rf"|(?P<long>(?<!-)\b(?:hour|day|week|month|year)-?long\b)"  # "an hourlong encounter": one hour
    rf"|(?P<century>\b(?:a\s+)?(?:quarter|half)[\s-]+(?:a\s+)?century)"
    rf"|(?P<digits>(?<![\w.,/:-])(?:{_DIGITS}){_SCALE}){_DFRACTION}(?P<plus>\+|-plus)?"
    rf"|(?P<words>\b{_WORD_NUMBER}\b){_WFRACTION}"
    rf"(?:[\s-]+(?P<wscale>million|billion|thousand|dozen)\b)?"  # "six-million people"
    rf"|(?P<bdozen>\bdozen\b)"  # "three dozen immigrants", "the initial dozen offerings"
    rf"|(?P<times>\b(?:{'|'.join(TIMES)})\b))",  # how often something happened: "scored twice"
    re.IGNORECASE,
)
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
    return [m for m, reason in classify_numbers(text, dates) if reason is None]


def classify_numbers(
    text: str, dates: Sequence[DateMention] | None = None
) -> list[tuple[NumberMention, str | None]]:
    """Every number expression in ``text`` with the reason it counts nothing (``"date"`` inside a
    date expression, else one of ``noncounts.REASONS``), or ``None`` when it may count something."""
    found = find_date_expressions(text, None) if dates is None else dates
    spans = [(d.start, d.end) for d in found if not OFFSET.match(d.text)]
    identifiers = identifier_numbers(text)
    return [
        (m, "date" if _inside(m, spans) else not_a_count(text, m, identifiers)) for m in _candidates(text)
    ]


def _candidates(text: str) -> Iterator[NumberMention]:
    for match in NUMBER_RE.finditer(text):
        value = _value(match)
        if value is None:
            continue
        hedge = match.group("hedge")
        couple = "couple" in (match.group("dozen") or "").lower()  # "a couple of songs": two or so
        vague = couple or any(match.group(g) is not None for g in ("vague", "plus", "few"))
        start = match.start("hedge") if hedge else match.start() + _leading_space(match.group(0))
        qualifier = hedge.lower() if hedge else ("plus" if match.group("plus") else None)
        yield NumberMention(
            start, match.end(), text[start : match.end()], value, bool(hedge) or vague, qualifier
        )


def _leading_space(s: str) -> int:
    return len(s) - len(s.lstrip())


def _value(match: re.Match[str]) -> float | None:
    fixed = _word_value(match)
    if fixed is not None:
        return fixed
    said = [match.group(g) for g in ("dfraction", "wfraction", "dfraction_sign", "wfraction_sign")]
    fraction = FRACTIONS.get(next((f for f in said if f), "").lower(), 0.0)
    if match.group("digits"):
        return _digits_value(match.group("digits")) + fraction
    words = parse_number_words(match.group("words"))
    scale = COUNT_SCALES.get((match.group("wscale") or "").lower(), 1)
    return None if words is None else (words + fraction) * scale


def _word_value(match: re.Match[str]) -> float | None:
    """The value of an amount said in words: "dozens", "a dozen", "a year", "a few thousand"..."""
    group = next(
        (
            g
            for g in ("vague", "dozen", "single", "few", "halfscale", "century", "long", "bdozen", "times")
            if match.group(g)
        ),
        None,
    )
    text = " ".join((match.group(group) or "").lower().split()) if group else ""
    values = {
        "vague": lambda: float(VAGUE.get(text, 0)),
        "dozen": lambda: 12.0 if "dozen" in text else 2.0,
        "single": lambda: 1.0,  # "a year later", "within a month": one of a span of time
        # "a few thousand", "several hundred": three of the scale; "a couple of hundred": two
        "few": lambda: (2.0 if "couple" in text else 3.0) * COUNT_SCALES[text.split()[-1]],
        "halfscale": lambda: 0.5 * SCALES.get(text.split()[-1], 12),
        "century": lambda: 25.0 if "quarter" in text else 50.0,  # "a quarter century": 25 years
        "long": lambda: 1.0,  # "a weeklong trial": one week
        "bdozen": lambda: 12.0,
        "times": lambda: float(TIMES[text]),
    }
    return values[group]() if group else None


def _digits_value(text: str) -> float:
    parts = re.split(r"[\s-]+", text.lower())
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


DIGIT_WORD = re.compile(r"^\d[\d,.]*$")


def is_cardinal(word: str) -> bool:
    """Whether ``word`` alone is a cardinal: digits ("13", "1,000"), number words ("sixty",
    "forty-two") or a scale ("hundred"): the one reading of number words, ``parse_number_words``."""
    if DIGIT_WORD.match(word) is not None or word.lower() in SCALES:
        return True
    return parse_number_words(word) is not None


def _inside(m: NumberMention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start < e or s < m.end <= e for s, e in spans)


# "a day" after a number in its clause is a rate: "200 patients a day", "twice a year", "$5 a month".
SINGLE_RATE_BEFORE = re.compile(r"(?:\d|\b(?:once|twice|thrice|times|per)\b)[^.,;:!?\d]{0,25}$", re.I)


# "a year" spans time only as a duration or an interval: "after a year", "a day later".
SPAN_BEFORE = re.compile(r"\b(?:after|within|for|in|over|than|only|just|barely|about|once)\s+$", re.I)
SPAN_AFTER = re.compile(
    r"^\s+\w+\s+(?:later|ago|after|before|earlier|since|on|long|old)\b|^\s+\w+\s*(?:[,.;]|$)", re.I
)


# What makes "once"/"twice" no count of events: a multiple ("twice the size", "twice as many") or a
# frequency ("twice a week", "twice daily") after it ...
MULTIPLE_AFTER = re.compile(
    r"^\s+(?:the|as|a|an|per|each|every|daily|weekly|monthly|yearly|annually|over|that)\b|^\s*[-–]", re.I
)
# ... or an adverb of time, not of frequency: "once again", "at once", "Once the money was sent"
ADVERB_AFTER = re.compile(r"^\s+(?:again|more|and|or)\b", re.I)
WHEN_AFTER = re.compile(r"^\s+(?:the|a|an|it|they|he|she|we|you|i|this|that|these|those)\b", re.I)
ADVERB_BEFORE = re.compile(r"\b(?:at|all|for|if)\s+$|(?:^|[.!?\n][\"'”’]?\s*)$", re.I)
# Characters looked at around "once"/"twice": a word or two after it ("a week", "the size", "again"),
# one word before it ("at", "all", "for", "if") or the end of the sentence before.
TIMES_AFTER_CHARS, TIMES_BEFORE_CHARS = 12, 8


def _not_how_often(text: str, m: NumberMention) -> str | None:
    """Why "once"/"twice"/"thrice" at ``m`` counts no times something happened (``"rate"``: a
    multiple or a frequency; ``"adverb"``: "once" as "formerly" or "when"), or ``None`` ("scored
    twice", "have twice denied"). Hedged, it is a comparison ("more than once")."""
    after = text[m.end : m.end + TIMES_AFTER_CHARS]
    opening = ADVERB_BEFORE.search(text[max(0, m.start - TIMES_BEFORE_CHARS) : m.start]) is not None
    if m.text.lower().endswith("once") and (opening or WHEN_AFTER.match(after)):
        return "adverb"  # "Once the money was sent", "once it arrives"
    if MULTIPLE_AFTER.match(after):
        return "rate"
    return "adverb" if m.qualifier or ADVERB_AFTER.match(after) else None


def match_single(m: NumberMention) -> bool:
    """Whether ``m`` is "a"/"an" before a span of time ("a year")."""
    return m.text.lower().split()[-1] in ("a", "an")


def not_a_count(text: str, m: NumberMention, identifiers: frozenset[str] = frozenset()) -> str | None:
    """Why ``m`` counts nothing (``noncounts.REASONS``: a time, a rate, a price...), or ``None``."""
    core_start = m.start + (len(m.qualifier) + 1 if m.qualifier and m.qualifier != "plus" else 0)
    if match_single(m):
        if SINGLE_RATE_BEFORE.search(text[max(0, m.start - 30) : m.start]):
            return "rate"  # "twice a day", "$5 a month", "100 deaths a year"
        if not (
            m.qualifier or SPAN_BEFORE.search(text[max(0, m.start - 12) : m.start])
        ) and not SPAN_AFTER.match(text[m.end : m.end + 30]):
            return "pronoun"  # "a year full of uprisings": an article, no span of time
    if m.text.lower().split()[-1] in TIMES:
        reason = _not_how_often(text, m)
        if reason:
            return reason  # "twice the size", "twice a week": a multiple, a frequency; "once again"
    if m.text.lower().endswith("scores") and not text[m.end : m.end + 4].lower().startswith(" of"):
        return "score"  # "test scores": the noun, not the number "scores of"
    return non_count_reason(
        text, core_start, m.end, hedged=bool(m.qualifier) and m.qualifier != "plus", identifiers=identifiers
    )
