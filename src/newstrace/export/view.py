"""The exported view of a corpus: the records of docs/contract.md, optionally limited to some documents."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newstrace.link.identity import Identities, canonical_speaker, speaker_names
from newstrace.model import Article, ArticleFindings, CorpusLinks, Entity, Error, Geo, QuoteCluster
from newstrace.registry import to_row
from newstrace.store import Store

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["CorpusView", "cluster_of", "contract_records", "geo_by_name", "load_view", "with_links"]


@dataclass(frozen=True, slots=True)
class CorpusView:
    """Articles with their findings and the corpus links that concern them."""

    findings: tuple[ArticleFindings, ...]
    links: CorpusLinks
    errors: tuple[Error, ...]


def load_view(
    store: Store, document_ids: Sequence[str] | None = None, sources: Sequence[str] | None = None
) -> CorpusView:
    """Everything stored, or only what belongs to ``document_ids`` (and errors of ``sources``)."""
    articles = store.articles(document_ids)
    findings = tuple(store.findings(articles))
    links = store.links()
    if document_ids is not None:
        quote_ids = {q.id for f in findings for q in f.quotes}
        links = _scoped_links(links, {a.id for a in articles}, quote_ids)
    errors = store.errors(sources) if document_ids is not None else store.errors()
    return CorpusView(with_links(findings, links, store.identities()), links, tuple(errors))


def with_links(
    findings: Sequence[ArticleFindings], links: CorpusLinks, ids: Identities
) -> tuple[ArticleFindings, ...]:
    """``findings`` with what the corpus links add: each quote's cluster, speaker entity and the
    canonical name of a speaker who is a corpus person, each fact's asserter entity."""
    clusters = cluster_of(links)
    people = speaker_names(links.entities)
    return tuple(
        dataclasses.replace(
            found,
            quotes=tuple(
                dataclasses.replace(
                    q,
                    speaker=canonical_speaker(q, ids, people),
                    cluster=clusters.get(q.id),
                    speaker_entity=ids.speakers.get(q.id),
                )
                for q in found.quotes
            ),
            facts=tuple(
                dataclasses.replace(x, asserted_by_entity=ids.asserters.get(x.id)) for x in found.facts
            ),
        )
        for found in findings
    )


def geo_by_name(entities: Sequence[Entity]) -> dict[str, Geo]:
    """The coordinates of every geocoded entity, by its name and aliases (lowercased)."""
    return {alias.lower(): e.geo for e in entities if e.geo is not None for alias in (e.name, *e.aliases)}


def cluster_of(links: CorpusLinks) -> dict[str, str]:
    """The quote cluster id of every clustered quote id."""
    return {qid: c.id for c in links.clusters for qid in c.members}


def contract_records(view: CorpusView) -> Iterator[dict[str, Any]]:  # Any: JSON values
    """Every record as a docs/contract.md dict with its ``type``: articles and their findings first."""
    for found in view.findings:
        yield _article(found.article)
        for quote in found.quotes:
            yield _typed("quote", quote)
        for date in found.dates:
            yield _typed("date", date)
        for fact in found.facts:
            yield _typed("fact", fact)
        for event in found.events:
            yield _typed("event_mention", event)
    for kind, records in (
        ("entity", view.links.entities),
        ("copy", view.links.copies),
        ("quote_cluster", view.links.clusters),
        ("event", view.links.events),
    ):
        for record in records:
            yield _typed(kind, record)
    for error in view.errors:
        yield _typed("error", error)


def _article(article: Article) -> dict[str, Any]:  # Any: JSON values
    row = _typed("article", article)
    row.pop("pieces")
    row["pieces"] = [[p.article_start, p.document_start, p.length] for p in article.pieces]
    return row


def _typed(kind: str, record: DataclassInstance) -> dict[str, Any]:  # Any: JSON values
    return {"type": kind, **to_row(record)}


def _scoped_links(links: CorpusLinks, article_ids: set[str], quote_ids: set[str]) -> CorpusLinks:
    entities = tuple(e for e in (_scoped_entity(e, article_ids) for e in links.entities) if e is not None)
    copies = tuple(c for c in links.copies if c.a.article in article_ids and c.b.article in article_ids)
    clusters = tuple(c for c in (_scoped_cluster(c, quote_ids) for c in links.clusters) if c is not None)
    events = tuple(e for e in links.events if any(s.article in article_ids for s in e.sources))
    return CorpusLinks(entities, copies, clusters, events, links.errors)


def _scoped_entity(entity: Entity, article_ids: set[str]) -> Entity | None:
    mentions = tuple(m for m in entity.mentions if m.article in article_ids)
    return dataclasses.replace(entity, mentions=mentions) if mentions else None


def _scoped_cluster(cluster: QuoteCluster, quote_ids: set[str]) -> QuoteCluster | None:
    members = tuple(m for m in cluster.members if m in quote_ids)
    return dataclasses.replace(cluster, members=members) if members else None
