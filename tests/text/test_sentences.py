"""The rule-based sentence splitter every layer shares."""

from __future__ import annotations

import pytest

from newstrace.text.sentences import split_sentences

SENTENCES = [
    ("One. Two.", ["One.", "Two."]),
    (
        "“It would be good,” he explained. “If you stop, others lead.”",
        ["“It would be good,” he explained.", "“If you stop, others lead.”"],
    ),
    (
        "Mr. Smith said the U.S. Army was there. It left.",
        ["Mr. Smith said the U.S. Army was there.", "It left."],
    ),
    ("First paragraph\nSecond paragraph.", ["First paragraph", "Second paragraph."]),
    ("Some 3.5 million people came. Really?", ["Some 3.5 million people came.", "Really?"]),
    ("", []),
    # abbreviated titles do not end a sentence
    (
        "Del. Ana Ruiz and the Rev. Omar Haddad came. They left.",
        ["Del. Ana Ruiz and the Rev. Omar Haddad came.", "They left."],
    ),
    # runs of end marks, an initial, closing quotes and brackets; an ending not followed by a capital
    (
        "Wait... What?! No. J. Smith came…  Then “Go.” (Yes.) End",
        ["Wait...", "What?!", "No. J. Smith came…", "Then “Go.”", "(Yes.)", "End"],
    ),
    ("He left.\n\n\nNext one.\nx. Y", ["He left.", "Next one.", "x. Y"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected
