"""The analyze stage: the steps newstrace knows, ordered by their needs, run on each article.

An :class:`Analyzer` owns its resources (the spaCy model, gazetteers), so each worker process
builds its own: nothing is cached at module level. A step that fails on an article becomes an
``Error`` record of that article and the other steps go on.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from typing import Any

from newstrace.analyze import date_step
from newstrace.analyze.entities import extract as entities
from newstrace.analyze.figures import events, facts
from newstrace.analyze.options import AnalyzeOptions
from newstrace.analyze.quotes import extract as quotes
from newstrace.analyze.step import ArticleWork, Resources, Step
from newstrace.errors import UsageError, error_from
from newstrace.graph import CircularNeeds, MissingNeed, order_by_needs
from newstrace.model import Article, ArticleFindings

log = logging.getLogger(__name__)

__all__ = ["Analyzer", "builtin_steps", "order_steps", "plugin_step", "select_steps"]

AnyStep = Step[Any]  # steps find different things; the analyzer only runs them


def builtin_steps() -> list[AnyStep]:
    """The analysis steps newstrace ships, in their preferred order."""
    return [date_step.STEP, entities.STEP, quotes.STEP, facts.STEP, events.STEP]


def plugin_step(path: str) -> AnyStep:
    """The Step that ``"package.module:NAME"`` names; UsageError if it does not."""
    module_name, _, attr = path.partition(":")
    try:
        found = getattr(importlib.import_module(module_name), attr) if attr else None
    except ImportError as exc:
        raise UsageError(f"cannot import the plugin module {module_name!r}: {exc}") from exc
    except AttributeError:
        found = None
    if not isinstance(found, Step):
        raise UsageError(f"plugin {path!r} must name a newstrace.analyze.Step, as 'package.module:NAME'")
    return found


def select_steps(options: AnalyzeOptions) -> list[AnyStep]:
    """The steps ``options`` asks for (built-in ones by name, then plugins), ordered by needs."""
    known = builtin_steps()
    if options.stages is not None:
        unknown = sorted(set(options.stages) - {s.name for s in known})
        if unknown:
            names = ", ".join(s.name for s in known)
            raise UsageError(f"unknown analysis step(s) {', '.join(unknown)}; known steps: {names}")
    chosen = [s for s in known if options.stages is None or s.name in options.stages]
    return order_steps([*chosen, *(plugin_step(p) for p in options.plugins)])


def order_steps(steps: Sequence[AnyStep]) -> list[AnyStep]:
    """``steps`` ordered so each runs after the steps it needs, otherwise in the given order.

    Raises UsageError for two steps of one name, a need no selected step meets, or steps that
    need each other in a circle.
    """
    names = [s.name for s in steps]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise UsageError(f"two analysis steps are named {', '.join(doubled)}")
    try:
        return order_by_needs(steps, lambda s: s.name, lambda s: s.needs)
    except MissingNeed as exc:
        raise UsageError(
            f"analysis step {exc.item!r} needs {', '.join(exc.missing)}, which is not selected "
            "(add it to --stages, or load the plugin that provides it)"
        ) from exc
    except CircularNeeds as exc:
        raise UsageError(f"analysis steps {', '.join(exc.items)} need each other in a circle") from exc


class Analyzer:
    """Runs the selected analysis steps on articles; one per process."""

    def __init__(self, options: AnalyzeOptions | None = None) -> None:
        self.options = options or AnalyzeOptions()
        self.steps = select_steps(self.options)
        self.resources = Resources(self.options)

    def prepare(self) -> None:
        """Load every step's heavy resources now rather than on the first article."""
        for step in self.steps:
            step.prepare(self.resources)

    def analyze(self, article: Article) -> ArticleFindings:
        """Every finding of ``article``; a failing step becomes an Error and the others go on."""
        work = ArticleWork(article, self.options, self.resources)
        for step in self.steps:
            try:
                step.run(work)
            except Exception as exc:  # one article's failure must not stop the run
                log.debug("step %s failed on %s", step.name, article.source, exc_info=True)
                work.errors.append(error_from(exc, article.source, step.name))
        return work.findings()
