"""Trigger words in another sense than their event's (analyze/figures/senses.py, the fixed phrases
of event_kinds.FIGURATIVE and whole-word triggers): (sentence, kind, expected) tables on invented
text, each sentence anchored (a date, a place or a name), so only the sense decides."""

from __future__ import annotations

import pytest

from newstrace.analyze.figures.events import find_event_mentions
from newstrace.analyze.figures.facts import find_facts
from newstrace.analyze.nlp import ArticleNLP, SpacyModel
from newstrace.model import Article

# "attack" as a criticism: a stand attacked, or a person attacking or attacked, and no violence named
CRITICISM = [
    ("Walters attacked Clinton over police funding in a debate in Ohio on Tuesday.", 0),
    ("She escalated her attacks on Sanders' record on guns in Iowa on Monday.", 0),  # a stand: words
    ("He launched a blistering attack on the governor in Albany on Monday.", 0),  # fixed phrases
    ("The campaign aired attack ads against Palmer in Iowa in January.", 0),
    ("Trump went on the attack against the police union in Ohio on Monday.", 0),
    # a told attack does not make a person's later "attack" refer back to it
    ("Militants attacked a police station in Kandar on Monday, killing two officers. "
     "Rubio's attack on the governor on Tuesday drew replies.", 1),
    # a criticism does not hide an assault told beside it with the same word
    ("On Monday Palmer renewed his attacks on the governor's record over the raid in which militants "
     "attacked a police base in Kandar.", 1),
    # violence named: an assault
    ("Gunmen attacked the mayor of Varna on Monday.", 1),
    ("A man attacked Dunmore with a knife in Leeds on Friday.", 1),
    ("Rebels attacked an army base in Kandar on Monday, killing six soldiers.", 1),
    ("Militants attacked a checkpoint in Kandar on Monday.", 1),
]  # fmt: skip
# what someone seeks, asks for or wants done has not happened
AIMS = [
    ("Fiorina declined multiple requests for an interview in Ohio on Monday.", "statement", False),
    ("The ministry withdrew notices seeking the arrest of 14 fugitives in May.", "arrest", False),
    ("The mayor requested a meeting with the union in Leeds on Monday.", "meeting", False),
    ("The mayor called for talks with the union in Leeds on Monday.", "meeting", False),
    ("Teachers left at 4:30 a.m. for the rally in Indianapolis on Tuesday.", "protest", True),
    ("Police arrested 14 fugitives in Leeds in May.", "arrest", True),
]
# "charged that": an accusation, not a criminal charge
ACCUSATION = [
    ("Democrats charged that Palmer colluded with lobbyists in a fraud in May.", False),
    ("Palmer was charged with fraud in Ohio in May.", True),
]
# a conviction before a bare noun names someone by it, also where the parser reads a perfect
EPITHET = [
    ("Trump reportedly has convicted rapist Mike Tyson on his list for the Ohio rally.", False),
    ("A jury in Leeds convicted Dunmore of fraud on Monday.", True),
    ("Dunmore was convicted of fraud in Leeds on Monday.", True),
    ("Dunmore was convicted yesterday of fraud in Leeds.", True),  # a time after it
]
# bare plurals of many occasions or of a habit: no particular event
OCCASIONS = [
    ("Her schedule in Ohio was full of meetings with donors.", "meeting", False),
    ("Carr had showcased her charm in hundreds of speeches around the world.", "statement", False),
    ("The senator was busy giving paid speeches to banks in New York.", "statement", False),
    ("Meetings resumed in Geneva on Monday.", "meeting", True),  # dated
    ("Legislators gather in Lansing for meetings ahead of their 2020 session.", "meeting", True),
    ("The meetings in Jeddah drew envoys from Russia.", "meeting", True),  # definite: particular ones
    ("Peace talks with the rebels resumed in Geneva.", "meeting", True),  # one negotiation
    ("The senator's speechwriter quit in Ohio on Monday.", "statement", False),  # a whole word only
]


def _kinds(spacy_model: SpacyModel, text: str) -> list[str]:
    article = Article("a1", "d1", 0, "t.txt", None, None, "2021-03-08", None, text)
    nlp = ArticleNLP(spacy_model, text)
    return [e.kind for e in find_event_mentions(article, nlp, find_facts(article, nlp))]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "attacks"), CRITICISM)
def test_an_attack_of_words_is_a_criticism(spacy_model: SpacyModel, text: str, attacks: int) -> None:
    assert _kinds(spacy_model, text).count("attack") == attacks


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "kind", "expected"), AIMS + OCCASIONS)
def test_what_is_sought_or_done_as_a_rule_is_no_particular_event(
    spacy_model: SpacyModel, sentence: str, kind: str, expected: bool
) -> None:
    """AIMS: what is sought has not happened; OCCASIONS: a bare plural of occasions is none of them."""
    assert (kind in _kinds(spacy_model, sentence)) is expected


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), ACCUSATION)
def test_charged_that_is_an_accusation(spacy_model: SpacyModel, sentence: str, expected: bool) -> None:
    assert ("arrest" in _kinds(spacy_model, sentence)) is expected


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), EPITHET)
def test_a_conviction_made_an_adjective_is_an_epithet(
    spacy_model: SpacyModel, sentence: str, expected: bool
) -> None:
    assert ("sentence" in _kinds(spacy_model, sentence)) is expected


# a literal trigger that stands in for its kind's trigger in another sense, and is dated apart from
# it, is one mention, not a second one too
STOOD_IN = [
    ("Militants attacked a police base in Kandar in 2015, and on March 3, 2019 Palmer renewed his "
     "attacks on the governor's record.", ["attack"]),
    ("Police arrested 14 fugitives in Leeds in 2015, and on March 3, 2019 Palmer sought the arrest "
     "of Dunmore.", ["arrest"]),
    ("The union held a meeting with the mayor in Leeds in 2015, and on March 3, 2019 the mayor "
     "requested a meeting with the union.", ["meeting"]),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), STOOD_IN)
def test_a_trigger_standing_in_is_one_mention(
    spacy_model: SpacyModel, text: str, expected: list[str]
) -> None:
    assert _kinds(spacy_model, text) == expected
