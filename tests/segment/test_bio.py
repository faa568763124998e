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
        ([*BODY, "Ann Vale is a contributor."], None, None),  # no byline, no name to look for
        ([*BODY, "Ann Vale is a contributor."], "Vale", None),  # one word is too loose a match
        (["Ann Vale is the mayor's sister.", *BODY], "Ann Vale", None),  # at the top: the article's own
        (["Ann Vale is a contributor.", "Short."], "Ann Vale", None),  # too short to have an end
    ],
)
def test_bio_start(texts: list[str], byline: str | None, expected: int | None) -> None:
    assert bio_start(texts, byline) == expected
