"""Shared fixtures: paths to the sample corpus and ../shared, a CLI runner, a PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.analyze.nlp import SpacyModel
from newstrace.analyze.options import DEFAULT_MODEL
from tests.query.corpus_fixture import build_corpus

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "bench" / "seeds"
POLNEAR = SHARED / "bench" / "quotes"


def require_shared(path: Path) -> Path:
    """Skip the calling test, saying why, when benchmark data from ../shared is absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads benchmark data from ../shared (set NEWSTRACE_SHARED)")
    return path


@pytest.fixture(scope="session")
def examples() -> Path:
    """The bundled sample corpus."""
    return EXAMPLES


@pytest.fixture
def runner() -> CliRunner:
    """Typer's test runner (stderr kept apart from stdout)."""
    return CliRunner()


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if found:
        return found[-1].parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; CI runs as root, so drop to the 'postgres' user there."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server in a temporary cluster, for the tests that need one."""
    bindir = _pg_bin()
    if bindir is None:
        pytest.fail(
            "PostgreSQL server binaries not found: install Debian's 'postgresql' package (.ci/run does)"
        )
    # Not under pytest's tmp dir: that is private to root, and the server runs as 'postgres'.
    data = Path(tempfile.mkdtemp(prefix="newstrace-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres_user(
            [str(bindir / "initdb"), "-D", str(data), "-U", "newstrace", "-A", "trust", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres_user(
            [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(data / "log"), "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        _wait_for(port)
        subprocess.run(
            [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "newstrace", "test"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql://newstrace@127.0.0.1:{port}/test"
    finally:
        subprocess.run(
            _as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(data, ignore_errors=True)


def _wait_for(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"PostgreSQL did not start on port {port} within {seconds} s")


def newstrace_cmd() -> list[str]:
    """The console script of the environment running the tests."""
    script = Path(sys.executable).with_name("newstrace")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newstrace"]


@pytest.fixture(scope="session")
def spacy_model() -> SpacyModel:
    """The spaCy model, loaded once per test session (about 1 s)."""
    return SpacyModel(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def query_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented query corpus (tests/query/corpus_fixture.py) in a SQLite file."""
    return Path(build_corpus(tmp_path_factory.mktemp("query") / "corpus.db"))
