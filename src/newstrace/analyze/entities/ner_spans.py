"""spaCy's entity spans made into clean mentions: determiners, titles, possessives and trailing
lowercase words taken off ("the MEK’s Resistance Units" -> MEK + Resistance Units; "Basij militia"
-> Basij, with the whole kept as an alias), a name completed where NER cut it ("Ministry| of
Health"), a group's name before "party" made an organisation's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from newstrace.analyze.entities.gazetteer import Gazetteer
from newstrace.text.acronyms import is_acronym
from newstrace.text.lexicon import DESCRIPTORS, DETERMINERS, TITLES
from newstrace.text.names import is_name_word

__all__ = [
    "OF_NAME",
    "POSSESSIVE",
    "SENTENCE_BREAK",
    "WORD",
    "AliasLink",
    "Mention",
    "clean_ner",
    "owns",
    "trimmed",
]

WORD = re.compile(r"[\w’'.&-]+")
POSSESSIVE = re.compile(r"[’']s\b")
OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}(?![\w’'])")
# A sentence end inside a span ("Ministry. NCV"): NER crossed a boundary. "U.S. Army", "Dr. Okafor" are fine.
SENTENCE_BREAK = re.compile(r"[a-z]{2}\.\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the article that names an entity; ``source`` says which rule found it."""

    start: int
    end: int
    text: str
    kind: str
    source: str


@dataclass(frozen=True, slots=True)
class AliasLink:
    """Two surface forms the text itself says name the same entity, and why."""

    a: str
    b: str
    reason: str


def owns(word: str, gaz: Gazetteer, known: frozenset[str]) -> bool:
    """A possessive that owns what follows rather than starting a name: "MEK’s", "Iran’s" (not "People’s").

    The owner is an acronym, a place or people the gazetteer knows, or a name NER found (``known``).
    """
    cut = POSSESSIVE.search(word)
    if cut is None:
        return False
    owner = word[: cut.start()]
    return is_acronym(owner) or owner in known or bool(gaz.lookup(owner)) or gaz.is_norp(owner)


def clean_ner(
    text: str,
    m: Mention,
    gaz: Gazetteer,
    known: frozenset[str],
    *,
    lowercase: frozenset[str],
    links: list[AliasLink],
) -> Iterator[Mention]:
    """A spaCy entity without determiners, titles and possessives; split at an owner's possessive."""
    if "\n" in m.text or not any(c.isupper() for c in m.text) or SENTENCE_BREAK.search(m.text):
        return
    if m.kind == "ORG":
        m = _with_of_name(text, m)
    pieces = [(m.start, m.end)]
    owner = POSSESSIVE.search(m.text)
    if owner and m.text[: owner.start()].split() and owns(m.text[: owner.end()].split()[-1], gaz, known):
        pieces = [(m.start, m.start + owner.start()), (m.start + owner.end(), m.end)]
    for start, end in pieces:
        clean = trimmed(text, start, end, m.kind, "ner")
        if clean.kind == "NORP":
            clean = _party_name(text, _demonym_end(clean, gaz), gaz)
        if not clean.text or not is_name_word(clean.text.split()[0]) or _common_word(text, clean, lowercase):
            continue
        if all(w.rstrip(".") + "." in TITLES or w in TITLES for w in clean.text.split()):
            continue  # "Supreme" of "Supreme Leader Ali Khamenei", "State" of "Secretary of State"
        yield from _without_descriptor(text, clean, links)


def _with_of_name(text: str, m: Mention) -> Mention:
    """An organisation NER cut before "of ...": "People’s Movement| of Valdoria", "Ministry| of Health"."""
    tail = OF_NAME.match(text, m.end)
    if tail is None:
        return m
    return replace(m, end=tail.end(), text=text[m.start : tail.end()])


def _party_name(text: str, m: Mention, gaz: Gazetteer) -> Mention:
    """A group's name that an organisation noun follows is an organisation's ("the Baath party",
    "the Sandinista movement"), unless it is a people's or a faith's ("Kurdish group")."""
    if gaz.is_norp(m.text) or _ORG_NOUN_AFTER.match(text, m.end) is None:
        return m
    return replace(m, kind="ORG")


_ORG_NOUN_AFTER = re.compile(r"[ \t]+(?:party|movement|militia|front|organi[sz]ation)\b")


def _demonym_end(m: Mention, gaz: Gazetteer) -> Mention:
    """A NORP span cut to its demonym ("Countless Iranians" -> "Iranians"), when it ends in one."""
    words = m.text.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if gaz.is_norp(tail):
            start = m.end - len(tail)
            return replace(m, start=start, text=tail)
    return m


def trimmed(text: str, start: int, end: int, kind: str, source: str) -> Mention:
    words = list(WORD.finditer(text, start, end))
    while words and (words[0].group(0) in DETERMINERS or (kind == "PER" and words[0].group(0) in TITLES)):
        words = words[1:]
    if words and (cut := POSSESSIVE.search(words[-1].group(0))):
        end = words[-1].start() + cut.start()
    elif words:
        end = words[-1].end()
    if not words:
        return Mention(start, start, "", kind, source)
    start = words[0].start()
    while end > start and (text[end - 1] in ".,;:-’'" or text[end - 1].isspace()):
        if text[end - 1] == "." and is_acronym(text[start:end]):
            break
        end -= 1
    return Mention(start, end, text[start:end], kind, source)


def _without_descriptor(text: str, m: Mention, links: list[AliasLink]) -> Iterator[Mention]:
    """ "Erja news website" -> the name "Erja", the whole kept as its alias; other lowercase tails go."""
    words = m.text.split()
    name = list(words)
    while name and name[-1][:1].islower() and not is_name_word(name[-1]):
        name.pop()
    if not name:
        return
    short = " ".join(name)
    tail = " ".join(words[len(name) :])
    if not tail:
        extended = _descriptor_after(text, m.end) if m.kind == "ORG" else None
        if extended is None:
            yield m
            return
        links.append(AliasLink(short, text[m.start : extended], "descriptor"))
        yield replace(m, end=extended, text=text[m.start : extended])
    elif tail in DESCRIPTORS:
        links.append(AliasLink(short, m.text, "descriptor"))
        yield m
    else:
        yield replace(m, end=m.start + len(short), text=short)


def _descriptor_after(text: str, end: int) -> int | None:
    """The end of a descriptor right after an organisation's name ("Erja| news website"), or None."""
    found = _DESCRIPTOR_AFTER.match(text[end : end + 40])
    return end + found.end() if found else None


# The longest descriptor first: "news website" before "website".
_DESCRIPTOR_AFTER = re.compile(
    r"[ \t]+(?:{})\b".format("|".join(re.escape(d) for d in sorted(DESCRIPTORS, key=len, reverse=True)))
)


def _common_word(text: str, m: Mention, lowercase: frozenset[str]) -> bool:
    """A single capitalised word opening a sentence that the text also uses in lower case ("Regime")."""
    if " " in m.text or is_acronym(m.text):
        return False
    before = text[max(0, m.start - 3) : m.start].strip(" “\"‘'")
    opens = m.start == 0 or not before or before[-1] in ".!?\n—–-:"
    return opens and m.text.lower() in lowercase
