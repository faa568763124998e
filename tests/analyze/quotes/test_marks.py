"""Quotation marks: pairing by family, nesting, apostrophes, paragraphs and broken marks."""

from __future__ import annotations

import pytest

from newstrace.analyze.quotes.marks import find_marks, find_quote_spans


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text).spans]


PAIRS = [
    ("He said “we will win” today.", ["we will win"]),
    ('He said "we will win" today.', ["we will win"]),
    ("He said ''we will win'' today.", ["we will win"]),
    ("“It was wrong,’’ Ana Ruiz said. “We lost.”", ["It was wrong,", "We lost."]),  # two curly singles close
    ("He said ‘‘we will win’’ today.", ["we will win"]),
    ("Il a dit « nous gagnerons » hier.", ["nous gagnerons"]),
    ("Er sagte „wir gewinnen“ heute.", ["wir gewinnen"]),
    ("The ‘Remain’ campaign lost.", ["Remain"]),
    ('He said “we will win" today.', ["we will win"]),  # mixed typography still pairs
    ("“Apparently not,“ he said.", ["Apparently not,"]),  # an opening mark used as closing
    ("“A,” he said, “B.”", ["A,", "B."]),  # a quote split by its attribution
    ('He said,"Fine," and left.', ["Fine,"]),  # no space: the straight mark toggles
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_marks_pair_by_family(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


APOSTROPHES = [
    "Don’t allow that; the people’s difficulties shouldn‘t wait.",
    "It was rock ‘n’ roll in the ‘90s and the ’80s.",
    "The protesters’ demands and the mullahs’ regime.",
]


@pytest.mark.parametrize("text", APOSTROPHES)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert texts(text) == []
    assert find_quote_spans(text).warnings == ()


def test_possessive_inside_a_single_quote_does_not_close_it() -> None:
    assert texts("‘We will meet the workers’ demands,’ he said.") == ["We will meet the workers’ demands,"]


def test_nested_quote_is_its_own_span_with_depth_and_parent() -> None:
    text = "“He told me, ‘You are fired,’ and left,” she said."
    spans = find_quote_spans(text).spans
    assert [(text[s.start : s.end], s.depth, s.parent) for s in spans] == [
        ("He told me, ‘You are fired,’ and left,", 0, None),
        ("You are fired,", 1, 0),
    ]


def test_quote_over_several_paragraphs_is_one_span_per_paragraph() -> None:
    """Each paragraph reopens the quotation: one span each, the marks that open them, the last
    closed by the closing mark and the others by their paragraph's end."""
    text = "“First paragraph of the speech.\n\n“Second paragraph.\n\n“Last one,” he said.\n\nAfter."
    spans = find_quote_spans(text).spans
    assert [text[s.start : s.end] for s in spans] == [
        "First paragraph of the speech.",
        "Second paragraph.",
        "Last one,",
    ]
    assert [text[s.open_at] for s in spans] == ["“", "“", "“"]
    assert text[spans[2].close_at] == "”" and spans[0].close_at == spans[0].end
    assert all(s.depth == 0 and s.paragraphs == 1 for s in spans)


def test_paragraph_starting_with_a_new_family_does_not_continue_the_quote() -> None:
    text = "He said: “We will win.\n\n‘Maybe,’ she said."
    assert texts(text) == ["We will win.", "Maybe,"]


def test_double_quote_closed_by_single_mark_before_attribution() -> None:
    text = "“Places of gathering. They joined their path,’ he said. Then “more” came."
    found = find_quote_spans(text)
    assert texts(text) == ["Places of gathering. They joined their path,", "more"]
    assert any("closed by ’" in w.message for w in found.warnings)


def test_unclosed_inner_quote_ends_with_its_first_sentence() -> None:
    text = "The report: “He issued a message that ‘The strategy was proven… It is not without reason.”"
    assert texts(text) == [
        "He issued a message that ‘The strategy was proven… It is not without reason.",
        "The strategy was proven…",
    ]


BROKEN = [
    # an orphan closing mark: only it is lost
    ("the so-called  Islamic revolution” and “real” words.", ["real"], "no opening mark"),
    # an opening mark inside a sentence, never closed: that quote is lost
    ("He called it “a disaster and left. Then “fine” came.", ["fine"], "never closed"),
    # a quote opening its sentence and never closed runs to the end of the paragraph
    ("He said: “We will win.\nNext paragraph “here” too.", ["We will win.", "here"], "ends its paragraph"),
    # “A. “B — the first quote broke when the next one opened a sentence
    ("“We will win. “Not so,” she said.", ["Not so,"], "no closing mark before the next quote"),
]


@pytest.mark.parametrize(("text", "expected", "warning"), BROKEN)
def test_broken_marks_lose_only_the_broken_quote(text: str, expected: list[str], warning: str) -> None:
    found = find_quote_spans(text)
    assert texts(text) == expected
    assert any(warning in w.message for w in found.warnings)


def test_marks_inside_markup_are_ignored() -> None:
    text = '<tweet id="123" author="@x">Hello "world"</tweet>'
    assert texts(text) == ["world"]


def test_roles_from_flanks() -> None:
    roles = [(m.char, m.role) for m in find_marks('a "b" c ”d” ‘e’')]
    assert roles == [
        ('"', "open"),
        ('"', "close"),
        ("”", "open"),
        ("”", "close"),
        ("‘", "open"),
        ("’", "close"),
    ]


# Bad input: each completes in one pass (bounded time and memory) with sane output.
def test_five_hundred_marks() -> None:
    text = " ".join(f"He said “word {i}” and" for i in range(250))
    spans = find_quote_spans(text).spans
    assert len(spans) == 250
    assert all(s.depth == 0 for s in spans)


def test_no_closing_marks_at_all() -> None:
    text = "\n".join(f"Line {i} says “something without an end" for i in range(300))
    found = find_quote_spans(text)
    assert all(text[s.start : s.end].startswith("something") for s in found.spans)
    assert len(found.warnings) == 300


def test_one_megabyte_paragraph() -> None:
    text = ("word " * 50 + "“quoted words here” ") * 3800  # ~1 MB, no paragraph break
    assert len(text) > 1_000_000
    spans = find_quote_spans(text).spans
    assert len(spans) == 3800
    assert {text[s.start : s.end] for s in spans} == {"quoted words here"}
