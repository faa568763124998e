"""Reported figures: numbers that count something, with unit, date, place and who asserts them.

For each number that may count something (``numbers.py``), the sentence is parsed and:

- the **unit** is what the number counts, with its event (``units.py``); a number that counts
  nothing there is no fact;
- the **date** is a date expression of the sentence, else the last one earlier in the paragraph
  (durations such as "two years" get none);
- the **place** is a place named in the sentence;
- **asserted_by** is the speaker when the number is inside a quotation, the X of "according to X",
  or the subject of a reporting verb whose clause holds the number ("The MEK reported that ...");
  in the writer's own voice it stays null.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from newstrace.analyze.figures.bare import ESTIMATE_VERBS
from newstrace.analyze.figures.literal import in_a_title
from newstrace.analyze.figures.numbers import NumberMention, find_numbers, match_single
from newstrace.analyze.figures.units import unit_of
from newstrace.analyze.figures.words import first_noun, noun_phrase
from newstrace.analyze.nlp import ArticleNLP, article_nlp, lemma, shared_model
from newstrace.analyze.step import ArticleWork, Resources, Step
from newstrace.ids import stable_id
from newstrace.model import Article, ArticleEntity, DateMention, Fact, Quote
from newstrace.text.date_mentions import dates_in, find_date_mentions, month_reference
from newstrace.text.dates import PartialDate
from newstrace.text.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

__all__ = ["STEP", "FactsStep", "find_facts"]

# Spans of many years said as one: news gives them in years ("for over a decade" -> 10 years).
YEARS_IN = {"decade": 10.0, "century": 100.0}
DURATION_NOUNS = frozenset("second minute hour day week month year decade century".split())
# Verbs whose subject asserts what their clause says (PARC/PolNeAR-style source verbs).
REPORTING_VERBS = frozenset(
    """
    report say tell announce claim state estimate confirm count record document add note reveal
    disclose allege insist assert write tweet publish show indicate find""".split()
)
PLACE_LABELS = ("GPE", "LOC")
DOCUMENT_NOUNS = frozenset(
    "figure figures data report bulletin statement tally count estimate survey".split()
)
# A bare number followed by a preposition or a stop counts what the figure before it counted ("1,500
# more." too).
ELLIPSIS_AFTER = re.compile(
    r"^\s*(?:(?:more|others|fewer)\b\s*)?(?:(?:to|for|from|in|on|at|by|with|and|or)\b(?!\s+\d)|[.;,](?:\s|$))",
    re.IGNORECASE,
)
MODAL = re.compile(r"\b(?:could|would|might|may|faces?|facing|carries|carry)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Context:
    """What the fact finder needs about one article."""

    article: Article
    nlp: ArticleNLP
    quotes: Sequence[Quote]
    entities: Sequence[ArticleEntity]
    dates: Sequence[DateMention]
    base: PartialDate | None


class FactsStep(Step[list[Fact]]):
    """Attaches the article's reported figures, with who asserts them."""

    name = "facts"
    needs = ("dates", "entities", "quotes")

    def prepare(self, resources: Resources) -> None:
        """Load the spaCy model."""
        shared_model(resources)

    def find(self, work: ArticleWork) -> list[Fact]:
        """The article's facts."""
        return find_facts(work.article, article_nlp(work), work.quotes, work.entities, work.dates)

    def attach(self, work: ArticleWork, found: list[Fact]) -> None:
        """Add them to ``work.facts``."""
        work.facts.extend(found)


STEP = FactsStep()


def find_facts(
    article: Article,
    nlp: ArticleNLP,
    quotes: Sequence[Quote] = (),
    entities: Sequence[ArticleEntity] = (),
    dates: Sequence[DateMention] | None = None,
) -> list[Fact]:
    """Every figure in ``article`` that counts something, in text order.

    ``quotes``, ``entities`` and ``dates`` (from the steps before) give speakers, canonical names and
    resolved dates; ``dates`` is computed here when not given.
    """
    found_dates = find_date_mentions(article) if dates is None else dates
    ctx = _Context(article, nlp, quotes, entities, found_dates, PartialDate.from_iso(article.published))
    numbers = find_numbers(article.text, found_dates)
    wanted = [
        s
        for s in nlp.sentences
        if any(s.start <= n.start < s.end for n in numbers)
        and not in_a_title(article.text[s.start : s.end])  # a headline or a link's title: page furniture
    ]
    nlp.parse_all([(s.start, s.end) for s in wanted])
    facts: list[Fact] = []
    for sentence in wanted:
        inside = [n for n in numbers if sentence.start <= n.start < sentence.end]
        doc = nlp.parse(sentence.start, sentence.end)
        counted = _last_in_paragraph(article.text, facts, sentence.start)
        for number in inside:
            if number.qualifier == "up to" and MODAL.search(article.text[sentence.start : sentence.end]):
                continue  # "could face up to five years": a maximum that may come, no count of what came
            fact = _fact(ctx, sentence, doc, number)
            if not fact.unit and counted is not None and ELLIPSIS_AFTER.match(article.text[number.end :]):
                fact = replace(fact, unit=counted.unit)  # "five sales: two to Biman and three to Ghana"
            if fact.unit and not _fraction_of_things(fact):
                facts.append(fact)
                counted = fact
            else:  # a number with nothing counted is no fact: "nothing counted" is its reason
                log.debug("%s: %r counts nothing", article.id, number.text)
    return facts


def _fraction_of_things(fact: Fact) -> bool:
    """Whether ``fact`` gives a fraction of things that come whole ("7.3 of another race" is a share,
    "25.9 new cases" a rate): a count of things is a whole number; only a span of time is counted in
    fractions ("2.5 years", "5 ½ years")."""
    span = fact.unit.split()[0].lower().rstrip("s") in DURATION_NOUNS
    return not span and not float(fact.value).is_integer()


def _a_person(entities: Sequence[ArticleEntity], unit: str) -> bool:
    """Whether ``unit`` is the name of a person of the article."""
    return any(e.kind == "PER" and unit in (e.name, *e.aliases) for e in entities) if unit else False


def _last_in_paragraph(text: str, facts: list[Fact], start: int) -> Fact | None:
    """The last figure counted before ``start`` in its paragraph: a bare number after it counts the
    same thing ("Cruz has 370 delegates. Kasich has 129.")."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    return facts[-1] if facts and facts[-1].start >= paragraph_start else None


def _fact(ctx: _Context, sentence: Sentence, doc: Doc, number: NumberMention) -> Fact:
    core_start = number.start + (
        len(number.qualifier) + 1 if number.qualifier and number.qualifier != "plus" else 0
    )
    tokens = _tokens(doc, core_start - sentence.start, number.end - sentence.start)
    unit = unit_of(tokens) if tokens else ""
    if _a_person(ctx.entities, unit):
        unit = ""  # "Sanders will win at least 73": a person is who gets them, not what is counted
    value = number.value
    if number.text.lower().endswith("century"):
        unit = "years"  # "a quarter century": 25 years
    elif number.text.lower().endswith("long"):  # "an hourlong encounter": one hour of the encounter
        span = number.text.lower().split()[-1].removesuffix("long").rstrip("-")
        unit = f"{span} of {unit}" if unit else span
    elif match_single(number) and unit.lower() in YEARS_IN:  # "for over a decade": ten years
        value, unit = YEARS_IN[unit.lower()], "years"
    duration = bool(unit) and unit.split()[-1].lower().rstrip("s") in DURATION_NOUNS  # measures time
    text = ctx.article.text
    return Fact(
        id=stable_id(ctx.article.id, "fact", core_start, number.end),
        article=ctx.article.id,
        value=value,
        unit=unit,
        start=core_start,
        end=number.end,
        text=text[core_start : number.end],
        date=None if duration else _date(ctx, sentence, number),
        place=None if duration else _place(ctx, sentence),
        asserted_by=canonical_name(ctx.entities, _asserter(ctx, doc, tokens, number)),
        approximate=number.approximate,
        qualifier=number.qualifier,
    )


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of ``doc`` that overlap characters ``start:end`` (offsets read in one array, not
    token by token: a sentence's tokens were made anew for each of its numbers)."""
    offsets = doc.to_array(["IDX", "LENGTH"])
    starts, ends = offsets[:, 0], offsets[:, 0] + offsets[:, 1]
    return [doc[int(i)] for i in np.nonzero((starts < end) & (ends > start))[0]]


# ---------------------------------------------------------------------- date and place
def _date(ctx: _Context, sentence: Sentence, number: NumberMention) -> str | None:
    """The sentence's date, else a month named alone in it, else the paragraph's last date before."""
    text = ctx.article.text
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    found = [
        d
        for d in dates_in(ctx.dates, paragraph_start, sentence.end)
        if d.value is not None and not (number.start <= d.start < number.end)
    ]
    in_sentence = [d for d in found if d.start >= sentence.start]
    if in_sentence:
        return in_sentence[0].value
    earlier = [d for d in ctx.dates if d.end <= sentence.start]
    month = month_reference(text[sentence.start : sentence.end], earlier, ctx.base)
    if month is not None:
        return month.iso()
    return found[-1].value if found else None


def _place(ctx: _Context, sentence: Sentence) -> str | None:
    for entity in ctx.entities:  # a geocoded place of the sentence, by its canonical name
        if (
            entity.geo is not None
            and entity.kind in ("GPE", "LOC")
            and any(sentence.start <= m.start < sentence.end for m in entity.mentions)
        ):
            return entity.name
    for ent in ctx.nlp.ents:
        if ent.label_ in PLACE_LABELS and sentence.start <= ent.start_char < sentence.end:
            return str(ent.text)
    return None


# ---------------------------------------------------------------------- who asserts it
def _asserter(ctx: _Context, doc: Doc, tokens: list[Token], number: NumberMention) -> str | None:
    for quote in ctx.quotes:
        if quote.start <= number.start < quote.end and quote.speaker:
            return quote.speaker
    if not tokens:
        return None
    according = _according_to(doc)
    if according is not None:
        return according
    return _estimating_subject(tokens[-1]) or _reporting_subject(tokens[0])


def _estimating_subject(token: Token) -> str | None:
    """The subject of an estimate-like verb governing the number ("Police put the figure at 5,000")."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if lemma(verb).lower() not in ESTIMATE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _name_of(subject) if subject is not None else None


def _according_to(doc: Doc) -> str | None:
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            noun = first_noun(doc[tok.i + 1].children)
            if noun is not None:
                return _name_of(noun)
    return None


def _reporting_subject(token: Token) -> str | None:
    """The subject of the nearest reporting verb whose clause contains ``token``."""
    node = token
    for _ in range(12):  # parse trees of news sentences are shallow; this bounds odd parses
        if node.head is node:
            return None
        child, node = node, node.head
        if lemma(node).lower() in REPORTING_VERBS and child.dep_ in (
            "ccomp",
            "xcomp",
            "dobj",
            "advcl",
            "parataxis",
        ):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                return _name_of(subject)
    return None


def canonical_name(entities: Sequence[ArticleEntity], name: str | None) -> str | None:
    """The article's canonical name for ``name`` ("MEK" -> the entity's name), else ``name``."""
    if not name:
        return name
    key = name.lower().removeprefix("the ")
    for entity in entities:
        if any(alias.lower().removeprefix("the ") == key for alias in (entity.name, *entity.aliases)):
            return entity.name
    for entity in entities:  # "President Keith Gambill", "teacher Angela Cooper": a role before a name
        forms = (entity.name, *entity.aliases)
        if entity.kind == "PER" and any(len(f.split()) > 1 and key.endswith(" " + f.lower()) for f in forms):
            return entity.name
    return name


def _name_of(token: Token) -> str:
    """The name a token belongs to ("MEK", "the Interior Ministry" -> "Interior Ministry")."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and lemma(token).lower() in DOCUMENT_NOUNS:
        token = owner  # "the ministry's own figures showed" -> the ministry asserts it
    if token.ent_type_:
        return str(token.doc[token.left_edge.i : token.i + 1].text).removeprefix("the ").removeprefix("The ")
    return noun_phrase(token)
