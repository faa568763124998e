"""What a group of merged article entities becomes: one corpus Entity with its name, id and dates.

The canonical name is a place's gazetteer name, else the longest article-level name (persons:
most words, most used). The id is ``stable_id("entity", kind, geonameid)`` for a geocoded place,
else ``stable_id("entity", kind, first name)`` with the first of the entity's names in
alphabetical order (:func:`_id_name`), and :func:`unique_ids` numbers the later of two entities
of one kind and name. Periods (the days a date covers) order dates from finest to coarsest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newstrace.ids import stable_id
from newstrace.link.entity_merge import Node
from newstrace.model import ArticleEntity, Entity, EntityRef
from newstrace.text.dates import PartialDate, date_bounds
from newstrace.text.names import form_key

__all__ = ["Dates", "Period", "corpus_entity", "period", "period_length", "unique_ids", "within"]

Dates = tuple[tuple[int, int, int], tuple[int, int, int]]  # the first and last day
Period = Dates | None


def period(date: str | None) -> Period:
    """The first and last day a date or range of dates ("2017/2018") covers; None if unreadable."""
    start_text, _, end_text = (date or "").partition("/")
    start, end = PartialDate.from_iso(start_text), PartialDate.from_iso(end_text or start_text)
    if start is None or end is None:
        return None
    return date_bounds(start, end)


def period_length(days: Period) -> int:
    """About how many days a period spans (months of 31 days): finer dates are shorter."""
    if days is None:
        return 0
    (y1, m1, d1), (y2, m2, d2) = days
    return (y2 - y1) * 372 + (m2 - m1) * 31 + (d2 - d1)


def within(inner: Period, outer: Period) -> bool:
    """Whether every day of ``inner`` lies in ``outer``."""
    return inner is not None and outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def corpus_entity(nodes: Sequence[Node]) -> Entity:
    """The corpus entity of a group of article entities: the kind most of their mentions have,
    its canonical name (see the module docstring), their aliases and mentions, the most common
    place and the most precise date; its id (see :func:`newstrace.link.aliases`)."""
    items = [n.entity for n in nodes]
    weights: Counter[str] = Counter()
    for node in nodes:
        weights[node.kind] += len(node.entity.mentions)
    kind = weights.most_common(1)[0][0]
    places = [e for e in items if e.geo is not None and e.kind != "NORP"]
    geo = Counter(e.geo for e in places or items if e.geo is not None).most_common(1)
    name = _name(items, kind, places)
    aliases = tuple(dict.fromkeys(a for e in items for a in e.aliases))
    mentions = tuple(
        sorted({EntityRef(e.article, m.start, m.end) for e in items for m in e.mentions}, key=_ref_order)
    )
    dates = [e.date for e in items if e.date]
    date = min(dates, key=lambda d: (period_length(period(d)), d)) if dates else None
    found_geo = geo[0][0] if geo else None
    if found_geo is not None and found_geo.geonameid is not None:
        ident = stable_id("entity", kind, "", found_geo.geonameid)
    else:
        ident = stable_id("entity", kind, _id_name(items, kind), "")
    return Entity(ident, name, kind, aliases, mentions, found_geo, date)


def _id_name(items: Sequence[ArticleEntity], kind: str) -> str:
    """The name an entity's id derives from: the first, in alphabetical order, of its article-level
    names of its kind (a person's full names first). Unlike the canonical name, which follows how
    many articles use each form, it changes only when a name that sorts first joins the entity."""
    names = {form_key(e.name) for e in items if e.kind == kind} or {form_key(e.name) for e in items}
    if kind == "PER" and any(" " in n for n in names):
        names = {n for n in names if " " in n}
    return min(names)


def _ref_order(ref: EntityRef) -> tuple[str, int, int]:
    return ref.article, ref.start, ref.end


def _name(items: Sequence[ArticleEntity], kind: str, places: Sequence[ArticleEntity]) -> str:
    if places:
        return Counter(e.name for e in places).most_common(1)[0][0]
    names = Counter(e.name for e in items if e.kind == kind) or Counter(e.name for e in items)
    if kind == "PER":  # the full name most articles use
        return max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n), n))
    return max(names, key=lambda n: (len(n), names[n], n))


def unique_ids(entities: list[Entity]) -> list[Entity]:
    """Two entities of one kind and name (two people called "Rajavi"): number the later ids."""
    seen: Counter[str] = Counter()
    out = []
    for e in entities:
        seen[e.id] += 1
        out.append(e if seen[e.id] == 1 else replace(e, id=stable_id(e.id, seen[e.id])))
    return out
