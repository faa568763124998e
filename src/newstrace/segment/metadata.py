"""Title, published date and byline of an article, found in its header lines and first paragraph."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from newstrace.segment.furniture import caption_like
from newstrace.segment.lines import WORD, word_count
from newstrace.text.bylines import clean_byline, is_author_name
from newstrace.text.dates import PartialDate, find_date_expressions

__all__ = [
    "byline_date",
    "byline_of",
    "choose_title",
    "dateline_date",
    "glued_byline",
    "header_date",
    "is_date_label",
    "is_date_only",
    "normalize_published",
    "published_label_date",
]

BYLINE_MAX_WORDS = 16
# A change's label before a byline's date ("By Ann Vale, updated June 3"): not the day it was published.
# "Edited by X" credits an editor (text/bylines.py reads it so), it does not date a change.
CHANGED = re.compile(r"\b(?:updated|modified|edited(?!\s+by\b))\b", re.IGNORECASE)
BYLINE = re.compile(
    r"^(?:by|written by|words by|reported by|story by|authors?|posted by)\s*[:\-–]?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_PARTICLE = r"(?:de|da|del|della|di|van|von|der|den|al|el|bin|ibn|la|le|du|dos|y)"
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:" + _PARTICLE + r"\s+){0,2}[A-Z][\w'’.-]*){0,3}"
NAMES = re.compile(r"^" + _NAME + r"(?:\s*(?:,|\band\b|&)\s*" + _NAME + r")*")
BYLINE_TAIL = re.compile(
    r"\s*(?:[|•·—–]|\s-\s|,\s*(?:(?i:staff|senior|special|chief|contributing|correspondent"
    r"|reporter|editor|writer)|[a-z])).*$"
)
NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "our",
        "their",
        "his",
        "her",
        "its",
    ]
)
PUBLISHED_LABEL = re.compile(
    r"^(?:first\s+)?(?:published|posted|publication date|date published|date|released)"
    r"\s*(?:on|at)?\s*[:\-–]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
TIME_OR_ZONE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?))?|\b(?:UTC|GMT|CET|CEST|EST|EDT|PST|PDT|ET|PT|IST)\b"
    r"|\b(?:[ap]\.m\.|am|pm)\b|\b(?:on|at)\b|[|,\-–—/()]",
    re.IGNORECASE,
)
GLUED_BY = re.compile(r"\bby\s+(?P<names>.+)$", re.IGNORECASE)  # "July 24, 2019 by Ann Vale 5 Comments"
GLUED_LABEL = re.compile(r"\b(?:published|posted)(?:\s+(?:on|at))?\s*[:\-–]?\s*", re.IGNORECASE)
NUMERIC_DATE = re.compile(
    r"^(?:(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d)|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))\b"
)
LEAD = re.compile(r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)?")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}),\s+(?P<date>[^—–\n]{3,40}?)\s*"
    r"(?:\([^)]{1,30}\)\s*)?(?:—|–|--|-\s)"
)


def byline_of(text: str) -> str | None:
    """The author names of a byline line ("By Jane Doe | Staff Writer" -> "Jane Doe"), or None."""
    match = BYLINE.match(text)
    if not match or word_count(text) > BYLINE_MAX_WORDS:
        return None
    names = BYLINE_TAIL.sub("", match.group("names")).strip(" .,:")
    found = NAMES.match(names)
    if not found or found.end() < len(names) or names.split()[0].lower() in NOT_NAMES:
        return clean_byline(text)  # "By Ann Vale, August 14, 2020 2:30 pm", "By Ann Vale For The Lantern"
    return names


def byline_date(text: str) -> str | None:
    """The day a byline line gives with its names ("Written by Ann Vale on July 27, 2017",
    "By Ann Vale | June 3, 2021"): the date printed with the byline is the article's, unless a
    change's label comes before it."""
    for expr in find_date_expressions(text, None):
        if expr.value is not None and expr.value.day is not None:
            return None if CHANGED.search(text[: expr.start]) else expr.value.iso()
    return None


def published_label_date(text: str) -> str | None:
    """The day a label line gives ("Published On: June 5, 2020" -> "2020-06-05"), or None."""
    match = PUBLISHED_LABEL.match(text)
    return _full_date(match.group("rest")) if match else None


# "Updated Nov 19, 6:55 AM; Posted Nov 19": when the page was changed, not what it is about.
DATE_LABEL = re.compile(r"^(?:last\s+)?(?:updated|modified|posted|published)\b", re.IGNORECASE)


def is_date_label(text: str) -> bool:
    """A line that labels when the page was published or changed ("Updated Nov 19, 6:55 AM"):
    the article's metadata, never its headline."""
    # any date expression, with a year or not ("Nov 19")
    return bool(DATE_LABEL.match(text)) and next(iter(find_date_expressions(text, None)), None) is not None


def is_date_only(text: str) -> bool:
    """A line that holds nothing but a date (and perhaps a weekday, a time, a zone)."""
    exprs = [e for e in find_date_expressions(text, None) if e.value is not None]
    if not exprs:
        return False
    rest = text
    for expr in exprs:
        rest = rest.replace(expr.text, " ")
    return not WORD.findall(TIME_OR_ZONE.sub(" ", rest))


def header_date(text: str) -> str | None:
    """The day a glued header line gives: after a label anywhere in it ("By Jane Doe Published On:
    June 5, 2020 Politics, World") or at its start ("21/06/2014 Tony Carter News, Reviews")."""
    label = GLUED_LABEL.search(text)
    if label and (found := _leading_date(text[label.end() :])):
        return found
    return _leading_date(text)


def glued_byline(text: str) -> str | None:
    """The names after "by" in a header line that glues them to its date ("July 24, 2019 by Ann
    Vale 5 Comments" -> "Ann Vale"), or None."""
    match = GLUED_BY.search(text)
    return clean_byline(match.group("names")) if match else None


def _leading_date(text: str) -> str | None:
    text = text.strip()
    numeric = NUMERIC_DATE.match(text)
    if numeric:
        return _numeric(numeric)
    for expr in find_date_expressions(text, None):
        lead = text[: expr.start]
        if expr.value is not None and expr.value.day is not None and LEAD.fullmatch(lead):
            return expr.value.iso()
        break
    return None


def _numeric(match: re.Match[str]) -> str | None:
    """A numeric date when it reads one way only: ISO, or a day over 12 (31/12/2020, 12/31/2020)."""
    if match.group("iso"):
        iso = PartialDate.from_iso(match.group("iso"))
        return iso.iso() if iso is not None else None
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None  # 03/04/2020 is March 4 or 3 April: the page does not say which
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def dateline_date(paragraph: str) -> str | None:
    """The day a dateline opening a paragraph gives ("TEHRAN, Nov. 4, 2020 — ..."), or None."""
    match = DATELINE.match(paragraph)
    return _full_date(match.group("date")) if match else None


def normalize_published(value: str | None) -> str | None:
    """A declared published date (ISO timestamp or prose) as ``YYYY-MM-DD``, or None."""
    if not value:
        return None
    iso = PartialDate.from_iso(value)
    if iso is not None and iso.day is not None:
        return iso.iso()
    return _full_date(value)


HANDLE_ONLY = re.compile(r"^@[\w.]+$")  # a writer's social handle on its own line is no headline


def choose_title(candidates: Sequence[str]) -> str | None:
    """The article title among the heading lines above its body.

    The longest heading wins (sites often show a short section or SEO title next to the
    headline); captions ("..., March 2021") and lines that glue menu items before another
    candidate ("NewsPoliticsHeadline") are not titles.
    """
    usable = [c for c in candidates if not caption_like(c) and not HANDLE_ONLY.match(c)]
    usable = [c for c in usable if not any(o != c and c.endswith(o) and len(o) >= 10 for o in usable)]
    headlines = [c for c in usable if not is_author_name(c)] or usable  # an author's name on its own line
    return max(headlines, key=len) if headlines else None


def _full_date(text: str) -> str | None:
    for expr in find_date_expressions(text, None):
        if expr.value is not None and expr.value.day is not None:
            return expr.value.iso()
    return None
