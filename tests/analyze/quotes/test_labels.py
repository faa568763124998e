"""Speaker labels found by text pattern alone: before, on the line of, and after a quotation."""

from __future__ import annotations

import pytest

from newstrace.analyze.quotes.labels import dash_after, dateline_end, headline_label, label_before

OPEN = "“"

# (text with one opening mark, expected label name, expected cue word or None)
BEFORE = [
    ("Kasich: “We are going all the way.”", "Kasich", None),
    ("More from Jones: “Not yet.”", "Jones", None),
    ("It would cost more. Said Ellis: “It will never pass.”", "Ellis", "Said"),
    ("On the radio.\n\nContinued Stone:\n\n“So I think it is real.”", "Stone", "Continued"),
    ("He said this. Then: “x”", None, None),
    ("The plan failed: “x”", None, None),
]


@pytest.mark.parametrize(("text", "name", "cue"), BEFORE)
def test_label_before(text: str, name: str | None, cue: str | None) -> None:
    label = label_before(text, text.index(OPEN))
    assert (label.name.text if label else None) == name
    assert (label.cue.text if label and label.cue else None) == cue
    if label is not None:
        assert text[label.name.start : label.name.end] == label.name.text


HEADLINES = [
    ("Graham: Trump’s “Hateful Rhetoric” Destroying the Party", "Graham"),
    ("Donald Trump Praises Editor Matthew Boyle: “A Great Guy”", "Donald Trump Praises Editor Matthew Boyle"),
    (
        "Gillibrand on Hillary Releasing Her Transcripts: “Not Needed”",
        "Gillibrand on Hillary Releasing Her Transcripts",
    ),
    ("the minister said on Monday: “We are ready”", None),  # a sentence, not a headline
    ("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen: “x”", None),
]


@pytest.mark.parametrize(("text", "label"), HEADLINES)
def test_headline_label_is_the_title_case_words_before_the_colon(text: str, label: str | None) -> None:
    found = headline_label(text, text.index(OPEN))
    assert (found.name.text if found else None) == label


DASHES = [
    ("“The debate was a circus.” ― Marta Olsen\n", "Marta Olsen"),  # the quotation dash U+2015
    ("“The debate was a circus.”\u00a0—\u00a0Marta Olsen\n", "Marta Olsen"),  # no-break spaces
    ("“The debate was a circus.” - Clinton.", "Clinton"),
    ("“The debate was a circus.” And then it ended.", None),
]


@pytest.mark.parametrize(("text", "name"), DASHES)
def test_dash_after(text: str, name: str | None) -> None:
    found = dash_after(text, text.index("”"))
    assert (found.name.text if found else None) == name


# (text, offset of a word, where the dateline holding it ends or None)
DATELINES = [
    ("LONDON (Wire) - Ana Ruiz said", 0, 16),
    ("Kestrel Bay (Wire) – Ana Ruiz said", 0, 21),
    ("KESTREL BAY, March 4 (Wire) — Ships wait.", 0, 30),
    ("Kestrel Bay, Ill., Nov. 4, 2020 — Ships wait.", 0, 34),
    ("KABUL — Officials said", 0, 8),
    ("Intro.\nKABUL — Officials said", 7, 15),
    ("LONDON (Wire) - Ana Ruiz said", 16, None),  # after the dateline
    ("Ana Ruiz — the mayor — said", 0, None),  # a name and a dash: no date, agency or capitals
    ("Mary Jones, 45, - a teacher", 0, None),  # an age is not a date
]


@pytest.mark.parametrize(("text", "at", "end"), DATELINES)
def test_dateline_end(text: str, at: int, end: int | None) -> None:
    assert dateline_end(text, at) == end
