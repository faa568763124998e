"""spaCy set-up: the model and the per-article views that parse only what a step asks for."""

from __future__ import annotations

import pytest

from newstrace.analyze.nlp import ArticleNLP, SpacyModel, lemma
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
