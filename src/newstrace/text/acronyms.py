"""In-text acronym definitions: "Islamic Revolutionary Guard Corps (IRGC)", "(PMOI/MEK)", "(PMOI-MEK)".

The long form is found by the algorithm of Schwartz and Hearst (2003), "A simple algorithm for
identifying abbreviation definitions in biomedical text": each character of the short form, right to
left, must appear in the words before the parenthesis, and its first character must start a word; the
shortest such stretch is the long form. The reverse order, "IRGC (Islamic Revolutionary Guard Corps)",
is tried too. A parenthesis may hold several forms of the same name separated by a slash, a comma,
"or", or a hyphen between acronyms (``PMOI/MEK``, ``PMOI / MEK``, ``PMOI-MEK``, ``PMV/Movimiento``):
one of them must match the long form, and the others are then aliases of it.

Everything is bounded: only innermost parentheses of at most MAX_INSIDE characters are read, the long
form is searched in at most MAX_LONG_WORDS words, and at most ``limit`` definitions are returned, so a
definition nested in itself or a page of capitalised words costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.model import Span

__all__ = [
    "Definition",
    "acronym_letters",
    "find_definitions",
    "initials",
    "initials_match",
    "is_acronym",
    "long_form",
]

MAX_INSIDE = 60  # characters inside a parenthesis that may define a name
MAX_PART_CHARS = 12  # a short form is at most this long (Schwartz-Hearst use 10; "Movimiento" is 10)
MAX_LONG_WORDS = 12  # the long form is at most min(|A| + 5, 2|A|) words, and never more than this
MAX_DEFINITIONS = 500
MAX_LOOKBACK = 400  # characters before a parenthesis searched for its long form (MAX_LONG_WORDS long words)
FUNCTION_WORDS = frozenset("of the and for de la du des del al el in on to at & y et und".split())
INNERMOST = re.compile(rf"\(([^()\n]{{1,{MAX_INSIDE}}})\)")
PART_SEPARATOR = re.compile(r"\s*(?:/|,|;|\s+or\s+)\s*")
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}|[A-Z][A-Za-z]*[A-Z][A-Za-z]*")
WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Definition:
    """A name defined in the text: its long form and the short forms the parenthesis gives it.

    ``whole`` is the parenthesis's whole content when it holds several forms ("PMOI/MEK"), else None.
    """

    long: Span
    parts: tuple[Span, ...]
    whole: Span | None = None


def is_acronym(word: str) -> bool:
    """An all-capital short form of two to six letters ("IRGC", "U.S.", "PMOI"), digits allowed after."""
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters) and word[:1].isalpha()


def long_form(short: str, before: str) -> str | None:
    """The Schwartz-Hearst long form of ``short`` at the end of ``before``, or None."""
    s_index, l_index = len(short) - 1, len(before) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            before[l_index].lower() != char
            or (s_index == 0 and l_index > 0 and before[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = before.rfind(" ", 0, l_index + 1) + 1
    return before[start:]


def initials(long: str) -> tuple[str, str]:
    """The initials of ``long``'s words: without and with its function words ("NCRI", "NCORI")."""
    words = [w for w in re.findall(r"[\w’']+", long) if w[:1].isalpha()]
    if len(words) < 2:
        return "", ""
    content = "".join(w[0] for w in words if w.lower() not in FUNCTION_WORDS).upper()
    return content, "".join(w[0] for w in words).upper()


def acronym_letters(short: str) -> str:
    """The letters of a short form in capitals, as :func:`initials` spells them ("U.S." -> "US")."""
    return "".join(c for c in short if c.isalpha()).upper()


def initials_match(short: str, long: str) -> bool:
    """Whether ``short`` is the initials of ``long``'s words ("IRGC", "Islamic Revolutionary Guard Corps").

    Function words may be skipped or counted ("NCRI" for "National Council of Resistance of Iran").
    """
    letters = acronym_letters(short)
    return len(letters) >= 2 and letters in initials(long)


def find_definitions(text: str, limit: int = MAX_DEFINITIONS) -> list[Definition]:
    """Every acronym definition in ``text``, in order (at most ``limit``)."""
    found: list[Definition] = []
    for match in INNERMOST.finditer(text):
        definition = _forward(text, match) or _reverse(text, match)
        if definition is not None:
            found.append(definition)
            if len(found) >= limit:
                break
    return found


def _parts(text: str, start: int, end: int) -> list[Span]:
    """The short forms inside a parenthesis: "PMOI/MEK" -> PMOI, MEK; "PMOI-MEK" and "A or B" too."""
    bounds: list[tuple[int, int]] = []
    pos = start
    for sep in PART_SEPARATOR.finditer(text, start, end):
        bounds.append((pos, sep.start()))
        pos = sep.end()
    bounds.append((pos, end))
    spans: list[Span] = []
    for lo, hi in bounds:
        piece = text[lo:hi].strip()
        if not piece:
            continue
        at = text.index(piece, lo)
        words = piece.split("-") if "-" in piece and all(is_acronym(w) for w in piece.split("-")) else [piece]
        for word in words:
            at = text.index(word, at)
            spans.append(Span(at, at + len(word), word))
            at += len(word)
    return spans


def _is_short_form(part: str) -> bool:
    return (
        0 < len(part) <= MAX_PART_CHARS
        and len(part.split()) <= 2
        and part[:1].isalnum()
        and any(c.isupper() for c in part)
    )


def _forward(text: str, match: re.Match[str]) -> Definition | None:
    """LONG (SHORT): the short forms inside, the long form before the parenthesis."""
    parts = _parts(text, match.start(1), match.end(1))
    if not parts or not all(_is_short_form(p.text) for p in parts):
        return None
    line_start = text.rfind("\n", max(0, match.start() - MAX_LOOKBACK), match.start()) + 1
    words = list(WORD.finditer(text, max(line_start, match.start() - MAX_LOOKBACK), match.start()))
    for part in parts:
        if not is_acronym(part.text) and len(parts) == 1:
            continue
        window = words[-min(MAX_LONG_WORDS, len(part.text) + 5, 2 * len(part.text)) :]
        if not window:
            continue
        before = text[window[0].start() : window[-1].end()]
        raw = long_form(part.text, before)
        long = _clean_long(raw, part.text)
        if raw is None or long is None:
            continue
        begin = window[-1].end() - len(raw)
        whole = Span(match.start(1), match.end(1), match.group(1)) if len(parts) > 1 else None
        return Definition(Span(begin, begin + len(long), long), tuple(parts), whole)
    return None


def _reverse(text: str, match: re.Match[str]) -> Definition | None:
    """SHORT (LONG): an acronym right before a parenthesis that spells it out."""
    before = re.search(r"(\S+)\s*$", text[max(0, match.start() - MAX_PART_CHARS - 2) : match.start()])
    inside = match.group(1).strip()
    if before is None or not is_acronym(before.group(1)) or len(inside.split()) < 2:
        return None
    short = before.group(1)
    long = _clean_long(long_form(short, inside), short)
    if long is None or not inside.endswith(long) or not initials_match(short, long):
        return None
    begin = match.start(1) + match.group(1).index(long)
    start = match.start() - len(before.group(0))
    short_span = Span(start, start + len(short), short)
    return Definition(Span(begin, begin + len(long), long), (short_span,))


def _clean_long(long: str | None, short: str) -> str | None:
    """The long form with trailing punctuation removed, if it is a plausible name for ``short``."""
    if long is None:
        return None
    long = long.rstrip(" ,;:'\"”’")
    words = long.split()
    if len(words) < 2 or len(long) <= len(short) or short in words or any(c in long for c in "()[]"):
        return None
    if not words[0][:1].isupper():
        return None
    return long
