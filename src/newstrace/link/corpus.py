"""The link stage: named steps over the whole corpus, each failure kept as an Error."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from newstrace.link.clusters import ClusterOptions, link_clusters
from newstrace.link.copies import CopyOptions, link_copies
from newstrace.model import ArticleFindings, CorpusLinks, Error

log = logging.getLogger(__name__)

__all__ = ["LinkOptions", "LinkStep", "link_corpus", "registered_steps"]


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """Options of the link stage.

    Attributes:
        steps: names of the link steps to run; None runs them all.
        copies: options of the ``copies`` step (reposts and shared passages).
        clusters: options of the ``clusters`` step (the same remark across articles).
    """

    steps: tuple[str, ...] | None = None
    copies: CopyOptions = field(default_factory=CopyOptions)
    clusters: ClusterOptions = field(default_factory=ClusterOptions)


@dataclass(frozen=True, slots=True)
class LinkStep:
    """A named corpus step: ``run(findings, links, options)`` returns ``links`` with its records added."""

    name: str
    run: Callable[[Sequence[ArticleFindings], CorpusLinks, LinkOptions], CorpusLinks]
    needs: tuple[str, ...] = field(default=())


def registered_steps() -> list[LinkStep]:
    """The link steps newstrace knows, in the order they must run."""
    from newstrace.link.aliases import ALIASES  # noqa: PLC0415  # the steps import this module
    from newstrace.link.events import EVENTS_STEP  # noqa: PLC0415

    return [ALIASES, LinkStep("copies", link_copies), LinkStep("clusters", link_clusters), EVENTS_STEP]


def link_corpus(findings: Sequence[ArticleFindings], options: LinkOptions | None = None) -> CorpusLinks:
    """Entities, copies, quote clusters and events across ``findings``."""
    opts = options or LinkOptions()
    links = CorpusLinks()
    errors: list[Error] = []
    for step in registered_steps():
        if opts.steps is not None and step.name not in opts.steps:
            continue
        try:
            links = step.run(findings, links, opts)
        except Exception as exc:  # a failed step must not lose the others' results
            log.debug("link step %s failed", step.name, exc_info=True)
            errors.append(Error("<corpus>", f"link:{step.name}", f"{type(exc).__name__}: {exc}"))
    return replace(links, errors=links.errors + tuple(errors))
