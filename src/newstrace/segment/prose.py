"""Which lines of a page dump are article prose: jusText's classification, line by line.

A text dump of a web page (what a simple scraper saves) holds the article among menus, teasers,
link lists, captions and footers. jusText (Pomikálek, 2011; the ``justext`` package) tells them
apart by what a block is, not by what it says: its length, its density of stop words (prose is
full of "the", "of", "that"; menus and headline lists are not), and its neighbours (a short line
between two prose paragraphs is prose, one among menu items is not; a heading just above prose
is kept). Here every non-blank line is one block; the scraper's link markup is gone, so link
density is not used. Offsets are untouched: this only says which lines to keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import justext

__all__ = ["ProseBlock", "prose_lines", "written_in_stoplist_language"]

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
        """No link markup survives in a text dump."""
        return 0.0


def prose_lines(lines: Sequence[tuple[str, bool]]) -> list[bool]:
    """For each ``(text, is_heading)`` non-blank line, whether jusText keeps it as prose."""
    blocks = [ProseBlock(text, heading) for text, heading in lines]
    if not blocks:
        return []
    justext.core.classify_paragraphs(
        blocks,
        _stoplist(),
        length_low=LENGTH_LOW,
        length_high=LENGTH_HIGH,
        stopwords_low=STOPWORDS_LOW,
        stopwords_high=STOPWORDS_HIGH,
    )
    justext.core.revise_paragraph_classification(blocks, MAX_HEADING_DISTANCE)
    return [b.class_type == "good" for b in blocks]


def written_in_stoplist_language(lines: Sequence[str]) -> bool:
    """Whether a page's lines are written in the language of the stop-word list."""
    words = [w.lower() for line in lines for w in line.split()]
    stop = _stoplist()
    return bool(words) and sum(w in stop for w in words) / len(words) >= LANGUAGE_MIN_SHARE


@cache  # the package's word list, read once per process; immutable
def _stoplist() -> frozenset[str]:
    return frozenset(justext.get_stoplist(LANGUAGE))
