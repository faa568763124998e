"""An ACLED-like event table: one CSV row per event, in ACLED's column names.

ACLED codes political violence and protest by hand; newstrace's events are found by rules, so
this table is a starting point for a researcher's own coding, not ACLED data. Event types map
from newstrace's kinds as below (``KIND_TO_ACLED``); kinds ACLED has no type for (meetings,
statements, sentences, executions, internet shutdowns) are "Strategic developments / Other",
ACLED's type for non-violent but important events. ACLED codes no accidents or natural disasters
(its events are political); newstrace's ``ACCIDENT`` and ``DISASTER`` kinds (crash, fire,
explosion without an attacker, collapse, flood, earthquake, storm, outbreak) are written as
"Strategic developments / Other" too, so that the table holds every event, and a researcher
drops them by ``plover`` (``ACCIDENT/…``, ``DISASTER/…``) where ACLED's scope is wanted.
``fatalities`` is the smallest death toll the sources give (ACLED's rule: the most conservative
report). ``event_date`` is a full date only when the text gives the day; a month-level date is
written as its first day with ``time_precision`` 3 ("within a month"), and a year or no date
leaves both empty. Extra columns, after ACLED's: ``event_id``, ``time_precision``,
``newstrace_kind``, ``plover``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlsplit

from newstrace.export.outputs import atomic_text
from newstrace.export.view import CorpusView, geo_by_name
from newstrace.model import Article, Event, Fact, Geo

__all__ = ["ACLED_COLUMNS", "KIND_TO_ACLED", "acled_rows", "read_acled", "write_acled"]

ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
    "event_id",
    "time_precision",
    "newstrace_kind",
    "plover",
)
OTHER = ("Strategic developments", "Other")
KIND_TO_ACLED: dict[str, tuple[str, str]] = {
    "protest": ("Protests", "Peaceful protest"),
    "killing": ("Violence against civilians", "Attack"),
    "attack": ("Violence against civilians", "Attack"),
    "arrest": ("Strategic developments", "Arrests"),
    "plot": ("Strategic developments", "Disrupted weapons use"),
    **dict.fromkeys(
        ("crash", "fire", "explosion", "collapse", "flood", "earthquake", "storm", "outbreak"), OTHER
    ),
}
MODE_TO_ACLED: dict[tuple[str, str], tuple[str, str]] = {
    ("protest", "riot"): ("Riots", "Violent demonstration"),
    ("attack", "explosives"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("attack", "aerial"): ("Explosions/Remote violence", "Air/drone strike"),
}
PRECISION_DAY, PRECISION_MONTH = 1, 3
NOTES_MAX = 500


def acled_rows(view: CorpusView) -> list[dict[str, str]]:
    """One ACLED-like row per event of ``view``."""
    facts = {f.id: f for found in view.findings for f in found.facts}
    articles = {found.article.id: found.article for found in view.findings}
    geo = geo_by_name(view.links.entities)
    return [_row(e, facts, articles, geo) for e in view.links.events]


def _row(
    event: Event, facts: dict[str, Fact], articles: dict[str, Article], geo: dict[str, Geo]
) -> dict[str, str]:
    event_type, sub_type = _types(event, facts)
    place = geo.get((event.place or "").lower())
    date, precision = _date(event.date)
    first = event.sources[0] if event.sources else None
    note = (
        articles[first.article].text[first.start : first.end] if first and first.article in articles else ""
    )
    return {
        "event_date": date,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": event.actors[0] if event.actors else "",
        "actor2": event.actors[1] if len(event.actors) > 1 else "",
        "country": place.country if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": event.place or "",
        "latitude": str(place.lat) if place else "",
        "longitude": str(place.lon) if place else "",
        "source": _sources(event, articles),
        "notes": " ".join(note.split())[:NOTES_MAX],
        "fatalities": str(_fatalities(event, facts)),
        "event_id": event.id,
        "time_precision": precision,
        "newstrace_kind": event.kind,
        "plover": event.category + (f"/{event.mode}" if event.mode else ""),
    }


def _types(event: Event, facts: dict[str, Fact]) -> tuple[str, str]:
    found = MODE_TO_ACLED.get((event.kind, event.mode or "")) or KIND_TO_ACLED.get(event.kind, OTHER)
    if event.kind == "protest" and _fatalities(event, facts):
        return "Protests", "Excessive force against protesters"
    return found


def _fatalities(event: Event, facts: dict[str, Fact]) -> int:
    tolls = [facts[f].value for f in event.facts if f in facts and facts[f].unit.endswith("killed")]
    return int(min(tolls)) if tolls else 0


def _date(value: str | None) -> tuple[str, str]:
    if value and len(value) == len("YYYY-MM-DD"):
        return value, str(PRECISION_DAY)
    if value and len(value) == len("YYYY-MM"):
        return value + "-01", str(PRECISION_MONTH)
    return "", ""


def _sources(event: Event, articles: dict[str, Article]) -> str:
    names = []
    for side in event.sources:
        article = articles.get(side.article)
        if article is not None:
            names.append(
                urlsplit(article.url).hostname or article.url if article.url else Path(article.source).name
            )
    return "; ".join(dict.fromkeys(names))


def write_acled(view: CorpusView, path: Path) -> Path:
    """Write the ACLED-like table of ``view`` to ``path``."""
    with atomic_text(path) as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(acled_rows(view))
    return path


def read_acled(path: Path) -> list[dict[str, str]]:
    """The rows of an ACLED-like table."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
