"""Lines of a page with their offsets, and what shape each line has."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

__all__ = ["Line", "Shape", "is_sentence_end", "shape_lines", "split_lines", "word_count"]

# A heading (title, subhead, link title) is short; calibrated on the seed pages and the sample
# corpus, whose longest headline has 16 words and whose shortest one-line paragraph ends in a period.
HEADING_MAX_WORDS = 24
SENTENCE_END = re.compile(r"""[.!?…:;]['"”’)\]»]*\s*$""")
WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
SEPARATOR = re.compile(r"^\s*(?:[-=_~*#•·]\s*){3,}$")


class Shape(Enum):
    """The layout shape of a line, before any meaning is given to it."""

    BLANK = "blank"
    SEPARATOR = "separator"  # ----, ****, ====
    HEADING = "heading"  # short, no sentence end: a title, subhead, link title, caption, widget
    PARAGRAPH = "paragraph"  # a sentence or more


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document: ``text`` is stripped and starts at ``start`` in the document."""

    index: int
    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just after the stripped text."""
        return self.start + len(self.text)


def split_lines(text: str) -> list[Line]:
    """The lines of ``text``, stripped, with document offsets (blank lines included)."""
    lines = []
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        lines.append(Line(index, offset + lead, stripped))
        offset += len(raw) + 1
    return lines


def word_count(text: str) -> int:
    """Number of words (letters or digits, with inner apostrophes and hyphens)."""
    return len(WORD.findall(text))


def is_sentence_end(text: str) -> bool:
    """Whether the line ends like a sentence (or a lead-in such as ``He said:``)."""
    return bool(SENTENCE_END.search(text))


def shape_lines(lines: Sequence[Line]) -> list[Shape]:
    """The shape of each line; a short line continued by a lowercase line is part of a paragraph."""
    shapes = [_shape(line.text) for line in lines]
    for i in range(len(lines) - 1):
        nxt = lines[i + 1].text
        if shapes[i] is Shape.HEADING and nxt and nxt[0].islower():
            shapes[i] = Shape.PARAGRAPH
    return shapes


def _shape(text: str) -> Shape:
    if not text:
        return Shape.BLANK
    if SEPARATOR.match(text):
        return Shape.SEPARATOR
    if is_sentence_end(text) or word_count(text) > HEADING_MAX_WORDS:
        return Shape.PARAGRAPH
    return Shape.HEADING
