"""Numbers that count nothing: why a number expression is not a count, or ``None`` when it may be one.

A count says how many of something there are ("30 jets", "dozens of deaths"). Many numbers in
news name or measure instead, and each class has its own mark in the words around it:

- ``time``: a clock word or zone after it, a clock form after "at"/"until" (``6 o'clock``,
  ``at 17.00``, ``9 a.m. ET``);
- ``rate``: a share, "per", "out of", "one in", a frequency (``40 percent``, ``3 per 1,000``,
  ``one night out of 17``, ``200 a day``);
- ``phone``: digit groups joined by dashes, after "call"/"dial", an emergency number's calls
  (``1-800-843-0008``, ``called 911``, ``911 calls``);
- ``score``: two small numbers joined by a dash (``a 4-1 win``);
- ``measure``: a unit of measurement after it (``390 million miles``, ``2,300 tons``);
- ``price``: a currency sign or word (``$8.8 billion``, ``50 euros``);
- ``ordinal``: an ordinal suffix, or "No."/"number" before it (``6th``, ``number one buyer``);
- ``age``: "aged", "years old", a name's apposition (``aged 51``, ``Webb, 51,``);
- ``identifier``: a name before it, letters or digits glued to it, a number just before it
  (``Boeing 787``, ``777x``, ``787-9``, ``400 737 Max jets``);
- ``year``: a bare four-digit year (``until at least 2021``);
- ``pronoun``: "one" with no hedge, an article or a pronoun (``the only one``, ``from one room
  to another``); "at least one" counts;
- ``modifier``: a number made into an adjective or a fraction (``one-way``, ``two-thirds``);
- ``range``: an end of a range, which bounds a figure the text does not give (``242 to 330
  passengers``, ``between 300 and 400``; ``from 16 to 80`` is a change, each end a count);
- ``adverb``: "once" as "formerly" or "when", not how often (``once again``, ``Once it arrives``;
  ``numbers.py``).

Each mark is a property of how English writes that kind of number, not of a page: they hold
across outlets. An identifier's number also names the same thing elsewhere in its article
("the 737 Max" after "400 737 Max jets"): one sense per discourse (``identifier_numbers``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["REASONS", "identifier_numbers", "non_count_reason"]

REASONS = (
    "time", "rate", "phone", "score", "measure", "price", "ordinal", "age", "identifier", "year", "pronoun",
    "modifier", "adverb", "range",
)  # fmt: skip
BEFORE_CHARS, AFTER_CHARS = 30, 40  # context looked at: a few words either side

_MEASURE_UNITS = (
    r"(?:(?:square|cubic|metric|nautical|light)[\s-])?(?:miles?|mi|kilomet(?:er|re)s?|km|met(?:er|re)s?"
    r"|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm|feet|foot|ft|inch(?:es)?|yards?|tons?|tonnes?"
    r"|lbs?|kilo(?:gram)?s?|kg|grams?|ounces?|oz|lit(?:er|re)s?|gallons?|degrees?|mph|km/h|knots?"
    r"|acres?|hectares?|calories|kcal|(?:kilo|mega|giga|tera)?watts?|[kMGT]W|[MGT]Wh|kWh|(?:giga|mega|tera)?bytes?"
    r"|GB|MB|TB|volts?|decibels?|light-years?|mAh|[kMG]?Hz|barrels?|bpd|sq|g|gm|ml|tbsp|tsp|teaspoons?"
    r"|tablespoons?|°[CF]?|″|horsepower|b?hp|Nm|kph|kmh|megapixels?|fps|pixels?|px)"
)
_CURRENCY = (
    r"(?:dollars?|cents?|euros?|pounds?|sterling|rials?|tomans?|yuan|yen|rubles?|roubles?|dinars?"
    r"|pesos?|rupees?|francs?|shekels?|lira|bucks|bn|m|USD|EUR|GBP)"
)
# Currencies spelled out: "millions of dollars" is money (a weight in "tons of pounds" is no count either).
_CURRENCY_WORDS = (
    r"(?:dollars|euros|pounds|rials|tomans|yuan|yen|rubles|roubles|dinars|pesos|rupees|francs|shekels)"
)
_SMALL = r"(?:two|three|four|five|six|seven|eight|nine|ten)"  # "four in 10 voters": a ratio's numerator
_TIME_WORDS = r"(?:a\.m\.?|p\.m\.?|am|pm|o'clock|o’clock|hrs|GMT|UTC|ET|EST|EDT|PST|PDT|CET|BST|local time)"
_SPAN_PREPOSITIONS = r"(?:in|over|for|within|during|after|before|than|of|to|from)"  # "14 sold in ... per"
_PER_SPAN = r"(?:second|minute|hour|day|night|week|month|year)"
_STREETS = r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Place|Square|Court|Way)\b"
_ID_NOUNS = (
    r"(?:flight|route|highway|interstate|room|suite|apartment|unit|bill|case|section|article|chapter"
    r"|page|episode|season|level|type|category|phase|stage|grade|gate|line|track|platform|district|precinct|ward|lot|model|version"
    r"|channel|code|row|seat|exit|pier|terminal|bus|train|amendment|resolution|decree|law|no\.?|number|#"
    r"|part|volume|vol\.)"
)
_DESIGNS = r"(?:solution|system|layout|format|model|structure|configuration|setup|engine|transmission|design)"
AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rate", re.compile(r"^\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b)", re.I)),
    ("time", re.compile(rf"^\s*{_TIME_WORDS}(?!\w)", re.I)),
    (
        "time",
        re.compile(r"^[:.]\d\d(?:\b|(?=[ap]\.?m\b|hrs?\b|h\b))(?![.,]\d)", re.I),
    ),  # "12:00pm", "20:00hrs"
    ("phone", re.compile(r"^[-.\s]\(?\d{3}\)?[-.\s]\d{3,4}(?:[-.\s]\d{4})?\b", re.I)),
    ("score", re.compile(r"^\s?[-–]\s?\d{1,2}(?![\d\w-])")),
    ("ordinal", re.compile(r"^(?:st|nd|rd|th)\b", re.I)),
    ("age", re.compile(r"^(?:\s*|-)(?:years?[-\s]old|-year-old|yo\b)", re.I)),
    ("measure", re.compile(rf"^(?:\s*|-){_MEASURE_UNITS}(?![\w])", re.I)),  # "1.5°C", "4GB", "5 g"
    ("measure", re.compile(rf"^\s+of\s+{_MEASURE_UNITS}(?![\w])", re.I)),  # "thousands of light-years"
    ("price", re.compile(rf"^\s*{_CURRENCY}\b")),
    ("price", re.compile(rf"^\s+of\s+(?:US\s+)?{_CURRENCY_WORDS}\b", re.I)),  # "millions of dollars"
    (
        "modifier",
        re.compile(
            r"^-(?:thirds?|quarters?|fifths?|tenths?|halves|half|fold|on-one|way|off|sided|stop)\b", re.I
        ),
    ),
    ("measure", re.compile(r"^\s?[x×]\s?\d")),  # a size: "3440x1440", "10 x 8"
    # a number made a modifier of a design names its kind, not things that are there or took place:
    # "a two-state solution", "a two-party system", "a four-cylinder engine"
    ("modifier", re.compile(rf"^-[a-z]+(?:\s+[a-z]+)?\s+{_DESIGNS}s?\b", re.I)),
    # the window of a rate or an average ("a seven-day rate", "the 14-day average") and the age of an
    # anniversary ("the 100-year anniversary") measure, they count nothing that lasted or took place
    ("rate", re.compile(r"^-[a-z]+\s+(?:rolling\s+|moving\s+)?(?:rate|average|mean|anniversary)\b", re.I)),
    ("rate", re.compile(r"^-(?:of|for)-\d")),  # "20-of-24 passing", "0-for-9": a ratio
    ("rate", re.compile(r"^:\d(?!\d)")),  # an aspect ratio: "16:9" ("10:30" is a time, above)
    ("glued", re.compile(r"^(?:[-–]\d|[A-Za-z]\b|/\d)")),  # "2400E Road", "787-9", "2/3": even hedged
    (
        "identifier",
        re.compile(rf"^\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}{_STREETS}"),
    ),  # an address: "10 Downing Street"
    (
        "rate",
        re.compile(
            r"^\s*(?:per\b|out of\b|(?:in|for) every\b|in (?:\d|ten|a hundred|a thousand)"
            r"|-to-(?:\d|one)|to 1\b|times (?:a|per|as|more|less|[a-z]+er)\b"
            r"|a (?:day|week|month|year|head|piece)\b"
            r"|an hour\b|each (?:day|week|month|year)\b)",
            re.I,
        ),
    ),
    # what is counted, then "per" a span of time: "60 frames per second" (but "200 patients a day"
    # still counts the patients of one day)
    ("rate", re.compile(rf"^(?:\s+(?!{_SPAN_PREPOSITIONS}\b)[\w-]+){{1,2}}\s+per\s+{_PER_SPAN}\b", re.I)),
)
BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("price", re.compile(r"(?:[$€£¥₹]|\b(?:US|USD|EUR|GBP|Rs|Rp)\.?)\s*$")),
    ("time", re.compile(r"\b(?:at|until|till|by|from|before|after|between)\s+$", re.I)),  # + a clock form
    ("rate", re.compile(rf"\b(?:per|every|in every|(?:one|\d+|{_SMALL}) (?:in|out of)|ratio of)\s+$", re.I)),
    ("phone", re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:ed|ing|s|led|ling)?|text(?:ed)?|phone|tel\.?|fax)"
                         r"\s*:?\s*$", re.I)),
    ("age", re.compile(r"\b(?:aged|age of|ages of|age|at age)\s*$", re.I)),
    # the second number of an age range: "aged 18 to 29", "between the ages of 18 and 29"
    ("age", re.compile(r"\b(?:aged|ages of)\s+(?:between\s+)?\d{1,3}\s*(?:and|to|-|–)\s*$", re.I)),
    ("score", re.compile(r"\b\d{1,2}\s?[-–]\s?$")),  # the second number of "2 – 0"
    ("measure", re.compile(r"\d\s?[x×]\s?$")),  # the second side of a size: "10 x 8"
    ("rate", re.compile(r"\b\d{1,2}:$")),  # the second term of an aspect ratio: "16:9"
    ("ordinal", re.compile(r"(?:\bNo\.?|\bnumber|#)\s*$", re.I)),
    ("identifier", re.compile(rf"(?:\b[A-Z][\w.]*|[A-Za-z]-|\b{_ID_NOUNS})\s*$")),
)  # fmt: skip
_NUM = (
    r"(?:\d[\d,.]*(?:\s+(?:thousand|million|billion))?|(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?)"
)
RANGE_FIRST = re.compile(rf"^\s+to\s+(?:about\s+|around\s+)?{_NUM}\b", re.I)  # "242 | to 330"
RANGE_SECOND = re.compile(rf"\b{_NUM}\s+to\s+(?:about\s+|around\s+)?$", re.I)  # "242 to | 330"
CHANGE_BEFORE = re.compile(r"\b(?:from|by)\s+$", re.I)  # "rose from 16 to 80", "down by 30 to 126"
BETWEEN_FIRST = re.compile(r"\bbetween\s+$", re.I)  # "between | 300 and 400"
BETWEEN_AFTER = re.compile(rf"^\s+and\s+{_NUM}\b", re.I)
BETWEEN_SECOND = re.compile(rf"\bbetween\s+{_NUM}\s+and\s+$", re.I)  # "between 300 and | 400"
POINTS = re.compile(r"^(?:\s+|-)points?\b", re.I)
# a margin: "a two-goal lead", "a 10-seat majority" tell a difference, not what was scored or won
MARGIN = re.compile(r"^[\s-][a-z]+[\s-](?:lead|margin|deficit|advantage|edge|cushion|majority)\b", re.I)
POLL = re.compile(r"\b(?:polls?|polling|surveys?|surveyed|percent|per cent|margin of error)\b|%", re.I)
POLL_CHARS = 150  # about a sentence either side: a poll's points are told beside its percentages
EMERGENCY_NUMBERS = frozenset(("911", "999", "112", "000", "111", "101"))
EMERGENCY_CALLS = re.compile(r"^\s*(?:calls?|operators?|dispatch)", re.I)
WORD_AFTER = re.compile(r"^\s+[A-Za-z]")
OUT_OF = re.compile(r"\bout of\s+$", re.I)
REFERENCE_END = re.compile(r"^(?:,\s*\d+)*\)")
LONG_DIGITS = re.compile(r"^\d{7,}$")
CLOCK = re.compile(r"^\d{1,2}[.:]\d{2}$")
YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
# "Varga, 51, is ...", "the suspect, 29, and his wife, 27,": a person's apposition is an age
APPOSITIVE_AGE_BEFORE = re.compile(
    r"(?:\b[A-Z][\w’'-]+|\b(?:suspect|victim|driver|pilot|man|woman|boy|girl|wife|husband|son|daughter|mother"
    r"|father|brother|sister|friend|teacher|student|officer|worker|resident|mayor|singer|actor|actress))"
    r",\s*$"
)
NUMBER_BEFORE = re.compile(r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten))\s+$", re.I)
SENTENCE_START = re.compile(r"(?:^|[.!?\n][\"'”’)]?)\s*$")
# "only one title", "just one person": "one" stressed as a quantity ("the only one who left" is a pronoun)
ONLY_BEFORE = re.compile(r"\b(?:only|just|a single|exactly)\s+$", re.I)
THE_ONLY_BEFORE = re.compile(r"\b(?:the|an?|his|her|its|their|our|my|your)\s+only\s+$", re.I)
GLUED_NOUN = re.compile(r"^-(?!time\b)[a-z]+\b(?!-)")  # "a one-game suspension" counts; "one-time": former
NAME_BEFORE = re.compile(r"\b[A-Z][\w’'.]*(?:-|\s)$")  # a capitalised word just before: "Take-", "Pick "
NAME_ONE = re.compile(r"^\s+[A-Z]")  # "One Home Depot", "One World Trade Center": a name, not a count


def non_count_reason(
    text: str, start: int, end: int, *, hedged: bool = False, identifiers: Iterable[str] = ()
) -> str | None:
    """Why the number ``text[start:end]`` counts nothing (one of ``REASONS``), or ``None``.

    ``hedged`` is true when a hedge ("more than", "about") comes before it: a hedged number is a
    quantity, never an identifier. ``identifiers`` are the numbers the article uses as identifiers.
    """
    core = text[start:end]
    before, after = text[max(0, start - BEFORE_CHARS) : start], text[end : end + AFTER_CHARS]
    for reason, pattern in AFTER:
        if pattern.search(after) and not (reason == "identifier" and hedged):
            if reason == "glued":
                return "modifier" if after.startswith("/") else "identifier"  # "2/3" is a fraction
            return "identifier" if reason == "score" and len(core) > 2 else reason  # "787-9": a model
    if POINTS.match(after) and POLL.search(text, max(0, start - POLL_CHARS), end + POLL_CHARS):
        return "rate"  # "a 32-point lead" in a poll: a difference of percentages, not points scored
    if MARGIN.match(after):
        return "score"
    found = next(
        (r for r, pattern in BEFORE if pattern.search(before) and _applies(r, core, before, hedged)), None
    )
    if found is None and _in_a_range(before, after):
        return "range"
    return found or _by_form(core, before, after, hedged, identifiers)


def _in_a_range(before: str, after: str) -> bool:
    """Whether the number is an end of a range ("242 to 330 passengers", "between 300 and 400"): a
    range bounds a figure the text does not give, so neither end is a count; "from 16 to 80" and
    "down by 30 to 126" tell a change, each end a count."""
    if RANGE_FIRST.match(after):
        return CHANGE_BEFORE.search(before) is None
    if RANGE_SECOND.search(before):
        return CHANGE_BEFORE.search(RANGE_SECOND.sub("", before)) is None
    if BETWEEN_SECOND.search(before):
        return True
    return BETWEEN_FIRST.search(before) is not None and BETWEEN_AFTER.match(after) is not None


def _applies(reason: str, core: str, before: str, hedged: bool) -> bool:
    """Whether a mark before the number holds for this number: a clock form after "at", digits
    after a name ("Flight 370", not "In 30 cities"), no hedge before an identifier."""
    if reason == "time":
        return CLOCK.match(core) is not None
    if reason in ("identifier", "phone") and (hedged or not core[:1].isdigit()):
        return False
    if reason == "identifier":
        return not _function_word_before(before)
    return not (reason == "ordinal" and hedged)


def _by_form(core: str, before: str, after: str, hedged: bool, identifiers: Iterable[str]) -> str | None:
    digits = core[:1].isdigit()
    checks = (
        ("phone", core in EMERGENCY_NUMBERS and EMERGENCY_CALLS.match(after) is not None),  # "911 calls"
        # "until at least 2021.": a year even when hedged, unless a noun follows ("2000 people")
        ("year", YEAR.match(core) is not None and (not hedged or not WORD_AFTER.match(after))),
        # "one night out of 17"; but "out of 17 observations" counts observations
        ("rate", OUT_OF.search(before) is not None and not WORD_AFTER.match(after)),
        ("age", APPOSITIVE_AGE_BEFORE.search(before) is not None and after.startswith(",")),
        (
            "identifier",
            digits and not hedged and (core in identifiers or NUMBER_BEFORE.search(before) is not None),
        ),
        # seven digits or more with no separator: news writes counts "1,500,000" or "1.5 million",
        # so a bare run of digits is a number of an account, a record or a timestamp
        ("identifier", LONG_DIGITS.match(core) is not None),
        # a number alone in parentheses refers to a source or a footnote: "for over 50 years (1)."
        ("identifier", before.endswith("(") and REFERENCE_END.match(after) is not None),
    )
    found = next((reason for reason, hit in checks if hit), None)
    if found is None and not hedged and _in_a_name(core, before, after):
        return "identifier"
    if found is None and core.lower() == "one" and not hedged and not GLUED_NOUN.match(after):
        if ONLY_BEFORE.search(before) and not THE_ONLY_BEFORE.search(before):
            return None  # "only one title", "just one of the matches": a quantity stressed, not a pronoun
        # "One Home Depot" mid-sentence is a name; "one room to another", "the only one": no count
        name = core == "One" and NAME_ONE.match(after) and not SENTENCE_START.search(before)
        return "identifier" if name else "pronoun"
    return found


def _in_a_name(core: str, before: str, after: str) -> bool:
    """A number word capitalised inside a sentence, joined to a capitalised word before it, is part
    of a name ("Take-Two Interactive", "the Pick Six Newsletter", "the Big Ten Conference")."""
    if not core[:1].isupper() or core[:1].isdigit() or core.lower() == "one" or SENTENCE_START.search(before):
        return False
    return NAME_BEFORE.search(before) is not None and not _function_word_before(before)


# Capitalised only because they open a sentence: "In 30 cities", "The 12 jets", "About 40".
FUNCTION_WORDS = frozenset(
    """in the a an of for by on at about some all only just with and but nearly over those these its his
    her their our from after before to another almost around more than less up as since during
    while when what all every each including among across between""".split()
)


def _function_word_before(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].lower().strip(".,") in FUNCTION_WORDS


_GLUED_ID = re.compile(r"(?<![\w.,-])(\d{2,})(?:[A-Za-z]\b|[-–]\d)")
_NAMED_ID = re.compile(r"\b[A-Z][a-z]+(?:'s|’s)?\s+(\d{3,})(?!,\d)\b")
_NUMBERED_ID = re.compile(r"\b\d[\d,]*\s+(\d{3,})\b(?![,.]\d)")  # "400 737 Max jets"


def identifier_numbers(text: str) -> frozenset[str]:
    """Numbers ``text`` uses as identifiers somewhere: glued to a letter or a dash-number ("777x",
    "787-9") or after a capitalised name ("Boeing 737"). Scores are small numbers and stay out."""
    glued = {m.group(1) for m in _GLUED_ID.finditer(text) if len(m.group(1)) >= 3}
    named = {
        m.group(1)
        for rx in (_NAMED_ID, _NUMBERED_ID)
        for m in rx.finditer(text)
        if not YEAR.match(m.group(1))
    }
    return frozenset(glued | named)
