"""Databases: another program's file refused by name, read-only files readable, locked files waited
for, concurrent runs both complete, a full disk stops the run clearly, one unstorable document
costs only itself."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from newstrace.cli.main import app
from newstrace.errors import StoreError
from newstrace.ingest.documents import make_document
from newstrace.run import RunOptions, analyze_corpus
from newstrace.run.isolation import BatchWriter
from newstrace.run.process import DocumentResult
from newstrace.store import Store
from newstrace.store.db import DocumentRecord
from newstrace.store.opening import SCHEMA_KEY, database_url
from newstrace.store.schema import metadata

NO_ANALYSIS = ["--stages", "", "--no-link"]


def _quick() -> RunOptions:
    """No analysis steps, no linking: reading and storing are under test."""
    options = RunOptions(link=False)
    return replace(options, analyze=replace(options.analyze, stages=()))


def _pages(folder: Path, count: int, prefix: str = "page") -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"{prefix}-{i}.txt").write_text(
            f"Headline {prefix} {i}\n\nThe text of {prefix} number {i}.\n"
        )
    return folder


def _foreign(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers VALUES (1, 'Ana')")
    return path


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


# (what to put at the --db path, words of the refusal)
BAD_DATABASES = [
    ("foreign", "not a newstrace database"),
    ("folder", "cannot open the database"),
    ("missing-folder", "cannot open the database"),
    ("garbage", "cannot open the database"),
    ("other-version", "schema version 999"),
]


def _make_db(kind: str, d: Path) -> Path:
    if kind == "foreign":
        return _foreign(d / "shop.db")
    if kind == "folder":
        (d / "folder.db").mkdir()
        return d / "folder.db"
    if kind == "missing-folder":
        return d / "nowhere" / "t.db"
    if kind == "garbage":
        (d / "garbage.db").write_bytes(b"this is not a database at all\n" * 100)
        return d / "garbage.db"
    with Store(str(d / "old.db")) as store:
        store.set_setting(SCHEMA_KEY, "999")
    return d / "old.db"


@pytest.mark.parametrize(("kind", "words"), BAD_DATABASES, ids=[b[0] for b in BAD_DATABASES])
@pytest.mark.parametrize("command", ["analyze", "stats", "export"])
def test_a_bad_database_is_refused_by_name(
    tmp_path: Path, runner: CliRunner, kind: str, words: str, command: str
) -> None:
    db = _make_db(kind, tmp_path)
    before = _tables(db) if kind == "foreign" else None
    args = {"analyze": ["analyze", str(_pages(tmp_path / "in", 1)), *NO_ANALYSIS], "stats": ["stats"]}
    result = runner.invoke(app, [*args.get(command, ["export"]), "--db", str(db)])
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if command == "analyze" or kind not in ("missing-folder",):
        assert words in result.stderr or "no database at" in result.stderr, result.stderr
    if before is not None:
        assert _tables(db) == before  # nothing added to another program's database


def test_a_read_only_database_can_be_read_but_not_written(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.db"
    assert (
        runner.invoke(
            app, ["analyze", str(_pages(tmp_path / "in", 2)), "--db", str(db), *NO_ANALYSIS]
        ).exit_code
        == 0
    )
    # as on a read-only file system: neither the file nor its folder may be written (root may write
    # anything, so the permission check is what stands in for the mount here)
    monkeypatch.setattr("newstrace.store.opening._writable", lambda _path: False)
    monkeypatch.setattr("newstrace.store.opening.os.access", lambda _path, _mode: False)
    stats = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert stats.exit_code == 0, stats.stderr
    assert json.loads(stats.stdout)["counts"]["articles"] == 2
    export = runner.invoke(app, ["export", "--db", str(db)])
    assert export.exit_code == 0 and export.stdout.count('"type":"article"') == 2
    again = runner.invoke(app, ["analyze", str(_pages(tmp_path / "more", 1)), "--db", str(db), *NO_ANALYSIS])
    assert again.exit_code == 2 and "read-only" in again.stderr


def test_a_locked_database_is_waited_for(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "t.db"
    Store(str(db)).close()
    holder = sqlite3.connect(db, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")

    def release() -> None:
        time.sleep(1.5)
        holder.commit()
        holder.close()

    thread = threading.Thread(target=release)
    thread.start()
    result = runner.invoke(app, ["analyze", str(_pages(tmp_path / "in", 3)), "--db", str(db), *NO_ANALYSIS])
    thread.join()
    assert result.exit_code == 0, result.stderr
    with Store(str(db)) as store:
        assert len(store.articles()) == 3


def test_two_runs_on_one_new_database_both_store_everything(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    folders = [_pages(tmp_path / f"in{i}", 30, prefix=f"run{i}") for i in range(2)]
    command = [sys.executable, "-m", "newstrace", "analyze", "--db", str(db), *NO_ANALYSIS, "-q"]
    runs = [subprocess.Popen([*command, str(f)], stderr=subprocess.PIPE, text=True) for f in folders]
    outcomes = [(run.communicate(timeout=300)[1], run.returncode) for run in runs]
    assert [code for _, code in outcomes] == [0, 0], outcomes
    with Store(str(db)) as store:
        assert len(store.articles()) == 60


def test_a_new_file_another_run_is_writing_is_waited_for(tmp_path: Path) -> None:
    # While another connection holds a write lock on a file not yet in WAL mode, SQLite answers the
    # switch to WAL with "database is locked" at once, ignoring the busy timeout (a CI race).
    db = tmp_path / "new.db"
    holder = sqlite3.connect(db, check_same_thread=False, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")

    def commit() -> None:
        holder.execute("COMMIT")
        holder.close()

    release = threading.Timer(1.0, commit)
    release.start()
    try:
        Store(str(db)).close()
    finally:
        release.join()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_full_disk_stops_the_run_clearly_and_keeps_what_was_stored(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(str(db)) as store:
        store.engine.dispose()
        sa.event.listen(
            store.engine, "connect", lambda conn, _rec: conn.execute("PRAGMA max_page_count = 40")
        )
        folder = _pages(tmp_path / "in", 400)
        for path in folder.iterdir():
            path.write_text(path.read_text() + "Filler sentence of the page. " * 60)
        with pytest.raises(StoreError, match="full"):
            analyze_corpus([str(folder)], store, _quick())
    with Store(str(db)) as store:
        kept = len(store.articles())
    assert 0 < kept < 400


class _Flaky(Store):
    """A real store that refuses any batch holding a document whose text says POISON."""

    def save_documents(self, records: list[DocumentRecord]) -> None:  # type: ignore[override]
        if any("POISON" in r.document.text for r in records):
            raise sa.exc.IntegrityError("INSERT ...", {}, Exception("constraint failed"))
        super().save_documents(records)


def test_one_unstorable_document_costs_only_itself(tmp_path: Path) -> None:
    folder = _pages(tmp_path / "in", 5)
    (folder / "page-2.txt").write_text("Headline\n\nPOISON in this one.\n")
    with _Flaky(str(tmp_path / "t.db")) as store:
        report = analyze_corpus([str(folder)], store, _quick())
        stored = sorted(a.source for a in store.articles())
        errors = store.errors()
    assert stored == sorted(str(folder / f"page-{i}.txt") for i in (0, 1, 3, 4))
    assert [(e.source, e.stage) for e in errors] == [(str(folder / "page-2.txt"), "store")]
    assert "constraint failed" in errors[0].message
    assert report.documents_new == 4 and report.failed


def test_batch_writer_reports_stored_documents_once(tmp_path: Path) -> None:
    stored: list[str] = []
    with Store(str(tmp_path / "t.db")) as store:
        writer = BatchWriter(store, "k", lambda r: stored.append(r.document.source), lambda e: None)
        for i in range(3):
            doc = make_document(f"s{i}", f"text {i}".encode(), "text", f"text {i}")
            writer.add(DocumentResult(doc, (), ()))
        writer.flush()
        writer.flush()
    assert stored == ["s0", "s1", "s2"]


@pytest.mark.postgres
def test_nul_characters_reach_postgresql_as_replacement_characters(tmp_path: Path, postgres_url: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "A NUL \u0000 in the text.", "title": "T\u0000"}) + "\n")
    with Store(postgres_url) as store:
        try:
            report = analyze_corpus([str(feed), str(_pages(tmp_path / "in", 1))], store, _quick())
            texts = sorted(a.text for a in store.articles())
        finally:
            metadata.drop_all(store.engine)  # the server is shared by the session: leave it empty
    assert not report.failed, report.errors
    assert texts == ["A NUL \ufffd in the text.", "The text of page number 0."]


@pytest.mark.postgres
def test_runs_creating_one_postgresql_schema_at_once_all_succeed(postgres_url: str) -> None:
    engine = sa.create_engine(database_url(postgres_url))
    metadata.drop_all(engine)  # a fresh database: every run races to create the schema
    failures: list[BaseException] = []

    def open_and_write(number: int) -> None:
        try:
            with Store(postgres_url) as store:
                store.set_setting(f"run-{number}", "done")
        except BaseException as exc:  # noqa: BLE001  # collected and asserted below
            failures.append(exc)

    threads = [threading.Thread(target=open_and_write, args=(i,)) for i in range(4)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        with Store(postgres_url) as store:
            assert [store.get_setting(f"run-{i}") for i in range(4)] == ["done"] * 4
    finally:
        metadata.drop_all(engine)
        engine.dispose()
