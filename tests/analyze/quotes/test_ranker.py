"""The learned ranker of speaker candidates: its options, its weights, determinism, and speakers."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from newstrace.analyze.nlp import ArticleNLP, SpacyModel
from newstrace.analyze.quotes.coref import Coreference, NamedMention
from newstrace.analyze.quotes.extract import find_quotes
from newstrace.analyze.quotes.ranker import (
    FEATURES,
    Option,
    QuoteContext,
    SpeakerRanker,
    load_ranker,
    speaker_options,
)
from newstrace.model import Article, Span


def context_of(text: str, quote: str, names: dict[str, str]) -> tuple[Coreference, QuoteContext]:
    """A Coreference and the context of ``quote`` (one sentence: the whole text)."""
    found = [
        NamedMention(m.start(), m.end(), m.group(0), label)
        for name, label in names.items()
        for m in re.finditer(re.escape(name), text)
    ]
    mentions = sorted(found, key=lambda m: m.start)  # in text order, as NER gives them
    start = text.index(quote)
    quoted = [(start, start + len(quote))]
    coref = Coreference(text, mentions, quoted)
    counts = {n: len(re.findall(re.escape(n), text)) for n in names}
    return coref, QuoteContext(
        (start - 1, start + len(quote)), (0, len(text)), quoted, mentions, counts, None
    )


def feature(option: Option, name: str) -> float:
    return option.features[FEATURES.index(name)]


def test_options_are_the_rules_answer_then_the_other_names_of_the_sentence() -> None:
    text = "Mara Quell met Ivo Brandt. “We will rebuild,” he said, Brandt's aide added, quoting Anton Ruse."
    coref, context = context_of(
        text, "We will rebuild,", {"Mara Quell": "PERSON", "Ivo Brandt": "PERSON", "Anton Ruse": "PERSON"}
    )
    he = Span(text.index("he said"), text.index("he said") + 2, "he")
    options = speaker_options(coref, context, he, "Ivo Brandt", cue=True)
    assert [o.speaker for o in options] == ["Ivo Brandt", "Mara Quell", "Anton Ruse"]
    rule, mara, anton = options
    assert (feature(rule, "rule"), feature(rule, "rule_pronoun"), feature(rule, "person")) == (1.0, 1.0, 0.0)
    assert (feature(mara, "rule"), feature(mara, "person"), feature(mara, "before")) == (0.0, 1.0, 1.0)
    assert (feature(anton, "before"), feature(anton, "first_name")) == (0.0, 0.0)
    assert all(len(o.features) == len(FEATURES) for o in options)


def test_names_of_the_sentence_before_are_options_too() -> None:
    text = "Mara Quell met Ivo Brandt on Monday. “We will rebuild,” the aide said."
    coref, context = context_of(text, "We will rebuild,", {"Mara Quell": "PERSON", "Ivo Brandt": "PERSON"})
    second = text.index("“")
    own = replace(context, frame=(second, len(text)))
    aide = Span(text.index("the aide"), text.index("the aide") + 8, "the aide")
    assert [o.speaker for o in speaker_options(coref, own, aide, None, cue=True)] == [None]
    options = speaker_options(coref, replace(own, earlier=0), aide, None, cue=True)
    assert [o.speaker for o in options] == [None, "Mara Quell", "Ivo Brandt"]
    assert [feature(o, "earlier_sentence") for o in options] == [0.0, 1.0, 1.0]


RULE_KINDS = [
    # (mention, speaker, the one rule kind it is)
    ("he", "Ivo Brandt", "rule_pronoun"),
    ("it", None, "rule_lost_pronoun"),
    ("Ivo Brandt", "Ivo Brandt", "rule_named"),
    ("the harbour board", None, "rule_unresolved"),
    ("officials", "officials", "rule_description"),
    ("Brandtson", "Brandtson", "rule_other_name"),
    ("Port Ellery", "Port Ellery", "rule_place"),
]


@pytest.mark.parametrize(("mention", "speaker", "kind"), RULE_KINDS)
def test_the_rules_answer_is_of_one_kind(mention: str, speaker: str | None, kind: str) -> None:
    text = f"Ivo Brandt left Port Ellery. “We will rebuild,” {mention} said."
    names = {"Ivo Brandt": "PERSON", "Port Ellery": "GPE"}
    coref, context = context_of(text, "We will rebuild,", {k: v for k, v in names.items() if v == "PERSON"})
    coref = Coreference(
        text, [NamedMention(m.start(), m.end(), n, names[n]) for n in names for m in re.finditer(n, text)]
    )
    at = text.rindex(mention)
    rule = speaker_options(coref, context, Span(at, at + len(mention), mention), speaker, cue=True)[0]
    kinds = [f for f in FEATURES[1:9] if feature(rule, f)]
    assert kinds == [kind]


def test_without_weights_the_rules_answer_is_kept() -> None:
    first = Option(None, None, (1.0,) + (0.0,) * (len(FEATURES) - 1))
    other = Option(None, "Ivo Brandt", (0.0,) * (len(FEATURES) - 1) + (3.0,))
    assert SpeakerRanker().best([first, other]) is first
    assert SpeakerRanker().best([]) is None
    favours_mentions = SpeakerRanker((0.0,) * (len(FEATURES) - 1) + (1.0,))
    assert favours_mentions.best([first, other]) is other
    assert SpeakerRanker((0.0,) * len(FEATURES)).best([first, other]) is first  # a tie: the rules'


def test_shipped_weights_load_and_match_the_features() -> None:
    ranker = load_ranker()
    assert len(ranker.weights) == len(FEATURES)
    assert ranker == load_ranker()


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"features": ["rule", "size"], "weights": [1.0, 2.0], "bias": 0.0}))
    with pytest.raises(ValueError, match="other features"):
        load_ranker(path)
    path.write_text(json.dumps({"features": [], "weights": [], "bias": 0.0}))
    assert load_ranker(path) == SpeakerRanker()


# (text, [(quote, speaker), ...]) with the shipped weights: the ranker keeps the rules' named
# speaker, and finds one in the sentence where the rules found none.
SPEAKERS = [
    (
        "In Port Ellery, Mayor Rosa Vint spoke to the council. Its members listened. "
        "“The budget is closed,” that was the message from Vint.",
        [("The budget is closed,", "Rosa Vint")],
    ),
    (
        "The council voted on Tuesday. Rosa Vint told reporters the plan was “a disgrace to the town.”",
        [("a disgrace to the town.", "Rosa Vint")],
    ),
    (
        "“Nobody asked us,” Oskar Lind, a fisherman, told the Ellery Courier.",
        [("Nobody asked us,", "Oskar Lind")],
    ),
    (
        "Ellery Bay angered the fishermen, Oskar Lind said, calling the plan “a betrayal.”",
        [("a betrayal.", "Oskar Lind")],
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_speakers_with_the_shipped_ranker(
    spacy_model: SpacyModel, text: str, expected: list[tuple[str, str]]
) -> None:
    article = Article("a1", "d1", 0, "t.txt", None, None, "2020-05-18", None, text)
    quotes = find_quotes(article, ArticleNLP(spacy_model, text)).quotes
    assert [(q.text, q.speaker) for q in quotes] == expected


@pytest.mark.slow
def test_the_ranker_is_deterministic(spacy_model: SpacyModel) -> None:
    text = SPEAKERS[0][0]
    article = Article("a1", "d1", 0, "t.txt", None, None, "2020-05-18", None, text)
    runs = [find_quotes(article, ArticleNLP(spacy_model, text), None, load_ranker()).quotes for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    rules = find_quotes(article, ArticleNLP(spacy_model, text), None, SpeakerRanker()).quotes
    assert [q.speaker for q in rules] == [None]  # the rules alone found no speaker


def test_training_is_deterministic_and_learns_to_overrule_a_weak_rule() -> None:
    train = pytest.importorskip("bench.train_speaker_ranker")  # needs scikit-learn (the bench extra)

    def option(rule_kind: str | None, person: float) -> Option:
        features = [0.0] * len(FEATURES)
        if rule_kind is not None:
            features[0] = 1.0
            features[FEATURES.index(rule_kind)] = 1.0
        features[FEATURES.index("person")] = person
        return Option(None, None, tuple(features))

    # the rules are right when they found a name, wrong when their pronoun resolved to nobody
    named = train.Group(0, (option("rule_named", 0.0), option(None, 1.0)), (1, 0))
    lost = train.Group(0, (option("rule_lost_pronoun", 0.0), option(None, 1.0)), (0, 1))
    groups = [named] * 6 + [lost] * 4
    rows, labels = train.pairs(groups)
    assert len(rows) == 2 * len(groups) and sorted(set(labels)) == [0, 1]
    first, second = train.fit(groups), train.fit(groups)
    assert first == second
    assert train.accuracy(groups, first) == 1.0
    assert train.accuracy(groups, SpeakerRanker()) == 0.6
