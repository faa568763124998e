"""An article's date mentions: finding them, and the date of a span of its text.

:func:`find_date_mentions` turns the date expressions of :mod:`newstrace.text.dates` into
:class:`~newstrace.model.DateMention` records; :func:`dates_in` and :func:`nearest_date` let later
steps (quotes, facts) find the date of a span, :func:`month_reference` the date of a month named
alone ("the November uprising").
"""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.model import Article, DateMention
from newstrace.text.dates import BARE_MONTH, MONTHS, NEAR_CHARS, PartialDate, named_month, resolve_dates

__all__ = ["dates_in", "find_date_mentions", "month_reference", "nearest_date"]


def find_date_mentions(article: Article) -> list[DateMention]:
    """Every date expression of ``article`` as a DateMention (ISO value, or None when unresolved)."""
    return [
        DateMention(
            article.id,
            e.start,
            e.end,
            e.text,
            e.value.iso() if e.value else None,
            e.until.iso() if e.until else None,
        )
        for e in resolve_dates(article.text, article.published)
    ]


def dates_in(dates: Sequence[DateMention], start: int, end: int) -> list[DateMention]:
    """The date mentions that overlap ``[start, end)`` (a sentence, a clause), in text order."""
    return sorted((d for d in dates if d.start < end and d.end > start), key=lambda d: d.start)


def nearest_date(
    dates: Sequence[DateMention], start: int, end: int, window: int = NEAR_CHARS
) -> DateMention | None:
    """The resolved date mention closest to ``[start, end)`` within ``window`` characters, or None.

    One inside the span wins; otherwise the smallest gap, and on a tie the one before the span
    (news writes "On Sunday, X said ..." more than "... X said on Sunday").
    """
    best: tuple[int, int, DateMention] | None = None
    for d in dates:
        if d.value is None:
            continue
        gap = max(0, d.start - end, start - d.end)
        if gap > window:
            continue
        key = (gap, 0 if d.end <= start else 1, d)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def month_reference(
    phrase: str, earlier: Sequence[DateMention], base: PartialDate | None
) -> PartialDate | None:
    """A month named alone in ``phrase`` ("the November uprising"), dated by the last of the
    ``earlier`` date mentions in that month that has a year ("in November 2019"), else by the
    published date ``base``."""
    match = BARE_MONTH.search(phrase)
    if match is None:
        return None
    month = MONTHS[match.group(1).lower()]
    values = [PartialDate.from_iso(d.value) for d in earlier]
    same = [v for v in values if v is not None and v.month == month]
    if same:
        return PartialDate(same[-1].year, month)
    return named_month(month, "in", base)
