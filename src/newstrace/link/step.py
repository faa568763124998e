"""The contract of a link step: a named pass over the whole corpus that adds its records.

A link step reads every article's findings (and what the steps it ``needs`` added to the
:class:`~newstrace.model.CorpusLinks`) and returns the links with its own records added. The
:func:`~newstrace.link.linker.link_corpus` runner orders the steps by their needs. A step that
keeps per-article work between runs (quote embeddings) gets the store's link index by ``using``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from newstrace.link.index import LinkIndex
from newstrace.link.mapper import Mapper
from newstrace.link.options import LinkOptions
from newstrace.model import ArticleFindings, CorpusLinks

__all__ = ["LinkStep"]


class LinkStep(ABC):
    """A named corpus step: ``run(findings, links, options)`` returns ``links`` with its records added."""

    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ()

    def using(self, index: LinkIndex) -> LinkStep:
        """This step, reading and keeping what it computes per article in ``index`` (the store's
        link index); a step that keeps nothing returns itself."""
        return self

    def mapped(self, mapper: Mapper) -> LinkStep:
        """This step, handing its independent pieces of work to ``mapper`` (a Dask cluster, say);
        a step that has none returns itself."""
        return self

    @abstractmethod
    def run(
        self, findings: Sequence[ArticleFindings], links: CorpusLinks, options: LinkOptions
    ) -> CorpusLinks:
        """``links`` with this step's records added."""
