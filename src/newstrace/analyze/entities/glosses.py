"""Names glossed by another name in parentheses: two names the text itself says are one entity.

- ``the Islamic State (Daesh)``, ``Hezbollah (Party of God)``: an organisation's name and another
  name for it, when the one in parentheses is not its acronym (acronyms.py defines those) and
  neither is a place (``Springfield (Illinois)`` is a qualifier) nor a person's name (``Lena Marsh
  (Reuters)`` is a credit);
- ``the Commander (Lopez)``: a title standing for a person's name, the title is then that person's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newstrace.text.acronyms import is_acronym
from newstrace.text.lexicon import TITLES

__all__ = ["Gloss", "name_glosses"]

_CAP = r"[A-Z][\w’'-]*"
_NAME = rf"{_CAP}(?:[ \t]+(?:(?:of|the|for|and)[ \t]+)*{_CAP}){{0,4}}"
GLOSSED = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME})[ \t]*\((?P<gloss>{_NAME})\)")


@dataclass(frozen=True, slots=True)
class Gloss:
    """A name and its gloss: ``text[name_start:name_end]`` (``text[gloss_start:gloss_end]``); the
    kind both take (``ORG``, or ``PER`` for a title glossed by a person's name)."""

    name_start: int
    name_end: int
    gloss_start: int
    gloss_end: int
    kind: str


def name_glosses(
    text: str, is_place: Callable[[str], bool], people: Sequence[tuple[int, int]]
) -> Iterator[Gloss]:
    """Every name glossed by another name in parentheses, with the kind they share."""
    for m in GLOSSED.finditer(text):
        start = m.start("name")
        cut = m.group("name").rfind(" the ")  # "Fighters of the Northern Caliphate": the name's own words
        if cut >= 0:
            start += cut + len(" the ")
        elif m.group("name").startswith("The "):  # a sentence's first word, not the name's
            start += len("The ")
        name, gloss = text[start : m.end("name")], m.group("gloss")
        if is_acronym(gloss) or gloss.isupper():
            continue
        spans = (start, m.end("name"), m.start("gloss"), m.end("gloss"))
        if all(word in TITLES for word in name.split()):
            yield Gloss(*spans, "PER")  # "the Commander (Lopez)"
        elif not is_place(name) and not is_place(gloss) and not _overlaps(spans[:2], people):
            yield Gloss(*spans, "ORG")  # not "Springfield (Illinois)", nor "Lena Marsh (Reuters)"


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)
