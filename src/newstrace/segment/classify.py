"""What each line of a page is: content, furniture, or article metadata."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newstrace.segment.furniture import CAPTION_LABEL, furniture_kind, is_link_list_head
from newstrace.segment.lines import Line, Shape, is_sentence_end, shape_lines, split_lines, word_count
from newstrace.segment.metadata import (
    byline_of,
    glued_byline,
    header_date,
    is_date_only,
    published_label_date,
)
from newstrace.segment.prose import (
    LENGTH_LOW,
    enclosed_prose,
    is_english,
    page_stoplist,
    passages,
    prose_lines,
    sectioned_prose,
)
from newstrace.text.bylines import clean_byline

__all__ = ["NUMBERED_ITEM", "ClassifiedLine", "classify_text", "continues", "prose_list_lines"]

META_MAX_WORDS = 16  # byline, date and label lines are short
LINK_HEAD_MAX_WORDS = 6  # "Read More:", "Related articles", "More from the Daily"
LINK_MAX_WORDS = 14  # a linked headline under such a head
# A line this long that stops mid-sentence was wrapped (text saved with hard line breaks wraps at
# 60-80 characters); a headline or menu item is shorter.
WRAPPED_LINE_MIN_CHARS = 50
# "By" or "Author:" alone: the name follows on the next line.
SPLIT_BY = re.compile(
    r"^\s*(?:(?:written\s+)?by\s*:?|(?:authors?|writers?|reporters?|written by)\s*:)\s*$", re.IGNORECASE
)
# The site's notices (copyright and legal lines, privacy and cookie consent): never prose, however
# long and full of stop words, so they vouch for no neighbour in jusText's context rules.
NOTICE_FURNITURE = frozenset({"legal", "consent"})
# A photo's caption runs to one or two sentences; a paragraph of the article that follows a lone
# label (a caption left empty) is longer than this: the line after a label is its value up to this length.
CAPTION_MAX_WORDS = 40
# The word or comma that joins two linked names of a byline, alone on its line.
JOINER = re.compile(r"^(?:and|&|,)$", re.IGNORECASE)
# Furniture that sites set inside an article's text (an inline "Read more: …" link, an ad slot, a
# share bar, a photo's caption): it is not weighed as a neighbour of the prose around it, which
# would otherwise be judged by it.
IN_ARTICLE_FURNITURE = frozenset({"link", "ad", "share", "caption"})
# A field's label on its own line ("Publish date:", "Posted on:"), its value a date or byline below.
LABEL_MAX_WORDS = 3
# A paragraph of at least this many words that a page dump holds twice is the site's, not the
# article's: a teaser shown in two widgets, a notice in a banner and a footer. On the tune pages of
# bench/data/pages and bench/data/realnews, 118 such lines were furniture and 9 article text (an
# interview's questions, asked of each guest, are exempt; a tweet's signature); shorter lines
# repeat in prose ("Photo: Reuters", "He said no.").
REPEATED_MIN_WORDS = 5
# An article's enumerated list: items "1) …", "2. …" in order, at least three, each followed by at
# most two lines of its own (a link, a price) before the next.
NUMBERED_ITEM = re.compile(r"^(\d{1,3})[.)]\s+\S")
NUMBERED_MIN_ITEMS = 3
NUMBERED_MAX_BETWEEN = 2
# A block this long stays on a page in a language other than English whatever its stop words and
# neighbours: jusText's density thresholds were set on English (a Russian recipe paragraph has
# 23-30 % stop words on the tune pages of bench/data/pages, below English's 30 %, and a 195-character
# answer at 67 % went with its neighbours); there, only short blocks (menus, teasers) are judged.
LONG_BLOCK_CHARS = LENGTH_LOW


@dataclass(frozen=True, slots=True)
class ClassifiedLine:
    """A line with its shape and, where one applies, its furniture rule or metadata."""

    line: Line
    shape: Shape
    furniture: str | None = None
    byline: str | None = None
    published: str | None = None
    date_only: bool = False
    header_date: str | None = None  # a date glued to other header words ("21/06/2014 Tony Carter News")

    @property
    def is_meta(self) -> bool:
        """A byline, a published-date label or a date on its own line."""
        return (
            self.byline is not None
            or self.published is not None
            or self.date_only
            or self.header_date is not None
        )

    @property
    def is_content(self) -> bool:
        """Text that may belong to an article body (paragraph or subheading)."""
        return self.shape in (Shape.PARAGRAPH, Shape.HEADING) and self.furniture is None and not self.is_meta

    @property
    def is_paragraph(self) -> bool:
        """Body prose."""
        return self.shape is Shape.PARAGRAPH and self.is_content


def classify_text(text: str, *, prose: bool = False) -> list[ClassifiedLine]:
    """Classify every line of ``text``; link lists after a "Read More:" head become furniture.

    With ``prose``, lines that jusText does not find to be prose (``prose.py``) become furniture
    too: for page dumps, where the article sits among menus, teasers and footers.
    """
    lines = split_lines(text)
    classified = [_classify(line, shape) for line, shape in zip(lines, shape_lines(lines), strict=True)]
    classified = _mark_link_lists(_mark_caption_values(_mark_field_labels(_join_split_bylines(classified))))
    return _mark_repeated(_keep_numbered_lists(_mark_non_prose(classified))) if prose else classified


def _join_split_bylines(lines: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """A "By" alone on its line, the name on the next: a scraper puts the byline's link (``By
    <a>Ann Vale</a>``) on a line of its own. The name line becomes the byline."""
    out = list(lines)
    for i, cl in enumerate(lines):
        if cl.furniture is None and SPLIT_BY.match(cl.line.text):
            after = _next_shown(lines, i)
            if (
                after is not None
                and (name := clean_byline(lines[after].line.text))
                and not lines[after].is_meta
            ):
                names = [name, *_co_authors(lines, after, out)]
                out[after] = replace(lines[after], byline=", ".join(names))
                out[i] = replace(cl, furniture="ui")
    return out


def _co_authors(lines: Sequence[ClassifiedLine], name: int, out: list[ClassifiedLine]) -> list[str]:
    """Names after a split byline's first, each linked on its own line with "and" or a comma
    between them ("By", "Ann Vale", "and", "Ben Orr"); their lines become byline parts in ``out``."""
    found: list[str] = []
    joiner = _next_shown(lines, name)
    while joiner is not None and JOINER.match(lines[joiner].line.text):
        after = _next_shown(lines, joiner)
        if after is None or lines[after].is_meta or not (other := clean_byline(lines[after].line.text)):
            break
        found.append(other)
        out[joiner] = replace(lines[joiner], furniture="ui")
        out[after] = replace(lines[after], furniture="ui")
        joiner = _next_shown(lines, after)
    return found


def _next_shown(lines: Sequence[ClassifiedLine], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j].shape is not Shape.BLANK), None)


def _mark_field_labels(lines: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """A short label ending with a colon ("Publish date:") whose next line is a date or a byline is
    the field's label, not a sentence's lead-in (a lead-in is followed by what is said)."""
    out = list(lines)
    for i, cl in enumerate(lines):
        text = cl.line.text
        if (
            cl.furniture is None
            and not cl.is_meta
            and text.endswith(":")
            and word_count(text) <= LABEL_MAX_WORDS
        ):
            after = next((n for n in lines[i + 1 :] if n.shape is not Shape.BLANK), None)
            if after is not None and after.is_meta:
                out[i] = replace(cl, furniture="label")
    return out


def _mark_caption_values(lines: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """The line after a caption's label alone ("Image caption") is the caption, however it reads:
    the label says what its value is (up to ``CAPTION_MAX_WORDS``; an article's paragraph is not a
    label's value)."""
    out = list(lines)
    for i, cl in enumerate(lines):
        if cl.furniture == "caption" and CAPTION_LABEL.match(cl.line.text):
            after = _next_shown(lines, i)
            if (
                after is not None
                and not lines[after].is_meta
                and word_count(lines[after].line.text) <= CAPTION_MAX_WORDS
            ):
                out[after] = replace(lines[after], furniture="caption")
    return out


def _mark_repeated(lines: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """Later copies of a paragraph that a page dump holds more than once are furniture
    (``REPEATED_MIN_WORDS``). Repetition says a copy is the site's (a teaser shown in two widgets,
    a notice in a banner and a footer), not which one the article may hold (its lead repeated as a
    teaser, or the whole article saved twice): the first copy stays, for the other rules to judge."""
    first: dict[str, int] = {}
    drop: set[int] = set()
    for cl in lines:
        if (
            cl.shape is Shape.PARAGRAPH
            and cl.furniture is None
            and word_count(cl.line.text) >= REPEATED_MIN_WORDS
            and not cl.line.text.rstrip().endswith("?")  # an interview's questions, asked of each guest
        ):
            key = " ".join(cl.line.text.split())
            if key in first:
                drop.add(cl.line.index)
            first.setdefault(key, cl.line.index)
    return [replace(cl, furniture="repeated") if cl.line.index in drop else cl for cl in lines]


def _keep_numbered_lists(lines: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """An enumerated list that the article's prose introduces is the article's, though its items are
    too short to read as prose (``prose_list_lines``)."""
    keep = prose_list_lines(lines)
    return [
        replace(cl, furniture=None) if cl.line.index in keep and cl.furniture == "not-prose" else cl
        for cl in lines
    ]


def prose_list_lines(lines: Sequence[ClassifiedLine]) -> set[int]:
    """Line indexes of the enumerated lists that a paragraph introduces: items numbered 1, 2, 3… in
    order, the first right after a paragraph, with the lines between them (a sidebar's numbered
    "most read" list sits under its own heading)."""
    shown = [cl for cl in lines if cl.shape is not Shape.BLANK]
    keep: set[int] = set()
    for start, cl in enumerate(shown):
        if _item_number(cl.line.text) != 1 or start == 0 or not shown[start - 1].is_paragraph:
            continue
        run, expected, i = [start], 2, start + 1
        while i < len(shown) and i - run[-1] <= NUMBERED_MAX_BETWEEN + 1:
            if _item_number(shown[i].line.text) == expected:
                run.append(i)
                expected += 1
            i += 1
        if len(run) >= NUMBERED_MIN_ITEMS:
            keep.update(shown[k].line.index for k in range(run[0], min(run[-1] + 2, len(shown))))
    return keep


def _item_number(text: str) -> int | None:
    match = NUMBERED_ITEM.match(text)
    return int(match.group(1)) if match else None


def _mark_non_prose(lines: list[ClassifiedLine]) -> list[ClassifiedLine]:
    stoplist = page_stoplist([cl.line.text for cl in lines])
    if stoplist is None:
        return lines  # no stop-word list fits the page's language: density says nothing about prose
    blocks = _blocks(lines)
    texts = [" ".join(cl.line.text for cl in b) for b in blocks]
    kept = prose_lines(
        [(text, len(b) == 1 and b[0].shape is Shape.HEADING) for text, b in zip(texts, blocks, strict=True)],
        stoplist,
        [
            len(t) >= LENGTH_LOW and all(cl.furniture in NOTICE_FURNITURE for cl in b)
            for t, b in zip(texts, blocks, strict=True)
        ],
    )
    if not is_english(stoplist):  # jusText's densities are English's: another language's long blocks stay
        kept = [good or len(text) >= LONG_BLOCK_CHARS for good, text in zip(kept, texts, strict=True)]
    kept = passages(texts, sectioned_prose(texts, enclosed_prose(texts, kept), stoplist), stoplist)
    dropped = {
        cl.line.index for b, good in zip(blocks, kept, strict=True) if not good for cl in b if cl.is_content
    }
    return [replace(cl, furniture="not-prose") if cl.line.index in dropped else cl for cl in lines]


def _blocks(lines: Sequence[ClassifiedLine]) -> list[list[ClassifiedLine]]:
    """Runs of lines that make one block: a line broken mid-sentence (hard-wrapped text) goes on
    with the next line when that starts in lower case or the broken line is as long as a wrapped one."""
    blocks: list[list[ClassifiedLine]] = []
    for cl in lines:
        if cl.shape in (Shape.BLANK, Shape.SEPARATOR) or cl.furniture in IN_ARTICLE_FURNITURE:
            continue
        prev = blocks[-1][-1] if blocks else None
        adjacent = prev is not None and cl.line.index == prev.line.index + 1
        lower = cl.line.text[:1].islower()  # a sentence goes on, even across a blank line
        if prev is not None and (lower or (adjacent and continues(prev.line.text, cl.line.text))):
            blocks[-1].append(cl)
        else:
            blocks.append([cl])
    return blocks


def continues(prev: str, text: str) -> bool:
    """Whether ``text`` goes on with the sentence that the line ``prev`` broke off."""
    if is_sentence_end(prev):
        return False
    return text[:1].islower() or len(prev) >= WRAPPED_LINE_MIN_CHARS


def _classify(line: Line, shape: Shape) -> ClassifiedLine:
    if shape in (Shape.BLANK, Shape.SEPARATOR):
        return ClassifiedLine(line, shape)
    kind = furniture_kind(line.text)
    if kind is not None:
        return ClassifiedLine(line, shape, furniture=kind)
    if len(line.text.split()) <= META_MAX_WORDS:
        byline = byline_of(line.text)
        published = published_label_date(line.text)
        if byline or published:
            return ClassifiedLine(line, shape, byline=byline, published=published)
        if is_date_only(line.text):
            return ClassifiedLine(line, shape, date_only=True)
        if shape is Shape.HEADING and (glued := header_date(line.text)):
            return ClassifiedLine(line, shape, byline=glued_byline(line.text), header_date=glued)
    return ClassifiedLine(line, shape)


def _mark_link_lists(lines: Sequence[ClassifiedLine]) -> list[ClassifiedLine]:
    out: list[ClassifiedLine] = []
    in_list = False
    for i, cl in enumerate(lines):
        text = cl.line.text
        if cl.shape is Shape.BLANK or cl.is_meta:
            out.append(cl)
        elif cl.furniture is None and word_count(text) <= LINK_HEAD_MAX_WORDS and is_link_list_head(text):
            in_list = True
            out.append(replace(cl, furniture="link-list"))
        elif in_list and _is_link_item(lines, i):
            out.append(replace(cl, furniture="link-list"))
        else:
            in_list = in_list and cl.furniture is not None  # other furniture continues a list; prose ends it
            out.append(cl)
    return out


def _is_link_item(lines: Sequence[ClassifiedLine], i: int) -> bool:
    """A short line in a link list; a headline with its own byline or date opens an article instead."""
    cl = lines[i]
    if cl.furniture is not None or not (
        cl.shape is Shape.HEADING or word_count(cl.line.text) <= LINK_MAX_WORDS
    ):
        return False
    following = next((n for n in lines[i + 1 :] if n.shape is not Shape.BLANK), None)
    return following is None or not following.is_meta
