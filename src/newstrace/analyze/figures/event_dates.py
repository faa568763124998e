"""When an event mention happened: the date nearest its trigger, and triggers of one kind dated apart.

A sentence's date expressions (resolved by ``text.date_mentions``) date the trigger closest to them;
a month named alone ("the November uprising") is resolved from the dates the article gave before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.analyze.figures.event_kinds import EventKind
from newstrace.model import DateMention
from newstrace.text.date_mentions import dates_in, month_reference
from newstrace.text.dates import PartialDate
from newstrace.text.sentences import Sentence

__all__ = ["ANCHOR_CHARS", "Triggered", "anchoring", "date_spans", "dated_apart", "mention_date"]

ANCHOR_CHARS = 40  # a date this close to a trigger dates it ("uprising in November 2019")
# A kind's chosen trigger in a sentence, and its other literal triggers there, in text order.
Triggered = tuple[EventKind, re.Match[str], tuple[re.Match[str], ...]]


def dated_apart(
    text: str,
    sentence: Sentence,
    triggers: Sequence[Triggered],
    dates: Sequence[DateMention],
    base: PartialDate | None,
) -> list[tuple[EventKind, re.Match[str], bool]]:
    """Each kind's trigger, and another trigger of that kind when its date conflicts with the
    dates of those kept: a sentence that tells an event and a later one of the same kind ("the
    November uprising ... back into the streets two months later") reports two events."""
    out = []
    for kind, match, others in triggers:
        kept = [mention_date(text, sentence, dates, base, None, match)]
        out.append((kind, match, False))
        for other in others:
            date = mention_date(text, sentence, dates, base, None, other)
            if date is not None and None not in kept and not any(_agree(date, k) for k in kept):
                kept.append(date)
                out.append((kind, other, True))
    return out


def _agree(a: str | None, b: str | None) -> bool:
    """Whether two mention dates may be one event's: one holds the other ("2019" and "2019-11")."""
    a, b = (a or "").partition("/")[0], (b or "").partition("/")[0]
    return a.startswith(b) or b.startswith(a)


def date_spans(dates: Sequence[DateMention], sentence: Sentence) -> list[tuple[int, int, int]]:
    """The sentence's resolved dates as (start, end, precision) relative to the sentence."""
    return [
        (d.start - sentence.start, d.end - sentence.start, len(d.value or ""))
        for d in dates_in(dates, sentence.start, sentence.end)
        if d.value is not None
    ]


def anchoring(match: re.Match[str], spans: list[tuple[int, int, int]]) -> tuple[int, int]:
    """How well a date dates a trigger: the most precise date near it, then the nearest (lower is better)."""
    near = [
        (-precision, max(start - match.end(), match.start() - end, 0))
        for start, end, precision in spans
        if max(start - match.end(), match.start() - end) <= ANCHOR_CHARS
    ]
    return min(near, default=(0, ANCHOR_CHARS + 1))


def mention_date(  # noqa: PLR0917  # the mention's parts, each needed
    text: str,
    sentence: Sentence,
    dates: Sequence[DateMention],
    base: PartialDate | None,
    name: str | None,
    trigger: re.Match[str],
) -> str | None:
    """The date nearest the trigger in its sentence (a range as ``start/end``), else a month its
    name or sentence refers to."""
    near = [d for d in dates_in(dates, sentence.start, sentence.end) if d.value is not None]
    if near:
        at = sentence.start + trigger.start()
        best = min(
            near,
            key=lambda d: (
                min(abs(d.start - at), abs(d.end - at)) > ANCHOR_CHARS,
                d.start < at,
                abs(d.start - at),
            ),
        )
        return f"{best.value}/{best.until}" if best.until else best.value  # "2017/2018 Uprisings"
    earlier = [d for d in dates if d.end <= sentence.start]
    reference = month_reference(name or text[sentence.start : sentence.end], earlier, base)
    return reference.iso() if reference is not None else None
