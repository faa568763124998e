"""ACLED types of newstrace's event kinds, accidents and disasters included, and their fatalities."""

from __future__ import annotations

import pytest

from newstrace.export.acled import acled_rows
from newstrace.export.view import CorpusView
from newstrace.model import Article, ArticleFindings, CopySide, CorpusLinks, Event, Fact

TEXT = "A helicopter crashed near Lakeport on Tuesday, killing four soldiers."


def _view(kind: str, category: str, mode: str | None) -> CorpusView:
    article = Article("a1", "d1", 0, "t.txt", None, None, "2021-03-08", None, TEXT)
    fact = Fact("f1", "a1", 4, "soldiers killed", 56, 60, "four", None, None, None, False)
    event = Event(
        "e1", kind, category, mode, "2021-03-02", None, (), ("f1",), (CopySide("a1", 0, len(TEXT)),), "crash"
    )
    return CorpusView((ArticleFindings(article, facts=(fact,)),), CorpusLinks(events=(event,)), ())


@pytest.mark.parametrize(
    ("kind", "category", "mode", "expected"),
    [
        ("crash", "ACCIDENT", "vehicle", ("Strategic developments", "Other", "ACCIDENT/vehicle")),
        ("fire", "ACCIDENT", "fire", ("Strategic developments", "Other", "ACCIDENT/fire")),
        ("explosion", "ACCIDENT", "explosion", ("Strategic developments", "Other", "ACCIDENT/explosion")),
        ("collapse", "ACCIDENT", "structure", ("Strategic developments", "Other", "ACCIDENT/structure")),
        ("flood", "DISASTER", "flood", ("Strategic developments", "Other", "DISASTER/flood")),
        ("earthquake", "DISASTER", "earthquake", ("Strategic developments", "Other", "DISASTER/earthquake")),
        ("storm", "DISASTER", "hurricane", ("Strategic developments", "Other", "DISASTER/hurricane")),
        ("outbreak", "DISASTER", "disease", ("Strategic developments", "Other", "DISASTER/disease")),
        ("attack", "ASSAULT", "explosives", ("Explosions/Remote violence", "Remote explosive/landmine/IED",
                                              "ASSAULT/explosives")),
    ],
)  # fmt: skip
def test_kinds_map_to_acled_types(
    kind: str, category: str, mode: str, expected: tuple[str, str, str]
) -> None:
    [row] = acled_rows(_view(kind, category, mode))
    assert (row["event_type"], row["sub_event_type"], row["plover"]) == expected
    assert row["fatalities"] == "4" and row["newstrace_kind"] == kind
