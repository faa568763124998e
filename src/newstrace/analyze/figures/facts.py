"""Reported figures: numbers that count something, with unit, date, place and who asserts them.

For each number that may count something (``numbers.py``), the sentence is parsed and:

- the **unit** is what the number counts: the noun it modifies ("1,500 people"), the noun after
  "of" ("dozens of deaths", "one of the think tanks"), or the subject when the number is a verb's
  object ("the death toll had surpassed 1,500"); with the event it took part in when there is
  one ("212 people had been arrested" -> "people arrested"; "deaths" -> "people killed", but
  "Covid-19 death toll" -> "Covid-19 deaths": a disease kills nobody);
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstrace.analyze.figures.numbers import NumberMention, find_numbers
from newstrace.analyze.nlp import ArticleNLP, article_nlp, shared_model
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

DURATION_NOUNS = frozenset("second minute hour day week month year decade century".split())
# What an event noun or verb does to what is counted, as a participle ("deaths" -> "killed").
EVENT_WORDS = {
    "death": "killed",
    "toll": "killed",
    "dead": "killed",
    "fatality": "killed",
    "killing": "killed",
    "kill": "killed",
    "die": "killed",
    "murder": "killed",
    "execution": "executed",
    "execute": "executed",
    "hang": "executed",
    "arrest": "arrested",
    "detain": "arrested",
    "detention": "arrested",
    "imprison": "imprisoned",
    "jail": "imprisoned",
    "injure": "injured",
    "injury": "injured",
    "wound": "injured",
    "sentence": "sentenced",
    "abduct": "abducted",
    "kidnap": "abducted",
    "disappear": "disappeared",
    "displace": "displaced",
    "flee": "fled",
    "evacuate": "evacuated",
    "protest": "protesting",
    "demonstrate": "protesting",
    "march": "marching",
    "rally": "rallying",
    "strike": "striking",
    "gather": "gathering",
    "attend": "attending",
    "participate": "participating",
}
# A death toll qualified by one of these counts deaths from illness, not killings.
DISEASE_WORDS = frozenset(
    "covid covid-19 coronavirus virus pandemic disease cancer flu influenza cholera".split()
)
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
PLURAL_PRONOUNS = frozenset(("them", "us", "those", "these"))
MODAL = re.compile(r"\b(?:could|would|might|may|faces?|facing|carries|carry)\b", re.IGNORECASE)
NOUN_RUN_MAX = (
    8  # words of a counted noun phrase looked at after a number ("30 of Boeing's 787-9 Dreamliner jets")
)
# Verbs whose subject gives a figure for their object ("Police estimated the crowd at 12,000").
ESTIMATE_VERBS = frozenset("estimate put count number tally place reckon".split())


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
    wanted = [s for s in nlp.sentences if any(s.start <= n.start < s.end for n in numbers)]
    nlp.parse_all([(s.start, s.end) for s in wanted])
    facts = []
    for sentence in wanted:
        inside = [n for n in numbers if sentence.start <= n.start < sentence.end]
        doc = nlp.parse(sentence.start, sentence.end)
        for number in inside:
            if number.qualifier == "up to" and MODAL.search(article.text[sentence.start : sentence.end]):
                continue  # "could face up to five years": a maximum that may come, no count of what came
            fact = _fact(ctx, sentence, doc, number)
            if fact.unit:
                facts.append(fact)
            else:  # a number with nothing counted is no fact: "nothing counted" is its reason
                log.debug("%s: %r counts nothing", article.id, number.text)
    return facts


def _fact(ctx: _Context, sentence: Sentence, doc: Doc, number: NumberMention) -> Fact:
    core_start = number.start + (
        len(number.qualifier) + 1 if number.qualifier and number.qualifier != "plus" else 0
    )
    tokens = _tokens(doc, core_start - sentence.start, number.end - sentence.start)
    unit = _unit(tokens) if tokens else ""
    if number.text.lower().endswith("century"):
        unit = "years"  # "a quarter century": 25 years
    duration = bool(unit) and unit.split()[-1].lower().rstrip("s") in DURATION_NOUNS  # measures time
    text = ctx.article.text
    return Fact(
        id=stable_id(ctx.article.id, "fact", core_start, number.end),
        article=ctx.article.id,
        value=number.value,
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
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


# ---------------------------------------------------------------------- unit
def _unit(number: list[Token]) -> str:
    """What the number counts, with the event it took part in."""
    found = _counted(number)
    if found is None:
        return ""
    phrase, noun = found
    lemma = noun.lemma_.lower()
    if lemma in ("death", "toll", "dead", "fatality"):
        disease = next((w for w in phrase.split() if w.lower() in DISEASE_WORDS), None)
        return f"{disease} deaths" if disease else "people killed"
    if lemma in EVENT_WORDS and noun.pos_ == "NOUN" and lemma not in ("strike", "march", "rally"):
        return f"people {EVENT_WORDS[lemma]}"
    if lemma == "time" and noun.dep_ == "npadvmod" and noun.head.pos_ == "VERB":
        return f"{phrase} {noun.head.text}"  # "scored four times": how often it happened
    event = _event_of(noun)
    return f"{phrase} {event}" if event else phrase


def _counted(number: list[Token]) -> tuple[str, Token] | None:
    """The phrase naming what is counted, and its head noun."""
    doc, after = number[-1].doc, number[-1].i + 1
    compound = _compound(doc, after)
    if compound is not None:
        return compound
    if after < len(doc) and doc[after].lower_ == "of":  # "dozens of deaths", "one of the think tanks"
        if after + 1 < len(doc) and doc[after + 1].lower_ in PLURAL_PRONOUNS:
            return _antecedent(doc, number[0].i)  # "hundreds of them" counts the teachers named before
        return _noun_run(doc, after + 1)
    found = _noun_run(doc, after)
    if found is not None:
        return found
    subject = _subject_of_governor(number[-1])  # "the death toll had surpassed 1,500"
    return (_noun_phrase(subject), subject) if subject is not None else None


def _antecedent(doc: Doc, before: int) -> tuple[str, Token] | None:
    """The plural noun a pronoun stands for: the last one before it in the sentence."""
    noun = next((t for t in reversed(doc[:before]) if t.tag_ in ("NNS", "NNPS")), None)
    return (noun.text, noun) if noun is not None else None


def _compound(doc: Doc, after: int) -> tuple[str, Token] | None:
    """A number made a modifier counts its noun: "a two-day trial" -> "days of trial"."""
    if after + 1 >= len(doc) or doc[after].text not in ("-", "–"):
        return None
    noun = doc[after + 1]
    if noun.pos_ != "NOUN" or noun.head.i <= noun.i or noun.head.pos_ not in ("NOUN", "PROPN"):
        return None
    head = noun.head
    return f"{_plural(noun.lower_)} of {doc[noun.i + 1 : head.i + 1].text}", noun


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def _noun_run(doc: Doc, start: int) -> tuple[str, Token] | None:
    """The noun phrase starting at ``start`` ("prior uprisings", "the regime's think tanks")."""
    words: list[Token] = []
    for tok in doc[start : start + NOUN_RUN_MAX]:
        if tok.tag_ == "POS" or tok.dep_ == "case" or (tok.dep_ in ("det", "poss") and not words):
            words = []  # a possessive starts the phrase again: "the regime's | think tanks"
            continue
        if tok.like_num or _number_dash(tok):  # a model's number: "the 737 Max jet", "787-9 jets"
            words.append(tok)
            continue
        if (tok.pos_ not in ("ADJ", "NOUN", "PROPN") and tok.dep_ != "amod") or tok.is_punct:
            break  # a participle modifying the noun stays: "the embattled 737 Max jet"
        words.append(tok)
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    head = nouns[-1]
    return doc[words[0].i : head.i + 1].text, head


def _number_dash(tok: Token) -> bool:
    """A dash inside a model number ("787-9")."""
    doc = tok.doc
    return (
        tok.text in ("-", "–")
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].like_num
        and doc[tok.i + 1].like_num
    )


def _subject_of_governor(token: Token) -> Token | None:
    """What a number counts when it is a verb's object: "estimated the crowd at 12,000" -> crowd,
    "the death toll had surpassed 1,500" -> toll, "the number of marchers at 5,000" -> marchers."""
    if token.dep_ not in ("dobj", "attr", "pobj", "npadvmod", "nummod", "quantmod", "appos"):
        return None
    verb = token.head if token.head.pos_ in ("VERB", "AUX") else token.head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != token.i), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    noun = obj if obj is not None else (None if verb.lemma_.lower() in ESTIMATE_VERBS else subject)
    if noun is None or noun.pos_ != "NOUN":
        return None
    of = next((c for c in noun.children if c.lower_ == "of"), None)
    if noun.lemma_.lower() in ("number", "figure", "total", "count") and of is not None:
        return _first_noun(of.children) or noun
    return noun


def _first_noun(tokens: Iterable[Token]) -> Token | None:
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
        found = _first_noun(tok.children)
        if found is not None:
            return found
    return None


def _noun_phrase(noun: Token) -> str:
    """The noun with its compound and adjective modifiers directly before it ("death toll")."""
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i >= noun.i - 3]
    start = min([noun.i, *(c.i for c in left)])
    return str(noun.doc[start : noun.i + 1].text)


def _event_of(noun: Token) -> str | None:
    """The event the counted things took part in: the verb they are subject of, or an event noun."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ == "VERB":
        return EVENT_WORDS.get(head.lemma_.lower())
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return EVENT_WORDS.get(head.head.lemma_.lower())
    if noun.dep_ in ("acl", "relcl") or any(c.dep_ in ("acl", "relcl") for c in noun.children):
        verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl")), None)
        return EVENT_WORDS.get(verb.lemma_.lower()) if verb is not None else None
    return None


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
    for ent in ctx.nlp.entities.ents:
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
    if verb.lemma_.lower() not in ESTIMATE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _name_of(subject) if subject is not None else None


def _according_to(doc: Doc) -> str | None:
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            noun = _first_noun(doc[tok.i + 1].children)
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
        if node.lemma_.lower() in REPORTING_VERBS and child.dep_ in (
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
    return name


def _name_of(token: Token) -> str:
    """The name a token belongs to ("MEK", "the Interior Ministry" -> "Interior Ministry")."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and token.lemma_.lower() in DOCUMENT_NOUNS:
        token = owner  # "the ministry's own figures showed" -> the ministry asserts it
    if token.ent_type_:
        return str(token.doc[token.left_edge.i : token.i + 1].text).removeprefix("the ").removeprefix("The ")
    return _noun_phrase(token)
