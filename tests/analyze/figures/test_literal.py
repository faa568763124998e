"""A trigger makes an event only in a literal use: the parse-based rules of analyze/figures/literal.py
and the participants a kind needs, each with (sentence, expected) tables on invented text."""

from __future__ import annotations

import pytest

from newstrace.analyze.figures.events import find_event_mentions
from newstrace.analyze.figures.facts import find_facts
from newstrace.analyze.figures.literal import in_a_title
from newstrace.analyze.nlp import ArticleNLP, SpacyModel
from newstrace.model import Article

# (sentence, kind): a trigger word and an anchor (a date, a place or a name), yet no event of the kind
NOT_LITERAL = [
    # a noun modifying another noun names a kind of thing, not an occasion
    ("The forward collision warning of the bus beeped in Oslo on Monday.", "crash"),
    ("Fire danger closed the forest roads of Redmont on Friday.", "fire"),
    ("The meeting room in Leeds was booked on Monday.", "meeting"),
    ("His rally crowds in Ohio grew on Monday.", "protest"),  # "rally" parsed as an adjective
    # a passive "met with" tells how something was received
    ("The plan was met with laughter in Leeds on Monday.", "meeting"),
    # a bare plural in the simple present, naming no one and no place: what happens as a rule
    ("We keep our mornings free for meetings and our afternoons for calls every week.", "meeting"),
    # "attack" as a criticism or a game's: no weapon, casualty or armed actor
    ("The senator attacked the governor's budget in Albany on Monday.", "attack"),
    ("Warren was under constant attack in Iowa last month.", "attack"),
    # a medical term: no one attacked, no one killed
    ("He died of a heart attack in Nice on Sunday.", "attack"),
    ("He died of a heart attack in Nice on Sunday.", "killing"),
    # "can" tells what is possible, not what happened
    ("Road salt can set off fires and explosions under the streets of Manhattan.", "explosion"),
    # a graph's or a story's plot is no conspiracy
    ("The scientists plotted the data in Boston on Monday.", "plot"),
    # a word that only begins with a trigger
    ("A Protestant pastor preached in Lyon on Sunday.", "protest"),
    # a freedom, not a speech given
    ("She writes about free speech in Berlin every week.", "statement"),
    # a missile strike is an attack, not a walkout
    ("A missile strike against rebels hit a fuel depot in Kandar on Monday.", "protest"),
    # a headline or a link's title, set in title case
    ("Related: Thousands Protest New Fuel Tax In Port Meridian On Sunday", "protest"),
    ("Marketing Meets the Newsroom", "meeting"),
    # an imperative tells the reader what to do
    ("Go to the interview in Leeds with three thank-you notes.", "statement"),
    # a frequency in the present tense: what happens as a rule
    ("Truck drivers in Ohio are involved in 4,000 crashes each year.", "crash"),
    # a negated verb with "n't"
    ("Police didn't arrest anyone in Lyon on Monday.", "arrest"),
    # a trigger inside a hyphenated adjective
    ("The rustic-meets-modern house in Leeds opened on Monday.", "meeting"),
    # "bomb" as a flop or a long pass; "shelling out" money
    ("The film was a commercial bomb in Boston last May.", "attack"),
    ("The quarterback bombed one to Amendola for 80 yards in Denver on Sunday.", "attack"),
    ("Taxpayers in Ohio are shelling out millions for the stadium this year.", "attack"),
    # an address where someone lives; an adjective in -ing
    ("Police raided his Mayfair address in London in 1993.", "statement"),
    ("The failure is all the more striking for the workers of Leeds this year.", "protest"),
    # what is cancelled or prevented did not take place
    ("The senator canceled a scheduled interview with the station in Leeds on Tuesday.", "statement"),
    ("The rally in Lyon was called off on Monday.", "protest"),
    ("The plan aims to prevent terrorist attacks in Ohio this year.", "attack"),
    # "charge" as a duty, a rush, a price or a claim; "met" as satisfied; the verb "talks about"
    ("The officer in charge of the unit in Leeds retired on Monday.", "arrest"),
    ("Police charged at the crowd in Lyon on Monday.", "arrest"),
    ("The bank dropped its service charges in Ohio last year.", "arrest"),
    ("Her spokesman called the senator's charge absurd in Ohio on Monday.", "arrest"),
    ("Only two candidates met the threshold in Iowa in January.", "meeting"),
    ("Merkel talks about a European consensus in Brussels on Monday.", "meeting"),
    # an epidemic of a habit or a drug is no outbreak of a disease
    ("The senator said the heroin epidemic in Ohio had claimed 400 deaths.", "outbreak"),
    # a statement quoted as a proposition; the outbreak of a war; a battery's charge; a star's explosion
    ("Most voters in Ohio agree with the statement “speaking English is essential” this year.", "statement"),
    ("The patients left Gaza before the outbreak of the war in October.", "outbreak"),
    ("The earbuds run 5 hours on a single charge in the Leeds test.", "arrest"),
    ("Supernova explosions in the galaxy created outflows of gas.", "explosion"),
    # one person protesting a thing objects to it; a bill is killed by a vote; a company's statements
    ("The coach protested the penalty call in Buffalo on Tuesday.", "protest"),
    ("The Senate killed the bill in Albany on Tuesday.", "killing"),
    ("The company released its financial statements in Leeds on Monday.", "statement"),
    # a reception, a profit, an accusation; a participant must be a whole word ("Bush" is no bus)
    ("Even in the House in May, the speaker's ideas have met with resistance.", "meeting"),
    ("A banker in New York made a killing on mortgage bonds in 2008.", "killing"),
    ("The Bush family clashed with Trump in Iowa on Monday in a powerful collision.", "crash"),
    ("He repeated charges that the governor ignored warnings of terrorist attacks in Ohio in May.", "arrest"),
    ("Aides delivered pep talks to captains in Iowa on Saturday.", "meeting"),
    # a verb in the simple present with no date tells what someone does as a rule
    ("The regime kills journalists and jails critics in Varna.", "killing"),
    # a player's or a film's shooting
    ("The shooting guard hit 8 of 10 shots in Denver on Sunday.", "attack"),
    ("Shooting for the film began in Vancouver in May.", "attack"),
    # "rally" with an object gathers support
    ("The governor's aide rallied supporters in Ohio on Tuesday.", "protest"),
    # a demonstration of a product
    ("She gave a short demonstration of the app in Austin on Monday.", "protest"),
]
LITERAL = [
    ("Police guarded the bus crash site near Varna on Monday.", "crash"),  # the site of the crash
    ("Protest leaders met the mayor in Lyon on Monday.", "protest"),  # the protest's leaders
    ("The mayor met with farmers in Leeds on Monday.", "meeting"),  # an active "met with"
    ("Meetings resumed in Geneva on Monday.", "meeting"),  # a bare plural with a place and a date
    ("Gunmen attacked a checkpoint in Kandar on Monday.", "attack"),  # armed actors
    ("A missile strike hit a fuel depot in Kandar on Monday.", "attack"),
    ("Two men plotted to kill the governor of Ohio in May.", "plot"),  # a conspiracy's aim
    ("The minister held a press conference in Rome on Monday.", "statement"),  # one trigger of two words
    ("A bomb exploded near the embassy in Paris on Monday.", "attack"),  # a bomb that explodes
    ("The president defended the decree in a televised address on Wednesday.", "statement"),
    ("Thousands joined a demonstration against the fuel tax in Lyon on Sunday.", "protest"),
    ("Truck drivers in Ohio were involved in 40 crashes last year.", "crash"),  # counted, not a rule
    ("The summit in Hanoi was postponed to March.", "meeting"),  # postponed: it still takes place
    ("Peace talks about the border resumed in Geneva on Monday.", "meeting"),  # the negotiations
    ("Students protested the tuition hike in Leeds on Monday.", "protest"),  # a group protests
    ("Gunmen killed the mayor of Varna on Monday.", "killing"),
    ("Teachers rallied outside the Statehouse in Indianapolis on Tuesday.", "protest"),  # no object
    ("Officers were able to apprehend a suspect in Hayward on Tuesday.", "arrest"),  # achieved, not aimed
    # criminal charges, custody and a brawl are arrests and an attack
    ("Kovacs faces 18 criminal charges in Ohio.", "arrest"),
    ("He was charged with murder in Leeds on Monday.", "arrest"),
    ("The jury in Leeds found him guilty on Monday.", "sentence"),
    ("Home Depot issued its earnings release on Tuesday.", "statement"),
    ("The mayor addressed a packed gathering in Leeds on Friday.", "statement"),  # speaking to an audience
    ("Aides delivered pep talks to captains in Iowa on Saturday.", "statement"),
    ("Two buses collided near Varna on Monday.", "crash"),
    ("A mass shooting at a school in Ohio on Monday killed 3 students.", "attack"),
    ("He is being held in police custody in Leeds.", "arrest"),
    ("A brawl broke out between fans in Leeds on Saturday.", "attack"),
    # a trigger that fits itself, in a verb conjoined to an anchored one
    ("The helicopter was shot down over Logar on Monday and caught fire.", "fire"),
]
TITLES = [
    ("Related: Thousands Protest New Fuel Tax In Port Meridian", True),
    ("Five Things We Learned From The Interview", True),
    ("Marie Dubois testified before the House Intelligence Committee in Washington.", False),
    ("Protests continue in Lyon.", False),
    ("Talks Resume", False),  # too short to tell from a name
    # a photo's caption with its credit; a dateline's agency is no credit
    ("Police guard the site of a bomb attack in Kabul on Monday. (AP Photo/Rahmat Gul)", True),
    ("Supporters cheer at a rally in Ohio on Monday. Getty Images", True),
    ("HAYWARD, Calif. (AP) — The Latest on a deadly stabbing on a train.", False),
]


def _article(text: str) -> Article:
    return Article("a1", "d1", 0, "t.txt", None, None, "2021-03-08", None, text)


def _kinds(spacy_model: SpacyModel, text: str) -> list[str]:
    nlp = ArticleNLP(spacy_model, text)
    return [e.kind for e in find_event_mentions(_article(text), nlp, find_facts(_article(text), nlp))]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "kind"), NOT_LITERAL)
def test_no_event_without_a_literal_use(spacy_model: SpacyModel, sentence: str, kind: str) -> None:
    assert kind not in _kinds(spacy_model, sentence)


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "kind"), LITERAL)
def test_literal_uses_stay_events(spacy_model: SpacyModel, sentence: str, kind: str) -> None:
    assert kind in _kinds(spacy_model, sentence)


@pytest.mark.parametrize(("sentence", "expected"), TITLES)
def test_title_case_lines(sentence: str, expected: bool) -> None:
    assert in_a_title(sentence) is expected


@pytest.mark.slow
def test_a_possessive_description_refers_back_to_a_told_event(spacy_model: SpacyModel) -> None:
    text = (
        "Gunmen attacked a museum in Tunis on Wednesday, killing 19 people. "
        "The president condemned Wednesday's attack on Thursday."
    )
    assert _kinds(spacy_model, text).count("attack") == 2
    alone = "The president condemned Wednesday's attack on Thursday."  # nothing told: a criticism?
    assert "attack" not in _kinds(spacy_model, alone)
