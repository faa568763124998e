"""Event mentions: sentences that report a protest, a killing, an arrest, a speech, a meeting...

A sentence reports an event when it holds a trigger word of one of the event kinds below.
Each kind has a PLOVER category (the Open Event Data Alliance's ontology) and, where the trigger
says how, a mode. PLOVER drops plain public statements; newstrace keeps speeches and
statements as kind ``statement`` with the category ``STATEMENT`` (a PLOVER-style extension),
because who said what, when, is what its users trace. The mention keeps the sentence span,
its date (the sentence's, else a month named alone resolved from the article, e.g. "the
November uprising" after "in November 2019"), the place and actors named in the sentence,
the facts counted in it, and the event's name when the text names it ("the November uprising").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstrace.analyze.nlp import ArticleNLP, article_nlp, shared_model
from newstrace.analyze.step import ArticleWork, Resources, Step
from newstrace.ids import stable_id
from newstrace.model import Article, ArticleEntity, DateMention, EventMention, Fact, Quote
from newstrace.text.date_mentions import dates_in, find_date_mentions, month_reference
from newstrace.text.dates import PartialDate
from newstrace.text.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["EVENT_KINDS", "STEP", "EventKind", "EventsStep", "find_event_mentions"]


@dataclass(frozen=True, slots=True)
class EventKind:
    """An event type: its triggers (word-start regexes), PLOVER category, and modes by trigger."""

    name: str
    category: str
    triggers: str
    modes: tuple[tuple[str, str], ...] = ()


# Trigger lexicon written for this project from PLOVER's category definitions (PROTEST, ASSAULT,
# COERCE, CONSULT, THREATEN) and ACLED's event descriptions; order matters: the first kind whose
# trigger a sentence holds wins, so narrow kinds come before broad ones.
EVENT_KINDS: tuple[EventKind, ...] = (
    EventKind(
        "internet shutdown",
        "COERCE",
        r"internet (?:shutdown|blackout|cut|restriction)s?|cut off (?:the )?internet"
        r"|shut (?:down|off) (?:the )?internet",
        (("", "censor"),),
    ),
    EventKind("execution", "COERCE", r"execut(?:ed|ion|ions|ing)|hanged|hanging of", (("", "execute"),)),
    EventKind("sentence", "COERCE", r"sentenc(?:ed|ing)|convicted|verdict", (("", "sentence"),)),
    EventKind(
        "arrest",
        "COERCE",
        r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|detention|rounded up|imprison(?:ed)?",
        (("", "arrest"),),
    ),
    EventKind(
        "killing",
        "ASSAULT",
        r"kill(?:ed|ing|ings)?|death toll|deaths\b|died|shot dead|massacre|slain"
        r"|fatalit(?:y|ies)",
        (("shot", "firearms"), ("massacre", "kill"), ("", "kill")),
    ),
    EventKind(
        "attack",
        "ASSAULT",
        r"attack(?:s|ed)?|bomb(?:s|ing|ed)?|explosion|air ?strikes?|drone strikes?"
        r"|shelling|downing|shot down|assassinat(?:ed|ion)",
        (
            ("bomb", "explosives"),
            ("explosion", "explosives"),
            ("air", "aerial"),
            ("drone", "aerial"),
            ("downing", "aerial"),
            ("shot down", "aerial"),
        ),
    ),
    EventKind("plot", "THREATEN", r"plot(?:s|ted)?\b|conspir(?:acy|ed)", (("", "plot"),)),
    EventKind(
        "protest",
        "PROTEST",
        r"protest(?:s|ed|ers|ors|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)"
        r"|uprisings?|marche[ds]\b|riot(?:s|ed|ing)?|unrest|sit-ins?|strik(?:e|es|ing)\b|walkouts?|chant(?:s|ed|ing)",
        (
            ("riot", "riot"),
            ("strik", "strike"),
            ("walkout", "strike"),
            ("hunger", "hunger-strike"),
            ("", "demonstrate"),
        ),
    ),
    EventKind(
        "meeting",
        "CONSULT",
        r"meet(?:s|ing|ings)?|\bmet\b|talks\b|summit|conference|congress|convention"
        r"|gathering",
        (("", "meet"),),
    ),
    EventKind(
        "statement",
        "STATEMENT",
        r"speech|statement|address(?:ed)?\b|remarks|video conference|sermon"
        r"|interview|press conference",
        (("", "speak"),),
    ),
)
TRIGGER_RE = tuple((kind, re.compile(r"\b(?:" + kind.triggers + r")", re.IGNORECASE)) for kind in EVENT_KINDS)
GROUP_ACTORS = re.compile(
    r"\b(?:protesters|protestors|demonstrators|students|workers|activists|police|security forces"
    r"|soldiers|militia|crowds?|residents|nurses|doctors|teachers|farmers|prisoners)\b",
    re.IGNORECASE,
)
ACTOR_LABELS = ("PERSON", "ORG", "NORP")
ACTOR_KINDS = ("PER", "ORG", "NORP")
PLACE_LABELS = ("GPE", "LOC")
MAX_ACTORS = 4
# Figures that count each kind; a kind not listed takes every figure of its sentence.
FACT_WORDS = {
    "killing": ("killed", "deaths"),
    "arrest": ("arrested", "imprisoned"),
    "execution": ("executed",),
    "sentence": ("sentenced",),
    "protest": (
        "protest",
        "march",
        "rally",
        "strik",
        "participant",
        "people",
        "cities",
        "provinces",
        "towns",
    ),
    "meeting": ("participant", "attend", "locations", "delegat", "people"),
}
PARTICIPANT = re.compile(r"(?:ers|ors)$", re.IGNORECASE)  # "protesters", "demonstrators": who, not what
NEGATED = re.compile(r"\b(?:no|not|never|without|nor)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
HYPOTHETICAL = re.compile(
    r"^\s*(?:if|unless|should)\b|\b(?:would|could|might|may|must|should)\b", re.IGNORECASE
)


class EventsStep(Step[list[EventMention]]):
    """Attaches the sentences that report an event, with its kind, date, place, actors and figures."""

    name = "events"
    needs = ("dates", "entities", "quotes", "facts")

    def prepare(self, resources: Resources) -> None:
        """Load the spaCy model."""
        shared_model(resources)

    def find(self, work: ArticleWork) -> list[EventMention]:
        """The article's event mentions."""
        return find_event_mentions(
            work.article,
            article_nlp(work),
            work.facts,
            quotes=work.quotes,
            entities=work.entities,
            dates=work.dates,
        )

    def attach(self, work: ArticleWork, found: list[EventMention]) -> None:
        """Add them to ``work.events``."""
        work.events.extend(found)


STEP = EventsStep()


def find_event_mentions(
    article: Article,
    nlp: ArticleNLP,
    facts: Sequence[Fact] = (),
    *,
    quotes: Sequence[Quote] = (),
    entities: Sequence[ArticleEntity] = (),
    dates: Sequence[DateMention] | None = None,
) -> list[EventMention]:
    """The event mentions of ``article``: per sentence, one per kind it reports.

    A mention must be anchored (a date expression, a place, a counted figure or a name in
    its sentence) and asserted (not inside a quotation, not conditional or hypothetical):
    opinion writing mentions "protests" in general far more often than it reports one.
    """
    base = PartialDate.from_iso(article.published)
    dates = find_date_mentions(article) if dates is None else dates
    candidates = [
        (sentence, text, triggers)
        for sentence in nlp.sentences
        if not HYPOTHETICAL.search(text := article.text[sentence.start : sentence.end])
        and (triggers := _triggers(text))
    ]
    nlp.parse_all([(s.start, s.end) for s, _, _ in candidates])  # one batch: names need the parse
    found = []
    for sentence, text, triggers in candidates:
        for kind, match in triggers:
            if NEGATED.search(text[: match.start()]) or any(
                q.start <= sentence.start + match.start() < q.end for q in quotes
            ):
                continue
            mention = _mention(
                article, nlp, sentence, kind, match, facts=facts, base=base, entities=entities, dates=dates
            )
            if (
                mention.date
                or mention.place
                or mention.facts
                or mention.name
                or dates_in(dates, sentence.start, sentence.end)
            ):
                found.append(mention)
    return found


def _triggers(text: str) -> list[tuple[EventKind, re.Match[str]]]:
    """One trigger of each kind in ``text``, in text order: the first word naming the event itself
    ("uprising", "arrested") rather than its participants ("protesters")."""
    hits = []
    for kind, rx in TRIGGER_RE:
        matches = list(rx.finditer(text))
        if matches:
            hits.append((kind, next((m for m in matches if not PARTICIPANT.search(m.group(0))), matches[0])))
    return sorted(hits, key=lambda hit: hit[1].start())


def _mention(
    article: Article,
    nlp: ArticleNLP,
    sentence: Sentence,
    kind: EventKind,
    trigger: re.Match[str],
    *,
    facts: Sequence[Fact],
    base: PartialDate | None,
    entities: Sequence[ArticleEntity],
    dates: Sequence[DateMention],
) -> EventMention:
    ents = [e for e in nlp.entities.ents if sentence.start <= e.start_char < sentence.end]
    named = _entities_in(entities, sentence)
    name = _name(nlp, sentence, trigger)
    return EventMention(
        id=stable_id(article.id, "event", sentence.start, sentence.end, kind.name),
        article=article.id,
        start=sentence.start,
        end=sentence.end,
        trigger=trigger.group(0).lower(),
        kind=kind.name,
        category=kind.category,
        mode=_mode(kind, trigger.group(0).lower()),
        date=_date(article.text, sentence, dates, base, name),
        place=next((e.name for e in named if e.geo is not None and e.kind in ("GPE", "LOC")), None)
        or next((str(e.text) for e in ents if e.label_ in PLACE_LABELS), None),
        actors=_actors(article.text[sentence.start : sentence.end], ents, named),
        facts=tuple(f.id for f in facts if sentence.start <= f.start < sentence.end and _counts(f, kind)),
        name=name,
    )


def _counts(fact: Fact, kind: EventKind) -> bool:
    """Whether a figure of the sentence counts this kind of event (killed -> killing, ...)."""
    wanted = FACT_WORDS.get(kind.name)
    return wanted is None or any(w in fact.unit for w in wanted)


def _mode(kind: EventKind, trigger: str) -> str | None:
    return next((mode for key, mode in kind.modes if key in trigger), None)


def _entities_in(entities: Sequence[ArticleEntity], sentence: Sentence) -> list[ArticleEntity]:
    """The article's entities mentioned in ``sentence``, in order of first mention there."""
    first = {}
    for entity in entities:
        starts = [m.start for m in entity.mentions if sentence.start <= m.start < sentence.end]
        if starts:
            first[entity.name] = (min(starts), entity)
    return [e for _, e in sorted(first.values(), key=lambda pair: pair[0])]


def _actors(text: str, ents: Sequence[Span], named: Sequence[ArticleEntity]) -> tuple[str, ...]:
    if named:  # canonical names from the entities step
        names = [e.name for e in named if e.kind in ACTOR_KINDS]
    else:
        names = [str(e.text).removeprefix("the ") for e in ents if e.label_ in ACTOR_LABELS]
    names += [m.group(0).lower() for m in GROUP_ACTORS.finditer(text)]
    return tuple(dict.fromkeys(names))[:MAX_ACTORS]


def _name(nlp: ArticleNLP, sentence: Sentence, trigger: re.Match[str]) -> str | None:
    """A named event: the trigger noun with the words that name it ("November 2019 uprising")."""
    doc = nlp.parse(sentence.start, sentence.end)
    token = next((t for t in doc if t.idx == trigger.start()), None)
    if token is None or token.pos_ != "NOUN" or PARTICIPANT.search(token.text):
        return None
    modifiers = [
        t
        for t in token.lefts
        if t.dep_ in ("compound", "amod", "nummod", "npadvmod")
        and (t.ent_type_ in ("DATE", "EVENT", "NORP") or t.like_num or t.pos_ == "PROPN")
    ]
    if not modifiers:
        return None
    start = min(t.i for t in modifiers)
    return str(doc[start : token.i + 1].text)


def _date(
    text: str, sentence: Sentence, dates: Sequence[DateMention], base: PartialDate | None, name: str | None
) -> str | None:
    for mention in dates_in(dates, sentence.start, sentence.end):
        if mention.value is not None:
            return mention.value
    earlier = [d for d in dates if d.end <= sentence.start]
    reference = month_reference(name or text[sentence.start : sentence.end], earlier, base)
    return reference.iso() if reference is not None else None
