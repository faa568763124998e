"""The stored findings of a whole corpus as a lazy sequence, read from the database page by page.

The link stage runs over every article. Holding a million articles' text and findings in a list
costs gigabytes; this sequence keeps only their ids (some tens of bytes each) and a few pages of
``PAGE_SIZE`` articles, so memory stays bounded however large the corpus grows. Steps that read
in order (entities, clusters, events) stream it; copy detection, which reads in order and then by
sorted positions, is served from the page cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import overload

from newstrace.model import ArticleFindings
from newstrace.store.db import Store

__all__ = ["PAGE_SIZE", "StoredFindings"]

PAGE_SIZE = 256  # articles read per query: large enough to amortise a query, small for memory
CACHED_PAGES = 4  # pages kept: enough for readers that walk sorted positions


class StoredFindings(Sequence[ArticleFindings]):
    """``ArticleFindings`` of ``ids`` (in that order), loaded from ``store`` on demand."""

    def __init__(
        self,
        store: Store,
        ids: Sequence[str],
        page_size: int = PAGE_SIZE,
        *,
        within: StoredFindings | None = None,
    ) -> None:
        self.store = store
        self.ids = list(ids)
        self.page_size = page_size
        self._pages: OrderedDict[int, list[ArticleFindings]] = OrderedDict()
        self._within = within

    def subset(self, ids: Sequence[str]) -> StoredFindings:
        """The findings of ``ids``, taken from this sequence's cached pages where they are (the
        store has not changed in between: the caller's promise), read from the store otherwise."""
        return StoredFindings(self.store, ids, self.page_size, within=self)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> ArticleFindings: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ArticleFindings]: ...

    def __getitem__(self, index: int | slice) -> ArticleFindings | Sequence[ArticleFindings]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        page = self._page(index // self.page_size)
        return page[index % self.page_size]

    def __iter__(self) -> Iterator[ArticleFindings]:
        for number in range((len(self) + self.page_size - 1) // self.page_size):
            yield from self._page(number)

    def _page(self, number: int) -> list[ArticleFindings]:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        ids = self.ids[number * self.page_size : (number + 1) * self.page_size]
        cached = self._within.cached() if self._within is not None else {}
        missing = [i for i in ids if i not in cached]
        read = self.store.findings(self.store.articles_by_id(missing)) if missing else []
        found = cached | {f.article.id: f for f in read}
        page = [found[i] for i in ids if i in found]
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def cached(self) -> dict[str, ArticleFindings]:
        """The findings held in the page cache now, by article id."""
        return {f.article.id: f for page in self._pages.values() for f in page}
