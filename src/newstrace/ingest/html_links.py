"""Lines of an HTML page's main text that are links, not prose.

A related-article headline, a "Read: …" pointer or a "[Related: …]" teaser that the extractor kept
in the article text is, in the page, nearly all anchor text; an article's sentences carry a few
links at most. A line is dropped when the page's anchor texts cover most of it (link density,
as in jusText and boilerplate detection since), unless the page also shows it as a heading or
paragraph of its own that holds no link: a menu that links the article's subheading does not
make the subheading a link.
"""

from __future__ import annotations

import logging

from lxml import etree

from newstrace.ingest.html_meta import parse_html

__all__ = ["without_link_lines", "without_tree_link_lines"]

log = logging.getLogger(__name__)

# Share of a line's characters inside anchor texts above which it is a link, not prose; on the tune
# pages of bench/data/pages, gold article lines reach 0.77 (a list of account links in an article
# about them), related-headline and "Read:" lines 0.85-1.0.
LINK_DENSITY = 0.85
MIN_ANCHOR_CHARS = 3  # one- and two-letter anchors (page numbers, arrows) are everywhere in prose
# A related headline or pointer has several words; a line of one or two (a bare address the writer
# spelled out, "http://…", a label) is a reference or a heading, left to the segmenter.
MIN_LINK_LINE_WORDS = 3
TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")  # where a page shows its own text


def without_link_lines(text: str, html: str) -> str:
    """``text`` without the lines that are nearly all anchor text of ``html`` (unchanged when the
    page cannot be parsed or every line would go)."""
    return without_tree_link_lines(text, parse_html(html))


def without_tree_link_lines(text: str, root: etree._Element | None) -> str:
    """As :func:`without_link_lines`, for a page parsed already (None: not parsed, ``text`` kept)."""
    if root is None:
        return text
    anchors = sorted(
        {t for a in root.iter("a") if len(t := " ".join(a.text_content().split())) >= MIN_ANCHOR_CHARS},
        key=len,
        reverse=True,
    )
    plain = _shown_unlinked(root)
    kept = [
        line
        for line in text.split("\n")
        if " ".join(line.split()) in plain or not _is_link_line(line, anchors)
    ]
    if len(kept) < len(text.split("\n")):
        log.debug("%d link lines dropped", len(text.split("\n")) - len(kept))
    return "\n".join(kept) if any(line.strip() for line in kept) else text


def _shown_unlinked(root: etree._Element) -> set[str]:
    """The texts of the page's headings and paragraphs that hold no link and sit in none: a line
    the page shows so is a heading or a sentence of the article, though a menu or a related list
    elsewhere on the page links the same words (the article's own headline, in a breadcrumb)."""
    shown = set()
    for element in root.iter(*TEXT_BLOCKS):
        if next(element.iter("a"), None) is None and next(element.iterancestors("a"), None) is None:
            shown.add(" ".join(element.text_content().split()))
    return shown


def _is_link_line(line: str, anchors: list[str]) -> bool:
    rest = " ".join(line.split())
    if len(rest.split()) < MIN_LINK_LINE_WORDS:
        return False
    size, linked = len(rest), 0
    for anchor in anchors:
        if anchor in rest:
            linked += len(anchor) * rest.count(anchor)
            rest = rest.replace(anchor, " ")
    return linked / size >= LINK_DENSITY
