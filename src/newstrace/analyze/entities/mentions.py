"""Entity mentions in one article: spaCy's NER, cleaned, plus rules where the small model is weak.

Sources, from the most to the least trusted (a mention of a more trusted source wins an overlap):

1. acronym definitions (acronyms.py): "People’s Mojahedin Organization of Iran (PMOI/MEK)";
2. named and dated events (events.py): "Iran Freedom rally", "the 2018 uprising";
3. rules: a title before a name ("Supreme Leader Khamenei" -> PER Khamenei), an honorific standing
   for a name in parentheses ("His Eminence (Khamenei)"), capitalised words ending in an
   organisation head noun ("Resistance Units", "Iranian Resistance"), a gloss that says what a name
   is ("Pride [an Iranian car manufacturer]"), an acronym followed by a country's name ("the MEK Iran");
4. spaCy NER, with determiners, possessives, titles and trailing lowercase words taken off
   ("the MEK’s Resistance Units" -> MEK + Resistance Units; "Basij militia" -> Basij; ner_spans.py);
5. acronyms NER missed, demonyms and group names (NORP, from the gazetteer).

Title-case lines (headings) get no rule or NER mention of their own, only the completion pass below:
their capitals say nothing about names. Finally every other occurrence of a surface form found so far
becomes a mention too. Alias links record which forms the text itself equates (definitions, titles,
descriptors), for entities.py to group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newstrace.analyze.entities.gazetteer import Gazetteer
from newstrace.analyze.entities.glosses import name_glosses
from newstrace.analyze.entities.headings import heading_spans
from newstrace.analyze.entities.named_events import NamedEvent
from newstrace.analyze.entities.ner_spans import (
    OF_NAME,
    POSSESSIVE,
    SENTENCE_BREAK,
    WORD,
    AliasLink,
    Mention,
    clean_ner,
    owns,
    trimmed,
)
from newstrace.model import Span
from newstrace.text.acronyms import find_definitions, is_acronym
from newstrace.text.lexicon import (
    DETERMINERS,
    GLOSS_HEADS,
    HONORIFICS,
    ORG_HEADS,
    TITLE_ROLES,
    TITLES,
)

__all__ = ["AliasLink", "Mention", "find_mentions"]

P_DEFINITION, P_EVENT, P_RULE, P_NER, P_ACRONYM, P_NORP = range(6)
CAP_WORD = r"[A-Z][\w’'&.-]*"
MAX_NAME_WORDS = 8  # a capitalised sequence longer than this is not one name
ORG_SEQUENCE = re.compile(
    rf"(?<![\w’']){CAP_WORD}(?:[ \t]+(?:(?:of|for|and|the|de)[ \t]+)?{CAP_WORD}){{1,{MAX_NAME_WORDS - 1}}}"
)
_TITLE = "|".join(map(re.escape, sorted(TITLES | TITLE_ROLES, key=len, reverse=True)))
_NAME_WORD = r"[A-Z](?:[\w’'-]*[\w]|\.)?"  # "Khamenei", "O’Neil", an initial "J."; not "Ministry."
TITLED = re.compile(
    rf"(?<![\w’'])(?P<title>(?:{_TITLE})(?:[ \t]+(?:of[ \t]+)?(?:{_TITLE}))*)"
    rf"[ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})(?![\w’'])"
)
_HONORIFIC = "|".join(sorted(HONORIFICS))
HONORIFIC = re.compile(
    rf"\b(?P<title>(?:His|Her|Your)[ \t]+(?:{_HONORIFIC}))[ \t]*"
    rf"\((?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,3}})\)"
)
GLOSS = re.compile(
    rf"(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,3}})[ \t]*[\[(](?:an?|the)[ \t]+(?:[\w-]+[ \t]+){{0,3}}"
    r"(?P<head>[a-z]+)[\])]"
)
ACRONYM_WORD = re.compile(r"(?<![\w’'.-])(?:[A-Z]\.){2,}|(?<![\w’'.-])[A-Z][A-Z0-9&]*[A-Z0-9](?![\w’'-])")
# "the MEK Iran has ...": an acronym and a country's name used as one name, and the word after it.
ACRONYM_COMPOUND = re.compile(
    r"\bthe[ \t]+(?P<acr>[A-Z]{2,6})[ \t]+(?P<place>[A-Z][a-z]+)(?=[ \t]*[,.;)]|[ \t]+[a-z])"
)
FOLLOWER = re.compile(r"[ \t]+([a-z]+)")


@dataclass(frozen=True, slots=True)
class Found:
    """An article's mentions, the aliases its text defines, and its event mentions."""

    mentions: tuple[Mention, ...]
    links: tuple[AliasLink, ...]
    events: tuple[NamedEvent, ...]


def find_mentions(
    text: str,
    ner: Sequence[Mention],
    events: Sequence[NamedEvent],
    gaz: Gazetteer,
    limit: int,
    *,
    lowercase: frozenset[str],
) -> Found:
    """The mentions of ``text``: rules + cleaned ``ner`` + ``events``, overlaps resolved, then completed.

    ``lowercase`` is :func:`lowercase_words` of ``text``.
    """
    headings = heading_spans(text)
    candidates: list[tuple[int, Mention]] = []
    links: list[AliasLink] = []
    _definitions(text, ner, candidates, links)
    events = [e for e in events if not _inside(e.span.start, e.span.end, headings)]
    candidates += [
        (P_EVENT, Mention(e.span.start, e.span.end, e.span.text, "EVENT", "event")) for e in events
    ]
    known = frozenset(m.text for m in ner)
    _rules(text, gaz, known, [m for m in ner if m.kind == "PER"], out=candidates, links=links)
    for mention in ner:
        for clean in clean_ner(text, mention, gaz, known, lowercase=lowercase, links=links):
            candidates.append((P_NER, clean))
    candidates += [(P_ACRONYM, m) for m in _acronyms(text)]
    candidates += [(P_NORP, m) for m in _norp(text, gaz)]
    candidates = [
        (p, m)
        for p, m in candidates
        if (p <= P_DEFINITION or not _inside(m.start, m.end, headings)) and not SENTENCE_BREAK.search(m.text)
    ]
    accepted = _without_overlaps(candidates, limit)
    accepted += _completed(text, accepted, limit - len(accepted))
    accepted.sort(key=lambda m: m.start)
    return Found(tuple(accepted), tuple(links), tuple(events))


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _definitions(
    text: str, ner: Sequence[Mention], out: list[tuple[int, Mention]], links: list[AliasLink]
) -> None:
    for d in find_definitions(text):
        kind = next((m.kind for m in ner if m.start < d.long.end and d.long.start < m.end), "ORG")
        kind = kind if kind in ("ORG", "GPE", "FAC", "EVENT", "NORP") else "ORG"
        out.append((P_DEFINITION, Mention(d.long.start, d.long.end, d.long.text, kind, "definition")))
        forms = [*d.parts, *([d.whole] if d.whole else [])]
        if d.whole is not None:
            out.append((P_DEFINITION, Mention(d.whole.start, d.whole.end, d.whole.text, kind, "definition")))
        else:
            out += [(P_DEFINITION, Mention(p.start, p.end, p.text, kind, "definition")) for p in d.parts]
        links += [AliasLink(d.long.text, f.text, "definition") for f in forms]


def _rules(
    text: str,
    gaz: Gazetteer,
    known: frozenset[str],
    people: Sequence[Mention],
    *,
    out: list[tuple[int, Mention]],
    links: list[AliasLink],
) -> None:
    for m in TITLED.finditer(text):
        found = _titled_name(text, m, people)
        if found is not None and not gaz.lookup(found.text):
            out.append((P_RULE, found))
    for m in HONORIFIC.finditer(text):
        out.append((P_RULE, Mention(m.start("title"), m.end("title"), m.group("title"), "PER", "title")))
        out.append((P_RULE, Mention(m.start("name"), m.end("name"), m.group("name"), "PER", "title")))
        links.append(AliasLink(m.group("title"), m.group("name"), "honorific"))
    for m in ORG_SEQUENCE.finditer(text):
        _org_sequence(text, m, gaz, known, out)
    for m in GLOSS.finditer(text):
        if m.group("head") in GLOSS_HEADS:
            out.append((P_RULE, trimmed(text, m.start("name"), m.end("name"), "ORG", "gloss")))
    for g in name_glosses(text, lambda name: bool(gaz.lookup(name)), [(p.start, p.end) for p in people]):
        source = "title" if g.kind == "PER" else "gloss"
        name, gloss = text[g.name_start : g.name_end], text[g.gloss_start : g.gloss_end]
        out.append((P_RULE, Mention(g.name_start, g.name_end, name, g.kind, source)))
        out.append((P_RULE, Mention(g.gloss_start, g.gloss_end, gloss, g.kind, source)))
        links.append(AliasLink(name, gloss, "title" if g.kind == "PER" else "gloss"))
    _acronym_compounds(text, gaz, out, links)


def _titled_name(text: str, m: re.Match[str], people: Sequence[Mention]) -> Mention | None:
    """The name after a title, up to a possessive ("Mr. Trump's RT" -> Trump), where NER's person
    span starts if it starts later ("Miss Universe Alicia Machado" -> Alicia Machado)."""
    start, end = m.start("name"), m.end("name")
    words = list(WORD.finditer(text, start, end))
    for i, w in enumerate(words):
        cut = POSSESSIVE.search(w.group(0))
        if cut:
            words, end = words[: i + 1], w.start() + cut.start()
            break
    while len(words) > 1 and words[-1].group(0) in ORG_HEADS:
        words.pop()
        end = words[-1].end()
    if not words or any(w.group(0) in ORG_HEADS for w in words):
        return None
    for person in people:
        if start < person.start < end <= person.end + 1:
            start = person.start
    end = min(end, words[-1].end())
    return Mention(start, end, text[start:end], "PER", "title") if end > start else None


def _org_sequence(
    text: str, m: re.Match[str], gaz: Gazetteer, known: frozenset[str], out: list[tuple[int, Mention]]
) -> None:
    """Capitalised words up to an organisation head noun: "Resistance Units", "Iranian Resistance"."""
    words = list(WORD.finditer(m.group(0)))
    while words and (words[0].group(0) in DETERMINERS or owns(words[0].group(0), gaz, known)):
        words = words[1:]
    heads = [i for i, w in enumerate(words) if w.group(0) in ORG_HEADS]
    if not heads or heads[-1] < 1:
        return
    words = words[: heads[-1] + 1]
    # "IRGC and Basij Force", "the MEK Resistance Units": an acronym in front is a name of its own
    while len(words) > 2 and is_acronym(words[0].group(0)):
        words = words[2:] if words[1].group(0) in ("and", "of", "for") else words[1:]
    start, end = m.start() + words[0].start(), m.start() + words[-1].end()
    if tail := OF_NAME.match(text, end):  # "Democratic Front| of Valdoria": the name goes on
        end = tail.end()
    out.append((P_RULE, Mention(start, end, text[start:end], "ORG", "org-head")))


def _acronym_compounds(
    text: str, gaz: Gazetteer, out: list[tuple[int, Mention]], links: list[AliasLink]
) -> None:
    """ "the MEK Iran has ...": an acronym and a country's name used together as one name."""
    for m in ACRONYM_COMPOUND.finditer(text):
        follower = FOLLOWER.match(text, m.end())
        if follower and follower.group(1) not in _COMPOUND_FOLLOWERS:
            continue
        places = gaz.lookup(m.group("place"))
        if places and places[0].kind == "country":
            start, end = m.start("acr"), m.end("place")
            out.append((P_RULE, Mention(start, end, text[start:end], "ORG", "compound")))
            links.append(AliasLink(m.group("acr"), text[start:end], "compound"))


# Words after "the MEK Iran" that show it ends a noun phrase (a verb or a conjunction, not a noun).
_COMPOUND_FOLLOWERS = frozenset(
    "and or but has have had is was were will would can could when which who that as to in on at".split()
)


def _acronyms(text: str) -> Iterator[Mention]:
    """All-capital words; not those in a run of capitals ("PORT MERIDIAN, March 4") or a dateline."""
    for m in ACRONYM_WORD.finditer(text):
        if not is_acronym(m.group(0)):
            continue
        before = text[max(0, m.start() - 12) : m.start()].split()
        after = text[m.end() : m.end() + 12].split()
        near = [w for w in (before[-1:] + after[:1]) if any(c.isalpha() for c in w)]
        if any(w.strip(",.;:—–-").isupper() and len(w.strip(",.;:—–-")) > 1 for w in near):
            continue
        line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        if line_start and re.match(r"\s*(?:[,—–]|--)", text[m.end() :]):
            continue
        yield Mention(m.start(), m.end(), m.group(0), "ORG", "acronym")


def _norp(text: str, gaz: Gazetteer) -> Iterator[Mention]:
    for m in re.finditer(r"(?<![\w’'-])[A-Z][a-z’']+(?:[ \t][A-Z][a-z]+s?)?(?![\w’'-])", text):
        for form in (m.group(0), m.group(0).split()[0]):
            if gaz.is_norp(form):
                yield Mention(m.start(), m.start() + len(form), form, "NORP", "demonym")
                break
        else:
            second = m.group(0).split()[1:]
            if second and gaz.is_norp(second[0]):
                start = m.end() - len(second[0])
                yield Mention(start, m.end(), second[0], "NORP", "demonym")


def _without_overlaps(candidates: list[tuple[int, Mention]], limit: int) -> list[Mention]:
    """The best mentions that do not overlap: more trusted first, then longer, then earlier."""
    taken: list[Mention] = []
    covered = bytearray(max((m.end for _, m in candidates), default=0))
    for _, m in sorted(candidates, key=lambda pm: (pm[0], pm[1].start - pm[1].end, pm[1].start)):
        if not m.text or any(covered[m.start : m.end]):
            continue
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
        taken.append(m)
        if len(taken) >= limit:
            break
    return taken


def _completed(text: str, found: list[Mention], limit: int) -> list[Mention]:
    """Every other occurrence of a form already found (NER misses repeats, and headings get none)."""
    kind_of: dict[str, str] = {}
    for m in found:
        kind_of.setdefault(m.text, m.kind)
    by_first: dict[str, list[str]] = {}
    for form in sorted(kind_of, key=len, reverse=True):
        first = re.match(r"\w+", form)
        if first and len(form) > 1:
            by_first.setdefault(first.group(0), []).append(form)
    covered = bytearray(len(text) + 1)
    for m in found:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    out: list[Mention] = []
    for token in re.finditer(r"\w+", text):
        start = token.start()
        for form in by_first.get(token.group(0), ()):
            end = start + len(form)
            if text.startswith(form, start) and not (end < len(text) and text[end].isalnum()):
                if not any(covered[start:end]):
                    covered[start:end] = b"\x01" * (end - start)
                    out.append(Mention(start, end, form, kind_of[form], "alias"))
                break
        if len(out) >= limit:
            break
    return out
