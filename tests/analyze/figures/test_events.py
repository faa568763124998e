"""Event mentions: kind, PLOVER category and mode, anchoring, and what is not an event report."""

from __future__ import annotations

import pytest

from newstrace.analyze.figures.events import find_event_mentions
from newstrace.analyze.figures.facts import find_facts
from newstrace.analyze.nlp import ArticleNLP, SpacyModel
from newstrace.model import Article, Quote
from newstrace.text.date_mentions import find_date_mentions, month_reference
from newstrace.text.dates import PartialDate

# (sentence, [(kind, category, mode)])
EVENTS = [
    (
        "Thousands of people marched through Port Meridian on Thursday.",
        [("protest", "PROTEST", "demonstrate")],
    ),
    ("Nurses in Ostrava held a three-day strike in March.", [("protest", "PROTEST", "strike")]),
    (
        "The Interior Ministry reported that 212 people had been arrested on Sunday.",
        [("arrest", "COERCE", "arrest")],
    ),
    (
        "The deaths of 1,500 people during the November 2019 uprising shocked Iran.",
        [("killing", "ASSAULT", "kill"), ("protest", "PROTEST", "demonstrate")],
    ),
    (
        "The minister defended the decree in a televised address on Wednesday.",
        [("statement", "STATEMENT", "speak")],
    ),
    ("Talks opened in Geneva on Friday.", [("meeting", "CONSULT", "meet")]),
    (
        "The authorities cut off the internet in Tehran in November 2019.",
        [("internet shutdown", "COERCE", "censor")],
    ),
    ("A bomb exploded near the embassy in Paris on Monday.", [("attack", "ASSAULT", "explosives")]),
]
NOT_EVENTS = [
    "If protests are deemed a threat, their organizers can be put to death.",  # hypothetical
    "The countless protests showed how deep the anger runs.",  # no anchor: no date, place, figure or name
    "No arrests were reported in Paris on Monday.",  # negated
    # a message that speaks is the source of words already reported, not a new occasion
    "The statement, which was obtained by the Kestrel Herald on Monday, claimed that talks had failed.",
    "Migrants in federal custody in Texas were denied flu shots on Monday.",  # a state, not an arrest
]


def _article(text: str, published: str | None = "2021-03-08") -> Article:
    return Article("a1", "d1", 0, "t.txt", None, None, published, None, text)


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), EVENTS)
def test_event_kinds(spacy_model: SpacyModel, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    nlp = ArticleNLP(spacy_model, sentence)
    found = find_event_mentions(_article(sentence), nlp, find_facts(_article(sentence), nlp))
    assert [(e.kind, e.category, e.mode) for e in found] == expected


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_not_event_reports(spacy_model: SpacyModel, sentence: str) -> None:
    assert find_event_mentions(_article(sentence), ArticleNLP(spacy_model, sentence)) == []


@pytest.mark.slow
def test_quoted_talk_of_a_speech_is_not_an_event(spacy_model: SpacyModel) -> None:
    text = "“The speech in Paris on Monday was a disgrace,” he said."
    quote = Quote("q", "a1", 1, 46, text[1:46], "direct", "X", None, "said", None)
    assert find_event_mentions(_article(text), ArticleNLP(spacy_model, text), quotes=[quote]) == []


@pytest.mark.slow
def test_mention_carries_date_place_actors_facts_and_name(spacy_model: SpacyModel) -> None:
    text = (
        "A nationwide uprising began in Iran in November 2019.\n"
        "The deaths of 1,500 protesters during the November uprising did not stop the students."
    )
    article = _article(text, None)
    nlp = ArticleNLP(spacy_model, text)
    facts = find_facts(article, nlp)
    killing = next(e for e in find_event_mentions(article, nlp, facts) if e.kind == "killing")
    assert killing.date == "2019-11"
    assert killing.facts == tuple(f.id for f in facts if f.value == 1500)
    assert "protesters" in killing.actors or "students" in killing.actors
    protest = [e for e in find_event_mentions(article, nlp, facts) if e.kind == "protest"]
    assert [e.name for e in protest] == [None, "November uprising"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two triggers of one kind, dated apart: two events
        (
            "An uprising began in Valdoria in November 2019.\nThe deaths of 300 people during the November"
            " uprising did not stop students from coming back into the streets two months later.",
            [("uprising", "2019-11"), ("uprising", "2019-11"), ("coming back into the streets", "2020-01")],
        ),
        (
            "Chants recurred in the 2019 uprising and in protests across Valdoria in January 2020.",
            [("protests", "2020-01"), ("uprising", "2019")],
        ),
        # two triggers whose dates agree tell one event: one mention
        (
            "The protests in Valdoria in 2019 grew into an uprising in November 2019.",
            [("uprising", "2019-11")],
        ),
    ],
)
def test_triggers_of_one_kind_dated_apart_are_two_mentions(
    spacy_model: SpacyModel, text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_event_mentions(_article(text, None), ArticleNLP(spacy_model, text))
    assert [(e.trigger, e.date) for e in found if e.kind == "protest"] == expected
    assert len({e.id for e in found}) == len(found)


def test_a_mention_dated_by_a_range_keeps_the_range(spacy_model: SpacyModel) -> None:
    text = "The students have protested on campus since the 2017/2018 uprisings in Valdoria."
    found = find_event_mentions(_article(text, None), ArticleNLP(spacy_model, text))
    assert [(e.trigger, e.date) for e in found if e.trigger == "uprisings"] == [("uprisings", "2017/2018")]


@pytest.mark.parametrize(
    ("earlier", "phrase", "base", "expected"),
    [
        ("the uprising in November 2019.", "the November uprising", None, "2019-11"),
        ("", "the November uprising", PartialDate(2020, 6, 5), "2019-11"),
        ("", "the May protests", PartialDate(2020, 6, 5), "2020-05"),
        ("", "the uprising", PartialDate(2020, 6, 5), None),
    ],
)
def test_month_reference(earlier: str, phrase: str, base: PartialDate | None, expected: str | None) -> None:
    article = Article("a1", "d1", 0, "t.txt", None, None, base.iso() if base else None, None, earlier)
    found = month_reference(phrase, find_date_mentions(article), base)
    assert (found.iso() if found else None) == expected
