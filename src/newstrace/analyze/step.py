"""The contract of an analysis step, and the work item that steps fill in.

A step is a small object with a ``name``, the names of the steps whose output it ``needs``, a
``prepare`` that loads its per-worker resources, and a ``run`` that finds its records in one
article and attaches them, in two halves as spaCy's components do: :meth:`Step.find` is pure
(it reads the article and what earlier steps attached), :meth:`Step.attach` adds the result to
the :class:`ArticleWork`. Built-in steps and plugins follow the same contract; the
:class:`~newstrace.analyze.analyzer.Analyzer` orders them by their needs.

A worked plugin::

    class Shouting(Step[list[Span]]):
        name = "shouting"
        needs = ("quotes",)

        def find(self, work: ArticleWork) -> list[Span]:
            return [Span(q.start, q.end, q.text) for q in work.quotes if q.text.isupper()]

        def attach(self, work: ArticleWork, found: list[Span]) -> None:
            work.notes["shouting"] = found

    STEP = Shouting()   # newstrace analyze --plugin mypackage.shouting:STEP
"""

from __future__ import annotations

import gc
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ClassVar, Generic, TypeVar

from newstrace.analyze.options import AnalyzeOptions
from newstrace.model import (
    AnalysisWarning,
    Article,
    ArticleEntity,
    ArticleFindings,
    DateMention,
    Error,
    EventMention,
    Fact,
    Quote,
)

log = logging.getLogger(__name__)

__all__ = ["ArticleWork", "Resources", "Step"]

Found = TypeVar("Found")
Built = TypeVar("Built")


class Resources:
    """Heavy objects a worker loads once and every article reuses (built on first use)."""

    def __init__(self, options: AnalyzeOptions) -> None:
        self.options = options
        self._loaded: dict[str, object] = {}

    def get(self, name: str, build: Callable[[AnalyzeOptions], Built], kind: type[Built]) -> Built:
        """The resource ``name`` (of type ``kind``), built by ``build(options)`` on first use."""
        found = self._loaded.get(name)
        if found is None:
            started = time.perf_counter()
            with _collector_paused():
                found = self._loaded[name] = build(self.options)
            log.debug("loaded %s in %.1f s", name, time.perf_counter() - started)
        if not isinstance(found, kind):
            raise TypeError(f"resource {name!r} is a {type(found).__name__}, not a {kind.__name__}")
        return found


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building a resource makes hundreds of thousands of objects that live as long as the worker
    (the gazetteer's places, a spaCy model), all garbage-free: Python's cyclic collector would scan
    them again and again while they are made (the gazetteer: 1.6 s CPU to build, 1.0 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class ArticleWork:
    """What the steps have found so far in one article (mutable while the article is analysed)."""

    article: Article
    options: AnalyzeOptions
    resources: Resources
    quotes: list[Quote] = field(default_factory=list)
    entities: list[ArticleEntity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)
    warnings: list[AnalysisWarning] = field(default_factory=list)
    notes: dict[str, object] = field(default_factory=dict)  # step-to-step data that is not exported

    def findings(self) -> ArticleFindings:
        """The frozen result."""
        return ArticleFindings(
            self.article,
            tuple(self.quotes),
            tuple(self.entities),
            tuple(self.dates),
            tuple(self.facts),
            tuple(self.events),
            tuple(self.errors),
            tuple(dict.fromkeys(self.warnings)),  # one record per mark and message
        )


class Step(ABC, Generic[Found]):
    """A named analysis step: ``run(work)`` is ``attach(work, find(work))``.

    Subclasses set ``name`` and ``needs`` (names of the steps whose output ``find`` reads) and
    implement :meth:`find` and :meth:`attach`; :meth:`prepare` loads heavy resources (a model, a
    gazetteer) ahead of the first article, so a per-document time limit never counts the loading.
    """

    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ()

    def prepare(self, resources: Resources) -> None:  # optional hook: most steps load nothing
        """Load this step's per-worker resources now (by default there are none)."""

    @abstractmethod
    def find(self, work: ArticleWork) -> Found:
        """This step's records for ``work.article`` (pure: nothing is attached)."""

    @abstractmethod
    def attach(self, work: ArticleWork, found: Found) -> None:
        """Add what :meth:`find` returned to ``work``."""

    def run(self, work: ArticleWork) -> None:
        """Find and attach."""
        self.attach(work, self.find(work))
