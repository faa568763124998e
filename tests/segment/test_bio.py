"""The writer's biography at the end of an article is found by the byline's name."""

from __future__ import annotations

import pytest

from newstrace.segment.bio import bio_start

BODY = [
    "The council voted on Tuesday to close the old bridge.",
    "Engineers had warned in March that the beams were rusting.",
    "Ann Vale, the mayor's sister, said the ferry would run all summer.",  # a namesake in the text
    "The mayor said the repairs would take a year.",
]


@pytest.mark.parametrize(
    ("texts", "byline", "expected"),
    [
        ([*BODY, "Ann Vale (@annvale) is a contributor at the Lantern."], "Ann Vale", 4),
        (
            [*BODY, "Ann Vale covers transport for the Lantern.", "The Lantern is a city paper."],
            "Ann Vale",
            4,
        ),
        ([*BODY, "Tom Reed is a senior editor."], "Ann Vale, Tom Reed", 4),
        ([*BODY, "ANN VALE has written two books about rivers.", "She lives by one."], "Ann Vale", 4),
        ([*BODY, "Ann Vale works for the Lantern's city desk."], "Ann Vale", 4),
        ([*BODY, "Ann Vale teaches journalism in Port Meridian."], "Ann Vale", 4),
        ([*BODY, "Ann Vale's bridge has stood for a century."], "Ann Vale", None),  # not the writer's doing
        # no byline: a writer's note by its shape
        ([*BODY, "Ann Vale (@annvale) is a contributor at the Lantern.", "The Lantern is a paper."], None, 4),
        ([*BODY, "Ann Vale is a senior reporter at the Lantern."], None, 4),
        ([*BODY, "Ann Vale is the editor of the Gazette.", "Tolls rose.", "Fares fell."], None, None),
        ([*BODY, "Ann Vale is a senior official at the port."], None, None),  # not a writer
        # a one-word byline is too loose a match; the note is found by its shape
        ([*BODY, "Ann Vale is a contributor."], "Vale", 4),
        ([*BODY, "Ann Vale is a veteran of the port.", "Tolls rose."], "Vale", None),
        (["Ann Vale is the mayor's sister.", *BODY], "Ann Vale", None),  # at the top: the article's own
        (["Ann Vale is a contributor.", "Short."], "Ann Vale", None),  # too short to have an end
    ],
)
def test_bio_start(texts: list[str], byline: str | None, expected: int | None) -> None:
    assert bio_start(texts, byline) == expected
