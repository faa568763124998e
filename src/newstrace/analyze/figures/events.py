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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newstrace.analyze.figures.event_dates import Triggered, anchoring, date_spans, dated_apart, mention_date
from newstrace.analyze.figures.event_kinds import (
    ANY_TRIGGER,
    ATTACKER,
    EVENT_KINDS,
    FIGURATIVE,
    KILLING_NEEDS,
    NEUTRAL_DEATH,
    TRIGGER_RE,
    EventKind,
    literal_use,
)
from newstrace.analyze.figures.literal import in_a_title
from newstrace.analyze.figures.triggers import ACTOR_LABELS, PLACE_LABELS, clause, disaster_name, in_its_sense
from newstrace.analyze.nlp import ArticleNLP, article_nlp, shared_model
from newstrace.analyze.step import ArticleWork, Resources, Step
from newstrace.ids import stable_id
from newstrace.model import Article, ArticleEntity, DateMention, EventMention, Fact, Quote
from newstrace.text.date_mentions import dates_in, find_date_mentions
from newstrace.text.dates import PartialDate
from newstrace.text.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["EVENT_KINDS", "STEP", "EventKind", "EventsStep", "find_event_mentions"]


GROUP_ACTORS = re.compile(
    r"\b(?:protesters|protestors|demonstrators|students|workers|activists|police|security forces"
    r"|soldiers|militia|crowds?|residents|nurses|doctors|teachers|farmers|prisoners)\b",
    re.IGNORECASE,
)
ANCHOR_LABELS = ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP", "DATE", "TIME")
ACTOR_KINDS = ("PER", "ORG", "NORP")
ANCHOR_KINDS = ("PER", "ORG", "NORP", "GPE", "LOC", "FAC")
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
HYPHENATED = re.compile(r"^-.*-$")  # "rustic-meets-modern": a word inside a compound adjective
DEFINITE = re.compile(r"(?:\b(?:the|this|that)|\w['’]s)\s+$", re.IGNORECASE)  # "the crash", "Monday's crash"
# A statement, interview or press conference introduced as the occasion of someone's words ("said
# in a statement", "issued a statement", "according to a statement", "told reporters at a news
# conference"): its speaker anchors it (on the tune pages every such sentence reports one).
SPOKEN_IN = re.compile(
    r"\b(?:in|at|during|issued|released|put out|according to)\s+(?:a|an|the|its|his|her|their|another)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
CONDITIONAL = re.compile(r"^\s*(?:if|unless|should)\b", re.IGNORECASE)
# Categories a quotation tells too loosely to count: speakers talk of speeches, statements and
# meetings in general far more than they report one (checked on the tune pages and unseen PolNeAR
# articles); a quoted crash, arrest or killing is reported like the writer's own
QUOTED_TALK = frozenset(("STATEMENT", "CONSULT"))


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

    A mention must be anchored (a date expression, a place, a counted figure or a name in its
    sentence; words said "in a statement" have their speaker for anchor) and asserted (not
    conditional or hypothetical, not inside a quotation unless the quotation names the event, "the
    November uprising", which then is the event the writer reports too): opinion writing mentions
    "protests" in general far more often than it reports one.
    """
    dates = find_date_mentions(article) if dates is None else dates
    candidates = _candidates(article, nlp, dates)
    nlp.parse_all([(s.start, s.end) for s, _, _ in candidates])  # one batch: names need the parse
    context = _Context(article, nlp, PartialDate.from_iso(article.published), facts, quotes, entities, dates)
    return [mention for candidate in candidates for mention in _sentence_mentions(context, *candidate)]


@dataclass(frozen=True)
class _Context:
    """What every sentence's mentions are read against: the article, its parse and its findings."""

    article: Article
    nlp: ArticleNLP
    base: PartialDate | None  # the publication date, for dates the text gives in part
    facts: Sequence[Fact]
    quotes: Sequence[Quote]
    entities: Sequence[ArticleEntity]
    dates: Sequence[DateMention]


def _candidates(
    article: Article, nlp: ArticleNLP, dates: Sequence[DateMention]
) -> list[tuple[Sentence, str, list[Triggered]]]:
    """The sentences that hold a trigger in a literal use, with their text and triggers, in order."""
    candidates = []
    told: set[str] = set()  # trigger sets a literal mention has introduced: "the crash" refers back
    for sentence in nlp.sentences:
        text = article.text[sentence.start : sentence.end]
        if CONDITIONAL.search(text) or in_a_title(text):
            continue  # a condition tells no event; a headline or a link's title names one told elsewhere
        triggers = _triggers(text, date_spans(dates, sentence), told)
        if triggers:
            candidates.append((sentence, text, triggers))
            told.update(kind.triggers for kind, _, _ in triggers)
    return candidates


def _sentence_mentions(
    context: _Context, sentence: Sentence, text: str, triggers: list[Triggered]
) -> list[EventMention]:
    """The mentions a candidate sentence reports: one per kind and date its triggers tell."""
    article, nlp, dates = context.article, context.nlp, context.dates
    found = []
    taken: set[tuple[str, int]] = set()  # a trigger stood in for one in another sense: once only
    for kind, chosen, second in dated_apart(article.text, sentence, triggers, dates, context.base):
        match = in_its_sense(nlp, sentence, kind, chosen, dates, () if second else triggers)
        if match is None or (kind.name, match.start()) in taken:
            continue
        taken.add((kind.name, match.start()))
        mention = _mention(
            article,
            nlp,
            sentence,
            kind,
            match,
            facts=context.facts,
            base=context.base,
            entities=context.entities,
            dates=dates,
        )
        if second:  # a second mention of its kind in the sentence
            mention = replace(mention, id=stable_id(mention.id, match.start()))
        if _reported(context, sentence, text, match, mention):
            found.append(mention)
    return found


def _reported(
    context: _Context, sentence: Sentence, text: str, match: re.Match[str], mention: EventMention
) -> bool:
    """Whether the writer reports the mention: named, or outside a quotation's talk of speeches and
    meetings, and spoken "in a statement" or anchored in its trigger's clause."""
    quoted = any(q.start <= sentence.start + match.start() < q.end for q in context.quotes)
    if quoted and not mention.name and mention.category in QUOTED_TALK:
        return False  # a speaker's talk of speeches and meetings is opinion, unless it names one
    spoken_in = mention.category == "STATEMENT" and SPOKEN_IN.search(text[: match.start()])
    return bool(
        mention.name
        or spoken_in
        or _anchored(context.nlp, sentence, match, mention, context.dates, context.entities)
    )


def _anchored(  # noqa: PLR0917  # the mention and its sentence's parse, dates and entities
    nlp: ArticleNLP,
    sentence: Sentence,
    match: re.Match[str],
    mention: EventMention,
    dates: Sequence[DateMention],
    entities: Sequence[ArticleEntity] = (),
) -> bool:
    """Whether the trigger's own clause holds a date, a place, a named participant or a figure of
    the event: the verb it belongs to and that verb's arguments, not another clause of the
    sentence ("He said on Monday that protests are useless" dates the saying, not the protests).
    A participant is named when the recogniser tags the name in the sentence or when the article's
    entities hold it (a surname alone, "Officers arrested Webb", after "Michael Webb")."""
    if mention.facts:
        return True
    start, end = clause(nlp, sentence, match)
    return (
        bool(dates_in(dates, start, end))
        or any(start <= e.start_char < end for e in nlp.ents if e.label_ in ANCHOR_LABELS)
        or any(start <= m.start < end for e in entities if e.kind in ANCHOR_KINDS for m in e.mentions)
    )


def _triggers(
    text: str,
    spans: list[tuple[int, int, int]],
    told: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Triggered]:
    """One trigger of each kind in ``text`` in a literal use, in text order: the word naming the
    event itself ("uprising", "arrested") rather than its participants ("protesters"), the one a
    date is nearest to when several ("protests in 2018 ... an uprising in November 2019").
    A definite description of an event the article has told with words of the same set ("the crash"
    after "a helicopter crash", not "Trump's charge" after "was arrested") refers back to that event
    and is literal too."""
    if ANY_TRIGGER.search(text) is None:
        return []
    hits, rest = _chosen(_literal_hits(text, told), spans)
    _drop_misread(hits, text)
    ordered_hits = sorted(hits.values(), key=lambda hit: hit[1].start())
    return [(kind, match, rest[kind.name]) for kind, match in ordered_hits]


def _literal_hits(text: str, told: set[str]) -> dict[str, list[tuple[EventKind, re.Match[str]]]]:
    """Every trigger of each kind in ``text`` in a literal use (or referring back to an event told
    with words of its set), by kind name; no word inside a hyphenated compound adjective."""
    found: dict[str, list[tuple[EventKind, re.Match[str]]]] = {}
    for kind, rx in TRIGGER_RE:
        found.setdefault(kind.name, []).extend(
            (kind, m)
            for m in rx.finditer(text)
            if not HYPHENATED.match(text[m.start() - 1 : m.end() + 1])
            if literal_use(kind, text, m)
            or (kind.triggers in told and DEFINITE.search(text[: m.start()]) and not FIGURATIVE.search(text))
        )
    return found


def _chosen(
    found: dict[str, list[tuple[EventKind, re.Match[str]]]], spans: list[tuple[int, int, int]]
) -> tuple[dict[str, tuple[EventKind, re.Match[str]]], dict[str, tuple[re.Match[str], ...]]]:
    """Per kind, the trigger chosen (a word for the event rather than its participants, the one a
    date is nearest to) and the kind's other triggers, in text order."""
    hits: dict[str, tuple[EventKind, re.Match[str]]] = {}
    rest: dict[str, tuple[re.Match[str], ...]] = {}
    for name, matches in found.items():
        events = [hit for hit in matches if not PARTICIPANT.search(hit[1].group(0))] or matches
        if events:
            hits[name] = min(events, key=lambda hit: (anchoring(hit[1], spans), hit[1].start()))
            ordered = sorted(events, key=lambda hit: hit[1].start())
            rest[name] = tuple(m for _, m in ordered if m is not hits[name][1])
    return hits, rest


def _drop_misread(hits: dict[str, tuple[EventKind, re.Match[str]]], text: str) -> None:
    """Remove from ``hits`` the kinds another kind of the sentence explains: the explosion of an
    attack, the killing of an accident or a disaster, a death told in neutral words alone."""
    if "attack" in hits or ATTACKER.search(text):
        hits.pop("explosion", None)  # a blast with an attacker is an attack
    killing = hits.get("killing")
    accident = any(kind.category in ("ACCIDENT", "DISASTER") for kind, _ in hits.values())
    if killing is not None and (
        accident  # the dead of a crash or an epidemic were killed by no one
        # a word of violence inside a figure of speech is none ("died of a heart attack")
        or (NEUTRAL_DEATH.match(killing[1].group(0)) and not KILLING_NEEDS.search(FIGURATIVE.sub(" ", text)))
    ):
        del hits["killing"]


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
    ents = [e for e in nlp.ents if sentence.start <= e.start_char < sentence.end]
    named = _entities_in(entities, sentence)
    name = _name(nlp, sentence, trigger) or disaster_name(nlp, kind, sentence.start + trigger.start())
    return EventMention(
        id=stable_id(article.id, "event", sentence.start, sentence.end, kind.name),
        article=article.id,
        start=sentence.start,
        end=sentence.end,
        trigger=trigger.group(0).lower(),
        kind=kind.name,
        category=kind.category,
        mode=_mode(kind, trigger.group(0).lower()),
        date=mention_date(article.text, sentence, dates, base, name, trigger),
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
