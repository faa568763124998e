"""Facts from sentences: value, unit (with the event), hedges, dates and who asserts them."""

from __future__ import annotations

import pytest

from newstrace.analyze.figures.facts import canonical_name, find_facts
from newstrace.analyze.nlp import ArticleNLP, SpacyModel
from newstrace.model import Article, ArticleEntity, Quote

pytestmark = pytest.mark.slow

# (sentence, [(value, unit, approximate, asserted_by)])
FACTS = [
    (
        "The deaths of 1,500 people during the uprising did not stop the students.",
        [(1500, "people killed", False, None)],
    ),
    ("The MEK reported that the death toll had surpassed 1,500.", [(1500, "people killed", False, "MEK")]),
    (
        "The NCRI has reported that the Covid-19 death toll is now over 70,000.",
        [(70000, "Covid-19 deaths", True, "NCRI")],
    ),
    (
        "The Interior Ministry reported that 212 people had been arrested during the day.",
        [(212, "people arrested", False, "Interior Ministry")],
    ),
    ("Similar rallies took place in 40 cities, according to the NCV.", [(40, "cities", False, "NCV")]),
    ("Police estimated the crowd at 12,000.", [(12000, "crowd", False, "Police")]),
    (
        "The protests were suppressed following dozens of deaths at the hands of the police.",
        [(24, "people killed", True, None)],
    ),
    ("At least one of the regime's think tanks issued a report.", [(1, "think tanks", True, None)]),
    ("The threats have been evident for no less than two and a half years.", [(2.5, "years", True, None)]),
    ("Pompeo listed a dozen areas of policy.", [(12, "areas", False, None)]),
    (
        "The gathering attracted as many as 100,000 participants near Paris.",
        [(100000, "participants", True, None)],
    ),
    ("The decree was signed in 2018 by 61 percent of deputies for $2 million.", []),
    # a number made a modifier counts its noun
    ("Following a two-day trial, the jury deliberated.", [(2, "days of trial", False, None)]),
    ("It became a three-man race in May.", [(3, "men of race", False, None)]),  # an irregular plural
    ("The law hurts millions of law-abiding savers.", [(2_000_000, "law-abiding savers", True, None)]),
    ("She held 154 meetings Lopez had asked for.", [(154, "meetings", False, None)]),
    ("The walk took 30 min on Monday.", [(30, "minutes", False, None)]),  # an abbreviation in full
    # the size of the whole after "of" is not what the part counts
    ("Nurses lead in four of five wards.", [(4, "wards", False, None), (5, "wards", False, None)]),
    # a day inside a name does not end the counted phrase
    ("He has won at least 139 Super Tuesday delegates.", [(139, "Super Tuesday delegates", True, None)]),
    ("He won nine of the 13 seats.", [(9, "seats", False, None), (13, "seats", False, None)]),
    # a decade or a century said as one span is told in years
    ("She ran the label for over a decade.", [(10, "years", False, None)]),
    ("The bridge stood for a century.", [(100, "years", False, None)]),
    # "-long": one of the span, of the thing it qualifies
    (
        "The two rivals met in an hourlong debate.",
        [(2, "rivals", False, None), (1, "hour of debate", False, None)],
    ),
    # a population counts people; a passive estimate counts its subject
    ("The camp population is estimated at 40,000.", [(40000, "people of camp population", False, None)]),
    # a participle or scare quotes before the noun leave it the counted thing
    ("The model holds tens of thousands of evolving galaxies.", [(20000, "evolving galaxies", True, None)]),
    ("There are 140 million “businesses” on the site.", [(140_000_000, "businesses", False, None)]),
    ("At least 12 were killed in the blast.", [(12, "people killed", True, None)]),  # a number as subject
    # the active subject of a verb done to someone did it: the event is not what happened to them
    ("Two gunmen killed 14 people.", [(2, "gunmen", False, None), (14, "people killed", False, None)]),
    ("A raid by two gunmen who killed a guard shocked Leeds.", [(2, "gunmen", False, None)]),
    ("A vigil for the 20 pupils who were killed took place.", [(20, "pupils killed", False, None)]),
    # a hyphenated scale, a vulgar fraction
    ("The cut hit six-million people.", [(6_000_000, "people", False, None)]),
    ("He spent 5 ½ years in a cell.", [(5.5, "years", False, None)]),
    ("Tens of thousands marched in Lyon.", [(20_000, "people marching", True, None)]),
    # ... with the event the number itself takes part in
    ("Nurses chanted “Save our wards” as hundreds of them marched.", [(200, "Nurses marching", True, None)]),
    ("The war left 30,000 combat and civilian deaths.", [(30000, "people killed", False, None)]),
    ("Nearly 40 young and elderly voters came.", [(40, "young and elderly voters", True, None)]),
    # a pronoun counts the plural noun it stands for
    (
        "Nurses filled the square as hundreds of them chanted.",
        [(200, "Nurses", True, None)],
    ),
    # an ellipsis counts what the figure before it counted
    (
        "The carrier sold five jets this week: two to Avialink and three to Nordair.",
        [(5, "jets", False, None), (2, "jets", False, None), (3, "jets", False, None)],
    ),
    (
        "The airline ordered 30 of Boeing's 787-9 Dreamliner jets.",
        [(30, "787-9 Dreamliner jets", False, None)],
    ),
    ("The band reunites after a quarter century.", [(25, "years", False, None)]),
    ("Emirates ordered 30 Boeing jets Wednesday.", [(30, "Boeing jets", False, None)]),  # the day is when
    ("The pain eased a year later.", [(1, "year", False, None)]),
    ("He scored four times in the final.", [(4, "times scored", False, None)]),
    # a number word of any size opens the whole after "of" ("thirteen", "sixty")
    ("Nine of the thirteen seats fell.", [(9, "seats", False, None), (13, "seats", False, None)]),
    ("A couple of hundred nurses marched.", [(200, "nurses marching", True, None)]),
    ("Several dozen people were hurt.", [(36, "people injured", True, None)]),
    # a verb's object is what the number counts only when the verb estimates or changes its amount
    # or the number modifies it; the subject only when the number is its amount
    ("The new engine takes the car from zero to 60.", []),
    (
        "The drought cut the herds from 4,000 to 3,000.",
        [(4000, "herds", False, None), (3000, "herds", False, None)],
    ),
    ("The bill received approximately 24,000 more yes votes than the rival.", [(24000, "votes", True, None)]),
    ("Arrests rose to 40 by Sunday.", [(40, "people arrested", False, None)]),
    ("The air quality index is 218.", []),  # a singular thing has a measure, not a count
    ("The former singer, 42, left the show.", []),
    ("Guards freed the other two.", []),  # the guards did it: they are not the two
    # a number with a determiner and no noun counts the noun counted or ordered before it
    ("No one links the third plague case to the earlier two.", [(2, "plague cases", False, None)]),
    # a time adverbial after the counted noun is when, not what
    ("The mill laid off 300 workers last year.", [(300, "workers", False, None)]),
    # a bare number after a figure: "1,500 more" counts what it counted
    (
        "The storm razed 200 homes and damaged 1,500 more.",
        [(200, "homes", False, None), (1500, "homes", False, None)],
    ),
    # a bare number as the object of a verb done to someone counts people
    (
        "The virus has infected 80,000 people and killed nearly 3,000.",
        [(80000, "people infected", False, None), (3000, "people killed", True, None)],
    ),
    ("Officials said 14 had been rescued.", [(14, "people rescued", False, "Officials")]),
    ("The pair were among 24 people charged.", [(24, "people charged", False, None)]),
    ("He faces three charges.", [(3, "charges", False, None)]),  # the noun counts charges, not people
    # a bare number as the subject of "be" counts the plural noun it is said to be
    ("Of the 30 victims, 12 were children.", [(30, "victims", False, None), (12, "children", False, None)]),
    # the deaths of a named group: that group was killed
    ("The three deaths of detained migrants shocked them.", [(3, "detained migrants killed", False, None)]),
    # "twice", "thrice", "once" after its verb: times the verb happened, with its object
    ("The striker scored twice in the final.", [(2, "times scored", False, None)]),
    ("The firm has twice denied the claim.", [(2, "times denied claim", False, None)]),
    ("The coach won the Pennant Cup twice.", [(2, "times won Pennant Cup", False, None)]),
    ("The climate we once had is gone.", []),  # "once" before its verb: formerly
    # a count of things is whole: a fraction of things is a share or a rate
    ("Of them, 65 percent were white and 7.3 of another race.", []),
    ("The clinic reported 25.9 new cases per 100,000 people.", []),
    ("It took 3.5 hours of talks.", [(3.5, "hours", False, None)]),  # a span of time comes in fractions
    # a bare number in a state only people are in counts people
    ("The star was among the more than 12,000 in attendance.", [(12000, "people in attendance", True, None)]),
    ("The plane had 157 on board when it fell.", [(157, "people on board", False, None)]),
    ("Only one of the matches went to three sets.", [(1, "matches", False, None), (3, "sets", False, None)]),
    # "of which", "of whom" stand for the plural noun named before
    (
        "The blast injured 40 people, three of whom died later.",
        [(40, "people injured", False, None), (3, "people killed", False, None)],
    ),
    (
        "The plan allows 350 new flats, 99 of which have capped rents.",
        [(350, "new flats", False, None), (99, "flats", False, None)],
    ),
    # a verb of gathering with an object or a clause has its other sense
    ("Those four speakers demonstrated that it helps.", [(4, "speakers", False, None)]),
    ("Some 400 workers gathered evidence.", [(400, "workers", True, None)]),
    ("Some 400 workers gathered outside.", [(400, "workers gathering", True, None)]),
    # a sentence set in title case is a headline or a link's title: page furniture, no fact
    ("Ten Things to Know Before the Vote in Ohio.", []),
    ("Police Arrested 212 People in 14 Cities.", []),
    # no counted thing: no fact
    ("Polls close at 8 and results follow.", []),
    ("The convict could face up to five years in prison.", []),  # a maximum that may come
]


def _article(text: str, published: str | None = None) -> Article:
    return Article("a1", "d1", 0, "t.txt", None, None, published, None, text)


@pytest.mark.parametrize(("sentence", "expected"), FACTS)
def test_facts(
    spacy_model: SpacyModel, sentence: str, expected: list[tuple[float, str, bool, str | None]]
) -> None:
    article = _article(sentence)
    found = find_facts(article, ArticleNLP(spacy_model, sentence))
    assert [(f.value, f.unit, f.approximate, f.asserted_by) for f in found] == expected
    for fact in found:
        assert article.text[fact.start : fact.end] == fact.text


def test_a_figure_inside_a_quote_is_asserted_by_its_speaker(spacy_model: SpacyModel) -> None:
    text = "“We counted 40 cities,” the organiser said."
    quote = Quote("q", "a1", 1, 21, "We counted 40 cities,", "direct", "Ana Ruiz", None, "said", None)
    [fact] = find_facts(_article(text), ArticleNLP(spacy_model, text), [quote])
    assert (fact.value, fact.asserted_by) == (40, "Ana Ruiz")


def test_dates_come_from_the_sentence_or_a_month_named_earlier(spacy_model: SpacyModel) -> None:
    text = (
        "A nationwide uprising began in November 2019.\n"
        "The deaths of 1,500 people during the November uprising shocked the country.\n"
        "On Sunday, 40 people were arrested."
    )
    facts = find_facts(_article(text, "2020-06-05"), ArticleNLP(spacy_model, text))
    assert [(f.value, f.date) for f in facts] == [(1500, "2019-11"), (40, "2020-05-31")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number ending its sentence counts what the paragraph's last figure counted
        ("Cruz has 370 delegates. Rubio will win at least 73.", [(370, "delegates"), (73, "delegates")]),
        # ... but not across paragraphs
        ("Cruz has 370 delegates.\nRubio will win at least 73.", [(370, "delegates")]),
    ],
)
def test_a_bare_number_counts_what_the_figure_before_counted(
    spacy_model: SpacyModel, text: str, expected: list[tuple[float, str]]
) -> None:
    rubio = ArticleEntity("a1", "Marco Rubio", "PER", ("Rubio",), ())
    facts = find_facts(_article(text), ArticleNLP(spacy_model, text), entities=[rubio])
    assert [(f.value, f.unit) for f in facts] == expected


def test_durations_have_no_date(spacy_model: SpacyModel) -> None:
    text = "In 2018 the group had grown for 32 years."
    [fact] = find_facts(_article(text), ArticleNLP(spacy_model, text))
    assert (fact.unit, fact.date) == ("years", None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the Interior Ministry", "Interior Ministry"),  # an alias of the entity
        ("President Keith Gambill", "Keith Gambill"),  # a role before a person's full name
        ("teacher Angela Cooper", "Angela Cooper"),
        ("Dr. Gambill", "Dr. Gambill"),  # one word of the name is not enough to tell
        ("Kestrel Bay Police", "Kestrel Bay Police"),  # only a person's name takes a role before it
        (None, None),
    ],
)
def test_an_asserter_takes_the_article_name_of_its_entity(name: str | None, expected: str | None) -> None:
    entities = [
        ArticleEntity("a1", "Interior Ministry", "ORG", ("Interior Ministry",), ()),
        ArticleEntity("a1", "Keith Gambill", "PER", ("Keith Gambill", "Gambill"), ()),
        ArticleEntity("a1", "Angela Cooper", "PER", ("Angela Cooper",), ()),
        ArticleEntity("a1", "Kestrel Bay", "GPE", ("Kestrel Bay",), ()),
    ]
    assert canonical_name(entities, name) == expected
