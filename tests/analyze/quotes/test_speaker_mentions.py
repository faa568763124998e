"""The speaker's phrase cut from a parse: what describes the speaker stays, what the parser hung
on the speaker by mistake (the channel, a participle, a reporting relative clause) goes.

The parses are written by hand, as a parser may attach these words, so the rule is tested
whatever en_core_web_sm does with a given sentence.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newstrace.analyze.nlp import ParsedStretch, Stretch
from newstrace.analyze.quotes.speaker_mentions import MentionFinder

# (words, heads, deps, tags, index of the speaker's head word, expected phrase)
Parse = tuple[list[str], list[int], list[str], list[str], int, str]
PHRASES: list[Parse] = [
    (  # the channel hung on the name
        ["Omar", "Haddad", "in", "an", "interview"],
        [1, 1, 1, 4, 2],
        ["compound", "ROOT", "prep", "det", "pobj"],
        ["NNP", "NNP", "IN", "DT", "NN"],
        1,
        "Omar Haddad",
    ),
    (  # the channel after a comma, below the appositive
        ["Omar", "Haddad", ",", "a", "surgeon", ",", "via", "email"],
        [1, 1, 1, 4, 1, 4, 4, 6],
        ["compound", "ROOT", "punct", "det", "appos", "punct", "prep", "pobj"],
        ["NNP", "NNP", ",", "DT", "NN", ",", "IN", "NN"],
        1,
        "Omar Haddad, a surgeon",
    ),
    (  # a participle set off by a comma
        ["Ada", "Kwan", ",", "speaking", "on", "condition"],
        [1, 1, 1, 1, 3, 4],
        ["compound", "ROOT", "punct", "acl", "prep", "pobj"],
        ["NNP", "NNP", ",", "VBG", "IN", "NN"],
        1,
        "Ada Kwan",
    ),
    (  # where a description places its noun is part of it
        ["a", "narrator", "in", "the", "ad"],
        [1, 1, 1, 4, 2],
        ["det", "ROOT", "prep", "det", "pobj"],
        ["DT", "NN", "IN", "DT", "NN"],
        1,
        "a narrator in the ad",
    ),
    (  # a relative clause that describes stays
        ["Ann", "Lee", ",", "who", "teaches", "law"],
        [1, 1, 1, 4, 1, 4],
        ["compound", "ROOT", "punct", "nsubj", "relcl", "dobj"],
        ["NNP", "NNP", ",", "WP", "VBZ", "NN"],
        1,
        "Ann Lee, who teaches law",
    ),
    (  # a relative clause that reports other words goes
        ["Ann", "Lee", ",", "who", "added", "more"],
        [1, 1, 1, 4, 1, 4],
        ["compound", "ROOT", "punct", "nsubj", "relcl", "dobj"],
        ["NNP", "NNP", ",", "WP", "VBD", "JJR"],
        1,
        "Ann Lee",
    ),
]


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> ParsedStretch:
    spaces = [i + 1 < len(words) and words[i + 1] != "," for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
    text = doc.text
    return ParsedStretch(Stretch(0, len(text)), doc, [(0, 0, len(text), None)], text)


@pytest.mark.parametrize("case", PHRASES, ids=[case[-1] for case in PHRASES])
def test_phrase_keeps_the_description_and_drops_the_rest(case: Parse) -> None:
    words, heads, deps, tags, head, expected = case
    view = parsed(words, heads, deps, tags)
    assert MentionFinder(view, []).phrase_span(view.doc[head]).text == expected


# (words, heads, deps, tags, index of the verb, expected subject) — parses as a parser may give them
SUBJECTS: list[Parse] = [
    (  # a place the parser made a second subject: the subject is the one right before the verb
        ["in", "Salem", ",", "New", "Hampshire", ",", "Ruiz", "went"],
        [7, 0, 7, 4, 7, 7, 7, 7],
        ["prep", "pobj", "punct", "compound", "nsubj", "punct", "nsubj", "ROOT"],
        ["IN", "NNP", ",", "NNP", "NNP", ",", "NNP", "VBD"],
        7,
        "Ruiz",
    ),
    (  # one subject
        ["Ruiz", "went"],
        [1, 1],
        ["nsubj", "ROOT"],
        ["NNP", "VBD"],
        1,
        "Ruiz",
    ),
    (  # an inverted subject after the verb
        ["said", "Ruiz"],
        [0, 0],
        ["ROOT", "nsubj"],
        ["VBD", "NNP"],
        0,
        "Ruiz",
    ),
]


@pytest.mark.parametrize("case", SUBJECTS)
def test_a_clause_has_one_subject(case: Parse) -> None:
    words, heads, deps, tags, verb, expected = case
    view = parsed(words, heads, deps, tags)
    found = MentionFinder(view, []).own_subject(view.doc[verb])
    assert found is not None and found.text == expected
