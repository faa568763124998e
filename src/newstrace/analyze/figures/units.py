"""What a number counts: the unit of a fact, from the parse of its sentence.

The **unit** is the noun the number modifies ("1,500 people"), the noun after "of" ("dozens of
deaths", "one of the think tanks"; "hundreds of them" takes the plural noun before it), the noun a
number made a modifier counts ("a two-day trial" -> "days of trial"), or the subject when the
number is a verb's object ("the death toll had surpassed 1,500"); with the event it took part in
when there is one ("212 people had been arrested" -> "people arrested"; "deaths" -> "people
killed", but "Covid-19 death toll" -> "Covid-19 deaths": a disease kills nobody).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.analyze.figures.bare import (
    elided,
    people_of,
    predicate_noun,
    subject_of_governor,
    times,
)
from newstrace.analyze.figures.numbers import TIMES, is_cardinal
from newstrace.analyze.figures.words import DONE_TO, EVENT_WORDS, NOT_EVENT_NOUNS, noun_phrase, plural
from newstrace.analyze.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["unit_of"]

# A death toll qualified by one of these counts deaths from illness, not killings.
DISEASE_WORDS = frozenset(
    "covid covid-19 coronavirus virus pandemic disease cancer flu influenza cholera".split()
)
CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january
    february march april may june july august september october november december""".split()
)
# Words that make a span of time a time adverbial ("last year", "this week").
TIME_DEICTICS = frozenset("last next this that every each".split())
TIME_NOUNS = frozenset("day night week weekend month year season spring summer autumn fall winter".split())
# Spans of time written short: the unit names them in full ("a 30 min walk" -> "minutes")
ABBREVIATIONS = {
    "min": "minutes",
    "mins": "minutes",
    "hr": "hours",
    "hrs": "hours",
    "sec": "seconds",
    "secs": "seconds",
    "yr": "years",
    "yrs": "years",
    "wk": "weeks",
    "wks": "weeks",
}
# Nouns whose figure is a number of people: a population or a headcount counts people.
PEOPLE_NOUNS = frozenset("population headcount".split())
OPEN_QUOTES = frozenset(("“", '"', "‘", "'"))
# Verbs of a gathering that mean something else with an object or a clause ("demonstrated that").
TRANSITIVE_OTHER_SENSE = frozenset("demonstrate strike rally gather".split())
# Pronouns after "of" that stand for a plural noun named before ("hundreds of them", "three of whom")
PLURAL_PRONOUNS = frozenset(("them", "us", "those", "these", "which", "whom"))
NOUN_RUN_MAX = (
    8  # words of a counted noun phrase looked at after a number ("30 of Boeing's 787-9 Dreamliner jets")
)


def unit_of(number: list[Token]) -> str:
    """What the number counts, with the event it took part in."""
    if number[-1].lower_ in TIMES:
        return times(number[-1])
    found = _counted(number)
    if found is None:
        return people_of(number[-1])
    phrase, noun = found
    if _of_pronoun(number[-1]):  # a noun named before ("hundreds of them marched", "three of whom died")
        event = _own_event(number[-1])
        return f"{phrase} {event}" if event else phrase
    return _with_event(phrase, noun)


def _of_pronoun(token: Token) -> bool:
    """Whether "of" and a plural pronoun follow the number ("hundreds of them", "three of whom")."""
    doc, after = token.doc, token.i + 1
    return after + 1 < len(doc) and doc[after].lower_ == "of" and doc[after + 1].lower_ in PLURAL_PRONOUNS


def _own_event(token: Token) -> str | None:
    """The event a number that stands for a noun named before takes part in itself: the verb it
    is the subject of ("40 people, three of whom died" -> killed)."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    return EVENT_WORDS.get(lemma(verb).lower())


def _with_event(phrase: str, noun: Token) -> str:
    """The counted phrase with its event ("deaths" -> "people killed", "212 people had been arrested"
    -> "people arrested")."""
    phrase = " ".join(ABBREVIATIONS.get(w.lower(), w) for w in phrase.split())  # "30 min" -> minutes
    base = lemma(noun).lower()
    if base in PEOPLE_NOUNS:
        return f"people of {phrase}"  # "the population is estimated at around 40,000": 40,000 people
    if base in ("death", "toll", "dead", "fatality"):
        disease = next((w for w in phrase.split() if w.lower() in DISEASE_WORDS), None)
        return f"{disease} deaths" if disease else f"{_whose(noun)} killed"
    if base in EVENT_WORDS and noun.pos_ == "NOUN" and base not in NOT_EVENT_NOUNS:
        return f"people {EVENT_WORDS[base]}"
    if base == "time" and noun.dep_ == "npadvmod" and noun.head.pos_ == "VERB":
        return f"{phrase} {noun.head.text}"  # "scored four times": how often it happened
    event = _event_of(noun)
    return f"{phrase} {event}" if event else phrase


def _whose(noun: Token) -> str:
    """Who the deaths were of: the plural noun after "of" ("the deaths of detained children"), else
    people."""
    of = next((c for c in noun.children if c.lower_ == "of"), None)
    dead = next((c for c in of.children if c.tag_ in ("NNS", "NNPS")), None) if of is not None else None
    return noun_phrase(dead) if dead is not None else "people"


def _counted(number: list[Token]) -> tuple[str, Token] | None:
    """The phrase naming what is counted, and its head noun."""
    doc, after = number[-1].doc, number[-1].i + 1
    compound = _compound(doc, after)
    if compound is not None:
        return compound
    if after < len(doc) and doc[after].lower_ == "of":  # "dozens of deaths", "one of the think tanks"
        if _of_pronoun(number[-1]):
            return _antecedent(doc, number[0].i)  # "hundreds of them" counts the teachers named before
        return _whole_dropped(_noun_run(doc, after + 1))
    found = _noun_run(doc, after)
    if found is not None:
        return found
    predicate = predicate_noun(number[-1])  # "Of the 30 victims, 12 were children."
    if predicate is not None:
        return noun_phrase(predicate), predicate
    subject = subject_of_governor(number[-1])  # "the death toll had surpassed 1,500"
    return (noun_phrase(subject), subject) if subject is not None else elided(number[-1])


def _whole_dropped(found: tuple[str, Token] | None) -> tuple[str, Token] | None:
    """The counted phrase after "of" without the size of the whole it opens with: "four of five
    states" counts states, "nine of the 13 delegates" delegates (a model number such as "787-9"
    stays)."""
    if found is None:
        return None
    phrase, noun = found
    words = phrase.split(" ")
    while len(words) > 1 and is_cardinal(words[0]):
        words = words[1:]
    return " ".join(words), noun


def _antecedent(doc: Doc, before: int) -> tuple[str, Token] | None:
    """The plural noun a pronoun stands for: the last one before it in the sentence, outside the
    words quoted there ("Teachers chanted, “Put kids first,” as hundreds of them" -> Teachers)."""
    quoted, depth = set(), 0
    for tok in doc[:before]:
        if tok.text in ("“", "”", '"'):
            depth = 0 if tok.text == "”" or (tok.text == '"' and depth) else 1
        elif depth:
            quoted.add(tok.i)
    noun = next((t for t in reversed(doc[:before]) if t.tag_ in ("NNS", "NNPS") and t.i not in quoted), None)
    return (noun.text, noun) if noun is not None else None


def _compound(doc: Doc, after: int) -> tuple[str, Token] | None:
    """A number made a modifier counts its noun: "a two-day trial" -> "days of trial"."""
    if after + 1 >= len(doc) or doc[after].text not in ("-", "–"):
        return None
    noun = doc[after + 1]
    if noun.pos_ != "NOUN" or noun.head.i <= noun.i or noun.head.pos_ not in ("NOUN", "PROPN"):
        return None
    head = noun.head
    return f"{plural(noun.lower_)} of {doc[noun.i + 1 : head.i + 1].text}", noun


def _noun_run(doc: Doc, start: int) -> tuple[str, Token] | None:
    """The noun phrase starting at ``start`` ("prior uprisings", "the regime's think tanks")."""
    words: list[Token] = []
    for tok in doc[start : start + NOUN_RUN_MAX]:
        if tok.tag_ == "POS" or tok.dep_ == "case" or (tok.dep_ in ("det", "poss") and not words):
            words = []  # a possessive starts the phrase again: "the regime's | think tanks"
            continue
        if tok.like_num or _number_dash(tok):  # a model's number: "the 737 Max jet", "787-9 jets"
            words.append(tok)
            continue
        if tok.text in ("-", "–") and words and not tok.whitespace_ and not doc[tok.i - 1].whitespace_:
            continue  # a hyphenated modifier goes on to its noun: "law-abiding Americans"
        if (
            tok.lower_ in ("and", "or")
            and words
            and words[-1].pos_ in ("ADJ", "NOUN")
            and _adjective_next(tok)
        ):
            words.append(tok)  # modifiers joined before their noun: "30,000 combat and civilian deaths"
            continue
        if tok.text in OPEN_QUOTES and _noun_next(tok):
            continue  # a word set in scare quotes is still the counted noun: 140 million “businesses”
        if tok.tag_ in ("VBG", "VBN") and _noun_next(tok):
            words.append(tok)  # a participle before a noun modifies it: "thousands of evolving galaxies"
            continue
        if (tok.pos_ not in ("ADJ", "NOUN", "PROPN") and tok.dep_ != "amod") or tok.is_punct:
            break  # a participle modifying the noun stays: "the embattled 737 Max jet"
        if tok.pos_ == "PROPN" and words and words[-1].tag_ == "NNS":
            break  # a name after a plural noun starts a clause: "the 154 meetings | Clinton had"
        if words and _time_adverb(tok):
            break  # "300 workers last year": when, not what
        if tok.lower_ in CALENDAR_WORDS and words and not (words[-1].text[:1].isupper() and _noun_next(tok)):
            break  # "30 jets Wednesday": the day is when, not what; "139 Super Tuesday delegates": a name
        words.append(tok)
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    head = nouns[-1]
    return doc[words[0].i : head.i + 1].text, head


def _time_adverb(tok: Token) -> bool:
    """Whether ``tok`` opens a time adverbial ("last year", "this week", "each month")."""
    doc = tok.doc
    return (
        tok.lower_ in TIME_DEICTICS
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].lower_.rstrip("s") in TIME_NOUNS
        and doc[tok.i + 1].dep_ in ("npadvmod", "pobj", "dobj")
        and doc[tok.i + 1].head.pos_ in ("VERB", "AUX")
    )


def _noun_next(tok: Token) -> bool:
    """Whether a common noun follows ``tok``."""
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "NOUN"


def _adjective_next(tok: Token) -> bool:
    """Whether an adjective follows ``tok`` and a noun comes after it ("and civilian deaths")."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].pos_ == "ADJ" and doc[tok.i + 2].pos_ == "NOUN"


def _number_dash(tok: Token) -> bool:
    """A dash inside a model number ("787-9")."""
    doc = tok.doc
    return (
        tok.text in ("-", "–")
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].like_num
        and doc[tok.i + 1].like_num
    )


def _active(verb: Token) -> bool:
    """Whether a clause's verb is active with a subject of its own ("who killed 14"), not a passive
    ("who were killed") or a bare participle ("students killed at the school")."""
    children = [c.dep_ for c in verb.children]
    return "nsubj" in children and "auxpass" not in children


def _other_sense(verb: Token) -> bool:
    """A verb of gathering with an object or a clause has its other sense: "demonstrated that" shows,
    "struck a deal" makes, "rallied supporters" gains, "gathered evidence" collects."""
    return lemma(verb).lower() in TRANSITIVE_OTHER_SENSE and any(
        c.dep_ in ("dobj", "ccomp") for c in verb.children
    )


def _event_of(noun: Token) -> str | None:
    """The event the counted things took part in: the verb they are subject of, or an event noun."""
    head = noun.head
    if noun.dep_ == "nsubj" and (lemma(head).lower() in DONE_TO or _other_sense(head)):
        # "12 gunmen killed 30 people": the active subject did it, the killed are others; "four
        # speakers demonstrated that ...": they showed it, they did not protest
        return None
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ == "VERB":
        return EVENT_WORDS.get(lemma(head).lower())
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return EVENT_WORDS.get(lemma(head.head).lower())
    if noun.dep_ in ("acl", "relcl") or any(c.dep_ in ("acl", "relcl") for c in noun.children):
        verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl")), None)
        if verb is None or (lemma(verb).lower() in DONE_TO and _active(verb)):
            return None  # "two gunmen who killed 14": they did it, they were not killed
        return EVENT_WORDS.get(lemma(verb).lower())
    return None
