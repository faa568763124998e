"""Events across the corpus: event mentions that report the same happening become one Event.

Two mentions of the same kind are the same event when their dates do not conflict and

- they carry the same name ("the November uprising");
- they share a day and their places do not conflict;
- they share a month and a place;
- they share a month and the word naming the event ("uprising", "earthquake"), their places do
  not conflict and one of them is placed or named: outlets tell one event with different
  details, rarely two of one kind, word, month and place;
- they share that word and one of them is named by the text with a date ("the 2018 uprising"):
  a named event is one event, whatever each outlet adds;
- they share that word and a named actor, and their places do not conflict ("Webb was
  sentenced" in two outlets).

A year alone never merges unnamed mentions, and a month-level date never bridges two days. A
mention dated by a range of years ("since the 2017/2018 Uprisings") agrees with the dates inside
it.
The merged event keeps every reporting sentence as a source, the union of actors and figures,
the most precise date and the most frequent place and mode. Its ``name`` is a plain description
made of its kind's word, place and date ("uprising in Iran, 2019-11"), never one outlet's
epithet; the names the texts use are kept in ``names``. Its figures are grouped by who asserts
them, and a figure the sources disagree on gets its range ("1,500 killed according to X; 304
according to Y" -> 304 to 1,500).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from newstrace.graph import DisjointSet
from newstrace.ids import stable_id
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import LinkOptions
from newstrace.link.partition import pieces
from newstrace.link.step import LinkStep
from newstrace.model import ArticleFindings, CopySide, CorpusLinks, Event, EventFigure, EventMention, Fact
from newstrace.text.dates import PartialDate, date_bounds

__all__ = ["STEP", "EventsLinkStep", "describe", "event_figures", "merge_events"]

MAX_ACTORS = 8
# Mentions per piece of work (mentions sharing a blocking key are never split): merging takes
# ~50 us a mention (PolNeAR dev: 194 mentions in 9 ms CPU), so a piece of 10,000 takes ~0.5 s,
# far more than shipping it to a Dask worker (a few ms).
PIECE_MENTIONS = 10_000
RANGE = "/"  # a mention dated by a range of years: "2017/2018"
MAX_RANGE_YEARS = 10  # a longer span ("the 1979/2019 decades") names an era, not one event's dates
# The word a description uses for a kind when the trigger is a verb ("arrested" -> "arrest").
KIND_NOUNS = {"killing": "killing", "sentence": "sentencing", "internet shutdown": "internet shutdown"}
# How a description joins the first actor to the event's word, by kind.
ACTOR_LINKS = {"statement": "by", "meeting": "with", "arrest": "of", "sentence": "of", "execution": "of"}
# A trigger that is a verb's form says less than a noun ("arrested" in any sentence about an
# arrest); nouns in -ing ("uprising", "meeting", "flooding") name the event itself.
VERB_FORM = re.compile(r"(?:ed|^died|^met|^sank|^hanged|^shot down)$")
PARTICLES = frozenset("down up out off in on with of".split())  # a phrasal verb keeps its words
PARTICIPLES = frozenset(
    """killed arrested executed imprisoned injured sentenced abducted disappeared displaced fled
    evacuated""".split()
)


class EventsLinkStep(LinkStep):
    """The ``events`` link step: event mentions that report the same happening become one Event."""

    name = "events"

    def __init__(self, mapper: Mapper = in_process) -> None:
        self.mapper = mapper

    def mapped(self, mapper: Mapper) -> EventsLinkStep:
        """This step, merging the mentions of each piece of blocking keys with ``mapper``."""
        return EventsLinkStep(mapper)

    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with the corpus events."""
        facts = {f.id: f for found in findings for f in found.facts}
        mentions = [m for f in findings for m in f.events]
        return replace(links, events=tuple(merge_events(mentions, facts, self.mapper)))


STEP = EventsLinkStep()


def merge_events(
    mentions: Sequence[EventMention], facts: Mapping[str, Fact] | None = None, mapper: Mapper = in_process
) -> list[Event]:
    """Events from mentions, ordered by date (undated last) and id; ``facts`` (by id) give each
    event's figures grouped by who asserts them.

    Only mentions that share a blocking key are compared, so mentions joined by chains of shared
    keys are merged apart from the others (:mod:`newstrace.link.partition`), in pieces that
    ``mapper`` runs (here, or on a Dask cluster: the events are the same).
    """
    known = facts or {}
    parts = pieces([_block_keys(m) for m in mentions], PIECE_MENTIONS)
    work = (
        (
            [mentions[i] for i in part],
            {f: known[f] for i in part for f in mentions[i].facts if f in known},
        )
        for part in parts
    )
    events = [event for found in mapper(merge_piece, work) for event in found]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def merge_piece(work: tuple[Sequence[EventMention], Mapping[str, Fact]]) -> list[Event]:
    """The events of a piece of mentions (with the facts they cite, by id), in no set order."""
    mentions, facts = work
    sets = DisjointSet(range(len(mentions)))
    dates = {i: {m.date} if m.date else set() for i, m in enumerate(mentions)}  # by group root
    for i, j in _candidate_pairs(mentions):
        a, b = sets.find(i), sets.find(j)
        if a == b or not _same_event(mentions[i], mentions[j]):
            continue
        if all(_dates_agree(x, y) for x in dates[a] for y in dates[b]):  # no chain across two dates
            dates[sets.union(a, b)] = dates[a] | dates[b]
    return [_event([mentions[i] for i in members], facts) for members in sets.groups()]


def _block_keys(m: EventMention) -> list[tuple[str, str]]:
    """A mention's blocking keys: its kind with its name, its month, its word and each year, or
    its word and each named actor. Two mentions are compared only when they share one."""
    keys = [(m.kind, "name:" + _norm(m.name))] if m.name else []
    if m.date and len(m.date) >= len("YYYY-MM") and RANGE not in m.date:
        keys.append((m.kind, "date:" + m.date[:7]))
    keys += [(m.kind, f"word:{_word(m)}:{year}") for year in _years(m.date)]
    keys += [
        (m.kind, f"actor:{_word(m)}:{a}")
        for a in sorted({a.split()[-1] for a in m.actors if a[:1].isupper()})
    ]
    return keys


def _candidate_pairs(mentions: Sequence[EventMention]) -> list[tuple[int, int]]:
    """Pairs that share a blocking key: blocking keeps this near-linear."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for key in _block_keys(m):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1 :])
    return sorted(pairs)


def _same_event(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions of one kind report the same happening (the rules of the module)."""
    if a.kind != b.kind or not _dates_agree(a.date, b.date):
        return False
    if a.name and b.name and _norm(a.name) == _norm(b.name):
        return True
    places_agree = a.place is None or b.place is None or a.place.lower() == b.place.lower()
    same_word = _word(a) == _word(b) and not VERB_FORM.search(_word(a))
    if same_word and places_agree and bool(a.date and b.date) and bool(a.name or b.name):
        return True  # a named event: "the 2018 uprising" and "the uprising in January 2018"
    if _word(a) == _word(b) and places_agree and _shared_name(a.actors, b.actors):
        return True  # "Webb was sentenced" in two outlets: one person, one word, no conflicting date
    return _same_period(a, b, same_word=same_word, places_agree=places_agree)


def _same_period(a: EventMention, b: EventMention, *, same_word: bool, places_agree: bool) -> bool:
    """The same month, word and no conflicting place (one side placed or named: two bare
    "protests" of a month may be two), or the same day and no conflicting place, or the same
    month and the same place."""
    if not a.date or not b.date or len(a.date) < len("YYYY-MM") or len(b.date) < len("YYYY-MM"):
        return False
    if RANGE in a.date or RANGE in b.date:
        return False  # a range of years names no month
    if (
        a.date[:7] == b.date[:7]
        and same_word
        and places_agree
        and bool(a.place or b.place or a.name or b.name)
    ):
        return True
    same_place = a.place is not None and b.place is not None and a.place.lower() == b.place.lower()
    if a.date != b.date:
        return False
    return same_place if len(a.date) == len("YYYY-MM") else places_agree


def _shared_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two actor lists share a name (by its last word: "Michael Webb" and "Webb");
    groups ("protesters", "police") are common nouns and do not count."""
    last = {n.split()[-1] for n in a if n[:1].isupper()}
    return any(n[:1].isupper() and n.split()[-1] in last for n in b)


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Dates agree when either is unknown or one is a prefix of the other (2019-11 and 2019-11-15);
    a range of years ("2017/2018") agrees with the dates inside it and the ranges it overlaps."""
    if a is None or b is None:
        return True
    if RANGE in a or RANGE in b:
        bounds_a, bounds_b = _bounds(a), _bounds(b)
        if bounds_a is None or bounds_b is None:
            return False
        return bounds_a[0] <= bounds_b[1] and bounds_b[0] <= bounds_a[1]
    return a.startswith(b) or b.startswith(a)


def _bounds(date: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and last day a date or a range of dates ("2017/2018") covers (text.dates)."""
    first, _, last = date.partition(RANGE)
    start, end = PartialDate.from_iso(first), PartialDate.from_iso(last) if last else None
    return date_bounds(start, end) if start is not None else None


def _years(date: str | None) -> list[str]:
    """The years a date or a range of dates covers (at most MAX_RANGE_YEARS + 1 of them)."""
    bounds = _bounds(date) if date else None
    if bounds is None:
        return []
    start, end = bounds[0][0], bounds[1][0]
    return [str(year) for year in range(start, min(end, start + MAX_RANGE_YEARS) + 1)]


def _precision(date: str) -> tuple[bool, int]:
    """How precise a date is: a day before a month before a year; a range least."""
    return RANGE not in date, len(date)


def _norm(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def _word(mention: EventMention) -> str:
    """The trigger as one word form: "uprisings" -> "uprising", "talks" stays "talks"; a phrase by
    its head noun, as outlets name one occasion differently ("news release", "earnings release" ->
    "release"; "press conference" -> "conference"), unless it ends in a particle ("shot down")."""
    word = mention.trigger.lower()
    words = word.split()
    if len(words) > 1 and words[-1] not in PARTICLES and not VERB_FORM.search(words[0]):
        word = words[-1]
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "talks")) else word


def _event(group: Sequence[EventMention], facts: Mapping[str, Fact]) -> Event:
    first = min(group, key=lambda m: m.id)
    dates = [m.date for m in group if m.date]
    actors = Counter(a for m in group for a in m.actors)
    fact_ids = tuple(dict.fromkeys(f for m in group for f in m.facts))
    counted = [facts[f] for f in fact_ids if f in facts]
    figures, ranges = event_figures(counted)
    place = _most_common(m.place for m in group)
    date = max(dates, key=_precision) if dates else None
    top_actors = tuple(a for a, _ in actors.most_common(MAX_ACTORS))
    return Event(
        id=stable_id("event", first.kind, first.id),
        kind=first.kind,
        category=first.category,
        mode=_most_common(m.mode for m in group),
        date=date,
        place=place,
        actors=top_actors,
        facts=fact_ids,
        sources=tuple(
            CopySide(m.article, m.start, m.end) for m in sorted(group, key=lambda m: (m.article, m.start))
        ),
        name=describe(
            first.kind, _most_common(_word(m) for m in group) or first.kind, top_actors, place, date
        ),
        names=tuple(dict.fromkeys(m.name for m in group if m.name)),
        figures=figures,
        ranges=ranges,
    )


def describe(kind: str, word: str, actors: Sequence[str], place: str | None, date: str | None) -> str:
    """A plain description of an event: its word, first actor, place and date ("uprising in Iran,
    2019-11", "statement by Ali Khamenei, 2020-05-17"), made of no outlet's words but the trigger's."""
    noun = KIND_NOUNS.get(kind, kind) if VERB_FORM.search(word) else word
    text = noun
    link = ACTOR_LINKS.get(kind)
    if link and actors:
        text += f" {link} {actors[0]}"
    if place:
        text += f" in {place}"
    return f"{text}, {date}" if date else text


def event_figures(facts: Sequence[Fact]) -> tuple[tuple[EventFigure, ...], tuple[EventFigure, ...]]:
    """The figures of an event grouped by what they count and who asserts them, and, for what
    they count, the range when the values differ (``asserted_by`` None, every fact)."""
    by_source: dict[tuple[str, str | None], list[Fact]] = defaultdict(list)
    by_unit: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        key = _unit_key(fact.unit)
        by_source[(key, fact.asserted_by)].append(fact)
        by_unit[key].append(fact)
    figures = tuple(_figure(group, asserted_by) for (_, asserted_by), group in by_source.items())
    ranges = tuple(_figure(group, None) for group in by_unit.values() if len({f.value for f in group}) > 1)
    return figures, ranges


def _unit_key(unit: str) -> str:
    """What a unit counts, for comparing figures: its event participle, else its last word."""
    words = unit.lower().split()
    event = next((w for w in words if w in PARTICIPLES), None)
    return event or (words[-1].rstrip("s") if words else "")


def _figure(group: Sequence[Fact], asserted_by: str | None) -> EventFigure:
    values = [f.value for f in group]
    return EventFigure(
        unit=_most_common(f.unit for f in group) or "",
        asserted_by=asserted_by,
        low=min(values),
        high=max(values),
        facts=tuple(f.id for f in group),
        articles=tuple(dict.fromkeys(f.article for f in group)),
    )


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
