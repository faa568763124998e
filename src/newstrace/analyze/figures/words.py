"""The words that tell what a count counts: event nouns and verbs with what they do to the counted
people, and the noun phrase helpers the unit rules share (``units.py``, ``bare.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DONE_TO", "EVENT_WORDS", "NOT_EVENT_NOUNS", "first_noun", "noun_phrase", "plural"]

# What an event noun or verb does to what is counted, as a participle ("deaths" -> "killed").
EVENT_WORDS = {
    "death": "killed",
    "toll": "killed",
    "dead": "killed",
    "fatality": "killed",
    "killing": "killed",
    "kill": "killed",
    "die": "killed",
    "murder": "killed",
    "execution": "executed",
    "execute": "executed",
    "hang": "executed",
    "arrest": "arrested",
    "detain": "arrested",
    "detention": "arrested",
    "imprison": "imprisoned",
    "jail": "imprisoned",
    "injure": "injured",
    "injury": "injured",
    "hurt": "injured",
    "wound": "injured",
    "sentence": "sentenced",
    "charge": "charged",
    "rescue": "rescued",
    "hospitalize": "hospitalized",
    "infect": "infected",
    "abduct": "abducted",
    "kidnap": "abducted",
    "disappear": "disappeared",
    "displace": "displaced",
    "flee": "fled",
    "evacuate": "evacuated",
    "protest": "protesting",
    "demonstrate": "protesting",
    "march": "marching",
    "rally": "rallying",
    "strike": "striking",
    "gather": "gathering",
    "attend": "attending",
    "participate": "participating",
}
# Event words whose noun counts the events, not the people ("three strikes", "two charges").
NOT_EVENT_NOUNS = frozenset("strike march rally charge".split())
# Event verbs done to someone: their active subject is the doer, not who was killed, arrested...
DONE_TO = frozenset(
    """kill murder execute hang arrest detain imprison jail injure hurt wound sentence charge abduct kidnap
    displace evacuate rescue hospitalize infect""".split()
)
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children"}


def plural(word: str) -> str:
    """The plural of the lower-case noun ``word`` (kept when it ends in "s"): a unit names what is
    counted in the plural ("a two-man race" -> "men")."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]  # "a two-man race" -> "men of race"
    if word.endswith("s"):
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def first_noun(tokens: Iterable[Token]) -> Token | None:
    """The first noun or proper noun among ``tokens`` and their dependents, depth first: the head
    word of a phrase whose root is a preposition or a number ("of the marchers" -> marchers)."""
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
        found = first_noun(tok.children)
        if found is not None:
            return found
    return None


def noun_phrase(noun: Token) -> str:
    """The noun with its compound and adjective modifiers directly before it ("death toll")."""
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i >= noun.i - 3]
    start = min([noun.i, *(c.i for c in left)])
    return str(noun.doc[start : noun.i + 1].text)
