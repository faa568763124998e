"""The author's biography under an article: the page's, not the article's.

Sites close an article with a note on its writer ("Ann Vale (@annvale) is a contributor at …",
"Ann Vale covers energy for …"). It starts with the name of the byline and says what that person
is or does; the article itself does not introduce its own writer in the third person. The note
and what follows it (the site's tagline, teasers) are cut; a note in the first part of the
article is left alone (a profile may open with its subject, who can share the writer's name).
"""

from __future__ import annotations

import re

__all__ = ["bio_start"]

NAME_SEPARATORS = re.compile(r"\s*(?:;|,|&|\band\b)\s*")
# After the name: an optional handle or parenthesis, then a verb a biography opens with.
BIO_VERB = r"(?:\s*\([^)]{1,40}\))?,?\s+(?:is|was|has been|writes|covers|reports|lives|edits|joined)\b"
# A biography sits at the end: only the last share of the article's paragraphs is searched (on the
# tune pages of bench/data/pages, notes follow the article's last paragraph, or its last but two
# when a correction or a newsletter box sits between).
BIO_SEARCH_SHARE = 0.34
MIN_BODY_LINES = 3  # an article of one or two paragraphs is not searched: there is no end to tell apart


def bio_start(texts: list[str], byline: str | None) -> int | None:
    """The index of the line of ``texts`` (an article's body lines) where the biography of a writer
    named in ``byline`` starts, or None."""
    names = [n for n in NAME_SEPARATORS.split(byline or "") if len(n.split()) >= 2]
    if not names or len(texts) < MIN_BODY_LINES:
        return None
    opens = re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + r")" + BIO_VERB, re.IGNORECASE)
    first = max(1, int(len(texts) * (1 - BIO_SEARCH_SHARE)))
    return next((i for i in range(first, len(texts)) if opens.match(texts[i])), None)
