"""Title-case lines of an article: headings and captions, whose capitals say nothing about names.

The mention rules give such lines no mention of their own (only the completion pass that finds
other occurrences of forms named in prose).
"""

from __future__ import annotations

import re

from newstrace.model import Span

__all__ = ["heading_spans"]

HEADING_MIN_CAPITALISED = 0.8  # share of a line's content words capitalised for it to be a heading
HEADING_MAX_WORDS = 20
_SMALL = frozenset("a an the of in on at to for and or but with from by as is are was not".split())


def heading_spans(text: str) -> list[Span]:
    """Title-case lines ("Please Do Not Join the MEK"): headings and captions, not prose."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if w.lower() not in _SMALL]
        stripped = line.rstrip()
        if 0 < len(words) <= HEADING_MAX_WORDS and not stripped.endswith((".", "”", '"', "?", "!")):
            capitalised = sum(1 for w in words if w[0].isupper())
            if capitalised >= HEADING_MIN_CAPITALISED * len(words) and len(words) >= 2:
                out.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    return out
