"""From a speaker mention to a speaker: the canonical name of a person, organisation or group.

The mention found in the parse (:mod:`newstrace.analyze.quotes.attribution`) is resolved with the
article's coreference (:mod:`newstrace.analyze.quotes.coref`):

- a name (``Khamenei``) becomes the longest form of that person's name in the article;
- a pronoun (``he``) its antecedent; ``I`` or ``we`` inside a quotation, the quotation's speaker;
- ``who`` in ``X, who said`` what ``X`` resolves to;
- a description (``the supreme leader``) the person given that title, or the message's source;
- a plural description (``protesters``, ``officials``) stays a group;
- a slogan without a stated crowd is the crowd's: the nearest crowd noun, else ``protesters``
  when the text around speaks of a protest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newstrace.analyze.quotes.attribution import Attribution
from newstrace.analyze.quotes.coref import Coreference, Referent, name_key
from newstrace.analyze.quotes.cues import CROWD_NOUNS, MESSAGE_NOUNS, ORG_NOUNS, PROTEST_WORDS, SPEAKER_NOUNS
from newstrace.analyze.quotes.descriptions import aged_name, described_referent
from newstrace.model import Quote, Span
from newstrace.text.lexicon import ROLE_NOUNS

__all__ = ["clean_name", "one_name_per_person", "resolve_speaker", "slogan_crowd"]

FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# Nouns of a person the text describes without naming: the description is the speaker ("officer").
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """man woman boy girl person officer patient resident witness victim survivor neighbour neighbor
    father mother son daughter husband wife friend relative source employee worker customer""".split()
)
CROWD_WINDOW = 400  # characters before a slogan searched for the crowd that chanted it
DEFAULT_CROWD = "protesters"
WORD = re.compile(r"[A-Za-z]+")
# "the IMF" before "report": the name that owns a message
OWNER_NAME = re.compile(r"(?:the\s+|The\s+)?((?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)\s+")
DESCRIPTOR_NOUNS = ORG_NOUNS | {"news"}  # lower-case words of an organisation's name: "Erja news website"
NOT_OWNERS = frozenset("the a an this that these those his her its their our my your".split())
# Words that tie a description to someone else's name ("a spokesman for X", "the wife of X").
LINK_WORDS = frozenset("for of to with at from by and or who whose than".split())
QUOTE_MARK = re.compile("[\"“”„«»]|''|(?<!\\w)['‘’]|['‘’](?!\\w)")  # a mark, not an apostrophe


def resolve_speaker(attribution: Attribution, coref: Coreference, enclosing: str | None) -> str | None:
    """The canonical speaker of ``attribution``; ``enclosing`` is the speaker of an outer quote."""
    head, kind = attribution.head, attribution.head_kind
    if head is None or kind is None:
        return None
    referent: Referent | None = None
    if kind == "pronoun":
        if head.text.lower() in FIRST_PERSON:
            return enclosing
        referent = coref.resolve_pronoun(head.text, head.start)
    elif kind == "relative" and attribution.antecedent is not None:
        referent = _resolve_phrase(attribution.antecedent, attribution.names, coref)
    elif kind == "name" or (
        kind == "nominal" and head.text[:1].isupper() and head.text.lower() not in ROLE_NOUNS
    ):
        referent = _resolve_phrase(head, attribution.names or head, coref)
    elif attribution.names is not None:  # "the Mojahedin leader (Massoud Rajavi)"
        referent = _resolve_phrase(attribution.names, attribution.names, coref)
    elif kind == "group":
        referent = coref.resolve_nominal(head.text, head.start, plural=True)
        if referent is not None and head.text[:1].isupper() and head.text.lower() not in SPEAKER_NOUNS:
            referent = Referent(head.text, referent.kind)  # a proper group name: "Democrats", "Iranians"
    else:
        referent = (
            _titled_name(attribution, coref)
            or _owner_named(attribution, coref)
            or coref.resolve_nominal(head.text, head.start)
            or described_referent(head.text, head.start, coref)
        )
        if referent is None and head.text.lower() in PERSON_NOUNS:
            referent = Referent(head.text.lower(), "PER")  # "an officer shouted": someone unnamed
        elif referent is None and head.text.lower() in ORG_NOUNS:
            referent = _unnamed_body(attribution, coref)
    if referent is None:  # "Ramos, 58, told AFP": the parse may head the phrase by the age
        referent = aged_name(attribution.mention, coref)
    return referent.name if referent is not None else None


def _unnamed_body(attribution: Attribution, coref: Coreference) -> Referent | None:
    """ "the Clinton campaign said", "the commission recognized": a body the text names only by
    its description speaks as that description, without its article ("Clinton campaign")."""
    mention, head = attribution.mention, attribution.head
    if mention is None or head is None or not mention.start <= head.start < mention.end:
        return None
    words = coref.text[mention.start : head.end].split()
    while words and words[0].lower() in NOT_OWNERS:
        words.pop(0)
    return Referent(" ".join(words), "ORG") if words else None


def _titled_name(attribution: Attribution, coref: Coreference) -> Referent | None:
    """ "Harbourwatch editor-in-chief Lena Marsh said": a description followed by a person's name
    (the name ends the phrase, no preposition or comma between) is that person's title, and
    the person speaks; "a spokesman for Lena Marsh" is not Marsh."""
    mention, head = attribution.mention, attribution.head
    if mention is None or head is None or mention.end <= head.end:
        return None
    between = coref.text[head.end : mention.end]
    found = coref.referent_at(mention.end - 1, mention.end)
    if found is None or found.kind != "PER" or "," in between:
        return None
    return None if any(w.lower() in LINK_WORDS for w in between.split()) else found


def _owner_named(attribution: Attribution, coref: Coreference) -> Referent | None:
    """ "the IMF report stated": a message noun led by a name is that name's message."""
    mention, head = attribution.mention, attribution.head
    if mention is None or head is None or head.text.lower() not in MESSAGE_NOUNS:
        return None
    before = OWNER_NAME.fullmatch(coref.text[mention.start : head.start])
    if before is None or before.group(1).split()[0].lower() in NOT_OWNERS:
        return None  # "The report", "This statement": no name leads it
    start = mention.start + before.start(1)
    found = coref.referent_at(start, start + len(before.group(1)))
    return found or Referent(before.group(1), "ORG")


def clean_name(name: str) -> str | None:
    """A speaker name without what a misparse glued to it: the name stops at a quotation mark
    (``Marcia "``), a capitalised name loses the lower-case words after it (``Meghan cry``) but
    an organisation's own nouns (``Erja news website``), and a name left with no letter is no name."""
    cut = QUOTE_MARK.split(name.lstrip("\"“”‘’' "), maxsplit=1)[0].strip(" ,;:-")
    words = cut.split()
    if words and words[0][:1].isupper():  # "Meghan cry": a proper name does not end in a lower-case word
        while len(words) > 1 and words[-1][:1].islower() and words[-1] not in DESCRIPTOR_NOUNS:
            words.pop()
        cut = " ".join(words)
    return cut if any(c.isalpha() for c in cut) else None


def _resolve_phrase(phrase: Span, names: Span | None, coref: Coreference) -> Referent | None:
    head = names or phrase
    if coref.names_a_thing(head.start, head.end):
        return None  # "Trump Tower", "Meet the Press": the mention is kept, nobody speaks
    found = coref.referent_at(phrase.start, phrase.end)
    if found is None and names is not None:
        found = coref.referent_at(names.start, names.end)
    if found is None and names is not None:
        found = coref.resolve_name(names.text, names.start)
    return found


def slogan_crowd(text: str, start: int) -> str | None:
    """Who chanted a slogan at ``start`` that names no crowd: the nearest crowd noun before it."""
    window = text[max(0, start - CROWD_WINDOW) : start]
    words: list[str] = WORD.findall(window)
    crowds = [w.lower() for w in words if w.lower() in CROWD_NOUNS]
    if crowds:
        return crowds[-1]
    return DEFAULT_CROWD if PROTEST_WORDS.search(window) else None


def one_name_per_person(quotes: Sequence[Quote], people: Sequence[str]) -> list[Quote]:
    """The quotes with one speaker name per person: a speaker name that is the end of exactly one
    longer name of the article's people or speakers ("Doherty", "Mr. Doherty" -> "Michael
    Doherty") takes that name; two people who share it keep the short one."""
    names = {n for n in (*people, *(q.speaker for q in quotes if q.speaker)) if len(n.split()) > 1}
    out = []
    for quote in quotes:
        short = quote.speaker or ""
        key = [w.lower() for w in name_key(short)] if short[:1].isupper() else []
        fits = {
            n for n in names if key and n != short and [w.lower() for w in name_key(n)][-len(key) :] == key
        }
        longest = {n for n in fits if not any(o != n and o.endswith(n) for o in fits)}
        out.append(replace(quote, speaker=longest.pop()) if len(longest) == 1 else quote)
    return out
