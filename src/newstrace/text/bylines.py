"""Bylines: which strings name the people or desks who wrote an article.

A page's author fields and byline lines also hold photo credits (``Photo by The Associated Press``),
dates (``CBS News February``), e-mail addresses, interface words (``Account You're logged``,
``No Author``) and roles (``Jane Doe, Staff Writer``). A name is told apart by its form: a few
capitalised words (or initials, which keep their dots), no function words, no month or weekday
names, no digits, no ``@`` and no address.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

__all__ = ["clean_byline", "is_author_name"]

NAME_MAX_WORDS = 6  # "Mary Jo de la Cruz Smith"; longer strings are sentences or lists of links
PARTICLES = frozenset("de da del della di van von der den al el bin ibn la le du dos y st st.".split())
# Stop words that are also given names ("Will Knight", "May Bulman").
GIVEN_NAME_STOP_WORDS = frozenset({"will", "may"})
# Credit and interface nouns that fill author fields: a person is never called these.
CREDIT_WORDS = frozenset(
    "photo photos photograph image images picture credit credits getty posts author".split()
)


@cache
def not_name_words() -> frozenset[str]:
    """Words that are never part of a name: English stop words (spaCy's list), month and weekday names,
    credit and interface nouns. Built on first use: importing spaCy takes over a second, and a run
    that reads no HTML page (nothing new, text input) should not pay for it."""
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415  # see the docstring

    return (
        frozenset(w for w in STOP_WORDS if w not in GIVEN_NAME_STOP_WORDS)
        | {m.lower() for m in calendar.month_name if m}
        | {m.lower() for m in calendar.month_abbr if m}
        | {d.lower() for d in calendar.day_name}
        | CREDIT_WORDS
    )


PREFIX = re.compile(
    r"^(?:(?:written|words|reported|story|text|posted|published|compiled|edited)\s+)?by\s*[:\-–]?\s+"
    r"|^(?:authors?|writers?|reporters?)\s*[:\-–]\s*",
    re.IGNORECASE,
)
# "Jane Doe, Staff Writer", "Jane Doe | Senior Editor", "Grant Tinsley, PhD": a role or degree after the name.
ROLE_WORDS = frozenset(
    """staff senior special chief contributing contributor correspondent reporter editor writer
    columnist journalist freelance producer""".split()
)
DEGREES = frozenset("phd ph.d md m.d mph rn msc".split())
# "Brendan Carlin for The Mail on Sunday": the outlet a writer wrote for follows "for".
FOR_OUTLET = re.compile(r"\s+for\s+.*$", re.IGNORECASE)
# "Jane Doe 21.10.2019", "Jane Doe on Nov 3, 2020", "Jane Doe Updated 5 hours ago": the date after the name.
DATE_TAIL = re.compile(
    r"\s+(?:(?:on|updated|published|posted)\s+)?(?:(?:"
    + "|".join(m for m in calendar.month_abbr if m)
    + r")[a-z]*\.?\s+)?\d.*$",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"\s*(?:;|\||,|&|\band\b|/|\s[-–—]\s)\s*", re.IGNORECASE)
WORD = re.compile(r"\S+")
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]\.")  # "S.", "J.R.", "Jr.", "Sr."


def is_author_name(text: str) -> bool:
    """Whether ``text`` has the form of a person's or desk's name ("Dana A. Ford", "AFP")."""
    words = WORD.findall(text)
    if not words or len(words) > NAME_MAX_WORDS or re.search(r"\d|@|://|www\.", text):
        return False
    for i, word in enumerate(words):
        bare = word.strip(".,'’\"()").lower()
        if bare in PARTICLES or ABBREVIATION.fullmatch(word) or (i == 0 and bare == "the" and len(words) > 1):
            continue
        if not word[0].isupper() or bare.split("'")[0].split("’")[0] in not_name_words():
            return False
    return True


def clean_byline(raw: str | None, site: str | None = None) -> str | None:
    """The names of an author field or byline, or None when it names no one.

    ``By`` and roles are removed, names that are not names are dropped (a photo credit next to
    the author), and the rest are joined with ``, ``; one clean name comes back as written.
    """
    text = " ".join((raw or "").split())
    text = PREFIX.sub("", text).strip(" ,:;|")
    names: list[str] = []
    for part in SEPARATORS.split(text):
        name = _without_role(part.strip(" :;-–—"), site)
        if name and is_author_name(name) and name.casefold() not in (n.casefold() for n in names):
            names.append(name)
    return ", ".join(names) or None


def _without_role(name: str, site: str | None) -> str:
    """``name`` without a trailing role ("Staff Writer") and the site name before it."""
    words = DATE_TAIL.sub("", FOR_OUTLET.sub("", name)).split()
    while words and words[-1].lower().strip(".") in DEGREES:
        words.pop()
    if all(w.lower().strip(".") in ROLE_WORDS for w in words):
        return ""  # "Staff Writer" after a name: a role, not a second author
    while len(words) > 2 and words[-1].lower().strip(".") in ROLE_WORDS:  # "Lantern Staff" is a desk
        words.pop()
    compact = re.sub(r"\W", "", site or "").lower()
    if compact and len(words) > 2 and re.sub(r"\W", "", words[-1]).lower() == compact:
        words.pop()
    if words and words[-1].endswith(".") and not ABBREVIATION.fullmatch(words[-1]):
        words[-1] = words[-1].rstrip(".")  # a sentence's full stop, not an initial's ("Joe S.", "Jr.")
    return " ".join(words)
