"""Date expressions in news text, resolved against the article's published date.

A resolved date keeps the granularity the text gives: "in 2018" is ``2018``, "last November"
in a June 2020 article is ``2019-11``, "on Sunday" in an article of Monday 18 May 2020 is
``2020-05-17``. Nothing is invented: without a published date, relative expressions stay
unresolved (``value=None``). The grammar covers the forms dateparser misses ("last November",
"earlier this month", "two months later") and is pure regex, so it costs no parse.

The ``dates`` analysis step (:mod:`newstrace.analyze.date_step`) attaches a
:class:`~newstrace.model.DateMention` for every expression (:mod:`newstrace.text.date_mentions`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = [
    "DateExpression",
    "PartialDate",
    "find_date_expressions",
    "named_month",
    "parse_date",
    "resolve_dates",
]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": None,
    "few": None,
}
MIN_YEAR, MAX_YEAR = 1800, 2100  # bare four-digit numbers outside this are not years
# A yearless "May 18" up to this many days after publication is this year's (an announced event);
# further ahead it is last year's: news mostly reports the past.
FUTURE_DAYS = 60
# A full month name not followed by a day or year ("the November uprising"), for month_reference.
BARE_MONTH = re.compile(r"\b(" + "|".join(calendar.month_name[1:]) + r")\b(?!\s+\d)")
# nearest_date looks this far (characters) around a span: about one sentence of news prose.
NEAR_CHARS = 200

_MONTH = (
    r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?P<{g}>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = (
    r"(?P<n>\d{{1,3}}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few))"
)
_UNIT = r"(?P<unit>day|week|month|year)s?"
# "the 2018 uprising" is a year, "the 2000 protesters" a count: after a determiner, a year-like number
# is a year when the next word is capitalised, a singular noun, or a plural that names events; words
# that count people are never preceded by a year.
_EVENT_PLURALS = (
    r"(?:elections|protests|riots|demonstrations|talks|games|olympics|uprisings|attacks|floods|strikes)"
)
_COUNTED = r"(?:people|men|women|children|police|staff|personnel|youth|persons|folk)\b"
# "the November uprising" names a month; "the May government" does not: after a determiner a bare
# month counts only before one of these nouns.
_MONTH_EVENTS = (
    r"(?:uprisings?|protests?|revolution|elections?|vote|attacks?|strikes?|rally|summit|talks|meeting"
    r"|crackdown|massacre|war|floods?|earthquake|coup|referendum|demonstrations?|riots?|killings?"
    r"|executions?|offensive|ceasefire|deal|agreement|decree|session|visit|speech|report)\b"
)
_DETERMINER = "(?:{})".format(
    "|".join(rf"(?<=\b{w} )" for w in ("[Tt]he", "[Aa]", "[Aa]n", "[Ii]ts", "[Tt]heir", "[Hh]is", "[Hh]er"))
)
_YEAR_NOUN = r"(?=[\s-]+(?!" + _COUNTED + r")(?:[A-Z]\w*|" + _EVENT_PLURALS + r"\b|[a-z]\w*(?<!s)\b))"
# What may follow a month or weekday that makes it part of a longer date ("May 18", "November 2019").
_MORE = r"(?!,?\s+(?:[0-3]?\d\b|1[89]\d\d\b|20\d\d\b|" + _MONTH.format(g="x").replace("(?P<x>", "(?:") + r"))"

PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b" + _YEAR.format(g="y") + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    ("iso_month", r"\b" + _YEAR.format(g="y") + r"-(?P<m>0[1-9]|1[0-2])(?![-/]?\d)"),
    (
        "year_range",
        r"\b"
        + _YEAR.format(g="y")
        + r"\s?[/\u2013-]\s?(?:"
        + _YEAR.format(g="y2")
        + r"|(?P<yy>\d\d))\b(?![-/,]\d|\s*%)",
    ),
    (
        "mdy",
        r"\b(?:"
        + _WEEKDAY.format(g="wd")
        + r",?\s+)?"
        + _MONTH.format(g="mon")
        + r"\s+"
        + _DAY.format(g="d")
        + r"(?:,?\s+"
        + _YEAR.format(g="y")
        + r")?\b(?!:)",
    ),
    (
        "dmy",
        r"\b(?:"
        + _WEEKDAY.format(g="wd")
        + r",?\s+)?"
        + _DAY.format(g="d")
        + r"\s+(?:of\s+)?"
        + _MONTH.format(g="mon")
        + r"(?:,?\s+"
        + _YEAR.format(g="y")
        + r")?\b",
    ),
    ("my", r"\b" + _MONTH.format(g="mon") + r",?\s+(?:of\s+)?" + _YEAR.format(g="y") + r"\b"),
    (
        "rel_month",
        r"\b(?P<rel>(?i:last|this|next|past|earlier this|late|early|mid))[\s-]+"
        + _MONTH.format(g="mon")
        + r"\b"
        + _MORE,
    ),
    ("in_month", r"\b(?P<rel>(?i:in|since|by|until|during))\s+" + _MONTH.format(g="mon") + r"\b" + _MORE),
    (
        "rel_weekday",
        r"\b(?P<rel>(?i:last|this|next|on|late|early))\s+" + _WEEKDAY.format(g="wd") + r"\b" + _MORE,
    ),
    ("weekday", r"\b" + _WEEKDAY.format(g="wd") + r"\b" + _MORE),
    ("the_month", _DETERMINER + _MONTH.format(g="mon") + r"(?=\s+" + _MONTH_EVENTS + r")"),
    ("the_year", _DETERMINER + _YEAR.format(g="y") + r"\b(?![-/,]\d|\s*%)" + _YEAR_NOUN),
    (
        "rel_period",
        r"\b(?P<rel>(?i:(?:earlier|later) this|this|last|next|the past|the previous|the following))"
        r"\s+(?P<unit>week|month|year)\b",
    ),
    (
        "year_start",
        r"\b(?i:the\s+(?:start|beginning|outset|first\s+days?)\s+of\s+(?:the\s+year|(?=[12])))"
        + r"(?:"
        + _YEAR.format(g="y")
        + r")?\b|\b(?i:the\s+(?:new\s+)?year\s+(?:began|started|opened))\b",
    ),
    ("ago", r"\b" + _COUNT + r"\s+" + _UNIT + r"\s+(?P<dir>ago|earlier|later|before|after)\b"),
    (
        "deictic",
        r"\b(?P<word>(?i:today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening))\b",
    ),
    (
        "year",
        r"(?:\b(?i:in|since|by|until|of|from|during|early|late|mid|and|or|to|through|between|before|after)"
        r"[\s-]+|(?<=[/\u2013-]))" + _YEAR.format(g="y") + r"\b(?!\s?[-/\u2013]\s?\d|,\d|\s*%)",
    ),
)
DATE_RE = re.compile(
    "|".join(f"(?P<{name}>{pat.replace('(?P<', f'(?P<{name}__')})" for name, pat in PATTERNS)
)

WORD_START = re.compile(r"\b\w")  # where every DATE_RE match starts (see _date_matches)


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def from_iso(cls, text: str | None) -> PartialDate | None:
        """Read ``YYYY[-MM[-DD]]`` (longer ISO timestamps are cut to the day); None if not a date."""
        match = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text or "")
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        return _checked(year or 0, month, day)

    def first_day(self) -> dt.date:
        """The first calendar day the date covers."""
        return dt.date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in a text, and its value (``None`` when it cannot be resolved).

    A range ("2017/2018", "2018-19") has ``value`` at its start and ``until`` at its end.
    """

    start: int
    end: int
    text: str
    value: PartialDate | None
    until: PartialDate | None = None


def parse_date(text: str, base: PartialDate | None = None) -> PartialDate | None:
    """The date a whole string names ("June 5, 2020", "5 June 2020", "2020-06-05"), or None."""
    for expr in find_date_expressions(text, base):
        return expr.value
    return None


def find_date_expressions(text: str, base: PartialDate | None) -> Iterator[DateExpression]:
    """Every date expression in ``text``, resolved against ``base`` (the published date).

    "later"/"earlier" offsets ("two months later") count from the last date resolved before them.
    A month named alone before an event noun ("the November uprising") is the month the text has
    already dated ("in November 2019"): a writer who gives the year once does not repeat it.
    """
    anchor = base
    months: dict[int, PartialDate] = {}  # the last dated mention of each month
    for match in _date_matches(text):
        kind = match.lastgroup or ""
        prefix = kind + "__"
        groups = {k[len(prefix) :]: v for k, v in match.groupdict().items() if v and k.startswith(prefix)}
        if kind == "year_range":
            value, until = _year_range(groups)
        elif kind == "the_month" and _month_of(groups) in months:
            value, until = months[_month_of(groups)], None
        else:
            value, until = _resolve(kind, groups, base, anchor), None
        if value is not None and kind != "ago":
            anchor = until or value
        if value is not None and value.month is not None:
            months[value.month] = PartialDate(value.year, value.month)
        yield DateExpression(match.start(), match.end(), match.group(0), value, until)


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``DATE_RE.finditer(text)``, found faster.

    Every pattern's match starts where a word starts (each opens with ``\\b`` before a letter or a
    digit, or with a look-behind for a space, a slash or a dash before one), so the pattern is tried
    only there: 2.7x faster on PolNeAR dev, the same matches (``match`` at a position still sees the
    characters before it, for ``\\b`` and look-behinds).
    """
    end = 0
    for start in WORD_START.finditer(text):
        if start.start() < end:
            continue  # inside the last match: finditer goes on from its end
        match = DATE_RE.match(text, start.start())
        if match is not None:
            end = match.end()
            yield match


def resolve_dates(text: str, published: str | None) -> list[DateExpression]:
    """All date expressions of an article, resolved against its ``YYYY-MM-DD`` published date."""
    return list(find_date_expressions(text, PartialDate.from_iso(published)))


def _resolve(
    kind: str, g: dict[str, str], base: PartialDate | None, anchor: PartialDate | None
) -> PartialDate | None:
    return RESOLVERS[kind](g, base, anchor)


def _month_of(g: dict[str, str]) -> int:
    return MONTHS[g["mon"].lower().rstrip(".")]


def _checked(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None  # "February 30" is not a date
    return PartialDate(year, month, day)


def _year_range(g: dict[str, str]) -> tuple[PartialDate | None, PartialDate | None]:
    """ "2017/2018", "2018-19": both ends, or (None, None) if the second is not a later year."""
    first = int(g["y"])
    second = int(g["y2"]) if "y2" in g else first // 100 * 100 + int(g["yy"])
    if not first < second <= first + 10:
        return None, None
    return _checked(first, None, None), _checked(second, None, None)


def _month_day(g: dict[str, str], base: PartialDate | None) -> PartialDate | None:
    month, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
    if "y" in g:
        return _checked(int(g["y"]), month, day)
    if base is None or base.month is None:
        return None
    weekday = WEEKDAYS.get(g.get("wd", "").lower())
    if weekday is not None:  # the year in which that day falls on that weekday, nearest first
        years = [base.year, base.year - 1, base.year + 1]
    else:  # news reports the past: a day more than FUTURE_DAYS after publication is last year's
        ahead = _checked(base.year, month, day)
        late = ahead is not None and (ahead.first_day() - base.first_day()).days > FUTURE_DAYS
        years = [base.year - 1] if late else [base.year]
    for year in years:
        date = _checked(year, month, day)
        if date is not None and (weekday is None or date.first_day().weekday() == weekday):
            return date
    return None


def named_month(month: int, rel: str, base: PartialDate | None) -> PartialDate | None:
    """The month ``month`` named with ``rel`` ("last", "next", "in", "this") seen from ``base``."""
    if base is None or base.month is None:
        return None
    if rel == "next":
        year = base.year if month > base.month else base.year + 1
    elif rel in ("last", "past"):
        year = base.year if month < base.month else base.year - 1
    else:  # "in May", "this May": the latest such month not after the published month
        year = base.year if month <= base.month else base.year - 1
    return PartialDate(year, month)


def _weekday(weekday: int, rel: str, base: PartialDate | None) -> PartialDate | None:
    if base is None or base.day is None:
        return None
    day = base.first_day()
    back = (day.weekday() - weekday) % 7
    if rel == "next":
        target = day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)
    elif rel == "last":
        target = day - dt.timedelta(days=back or 7)
    else:  # news convention: a bare weekday is the latest such day up to the published day
        target = day - dt.timedelta(days=back)
    return PartialDate(target.year, target.month, target.day)


def _period(rel: str, unit: str, base: PartialDate | None) -> PartialDate | None:
    if base is None:
        return None
    step = -1 if rel in ("last", "the past", "the previous") else 1 if rel in ("next", "the following") else 0
    if unit == "year":
        return PartialDate(base.year + step)
    if base.month is None:
        return None
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + step, 12)
        return PartialDate(year, month + 1)
    if base.day is None:
        return None
    day = base.first_day() + dt.timedelta(weeks=step)
    return PartialDate(day.year, day.month)  # a week is known to its month at best


def _year_start(g: dict[str, str], anchor: PartialDate | None) -> PartialDate | None:
    """ "the start of 2018", "the year began" (the year of the last date before): its first month."""
    if "y" in g:
        return _checked(int(g["y"]), 1, None)
    return PartialDate(anchor.year, 1) if anchor is not None else None


def _offset(g: dict[str, str], base: PartialDate | None, anchor: PartialDate | None) -> PartialDate | None:
    count = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS.get(g["n"].lower().replace("a few", "few"))
    if count is None:
        return None
    ref = base if g["dir"].lower() == "ago" else anchor
    if ref is None:
        return None
    sign = 1 if g["dir"].lower() in ("later", "after") else -1
    unit = g["unit"]
    if unit == "year":
        return PartialDate(ref.year + sign * count)
    if unit == "month" and ref.month is not None:
        year, month = divmod(ref.year * 12 + ref.month - 1 + sign * count, 12)
        return PartialDate(year, month + 1)
    if ref.day is None:
        return None
    days = count * (7 if unit == "week" else 1)
    target = ref.first_day() + dt.timedelta(days=sign * days)
    return PartialDate(target.year, target.month, target.day if unit == "day" else None)


def _deictic(word: str, base: PartialDate | None) -> PartialDate | None:
    if base is None or base.day is None:
        return None
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    day = base.first_day() + dt.timedelta(days=shift)
    return PartialDate(day.year, day.month, day.day)


Resolver = Callable[[dict[str, str], PartialDate | None, PartialDate | None], PartialDate | None]
RESOLVERS: dict[str, Resolver] = {
    "iso": lambda g, base, anchor: _checked(int(g["y"]), int(g["m"]), int(g["d"])),
    "mdy": lambda g, base, anchor: _month_day(g, base),
    "dmy": lambda g, base, anchor: _month_day(g, base),
    "my": lambda g, base, anchor: _checked(int(g["y"]), _month_of(g), None),
    "rel_month": lambda g, base, anchor: named_month(_month_of(g), g["rel"].lower(), base),
    "in_month": lambda g, base, anchor: named_month(_month_of(g), g["rel"].lower(), base),
    "iso_month": lambda g, base, anchor: _checked(int(g["y"]), int(g["m"]), None),
    "the_month": lambda g, base, anchor: named_month(_month_of(g), "in", base),
    "the_year": lambda g, base, anchor: _checked(int(g["y"]), None, None),
    "rel_weekday": lambda g, base, anchor: _weekday(WEEKDAYS[g["wd"].lower()], g["rel"].lower(), base),
    "weekday": lambda g, base, anchor: _weekday(WEEKDAYS[g["wd"].lower()], "on", base),
    "rel_period": lambda g, base, anchor: _period(g["rel"].lower(), g["unit"], base),
    "year_start": lambda g, base, anchor: _year_start(g, anchor or base),
    "ago": _offset,
    "deictic": lambda g, base, anchor: _deictic(g["word"].lower(), base),
    "year": lambda g, base, anchor: _checked(int(g["y"]), None, None),
}


def date_bounds(
    date: PartialDate, until: PartialDate | None = None
) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last (year, month, day) a date or range can be; a missing day ends at 31."""
    last = until or date
    lo = (date.year, date.month or 1, date.day or 1)
    hi = (last.year, last.month or 12, last.day or 31)
    return lo, hi
