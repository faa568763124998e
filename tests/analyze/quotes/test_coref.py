"""Rule-based coreference for speakers: names, pronouns, titles and message sources."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from newstrace.analyze.quotes.coref import Coreference, NamedMention, name_key


def coref_of(text: str, names: dict[str, str], quoted: Sequence[str] = ()) -> Coreference:
    """A Coreference over ``text`` with every occurrence of each name as an NER mention."""
    mentions = [
        NamedMention(m.start(), m.end(), m.group(0), label)
        for name, label in names.items()
        for m in re.finditer(re.escape(name) + r"(?![\w])", text)
    ]
    # a shorter name inside a longer one is not a mention of its own (NER gives the longer)
    mentions = [
        m for m in mentions if not any(o.start <= m.start and m.end <= o.end and o != m for o in mentions)
    ]
    spans = [(text.index(q), text.index(q) + len(q)) for q in quoted]
    return Coreference(text, mentions, spans)


def at(text: str, word: str, nth: int = 0) -> int:
    return [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)][nth]


def test_longest_name_form_is_canonical() -> None:
    text = "Supreme Leader Ali Khamenei spoke. Later Khamenei said more."
    coref = coref_of(text, {"Ali Khamenei": "PERSON", "Khamenei": "PERSON"})
    found = coref.referent_at(at(text, "Khamenei", 1), at(text, "Khamenei", 1) + 8)
    assert found is not None and found.name == "Ali Khamenei"


def test_first_full_form_is_canonical_among_equally_long_ones() -> None:
    text = "Tim Cook spoke. Cook smiled. Hosting Cook, the firm grew. Cook left."  # NER glued "Hosting" on
    coref = coref_of(text, {"Tim Cook": "PERSON", "Hosting Cook": "PERSON", "Cook": "PERSON"})
    found = coref.referent_at(at(text, "Cook", 3), at(text, "Cook", 3) + 4)
    assert found is not None and found.name == "Tim Cook"


def test_short_form_joins_nearest_compatible_full_name() -> None:
    text = "Hillary Clinton met Bill Clinton. Later Mrs. Clinton spoke and Clinton left."
    coref = coref_of(text, {"Hillary Clinton": "PERSON", "Bill Clinton": "PERSON", "Clinton": "PERSON"})
    last = at(text, "Clinton", 3)
    found = coref.referent_at(last, last + 7)
    assert found is not None and found.name == "Bill Clinton"  # the nearest one before


PRONOUNS = [
    ("Ali Karimi arrived. He spoke.", "He", "Ali Karimi"),
    ("Mrs. Lena Marsh met Omar Haddad. She spoke.", "She", "Lena Marsh"),
    ("Mr. Tomas Reyes met Ms. Ada Kwan. He left.", "He", "Tomas Reyes"),
    ("In it, he called for calm. Ali Khamenei spoke on Sunday.", "he", "Ali Khamenei"),  # cataphora
    (  # a one-word "person" with nothing personal about it (a firm NER mislabelled) comes after a full name
        "Chris Early of Kestrel spoke. Kestrel makes games. Sales grew. Prices fell. He smiled.",
        "He",
        "Chris Early",
    ),
    # the object of a verb right after the subject's name is not what a pronoun picks up
    ("Omar Haddad told Ali Karimi the plan. He smiled.", "He", "Omar Haddad"),
    ("Ada Kwan thanked Lena Marsh warmly. She left.", "She", "Ada Kwan"),
]


@pytest.mark.parametrize(("text", "pronoun", "expected"), PRONOUNS)
def test_pronouns_resolve_to_a_compatible_person(text: str, pronoun: str, expected: str) -> None:
    names = dict.fromkeys(
        (
            "Ali Karimi",
            "Lena Marsh",
            "Omar Haddad",
            "Tomas Reyes",
            "Ada Kwan",
            "Ali Khamenei",
            "Chris Early",
            "Kestrel",
        ),
        "PERSON",
    )
    coref = coref_of(text, names)
    found = coref.resolve_pronoun(pronoun, at(text, pronoun))
    assert found is not None and found.name == expected


def test_names_inside_quotations_are_not_antecedents() -> None:
    text = "Lena Marsh spoke. “I met Omar Haddad,” she said."
    coref = coref_of(text, {"Lena Marsh": "PERSON", "Omar Haddad": "PERSON"}, quoted=["I met Omar Haddad,"])
    found = coref.resolve_pronoun("she", at(text, "she"))
    assert found is not None and found.name == "Lena Marsh"


NOMINALS = [
    ("Ali Karimi, the governor, met the press. Later the governor spoke.", "governor", "Ali Karimi"),
    ("The governor, Ali Karimi, met the press. Later the governor spoke.", "governor", "Ali Karimi"),
    ("Supreme Leader Ali Khamenei met students. The supreme leader spoke.", "leader", "Ali Khamenei"),
    ("Sen. Lena Marsh arrived. The senator spoke.", "senator", "Lena Marsh"),
]


@pytest.mark.parametrize(("text", "head", "expected"), NOMINALS)
def test_nominals_resolve_to_the_titled_person(text: str, head: str, expected: str) -> None:
    coref = coref_of(text, {"Ali Karimi": "PERSON", "Ali Khamenei": "PERSON", "Lena Marsh": "PERSON"})
    found = coref.resolve_nominal(head, text.rindex(head))
    assert found is not None and found.name == expected


def test_message_noun_resolves_to_its_source() -> None:
    text = "It cited a recent report from the Erja news website, which is close to him. The report stated: x."
    coref = coref_of(text, {"Erja": "ORG"})
    found = coref.resolve_nominal("report", text.rindex("report"))
    assert found is not None and found.name == "Erja news website"


MESSAGE_SOURCES = [
    # (text, what the last "statement" resolves to): a date after "statement of" is no source
    ("Vint opened with a statement of Tuesday night's debate. The statement said: x.", None),
    ("It read a statement from the Harbour Board to the press. The statement said: x.", "Harbour Board"),
    # who issued or released the message is its source
    ("On Monday, the Harbour Board issued a statement on fees. The statement said: x.", "Harbour Board"),
    ("Vint released a statement. The statement, obtained by reporters, said: x.", "Vint"),
]


@pytest.mark.parametrize(("text", "expected"), MESSAGE_SOURCES)
def test_a_message_source_is_never_a_date(text: str, expected: str | None) -> None:
    coref = coref_of(text, {"Vint": "PERSON", "Tuesday night": "TIME", "the Harbour Board": "ORG"})
    found = coref.resolve_nominal("statement", text.rindex("statement"))
    assert (found.name if found else None) == expected


def test_committee_resolves_to_an_organisation_with_that_word() -> None:
    text = "The Democratic National Committee met. The committee said no."
    coref = coref_of(text, {"The Democratic National Committee": "ORG"})
    found = coref.resolve_nominal("committee", text.rindex("committee"))
    assert found is not None and found.name == "Democratic National Committee" and found.kind == "ORG"


def test_they_resolves_to_the_nearest_crowd() -> None:
    text = "Thousands of protesters marched to the square. They chanted slogans."
    found = coref_of(text, {}).resolve_pronoun("They", at(text, "They"))
    assert found is not None and (found.name, found.kind) == ("protesters", "GROUP")


def test_unresolvable_mentions_give_none() -> None:
    coref = coref_of("Nobody is named here. He spoke.", {})
    assert coref.resolve_pronoun("He", 22) is None
    assert coref.resolve_nominal("minister", 22) is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Mr. Trump", ["Trump"]),
        ("Khamenei’s", ["Khamenei"]),
        ("Sen. Ted Cruz", ["Ted", "Cruz"]),
        ("Ali Karimi", ["Ali", "Karimi"]),
    ],
)
def test_name_key(name: str, key: list[str]) -> None:
    assert name_key(name) == key
