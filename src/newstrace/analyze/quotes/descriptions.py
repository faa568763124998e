"""Descriptions that stand for someone the article has named: ``the 56-year-old``, ``the agency``.

A news article names a person or an organisation once and then refers back to it with a
description. Two kinds carry no word of the name, so :meth:`Coreference.resolve_nominal`, which
matches a title or a word of the name, cannot find them:

- an age (``The 56-year-old said``): only a person has one, and the writer uses it for the person
  the story is about, named just before;
- the noun for a kind of body (``the agency said``, ``the production company said``) when no
  organisation named before has that noun in its name: the nearest organisation named before,
  in the same passage, is the one it stands for ("CBP announced … At the time, the agency said");
- a name with its age in apposition (``Ramos, 58, told AFP``), which the parse may head by the
  age or the comma: the name's bearer;
- a message with no named source (``the statement read``) put out in a sentence whose subject is
  such a description (``The company denied it in a statement.``): that body's message.

Both look back only a short way (:data:`PERSON_WINDOW`, :data:`BODY_WINDOW`) and never into
quotations (names there are the speakers' words). A place or a building never answers: a country
is not "the company".
"""

from __future__ import annotations

import logging
import re

from newstrace.analyze.quotes.coref import (
    Coreference,
    NamedMention,
    Referent,
    issuing_pattern,
    sentence_start,
)
from newstrace.analyze.quotes.cues import MESSAGE_NOUNS
from newstrace.model import Span

log = logging.getLogger(__name__)

__all__ = ["BODY_NOUNS", "aged_name", "described_referent"]

AGE = re.compile(r"\b\d{1,3}[- ]years?[- ]$", re.IGNORECASE)  # before the head "old": "the 56-year-old"
AGE_REACH = 12  # characters before the head searched for the age
# Nouns for a kind of organisation that a text uses for one it has named (not "the government",
# "the party" or "the campaign", which stand for a country's, a person's or a candidate's body).
BODY_NOUNS = frozenset(
    """company firm agency organization organisation group network channel newspaper magazine
    station outlet union institute university commission bureau council committee board charity
    foundation label studio publisher broadcaster club""".split()
)
# How far back (characters) the named person or body may stand: about four news sentences, the
# distance at which "the 56-year-old" and "the agency" still pick the story's subject on the
# real-news tune splits (bench/data/realnews); farther back the text has usually moved on.
PERSON_WINDOW = 600
BODY_WINDOW = 600
BODY_LABELS = frozenset({"ORG"})  # an organisation's name, not a country's (GPE) or a people's (NORP)
# A name and an age in apposition: "Ramos, 58,", "Lena Marsh, 41, a teacher".
NAME_AND_AGE = re.compile(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*),\s+\d{1,3},")
# A sentence led by a description of a body: "The company denied it …", "The rights group …".
BODY_SUBJECT = re.compile(r"\s*the\s+([a-z-]+)(?:\s+([a-z]+))?\b", re.IGNORECASE)


def described_referent(head: str, at: int, coref: Coreference) -> Referent | None:
    """Whom the description whose head word ``head`` stands at ``at`` refers to, if it is an
    age or the noun for a kind of body; None otherwise or when no one fits."""
    word = head.lower()
    if word == "old" and AGE.search(coref.text, max(0, at - AGE_REACH), at):
        return _main_person(coref, at)
    if word in BODY_NOUNS:
        return _nearest_body(coref, at)
    if word in MESSAGE_NOUNS:
        return _described_issuer(word, at, coref)
    return None


def aged_name(mention: Span | None, coref: Coreference) -> Referent | None:
    """The person a mention that starts with a name and its age (``Ramos, 58,``) names."""
    if mention is None:
        return None
    aged = NAME_AND_AGE.match(mention.text)
    if aged is None:
        return None
    return coref.resolve_name(aged.group(1), mention.start)  # an age is a person's: NER may say a place


def _described_issuer(noun: str, at: int, coref: Coreference) -> Referent | None:
    """ "The company denied it in a statement. … the statement read": a message put out in a
    sentence whose subject is a body's description is that body's (the organisation the
    description stands for)."""
    found = [m for m in issuing_pattern(noun).finditer(coref.text, 0, at) if not coref.in_quote(m.start())]
    if not found:
        return None
    where = found[-1].start()
    sentence = sentence_start(coref.text, where)
    subject = BODY_SUBJECT.match(coref.text, sentence, where)
    if subject is None or not {w.lower() for w in subject.groups() if w} & BODY_NOUNS:
        return None
    return _nearest_body(coref, sentence)


def _main_person(coref: Coreference, at: int) -> Referent | None:
    """Of the people named (outside quotations) in ``at - PERSON_WINDOW:at`` with a full name or a
    title, the one the article names first: the person the story is about, whom its lead names
    (a one-word "person" is often an organisation NER mislabelled: "Spurs")."""
    near = [
        p
        for p in coref.people
        if p.named and any(at - PERSON_WINDOW <= m.end <= at and _outside(coref, m) for m in p.mentions)
    ]
    first = min(near, key=lambda p: p.mentions[0].start, default=None)
    return Referent(first.name, "PER") if first is not None else None


def _nearest_body(coref: Coreference, at: int) -> Referent | None:
    """The organisation named nearest before ``at`` (outside quotations), within :data:`BODY_WINDOW`."""
    for mention in reversed([m for m in coref.orgs if m.label in BODY_LABELS and m.end <= at]):
        if mention.end < at - BODY_WINDOW:
            return None
        found = coref.referent_at(mention.start, mention.end) if _outside(coref, mention) else None
        if found is not None and found.kind == "ORG":
            return found
    return None


def _outside(coref: Coreference, mention: NamedMention) -> bool:
    return not coref.in_quote(mention.start)
