"""spaCy set-up and the rule-based sentence splitter."""

from __future__ import annotations

import pytest

from newstrace.analyze.nlp import ArticleNLP, SpacyModel, split_sentences
from newstrace.errors import ModelNotInstalled

SENTENCES = [
    ("One. Two.", ["One.", "Two."]),
    (
        "“It would be good,” he explained. “If you stop, others lead.”",
        ["“It would be good,” he explained.", "“If you stop, others lead.”"],
    ),
    (
        "Mr. Smith said the U.S. Army was there. It left.",
        ["Mr. Smith said the U.S. Army was there.", "It left."],
    ),
    ("First paragraph\nSecond paragraph.", ["First paragraph", "Second paragraph."]),
    ("Some 3.5 million people came. Really?", ["Some 3.5 million people came.", "Really?"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


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
