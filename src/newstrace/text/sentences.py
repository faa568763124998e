"""Sentences of a text by rule: fast, model-free, and the same in every layer that needs them.

Segmentation, the analysis steps and the copy finder all cut text into sentences; they share
this one splitter so that a sentence means the same thing everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Sentence", "sentence_breaks", "split_sentences"]

# A sentence ends at . ! ? … (and any closing quotes/brackets after them) before whitespace and
# an opening quote, bracket or capital letter/digit; abbreviations below do not end sentences.
SENTENCE_END = re.compile(r"""[.!?…]+['"”’)\]»]*(?=\s+['"“‘(\[«]*[A-Z0-9])|\n+""")
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc co corp ltd mt ft no vs etc
    rev del adm maj cmdr supt atty
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m""".split()
)
# The characters a sentence end starts with: SENTENCE_END is tried only where one stands, which
# finds the same ends as scanning every position (several times faster on long texts).
END_START = re.compile(r"[.!?…\n]")
TOKEN_BEFORE = re.compile(r"[\w.]+$")  # the word (dots included) that a full stop ends
ABBREVIATION_WINDOW = 12  # characters looked back for it (longer than any abbreviation above)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``text[start:end]``."""

    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Rule-based sentences of ``text`` (paragraph breaks always end one); no model needed."""
    out: list[Sentence] = []
    start = 0
    for match in sentence_breaks(text):
        end = match.end() if match.group(0)[0] != "\n" else match.start()
        out.extend(_trimmed(text, start, end))
        start = match.end()
    out.extend(_trimmed(text, start, len(text)))
    return out


def sentence_breaks(text: str) -> Iterator[re.Match[str]]:
    """The punctuation (or paragraph breaks) that end the sentences of ``text``, in order.

    A break holds no word character, so every word of ``text`` lies wholly between two breaks.
    """
    after = 0  # where the last end found stops: ends do not overlap
    for start in END_START.finditer(text):
        at = start.start()
        if at < after:
            continue
        match = SENTENCE_END.match(text, at)
        if match is None:
            continue
        after = match.end()
        if text[at] == "." and _abbreviation_before(text, at):
            continue
        yield match


def _abbreviation_before(text: str, dot: int) -> bool:
    word = TOKEN_BEFORE.search(text, max(0, dot - ABBREVIATION_WINDOW), dot)
    token = word.group(0).lower() if word else ""
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trimmed(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end)
