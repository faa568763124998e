"""Events across the corpus: event mentions that report the same happening become one Event.

Two mentions of the same kind are the same event when they carry the same name ("the November
uprising") and their dates do not conflict, when they share a day and their places do not
conflict, or when they share a month and a place. A year alone ("in 2018") is too coarse to
merge on, and a month-level date never bridges two different days.
The merged event keeps every reporting sentence as a source, the union of actors and figures,
the most precise date and the most frequent place, mode and name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newstrace.graph import DisjointSet
from newstrace.ids import stable_id
from newstrace.link.options import LinkOptions
from newstrace.link.step import LinkStep
from newstrace.model import ArticleFindings, CopySide, CorpusLinks, Event, EventMention

__all__ = ["STEP", "EventsLinkStep", "merge_events"]

MAX_ACTORS = 8


class EventsLinkStep(LinkStep):
    """The ``events`` link step: event mentions that report the same happening become one Event."""

    name = "events"

    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with the corpus events."""
        return replace(links, events=tuple(merge_events([m for f in findings for m in f.events])))


STEP = EventsLinkStep()


def merge_events(mentions: Sequence[EventMention]) -> list[Event]:
    """Events from mentions, ordered by date (undated last) and id."""
    sets = DisjointSet(range(len(mentions)))
    for i, j in _candidate_pairs(mentions):
        if _same_event(mentions[i], mentions[j]):
            sets.union(i, j)
    groups = [[mentions[i] for i in members] for members in sets.groups()]
    events = [_event(group) for group in groups]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def _candidate_pairs(mentions: Sequence[EventMention]) -> list[tuple[int, int]]:
    """Pairs that share a kind and a name or a month: a blocking key keeps this near-linear."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.name:
            blocks[(m.kind, "name:" + _norm(m.name))].append(i)
        if m.date and len(m.date) >= len("YYYY-MM"):
            blocks[(m.kind, "date:" + m.date[:7])].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1 :])
    return sorted(pairs)


def _same_event(a: EventMention, b: EventMention) -> bool:
    """Same name and agreeing dates; or the same day and no conflicting place; or the same month
    and the same place. (A month-level date must not bridge different days of that month.)"""
    if not _dates_agree(a.date, b.date):
        return False
    if a.name and b.name and _norm(a.name) == _norm(b.name):
        return True
    if not a.date or a.date != b.date or len(a.date) < len("YYYY-MM"):
        return False
    same_place = a.place is not None and b.place is not None and a.place.lower() == b.place.lower()
    if len(a.date) == len("YYYY-MM"):
        return same_place
    return same_place or a.place is None or b.place is None


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Dates agree when either is unknown or one is a prefix of the other (2019-11 and 2019-11-15)."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _norm(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def _event(group: Sequence[EventMention]) -> Event:
    first = min(group, key=lambda m: m.id)
    dates = [m.date for m in group if m.date]
    actors = Counter(a for m in group for a in m.actors)
    return Event(
        id=stable_id("event", first.kind, first.id),
        kind=first.kind,
        category=first.category,
        mode=_most_common(m.mode for m in group),
        date=max(dates, key=len) if dates else None,
        place=_most_common(m.place for m in group),
        actors=tuple(a for a, _ in actors.most_common(MAX_ACTORS)),
        facts=tuple(dict.fromkeys(f for m in group for f in m.facts)),
        sources=tuple(
            CopySide(m.article, m.start, m.end) for m in sorted(group, key=lambda m: (m.article, m.start))
        ),
        name=_most_common(m.name for m in group),
    )


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
