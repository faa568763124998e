"""The same event reported in several articles becomes one event with several sources."""

from __future__ import annotations

from newstrace.link.event_groups import merge_events
from newstrace.model import EventMention


def _mention(
    article: str,
    *,
    kind: str = "protest",
    date: str | None = None,
    place: str | None = None,
    name: str | None = None,
    facts: tuple[str, ...] = (),
) -> EventMention:
    return EventMention(
        f"{article}-{kind}-{date}-{name}",
        article,
        0,
        10,
        kind,
        kind,
        "PROTEST",
        None,
        date,
        place,
        ("protesters",),
        facts,
        name,
    )


def test_same_name_and_compatible_dates_merge() -> None:
    events = merge_events(
        [
            _mention("a", date="2019-11", name="November uprising"),
            _mention("b", name="the November uprising"),
            _mention("c", date="2019-11-16", place="Tehran", name="November uprising"),
        ]
    )
    assert len(events) == 1
    [event] = events
    assert event.date == "2019-11-16" and {s.article for s in event.sources} == {"a", "b", "c"}
    assert event.name == "November uprising"


def test_different_kinds_dates_or_places_stay_apart() -> None:
    events = merge_events(
        [
            _mention("a", date="2021-03-04", place="Port Meridian"),
            _mention("b", date="2021-03-04", place="Paris"),
            _mention("c", kind="arrest", date="2021-03-04", place="Port Meridian"),
            _mention("d", date="2021-05-12", place="Port Meridian"),
            _mention("e", date="2018"),
            _mention("f", date="2018"),
        ]
    )
    assert len(events) == 6  # a year alone is too coarse to merge on


def test_a_month_does_not_bridge_two_days() -> None:
    events = merge_events(
        [_mention("a", date="2021-03-04"), _mention("b", date="2021-03"), _mention("c", date="2021-03-08")]
    )
    assert len(events) == 3


def test_facts_and_actors_are_united() -> None:
    [event] = merge_events(
        [_mention("a", date="2021-03-04", facts=("f1",)), _mention("b", date="2021-03-04", facts=("f2",))]
    )
    assert event.facts == ("f1", "f2") and event.actors == ("protesters",)
