"""The records that flow through newstrace, as frozen dataclasses.

One way through (docs/design.md)::

    input ─ ingest ─> Document ─ segment ─> Article ─ analyze ─> ArticleFindings ─ link ─> CorpusLinks

Every finding carries character offsets (Python ``str`` code points, end exclusive) into
``Article.text``; an :class:`Article` keeps :class:`Piece` maps back to its
:class:`Document`, so any item can be traced to the exact characters it came from.
Dates are ISO strings that keep their granularity: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "AnalysisWarning",
    "Article",
    "ArticleEntity",
    "ArticleFindings",
    "Copy",
    "CopySide",
    "CorpusLinks",
    "DateMention",
    "Document",
    "Entity",
    "EntityRef",
    "Error",
    "Event",
    "EventFigure",
    "EventMention",
    "Fact",
    "Geo",
    "InputFormat",
    "Piece",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "Span",
]

InputFormat = Literal["text", "html", "jsonl", "warc"]
QuoteKind = Literal["direct", "fragment", "slogan", "scare"]
CopyRelation = Literal["same-article", "shared-passage"]
ClusterRelation = Literal["identical", "edited", "translation"]
Earlier = Literal["a", "b"]


@dataclass(frozen=True, slots=True)
class Error:
    """An input or a stage that failed; stored and exported so nothing is lost silently."""

    source: str
    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class AnalysisWarning:
    """Something a stage could not read as written in an article, and what it did about it.

    A quotation mark that cannot be paired loses only its own quote; the warning says where
    (``start``/``end``: the mark in the article text) so the loss is on record, not silent.
    """

    article: str
    stage: str
    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Document:
    """One readable unit of input: a text or HTML file, a JSONL record or a WARC response.

    ``text`` is the decoded text (for HTML, the main text trafilatura extracted);
    ``title``/``published``/``byline`` are what the input itself declares (HTML meta,
    JSONL fields), or ``None``.
    """

    id: str
    source: str
    source_id: str | None
    format: InputFormat
    content_hash: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    byline: str | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    """``Article.text[article_start:article_start+length]`` is ``Document.text[document_start:...]``."""

    article_start: int
    document_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article body cut from a document; paragraphs are separated by ``\\n``."""

    id: str
    document: str
    index: int
    source: str
    source_id: str | None
    title: str | None
    published: str | None
    byline: str | None
    text: str
    url: str | None = None
    pieces: tuple[Piece, ...] = ()

    def document_offset(self, offset: int) -> int | None:
        """The document offset of an article offset, or ``None`` if it lies between pieces."""
        for piece in self.pieces:
            if piece.article_start <= offset <= piece.article_start + piece.length:
                return piece.document_start + offset - piece.article_start
        return None


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the words inside the marks, its kind, cue, and resolved speaker."""

    id: str
    article: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_mention: Span | None
    cue: str | None
    said_on: str | None
    cluster: str | None = None
    speaker_entity: str | None = None  # the corpus entity the speaker is (set by the corpus links)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in an article and its value relative to the published date.

    ``value`` is ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` or None when the text does not allow it; a
    range ("2017/2018") has its start in ``value`` and its end in ``until``.
    """

    article: str
    start: int
    end: int
    text: str
    value: str | None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Geo:
    """Coordinates and codes of a place, from the offline gazetteer."""

    lat: float
    lon: float
    country: str
    admin1: str | None
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class ArticleEntity:
    """An entity as one article knows it: its name there, the forms it takes, its mentions.

    ``date`` is an event's date as the text gives it (``YYYY[-MM[-DD]]``, or a range ``2017/2018``).
    """

    article: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    geo: Geo | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One mention of a corpus entity."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity across the corpus: one canonical name, every alias, every mention.

    ``date`` is an event's date (``YYYY[-MM[-DD]]`` or a range ``2017/2018``), else None.
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: tuple[EntityRef, ...]
    geo: Geo | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A number that counts something in the reported events, with who asserts it."""

    id: str
    article: str
    value: float
    unit: str
    start: int
    end: int
    text: str
    date: str | None
    place: str | None
    asserted_by: str | None
    approximate: bool
    qualifier: str | None = None  # the hedge: "more than", "at least", "nearly", ...
    asserted_by_entity: str | None = None  # the corpus entity ``asserted_by`` is (set by the corpus links)


@dataclass(frozen=True, slots=True)
class CopySide:
    """One side of a shared passage."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Copy:
    """A passage that two articles share."""

    id: str
    a: CopySide
    b: CopySide
    similarity: float
    relation: CopyRelation
    earlier: Earlier | None


@dataclass(frozen=True, slots=True)
class QuoteCluster:
    """The same remark across articles, also in other translations."""

    id: str
    speaker: str | None
    members: tuple[str, ...]
    relation: ClusterRelation
    earliest: str | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One sentence of one article that reports an event (a protest, a killing, an arrest...)."""

    id: str
    article: str
    start: int
    end: int
    trigger: str
    kind: str
    category: str
    mode: str | None
    date: str | None
    place: str | None
    actors: tuple[str, ...]
    facts: tuple[str, ...]
    name: str | None = None


@dataclass(frozen=True, slots=True)
class EventFigure:
    """One figure of an event as one source gives it: "1,500 people killed according to the MEK".

    ``asserted_by`` is who the articles attribute it to (``None``: the writers' own voice);
    ``low``/``high`` the smallest and largest value that source gives (equal when it gives one).
    """

    unit: str
    asserted_by: str | None
    low: float
    high: float
    facts: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, as the articles report it, with the figures that count it.

    ``kind`` is newstrace's event type; ``category``/``mode`` place it in PLOVER's ontology;
    ``sources`` are the sentences (article, start, end) that report it, in every article.
    ``name`` is a plain description (kind, place, date), never one source's epithet; the names
    the sources themselves use are ``names``. ``figures`` are the figures grouped by who asserts
    them, and ``ranges`` the figures the sources disagree on, with the lowest and highest value.
    """

    id: str
    kind: str
    category: str
    mode: str | None
    date: str | None
    place: str | None
    actors: tuple[str, ...]
    facts: tuple[str, ...]
    sources: tuple[CopySide, ...]
    name: str | None = None
    names: tuple[str, ...] = ()
    figures: tuple[EventFigure, ...] = ()
    ranges: tuple[EventFigure, ...] = ()  # asserted_by None; facts and articles of every source


@dataclass(frozen=True, slots=True)
class ArticleFindings:
    """Everything the analyze stage found in one article."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    entities: tuple[ArticleEntity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    facts: tuple[Fact, ...] = ()
    events: tuple[EventMention, ...] = ()
    errors: tuple[Error, ...] = ()
    warnings: tuple[AnalysisWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusLinks:
    """What the link stage found across the whole corpus."""

    entities: tuple[Entity, ...] = ()
    copies: tuple[Copy, ...] = ()
    clusters: tuple[QuoteCluster, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[Error, ...] = field(default=())
