"""Quoted words that name something rather than report words: titles, lists of titles, labels.

A quotation is someone's words only when the sentence reports them. Quoted words can also be a
name the writer uses: the title of a work (``the documentary “13th”``), an enumeration of titles
(``hits including “Black Water,” “China Grove”``), or a label that premodifies a noun the way an
adjective does (``“Broad City” star Arturo Castro``, ``the mayor’s “zero tolerance” policy``).
These are ``scare`` quotations: no speaker, no cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newstrace.analyze.quotes.labels import TITLE_SMALL_WORDS
from newstrace.analyze.quotes.marks import QuoteSpan

if TYPE_CHECKING:  # spaCy loads only where a parse is made (tests/cli/test_lazy_imports.py)
    from spacy.tokens import Token

    from newstrace.analyze.nlp import ParsedStretch

__all__ = ["in_title_list", "is_title", "labels_a_noun", "premodifies_noun"]

TITLE_WORD = re.compile(r"[^\W_][\w’'-]*")
SENTENCE_PUNCT = re.compile(r"[.!?]\s")
QUOTE_CHARS = "\"'“”‘’«»"
LIST_JOINER = re.compile(r"[\s,;]*(?:(?:and|or)\s+)?")  # what separates the items of a list of titles
# The dependencies of a word modifying the noun after it, inside one noun phrase (spaCy's English
# labels): the quoted words are then part of a name ("the “No Comparison” ad").
PREMODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod"})
# An utterance ends its quoted words with its own punctuation (“Stop!”, “We will,”): quoted
# words that end so are reported speech, whatever the parse makes of them.
UTTERANCE_END = tuple(",.!?;:…")


def is_title(text: str) -> bool:
    """Words in title case with no sentence in them: "Meet the Press", "The Art of the Deal"."""
    words = TITLE_WORD.findall(text)
    if not words or not words[0][0].isupper() or SENTENCE_PUNCT.search(text.rstrip(",.’'\"”")):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words)


def in_title_list(text: str, spans: Sequence[QuoteSpan], span: QuoteSpan) -> bool:
    """A title-case quotation listed with another one, joined only by a comma, ``and`` or ``or``:
    an enumeration of works (songs, films, books), not words someone said."""
    if not is_title(text[span.start : span.end]):
        return False
    for other in spans:
        if other is span or other.depth != span.depth:
            continue
        first, second = (other, span) if other.close_at < span.open_at else (span, other)
        between = text[first.end : second.start].strip(QUOTE_CHARS)
        if LIST_JOINER.fullmatch(between) and is_title(text[other.start : other.end]):
            return True
    return False


def premodifies_noun(parsed: ParsedStretch, span: QuoteSpan) -> bool:
    """Whether the quoted words modify the lower-case noun right after the closing mark, inside one
    noun phrase (``the “No Comparison” ad``, ``their “Hispanics para Trump” signs``): they
    name or label that thing, since reported words never stand before a noun as its modifier."""
    quoted = parsed.text[span.start : span.end].rstrip(QUOTE_CHARS + " ")
    if not quoted or quoted.endswith(UTTERANCE_END):
        return False
    inside: list[Token] = []
    for token in parsed.doc:
        start, end = parsed.bounds(token)
        if parsed.hole_of(token) is None and span.start <= start and end <= span.end:
            inside.append(token)
    roots = [t for t in inside if t.head not in inside and t.head is not t]
    if not inside or len(roots) != 1 or roots[0].dep_ not in PREMODIFIER_DEPS:
        return False
    head = roots[0].head  # a common noun: the parse has no tagger, so its case tells it from a name
    if not head.text[:1].islower() or head.i < inside[-1].i:
        return False
    between = parsed.doc[inside[-1].i + 1 : head.i]
    return all(t.is_punct for t in between)


def labels_a_noun(parsed: ParsedStretch, span: QuoteSpan, said_by_someone: bool) -> bool:
    """Quoted words before a noun they modify that no one in the sentence is said to say, or in
    title case: a name or a label (``the “No Comparison” ad``). Words a speaker uses so stay
    theirs (``Barkley called it an “awful” idea``)."""
    if not premodifies_noun(parsed, span):
        return False
    return not said_by_someone or is_title(parsed.text[span.start : span.end])
