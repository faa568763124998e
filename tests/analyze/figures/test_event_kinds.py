"""Accident and disaster kinds, and what a literal use of a trigger needs: each kind with a
(sentence, expected) table on invented text, and the metaphors, names, quotations and
hypotheticals that make no event."""

from __future__ import annotations

import re

import pytest

from newstrace.analyze.figures.event_kinds import EVENT_KINDS, literal_use
from newstrace.analyze.figures.events import find_event_mentions
from newstrace.analyze.figures.facts import find_facts
from newstrace.analyze.nlp import ArticleNLP, SpacyModel
from newstrace.model import Article, Quote

# (sentence, [(kind, category, mode)]), one or more per new kind
ACCIDENTS_AND_DISASTERS = [
    (
        "A helicopter crashed near Lakeport on Tuesday, killing four soldiers.",
        [("crash", "ACCIDENT", "vehicle")],
    ),
    ("Two trains collided outside Varna on Monday.", [("crash", "ACCIDENT", "vehicle")]),
    ("A fire broke out in a warehouse in Ostrava on Sunday.", [("fire", "ACCIDENT", "fire")]),
    ("A wildfire burned 4,000 acres near Redmont in August.", [("fire", "ACCIDENT", "wildfire")]),
    ("A gas explosion tore through a factory in Brno on Friday.", [("explosion", "ACCIDENT", "explosion")]),
    ("A bridge collapsed in Genoa on Tuesday.", [("collapse", "ACCIDENT", "structure")]),
    ("Flooding forced 3,000 residents out of Tarnow on Monday.", [("flood", "DISASTER", "flood")]),
    ("A magnitude 6.1 earthquake struck Izmir on Thursday.", [("earthquake", "DISASTER", "earthquake")]),
    ("Hurricane winds hit the coast of Belize on Saturday.", [("storm", "DISASTER", "hurricane")]),
    (
        "Health officials confirmed a measles outbreak in Samoa in November.",
        [("outbreak", "DISASTER", "disease")],
    ),
    # a named storm, which the recogniser takes for an organisation or a person, is the event itself
    ("Typhoon Kelmar made landfall near Port Ardo on Saturday.", [("storm", "DISASTER", "hurricane")]),
    ("Cyclone Anouk hit Beira in March.", [("storm", "DISASTER", "hurricane")]),
    ("Storm Maribel brought heavy rain to Varna on Sunday.", [("storm", "DISASTER", "storm")]),
    # a lowercase trigger the recogniser took into an airline's name; the dead of a crash were not killed
    ("The Zephyr Airlines crash killed 157 people in March.", [("crash", "ACCIDENT", "vehicle")]),
    # an attacker makes the blast an attack
    ("A bomb explosion killed three people in Quetta on Monday.", [("killing", "ASSAULT", "kill"),
                                                                     ("attack", "ASSAULT", "explosives")]),
]  # fmt: skip
# sentences with a trigger word and an anchor (a date or a place), yet no event of that word
NOT_LITERAL = [
    ("The minister came under fire in Paris on Monday.", "fire"),  # a metaphor
    ("Critics called it a perfect storm for Lisbon on Friday.", "storm"),  # a metaphor
    ("The collapse of talks in Vienna on Monday surprised few.", "collapse"),  # no structure collapses
    ("She took a crash course in Madrid in May.", "crash"),  # a phrase
    ("The lady doth protest too much, he wrote in Rome on Sunday.", "protest"),  # an idiom
    ("A flood of letters reached Oslo on Monday.", "flood"),  # a metaphor
    ("The market crash in Tokyo on Monday worried traders.", "crash"),  # no vehicle
    ("The Lakeport Fire Department opened a station on Monday.", "fire"),  # a name
    ("The rebels could attack Kandar on Friday.", "attack"),  # hypothetical
    ("If the dam bursts in Ostrava on Monday, the flood would reach the town.", "flood"),  # hypothetical
    ("An explosion in sales lifted Brno shares on Monday.", "explosion"),  # a metaphor
    ("The old actor died in Nice on Sunday.", "killing"),  # a death with no violence
    ("Two patients died of measles in Samoa on Monday.", "killing"),  # the outbreak's dead
    ("Plague is a disease that fleas carry across Mongolia.", "outbreak"),  # generic: what it is
    ("Cholera remains a threat in Yemen, officials warned.", "outbreak"),  # a disease named, no cases
    ("He threatened to kill the mayor of Albany on Monday.", "killing"),  # an aim, not a deed
    ("Stocks rallied in Tokyo on Monday.", "protest"),  # a market's rally
    ("The Wolves rallied to beat Denver on Sunday.", "protest"),  # a team's rally
    ("Officers executed a search warrant in Tulsa on Friday.", "execution"),  # another sense
    ("He suffered a cardiac arrest in Paris on Monday.", "arrest"),  # a medical term
    ("She talks to voters in Iowa on Monday.", "meeting"),  # the verb "talks"
    ("The senator killed the bill in Albany on Monday.", "killing"),  # no one killed
    ("The mayor said in Lyon on Monday that protests never help.", "protest"),  # the date is the saying's
    ("The envoy resigned in protest in Lyon on Monday.", "protest"),  # the manner of a resignation
    ("Fans poured into the streets of Lyon on Monday.", "protest"),  # a crowd, no one protesting
    # what a protection guards against has not come
    ("Air patrols gave the camp protection against airstrikes in Idlib on Monday.", "attack"),
    ("New levees protect Tarnow from floods, officials said on Monday.", "flood"),
    # a claim judged, not an occasion of speaking
    ("We rate the statement Mostly True, the editors wrote in Tampa on Monday.", "statement"),
]
LITERAL = [
    ("Thousands rallied in Port Meridian on Sunday.", "protest"),
    ("Dock workers went on strike in Gdansk on Monday.", "protest"),
    ("Two prisoners were executed in Tabriz on Monday.", "execution"),
    ("The leaders held talks in Geneva on Friday.", "meeting"),
    # the stock phrase for a crowd protesting
    ("Students took to the streets of Varna on Monday, chanting slogans.", "protest"),
    ("Activists went back into the streets of Lisbon in May.", "protest"),
    # a statement introduced as the occasion of someone's words needs no other anchor
    ("The company denied the allegations in a statement shared to its website.", "statement"),
    ("The agency said in a separate statement that it had closed the office.", "statement"),
    # "in protests" is the event; only "in protest" (the manner of a deed) is not
    ("Chants rang out in protests across five provinces in January 2020.", "protest"),
]


def _article(text: str) -> Article:
    return Article("a1", "d1", 0, "t.txt", None, None, "2021-03-08", None, text)


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), ACCIDENTS_AND_DISASTERS)
def test_accident_and_disaster_kinds(
    spacy_model: SpacyModel, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    nlp = ArticleNLP(spacy_model, sentence)
    found = find_event_mentions(_article(sentence), nlp, find_facts(_article(sentence), nlp))
    assert sorted((e.kind, e.category, e.mode) for e in found) == sorted(expected)


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "kind"), NOT_LITERAL)
def test_no_event_without_a_literal_use(spacy_model: SpacyModel, sentence: str, kind: str) -> None:
    nlp = ArticleNLP(spacy_model, sentence)
    found = find_event_mentions(_article(sentence), nlp, find_facts(_article(sentence), nlp))
    assert kind not in [e.kind for e in found]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "kind"), LITERAL)
def test_literal_uses_of_words_with_other_senses(spacy_model: SpacyModel, sentence: str, kind: str) -> None:
    nlp = ArticleNLP(spacy_model, sentence)
    found = find_event_mentions(_article(sentence), nlp, find_facts(_article(sentence), nlp))
    assert kind in [e.kind for e in found]


@pytest.mark.slow
def test_a_quoted_report_of_an_accident_is_an_event(spacy_model: SpacyModel) -> None:
    text = "“The bridge collapsed in Genoa on Tuesday,” the mayor said."
    quote = Quote("q", "a1", 1, 40, text[1:40], "direct", "the mayor", None, "said", None)
    found = find_event_mentions(_article(text), ArticleNLP(spacy_model, text), quotes=[quote])
    assert [e.kind for e in found] == ["collapse"]


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("crash", "The plane crashed on landing.", True),
        ("crash", "Shares crashed on Monday.", False),
        ("collapse", "The roof collapsed under the snow.", True),
        ("collapse", "The coalition collapsed on Monday.", False),
        ("outbreak", "An outbreak of cholera spread through the camp.", True),
        ("outbreak", "The outbreak of war stunned the city.", False),
    ],
)
def test_literal_use_needs_a_fitting_participant(kind: str, sentence: str, expected: bool) -> None:
    event_kind = next(k for k in EVENT_KINDS if k.name == kind)
    trigger = re.search(r"\b(?:" + event_kind.triggers + ")", sentence, re.IGNORECASE)
    assert trigger is not None
    assert literal_use(event_kind, sentence, trigger) is expected


@pytest.mark.slow
def test_a_definite_description_refers_back_to_a_told_event(spacy_model: SpacyModel) -> None:
    text = "A helicopter crashed in Logar on Wednesday. The crash came a day after a prisoner swap in Kabul."
    nlp = ArticleNLP(spacy_model, text)
    found = find_event_mentions(_article(text), nlp, find_facts(_article(text), nlp))
    assert [e.kind for e in found] == ["crash", "crash"]
    alone = (
        "The crash came a day after a prisoner swap in Kabul."  # nothing told before: no vehicle, no event
    )
    assert find_event_mentions(_article(alone), ArticleNLP(spacy_model, alone)) == []
