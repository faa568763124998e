"""The rest of an article whose body a page splits into several containers.

Sites cut an article's body around ads, images and newsletter boxes by closing its container and
opening another of the same kind (``<div class="article__body">`` twice or more); an extractor
that picks the best-scoring container keeps only one of them. The containers that hold the
paragraphs it kept have a class; other elements with the same tag and class elsewhere on the page
below the first kept paragraph are the article's other parts, and their paragraphs that read as
prose are put back where they stand in the page (a box of that class above the body is a summary
or a claim the article discusses). A comment or a teaser has a class of its own, not the body's.
"""

from __future__ import annotations

import logging
from collections import Counter
from functools import cache

import justext
from lxml import etree

__all__ = ["reads_as_prose", "with_sibling_parts", "without_standfirst"]

log = logging.getLogger(__name__)

# Paragraphs the extractor kept that must sit in containers of one class before its other
# containers are looked for: one paragraph's parent may be any wrapper.
MIN_KEPT_IN_CLASS = 2
PARAGRAPH_TAGS = frozenset({"p", "h2", "h3", "h4", "li", "blockquote"})
NOT_BODY = frozenset({"aside", "footer", "nav", "header", "form", "figure", "figcaption"})
LANGUAGE = "English"
# A standfirst (dek) sits right under the headline: among the text's first lines.
STANDFIRST_MAX_LINE = 2
DESCRIPTION_KEYS = frozenset({"description", "og:description", "twitter:description"})
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# jusText's defaults (Pomikálek 2011, tuned on CleanEval): a block of at least 70 characters with
# 30 % stop words or more is prose; shorter blocks are judged by neighbours, which a paragraph taken
# from another container does not have here, so they are left out.
PROSE_MIN_CHARS = 70
PROSE_MIN_STOPWORDS = 0.30


def reads_as_prose(line: str) -> bool:
    """Whether a line reads as prose: long, and as dense in stop words as running text is."""
    words = line.split()
    if len(line) < PROSE_MIN_CHARS or not words:
        return False
    stop = _stoplist()
    return sum(w.lower().strip(".,;:!?\"'“”‘’()") in stop for w in words) / len(words) >= PROSE_MIN_STOPWORDS


def with_sibling_parts(text: str, root: etree._Element | None) -> str:
    """``text`` with the prose paragraphs of the page's other containers of its body's class, in
    page order (``text`` unchanged when the page has none or cannot be parsed)."""
    if root is None:
        return text
    lines = text.split("\n")
    wanted = {" ".join(line.split()) for line in lines if line.strip()}
    order = {element: i for i, element in enumerate(root.iter())}
    placed: dict[str, int] = {}
    parents: Counter[tuple[str, str]] = Counter()
    for element in root.iter("p"):
        key = _text(element)
        if key in wanted and (parent := element.getparent()) is not None and parent.get("class"):
            placed.setdefault(key, order[element])
            parents[(str(parent.tag), str(parent.get("class")))] += 1
    if not parents:
        return text
    (tag, cls), count = parents.most_common(1)[0]
    if count < MIN_KEPT_IN_CLASS:
        return text
    start = min(placed.values())  # a box of the body's class above its first paragraph is a summary
    extra = [(i, t) for i, t in _other_parts(root, tag, cls, wanted, order) if i > start]
    if not extra:
        return text
    log.debug("%d paragraphs taken from other parts of the article body", len(extra))
    return _in_page_order(lines, placed, extra)


def without_standfirst(text: str, root: etree._Element | None) -> str:
    """``text`` without its standfirst: a first line that repeats the page's declared description
    and that the page shows as a heading or marks as the description (``itemprop``), not as a
    paragraph. A summary above the body is the page's pitch for the article, not its text; a
    description that is the first paragraph of the body (a ``<p>``) stays."""
    if root is None:
        return text
    described = {
        " ".join((m.get("content") or "").split())
        for m in root.iter("meta")
        if (m.get("property") or m.get("name") or "").strip().lower() in DESCRIPTION_KEYS
    } - {""}
    lines = text.split("\n")
    firsts = [i for i, line in enumerate(lines) if line.strip()][:STANDFIRST_MAX_LINE]
    shown = {
        _text(e)
        for e in root.iter()
        if isinstance(e.tag, str)
        and e.tag != "meta"
        and (e.tag in HEADING_TAGS or e.get("itemprop") == "description")
    }
    drop = {i for i in firsts if (key := " ".join(lines[i].split())) in described and key in shown}
    if not drop or all(i in drop for i, line in enumerate(lines) if line.strip()):
        return text  # nothing to drop, or nothing would be left
    log.debug("standfirst dropped")
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _other_parts(
    root: etree._Element, tag: str, cls: str, wanted: set[str], order: dict[etree._Element, int]
) -> list[tuple[int, str]]:
    """The prose paragraphs, with their page positions, of the containers of class ``cls`` that
    hold none of the kept paragraphs."""
    found: list[tuple[int, str]] = []
    for part in root.iter(tag):
        if part.get("class") != cls or any(a.tag in NOT_BODY for a in part.iterancestors()):
            continue
        paragraphs = [e for e in part.iter() if e.tag in PARAGRAPH_TAGS and e.getparent() is part]
        texts = [(order[e], _text(e)) for e in paragraphs]
        if any(t in wanted for _, t in texts):
            continue
        found += [(i, t) for i, t in texts if reads_as_prose(t)]
    return found


def _in_page_order(lines: list[str], placed: dict[str, int], extra: list[tuple[int, str]]) -> str:
    """The kept lines and the extra paragraphs merged by page position; a kept line not found in
    the page stays right after the line before it."""
    positioned: list[tuple[float, str]] = []
    last = -1.0
    for line in lines:
        last = float(placed.get(" ".join(line.split()), last))
        positioned.append((last, line))
    positioned += [(float(i) - 0.5, t) for i, t in extra]  # before a kept line at the same place
    positioned.sort(key=lambda item: item[0])
    return "\n".join(line for _, line in positioned)


def _text(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


@cache  # the package's word list, read once per process; immutable
def _stoplist() -> frozenset[str]:
    return frozenset(justext.get_stoplist(LANGUAGE))
