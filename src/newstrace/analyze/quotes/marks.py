"""Quotation marks: find them, tell opening from closing, and pair them into quoted spans.

Marks are paired by *family*, not by exact character, so the mixed typography of scraped
pages still pairs (“ ... " or ''...'' or „ ... “):

==========  ======================================================
family      marks
==========  ======================================================
double      “ ” " „ ‟, two apostrophes ``''`` (NYT style) and two curly singles ``’’`` (AP style)
single      ‘ ’ ‹ ›
angle       « »
==========  ======================================================

Whether a mark opens or closes is read from what flanks it (a space before and a letter
after opens; a letter before and a space or punctuation after closes); a straight ``"``
with no telling context toggles. A curly apostrophe inside a word (``don’t``, ``shouldn‘t``)
or before a number (``’90s``) is not a mark.

Pairing is a stack per paragraph, so one broken quote never spoils the rest:

- a quote that runs over several paragraphs (an opening mark on each, a closing mark on the
  last) is paired as one, then cut into one span per paragraph (each paragraph reopens it);
- a quote inside a quote is its own span, with ``depth`` 1 and its ``parent``;
- a quote opened with “ and closed with ’ followed by an attribution (``path,’ he said``) is
  closed there; an inner quote left open when its outer quote closes ends at the end of its
  first sentence;
- a quote left open at the end of its paragraph runs to that end when it opened a sentence,
  and is dropped otherwise; a closing mark with nothing open is ignored. Each such repair or
  loss is a :class:`MarkWarning`.

Marks inside markup left in the text (``<tweet author="@x">``) are not quotation marks.
Everything is one pass over the text: bounded time and memory for any input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

__all__ = ["MarkWarning", "QuoteMarks", "QuoteSpan", "find_quote_spans"]

Family = Literal["double", "single", "angle"]
Role = Literal["open", "close", "either"]

MARK_RE = re.compile(r"'{2,}|‘‘|’’|[\"“”„‟‘’‹›«»]")  # two curly singles are one double mark (AP style)
MARKUP_RE = re.compile(r"</?[A-Za-z][^<>\n]{0,1000}>")  # an HTML/XML tag left in the text
FAMILY: dict[str, Family] = {
    "“": "double",
    "”": "double",
    '"': "double",
    "„": "double",
    "‟": "double",
    "''": "double",
    "‘‘": "double",
    "’’": "double",
    "‘": "single",
    "’": "single",
    "‹": "single",
    "›": "single",
    "«": "angle",
    "»": "angle",
}
# The role a mark has when its flanks say nothing clear.
DEFAULT_ROLE: dict[str, Role] = {
    "“": "open",
    "„": "open",
    "‟": "open",
    "‘": "open",
    "‘‘": "open",
    "‹": "open",
    "«": "open",
    "”": "close",
    "’": "close",
    "’’": "close",
    "›": "close",
    "»": "close",
    '"': "either",
    "''": "either",
}
QUOTE_CHARS = "\"'“”„‟‘’‹›«»"
OPEN_BEFORE = "([{<—–-/|" + QUOTE_CHARS  # what may stand right before an opening mark
CLOSE_AFTER = ".,;:!?)]}>—–-/|…*" + QUOTE_CHARS  # what may stand right after a closing mark
SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*\s+(?=[\"“‘'«(\[]*[A-Z0-9])")
PARAGRAPH_RE = re.compile(r"[^\n\S]*(\S[^\n]*)")  # a non-blank line, from its first visible character
QUOTE_START = re.compile(r"(?:''|[\"“‘«„‟'])[^\S\n]*")  # the mark that reopens a continued quotation
ATTRIBUTION_AFTER = re.compile(r"\s+[a-z]")  # ",’ he said": a lower-case word after the mark


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The words between a pair of marks: ``text[start:end]`` (marks and edge spaces excluded).

    ``open_at``/``close_at`` are the offsets of the marks (``close_at == end`` when a repair
    closed the quote without a mark); ``parent`` is the index of the enclosing span in
    :attr:`QuoteMarks.spans`; ``paragraphs`` counts the paragraphs the quote runs over.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    family: Family
    depth: int = 0
    parent: int | None = None
    paragraphs: int = 1


@dataclass(frozen=True, slots=True)
class MarkWarning:
    """A mark that could not be paired as written, and what was done about it."""

    offset: int
    message: str


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """Every quoted span of a text, in order of opening, and the warnings about broken marks."""

    spans: tuple[QuoteSpan, ...]
    warnings: tuple[MarkWarning, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark in the text."""

    at: int
    end: int
    char: str
    family: Family
    role: Role


@dataclass
class _Open:
    """An opening mark waiting for its closing mark."""

    mark: Mark
    content_start: int
    paragraphs: int = 1
    last_end: int = 0  # the end of the last paragraph it ran over, when continued


def find_quote_spans(text: str) -> QuoteMarks:
    """Pair the quotation marks of ``text`` into spans; see the module docstring for the rules."""
    pairing = _Pairing(text)
    marks = list(find_marks(text))
    for paragraph_marks, paragraph_end, continues in _paragraphs(text, marks):
        pairing.run(paragraph_marks, paragraph_end, continues)
    pieces = [piece for span in pairing.spans for piece in _by_paragraph(text, span)]
    spans = sorted(pieces, key=lambda s: (s.open_at, -s.end))
    return QuoteMarks(_linked(spans), tuple(sorted(pairing.warnings, key=lambda w: w.offset)))


def _by_paragraph(text: str, span: QuoteSpan) -> Iterator[QuoteSpan]:
    """A quote run over several paragraphs, one quotation per paragraph: each paragraph reopens
    its marks, and quotation corpora (PARC, PolNeAR) mark each paragraph's stretch apart."""
    if span.paragraphs == 1:
        yield span
        return
    start, open_at = span.start, span.open_at
    for line in PARAGRAPH_RE.finditer(text, span.start, span.end):
        if line.start(1) > start:  # a later paragraph: past its reopening mark
            mark = QUOTE_START.match(text, line.start(1))
            open_at, start = line.start(1), mark.end() if mark else line.start(1)
        end = min(line.end(1), span.end)
        words = text[start:end].rstrip()
        if not words.strip():
            continue
        last = end >= span.end
        yield replace(
            span,
            start=start,
            end=start + len(words),
            open_at=open_at,
            close_at=span.close_at if last else start + len(words),
            paragraphs=1,
        )


def find_marks(text: str) -> Iterator[Mark]:
    """Every quotation mark of ``text`` with its family and role (apostrophes left out)."""
    markup = [(m.start(), m.end()) for m in MARKUP_RE.finditer(text) if MARK_RE.search(m.group(0))]
    for match in MARK_RE.finditer(text):
        if markup and any(a <= match.start() < b for a, b in markup):
            continue
        if match.group(0)[0] == "'":
            yield from _apostrophe_run(text, match.start(), match.end())
            continue
        mark = _classify(text, match.start(), match.end(), match.group(0))
        if mark is not None:
            yield mark


def _apostrophe_run(text: str, start: int, end: int) -> Iterator[Mark]:
    """A run of straight apostrophes: pairs are double marks; an odd one is a single apostrophe."""
    doubles = (end - start) // 2
    odd = (end - start) % 2
    # Closing position ("path,''' he"): the lone apostrophe comes first; opening: last.
    first = start + odd if _right_flank(text, start, end) and odd else start
    for i in range(doubles):
        mark = _classify(text, first + 2 * i, first + 2 * i + 2, "''")
        if mark is not None:
            yield mark


def _left_flank(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in OPEN_BEFORE) and not after.isspace()


def _right_flank(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and (after.isspace() or after in CLOSE_AFTER)


def _classify(text: str, start: int, end: int, char: str) -> Mark | None:
    left, right = _left_flank(text, start, end), _right_flank(text, start, end)
    family = FAMILY[char]
    if family == "single" and _is_apostrophe(text, start, char, left, right):
        return None
    role: Role = DEFAULT_ROLE[char]
    if left and not right:
        role = "open"
    elif right and not left:
        role = "close"
    return Mark(start, end, char, family, role)


def _is_apostrophe(text: str, at: int, char: str, left: bool, right: bool) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don’t, shouldn‘t, people’s
    if char in "‘’" and left and (after.isdigit() or text[at + 1 : at + 3].lower() in ("n’", "n'", "em")):
        return True  # ’90s, rock ‘n’ roll, ‘em
    return char == "’" and not right  # an elision (’Tis) or a stray mark


def _paragraphs(text: str, marks: list[Mark]) -> Iterator[tuple[list[Mark], int, bool]]:
    """Marks per non-blank paragraph, its end, and whether the next paragraph opens with a mark."""
    bounds = [(m.start(1), m.end(1)) for m in PARAGRAPH_RE.finditer(text)]
    i = 0
    for n, (start, end) in enumerate(bounds):
        group: list[Mark] = []
        while i < len(marks) and marks[i].at < end:
            if marks[i].at >= start:
                group.append(marks[i])
            i += 1
        next_start = bounds[n + 1][0] if n + 1 < len(bounds) else len(text)
        opens_next = i < len(marks) and marks[i].at == next_start and marks[i].role != "close"
        yield group, end, opens_next


class _Pairing:
    """The stack machine that pairs marks, one paragraph at a time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[_Open] = []
        self.spans: list[QuoteSpan] = []
        self.warnings: list[MarkWarning] = []
        self.carry: _Open | None = None  # a quote continued from the previous paragraph

    def run(self, marks: list[Mark], paragraph_end: int, continues: bool) -> None:
        """Pair one paragraph's marks; ``continues``: the next paragraph opens with a mark."""
        carried, self.carry = self.carry, None
        if carried is not None and marks and marks[0].family == carried.mark.family:
            carried.paragraphs += 1
            self.stack = [carried]  # the opening mark of a continued paragraph is not a new quote
            marks = marks[1:]
        elif carried is not None:  # the next paragraph did not continue the quote after all
            self._unclosed(carried, carried.last_end)
        for n, mark in enumerate(marks):
            self._step(mark, marks[n + 1 :])
        self._end_paragraph(paragraph_end, continues)

    def _step(self, mark: Mark, rest: list[Mark]) -> None:
        top = self.stack[-1] if self.stack else None
        same = next((o for o in reversed(self.stack) if o.mark.family == mark.family), None)
        role = ("close" if same is not None else "open") if mark.role == "either" else mark.role
        if role == "open":
            self._open(mark, same)
        elif same is not None and self._possessive(mark, rest):
            return
        elif same is not None:
            self._close_through(same, mark)
        elif top is not None and self._mismatched_close(top, mark, rest):
            self._close_through(top, mark, warn=f"{top.mark.char} closed by {mark.char}")
        elif mark.family != "single":  # a lone ’ is an apostrophe; other lone closers are broken
            self.warnings.append(MarkWarning(mark.at, f"closing {mark.char} with no opening mark: ignored"))

    def _open(self, mark: Mark, same: _Open | None) -> None:
        if same is not None and mark.family != "single" and _after_sentence_end(self.text, mark.at):
            # “A. “B — a new quote starts a sentence while the old one is open: the old one broke.
            self._drop_from(same, "no closing mark before the next quote")
        self.stack.append(_Open(mark, mark.end))

    def _possessive(self, mark: Mark, rest: list[Mark]) -> bool:
        """‘the workers’ demands,’ — an ’ after -s before a lower-case word, with a closer ahead."""
        if mark.char != "’" or mark.at == 0 or self.text[mark.at - 1] not in "sS":
            return False
        after = self.text[mark.end : mark.end + 2]
        return len(after) == 2 and after[0] == " " and after[1].islower() and any(m.char == "’" for m in rest)

    def _mismatched_close(self, top: _Open, mark: Mark, rest: list[Mark]) -> bool:
        """“... path,’ he said: a closing mark of another family ends the quote before an attribution."""
        if mark.family == top.mark.family or mark.at == 0 or self.text[mark.at - 1] not in ",.!?…":
            return False
        after = self.text[mark.end : mark.end + 3]
        same = [m for m in rest if m.family == top.mark.family]
        # a closing mark ahead that no later opening mark claims could still close this quote
        closers_ahead = sum(m.role == "close" for m in same) + sum(
            m.role == "either" for m in same
        ) % 2 > sum(m.role == "open" for m in same)
        return not closers_ahead and (after.strip() == "" or bool(ATTRIBUTION_AFTER.match(after)))

    def _close_through(self, target: _Open, mark: Mark, warn: str | None = None) -> None:
        while self.stack:
            current = self.stack.pop()
            if current is target:
                self._emit(current, mark.at)
                if warn:
                    self.warnings.append(MarkWarning(mark.at, warn))
                return
            self._inner_unclosed(current, mark.at)

    def _inner_unclosed(self, inner: _Open, outer_close: int) -> None:
        """An inner quote still open when its outer quote closes: it ends with its first sentence."""
        match = SENTENCE_END.search(self.text, inner.content_start, outer_close)
        end = match.start() + 1 if match else outer_close
        self._emit(inner, end)
        self.warnings.append(MarkWarning(inner.mark.at, f"{inner.mark.char} never closed: ends its sentence"))

    def _end_paragraph(self, paragraph_end: int, continues: bool) -> None:
        if len(self.stack) == 1 and continues:
            self.carry = self.stack.pop()
            self.carry.last_end = paragraph_end
            return
        if len(self.stack) == 1:
            self._unclosed(self.stack.pop(), paragraph_end)
        for open_ in self.stack:
            self.warnings.append(MarkWarning(open_.mark.at, f"{open_.mark.char} never closed: quote dropped"))
        self.stack = []

    def _unclosed(self, open_: _Open, paragraph_end: int) -> None:
        """A quote still open at the end of its paragraph runs to that end if it opened a sentence."""
        before = self.text[max(0, open_.mark.at - 3) : open_.mark.at].rstrip()
        starts_sentence = before == "" or before[-1] in ".:!?…,\n" or "\n" in before
        if starts_sentence and paragraph_end > open_.content_start:
            self._emit(open_, paragraph_end)
            self.warnings.append(
                MarkWarning(open_.mark.at, f"{open_.mark.char} never closed: ends its paragraph")
            )
        else:
            self.warnings.append(MarkWarning(open_.mark.at, f"{open_.mark.char} never closed: quote dropped"))

    def _drop_from(self, target: _Open, why: str) -> None:
        while self.stack:
            current = self.stack.pop()
            self.warnings.append(MarkWarning(current.mark.at, f"{current.mark.char}: {why}: quote dropped"))
            if current is target:
                return

    def _emit(self, open_: _Open, close_at: int) -> None:
        """A span from the opening mark to ``close_at`` (a closing mark, or where a repair ends it)."""
        start, end = open_.content_start, close_at
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end > start:
            span = QuoteSpan(
                start, end, open_.mark.at, close_at, open_.mark.family, paragraphs=open_.paragraphs
            )
            self.spans.append(span)


def _after_sentence_end(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip()
    return bool(before) and before[-1] in ".!?…"


def _linked(spans: list[QuoteSpan]) -> tuple[QuoteSpan, ...]:
    """Set ``depth`` and ``parent`` from containment (spans sorted by opening mark)."""
    out: list[QuoteSpan] = []
    open_chain: list[int] = []
    for span in spans:
        while open_chain and not (out[open_chain[-1]].start <= span.open_at < out[open_chain[-1]].end):
            open_chain.pop()
        parent = open_chain[-1] if open_chain else None
        out.append(replace(span, depth=len(open_chain), parent=parent))
        open_chain.append(len(out) - 1)
    return tuple(out)
