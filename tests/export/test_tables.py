"""Every export format read back gives the stored records: CSV, Parquet, GDELT GKG TSV, ACLED CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.export import load_view
from newstrace.export.acled import ACLED_COLUMNS, read_acled, write_acled
from newstrace.export.formats import write_export
from newstrace.export.gdelt import GKG_COLUMNS, read_gkg, write_gkg
from newstrace.export.tables import TABLES, read_tables, table_records
from newstrace.export.view import CorpusView, cluster_of, with_links
from newstrace.link.identity import resolve_identities
from newstrace.model import CorpusLinks, Entity, EntityRef, Geo, Quote, QuoteCluster
from newstrace.run import analyze_corpus
from newstrace.store import Store
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> CorpusView:
    """The sample corpus analysed for real, plus corpus links with geocoded entities and a cluster."""
    db = tmp_path_factory.mktemp("db") / "t.db"
    with Store(str(db)) as store:
        analyze_corpus([str(EXAMPLES)], store)
        stored = load_view(store)
    first = stored.findings[0].article
    quotes = [q for f in stored.findings for q in f.quotes][:2]
    extra = CorpusLinks(
        entities=(
            *stored.links.entities,
            Entity(
                "e-paris",
                "Paris",
                "GPE",
                ("Paris",),
                (EntityRef(first.id, 0, 5),),
                Geo(48.85341, 2.3488, "FR", "Île-de-France", 2988507),
            ),
            Entity("e-ana", "Ana Ruiz, Jr.", "PER", ("Ana Ruiz",), (EntityRef(first.id, 6, 10),), None),
        ),
        clusters=(QuoteCluster("c1", None, tuple(q.id for q in quotes), "identical"),) if quotes else (),
        copies=stored.links.copies,
        events=stored.links.events,
    )
    ids = resolve_identities(stored.findings, extra.entities)
    return CorpusView(with_links(stored.findings, extra, ids), extra, stored.errors)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_round_trip(view: CorpusView, tmp_path: Path, fmt: str) -> None:
    write_export(view, fmt, tmp_path)
    back = read_tables(tmp_path, fmt)
    clusters = cluster_of(view.links)
    for table in TABLES:
        expected = table_records(table, view)
        assert back[table.name] == expected, table.name
    assert all(isinstance(q, Quote) and q.cluster == clusters.get(q.id) for q in back["quotes"])
    assert any(q.speaker_entity for q in back["quotes"])  # speakers resolved to corpus entities survive
    assert sum(len(v) for v in back.values()) > 100  # the sample corpus yields real records of many types


@pytest.mark.slow
def test_gkg_round_trip(view: CorpusView, tmp_path: Path) -> None:
    rows = read_gkg(write_gkg(view, tmp_path / "gkg.tsv"))
    assert [r.record_id for r in rows] == [f.article.id for f in view.findings]
    for row, found in zip(rows, view.findings, strict=True):
        text = found.article.text
        assert row.quotations == tuple(
            (q.start, q.end - q.start, q.cue or "", " ".join(q.text.split())) for q in found.quotes
        )
        assert row.amounts == tuple((f.value, f.unit.replace(",", " "), f.start) for f in found.facts)
        for offset, length, _, quote in row.quotations:
            assert " ".join(text[offset : offset + length].split()) == quote
    lines = (tmp_path / "gkg.tsv").read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == len(GKG_COLUMNS) for line in lines)
    paris = next(r for r in rows if r.record_id == view.findings[0].article.id)
    assert ("Paris", "FR", 48.85341, 2.3488, 0) in paris.locations
    assert ("Ana Ruiz  Jr.", 6) in paris.persons or ("Ana Ruiz, Jr.", 6) in paris.persons


@pytest.mark.slow
def test_acled_round_trip(view: CorpusView, tmp_path: Path) -> None:
    rows = read_acled(write_acled(view, tmp_path / "acled.csv"))
    assert [r["event_id"] for r in rows] == [e.id for e in view.links.events]
    assert list(rows[0]) == list(ACLED_COLUMNS)
    for row, event in zip(rows, view.links.events, strict=True):
        assert row["newstrace_kind"] == event.kind
        assert row["event_date"][: len(event.date or "")] == (event.date or "")[: len(row["event_date"])]
        assert int(row["fatalities"]) >= 0
    arrests = [r for r in rows if r["newstrace_kind"] == "arrest"]
    assert arrests and all(r["sub_event_type"] == "Arrests" for r in arrests)


def test_table_formats_need_a_folder(tmp_path: Path) -> None:
    from newstrace.errors import UsageError  # noqa: PLC0415

    empty = CorpusView((), CorpusLinks(), ())
    with pytest.raises(UsageError, match="-o DIR"):
        write_export(empty, "csv", None)
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="needs a folder"):
        write_export(empty, "parquet", tmp_path / "file")
