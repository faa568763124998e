"""Names the NER labelled once are found again where the text repeats them."""

from __future__ import annotations

import pytest

from newstrace.analyze.quotes.coref import NamedMention
from newstrace.analyze.quotes.repeated_names import with_repeated_names


def labelled(text: str, names: dict[str, str]) -> list[NamedMention]:
    """The first occurrence of each name, as the only NER mention of it."""
    return [NamedMention(text.index(n), text.index(n) + len(n), n, label) for n, label in names.items()]


REPEATS = [
    # a person's surname repeated alone, where the NER missed it
    ("Pat Simmons sang. Simmons teed up the encore.", {"Pat Simmons": "PERSON"}, [("Simmons", "PERSON")]),
    # an organisation's name repeated
    ("Big Machine spoke. Big Machine have denied it.", {"Big Machine": "ORG"}, [("Big Machine", "ORG")]),
    # the possessive and the article are not part of the name found again
    ("The Orbis Co's chief spoke. Orbis Co denied it.", {"The Orbis Co's": "ORG"}, [("Orbis Co", "ORG")]),
    # a surname two people share is ambiguous: not repeated
    ("Ann Reyes met Tom Reyes. Reyes spoke.", {"Ann Reyes": "PERSON", "Tom Reyes": "PERSON"}, []),
    # only whole words: "Simmonsville" is not Simmons
    ("Patrick Simmons sang in Simmonsville.", {"Patrick Simmons": "PERSON"}, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "names", "expected"), REPEATS)
def test_repeated_names_are_found_again(
    text: str, names: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    mentions = labelled(text, names)
    added = [m for m in with_repeated_names(text, mentions) if m not in mentions]
    assert [(m.text, m.label) for m in added] == expected
    assert all(text[m.start : m.end] == m.text for m in added)


def test_a_name_inside_a_labelled_one_is_not_repeated() -> None:
    text = "Ann Cole spoke. The Cole Center opened."
    mentions = labelled(text, {"Ann Cole": "PERSON", "Cole Center": "FAC"})
    assert with_repeated_names(text, mentions) == sorted(mentions, key=lambda m: m.start)


def test_a_name_given_two_labels_is_not_repeated() -> None:
    text = "Kestrel spoke. Then Kestrel sang. Kestrel left."
    first, second = text.index("Kestrel"), text.index("Kestrel", 1)
    mentions = [
        NamedMention(first, first + 7, "Kestrel", "ORG"),
        NamedMention(second, second + 7, "Kestrel", "PERSON"),
    ]
    assert with_repeated_names(text, mentions) == mentions
