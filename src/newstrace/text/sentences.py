"""Sentences of a text by rule: fast, model-free, and the same in every layer that needs them.

Segmentation, the analysis steps and the copy finder all cut text into sentences; they share
this one splitter so that a sentence means the same thing everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

# A sentence ends at . ! ? … (and any closing quotes/brackets after them) before whitespace and
# an opening quote, bracket or capital letter/digit; abbreviations below do not end sentences.
SENTENCE_END = re.compile(r"""[.!?…]+['"”’)\]»]*(?=\s+['"“‘(\[«]*[A-Z0-9])|\n+""")
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc co corp ltd mt ft no vs etc
    rev del adm maj cmdr supt atty
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m""".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``text[start:end]``."""

    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Rule-based sentences of ``text`` (paragraph breaks always end one); no model needed."""
    out: list[Sentence] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.group(0)[0] == "." and _abbreviation_before(text, match.start()):
            continue
        end = match.end() if match.group(0)[0] != "\n" else match.start()
        out.extend(_trimmed(text, start, end))
        start = match.end()
    out.extend(_trimmed(text, start, len(text)))
    return out


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    token = word.group(1).lower() if word else ""
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trimmed(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end)
