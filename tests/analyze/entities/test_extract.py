"""The entities step on small fictional texts: aliases the text defines, short names, places, events."""

from __future__ import annotations

import pytest

from newstrace.analyze import AnalyzeOptions, Analyzer, EntityOptions
from newstrace.analyze.entities.extract import entity_at, find_entities, ner_mentions
from newstrace.analyze.entities.gazetteer import Gazetteer, build_gazetteer
from newstrace.analyze.nlp import SpacyModel
from newstrace.model import Article, ArticleEntity
from newstrace.text.date_mentions import find_date_mentions

pytestmark = pytest.mark.slow  # spaCy and the gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return build_gazetteer()


def entities(
    spacy_model: SpacyModel, gaz: Gazetteer, text: str, published: str | None = "2021-05-01"
) -> list[ArticleEntity]:
    article = Article("a1", "d1", 0, "test.txt", None, None, published, None, text)
    found = find_entities(
        article,
        ner_mentions(spacy_model.entities(text)),
        find_date_mentions(article),
        gaz,
        common=spacy_model.common_words(),
    )
    for entity in found:  # every mention points at its own words
        assert all(text[m.start : m.end] == m.text for m in entity.mentions)
    return found


def with_alias(found: list[ArticleEntity], alias: str) -> ArticleEntity:
    [entity] = [e for e in found if alias in e.aliases]
    return entity


def test_acronym_definition_with_slash(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = (
        "The strike was called by the Ostrava Nurses Federation (ONF/Sindikat), a union founded in 2018. "
        "ONF leaders said the talks had failed. Sindikat organisers marched on Monday."
    )
    federation = with_alias(entities(spacy_model, gaz, text), "ONF")
    assert federation.name == "Ostrava Nurses Federation"
    assert federation.kind == "ORG"
    assert {"Ostrava Nurses Federation", "ONF", "Sindikat", "ONF/Sindikat"} <= set(federation.aliases)
    assert len(federation.mentions) >= 4


def test_acronym_without_definition_joins_its_initials(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = (
        "Fighters of the Northern Liberation Front crossed the river. "
        "Officials said the NLF had lost dozens of men in the fighting."
    )
    front = with_alias(entities(spacy_model, gaz, text), "NLF")
    assert "Northern Liberation Front" in front.aliases


def test_short_name_of_a_person(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = (
        "Health Minister Irena Dobrev defended the plan on Monday. Dobrev told reporters it would save money."
    )
    dobrev = with_alias(entities(spacy_model, gaz, text), "Dobrev")
    assert dobrev.name == "Irena Dobrev" and dobrev.kind == "PER"


def test_people_sharing_a_surname_stay_apart(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = (
        "Maria Lenk, the mayor, met her brother Pavel Lenk, a judge, on Friday. "
        "Lenk said nothing was agreed. Maria Lenk left early."
    )
    found = entities(spacy_model, gaz, text)
    maria, pavel = with_alias(found, "Maria Lenk"), with_alias(found, "Pavel Lenk")
    assert maria is not pavel
    assert "Lenk" not in maria.aliases and "Lenk" not in pavel.aliases


def test_honorific_in_parentheses(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = (
        "President Augustin Morel spoke first. A statement said that His Excellency (Morel) "
        "would not resign, and Morel repeated it later."
    )
    morel = with_alias(entities(spacy_model, gaz, text), "His Excellency")
    assert morel.name == "Augustin Morel"
    assert {"Morel", "Augustin Morel"} <= set(morel.aliases)


def test_places_demonyms_and_official_names(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = (
        "Iranian exiles marched in Paris on Sunday. Iran rejected the criticism, and Tehran said the "
        "Islamic Republic would not change course. Many Iranians abroad disagreed."
    )
    found = entities(spacy_model, gaz, text)
    iran = with_alias(found, "Iran")
    assert iran.kind == "GPE" and "Islamic Republic" in iran.aliases and iran.geo is not None
    assert iran.geo.country == "IR" and iran.geo.geonameid == 130758
    paris = with_alias(found, "Paris")
    assert paris.geo is not None and paris.geo.country == "FR"
    tehran = with_alias(found, "Tehran")
    assert tehran is not iran and tehran.geo is not None and tehran.geo.admin1 == "Tehran"
    people = with_alias(found, "Iranians")
    assert people.kind == "NORP" and "Iranian" in people.aliases and "Iran" not in people.aliases
    assert people.geo is not None and people.geo.country == "IR"


def test_dated_events_join_within_an_article(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = (
        "The nationwide strike in March 2021 closed every hospital. Organisers of the March strike "
        "say the 2019 uprising taught them patience."
    )
    found = entities(spacy_model, gaz, text)
    strike = with_alias(found, "nationwide strike in March 2021")
    assert strike.kind == "EVENT" and strike.date == "2021-03"
    assert "March strike" in strike.aliases
    uprising = with_alias(found, "2019 uprising")
    assert uprising is not strike and uprising.date == "2019"


EVENT_DATE_FORMS = [
    (  # a range holds the month and the year mentions: one wave of protests under four date forms
        "The 2009/2010 protests shook the council. Students who marched in the December 2009 "
        "protests were arrested. Many had joined protests in January 2010. The 2010 protests were "
        "the largest in decades.",
        [{"2009/2010 protests", "December 2009 protests", "protests in January 2010", "2010 protests"}],
    ),
    (  # two waves, no range over them: two events
        "The 2011 protests and the 2014 protests were both put down by the army.",
        [{"2011 protests"}, {"2014 protests"}],
    ),
    (  # a bare plural with a date describes, unless a definite mention names that event
        "There were countless protests in 2018 across the region.",
        [],
    ),
    (
        "The March 2018 protests spread fast. Witnesses said protests in March 2018 drew thousands.",
        [{"March 2018 protests", "protests in March 2018"}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_DATE_FORMS)
def test_one_event_under_several_date_forms(
    spacy_model: SpacyModel, gaz: Gazetteer, text: str, expected: list[set[str]]
) -> None:
    found = entities(spacy_model, gaz, text, published="2021-05-01")
    events = [set(e.aliases) for e in found if e.kind == "EVENT"]
    assert sorted(events, key=sorted) == sorted(expected, key=sorted)


# (text, names that must be aliases of one entity, its kind or None): the forms unseen pages use.
NAME_FORMS = [
    (  # a romanised name goes on across its particles, and its acronym skips them
        "Fighters of Harakat al-Shabaab al-Mujahideen attacked a base on Tuesday. HSM has carried out "
        "similar raids before.",
        {"Harakat al-Shabaab al-Mujahideen", "HSM"},
        None,
    ),
    ("The al-Shabab group said in a statement that it would continue.", {"al-Shabab"}, "ORG"),
    (  # a romanised word of a longer name, spelt another way, stands for it
        "Fighters of Harakat al-Shabaab al-Mujahideen (HSM) attacked a base. A spokesman for "
        "al-Shabab said the group would go on.",
        {"Harakat al-Shabaab al-Mujahideen", "HSM", "al-Shabab"},
        "ORG",
    ),
    (  # a group's name before "party" or "movement" is an organisation's (its members' plural
        # joins it across the corpus: tests/link/test_aliases.py)
        "The Baath party once ruled the country, and Baathists still hold posts in the army.",
        {"Baath", "Baath party"},
        "ORG",
    ),
    (  # an organisation's name goes on after its head noun with "of" and a name
        "Valdoria's neighbours worry. The Democratic Front of Valdoria said it would join the talks.",
        {"Democratic Front of Valdoria"},
        "ORG",
    ),
]


@pytest.mark.parametrize(("text", "together", "kind"), NAME_FORMS)
def test_name_forms_of_unseen_pages(
    spacy_model: SpacyModel, gaz: Gazetteer, text: str, together: set[str], kind: str | None
) -> None:
    found = entities(spacy_model, gaz, text)
    [entity] = [e for e in found if together & set(e.aliases)]
    assert together <= {entity.name, *entity.aliases}
    assert kind is None or entity.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "The Commander (Lopez) said the army would not retreat. Lopez later left the city.",
        "Officers said the Commander (Lopez) would not retreat.",
    ],
)
def test_a_title_glossed_by_a_name_is_that_person(spacy_model: SpacyModel, gaz: Gazetteer, text: str) -> None:
    person = with_alias(entities(spacy_model, gaz, text), "Commander")
    assert (person.kind, person.name, set(person.aliases)) == ("PER", "Lopez", {"Commander", "Lopez"})


def test_two_initials_do_not_join_a_person(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    found = entities(spacy_model, gaz, "Ursula Nash spoke first. The UN said the talks would go on.")
    assert not any({"Ursula Nash", "UN"} <= set(e.aliases) for e in found)


def test_entity_at_finds_the_speaker(spacy_model: SpacyModel, gaz: Gazetteer) -> None:
    text = "Viktor Halloran, chairman of the council, spoke. Halloran said the talks would go on."
    found = entities(spacy_model, gaz, text)
    start = text.index("Halloran said")
    entity = entity_at(found, start, start + len("Halloran"))
    assert entity is not None and entity.name == "Viktor Halloran"
    assert entity_at(found, 0, 0) is None


def test_ten_thousand_capitalised_words_give_a_bounded_result(
    spacy_model: SpacyModel, gaz: Gazetteer
) -> None:
    words = ["Alpha", "Bravo", "Council", "Summit", "Paris", "NATO", "Lenk"]
    text = " ".join(
        f"{words[i % len(words)]}{i % 13}" if i % 3 else words[i % len(words)] for i in range(10_000)
    )
    article = Article("a1", "d1", 0, "caps.txt", None, None, None, None, text)
    limit = EntityOptions(max_mentions=500)
    found = find_entities(article, ner_mentions(spacy_model.entities(text)), [], gaz, limit)
    assert sum(len(e.mentions) for e in found) <= limit.max_mentions
    assert all(text[m.start : m.end] == m.text for e in found for m in e.mentions)


def test_registered_steps_run_in_order_without_errors() -> None:
    analyzer = Analyzer(AnalyzeOptions())
    assert [s.name for s in analyzer.steps][:2] == ["dates", "entities"]
    text = (
        "It happened on February 30, 2020 (or so (they (say))). "
        "NATO (North Atlantic Treaty Organization) met."
    )
    result = analyzer.analyze(Article("a1", "d1", 0, "bad.txt", None, None, "2020-06-05", None, text))
    assert result.errors == ()
    assert [d.value for d in result.dates if d.text.startswith("February")] == [None]
    nato = with_alias(list(result.entities), "NATO")
    assert "North Atlantic Treaty Organization" in nato.aliases


# (text, forms that must be one entity, forms that must not): names glossed in parentheses.
GLOSSES = [
    (
        "Fighters of the Northern Caliphate (Dawla) attacked the town. Dawla later withdrew.",
        {"Northern Caliphate", "Dawla"},
        set(),
    ),
    ("Hezbollah (Party of God) fighters crossed the border.", {"Hezbollah", "Party of God"}, set()),
    (  # a title standing for a person's name is that person's
        "The rebels obeyed the Commander (Lopez) without question. Lopez later fled.",
        {"Commander", "Lopez"},
        set(),
    ),
    (
        "The report was written by Lena Marsh (Reuters) and checked by editors in London.",
        set(),
        {"Lena Marsh", "Reuters"},
    ),
    (
        "Voters in Springfield (Illinois) went to the polls.",
        set(),
        {"Springfield", "Illinois"},
    ),
]


@pytest.mark.parametrize(("text", "together", "apart"), GLOSSES)
def test_parenthesised_glosses(
    spacy_model: SpacyModel, gaz: Gazetteer, text: str, together: set[str], apart: set[str]
) -> None:
    found = entities(spacy_model, gaz, text)
    if together:
        assert any(together <= set(e.aliases) for e in found)
    assert not any(len(apart & set(e.aliases)) > 1 for e in found)
