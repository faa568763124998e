"""Which lines of a page dump are article prose: jusText's classification, line by line.

A text dump of a web page (what a simple scraper saves) holds the article among menus, teasers,
link lists, captions and footers. jusText (Pomikálek, 2011; the ``justext`` package) tells them
apart by what a block is, not by what it says: its length, its density of stop words (prose is
full of "the", "of", "that"; menus and headline lists are not), and its neighbours (a short line
between two prose paragraphs is prose, one among menu items is not; a heading just above prose
is kept). Here every non-blank line is one block; the scraper's link markup is gone, so link
density is not used. Offsets are untouched: this only says which lines to keep.

jusText ships stop-word lists for about a hundred languages, built the same way (the most frequent
words of each language's Wikipedia), so its thresholds hold for each. A page is read with English's
list when it is written in English, else with the list whose words it uses most: the language of
a page is the one whose stop words fill it (the classic stop-word language guess).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import justext

from newstrace.segment.lines import is_sentence_end

__all__ = [
    "LENGTH_LOW",
    "ProseBlock",
    "enclosed_prose",
    "is_english",
    "page_stoplist",
    "passages",
    "prose_lines",
    "sectioned_prose",
    "written_in_stoplist_language",
]

LANGUAGE = "English"
# jusText's defaults (Pomikálek's thesis, tuned on CleanEval): a block under 70 characters is
# "short" and decided by its neighbours; prose has at least 30-32 % stop words; a block over 200
# characters with that density is prose on its own; a heading within 200 characters of prose is kept.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
MAX_HEADING_DISTANCE = 200
# Share of stop words over a whole page below which it is not written in the stoplist's language:
# English prose has 40-50 %, an English page dump with its menus over 20 %, a page in another
# language almost none (only shared words such as "a", "on").
LANGUAGE_MIN_SHARE = 0.12
# Another language's list is taken when it covers this share of the page's words: the same floor as
# English's, and well above the share a wrong language's list covers (on the tune pages of
# bench/data/pages, the best wrong list covers under 10 % of a page).
OTHER_LANGUAGE_MIN_SHARE = 0.12
# Rejected blocks in a row that are taken in when kept prose stands on both sides (at most 3 on the
# tune pages of bench/data/pages: a run of match results in a sports report); a longer run of
# sentences between two paragraphs is another part of the page (comments, a teaser box).
ENCLOSED_MAX_BLOCKS = 3
# A line that ends in a cut mark in brackets ("… the number of players […]", WordPress's default
# "more" text) is an excerpt of another post, shown as a teaser that links to it: it is counted as
# link text, which jusText rejects (an article's own sentences end in their punctuation).
EXCERPT_END = re.compile(r"\[\s*(?:…|\.\.\.|&hellip;)\s*\]$")
# A longer run of rejected blocks between kept prose is taken in when it reads as one more section
# of the article: nearly all its blocks are sentences (its numbered or titled heading aside) and
# those sentences are as dense in stop words as prose on average (jusText rejects a section whose
# few dense, fact-laden sentences, under 0.30 each, flank its near-good ones).
SECTION_SENTENCE_SHARE = 0.8
# Blocks in a row that each read as prose (``LENGTH_LOW`` characters or more, ``STOPWORDS_LOW`` stop
# words or more) and so make a passage of prose on their own, whatever stands around them.
PASSAGE_MIN_BLOCKS = 3
# "Simple English" is English; lists too unlike ordinary writing to identify a page are skipped.
SKIPPED_LISTS = frozenset({"Simple_English"})


@dataclass
class ProseBlock:
    """One line as a jusText paragraph (the attributes jusText's classifier reads)."""

    text: str
    heading: bool
    dom_path: str = field(init=False)
    chars_count_in_links: int = 0
    cf_class: str = ""
    class_type: str = ""

    def __post_init__(self) -> None:
        self.dom_path = "body.h2" if self.heading else "body.p"
        if EXCERPT_END.search(self.text.rstrip()):
            self.chars_count_in_links = len(self.text)

    @property
    def is_heading(self) -> bool:
        """A heading-shaped line: short, no sentence end."""
        return self.heading

    def __len__(self) -> int:
        return len(self.text)

    def stopwords_density(self, stopwords: frozenset[str]) -> float:
        """Share of the words that are stop words."""
        words = self.text.split()
        return sum(w.lower() in stopwords for w in words) / len(words) if words else 0.0

    def links_density(self) -> float:
        """No link markup survives in a text dump: only an excerpt's cut mark says a line is a link."""
        return self.chars_count_in_links / max(1, len(self.text))


def prose_lines(
    lines: Sequence[tuple[str, bool]],
    stoplist: frozenset[str] | None = None,
    furniture: Sequence[bool] = (),
) -> list[bool]:
    """For each ``(text, is_heading)`` non-blank line, whether jusText keeps it as prose (by the
    stop words of ``stoplist``; English's when None). A line of ``furniture`` (a privacy notice, a
    legal line, found by its shape; the caller flags only lines long enough to pass for prose) is
    weighed as all link text: it is never prose, and so never vouches for the short lines around it
    (jusText keeps a short line whose neighbours are prose, and a privacy notice above a menu would
    keep the whole menu)."""
    blocks = [ProseBlock(text, heading) for text, heading in lines]
    for block, known in zip(blocks, furniture, strict=False):
        if known:
            block.chars_count_in_links = len(block.text)
    if not blocks:
        return []
    justext.core.classify_paragraphs(
        blocks,
        stoplist if stoplist is not None else _stoplist(),
        length_low=LENGTH_LOW,
        length_high=LENGTH_HIGH,
        stopwords_low=STOPWORDS_LOW,
        stopwords_high=STOPWORDS_HIGH,
    )
    justext.core.revise_paragraph_classification(blocks, MAX_HEADING_DISTANCE)
    return [b.class_type == "good" for b in blocks]


def passages(texts: Sequence[str], kept: Sequence[bool], stoplist: frozenset[str]) -> list[bool]:
    """``kept`` with the runs of blocks in a row that each read as prose (``LENGTH_LOW`` characters
    or more, at prose density) taken in: sentences one after another are a passage of prose even
    when none is long enough to be good on its own and both its neighbours are not (a short article
    of short paragraphs between menus, which jusText's context rules reject as a whole)."""
    out = list(kept)
    dense = [
        len(t) >= LENGTH_LOW and ProseBlock(t, False).stopwords_density(stoplist) >= STOPWORDS_LOW
        for t in texts
    ]
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and dense[j]:
            j += 1
        if j - i >= PASSAGE_MIN_BLOCKS:
            out[i:j] = [True] * (j - i)
            if i > 0 and len(texts[i - 1]) < LENGTH_LOW and not is_sentence_end(texts[i - 1]):
                out[i - 1] = True  # its heading, as jusText keeps the heading above good prose
        i = max(j, i + 1)
    return out


def enclosed_prose(texts: Sequence[str], kept: Sequence[bool]) -> list[bool]:
    """``kept`` with the short runs of rejected blocks between two kept prose blocks taken in, when
    each is a sentence of some length: jusText's context smoothing for full sentences. A paragraph
    dense in names and scores ("Pella beat Jarry 6-4, 6-3 and Schwartzman beat Garin 6-2, 6-2.") has
    few stop words, but it sits inside the article, between its paragraphs; a menu or a teaser does
    not end like a sentence."""
    out = list(kept)
    for i, j in _rejected_runs(kept):
        if j - i <= ENCLOSED_MAX_BLOCKS and all(_sentence(texts[k]) for k in (i - 1, *range(i, j), j)):
            out[i:j] = [True] * (j - i)
    return out


def sectioned_prose(texts: Sequence[str], kept: Sequence[bool], stoplist: frozenset[str]) -> list[bool]:
    """``kept`` with the runs of rejected blocks between two kept blocks taken in when they read
    as a section of the article (see ``SECTION_SENTENCE_SHARE``)."""
    out = list(kept)
    for i, j in _rejected_runs(kept):
        sentences = [texts[k] for k in range(i, j) if _sentence(texts[k])]
        if (
            len(sentences) >= SECTION_SENTENCE_SHARE * (j - i)
            and sum(ProseBlock(t, False).stopwords_density(stoplist) for t in sentences) / len(sentences)
            >= STOPWORDS_LOW
        ):
            out[i:j] = [True] * (j - i)
    return out


def _rejected_runs(kept: Sequence[bool]) -> list[tuple[int, int]]:
    """The runs ``[i, j)`` of rejected blocks that have a kept block on each side."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(kept):
        if kept[i]:
            i += 1
            continue
        j = i
        while j < len(kept) and not kept[j]:
            j += 1
        if i > 0 and j < len(kept):
            runs.append((i, j))
        i = j
    return runs


def _sentence(text: str) -> bool:
    return len(text) >= LENGTH_LOW and is_sentence_end(text)


def written_in_stoplist_language(lines: Sequence[str]) -> bool:
    """Whether a page's lines are written in the language of the stop-word list."""
    words = [w.lower() for line in lines for w in line.split()]
    stop = _stoplist()
    return bool(words) and sum(w in stop for w in words) / len(words) >= LANGUAGE_MIN_SHARE


def page_stoplist(lines: Sequence[str]) -> frozenset[str] | None:
    """The stop words of the language a page is written in: English's when its words are English
    enough, else the list that covers most of its words, or None when none covers enough."""
    if written_in_stoplist_language(lines):
        return _stoplist()
    words = [w.lower() for line in lines for w in line.split()]
    if not words:
        return None
    share, best = max(((_share(words, stop), stop) for _, stop in _all_stoplists()), key=lambda x: x[0])
    return best if share >= OTHER_LANGUAGE_MIN_SHARE else None


def is_english(stoplist: frozenset[str]) -> bool:
    """Whether ``stoplist`` is the English list (the one jusText's thresholds were tuned on)."""
    return stoplist is _stoplist()


def _share(words: Sequence[str], stop: frozenset[str]) -> float:
    return sum(w in stop for w in words) / len(words)


@cache  # the package's word list, read once per process; immutable
def _stoplist() -> frozenset[str]:
    return frozenset(justext.get_stoplist(LANGUAGE))


@cache  # every list of the package (about 100), read once per process; immutable
def _all_stoplists() -> tuple[tuple[str, frozenset[str]], ...]:
    names = sorted(set(justext.get_stoplists()) - SKIPPED_LISTS)
    return tuple((name, frozenset(justext.get_stoplist(name))) for name in names)
