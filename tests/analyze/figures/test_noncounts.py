"""Numbers that count nothing, each class with its reason: times, rates, phone numbers, scores,
measurements, prices, ordinals, ages, identifiers, years, pronouns and numeric modifiers."""

from __future__ import annotations

import pytest

from newstrace.analyze.figures.noncounts import REASONS, identifier_numbers
from newstrace.analyze.figures.numbers import classify_numbers

# (sentence, [(number as written, reason or None when it counts)]), all invented
CLASSES: list[tuple[str, list[tuple[str, str | None]]]] = [
    # times
    ("The rally began at 6 o'clock in the square.", [("6", "time")]),
    ("Polls close at 17.00 on Sunday.", [("17.00", "time")]),
    ("The ferry left at 9 a.m. ET with 40 passengers.", [("9", "time"), ("40", None)]),
    ("The vote was set for 10:30 in the chamber.", [("10", "time")]),
    ("12:00pm — Police read out the name.", [("12", "time")]),  # a clock form glued to "pm"
    ("He left home around 20:00hrs on Thursday.", [("around 20", "time")]),
    # rates and ratios
    ("The rate fell to 3 per 1,000 births.", [("3", "rate"), ("1,000", "rate")]),
    ("Turnout reached 61 percent in the north.", [("61", "rate")]),
    ("She saw it on one night out of 17.", [("one", "pronoun"), ("17", "rate")]),
    ("Clinics treat 200 patients a day.", [("200", None), ("a", "rate")]),
    ("Prices rose 4 times as fast as wages.", [("4", "rate")]),
    # what is counted, then a span of time after "per"/"a": a rate
    ("The camera shoots 60 frames per second.", [("60", "rate")]),
    ("The plant makes 40 cars per hour.", [("40", "rate")]),
    ("She lost 14 followers in a week.", [("14", None), ("a", "rate")]),
    ("Gas rose thousands of light-years above the disc.", [("thousands", "measure")]),
    ("The rig lies tens of thousands of feet down.", [("tens of thousands", "measure")]),
    ("He hits back 10 times harder.", [("10", "rate")]),  # a multiple of a comparative
    # the window of a rate or an average, the age of an anniversary, a ratio of attempts
    ("The seven-day rate of new infections fell.", [("seven", "rate")]),
    ("The 14-day rolling average rose.", [("14", "rate")]),
    ("The town marks the 100-year anniversary of the flood.", [("100", "rate")]),
    ("The quarterback was 20-of-24 passing.", [("20", "rate")]),
    ("Nine in 10 voters backed the plan.", [("Nine", "rate"), ("10", "rate")]),  # both sides of a ratio
    ("Seven out of 10 nurses agreed.", [("Seven", "rate"), ("10", "rate")]),
    ("The poll gives her a 12-point lead.", [("12", "rate")]),  # a difference of percentages
    ("The survey has a margin of error of 4.5 points.", [("4.5", "rate")]),
    ("The guard scored 31 points against Leeds.", [("31", None)]),  # points scored in a game count
    # phone numbers
    ("For copies, call 1-800-555-0142 or write to us.", [("1", "phone")]),
    ("A neighbour called 911 and waited.", [("911", "phone")]),
    ("Operators took 30 calls.", [("30", None)]),
    ("Officers received 911 calls about a fight.", [("911", "phone")]),
    # scores of games
    ("Ostrava won 4-1 at home.", [("4", "score")]),
    ("After the 2 – 0 defeat the coach resigned.", [("2", "score"), ("0", "score")]),
    # measurements
    ("The probe lies some 390 million miles away.", [("some 390 million", "measure")]),
    ("The ship carried 2,300 tons of grain.", [("2,300", "measure")]),
    ("A 1,900-mile-wide moon orbits the planet.", [("1,900", "measure")]),
    ("Winds reached 90 mph near the coast.", [("90", "measure")]),
    ("Warming above 1.5°C is likely.", [("1.5", "measure")]),  # a unit glued to its number
    ("The stick holds 4GB of files.", [("4", "measure")]),
    ("Roll 1 tbsp of the dough.", [("1", "measure")]),
    ("The engine makes 471 horsepower and 540 Nm of torque.", [("471", "measure"), ("540", "measure")]),
    ("The sedan reaches 97 kph in town.", [("97", "measure")]),
    ("The game runs at 30 fps on the old console.", [("30", "measure")]),
    ("Data centres use about 200 terawatt hours.", [("about 200", "measure")]),
    ("The print measures 10 x 8 on the wall.", [("10", "measure"), ("8", "measure")]),  # a size
    ("The new 3440x1440 panel ships soon.", [("3440", "measure")]),
    ("The film is shot in 16:9 format.", [("16", "rate")]),  # an aspect ratio
    # a margin is a difference, not what was scored or won
    ("The goals gave the hosts a two-goal lead.", [("two", "score")]),
    ("Labour kept a 10-seat majority.", [("10", "score")]),
    ("They won by a 3 point margin.", [("3", "score")]),
    ("The striker scored two goals.", [("two", None)]),
    # prices
    ("The order is valued at $8.8 billion.", [("8.8 billion", "price")]),
    ("Tickets cost 50 euros each.", [("50", "price")]),
    ("The fund raised millions of dollars from donors.", [("millions", "price")]),
    ("Groups spent tens of millions of dollars on ads.", [("tens of millions", "price")]),
    # ordinals
    ("It was the 6th strike this year.", [("6", "ordinal")]),
    ("The airline is the number one buyer of the jet.", [("one", "ordinal")]),
    ("The band reached No. 1 in May.", [("1", "ordinal")]),
    # ages
    ("Kovacs, 51, was released.", [("51", "age")]),
    ("A 22-year-old student was detained.", [("22", "age")]),
    ("The victim, aged 34, died.", [("34", "age")]),
    ("The poll reached people between the ages of 18 and 29.", [("18", "age"), ("29", "age")]),
    ("The suspect, 29, and his wife, 27, were held.", [("29", "age"), ("27", "age")]),
    # identifiers
    ("Flight 370 vanished over the sea.", [("370", "identifier")]),
    ("The 787-9 jet seats more passengers.", [("787", "identifier")]),
    ("The carrier ordered 50 777x jets.", [("50", None), ("777", "identifier")]),
    ("Its fleet of 400 737 Max jets stayed grounded.", [("400", None), ("737", "identifier")]),
    ("Route 66 runs west.", [("66", "identifier")]),
    ("Read part 1 of the series here.", [("1", "identifier")]),  # a part of a series names it
    ("A car hit a van at about 2400E Road.", [("about 2400", "identifier")]),  # glued, even hedged
    ("A category 5 hurricane hit the coast.", [("5", "identifier")]),
    ("The method has been used for over 50 years (1).", [("over 50", None), ("1", "identifier")]),
    ("Protesters gathered outside 10 Downing Street.", [("10", "identifier")]),  # an address
    ("Shares of One Harbour Trust rose.", [("One", "identifier")]),
    # a number word capitalised inside a sentence, after a capitalised word: part of a name
    ("Games by Take-Two Interactive sold well.", [("Two", "identifier")]),
    ("Sign up for the Pick Six Newsletter here.", [("Six", "identifier")]),
    ("Teams of the Big Ten met in Chicago.", [("Ten", "identifier")]),
    ("He said: “Two men were seen.”", [("Two", None)]),  # a quotation opens with a capital
    ("Two men were seen.", [("Two", None)]),
    ("Record 1449075600 was updated.", [("1449075600", "identifier")]),  # a bare run of digits
    # years
    ("The pact holds until at least 2021.", [("at least 2021", "year")]),
    ("Riots broke out in 1988 across the country.", [("1988", "date")]),  # the dates step's
    # pronoun "one"
    ("He is not the only one who left.", [("one", "pronoun")]),
    ("They found water in one.", [("one", "pronoun")]),
    ("He walked from one room to another.", [("one", "pronoun")]),
    ("They called it a year full of protests.", [("a", "pronoun")]),  # an article, no span of time
    # numeric modifiers
    ("Two-thirds of the members voted.", [("Two", "modifier")]),
    ("It was a one-way ticket.", [("one", "modifier")]),
    ("Fill it around 2/3 of the way.", [("around 2", "modifier")]),  # a fraction, even hedged
    # a number made a modifier of a design names its kind
    ("The envoy backed a two-state solution.", [("two", "modifier")]),
    ("The sedan has a four-cylinder engine.", [("four", "modifier")]),
    ("The jet seats them in a two-class layout.", [("two", "modifier")]),
    # "only one", "just one": a quantity stressed
    ("Only one title is exclusive to the service.", [("one", None)]),
    ("The cell had just one toilet.", [("one", None)]),
    # "once", "twice": a multiple or a frequency is a rate; "once" as "formerly" or "when" an adverb
    ("The hall is twice the size of the old one.", [("twice", "rate"), ("one", "pronoun")]),
    ("Nurses meet twice a week.", [("twice", "rate"), ("a", "rate")]),
    ("Once the vote ended, they left.", [("Once", "adverb")]),
    ("The mill was once again shut.", [("once", "adverb")]),
    ("She has won it more than once.", [("more than once", "adverb")]),
    ("The striker scored twice in the final.", [("twice", None)]),
    # the ends of a range bound a figure the text does not give; "from ... to" and "by ... to" tell a change
    ("The jet seats 242 to 330 passengers.", [("242", "range"), ("330", "range")]),
    ("Between 300 and 400 nurses came.", [("300", "range"), ("400", "range")]),
    ("She expects four to six services.", [("four", "range"), ("six", "range")]),
    ("Sales grew from 16 to 80 stores.", [("16", None), ("80", None)]),
    ("The order is down by 30 to 126 jets.", [("30", None), ("126", None)]),
    ("A fight between two men broke out.", [("two", None)]),
    # counts stay counts
    ("Police arrested 212 people in 14 cities.", [("212", None), ("14", None)]),
    ("The jury took 15 minutes after a two-day trial.", [("15", None), ("two", None)]),
    ("In 30 cities, nurses held rallies.", [("30", None)]),
    ("The jury returned a day later.", [("a", None)]),  # one day: an interval
    ("More than 2000 people attended the vigil.", [("More than 2000", None)]),
    ("It hurts hundreds of millions of savers.", [("hundreds of millions", None)]),  # one vague number
]


@pytest.mark.parametrize(("sentence", "expected"), CLASSES)
def test_each_number_gets_its_reason(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(m.text, reason) for m, reason in classify_numbers(sentence)]
    assert found == expected


def test_every_reason_is_tested() -> None:
    tested = {reason for _, pairs in CLASSES for _, reason in pairs}
    assert {*REASONS, "date"} <= tested


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 787-9 and the 777x fly.", {"787", "777"}),
        ("Boeing 737 jets and the Airbus 350.", {"737", "350"}),
        ("Ostrava won 4-1, then 3-0.", set()),  # scores: small numbers
        ("In May 2019 the Boeing 2019 plan.", set()),  # a year is no identifier
    ],
)
def test_identifier_numbers(text: str, expected: set[str]) -> None:
    assert identifier_numbers(text) == expected
