"""Descriptions that stand for someone named before: an age, the noun for a kind of body."""

from __future__ import annotations

import pytest

from newstrace.analyze.quotes.descriptions import aged_name, described_referent
from newstrace.model import Span
from tests.analyze.quotes.test_coref import at, coref_of

PEOPLE = {
    "Lena Marsh": "PERSON",
    "Marsh": "PERSON",
    "Omar Haddad": "PERSON",
    "Haddad": "PERSON",
    "Kestrel": "PERSON",  # a firm NER took for a person: a one-word name only
}
ORGS = {
    "Harbour Board": "ORG",
    "Valdoria": "GPE",
    "Tide Records": "ORG",
    "Northwind Studios": "ORG",
}

AGES = [  # (text, the head word's occurrence, expected)
    ("Lena Marsh will lead the board. Marsh met Omar Haddad on Monday. The 56-year-old said she was glad.",
     "Lena Marsh"),  # the person the lead names, not the one named last
    ("Omar Haddad spoke first. Then Lena Marsh took the floor. The 41-year-old said it was time.",
     "Omar Haddad"),
    ("Lena Marsh left Kestrel in May. The 56-year-old said she was glad.", "Lena Marsh"),
    ("Kestrel grew fast last year. The 30-year-old said it was time.", None),  # no full name
    ("Lena Marsh spoke. " + "The board met again and again. " * 30 + "The 56-year-old said so.",
     None),  # named too far back: the text has moved on
    ("Lena Marsh spoke. The old man said so.", None),  # no age
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_an_age_stands_for_the_person_the_story_is_about(text: str, expected: str | None) -> None:
    coref = coref_of(text, PEOPLE)
    found = described_referent("old", at(text, "old"), coref)
    assert (found.name if found else None) == expected
    assert found is None or found.kind == "PER"


BODIES = [  # (text, head word, expected)
    ("Tide Records denied the report. At the time, the company said it was false.", "company",
     "Tide Records"),
    ("Harbour Board met in Valdoria. Later the agency said it would wait.", "agency", "Harbour Board"),
    ("Tide Records sued Northwind Studios. The studio said it would fight.", "studio",
     "Northwind Studios"),
    ("Valdoria announced new rules. The agency said so.", "agency", None),  # a country is no agency
    ("Tide Records denied it. " + "Fans waited for weeks. " * 40 + "The company said no.", "company",
     None),  # named too far back
    ("Tide Records denied it. The government said it would look.", "government", None),  # not a body noun
    ("“Tide Records is wrong,” she wrote. The company said nothing.", "company", None),  # a quoted name
]  # fmt: skip


@pytest.mark.parametrize(("text", "head", "expected"), BODIES)
def test_a_body_noun_stands_for_the_organisation_named_before(
    text: str, head: str, expected: str | None
) -> None:
    quoted = [text[text.index("“") : text.index("”") + 1]] if "“" in text else []
    coref = coref_of(text, PEOPLE | ORGS, quoted)
    found = described_referent(head, at(text, head), coref)
    assert (found.name if found else None) == expected


MESSAGES = [  # (text, expected): who "the statement" at the end of the text is
    ("Lena Marsh sued Tide Records. The company denied it in a statement on Friday. "
     "The statement said she was wrong.", "Tide Records"),
    ("Lena Marsh sued Tide Records. The record label issued a statement at once. "
     "The statement said she was wrong.", "Tide Records"),
    ("Lena Marsh sued Tide Records. The singer replied in a statement on Friday. "
     "The statement said they were wrong.", None),  # a person's description: not a body
    ("Lena Marsh sued Tide Records. The statement said she was wrong.", None),  # put out by no one
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MESSAGES)
def test_a_message_put_out_by_a_described_body_is_the_bodys(text: str, expected: str | None) -> None:
    coref = coref_of(text, PEOPLE | ORGS)
    found = described_referent("statement", text.rindex("statement"), coref)
    assert (found.name if found else None) == expected


AGED = [  # (text, mention, expected): a name and its age in apposition name a person
    ("Lena Marsh spoke first. Marsh, 41, told reporters it was time.", "Marsh, 41,", "Lena Marsh"),
    ("Marsh, 41, told reporters it was time.", "Marsh, 41,", "Marsh"),  # NER took it for a place
    ("Omar Haddad spoke. Haddad, 63, a teacher, said so.", "Haddad, 63,", "Omar Haddad"),
    ("Lena Marsh spoke. Marsh, the mayor, said so.", "Marsh, the mayor,", None),  # no age
    ("Lena Marsh spoke. Harbour Board, 2019, said so.", "Harbour Board, 2019,", None),  # a year, not an age
    ("Lena Marsh spoke. the board, 12, said so.", "the board, 12,", None),  # no name
]


@pytest.mark.parametrize(("text", "mention", "expected"), AGED)
def test_a_name_and_its_age_name_a_person(text: str, mention: str, expected: str | None) -> None:
    coref = coref_of(text, {"Lena Marsh": "PERSON", "Omar Haddad": "PERSON", "Haddad": "PERSON",
                            "Marsh": "GPE"})  # fmt: skip
    start = text.index(mention)
    found = aged_name(Span(start, start + len(mention), mention), coref)
    assert (found.name if found else None) == expected
    assert found is None or found.kind == "PER"
