"""How names compare: the forms a name takes, the words that may stand for it, and lower-case words.

Entity finding (per article) and alias merging (across the corpus) must agree on what makes two
surface forms one name; they share these helpers.
"""

from __future__ import annotations

import re

from newstrace.text.lexicon import EVENT_NOUNS, GENERIC_ORG_WORDS

__all__ = [
    "LOWERCASE_WORD",
    "MIN_DISTINCT_WORD",
    "distinctive_words",
    "event_head",
    "form_key",
    "lowercase_words",
]


MIN_DISTINCT_WORD = 4  # a one-word organisation name shorter than this is not matched inside longer ones


def form_key(form: str) -> str:
    """How surface forms are compared: case, curly apostrophes and spacing ignored."""
    return " ".join(form.replace("’", "'").casefold().split())


def distinctive_words(words: list[str]) -> list[str]:
    """The words of an organisation's name that may stand for it: not its generic head, nor what
    follows "of" ("Mojahedin" in "People’s Mojahedin Organization of Iran"; not "Iran")."""
    if "of" in words:
        words = words[: words.index("of")]
    return words[:-1] if words and words[-1] in GENERIC_ORG_WORDS else words


LOWERCASE_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")  # a word the text writes in lower case


def lowercase_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case somewhere: English words, not names."""
    return frozenset(LOWERCASE_WORD.findall(text))


def event_head(word: str) -> str | None:
    """The event noun a word is, in the singular ("Uprisings" -> "uprising"), or None."""
    lower = word.lower()
    if lower in EVENT_NOUNS:
        return lower
    if lower.endswith("s") and lower[:-1] in EVENT_NOUNS:
        return lower[:-1]
    return None
