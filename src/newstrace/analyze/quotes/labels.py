"""Speakers named as labels, not in a sentence: transcripts, headlines, list items, blockquotes.

- ``Kasich: ‘We Are Going To Go All The Way …’`` and ``RAMOS: Secretary Clinton, …``: a name and
  a colon before the quotation (:func:`label_before`), or at the start of its line
  (:func:`line_label`); ``More from Jones: “…”`` and ``Pollsters agree - Carl Bialik: “…”`` too,
  and the inverted ``… too costly. Said Reyes: “…”`` or ``Continued Marsh:`` on the line before;
- ``Marsh: Council’s ‘Reckless Spending Plan’ Will Hurt Families`` and ``Kwan on the Council
  Releasing Its Budget: ‘…’``: a headline whose words before the colon start with the
  speaker's name (:func:`headline_label`; the caller keeps only the name NER finds there);
- ``“…” - Clinton.``: a name after a dash right after the quotation (:func:`dash_after`);
- ``“…”`` then ``Dean Baker, Center for Economic and Policy Research.`` on the next line: a name
  on a line of its own right after the quotation (:func:`name_line_after`).

And one label that never names a speaker: the dateline that opens a story's paragraph
(``LONDON (Reuters) -``, ``PHILADELPHIA, July 25 (UPI) —``; :func:`dateline_end`).

These are text patterns only; the caller checks the name against NER and resolves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.analyze.quotes.cues import cue_kind_of_word
from newstrace.model import Span

__all__ = [
    "Label",
    "dash_after",
    "dateline_end",
    "headline_label",
    "label_before",
    "line_label",
    "looks_like_name",
    "name_line_after",
]

MAX_NAME_WORDS = 5
LOWER_NAME_WORDS = ("of", "the", "and", "de", "van", "von", "al")
TITLE_SMALL_WORDS = frozenset("a an the of and or in on to for at by with from as vs but nor de la".split())
NOT_NAME_STARTS = frozenset(
    """a an the this that these those in on at for from with by and but or it he she we they i you
    read more related photo photos video image images update editor note source sources correction
    corrections clarification disclosure""".split()
)
DASHES = "-‐‒–—―"  # hyphen, figure dash, en dash, em dash, horizontal bar (the quotation dash)
SPACE = r"[ \t\u00a0]"  # spaces and tabs, the no-break space included
_NAME = rf"(?:[A-Z][\w.'’-]*|\([^()\n]{{1,20}}\)|{'|'.join(LOWER_NAME_WORDS)})"  # a name word
LABEL_BEFORE = re.compile(
    rf"(?:^{SPACE}*|[{DASHES}]{SPACE}*|\b[Ff]rom{SPACE}+|[.!?]{SPACE}+(?=[A-Z][a-z]+{SPACE}+[A-Z]))"
    rf"({_NAME}(?:{SPACE}+{_NAME}){{0,6}}){SPACE}*:{SPACE}*$",
    re.M,
)
LINE_LABEL = re.compile(rf"[ \t]*({_NAME}(?:[ \t]+{_NAME}){{0,4}})[ \t]*:[ \t]")
DASH_AFTER = re.compile(rf"{SPACE}*\n?\s*[{DASHES}]{SPACE}*((?:[A-Z][\w.'’-]*)(?:{SPACE}+{_NAME}){{0,5}})")
NAME_LINE_AFTER = re.compile(
    rf"[ \t.,”’\"']*\n[ \t]*((?:[A-Z][\w.'’-]*)(?:[ \t]+{_NAME}){{0,4}})"
    rf"(,[^\n]{{1,90}}?)?[ \t]*[.”’\"']*[ \t]*(?:\n|$)"
)
TURN_LABEL = re.compile(rf"({_NAME}(?:[ \t]+{_NAME}){{0,2}}):[ \t]")
HEADLINE_LABEL = re.compile(r"[ \t]*([A-Z][^\n:.!?]*?)[ \t]*:[ \t]")
MAX_HEADLINE_LABEL_WORDS = 12  # "Lena Marsh Praises the Harbour Board’s New Finance Director Omar Haddad"
# A dateline: a place (capitalised words) at the start of a paragraph, then a date or an agency in
# parentheses (or the place in capitals), then a dash: "LONDON (Reuters) -", "Washington (AFP) –",
# "PHILADELPHIA, July 25 (UPI) —", "KABUL —".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_PLACE = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
DATELINE = re.compile(
    rf"^{SPACE}*(?:(?P<caps>[A-Z][A-Z .'’-]+[A-Z.])|{_PLACE})"
    rf"(?P<date>,{SPACE}+[^—–\n]{{0,20}}?\b{_MONTH}[a-z]*\.?{SPACE}+\d[^—–\n]{{0,12}}?)?"
    rf"{SPACE}*(?P<agency>\([^()\n]{{1,30}}\))?"
    rf"{SPACE}*(?:—|–|--|-{SPACE})",
    re.M,
)
AFTER_WINDOW = 200  # characters after a quotation searched for a label


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label: the phrase naming the speaker (``mention``), the name in it, and the
    reporting word before it in the inverted ``Said Reyes:``."""

    mention: Span
    name: Span
    cue: Span | None = None


def label_before(text: str, open_at: int) -> Label | None:
    """``Kasich: ‘…’``: a name and a colon right before the opening mark at ``open_at``, or
    ending the line before when the mark opens its line."""
    line_start = text.rfind("\n", 0, open_at) + 1
    match = LABEL_BEFORE.search(text, line_start, open_at)
    if match is None and not text[line_start:open_at].strip():
        end = line_start  # the end of the last line with words, without copying the text before it
        while end > 0 and text[end - 1].isspace():
            end -= 1
        match = LABEL_BEFORE.search(text, text.rfind("\n", 0, end) + 1, end)
    return _label(match.start(1), match.group(1)) if match else None


def line_label(text: str, open_at: int) -> Label | None:
    """``Cruz: Trump Would …, ‘I Fear …’``: a name and a colon starting the quotation's line."""
    line_start = text.rfind("\n", 0, open_at) + 1
    match = LINE_LABEL.match(text, line_start, open_at)
    if match is None or not looks_like_name(match.group(1)):
        return None
    return _label(match.start(1), match.group(1))


def turn_label(text: str, start: int) -> Label | None:
    """``“WALLACE: Let's start …”``: a name and a colon opening the quoted words at ``start`` (a
    speaker's turn in a quoted transcript)."""
    match = TURN_LABEL.match(text, start)
    if match is None or not looks_like_name(match.group(1)):
        return None
    return _label(match.start(1), match.group(1))


def headline_label(text: str, open_at: int) -> Label | None:
    """``Kwan on the Council Releasing Its Budget: ‘…’``: the title-case words before the
    first colon of the quotation's line (a headline), when the mark at ``open_at`` follows it."""
    line_start = text.rfind("\n", 0, open_at) + 1
    match = HEADLINE_LABEL.match(text, line_start, open_at)
    if match is None:
        return None
    words = match.group(1).split()
    if len(words) > MAX_HEADLINE_LABEL_WORDS or not all(
        w[:1].isupper() or not w[:1].isalpha() or w in TITLE_SMALL_WORDS for w in words
    ):
        return None
    return _label(match.start(1), match.group(1))


def dash_after(text: str, close_at: int) -> Label | None:
    """``“…” - Clinton.``: a name after a dash right after the closing mark at ``close_at``."""
    match = DASH_AFTER.match(text, close_at + 1, min(len(text), close_at + AFTER_WINDOW))
    return _label(match.start(1), match.group(1)) if match else None


def name_line_after(text: str, end: int) -> Label | None:
    """A line holding only a name (and what the person is) right after a quotation ending at ``end``."""
    match = NAME_LINE_AFTER.match(text, end, min(len(text), end + AFTER_WINDOW))
    if match is None or not looks_like_name(match.group(1)):
        return None
    name = Span(match.start(1), match.end(1), match.group(1))
    stop = match.end(2) if match.group(2) else name.end
    return Label(Span(name.start, stop, text[name.start : stop]), name)


def looks_like_name(text: str) -> bool:
    """Capitalised words that do not start like a heading ("Related:", "An immigrant himself")."""
    words = text.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and words[0].lower() not in NOT_NAME_STARTS
        and all(w[:1].isupper() or w in LOWER_NAME_WORDS for w in words)
    )


def _label(start: int, found: str) -> Label:
    words, cue = found.split(), None
    if len(words) > 1 and cue_kind_of_word(words[0]) == "speech":  # "Said Reyes", "Continued Marsh"
        cue = Span(start, start + len(words[0]), words[0])
        skip = found.index(words[1])
        start, found = start + skip, found[skip:]
    name = found.rstrip(".,;")
    span = Span(start, start + len(name), name)
    return Label(span, span, cue)


def dateline_end(text: str, at: int) -> int | None:
    """Where the dateline that opens the paragraph of offset ``at`` ends (its dash and the spaces
    after it), when ``at`` lies in it; else None. The place a story was filed from, which the
    parse may take for a subject, never says anything."""
    line_start = text.rfind("\n", 0, at) + 1
    match = DATELINE.match(text, line_start)
    if match is None or at >= match.end():
        return None
    if not (match.group("caps") or match.group("date") or match.group("agency")):
        return None
    return match.end() + len(text[match.end() :]) - len(text[match.end() :].lstrip(" \t\u00a0"))
