"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.errors import MalformedInput, NoArticleText
from newstrace.ingest.html_body import with_sibling_parts, without_standfirst
from newstrace.ingest.html_boxes import without_box_lines
from newstrace.ingest.html_links import without_tree_link_lines
from newstrace.ingest.html_meta import of_reviewed_work, parse_html, strip_site_name, tree_meta
from newstrace.text.bylines import AuthorCandidate, choose_byline

__all__ = ["HtmlText", "extract_html", "nesting_depth"]

TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li option td tr th dt dd".split()
)
DATE_PARAMS = {"extensive_search": False, "original_date": True}  # dates from metadata only, never page text


@dataclass(frozen=True, slots=True)
class HtmlText:
    """Main text and declared metadata of one HTML page."""

    text: str
    title: str | None
    published: str | None
    byline: str | None
    url: str | None


def nesting_depth(html: str, limit: int) -> int:
    """The deepest element nesting in ``html``, counted up to ``limit + 1`` (linear, no parse).

    Tags that are often left unclosed (``p``, ``li``, ``td``...) and void tags are not counted,
    so sloppy but ordinary pages stay far below any sane limit.
    """
    depth = deepest = 0
    for match in TAG.finditer(html):
        closing, name, selfclosing = match.group(1), match.group(2).lower(), match.group(3)
        if name in VOID or selfclosing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest > limit:
            break
    return deepest


def extract_html(html: str, source: str, max_depth: int, url: str | None = None) -> HtmlText:
    """Extract the main text, title, date and author of a page, or raise an InputError."""
    depth = nesting_depth(html, max_depth)
    if depth > max_depth:
        raise MalformedInput(
            source,
            f"HTML elements are nested more than {max_depth} levels deep; "
            "the page is malformed and was not read",
        )
    import trafilatura  # noqa: PLC0415  # ~0.3 s to import: only when a page is HTML

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except (ValueError, TypeError, RecursionError) as exc:  # lxml raises these on broken markup
        raise MalformedInput(source, f"the HTML could not be parsed ({exc})") from exc
    if not isinstance(result, trafilatura.settings.Document) or not (text := (result.text or "").strip()):
        raise NoArticleText(source, "no article text was found in this HTML page")
    root = parse_html(html)  # once, for both: the links of the page and its metadata
    text = without_standfirst(without_tree_link_lines(with_sibling_parts(text, root), root), root)
    text = without_box_lines(text, root)
    page_url = _clean(result.url) or url
    meta = tree_meta(root, page_url)
    title = meta.title or (strip_site_name(t, meta.site, page_url) if (t := _clean(result.title)) else None)
    author = _clean(result.author)
    if author and of_reviewed_work(author, meta.reviewed_authors):
        author = None  # trafilatura reads any author in the structured data, a fact-checked claim's too
    guess = [AuthorCandidate(author)] if author else []  # trafilatura's, last
    byline = meta.byline or choose_byline(guess, meta.site, meta.site_marks)
    return HtmlText(text, title, _clean(result.date), byline, page_url)


def _clean(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None
