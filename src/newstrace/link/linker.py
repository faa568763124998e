"""The link stage: named steps over the whole corpus, ordered by their needs; a failure is an Error."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from newstrace.errors import error_from
from newstrace.graph import order_by_needs
from newstrace.link import aliases, clusters, copies, event_groups
from newstrace.link.index import LinkIndex
from newstrace.link.mapper import Mapper, in_process
from newstrace.link.options import LinkOptions
from newstrace.link.step import LinkStep
from newstrace.model import ArticleFindings, CorpusLinks, Error

log = logging.getLogger(__name__)

__all__ = ["CORPUS_SOURCE", "builtin_link_steps", "link_corpus"]

CORPUS_SOURCE = "<corpus>"  # the source of an Error that no single input caused


def builtin_link_steps() -> list[LinkStep]:
    """The link steps newstrace ships, ordered by their needs."""
    steps = [aliases.STEP, copies.STEP, clusters.STEP, event_groups.STEP]
    return order_by_needs(steps, lambda s: s.name, lambda s: s.needs)


def link_corpus(
    findings: Sequence[ArticleFindings],
    options: LinkOptions | None = None,
    index: LinkIndex | None = None,
    mapper: Mapper = in_process,
) -> CorpusLinks:
    """Entities, copies, quote clusters and events across ``findings``; ``index`` (the store's link
    index) keeps per-article work, such as quote embeddings, between runs; ``mapper`` runs the
    steps' independent pieces of work (here, or on a Dask cluster: the records are the same)."""
    opts = options or LinkOptions()
    links = CorpusLinks()
    errors: list[Error] = []
    for step in builtin_link_steps():
        if opts.steps is not None and step.name not in opts.steps:
            continue
        try:
            links = (step if index is None else step.using(index)).mapped(mapper).run(findings, links, opts)
        except Exception as exc:  # a failed step must not lose the others' results
            log.debug("link step %s failed", step.name, exc_info=True)
            errors.append(error_from(exc, CORPUS_SOURCE, f"link:{step.name}"))
    return replace(links, errors=links.errors + tuple(errors))
