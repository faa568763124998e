"""What a number counts: the unit of a fact, from the parse of its sentence.

The **unit** is the noun the number modifies ("1,500 people"), the noun after "of" ("dozens of
deaths", "one of the think tanks"; "hundreds of them" takes the plural noun before it), the noun a
number made a modifier counts ("a two-day trial" -> "days of trial"), or the subject when the
number is a verb's object ("the death toll had surpassed 1,500"); with the event it took part in
when there is one ("212 people had been arrested" -> "people arrested"; "deaths" -> "people
killed", but "Covid-19 death toll" -> "Covid-19 deaths": a disease kills nobody).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newstrace.analyze.figures.numbers import is_cardinal
from newstrace.analyze.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ESTIMATE_VERBS", "first_noun", "noun_phrase", "unit_of"]

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
# A death toll qualified by one of these counts deaths from illness, not killings.
DISEASE_WORDS = frozenset(
    "covid covid-19 coronavirus virus pandemic disease cancer flu influenza cholera".split()
)
CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january
    february march april may june july august september october november december""".split()
)
# States that only people are in: a bare number in one counts people.
PEOPLE_STATES = ("in attendance", "on board", "aboard", "in custody", "in hospital")
HOW_OFTEN = frozenset(("once", "twice", "thrice"))
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
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children"}
ORDINAL = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))$", re.I
)
OPEN_QUOTES = frozenset(("“", '"', "‘", "'"))
PLURAL_PRONOUNS = frozenset(("them", "us", "those", "these"))
NOUN_RUN_MAX = (
    8  # words of a counted noun phrase looked at after a number ("30 of Boeing's 787-9 Dreamliner jets")
)
# Singular nouns whose value is a number of things: a tally of them, or a gathering of people.
TALLY_NOUNS = frozenset(
    """toll number total count tally figure crowd turnout attendance audience population headcount
    membership enrollment enrolment workforce""".split()
)
# Verbs that change the amount of their object: the figures after "from" and "to" are its amounts
# ("reduced the population from 450 million to 375 million").
CHANGE_VERBS = frozenset("reduce cut raise increase boost lower bring double triple halve swell".split())
# Verbs whose object or complement is an amount of their subject ("the toll had surpassed 1,500",
# "deaths rose to 40", "the crowd was put at 5,000"); any other verb's subject does something to the
# number's referent ("police released the other two").
SUBJECT_AMOUNT_VERBS = frozenset(
    """be reach surpass exceed top hit pass near approach rise climb jump soar grow fall drop decline
    dip shrink stand total number remain stay hover""".split()
).union(CHANGE_VERBS, ("estimate", "put", "place", "count", "tally", "reckon"))
# Verbs whose subject gives a figure for their object ("Police estimated the crowd at 12,000").
ESTIMATE_VERBS = frozenset("estimate put count number tally place reckon".split())


def unit_of(number: list[Token]) -> str:
    """What the number counts, with the event it took part in."""
    if number[-1].lower_ in HOW_OFTEN:
        return _times(number[-1])
    found = _counted(number)
    return _with_event(*found) if found is not None else _people_of(number[-1])


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


def _times(token: Token) -> str:
    """ "twice", "thrice" and "once" after its verb count times the verb happened, with its object
    ("scored twice" -> "times scored", "won the cup twice" -> "times won cup"); "once" before its
    verb means "formerly" ("we once had")."""
    verb = token.head
    if verb.pos_ != "VERB" or (token.lower_ == "once" and verb.i > token.i):
        return ""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return f"times {verb.text} {noun_phrase(obj)}" if obj is not None else f"times {verb.text}"


def _people_of(token: Token) -> str:
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
        if after + 1 < len(doc) and doc[after + 1].lower_ in PLURAL_PRONOUNS:
            return _antecedent(doc, number[0].i)  # "hundreds of them" counts the teachers named before
        return _whole_dropped(_noun_run(doc, after + 1))
    found = _noun_run(doc, after)
    if found is not None:
        return found
    predicate = _predicate_noun(number[-1])  # "Of the 30 victims, 12 were children."
    if predicate is not None:
        return noun_phrase(predicate), predicate
    subject = _subject_of_governor(number[-1])  # "the death toll had surpassed 1,500"
    return (noun_phrase(subject), subject) if subject is not None else _elided(number[-1])


def _predicate_noun(token: Token) -> Token | None:
    """A bare number that is the subject of "be" counts the plural noun it is said to be ("12 were
    children", "two were police officers")."""
    verb = token.head
    if token.dep_ != "nsubj" or lemma(verb) != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.tag_ in ("NNS", "NNPS")), None)


def _elided(token: Token) -> tuple[str, Token] | None:
    """A number with a determiner and no noun after it ("the earlier two", "the other three") counts
    the noun its sentence counted or ordered before it ("the third plague case ... the earlier two"
    -> plague cases)."""
    if not any(c.dep_ == "det" for c in token.children):
        return None
    for noun in reversed(token.doc[token.sent.start : token.i]):
        if noun.pos_ == "NOUN" and any(c.dep_ == "nummod" or ORDINAL.match(c.text) for c in noun.children):
            compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.i >= noun.i - 2]
            start = min([noun.i, *(c.i for c in compounds)])
            words = [*(t.text for t in token.doc[start : noun.i]), _plural(noun.lower_)]
            return " ".join(words), noun
    return None


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
    return f"{_plural(noun.lower_)} of {doc[noun.i + 1 : head.i + 1].text}", noun


def _plural(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]  # "a two-man race" -> "men of race"
    if word.endswith("s"):
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


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


def _subject_of_governor(token: Token) -> Token | None:
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


def _active(verb: Token) -> bool:
    """Whether a clause's verb is active with a subject of its own ("who killed 14"), not a passive
    ("who were killed") or a bare participle ("students killed at the school")."""
    children = [c.dep_ for c in verb.children]
    return "nsubj" in children and "auxpass" not in children


def first_noun(tokens: Iterable[Token]) -> Token | None:
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


def _event_of(noun: Token) -> str | None:
    """The event the counted things took part in: the verb they are subject of, or an event noun."""
    head = noun.head
    if noun.dep_ == "nsubj" and lemma(head).lower() in DONE_TO:
        return None  # "12 gunmen killed 30 people": the active subject did it; the killed are others
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
