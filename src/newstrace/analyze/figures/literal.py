"""Whether a trigger word, in its parsed sentence, tells of a happening: the parse-based half of
"a mention needs its trigger in a literal use" (the word-based half is ``event_kinds.literal_use``).

A trigger tells of no happening when it is hypothetical ("could attack", "if they protest"), an
aim ("threatened to kill"), a generic statement ("Plague is a disease", "I block time for
meetings"), a modifier of another noun ("a collision warning", "fire danger"), the object of a cancellation
or a prevention ("canceled the interview", "to prevent attacks"), a verb's other
sense ("she talks", "the plan was met with laughter"), or part of a headline or a link's title.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from newstrace.analyze.figures.event_kinds import TRIGGER_RE
from newstrace.analyze.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["in_a_title", "unreal"]

log = logging.getLogger(__name__)

# Triggers that are events only as nouns: as verbs they mean something else ("talks about",
# "address the issue", "fire a worker", "storm the stage", "the battery charges").
NOUN_TRIGGERS = frozenset(
    (
        *"talks meeting meetings hearing statement address interview".split(),
        *"fire fires storm storms charge charges".split(),
    )
)
# "can": what is possible ("it can set off fires"); "will": scheduled, so asserted
MODALS = frozenset("would could might may must should can 'd".split())
# Verbs whose object never took place: a cancelled interview, a prevented attack ("postpone" and
# "delay" are left out: the event still takes place, later)
UNDOING_VERBS = frozenset("cancel scrap scrub prevent avert forestall avoid thwart foil".split())
# What guards against a harm: the harm it guards against has not taken place ("protection against
# airstrikes", "insurance against floods")
GUARDS = frozenset("protection protect safeguard insurance immunity shield".split())
# Verbs that judge a claim: the statement judged is what was said, not an occasion ("we rate the
# statement Mostly True")
JUDGING = frozenset("rate check fact-check verify debunk".split())
JUDGED = frozenset("rated rates rating".split())  # forms the lemmatiser may miss ("rated" -> "rat")
GUARD_WORDS = 3  # how far before "against" the guarding word may stand
ACHIEVED = frozenset("able manage succeed".split())  # "were able to apprehend": it was done
# What is "killed" and is no one: a proposal, a deal, a hope ("the Senate killed the bill")
LIFELESS = frozenset(
    """bill bills deal deals plan plans proposal proposals measure measures idea ideas project projects
    program programme legislation amendment talks negotiations momentum hope hopes chance chances story
    rumor rumour engine lights power buzz mood rally drive clock merger bid offer provision rule""".split()
)
CONDITION_MARKS = frozenset("if unless whether".split())
# Nouns that a trigger may modify and still name its event: the event's place, its dead and its
# survivors, its inquiry, its toll, its effects, the call a conference is ("the crash site",
# "protest leaders", "hurricane winds", "storm damage").
EVENT_PARTS = frozenset(
    "site scene location area zone wreckage debris victim survivor toll aftermath investigation probe"
    " inquiry suspect leader organizer organiser participant call death injury damage wind rain water"
    " flame smoke".split()
)
DETERMINERS = ("det", "poss", "nummod", "predet")
# A headline or a link's title capitalises nearly all its words; a sentence of a report capitalises
# its first word and names. Calibrated on the tune pages and 119 unannotated benchmark pages: a
# sentence dense with names and titles ("former U.S. ambassador ... Marie Yovanovitch testified
# before the U.S. House Intelligence Committee") reaches 0.7, the titles of links reach 0.9-1.
TITLE_CASE_SHARE = 0.85
TITLE_MIN_WORDS = 3  # "Talks Resume" is too short to tell a title from a name
FREQUENCY = re.compile(
    r"\b(?:(?:each|every|per|times a) (?:year|month|week|day|night|summer|winter|season)|annually|yearly"
    r"|usually|often|routinely|typically|generally|regularly)\b",
    re.IGNORECASE,
)
# the credit line of a photo, which captions end with
CAPTION_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty)\s*(?:Photo|Images|/)[^)]*\)|\bGetty Images\b|\bAP Photo\b"
    r"|\b(?:Photo|Image)(?: credit)?(?: by)?:"
    r"|\bPhoto by\b|\bFile photo\b",
)
SMALL_WORDS = frozenset("a an the and or but of in on at to for by with from as vs via".split())
WORD = re.compile(r"[^\W\d_][\w’'-]*")


def unreal(token: Token, end: int, *, dated: bool, named: bool) -> bool:
    """Whether the trigger ``token`` (whose match ends at character ``end`` of the sentence) tells of
    no happening: a hypothetical or generic statement, an aim, a noun modifier, or a word's other
    sense. ``dated``: its sentence holds a resolved date; ``named``: it names a place, a person or
    an organisation (a generic statement names neither a time nor a participant)."""
    if token.lower_ in NOUN_TRIGGERS and token.pos_ not in ("NOUN", "PROPN"):
        return True  # "she talks", "to address the issue", "fired at": the word's other sense
    if _talks_about(token):
        return True  # "Merkel talks about a consensus": the verb, even where the tagger made it a noun
    if _objection(token) or _lifeless_victim(token):
        return True  # "the coach protested the call", "the Senate killed the bill"
    rallying = lemma(token).lower() == "rally" and token.pos_ == "VERB"
    if rallying and any(c.dep_ == "dobj" for c in token.children):
        return True  # "rallied supporters", "rally the base": to gather support, not a demonstration
    if token.tag_ == "JJ" and token.lower_.endswith("ing"):
        return True  # an adjective in -ing is a quality: "all the more striking", "a crushing defeat"
    return (
        _hypothetical(token)
        or _intended(token)
        or _modifier(token, end)
        or _received(token)
        or _undone(token)
        or _guarded_against(token)
        or _judged(token)
        or _imperative(token)
        or _frequentative(token)
        or (not dated and _generic(token))
        or (not dated and not named and _habitual(token))
        or (not dated and _present_verb(token))
    )


def in_a_title(text: str) -> bool:
    """Whether ``text`` (a sentence) is set in title case, as headlines and the titles of related
    links are, or is a photo's caption with its credit ("... (AP Photo/Jane Doe)", "Getty
    Images"): a title names a story or a work, a caption shows one, and the report is in the body."""
    if CAPTION_CREDIT.search(text):
        return True
    words = [w for w in WORD.findall(text) if w.lower() not in SMALL_WORDS]
    if len(words) < TITLE_MIN_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in words[1:])  # the first word is capitalised anyway
    return bool(capitalised / (len(words) - 1) >= TITLE_CASE_SHARE)


def _objection(token: Token) -> bool:
    """One person who "protests" something objects to it ("the coach protested the call"); a
    demonstration has a crowd or a group for its subject ("students protested the hike")."""
    if lemma(token).lower() != "protest" or token.pos_ != "VERB":
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    has_object = any(c.dep_ == "dobj" for c in token.children)
    return has_object and subject is not None and subject.tag_ in ("NN", "NNP") and subject.ent_type_ != "ORG"


def _lifeless_victim(token: Token) -> bool:
    """A verb "kill" whose object is a proposal or a hope kills no one ("the Senate killed the bill",
    "killed the deal")."""
    if lemma(token).lower() != "kill" or token.pos_ != "VERB":
        return False
    victim = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return victim is not None and victim.lower_ in LIFELESS


def _talks_about(token: Token) -> bool:
    """ "talks about" after a name or a pronoun is the verb ("Merkel talks about"), which the tagger
    may take for a noun; after a common noun it is the negotiations ("peace talks about the border")."""
    doc = token.doc
    if token.lower_ != "talks" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "about":
        return False
    return token.i > 0 and doc[token.i - 1].pos_ in ("PROPN", "PRON")


def _imperative(token: Token) -> bool:
    """A trigger in a clause in the imperative tells the reader what to do, not what happened
    ("Register for the meeting today!", "Go to the interview with thank-you notes")."""
    verb = clause_verb(token)
    return (
        verb is not None
        and verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and verb.i == verb.sent.start
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def _frequentative(token: Token) -> bool:
    """A clause in the present tense with a frequency ("each year", "every day", "usually") tells
    what happens as a rule ("Drivers are involved in 4,000 crashes each year"), not one event."""
    verb = clause_verb(token)
    if verb is None or not FREQUENCY.search(token.sent.text):
        return False
    tensed = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in ("VBZ", "VBP") for t in tensed) and not any(t.tag_ in ("VBD", "MD") for t in tensed)


def _intended(token: Token) -> bool:
    """A verb trigger in an infinitive clause tells an aim, a threat or a plan, not an event:
    "threatened to kill", "plans to meet", "tried to attack"."""
    return (
        token.pos_ == "VERB"
        and any(c.tag_ == "TO" and c.dep_ == "aux" for c in token.children)
        and lemma(token.head).lower() not in ACHIEVED  # "were able to apprehend a suspect": they did
    )


def _generic(token: Token) -> bool:
    """A trigger whose clause is in the simple present with "be" or "have" says what things are
    ("Plague is a disease of fleas", "Storms have many causes"), not what happened."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return (
        token.dep_ in ("nsubj", "nsubjpass", "attr")
        and lemma(verb) in ("be", "have")
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _habitual(token: Token) -> bool:
    """A bare plural ("meetings", no article, possessive or number) in a clause of the simple
    present, in a sentence naming no one and no place, tells what happens as a rule ("I block time
    for meetings", "Crashes cost insurers money"), not an event that took place."""
    if token.tag_ != "NNS" or any(c.dep_ in DETERMINERS for c in token.children):
        return False
    verb = clause_verb(token)
    return (
        verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children)
    )


def _present_verb(token: Token) -> bool:
    """A trigger verb in the simple present with no date says what someone does as a rule ("thug
    Putin kills journalists", "You kill innocent women"), not an event that took place."""
    return (
        token.pos_ == "VERB"
        and token.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


def clause_verb(token: Token, steps: int = 4) -> Token | None:
    """The verb whose clause ``token`` belongs to (itself if it is one), at most ``steps`` heads up:
    a noun's verb is its head, or its head's head ("for meetings" -> block)."""
    node = token
    for _ in range(steps):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def _modifier(token: Token, end: int) -> bool:
    """A trigger noun that modifies another noun names a kind of thing, not an occasion ("a
    collision warning", "fire danger", "the meeting room"), unless that noun is a part of the
    event itself ("the crash site", "protest leaders", "a conference call") or an event word itself
    ("a bomb explosion", "a protest march")."""
    head = token.head
    return (
        (token.dep_ == "compound" or (token.dep_ == "amod" and token.pos_ == "NOUN"))  # "rally crowds"
        and head is not token
        and head.idx >= end  # not the rest of a trigger of several words ("press conference")
        and head.pos_ == "NOUN"
        and lemma(head).lower() not in EVENT_PARTS
        and head.lower_.rstrip("s") not in EVENT_PARTS
        and not any(rx.match(head.text) for _, rx in TRIGGER_RE)
    )


def _undone(token: Token) -> bool:
    """A trigger that is what is cancelled or prevented tells of an event that did not take place
    ("canceled a scheduled interview", "to prevent terrorist attacks", "the rally was called off")."""
    head = token.head
    if token.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    called_off = lemma(head) == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    return called_off or lemma(head).lower() in UNDOING_VERBS


def _guarded_against(token: Token) -> bool:
    """A trigger that is what a protection guards against tells of a harm that may come, not one
    that came ("protection against airstrikes", "to protect homes from floods", "insurance against
    fire")."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("against", "from"):
        return False
    # the parse may hang "against" on a noun after the guarding word ("protection to civilians
    # against airstrikes"): the words just before the preposition are looked at, not its head alone
    preposition = token.head
    before = preposition.doc[max(preposition.sent.start, preposition.i - GUARD_WORDS) : preposition.i]
    return any(lemma(t).lower() in GUARDS for t in (*before, preposition.head))


def _judged(token: Token) -> bool:
    """A statement that a verb of judging takes for its object is the claim judged ("we rate the
    statement Mostly True", "fact-checked his statements"), not an occasion of speaking."""
    return (
        token.lower_ in ("statement", "statements")
        and token.dep_ in ("dobj", "nsubjpass", "nsubj")
        and (lemma(token.head).lower() in JUDGING or token.head.lower_ in JUDGED)
    )


def _received(token: Token) -> bool:
    """A passive "met with" tells how something was received ("the plan was met with laughter"),
    not a meeting."""
    return token.lower_ == "met" and any(c.dep_ == "auxpass" for c in token.children)


def _hypothetical(token: Token) -> bool:
    """Whether the trigger lies in a clause a modal or a condition governs ("could attack",
    "if they protest"): the verbs above it in the parse carry "would", "could", "if"..."""
    node: Token | None = token
    for _ in range(8):  # clauses of news sentences nest shallowly; this bounds odd parses
        if node is None:
            return False
        if any(c.lower_ in MODALS and c.dep_ == "aux" for c in node.children) or any(
            c.lower_ in CONDITION_MARKS and c.dep_ == "mark" for c in node.children
        ):
            return True
        if node.head is node or node.dep_ in ("ccomp", "ROOT"):
            return False  # a reported clause is asserted by its reporter: stop at it
        node = node.head
    return False
