"""What a number counts when no noun of its own follows it: from its place in the sentence.

"scored twice" counts times scored; "At least 12 were killed" and "killed nearly 3,000" count people
killed; "12,000 in attendance" counts people; "Of the 30 victims, 12 were children" counts children;
"the earlier two" counts the noun counted before it; "the death toll had surpassed 1,500" counts
what its subject tallies, "Police estimated the crowd at 12,000" the crowd.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newstrace.analyze.figures.words import DONE_TO, EVENT_WORDS, first_noun, noun_phrase, plural
from newstrace.analyze.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ESTIMATE_VERBS", "elided", "people_of", "predicate_noun", "subject_of_governor", "times",
]  # fmt: skip

# States that only people are in: a bare number in one counts people.
PEOPLE_STATES = ("in attendance", "on board", "aboard", "in custody", "in hospital")
ORDINAL = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))$", re.I
)
# Singular nouns whose value is a number of things: a tally of them, or a gathering of people.
TALLY_NOUNS = frozenset(
    """toll number total count tally figure crowd turnout attendance audience population headcount
    membership enrollment enrolment workforce""".split()
)
# Verbs that change the amount of their object: the figures after "from" and "to" are its amounts
# ("reduced the population from 450 million to 375 million").
CHANGE_VERBS = frozenset("reduce cut raise increase boost lower bring double triple halve swell".split())
# Verbs whose subject gives a figure for their object ("Police estimated the crowd at 12,000").
ESTIMATE_VERBS = frozenset("estimate put count number tally place reckon".split())
# Verbs whose object or complement is an amount of their subject ("the toll had surpassed 1,500",
# "deaths rose to 40", "the crowd was put at 5,000"); any other verb's subject does something to the
# number's referent ("police released the other two").
SUBJECT_AMOUNT_VERBS = frozenset(
    """be reach surpass exceed top hit pass near approach rise climb jump soar grow fall drop decline
    dip shrink stand total number remain stay hover""".split()
).union(CHANGE_VERBS, ESTIMATE_VERBS)


def times(token: Token) -> str:
    """ "twice", "thrice" and "once" after its verb count times the verb happened, with its object
    ("scored twice" -> "times scored", "won the cup twice" -> "times won cup"); "once" before its
    verb means "formerly" ("we once had")."""
    verb = token.head
    if verb.pos_ != "VERB" or (token.lower_ == "once" and verb.i > token.i):
        return ""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return f"times {verb.text} {noun_phrase(obj)}" if obj is not None else f"times {verb.text}"


def people_of(token: Token) -> str:
    """A number that is itself the subject of an event verb counts people ("At least 12 were
    killed" -> "people killed", "Three were arrested"), as does one that is the object of a verb
    done to someone ("killed nearly 3,000"), or one in a state only people are in ("12,000 in
    attendance", "157 on board"): those verbs and states are people's."""
    doc = token.doc
    where = " ".join(t.lower_ for t in doc[token.i + 1 : token.i + 3])
    state = next((phrase for phrase in PEOPLE_STATES if where.startswith(phrase)), None)
    if state is not None:
        return f"people {state}"  # "more than 12,000 in attendance": only people attend
    verb = token.head
    done_to = token.dep_ == "dobj" and lemma(verb).lower() in DONE_TO
    if (token.dep_ not in ("nsubj", "nsubjpass") and not done_to) or verb.pos_ != "VERB":
        return ""
    event = EVENT_WORDS.get(lemma(verb).lower())
    return f"people {event}" if event else ""


def predicate_noun(token: Token) -> Token | None:
    """A bare number that is the subject of "be" counts the plural noun it is said to be ("12 were
    children", "two were police officers")."""
    verb = token.head
    if token.dep_ != "nsubj" or lemma(verb) != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.tag_ in ("NNS", "NNPS")), None)


def elided(token: Token) -> tuple[str, Token] | None:
    """A number with a determiner and no noun after it ("the earlier two", "the other three") counts
    the noun its sentence counted or ordered before it ("the third plague case ... the earlier two"
    -> plague cases)."""
    if not any(c.dep_ == "det" for c in token.children):
        return None
    for noun in reversed(token.doc[token.sent.start : token.i]):
        if noun.pos_ == "NOUN" and any(c.dep_ == "nummod" or ORDINAL.match(c.text) for c in noun.children):
            compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.i >= noun.i - 2]
            start = min([noun.i, *(c.i for c in compounds)])
            words = [*(t.text for t in token.doc[start : noun.i]), plural(noun.lower_)]
            return " ".join(words), noun
    return None


def subject_of_governor(token: Token) -> Token | None:
    """What a number counts when it is a verb's object: "estimated the crowd at 12,000" -> crowd,
    "the death toll had surpassed 1,500" -> toll, "the number of marchers at 5,000" -> marchers,
    "reduced the population from 450 million" -> population."""
    if token.dep_ not in ("dobj", "attr", "pobj", "npadvmod", "nummod", "quantmod", "appos"):
        return None
    verb = token.head if token.head.pos_ in ("VERB", "AUX") else token.head.head
    kind = lemma(verb).lower()
    estimate = kind in ESTIMATE_VERBS
    # an object is what the figure counts when the number modifies it ("received 24,000 more yes
    # votes") or the verb estimates or changes its amount; "took the car from zero to 60" counts no car
    amount_of = estimate or kind in CHANGE_VERBS
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i != token.i]
    obj = next((c for c in objects if amount_of or c.i == token.head.i), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (estimate and subject is not None and subject.dep_ == "nsubj") or kind not in SUBJECT_AMOUNT_VERBS:
        subject = None  # "Police estimated ... at 12,000", "police released the other two": who does it
    noun = obj if obj is not None else subject
    if noun is None or noun.pos_ != "NOUN" or not _countable(noun):
        return None
    of = next((c for c in noun.children if c.lower_ == "of"), None)
    if lemma(noun).lower() in ("number", "figure", "total", "count") and of is not None:
        return first_noun(of.children) or noun
    return noun


def _countable(noun: Token) -> bool:
    """Whether a number can be how many ``noun`` there are: a plural ("deaths rose to 40") or a tally
    or a gathering ("the toll", "the crowd"); a singular thing has a measure, a rate or an age, not a
    count ("the index is 218", "the rate is at 20.4", "the star, 42,")."""
    return noun.tag_ in ("NNS", "NNPS") or lemma(noun).lower() in TALLY_NOUNS
