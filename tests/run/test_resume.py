"""A run killed with SIGKILL mid-way and run again gives exactly the rows of an uninterrupted run."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import newstrace_cmd

PAGES = 3000


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(PAGES):
        (folder / f"page{i:05d}.txt").write_text(
            f"Headline number {i}\n\nBy Reporter {i % 7}\n\nPublished On: June {i % 28 + 1}, 2020\n\n"
            f"Officials said {i} people attended the meeting in the capital.\n\n"
            "Share this: Facebook Twitter\n"
        )


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _analyze(corpus: Path, db: Path) -> list[str]:
    # Analysis steps are off: this is about storing whole documents, and 3 x 3000 pages must stay quick.
    return [*newstrace_cmd(), "analyze", str(corpus), "--db", str(db), "--jobs", "1", "-q", "--stages", ""]


@pytest.mark.slow
def test_sigkill_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    proc = subprocess.Popen(_analyze(corpus, killed_db))
    deadline = time.monotonic() + 60
    while _count(killed_db) < 50 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_when_killed = _count(killed_db)
    assert 0 < stored_when_killed < PAGES, "the run must be killed mid-way for this test to mean anything"

    subprocess.run(_analyze(corpus, killed_db), check=True)
    subprocess.run(_analyze(corpus, clean_db), check=True)
    killed, clean = _rows(killed_db), _rows(clean_db)
    assert len(clean["documents"]) == PAGES
    assert killed == clean
