"""Trigger checks: whether a trigger word, found in a literal use, tells its event in its sentence.

``events`` picks one trigger word of each kind per sentence; a check here decides, on the
sentence's parse and names, whether that word reports a happening of its kind. It does not when it
is negated ("no protests"), lies inside a name that is not an event's (an organisation, a work), is
unreal ("could attack", "plague is a disease": ``literal.unreal``) or is used in another sense
("attacked Clinton's record", "a possible interview": ``senses.other_sense``). A trigger in another
sense gives way to another literal trigger of its kind in the sentence, if one tells the event.

The checks also give what the event's mention needs from them: the clause a trigger belongs to
(where its anchors must be) and a named storm's name ("Hurricane Dorian").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newstrace.analyze.figures.event_dates import Triggered
from newstrace.analyze.figures.event_kinds import EventKind
from newstrace.analyze.figures.literal import unreal
from newstrace.analyze.figures.senses import other_sense
from newstrace.analyze.nlp import ArticleNLP
from newstrace.model import DateMention
from newstrace.text.date_mentions import dates_in
from newstrace.text.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ACTOR_LABELS", "PLACE_LABELS", "clause", "disaster_name", "in_its_sense"]

log = logging.getLogger(__name__)

ACTOR_LABELS = ("PERSON", "ORG", "NORP")
PLACE_LABELS = ("GPE", "LOC")
NAME_LABELS = ("ORG", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON", "LAW")
NEGATED = re.compile(r"(?:\b(?:no|not|never|without|nor)|n[’']t)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
STORM_NAME_WORDS = 2  # "Hurricane Dorian": the kind word and a given name


def in_its_sense(  # noqa: PLR0917  # the trigger, its sentence and the sentence's other triggers
    nlp: ArticleNLP,
    sentence: Sentence,
    kind: EventKind,
    match: re.Match[str],
    dates: Sequence[DateMention],
    triggers: Sequence[Triggered],
) -> re.Match[str] | None:
    """The trigger if it tells an event: not negated, in no name, not unreal ("could attack",
    "plague is a disease"). A trigger in another sense ("attacked Clinton's record", "a possible
    interview") gives way to another literal trigger of its kind in ``triggers``, if one tells it."""
    if not _tells(nlp, sentence, kind, match, dates):
        return None
    if not _other_sense(nlp, sentence, match, dates):
        return match
    others = (m for k, _, rest in triggers if k.name == kind.name for m in rest)
    return next(
        (
            m
            for m in others
            if _tells(nlp, sentence, kind, m, dates) and not _other_sense(nlp, sentence, m, dates)
        ),
        None,
    )


def clause(nlp: ArticleNLP, sentence: Sentence, match: re.Match[str]) -> tuple[int, int]:
    """The character span of the clause the trigger belongs to (its nearest verb's subtree)."""
    token = _trigger_token(nlp, sentence, match)
    if token is None:
        return sentence.start, sentence.end
    verb = token
    for _ in range(4):  # a noun's verb is its head, or its head's head ("the deaths of ... shocked")
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # conjoined verbs share their subject and its time and place: "was shot down
        # over Logar on Monday and caught fire"
    words = list(verb.subtree)
    return sentence.start + words[0].idx, sentence.start + words[-1].idx + len(words[-1])


def disaster_name(nlp: ArticleNLP, kind: EventKind, start: int) -> str | None:
    """The name of a named storm whose kind word starts at ``start`` ("Hurricane Dorian"): a name
    of two words, the capitalised kind word and a given name, whatever label the recogniser gave it."""
    if kind.category != "DISASTER" or not nlp.text[start : start + 1].isupper():
        return None
    for e in nlp.ents:
        words = str(e.text).split()
        if e.start_char == start and len(words) == STORM_NAME_WORDS and words[1][:1].isupper():
            return str(e.text)
    return None


def _trigger_token(nlp: ArticleNLP, sentence: Sentence, match: re.Match[str]) -> Token | None:
    """The token of the sentence's parse where the trigger ``match`` (sentence offsets) starts."""
    doc = nlp.parse(sentence.start, sentence.end)
    return next((t for t in doc if t.idx <= match.start() < t.idx + len(t.text)), None)


def _tells(
    nlp: ArticleNLP, sentence: Sentence, kind: EventKind, match: re.Match[str], dates: Sequence[DateMention]
) -> bool:
    """Whether the trigger is asserted and literal: not negated, in no name, not unreal."""
    text = nlp.text[sentence.start : sentence.end]
    at = (sentence.start + match.start(), sentence.start + match.end())
    return not (
        NEGATED.search(text[: match.start()])
        or _in_a_name(nlp, kind, *at)
        or _unreal(nlp, sentence, match, dates)
    )


def _unreal(nlp: ArticleNLP, sentence: Sentence, match: re.Match[str], dates: Sequence[DateMention]) -> bool:
    """Whether the trigger tells of no happening (see ``literal.unreal``)."""
    token = _trigger_token(nlp, sentence, match)
    if token is None:
        return False
    named = any(
        sentence.start <= e.start_char < sentence.end and e.label_ in ACTOR_LABELS + PLACE_LABELS
        for e in nlp.ents
    )
    return unreal(token, match.end(), dated=bool(dates_in(dates, sentence.start, sentence.end)), named=named)


def _other_sense(
    nlp: ArticleNLP, sentence: Sentence, match: re.Match[str], dates: Sequence[DateMention]
) -> bool:
    """Whether the trigger is used in another sense than its event's (see ``senses.other_sense``)."""
    token = _trigger_token(nlp, sentence, match)
    if token is None:
        return False
    persons = [
        (e.start_char - sentence.start, e.end_char - sentence.start)
        for e in nlp.ents
        if e.label_ == "PERSON" and sentence.start <= e.start_char < sentence.end
    ]
    dated = bool(dates_in(dates, *clause(nlp, sentence, match)))
    return other_sense(token, dated=dated, persons=persons)


def _in_a_name(nlp: ArticleNLP, kind: EventKind, start: int, end: int) -> bool:
    """Whether the trigger at ``start:end`` lies in a name that is not an event's (an ORG, a work).

    A storm's name holds the event itself (its kind word and a given name, "Hurricane Dorian",
    "Typhoon Hagibis", which the recogniser often takes for an organisation or a person). A
    lowercase trigger is no part of a name: the recogniser stretched its span over common words
    ("the Ethiopian Airlines crash", "Officers arrested Webb"), as names capitalise their words."""
    return any(
        e.start_char <= start < e.end_char
        and e.label_ in NAME_LABELS
        and not nlp.text[start:end].islower()
        and disaster_name(nlp, kind, start) is None
        for e in nlp.ents
    )
