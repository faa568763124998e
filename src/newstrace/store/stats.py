"""Summary figures of a stored corpus."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newstrace.store.db import Store

__all__ = ["CorpusStats", "corpus_stats"]


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """Row counts, errors by stage, and the span of published dates."""

    database: str
    counts: dict[str, int]
    errors_by_stage: dict[str, int]
    first_published: str | None
    last_published: str | None


def corpus_stats(store: Store) -> CorpusStats:
    """Figures of everything in ``store``."""
    counts = store.counts()
    dates = sorted(a.published for a in store.articles() if a.published)
    stages = Counter(e.stage for e in store.errors())
    return CorpusStats(
        store.url,
        counts,
        dict(sorted(stages.items())),
        dates[0] if dates else None,
        dates[-1] if dates else None,
    )
