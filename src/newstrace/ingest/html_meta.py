"""Title and byline of an HTML page, from what the page itself declares and shows.

The headline is stated several times on a page: in ``<title>`` and ``og:title`` (often with the
site's name: ``… | CNN Politics``), in JSON-LD, and as the visible ``<h1>``. The visible headline
is taken when it agrees with a declared title (the page's own ``<h1>`` is what readers see; a logo
or section ``<h1>`` does not agree); otherwise the declared title without the segment that names
the site. Authors come from the article's structured data, then author meta tags, then elements
marked as the author or byline outside the comments; each is cleaned by ``text.bylines``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from newstrace.text.bylines import AuthorCandidate, choose_byline

__all__ = [
    "PAGE_TAGS",
    "PageMeta",
    "of_reviewed_work",
    "page_meta",
    "parse_html",
    "strip_site_name",
    "tree_meta",
]

# An <h1> is the headline when this share of its words are in a declared title; checked on the
# tune pages of bench/data/pages, where a headline and its SEO title share 60-100 % of their
# words and a logo or section <h1> shares none.
H1_AGREEMENT = 0.6
TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:»-]\s+|\s*\|\s*|\s+::\s+")
ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Posting", re.IGNORECASE)
AUTHOR_META = (
    "author",
    "og:author",
    "citation_author",
    "article:author",
    "article:author_name",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
)
# Class, id, rel, itemprop or component names that mark the author ("wrapper__writer", "Byline").
AUTHOR_MARK = re.compile(r"(?<![a-z])(?:author|byline|by-line|writer|contributor|submitted)", re.IGNORECASE)
NOT_AUTHOR_MARK = re.compile(r"comment|avatar|image|photo|bio|about|social|share|follow|reply", re.IGNORECASE)
# Containers whose authors are not the article's: a figure's credit, a quotation's source, a
# sidebar's or related list's teasers; a whole class or id token ("sidebar", "related-posts",
# "quote-author"), not a layout's ("wrapper__with-sidebar"), and not on <body>.
NOT_ARTICLE_PART = re.compile(r"^(?:sidebar|related|quote|pullquote)(?:[-_]\w*)?$", re.IGNORECASE)
NOT_ARTICLE_TAGS = frozenset({"figure", "figcaption", "aside", "blockquote"})
PAGE_TAGS = frozenset({"html", "body"})  # every element is inside them: their marks say nothing of one part
MARKUP = re.compile(r"<[^>]*>")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
TOKEN = re.compile(r"[^\W_]+")
MAX_H1 = 5
NOT_TEXT = frozenset({"script", "style", "head", "title", "meta"})
# "By Jane Doe", "Posted on May 3, 2020 by Jane Doe", "by Jane Doe on May 3, 2020 | News"; the same
# credit in the pages' other languages ("Von Jane Doe am 3. Mai", "Par Jane Doe", "Por Jane Doe") and
# labelled ("Author: Jane Doe", "Auteur : Jane Doe", "Autor: Jane Doe").
BY_LINE = re.compile(
    r"^(?:(?:(?:posted|written|published)\b[^|]{0,40}?\s)?(?:by|von|par|por|door)\s+"
    r"|(?:author|autor|autorin|auteure?|autore)\s*:\s*)"
    r"(?P<names>.+?)(?:\s+(?:on|at|@)\s.*|\s+(?:am|le)\s+\d.*|\s*\|.*)?$",  # "am"/"le" only before a day
    re.IGNORECASE,
)
BY_LINE_MAX_WORDS = 16
NAME_WORD = re.compile(r"[^\W_]+")
REVIEWED_KEYS = ("itemReviewed", "citation", "isBasedOn")  # schema.org: works a page is about
# An author-marked element longer than this is a container whose class mentions the author (a page
# wrapper "single-author", a bio box), not a byline: a byline of several writers with their roles
# runs to some 20 words; the wrapper on the tune pages holds the whole page (1,200 words).
AUTHOR_ELEMENT_MAX_WORDS = 40
BY_LINE_MAX_CHILDREN = 6  # a byline element holds a few links or spans, not a section
BY_LINE_LOOKAHEAD = 120  # elements after the headline where a byline sits (date, share buttons, …)
SECTION_MAX_WORDS = 3
SITE_SEGMENT_MAX_WORDS = 6  # "WSVN 7News | Miami News, Weather, Sports": a site name with its tagline
MIN_SITE_MARK = 3  # "CNN", "BBC", "AFP"; shorter host labels match too much
SECOND_LEVEL = frozenset("co com org net ac gov edu ne or go".split())


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What an HTML page declares about its article."""

    title: str | None
    byline: str | None
    site: str | None
    site_marks: frozenset[str] = frozenset()  # the site's names and host, compacted
    # Authors of what the page reviews or cites (a fact-check's claim, a review's book): never its own.
    reviewed_authors: frozenset[str] = frozenset()


def parse_html(html: str) -> etree._Element | None:
    """The element tree of ``html``, or None when it cannot be parsed. An XML declaration is
    dropped first: the text is decoded already, and lxml refuses a string that declares an encoding."""
    try:
        return lxml.html.fromstring(XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return None


def page_meta(html: str, url: str | None = None) -> PageMeta:
    """The title, byline and site name of ``html`` (None where the page gives none)."""
    return tree_meta(parse_html(html), url)


def tree_meta(root: etree._Element | None, url: str | None = None) -> PageMeta:
    """As :func:`page_meta`, for a page parsed already (None: a page that could not be parsed)."""
    if root is None:
        return PageMeta(None, None, None, frozenset(_marks(None, url)))
    metas = _metas(root)
    site = metas.get("og:site_name") or metas.get("application-name") or _host(url or metas.get("og:url"))
    nodes = list(_json_ld_nodes(root))
    articles = [n for n in nodes if ARTICLE_TYPES.search(" ".join(map(str, _as_list(n.get("@type")))))]
    declared = [
        t for t in (metas.get("og:title"), metas.get("twitter:title"), _text(root.find(".//title"))) if t
    ]
    declared += [str(a["headline"]) for a in articles if isinstance(a.get("headline"), str)]
    publishers = [
        p.get("name") for a in articles for p in _as_list(a.get("publisher")) if isinstance(p, dict)
    ]
    names = [*TITLE_SEPARATORS.split(site or ""), *(p for p in publishers if isinstance(p, str))]
    marks = frozenset(_marks(site, url) | {_compact(n) for n in names} - {""})
    reviewed = frozenset(_reviewed_authors(nodes))
    candidates = _author_candidates(root, metas, articles, _named_nodes(nodes))
    byline = choose_byline([c for c in candidates if not of_reviewed_work(c.text, reviewed)], site, marks)
    return PageMeta(_title(root, declared, site, url), byline, site, marks, reviewed)


def strip_site_name(title: str, site: str | None, url: str | None = None) -> str:
    """``title`` without a leading or trailing segment that names the site ("… | CNN Politics")."""
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    marks = _marks(site, url)
    while len(parts) > 1 and _names_site(parts[-1], marks):
        title = title[: title.rfind(parts[-1])].rstrip(" |–—·•:»-")
        parts.pop()
    while len(parts) > 1 and (_names_site(parts[0], marks) or _section(title, parts[0])):
        title = title[title.find(parts[0]) + len(parts[0]) :].lstrip(" |–—·•:»-")
        parts.pop(0)
    return title.strip()


def _section(title: str, first: str) -> bool:
    """A section name before a bar ("Politics | …", "Blog Archive » …"): headlines use colons and
    dashes, not bars or guillemets."""
    return (
        len(first.split()) <= SECTION_MAX_WORDS and re.match(re.escape(first) + r"\s*[|»]", title) is not None
    )


def _marks(site: str | None, url: str | None) -> set[str]:
    return {_compact(site or ""), _compact(_host(url) or "")} - {""}


def _names_site(part: str, marks: set[str]) -> bool:
    """A short segment that is the site's name, perhaps with a few words ("CNN Politics")."""
    compact = _compact(part)
    if not compact or len(part.split()) > SITE_SEGMENT_MAX_WORDS:
        return False
    return any(m in compact or compact in m for m in marks if len(m) >= MIN_SITE_MARK)


def _title(root: etree._Element, declared: list[str], site: str | None, url: str | None) -> str | None:
    clean = [c for t in declared if (c := strip_site_name(t, site, url))]
    stated = [_text(h) for h in root.iter("h1")][:MAX_H1]
    for h1 in stated:
        if (
            h1
            and not _names_site(h1, _marks(site, url))
            and strip_site_name(h1, site, url) == h1
            and any(_agrees(h1, d) for d in clean)
        ):
            return h1
    return clean[0] if clean else None


def _agrees(h1: str, declared: str) -> bool:
    words = [t.casefold() for t in TOKEN.findall(h1)]
    other = {t.casefold() for t in TOKEN.findall(declared)}
    return bool(words) and sum(w in other for w in words) / len(words) >= H1_AGREEMENT


def _named_nodes(nodes: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    """The page's structured-data objects that have a name, by their ``@id``."""
    return {str(n["@id"]): n for n in nodes if "@id" in n and isinstance(n.get("name"), str)}


def _author_candidates(
    root: etree._Element,
    metas: dict[str, str],
    articles: list[dict[str, object]],
    named: dict[str, dict[str, object]],
) -> Iterator[AuthorCandidate]:
    for article in articles:
        if names := _declared_authors([_resolved(a, named) for a in _as_list(article.get("author"))]):
            yield AuthorCandidate("; ".join(names), declared=True)
    yield from _author_metas(root)
    for element in root.iter():
        if isinstance(element.tag, str) and _marks_author(element):
            text = _spaced_text(element)
            if len(text.split()) <= AUTHOR_ELEMENT_MAX_WORDS:
                yield AuthorCandidate(text)
    yield from (AuthorCandidate(line) for line in _by_lines(root))


def of_reviewed_work(author: str, reviewed: frozenset[str]) -> bool:
    """``author`` (perhaps cut short or split at "and" by trafilatura's cleaning) is the author of a
    work the page reviews or cites, not the page's own."""
    key = _name_key(author)
    return bool(key) and any(f"{_name_key(r)} ".startswith(f"{key} ") for r in reviewed)


def _name_key(text: str) -> str:
    """``text``'s words, case-folded, without the joiners trafilatura splits authors at."""
    return " ".join(w for w in NAME_WORD.findall(text.casefold()) if w != "and")


def _reviewed_authors(nodes: list[dict[str, object]]) -> Iterator[str]:
    """The author names of the works the page's structured data reviews or cites (schema.org's
    ``itemReviewed``, ``citation``, ``isBasedOn``): the people a fact-check or a review is about."""
    for node in nodes:
        for key in REVIEWED_KEYS:
            for work in _as_list(node.get(key)):
                if isinstance(work, dict):
                    yield from (n for a in _as_list(work.get("author")) if (n := _author_name(a)))


def _resolved(author: object, named: dict[str, dict[str, object]]) -> object:
    """A structured-data author given by reference (``{"@id": …}``, as WordPress SEO plugins write
    it) replaced by the node it refers to."""
    if isinstance(author, dict) and "name" not in author and str(author.get("@id")) in named:
        return named[str(author["@id"])]
    return author


def _declared_authors(authors: list[object]) -> list[str]:
    """The names of an article's structured-data authors; an organisation listed beside a person
    is the publisher credited, not a writer."""
    people = [a for a in authors if not (isinstance(a, dict) and "Organization" in str(a.get("@type")))]
    return [n for a in people or authors if (n := _author_name(a))]


def _by_lines(root: etree._Element) -> Iterator[str]:
    """The first visible byline ("By …", "Posted on <date> by …") in the elements after the
    headline (or from the top, on a page without one), outside the comments."""
    start = next(root.iter("h1"), None)
    for count, element in enumerate(_following(root, start)):
        text = _spaced_text(element)
        match = BY_LINE.match(text)
        if match and len(text.split()) <= BY_LINE_MAX_WORDS and not _in_comments(element):
            yield f"By {match.group('names')}"
            return
        if count >= BY_LINE_LOOKAHEAD:
            return


def _following(root: etree._Element, start: etree._Element | None) -> Iterator[etree._Element]:
    """Small elements (a line of text, perhaps with links) after ``start`` in document order."""
    started = start is None
    for other in root.iter():
        if other is start:
            started = True
        elif (
            started
            and isinstance(other.tag, str)
            and len(other) <= BY_LINE_MAX_CHILDREN
            and other.tag not in NOT_TEXT
        ):
            yield other


def _in_comments(element: etree._Element) -> bool:
    """``element`` is in the comments, a figure, a quotation, a sidebar or a related list."""
    for above in element.iterancestors():
        if above.tag in PAGE_TAGS:
            continue  # the whole page's classes are feature flags ("plugin-imageloader", "has-comments")
        mark = f"{above.get('class', '')} {above.get('id', '')}"
        if NOT_AUTHOR_MARK.search(mark) or above.tag in NOT_ARTICLE_TAGS or _not_article_part(mark):
            return True
    return False


def _not_article_part(mark: str) -> bool:
    return any(NOT_ARTICLE_PART.match(token) for token in mark.split())


def _marks_author(element: etree._Element) -> bool:
    mark = " ".join(element.get(a, "") for a in ("class", "rel", "itemprop", "id", "data-component"))
    if (
        not (AUTHOR_MARK.search(mark) or element.tag == "author")
        or NOT_AUTHOR_MARK.search(mark)
        or _not_article_part(mark)
        or element.tag in ("meta", "script", "style")
    ):
        return False
    return not _in_comments(element)


def _author_name(author: object) -> str | None:
    if isinstance(author, str):
        return author if "://" not in author else None
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        return str(author["name"])
    return None


def _json_ld_nodes(root: etree._Element) -> Iterator[dict[str, object]]:
    """Every object of the page's JSON-LD scripts, ``@graph`` members included."""
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        try:
            data = json.loads(
                script.text or "", strict=False
            )  # raw newlines inside strings, as templates write
        except ValueError:
            continue
        for item in _as_list(data):
            for node in (
                _as_list(item.get("@graph")) if isinstance(item, dict) and "@graph" in item else [item]
            ):
                if isinstance(node, dict):
                    yield node


def _author_metas(root: etree._Element) -> Iterator[AuthorCandidate]:
    """The author meta tags (by ``name``, ``property`` or ``itemprop``), one candidate per key with
    all its values: a page with two authors repeats the tag. Markup inside a value is dropped."""
    values: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = " ".join(MARKUP.sub("", meta.get("content") or "").split())
        if key in AUTHOR_META and value and "://" not in value:
            values.setdefault(key, []).append(value)
    for key in AUTHOR_META:
        if key in values:
            yield AuthorCandidate("; ".join(dict.fromkeys(values[key])))


def _metas(root: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = " ".join((meta.get("content") or "").split())
        if key and value and key not in found:
            found[key] = value
    return found


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value] if value is not None else []


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join(element.text_content().split())
    return text or None


def _spaced_text(element: etree._Element) -> str:
    """The text of ``element`` with its child elements' texts kept apart: a byline's parts are
    separate elements ("<span>Ann Vale</span><time>2 hours ago</time>"), which ``text_content``
    glues into one word ("Ann Vale2 hours ago", "Ann ValeUpdated")."""
    return " ".join(" ".join(element.itertext()).split())


def _host(url: str | None) -> str | None:
    if not url:
        return None
    labels = (urlsplit(url if "//" in url else f"//{url}").hostname or "").split(".")[:-1]  # no TLD
    while len(labels) > 1 and labels[-1] in SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else None


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()
