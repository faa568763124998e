"""Quotes by speaker, words, date, kind and site: the first question a reader asks of the record.

The speaker filter is alias-aware: a name finds the corpus entities it is the name or an alias of,
and every quote whose speaker resolves to one of them (``record_entities``), plus quotes whose
speaker the text names that way but that no entity took.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass

import sqlalchemy as sa

from newstrace.errors import UsageError
from newstrace.model import QuoteKind
from newstrace.query.corpus import ARTICLES, QUOTES, Corpus, entities_named, quote_rows
from newstrace.query.records import MAX_PAGE_SIZE, Page, QuoteRow
from newstrace.store import search

__all__ = [
    "QUOTE_KINDS",
    "QuoteFilter",
    "check_date",
    "check_page",
    "check_words",
    "find_quotes",
    "get_quote",
]

QUOTE_KINDS: tuple[str, ...] = typing.get_args(QuoteKind)
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DATE_END = "~"  # sorts after every digit and "-": "2021-05" + "~" includes every day of May 2021


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """What quotes to find; every field left None matches all.

    Attributes:
        speaker: a name or alias of the speaker (alias-aware), or the speaker as the text names them.
        text: words the quote holds (all of them; full-text index).
        since: the earliest date said (``said_on``, else the article's date), ``YYYY[-MM[-DD]]``.
        until: the latest date said, inclusive.
        kind: direct, fragment, slogan or scare.
        source: an input path or a prefix of it (a folder).
        site: the host of the article's URL (``example.com``).
    """

    speaker: str | None = None
    text: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    source: str | None = None
    site: str | None = None


def check_date(value: str | None, name: str) -> str | None:
    """``value`` if it is an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); else a UsageError."""
    if value is not None and not ISO_DATE.fullmatch(value):
        raise UsageError(f"{name} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def check_words(value: str | None, name: str) -> str | None:
    """``value`` if it is short enough to search; else a UsageError."""
    if value is not None and len(value) > search.MAX_QUERY_CHARS:
        raise UsageError(
            f"{name} is {len(value)} characters long; at most {search.MAX_QUERY_CHARS} are searched"
        )
    return value


def check_page(limit: int, offset: int) -> None:
    """Refuse a page size outside 1..MAX_PAGE_SIZE or a negative offset."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise UsageError(f"limit {limit} is out of range: give 1 to {MAX_PAGE_SIZE}")
    if offset < 0:
        raise UsageError(f"offset {offset} is negative")


def find_quotes(corpus: Corpus, filters: QuoteFilter, limit: int = 50, offset: int = 0) -> Page[QuoteRow]:
    """Quotes matching ``filters``, newest article first, at most ``limit`` from ``offset``."""
    check_page(limit, offset)
    with corpus.connect() as conn:
        order = [ARTICLES.c.published.desc().nulls_last(), QUOTES.c.article, QUOTES.c.start]
        # First the ids of the page, from indexes alone where they cover the filters, then the rows of
        # those ids only: the database never carries whole rows of every match through the sort.
        if filters == QuoteFilter(speaker=filters.speaker) and filters.speaker:
            page = _speaker_page(conn, filters.speaker, limit + 1, offset)
        else:
            ids = (
                sa.select(QUOTES.c.id)
                .join(ARTICLES, ARTICLES.c.id == QUOTES.c.article)
                .where(*_conditions(conn.dialect.name, filters, conn))
                .order_by(*order)
                .limit(limit + 1)
                .offset(offset)
            )
            page = list(conn.execute(ids).scalars())
        rows = quote_rows(conn, QUOTES.c.id.in_(page), order, limit + 1)
    return Page(tuple(rows[:limit]), offset, limit, len(rows) > limit)


def get_quote(corpus: Corpus, quote_id: str) -> QuoteRow | None:
    """One quote by id, or None."""
    with corpus.connect() as conn:
        rows = quote_rows(conn, QUOTES.c.id == quote_id, [QUOTES.c.id], 1)
    return rows[0] if rows else None


def _conditions(dialect: str, f: QuoteFilter, conn: sa.Connection) -> list[sa.ColumnElement[bool]]:
    check_words(f.text, "the text")
    check_words(f.speaker, "the speaker")
    if f.kind is not None and f.kind not in QUOTE_KINDS:
        raise UsageError(f"unknown quote kind {f.kind!r}; choose one of {', '.join(QUOTE_KINDS)}")
    said = sa.func.coalesce(QUOTES.c.said_on, ARTICLES.c.published)
    out: list[sa.ColumnElement[bool]] = []
    if f.speaker:
        out.append(QUOTES.c.id.in_(_speaker_quotes(conn, f.speaker)))
    if f.text:
        out.append(QUOTES.c.id.in_(search.matching_ids(dialect, "quotes", f.text)))
    if check_date(f.since, "--since"):
        out.append(said >= f.since)
    if check_date(f.until, "--until"):
        out.append(said <= f"{f.until}{DATE_END}")
    if f.kind:
        out.append(QUOTES.c.kind == f.kind)
    if f.source:
        out.append(
            sa.or_(ARTICLES.c.source == f.source, _prefix(ARTICLES.c.source, f.source.rstrip("/") + "/"))
        )
    if f.site:
        host = f.site.strip().removeprefix("www.")
        out.append(
            sa.or_(
                *(
                    _prefix(ARTICLES.c.url, f"{s}://{w}{host}/")
                    for s in ("http", "https")
                    for w in ("", "www.")
                )
            )
        )
    return out


def _prefix(column: sa.ColumnElement[str], prefix: str) -> sa.ColumnElement[bool]:
    """``column`` starts with ``prefix``, as a range an index serves (LIKE would scan)."""
    return sa.and_(column >= prefix, column < prefix + "\U0010ffff")


def _speaker(conn: sa.Connection, name: str) -> tuple[list[str], list[str]]:
    """The entity ids ``name`` stands for, and every name and alias of theirs (and ``name``)."""
    check_words(name, "the speaker")
    entities = entities_named(conn, name)
    names = {name.strip(), *(n for e in entities for n in (e.name, *e.aliases))}
    return [e.id for e in entities], sorted(names)


def _unresolved_named(names: list[str]) -> sa.ColumnElement[bool]:
    """Quotes whose speaker the text names so, and that no corpus entity took."""
    resolved = sa.exists().where(search.record_entities.c.record == QUOTES.c.id)
    return sa.and_(QUOTES.c.speaker.in_(names), ~resolved)


def _speaker_quotes(conn: sa.Connection, name: str) -> sa.CompoundSelect[tuple[str]]:
    """Ids of the quotes of the entities ``name`` stands for, and of quotes whose speaker is written so."""
    ids, names = _speaker(conn, name)
    roles = search.record_entities
    by_entity = sa.select(roles.c.record).where(roles.c.entity.in_(ids), roles.c.role == "speaker")
    return sa.union(by_entity, sa.select(QUOTES.c.id).where(_unresolved_named(names)))


def _speaker_page(conn: sa.Connection, name: str, size: int, offset: int) -> list[str]:
    """Ids of one page of a speaker's quotes, newest article first: the entities' quotes come in date
    order from one index (``record_entities`` keeps each one's article date), however many there are."""
    ids, names = _speaker(conn, name)
    roles = search.record_entities
    wanted = offset + size
    by_entity = conn.execute(
        sa.select(roles.c.record, roles.c.date)
        .where(roles.c.entity.in_(ids), roles.c.role == "speaker")
        .order_by(roles.c.date.desc().nulls_last(), roles.c.record)
        .limit(wanted)
    ).all()
    by_name = conn.execute(
        sa.select(QUOTES.c.id, ARTICLES.c.published)
        .join(ARTICLES, ARTICLES.c.id == QUOTES.c.article)
        .where(_unresolved_named(names))
        .order_by(ARTICLES.c.published.desc().nulls_last(), QUOTES.c.id)
        .limit(wanted)
    ).all()
    found = [(str(quote), date) for quote, date in (*by_entity, *by_name)]
    found.sort(key=lambda r: r[0])  # ties by id, then newest first, undated last (stable sorts)
    found.sort(key=lambda r: r[1] or "", reverse=True)
    found.sort(key=lambda r: r[1] is None)
    return [quote for quote, _ in found[offset:wanted]]
