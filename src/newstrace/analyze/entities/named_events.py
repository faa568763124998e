"""Named events in an article ("Free Iran Global Summit", "the 2018 uprising", "nationwide uprising in
November 2019"), with their dates, and which of their mentions are the same event.

Three shapes, all anchored on an event noun (uprising, summit, rally, election, ...):

- a **name**: capitalised words before the noun ("Iran Freedom rally", "Islamic revolution",
  "Free Iran Global Summit"); a lone demonym before a lowercase noun ("Iranian uprising") describes an
  event rather than naming it and is left out;
- a **date before** the noun ("the 2018 uprising", "the November uprising", "2017/2018 Uprisings");
- a **date after** it ("nationwide uprising in November 2019", "mass execution of political
  prisoners in 1988"), with the modifiers in front that make it specific (EVENT_MODIFIERS).

Dates come from the article's DateMentions (dates.py). Within an article, a dated mention is the same
event as the one earlier group of that noun whose date it fits ("the 2019 uprising" and "uprising in
November 2019"; "the November uprising" in an undated article and "uprising in November 2019"); a
dated mention with no dated match joins a named event of the same noun ("the 2020 summit" and "the
Free Iran Global Summit") when that event is the only one of its noun in the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newstrace.model import DateMention, Span
from newstrace.text.dates import MONTHS, PartialDate, date_bounds
from newstrace.text.lexicon import EVENT_NOUNS
from newstrace.text.names import event_head

__all__ = ["NamedEvent", "find_named_events", "group_events", "same_period"]

EVENT_MODIFIERS = frozenset(
    """
    nationwide national general popular mass student major bloody violent peaceful large massive
    anti-government military presidential parliamentary local regional global international annual
    """.split()
)
MAX_NAME_WORDS = 5
MAX_OF_WORDS = 4  # "execution of political prisoners in 1988": words between the noun and "in"
_NOUN = r"(?P<noun>(?i:{})s?)".format("|".join(sorted(EVENT_NOUNS, key=len, reverse=True)))
_NAME_WORD = r"[A-Z][\w-]*(?:['’][A-Za-z]{2,}[\w-]*)?"  # O'Neil, but not a possessive "NCRI’s"
NAMED = re.compile(rf"(?<![\w’'])(?P<name>(?:{_NAME_WORD}[ \t]+){{1,{MAX_NAME_WORDS}}}){_NOUN}\b")
_OF_WORDS = rf"(?P<of>\s+of\s+(?:[a-z]+\s+){{0,{MAX_OF_WORDS - 1}}}?[a-z]+)?"
DATED_AFTER = re.compile(rf"(?P<mods>(?:[a-z-]+\s+){{0,2}}){_NOUN}{_OF_WORDS}\s+in\s+$")
DATED_AFTER_BARE = re.compile(DATED_AFTER.pattern.replace(r"\s+in\s+$", r"\s+$"))
DATED_BEFORE = re.compile(rf"\s+(?P<mods>(?:[a-z-]+\s+)?){_NOUN}\b")
DEFINITE = re.compile(r"\b[Tt]he\s+$")  # "the" right before a date: "the December 2009 protests"


@dataclass(frozen=True, slots=True)
class NamedEvent:
    """A mention of a named or dated event.

    ``date``/``until`` are its resolved date (or range); ``month`` is the month of a date the article
    cannot resolve ("the November uprising" with no published date); ``named`` marks a proper name.
    """

    span: Span
    head: str
    named: bool
    date: PartialDate | None = None
    until: PartialDate | None = None
    month: int | None = None
    tentative: bool = False  # a bare plural ("protests in January 2010"): kept only beside a firm mention


def find_named_events(
    text: str, dates: Sequence[DateMention], is_demonym: Callable[[str], bool]
) -> list[NamedEvent]:
    """Every named or dated event mention in ``text`` (``dates`` are its DateMentions)."""
    named = _named(text, dates, is_demonym)
    taken = [(m.span.start, m.span.end) for m in named]
    dated = [m for m in _dated(text, dates) if not any(s < m.span.end and m.span.start < e for s, e in taken)]
    firm = [m for m in named + dated if not m.tentative]
    kept = [
        m
        for m in named + dated
        if not m.tentative or any(o.head == m.head and same_period(m, o) for o in firm)
    ]
    return sorted(kept, key=lambda m: m.span.start)


def _named(text: str, dates: Sequence[DateMention], is_demonym: Callable[[str], bool]) -> list[NamedEvent]:
    out: list[NamedEvent] = []
    for match in NAMED.finditer(text):
        head = event_head(match.group("noun"))
        found = list(re.finditer(r"\S+", match.group("name")))
        while found and found[0].group(0).lower() in ("the", "a", "an", "this", "that", "its", "their"):
            found = found[1:]
        words = [w.group(0) for w in found]
        if head is None or not words or any(w.lower() in MONTHS or w.isdigit() for w in words):
            continue
        noun = match.group("noun")
        plural_lower = noun.islower() and noun.lower() != head
        if plural_lower or (len(words) == 1 and noun.islower() and is_demonym(words[0])):
            continue
        start = match.start("name") + found[0].start()
        span = Span(start, match.end(), text[start : match.end()])
        date = _date_after(text, match.end(), dates)
        out.append(NamedEvent(span, head, True, *date))
    return out


def _date_after(
    text: str, end: int, dates: Sequence[DateMention]
) -> tuple[PartialDate | None, PartialDate | None, int | None]:
    """The date of "<event> in June 2018", if a DateMention follows the event's name that way."""
    for d in dates:
        gap = text[end : d.start]
        if d.start >= end and len(gap) <= 4 and gap.strip() in ("in", "of", ",", ""):
            return _values(d)
    return None, None, None


def _values(d: DateMention) -> tuple[PartialDate | None, PartialDate | None, int | None]:
    value = PartialDate.from_iso(d.value)
    month = _month_named(d.text) if value is None else None
    return value, PartialDate.from_iso(d.until), month


def _month_named(text: str) -> int | None:
    """The month a date expression names ("November", "Nov."), or None."""
    words = [w.lower().rstrip(".") for w in text.split()]
    return next((MONTHS[w] for w in words if w in MONTHS), None)


def _dated(text: str, dates: Sequence[DateMention]) -> list[NamedEvent]:
    out: list[NamedEvent] = []
    for d in dates:
        if d.value is None and _month_named(d.text) is None:
            continue
        found = _noun_after(text, d) or _noun_before(text, d)
        if found:
            out.append(found)
    return out


def _noun_after(text: str, d: DateMention) -> NamedEvent | None:
    """An event noun right after the date: "the 2018 uprising", "the November Uprising"."""
    match = DATED_BEFORE.match(text, d.end)
    if match is None:
        return None
    noun = match.group("noun")
    head = event_head(noun)
    # a plural names one wave of events when the date before it is definite ("the 2010 protests")
    if head is None or not (noun.lower() == head or noun[0].isupper() or DEFINITE.search(text, 0, d.start)):
        return None
    if not all(m in EVENT_MODIFIERS for m in match.group("mods").split()):
        return None
    span = Span(d.start, match.end(), text[d.start : match.end()])
    return NamedEvent(span, head, False, *_values(d))


def _noun_before(text: str, d: DateMention) -> NamedEvent | None:
    """An event noun before the date: "nationwide uprising in November 2019"."""
    # the date grammar may have taken the preposition in: "in 1988"
    pattern = DATED_AFTER_BARE if d.text.startswith("in ") else DATED_AFTER
    match = pattern.search(text, max(0, d.start - 80), d.start)
    if match is None:
        return None
    head = event_head(match.group("noun"))
    if head is None:
        return None
    # "countless protests in 2018": a plural describes, it names an event only beside a firm mention
    tentative = match.group("noun").lower() != head
    mods = match.group("mods").split()
    while mods and mods[0] not in EVENT_MODIFIERS:
        mods = mods[1:]
    if not all(m in EVENT_MODIFIERS for m in mods):
        return None
    start = match.start("noun")
    if mods:
        start = text.rindex(mods[0], match.start(), match.start("noun"))
    span = Span(start, d.end, text[start : d.end])
    return NamedEvent(span, head, False, *_values(d), tentative=tentative)


def same_period(a: NamedEvent, b: NamedEvent) -> bool:
    """Whether two event mentions' dates can be the same time ("2019" and "November 2019")."""
    if a.date is None or b.date is None:
        if a.month is not None and b.date is not None:
            return b.date.month == a.month
        if b.month is not None and a.date is not None:
            return a.date.month == b.month
        return False
    return _overlap(date_bounds(a.date, a.until), date_bounds(b.date, b.until))


def _overlap(a: tuple[tuple[int, int, int], ...], b: tuple[tuple[int, int, int], ...]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def group_events(mentions: Sequence[NamedEvent]) -> list[list[NamedEvent]]:
    """The article's event mentions grouped by event (see the module docstring)."""
    groups: list[list[NamedEvent]] = []
    by_name: dict[str, list[NamedEvent]] = {}
    for m in mentions:
        if m.named:
            key = m.span.text.casefold()
            if key not in by_name:
                by_name[key] = []
                groups.append(by_name[key])
            by_name[key].append(m)
    dated = sorted((m for m in mentions if not m.named), key=_precision)
    for m in dated:
        fits = [g for g in groups if g[0].head == m.head and any(same_period(m, o) for o in g)]
        if not fits:
            same_head = [g for g in groups if g[0].head == m.head]
            fits = [g for g in same_head if all(o.named and o.date is None for o in g)]
            fits = fits if len(same_head) == 1 else []
        if len(fits) > 1 and _spans_all(m, fits):  # the range names the one event they are
            for other in fits[1:]:
                fits[0].extend(other)
            groups = [g for g in groups if not any(g is f for f in fits[1:])]
            fits = fits[:1]
        if len(fits) == 1:
            fits[0].append(m)
        else:
            groups.append([m])
    return groups


def _spans_all(m: NamedEvent, groups: Sequence[list[NamedEvent]]) -> bool:
    """Whether ``m`` is dated by a range that holds every dated mention of ``groups``: the one
    event that spans them ("the 2009/2010 protests" and "the December 2009 protests", "protests
    in January 2010")."""
    if m.date is None or m.until is None:
        return False
    outer = date_bounds(m.date, m.until)
    inner = [date_bounds(o.date, o.until) for g in groups for o in g if o.date is not None]
    return bool(inner) and all(outer[0] <= b[0] and b[1] <= outer[1] for b in inner)


def _precision(m: NamedEvent) -> tuple[int, int]:
    """Finer dates first, so coarser mentions find them: day, month, year, range, month only."""
    if m.date is None:
        return (5 if m.month is None else 4), m.span.start
    if m.until is not None:
        return 3, m.span.start
    return (0 if m.date.day else 1 if m.date.month else 2), m.span.start
