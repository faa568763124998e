"""Quote speakers and fact asserters resolved to corpus entities."""

from __future__ import annotations

import pytest

from newstrace.link.identity import canonical_speaker, resolve_identities, speaker_names
from newstrace.model import Article, ArticleFindings, Entity, EntityRef, Fact, Quote, Span

ENTITIES = (
    Entity("e-doherty", "Michael Doherty", "PER", ("Michael Doherty", "Doherty"), (EntityRef("a1", 0, 15),)),
    Entity("e-reyes", "Ana Reyes", "PER", ("Ana Reyes",), (EntityRef("a1", 40, 49), EntityRef("a2", 5, 14))),
    Entity("e-health", "Health Ministry", "ORG", ("Health Ministry",), (EntityRef("a1", 60, 75),)),
    Entity("e-dea", "Drug Enforcement Administration", "ORG", ("DEA",), (EntityRef("a4", 0, 31),)),
    Entity("e-tower", "Trump Tower", "FAC", ("Trump Tower",), (EntityRef("a1", 80, 91),)),
    Entity("e-kim-1", "Lee Kim", "PER", ("Lee Kim",), (EntityRef("a3", 0, 7),)),
    Entity("e-kim-2", "Sam Kim", "PER", ("Sam Kim",), (EntityRef("a3", 20, 27),)),
)


def _quote(article: str, speaker: str | None, mention: tuple[int, int] | None = None) -> Quote:
    span = Span(*mention, "x") if mention else None
    return Quote("q", article, 100, 110, "words", "direct", speaker, span, "said", None)


def _resolve(quote: Quote) -> str | None:
    article = Article(quote.article, "d", 0, "s", None, None, None, None, "t")
    ids = resolve_identities([ArticleFindings(article, quotes=(quote,))], ENTITIES)
    return ids.speakers.get(quote.id)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (_quote("a1", "Michael Doherty", (0, 15)), "e-doherty"),  # by its mention
        (_quote("a1", "Doherty", (200, 207)), "e-doherty"),  # an alias of the entity
        (_quote("a1", "doherty"), "e-doherty"),  # case does not matter
        (_quote("a2", "Reyes"), "e-reyes"),  # a lone surname finds the one person of that name
        (_quote("a1", "Health Ministry"), "e-health"),  # an organisation speaks
        (_quote("a1", "Trump Tower", (80, 91)), None),  # a building never speaks
        (_quote("a3", "Kim"), None),  # two people share the surname: no guess
        (_quote("a2", "Doherty"), None),  # Doherty is not mentioned in a2
        (_quote("a1", None), None),
        (_quote("a1", "Lee Park", (30, 55)), None),  # a long mention that names Ana Reyes too
        (_quote("a1", "Ana", (30, 55)), "e-reyes"),  # the name inside it is the speaker's
    ],
)
def test_speaker_entity(quote: Quote, expected: str | None) -> None:
    assert _resolve(quote) == expected


def test_asserter_entity_by_name() -> None:
    article = Article("a1", "d", 0, "s", None, None, None, None, "t")
    facts = tuple(
        Fact(f"f{i}", "a1", 3.0, "deaths", 0, 1, "3", None, None, who, False)
        for i, who in enumerate(("Health Ministry", "the police", None))
    )
    ids = resolve_identities([ArticleFindings(article, facts=facts)], ENTITIES)
    assert ids.asserters == {"f0": "e-health"}


@pytest.mark.parametrize(
    ("quote", "name"),
    [
        (_quote("a1", "Doherty", (200, 207)), "Michael Doherty"),  # a surname gets the corpus's full name
        (_quote("a1", "Mr. Doherty", (0, 15)), "Michael Doherty"),  # by its mention
        (_quote("a2", "Reyes"), "Ana Reyes"),
        (_quote("a1", "Health Ministry"), None),  # an organisation keeps the article's name for it
        (_quote("a4", "DEA"), "Drug Enforcement Administration"),  # but an acronym is spelled out
        (_quote("a3", "Kim"), None),  # two people share the surname: the article's name stays
    ],
)
def test_speaker_takes_the_corpus_name_of_its_person(quote: Quote, name: str | None) -> None:
    article = Article(quote.article, "d", 0, "s", None, None, None, None, "t")
    ids = resolve_identities([ArticleFindings(article, quotes=(quote,))], ENTITIES)
    assert canonical_speaker(quote, ids, speaker_names(ENTITIES)) == (name or quote.speaker)
