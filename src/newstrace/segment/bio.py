"""The author's biography under an article: the page's, not the article's.

Sites close an article with a note on its writer ("Ann Vale (@annvale) is a contributor at …",
"Ann Vale covers energy for …"). It starts with the name of the byline and says what that person
is or does; the article itself does not introduce its own writer in the third person. The note
and what follows it (the site's tagline, teasers) are cut; a note in the first part of the
article is left alone (a profile may open with its subject, who can share the writer's name).
Without a byline, a note is a name followed by "is a/an …" and a writer's noun (contributor,
reporter, editor…), with the writer's social handle, or among the article's last lines.
"""

from __future__ import annotations

import re

__all__ = ["bio_start"]

NAME_SEPARATORS = re.compile(r"\s*(?:;|,|&|\band\b)\s*")
# After the name: an optional handle or parenthesis, then a verb a biography opens with.
# ("TIM ANDERSON has done many amazing things…", "Ann Vale works for…": any of a writer's doings).
BIO_VERB = (
    r"(?:\s*\([^)]{1,40}\))?,?\s+"
    r"(?:is|was|has|had|writes|wrote|covers|reports|lives|edits|joined|works|teaches|holds)\b"
)
# A biography sits at the end: only the last share of the article's paragraphs is searched (on the
# tune pages of bench/data/pages, notes follow the article's last paragraph, or its last but two
# when a correction or a newsletter box sits between).
BIO_SEARCH_SHARE = 0.34
MIN_BODY_LINES = 3  # an article of one or two paragraphs is not searched: there is no end to tell apart
# Without a byline: two or three capitalised words, a handle in brackets perhaps, then "is a/an".
ANY_WRITER = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2}(?P<handle> \(@\w+\))?,? is (?:a|an|the)\b")
WRITER_NOUNS = frozenset(
    "contributor correspondent reporter editor writer columnist journalist blogger author freelancer".split()
)
UNNAMED_NOTE_LAST_LINES = 2  # a note without a handle is looked for in the article's last lines only
ROLE_REACH_WORDS = 6  # "is an Ideas contributor", "is a senior staff writer": the role comes early


def bio_start(texts: list[str], byline: str | None) -> int | None:
    """The index of the line of ``texts`` (an article's body lines) where the biography of a writer
    named in ``byline`` starts (or, without a byline, of anyone described as a writer), or None."""
    if len(texts) < MIN_BODY_LINES:
        return None
    names = [n for n in NAME_SEPARATORS.split(byline or "") if len(n.split()) >= 2]
    first = max(1, int(len(texts) * (1 - BIO_SEARCH_SHARE)))
    if names:
        opens = re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + r")" + BIO_VERB, re.IGNORECASE)
        return next((i for i in range(first, len(texts)) if opens.match(texts[i])), None)
    last = max(first, len(texts) - UNNAMED_NOTE_LAST_LINES)
    return next((i for i in range(first, len(texts)) if _writer_note(texts[i], handle_needed=i < last)), None)


def _writer_note(text: str, *, handle_needed: bool) -> bool:
    """ "Ann Vale (@annvale) is a contributor at the Lantern …": a name, then what kind of writer they
    are, near the start (a person in the news is described by other nouns). Above the article's last
    lines, only a note with the writer's social handle counts (an editor may be in the news)."""
    match = ANY_WRITER.match(text)
    if not match or (handle_needed and not match.group("handle")):
        return False
    described = re.findall(r"[a-z]+", text[match.end() :].lower())[:ROLE_REACH_WORDS]
    return any(w.removesuffix("s") in WRITER_NOUNS for w in described)
