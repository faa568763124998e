"""Trigger words in a sense other than the event's, found on the parse: a criticism, an epithet, an
aim, and occasions in general rather than a particular one.

- **A criticism.** Politicians "attack" one another far more often than anyone is assaulted in
  political news: an "attack" on a stand ("attacks on her record"), or one whose target or author
  is a person ("attacked Clinton", "Rubio's attack on the governor") in a sentence that names no
  weapon, wound, death or armed actor, is words, not violence.
- **An epithet.** "A convicted rapist", "has convicted rapist Mike Tyson on his list": a
  conviction before a bare noun names someone by his past; the sentence tells no conviction.
- **An aim.** What someone wants, seeks, asks for or threatens ("seeking the arrest of",
  "requests for an interview", "threatening an attack") has not happened.
- **Occasions in general.** A bare plural ("meetings", "speeches": no article, possessive or
  number) marked as many ("hundreds of speeches", "full of meetings") or in a gerund's clause ("busy
  giving speeches"), with no date in its clause, tells what someone does or did many times, no
  particular event; "talks" are one negotiation, in the plural, and stay.

The word-based half (fixed phrases such as "charged that" and "personal attacks") is
``event_kinds.FIGURATIVE``; the other parse-based checks (hypotheticals, infinitives of aim,
generic statements) are ``literal.unreal``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newstrace.analyze.figures.literal import clause_verb
from newstrace.analyze.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["other_sense"]

# What makes an attack violence: a weapon, a wound, a death, an armed or violent actor, a raid. A
# criticism's sentence names none of these (checked on PolNeAR train articles and the tune pages:
# the physical attacks there all name one, the verbal attacks none).
VIOLENCE = re.compile(
    r"\b(?:kill|dead|death|die[ds]?\b|wound|injur|hurt|hospital|casualt|victim|blood|guns?\b|gunfire"
    r"|gunm[ae]n|gunshot|shot\b|shoot|rifle|pistol|knife|knives|stab|machete|hammer|axe\b|acid\b"
    r"|bomb|explo|blast|grenade|rocket|missile|drone|chemical|armed|militant|insurgent|terror|jihad"
    r"|assailant|attacker|hostage|raid|rebel|soldier|troops|mob\b|thug|beat(?:en|ing)?\b|punch|kick"
    r"|assault|massacre|violen|weapon|cyber|hack|ransomware|air ?strike|shelling)",
    re.IGNORECASE,
)
# Targets of an attack that is an argument: a stand, a record, a quality; no weapon reaches these,
# so an attack on them is words even where the sentence speaks of guns or troops ("her attacks on
# Sanders' record on guns").
ARGUMENT_TARGETS = frozenset(
    """record records reputation policy policies plan plans proposal proposals stance stances position
    positions remarks comments statement statements claims views character credibility honesty integrity
    patriotism judgment competence credentials experience inexperience tenure votes voting scandal
    scandals candidacy leadership handling response decision decisions idea ideas agenda platform
    rhetoric tweets message tactics motives""".split()
)
# "their", "they", "its" are left out: a group's attack may be an armed group's
PERSONAL_PRONOUNS = frozenset("he she him her his me us you himself herself".split())
# Trigger participles of a court's decision that, made adjectives, name a person by it.
EPITHETS = frozenset(("convicted", "sentenced"))
# Plural occasions that name many, not one; "talks" is one negotiation and is not listed.
OCCASIONS = frozenset(
    "meetings conferences hearings summits speeches interviews statements addresses sermons".split()
)
# Words that make a plural many occasions: "hundreds of", "a series of", "full of", "countless".
MANY = frozenset("hundreds dozens thousands scores series string number lots full".split())
MANY_MODIFIERS = frozenset("many numerous countless frequent regular endless repeated".split())
# A gerund tells what someone does as a rule ("busy attending meetings"); the simple present is
# left out: news ledes report the day's events in it ("Leaders hold meetings in Hanoi").
HABITUAL_TAGS = ("VBG",)
# Verbs and nouns of wanting, asking and threatening: their object has not happened (yet).
AIM_VERBS = frozenset(
    "want need seek request demand propose plan threaten urge ask call push press hope".split()
)
AIM_NOUNS = frozenset("request call demand plea bid push hope".split())
AIM_WORDS = AIM_VERBS | AIM_NOUNS  # "sought for", "a request for", "a call for"

TIME_NOUNS = frozenset("yesterday today tonight".split())  # "was convicted yesterday": a time
DETERMINERS = ("det", "poss", "nummod", "predet")


def other_sense(token: Token, *, dated: bool, persons: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the trigger ``token`` is used in a sense other than its event's: a criticism, an
    epithet, an aim, or occasions in general. ``dated``: the trigger's
    clause holds a date; ``persons``: the character spans of people's names in the parsed sentence
    (the parse has no entities)."""
    return (
        _criticism(token, persons)
        or _epithet(token)
        or _aimed(token)
        or (not dated and _occasions_in_general(token))
    )


def _criticism(token: Token, persons: Sequence[tuple[int, int]]) -> bool:
    """An "attack" on a stand ("attacks on her record"), or one whose target or author is a person,
    in a sentence that names no violence ("attacked Clinton as a liar", "Rubio's attack on the
    governor")."""
    if lemma(token).lower() != "attack":
        return False
    target = _target(token)
    if target is not None and target.lower_ in ARGUMENT_TARGETS:
        return True
    if VIOLENCE.search(token.sent.text):
        return False
    return (target is not None and _a_person(target, persons)) or any(
        _a_person(c, persons) for c in token.children if c.dep_ in ("nsubj", "poss", "compound")
    )


def _a_person(token: Token, persons: Sequence[tuple[int, int]]) -> bool:
    """A named person or a personal pronoun ("Clinton", "him", "his")."""
    return token.lower_ in PERSONAL_PRONOUNS or any(a <= token.idx < b for a, b in persons)


def _target(token: Token) -> Token | None:
    """What is attacked: the verb's object, or the noun after "on" or "against" ("attacks on X")."""
    if token.pos_ == "VERB":
        return next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _epithet(token: Token) -> bool:
    """A court's decision before a bare noun ("a convicted rapist", "has convicted rapist Mike Tyson",
    which the parser may take for a perfect) names a person by it."""
    if token.lower_ not in EPITHETS:
        return False
    if token.dep_ == "amod" and token.head.pos_ == "NOUN":
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.tag_ in ("NN", "NNS") and after.lower_ not in TIME_NOUNS


def _occasions_in_general(token: Token) -> bool:
    """A bare plural of occasions marked as many ("hundreds of speeches", "countless meetings") or
    in a clause of what someone does as a rule ("busy attending meetings")."""
    if token.lower_ not in OCCASIONS or any(c.dep_ in DETERMINERS for c in token.children):
        return False
    many = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in MANY
    verb = clause_verb(token, steps=3)  # the noun, its head, its head's head
    habitual = verb is not None and verb.tag_ in HABITUAL_TAGS
    return many or habitual or any(c.lower_ in MANY_MODIFIERS for c in token.children)


def _aimed(token: Token) -> bool:
    """A trigger noun that is what someone wants, seeks, asks for or threatens, or the object of a
    verb someone wants or needs to do ("threatening an attack", "seeking the arrest of",
    "requests for an interview", "needs to deliver a speech"): aimed at, not yet happened."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "for":
        return lemma(head.head).lower() in AIM_WORDS
    if token.dep_ != "dobj" or token.pos_ != "NOUN":
        return False
    if lemma(head).lower() in AIM_VERBS:
        return True
    infinitive = any(c.tag_ == "TO" and c.dep_ == "aux" for c in head.children)
    return infinitive and head.dep_ == "xcomp" and lemma(head.head).lower() in AIM_VERBS
