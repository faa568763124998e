"""From classified lines to Article records."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.errors import NoArticleText
from newstrace.ids import stable_id
from newstrace.model import Article, Document, Piece
from newstrace.segment.bio import bio_start
from newstrace.segment.classify import NUMBERED_ITEM, ClassifiedLine, classify_text, prose_list_lines
from newstrace.segment.closing_list import closing_list
from newstrace.segment.header_names import bare_name_byline
from newstrace.segment.lines import HEADING_MAX_WORDS, Shape, is_sentence_end, word_count
from newstrace.segment.listing import mark_listed_teasers
from newstrace.segment.metadata import (
    byline_date,
    choose_title,
    dateline_date,
    is_date_label,
    normalize_published,
)
from newstrace.segment.options import SegmentOptions
from newstrace.segment.region import keep_main_run, mark_menus, until_copyright
from newstrace.segment.split import article_ranges
from newstrace.text.bylines import is_author_name

__all__ = ["ArticleDraft", "SegmentOptions", "find_articles", "segment_document"]

# A page holds several articles when they are of a size: a digest's items differ by less than
# 1:2 (the sample corpus's roundup page: 91 to 116 words), while a related-story teaser, a
# reader's comment or a gallery caption is under a tenth of the article it follows (tune pages of
# bench/data/pages).
SPLIT_MIN_SHARE = 0.25
# A digest's articles have paragraphs (the roundup's have 3 or 4); a teaser, a caption or a
# comment has one.
SECOND_ARTICLE_MIN_PARAGRAPHS = 2
# Non-blank lines between an article's byline or date and its first paragraph: a standfirst, a
# caption, a share bar, an ad slot (at most 6 on the tune pages of bench/data/pages).
TITLE_META_REACH = 8
# Lines after a standfirst where its byline and date, then the body, are looked for: a "By" line, a
# role, an author box, a caption and a date (up to 18 lines on the tune pages of bench/data/pages,
# blank lines included).
STANDFIRST_REACH = 24
# A headline may ask or exclaim ("Are dead skin cells a good thing?"): a line of a headline's length
# that ends so is shaped like a sentence, yet it is the title when it stands where the headline does
# (2 such titles on the tune pages of bench/data/pages; 409 further trafilatura pages unchanged).
QUESTION_HEADLINE = re.compile(r"[?!]['\"”’)\]»]*$")


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article found on a page, before it gets its id."""

    title: str | None
    published: str | None
    byline: str | None
    text: str
    pieces: tuple[Piece, ...]


def segment_document(doc: Document, options: SegmentOptions | None = None) -> list[Article]:
    """The articles of ``doc``; raises NoArticleText when only furniture is left."""
    opts = options or SegmentOptions()
    if doc.format == "jsonl" and not opts.clean_jsonl:
        drafts = [
            ArticleDraft(
                doc.title,
                normalize_published(doc.published),
                doc.byline,
                doc.text,
                (Piece(0, 0, len(doc.text)),),
            )
        ]
    else:
        drafts = find_articles(
            doc.text,
            split=opts.split_pages and doc.format == "text",
            declared=doc,
            prose=opts.detect_prose and doc.format != "html",
        )
    if not drafts:
        raise NoArticleText(doc.source, "no article text is left after removing page furniture")
    return [_article(doc, i, d) for i, d in enumerate(drafts)]


def find_articles(
    text: str, *, split: bool = True, declared: Document | None = None, prose: bool = False
) -> list[ArticleDraft]:
    """Article drafts in a page's text; ``declared`` supplies metadata the input itself gives;
    ``prose``: keep only the lines jusText finds to be prose (page dumps); when that leaves no
    article (a short article has no block long enough to count as prose), the shape rules alone decide."""
    if not prose:
        return _drafts(classify_text(text), split, declared, dump=False)
    found = _drafts(_page_marks(classify_text(text, prose=True)), split, declared, dump=True)
    return found or _drafts(_page_marks(classify_text(text)), split, declared, dump=True)


def _page_marks(lines: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """A page dump's lines with its menus and listed teasers made furniture."""
    return mark_menus(mark_listed_teasers(lines))


def _drafts(
    lines: Sequence[ClassifiedLine], split: bool, declared: Document | None, *, dump: bool
) -> list[ArticleDraft]:
    """The drafts of a page's article ranges; on a page ``dump``, each keeps its main run of prose."""
    ranges = article_ranges(lines) if split else [range(len(lines))]
    parts = (lines[r.start : r.stop] for r in ranges)
    one = declared if len(ranges) == 1 else None
    mains = (keep_main_run(until_copyright(part)) if dump else part for part in parts)
    drafts = (_draft(main, one, dump=dump) for main in mains)
    return _comparable([d for d in drafts if d is not None])


def _comparable(drafts: list[ArticleDraft]) -> list[ArticleDraft]:
    """The articles of a page that holds several, without the teasers, comments and captions that
    look like articles (a headline and a date) but are a small fraction of the page's main one."""
    if len(drafts) < 2:
        return drafts
    main = max(drafts, key=lambda d: len(d.text))
    return [d for d in drafts if d is main or _second_article(d, len(main.text))]


def _second_article(draft: ArticleDraft, main_chars: int) -> bool:
    """Another article of a digest: of a size with the main one, more than one paragraph long,
    under a headline (a reader's comment sits under the reader's name)."""
    return (
        len(draft.text) >= SPLIT_MIN_SHARE * main_chars
        and draft.text.count("\n") + 1 >= SECOND_ARTICLE_MIN_PARAGRAPHS
        and not (draft.title and is_author_name(draft.title))
    )


def _article(doc: Document, index: int, draft: ArticleDraft) -> Article:
    return Article(
        id=stable_id(doc.id, index),
        document=doc.id,
        index=index,
        source=doc.source,
        source_id=doc.source_id,
        title=draft.title,
        published=draft.published,
        byline=draft.byline,
        text=draft.text,
        url=doc.url,
        pieces=draft.pieces,
    )


def _draft(lines: Sequence[ClassifiedLine], declared: Document | None, *, dump: bool) -> ArticleDraft | None:
    first = next((i for i, cl in enumerate(lines) if cl.is_paragraph), None)
    if first is None:
        return None
    start = _after_standfirst(lines, first)
    header, body = lines[:start], lines[start:]
    shown_header = [*lines[:first], *lines[first + 1 : start]]  # the standfirst is not a headline
    title = (
        (declared.title if declared and declared.title else None)
        or _title(shown_header)
        or _asking_standfirst(lines, first, start)
    )
    body_lines = _body(body, title, closing_lists=not dump)
    byline = _byline(lines, declared) or bare_name_byline(header, title)
    if (bio := bio_start([cl.line.text for cl in body_lines], byline)) is not None:
        body_lines = body_lines[:bio]  # the writer's note and what follows are the page's
    if not body_lines:
        return None
    text, pieces = _join(body_lines)
    return ArticleDraft(title, _published(header, body, title, declared), byline, text, pieces)


def _after_standfirst(lines: Sequence[ClassifiedLine], first: int) -> int:
    """Where the body starts: after the first paragraph when the byline or date comes right after it
    and paragraphs follow them. A paragraph between the headline and the byline is the standfirst
    (the summary a site sets under its headline), not the article's first paragraph."""
    seen_meta = False
    for i in range(first + 1, min(len(lines), first + 1 + STANDFIRST_REACH)):
        cl = lines[i]
        if cl.is_meta:
            seen_meta = True
        elif cl.is_paragraph:
            return i if seen_meta else first
    return first


def _asking_headline(cl: ClassifiedLine) -> bool:
    """A line that asks or exclaims, no longer than a headline."""
    text = cl.line.text
    return bool(QUESTION_HEADLINE.search(text)) and word_count(text) <= HEADING_MAX_WORDS


def _asking_standfirst(lines: Sequence[ClassifiedLine], first: int, start: int) -> str | None:
    """The "standfirst" above the byline or date when it asks or exclaims and no heading above it
    is the title: the headline itself, shaped like a sentence."""
    return lines[first].line.text if start != first and _asking_headline(lines[first]) else None


def _title(header: Sequence[ClassifiedLine]) -> str | None:
    """The heading just above the byline or date lines nearest the body, else the best heading.

    A headline stands right above its byline and date; prose detection may have judged it too
    short to keep, so it is taken back here. Byline and date lines count when they are near the
    body: a today-widget sits at the top of the page.
    """
    shown = [cl for cl in header if cl.shape not in (Shape.BLANK, Shape.SEPARATOR)]
    last_meta = max((i for i, cl in enumerate(shown) if cl.is_meta), default=None)
    if last_meta is not None and len(shown) - last_meta <= TITLE_META_REACH:
        first_meta = last_meta
        while first_meta > 0 and shown[first_meta - 1].is_meta:
            first_meta -= 1
        # a "By" label and "Updated <date>" lines are not the headline
        above = [cl for cl in shown[:first_meta] if cl.furniture != "ui" and not is_date_label(cl.line.text)]
        for k, cl in enumerate(reversed(above)):  # over captions and widgets between them
            # the heading right above the byline is the headline, even when a breadcrumb's link
            # list took it in ("Home", "News", <headline>, "By", <name>)
            taken = cl.furniture in ("not-prose", "link-list") if k == 0 else cl.furniture == "not-prose"
            asks = k == 0 and taken and _asking_headline(cl)  # right above the byline: its headline
            if (cl.shape is Shape.HEADING and (cl.is_content or taken)) or asks:
                if not is_author_name(cl.line.text) and (title := choose_title([cl.line.text])):
                    return title
            elif cl.is_meta or cl.is_paragraph:
                break
    return choose_title([cl.line.text for cl in header if cl.shape is Shape.HEADING and cl.is_content])


def _published(
    header: Sequence[ClassifiedLine],
    body: Sequence[ClassifiedLine],
    title: str | None,
    declared: Document | None,
) -> str | None:
    """A declared date, else a label line, else a date line right after the byline, else a date
    line *below* the title (alone, or opening a header line that glues it to a byline or
    categories), else a dateline.

    A date line above the title is the site's today-widget, never the published date.
    """
    if declared is not None and (value := normalize_published(declared.published)):
        return value
    for cl in (*header, *body):
        if cl.published:
            return cl.published
    for cl in header:  # the date printed on the byline's own line
        if cl.byline and (value := byline_date(cl.line.text)):
            return value
    shown = [cl for cl in (*header, *body) if cl.shape not in (Shape.BLANK, Shape.SEPARATOR)]
    for prev, cl in itertools.pairwise(shown):  # the date printed with the byline is the article's
        if prev.byline and (cl.date_only or cl.header_date):
            return cl.header_date or normalize_published(cl.line.text)
    below_title = False
    for cl in header:
        below_title = below_title or (title is not None and cl.line.text == title)
        if below_title and (cl.date_only or cl.header_date):
            return cl.header_date or normalize_published(cl.line.text)
    return dateline_date(body[0].line.text)


def _byline(lines: Sequence[ClassifiedLine], declared: Document | None) -> str | None:
    if declared is not None and declared.byline:
        return declared.byline
    return next((cl.byline for cl in lines if cl.byline), None)


def _body(body: Sequence[ClassifiedLine], title: str | None, *, closing_lists: bool) -> list[ClassifiedLine]:
    """The body's content lines without the headings after its last paragraph: link titles and
    teasers, except the items of a list that the article's prose introduces (and the last item's
    own line: a link, a price). With ``closing_lists`` (text a main-content extractor took from the
    page, its menus and link lists gone), a list the article introduces stays (``closing_list``)."""
    kept = [cl for cl in body if cl.is_content and cl.line.text != title]
    listed = prose_list_lines(kept)
    end = len(kept)
    while (
        end
        and not kept[end - 1].is_paragraph
        and not (kept[end - 1].line.index in listed and NUMBERED_ITEM.match(kept[end - 1].line.text))
    ):
        end -= 1
    return kept if closing_lists and closing_list(kept, end) else kept[:end]


def _join(lines: Sequence[ClassifiedLine]) -> tuple[str, tuple[Piece, ...]]:
    """Join kept lines into paragraphs (``\\n``); a line broken mid-sentence is joined with a space."""
    parts: list[str] = []
    pieces: list[Piece] = []
    offset = 0
    for i, cl in enumerate(lines):
        if i:
            prev, adjacent = lines[i - 1], cl.line.index == lines[i - 1].line.index + 1
            glue = (
                " "
                if adjacent and not is_sentence_end(prev.line.text) and cl.line.text[:1].islower()
                else "\n"
            )
            parts.append(glue)
            offset += 1
        pieces.append(Piece(offset, cl.line.start, len(cl.line.text)))
        parts.append(cl.line.text)
        offset += len(cl.line.text)
    return "".join(parts), tuple(pieces)
