"""spaCy set-up: the model and the per-article views that parse only what a step asks for."""

from __future__ import annotations

import pytest

from newstrace.analyze.nlp import ArticleNLP, SpacyModel, Stretch, lemma
from newstrace.errors import ModelNotInstalled


def test_unknown_model_says_how_to_install() -> None:
    with pytest.raises(ModelNotInstalled, match=r"requirements/model\.txt"):
        SpacyModel("no_such_model_xx")


@pytest.mark.slow
def test_views_parse_only_what_is_asked(spacy_model: SpacyModel) -> None:
    text = "Angela Merkel visited Paris on Monday. “We will stay,” she said. The crowd left."
    view = ArticleNLP(spacy_model, text)
    assert {(e.text, e.label_) for e in view.entities.ents} >= {("Angela Merkel", "PERSON"), ("Paris", "GPE")}
    sentence = view.sentences[1]
    doc = view.parse(sentence.start, sentence.end)
    assert [t.dep_ for t in doc if t.text == "said"] == ["ROOT"]
    assert view.words_parsed == len(doc) < len(spacy_model.tokenize(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested 40 protesters.", {"arrested": "arrest", "protesters": "protester"}),
        ("Floods killed twelve people and were said to be worse.", {"killed": "kill", "were": "be"}),
    ],
)
def test_lemmas_of_a_parse_are_the_lemmatizers(
    spacy_model: SpacyModel, text: str, expected: dict[str, str]
) -> None:
    view = ArticleNLP(spacy_model, text)
    doc = view.parse(0, len(text))
    assert {t.text: lemma(t) for t in doc if t.text in expected} == expected
    full = spacy_model.parse(text)  # the whole pipeline, lemmatizer included
    assert [lemma(t) for t in doc] == [t.lemma_ for t in full]


@pytest.mark.slow
def test_a_sentence_parsed_for_quotes_is_not_parsed_again(spacy_model: SpacyModel) -> None:
    text = "Police arrested 40 protesters on Monday, the mayor said. The crowd left."
    view = ArticleNLP(spacy_model, text)
    sentence = view.sentences[0]
    (bare,) = view.parse_stretches([Stretch(sentence.start, sentence.end)])
    words = view.words_parsed
    doc = view.parse(sentence.start, sentence.end)
    assert view.words_parsed == words  # reused, not parsed again
    fresh = ArticleNLP(spacy_model, text).parse(sentence.start, sentence.end)
    assert [(t.pos_, t.dep_, t.head.i, lemma(t)) for t in doc] == [
        (t.pos_, t.dep_, t.head.i, lemma(t)) for t in fresh
    ]
    assert {t.pos_ for t in bare.doc} == {""}  # the quotes' own Doc is left as it was
