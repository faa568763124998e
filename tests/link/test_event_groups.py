"""The same event reported in several articles becomes one event with several sources."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

import pytest

from newstrace.link import event_groups
from newstrace.link.event_groups import describe, event_figures, merge_events
from newstrace.model import EventMention, Fact

T = TypeVar("T")
R = TypeVar("R")


def _mention(
    article: str,
    *,
    kind: str = "protest",
    date: str | None = None,
    place: str | None = None,
    name: str | None = None,
    facts: tuple[str, ...] = (),
    trigger: str | None = None,
) -> EventMention:
    return EventMention(
        f"{article}-{kind}-{date}-{name}-{trigger}",
        article,
        0,
        10,
        trigger or kind,
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
    assert event.name == "protest in Tehran, 2019-11-16"  # a description, not a source's name
    assert event.names == ("November uprising", "the November uprising")


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


def test_one_word_one_month_and_a_place_merge_across_outlets() -> None:
    events = merge_events(
        [
            _mention("a", date="2019-11", place="Iran", trigger="uprising"),
            _mention("b", date="2019-11", trigger="uprising"),
            _mention("c", date="2019-11-16", trigger="uprisings"),
            _mention("d", date="2019-11", trigger="strike"),  # another word: another event
        ]
    )
    assert sorted(len(e.sources) for e in events) == [1, 3]


def test_a_named_event_merges_with_its_dated_mentions() -> None:
    events = merge_events(
        [
            _mention("a", date="2018", name="2018 uprising", trigger="uprising"),
            _mention("b", date="2018-01", trigger="uprising"),
            _mention("c", date="2019-11", trigger="uprising"),  # another year
        ]
    )
    assert sorted(len(e.sources) for e in events) == [1, 2]


@pytest.mark.parametrize(
    ("dates", "sizes", "date"),
    [
        (("2017/2018", "2018-01", "2018"), [3], "2018-01"),  # a range holds the dates inside it
        (("2017/2018", "2016"), [1, 1], None),  # and not a year outside it
        (("2017/2018", "2018/2019"), [2], "2017/2018"),  # two ranges that overlap
    ],
)
def test_a_range_of_years_agrees_with_the_dates_inside_it(
    dates: tuple[str, ...], sizes: list[int], date: str | None
) -> None:
    mentions = [
        _mention(chr(ord("a") + i), date=d, name="2018 uprising" if i == 1 else None, trigger="uprisings")
        for i, d in enumerate(dates)
    ]
    mentions[0] = replace(mentions[0], name="the 2017/2018 uprisings")
    events = merge_events(mentions)
    assert sorted(len(e.sources) for e in events) == sizes
    if date is not None:
        assert events[0].date == date  # the most precise date, a range least


def test_one_word_and_one_named_actor_merge() -> None:
    def sentenced(article: str, actors: tuple[str, ...], date: str | None) -> EventMention:
        return replace(_mention(article, kind="sentence", date=date, trigger="sentenced"), actors=actors)

    events = merge_events(
        [
            sentenced("a", ("Ana Varga",), "2021-03-04"),
            sentenced("b", ("Varga", "prosecutors"), None),
            sentenced("c", ("Ana Varga",), "2020-01-10"),  # another date: another sentence
            sentenced("d", ("prosecutors",), None),  # a group is no named actor
        ]
    )
    assert sorted(len(e.sources) for e in events) == [1, 1, 2]


def _fact(fid: str, article: str, value: float, unit: str, asserted_by: str | None) -> Fact:
    return Fact(fid, article, value, unit, 0, 1, "1", None, None, asserted_by, False)


def test_figures_are_grouped_by_who_asserts_them_with_the_range() -> None:
    facts = [
        _fact("f1", "a", 1500, "people killed", "the opposition"),
        _fact("f2", "b", 1500, "protesters killed", "the opposition"),
        _fact("f3", "c", 304, "people killed", "Amnesty"),
        _fact("f4", "c", 7000, "people arrested", None),
    ]
    figures, ranges = event_figures(facts)
    assert {(f.asserted_by, f.low, f.high, f.articles) for f in figures} == {
        ("the opposition", 1500, 1500, ("a", "b")),
        ("Amnesty", 304, 304, ("c",)),
        (None, 7000, 7000, ("c",)),
    }
    assert [(r.unit, r.low, r.high, r.facts) for r in ranges] == [
        ("people killed", 304, 1500, ("f1", "f2", "f3"))
    ]


def test_merged_event_carries_its_figures() -> None:
    facts = {
        "f1": _fact("f1", "a", 12, "people killed", "police"),
        "f2": _fact("f2", "b", 15, "people killed", None),
    }
    [event] = merge_events(
        [_mention("a", date="2021-03-04", facts=("f1",)), _mention("b", date="2021-03-04", facts=("f2",))],
        facts,
    )
    assert len(event.figures) == 2 and [(r.low, r.high) for r in event.ranges] == [(12, 15)]


@pytest.mark.parametrize(
    ("kind", "word", "actors", "place", "date", "expected"),
    [
        ("protest", "uprising", (), "Iran", "2019-11", "uprising in Iran, 2019-11"),
        ("arrest", "arrested", ("Ana Varga",), None, "2021-03-04", "arrest of Ana Varga, 2021-03-04"),
        ("statement", "speech", ("Ali Karimi",), None, None, "speech by Ali Karimi"),
        ("crash", "crashed", (), "Logar", None, "crash in Logar"),
        ("killing", "died", (), None, "2020", "killing, 2020"),
    ],
)
def test_description(  # noqa: PLR0917  # one parameter per column of the table
    kind: str, word: str, actors: tuple[str, ...], place: str | None, date: str | None, expected: str
) -> None:
    assert describe(kind, word, actors, place, date) == expected


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("news release", "earnings release", True),  # one occasion named two ways: by its head noun
        ("press conference", "news conference", True),
        ("press conference", "statement", False),
        ("shot down", "shot", False),  # a phrasal verb keeps its particle
    ],
)
def test_a_trigger_phrase_links_by_its_head_noun(first: str, second: str, merged: bool) -> None:
    def said(article: str, trigger: str) -> EventMention:
        return replace(_mention(article, kind="statement", trigger=trigger), actors=("Lena Kovac",))

    events = merge_events([said("a", first), said("b", second)])
    assert (len(events) == 1) is merged


def test_events_merged_in_pieces_are_those_merged_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mentions sharing no blocking key are merged apart, in pieces a mapper runs: the events,
    their ids, figures and order are those of one merge of every mention."""
    mentions = [
        _mention("a", date="2019-11-15", place="Tehran", facts=("f1",)),
        _mention("b", date="2019-11", place="Tehran", facts=("f2",)),
        _mention("c", date="2019-11-16", place="Tehran"),  # a month does not bridge two days
        _mention("d", name="the November uprising", date="2019"),
        _mention("e", name="The November Uprising"),
        _mention("f", kind="arrest", date="2020-01-03", trigger="arrested"),
        _mention("g", kind="arrest", date="2020-01-03", trigger="arrested"),
        _mention("h", kind="strike", date="2017/2018", name="the 2018 strike"),
        _mention("i", kind="strike", date="2018-02", place="Abadan"),
    ]
    facts = {
        "f1": _fact("f1", "a", 1500, "killed", "Reuters"),
        "f2": _fact("f2", "b", 304, "killed", "Amnesty"),
    }
    at_once = merge_events(mentions, facts)
    monkeypatch.setattr(event_groups, "PIECE_MENTIONS", 1)
    sizes: list[int] = []

    def counted(function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
        for item in items:
            sizes.append(len(item[0]) if isinstance(item, tuple) else 0)
            yield function(item)

    assert merge_events(mentions, facts, counted) == at_once
    assert len(sizes) >= 3 and max(sizes) < len(mentions)
    assert any(event.ranges for event in at_once)
