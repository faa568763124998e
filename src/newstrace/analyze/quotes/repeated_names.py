"""Names the NER found once and missed where the text repeats them.

A statistical NER labels a name in one sentence and misses it in the next (``Simmons teed up
McDonald’s cameo``, ``Big Machine have twice denied``), and a pronoun after it then skips to the
wrong person. The article's own names are a better lexicon than the model's guess: wherever the
text repeats, word for word, a person's or an organisation's name it labelled elsewhere (or the
surname of a person it named in full), that is one more mention of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.analyze.quotes.coref import NamedMention, name_key

__all__ = ["with_repeated_names"]

REPEATED_LABELS = frozenset({"PERSON", "ORG"})  # names that may speak, worth finding again
MIN_FORM_CHARS = 3  # shorter forms ("Al", "UN") are too often other words or parts of words
LETTER_OR_DIGIT = re.compile(r"\w")


def with_repeated_names(text: str, mentions: Sequence[NamedMention]) -> list[NamedMention]:
    """``mentions`` and every repetition of a labelled person or organisation name (or of a
    person's surname) that overlaps no mention, in text order."""
    forms = _forms(mentions)
    taken = sorted((m.start, m.end) for m in mentions)
    found = list(mentions)
    for form, label in forms.items():
        for match in re.finditer(re.escape(form), text):
            start, end = match.span()
            if _word_bounded(text, start, end) and not _overlaps(taken, start, end):
                found.append(NamedMention(start, end, form, label))
                taken.append((start, end))
    return sorted(found, key=lambda m: (m.start, m.end))


def _forms(mentions: Sequence[NamedMention]) -> dict[str, str]:
    """Each name form with its label; a form given two labels, or the surname of two people, is
    ambiguous and left out."""
    labels: dict[str, set[str]] = {}
    owners: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.label not in REPEATED_LABELS:
            continue
        words = name_key(mention.text)
        whole = re.sub(r"^(?:the|The)\s+", "", re.sub(r"[’']s$", "", mention.text.strip()))
        candidates = [whole]
        if mention.label == "PERSON" and len(words) > 1:
            candidates.append(words[-1])  # "Simmons" after "Patrick Simmons"
            owners.setdefault(words[-1], set()).add(" ".join(words))
        for form in candidates:
            if len(form) >= MIN_FORM_CHARS and form[:1].isupper():
                labels.setdefault(form, set()).add(mention.label)
    return {
        form: next(iter(kinds))
        for form, kinds in labels.items()
        if len(kinds) == 1 and len(owners.get(form, ())) <= 1
    }


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not LETTER_OR_DIGIT.match(before) and not LETTER_OR_DIGIT.match(after) and before != "-"


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in taken)
