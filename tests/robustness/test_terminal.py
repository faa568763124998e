"""The terminal: broken pipes end quietly, a closed stdin is an error record, other libraries'
warnings are logged and not printed at -q, progress names each phase, Ctrl-C stops cleanly."""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from newstrace.cli.app import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, setup_logging
from newstrace.run import Progress, RunOptions, analyze_corpus
from newstrace.store import Store

NEWSTRACE = [sys.executable, "-m", "newstrace"]
NO_ANALYSIS = ["--stages", "", "--no-link"]


def _feed(path: Path, records: int, words: int = 200) -> Path:
    with path.open("w") as out:
        for i in range(records):
            out.write(json.dumps({"id": str(i), "text": f"Record {i} says " + "many words " * words}) + "\n")
    return path


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    feed = _feed(tmp_path / "feed.jsonl", 300)
    subprocess.run([*NEWSTRACE, "analyze", str(feed), "--db", str(db), *NO_ANALYSIS, "-q"], check=True)
    export = subprocess.Popen(
        [*NEWSTRACE, "export", "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert export.stdout is not None and export.stderr is not None
    export.stdout.read(100)  # like `| head -c 100`: take a little, then go away
    export.stdout.close()
    stderr = export.stderr.read().decode()
    export.stderr.close()
    assert export.wait(timeout=120) == EXIT_BROKEN_PIPE
    assert stderr == ""


def test_a_closed_stdin_is_an_error_record(tmp_path: Path) -> None:
    export = tmp_path / "out.jsonl"
    args = [*NEWSTRACE, "analyze", "-", "--db", str(tmp_path / "t.db"), "--export", str(export), *NO_ANALYSIS]
    closed = ["sh", "-c", 'exec "$@" 0<&-', "sh", *args]  # the command starts with no stdin at all
    run = subprocess.run(closed, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    errors = [json.loads(x) for x in export.read_text().splitlines() if '"type":"error"' in x]
    assert [(e["source"], "closed" in e["message"]) for e in errors] == [("<stdin>", True)]


@pytest.mark.parametrize(
    ("verbose", "quiet", "shown"), [(0, True, False), (0, False, False), (1, False, True)]
)
def test_other_libraries_warnings_are_logged_not_printed(
    capsys: pytest.CaptureFixture[str], verbose: int, quiet: bool, shown: bool
) -> None:
    logging.captureWarnings(False)  # an earlier command of this test process may have captured them
    setup_logging(verbose, quiet)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("tzname XYZ identified but not understood", UserWarning, stacklevel=1)
        assert ("XYZ" in capsys.readouterr().err) == shown
    finally:
        logging.captureWarnings(False)


def test_progress_names_each_phase_in_order(tmp_path: Path) -> None:
    phases: list[str] = []

    def seen(event: Progress) -> None:
        if not phases or phases[-1] != event.phase:
            phases.append(event.phase)

    options = RunOptions()
    options = replace(options, analyze=replace(options.analyze, stages=()))
    with Store(str(tmp_path / "t.db")) as store:
        analyze_corpus([str(_feed(tmp_path / "feed.jsonl", 3))], store, options, progress=seen)
    assert phases == ["loading", "reading", "linking"]


def _count(db: Path) -> int:
    try:
        with Store(str(db)) as store:
            return len(store.articles())
    except Exception:  # noqa: BLE001  # the file may be half-created while we look
        return 0


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_keeps_what_was_stored_and_a_rerun_completes(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    feed = _feed(tmp_path / "feed.jsonl", 400, words=40)
    args = [
        *NEWSTRACE,
        "analyze",
        str(feed),
        "--db",
        str(db),
        "-j",
        "1",
        "--no-link",
        "--stages",
        "dates,quotes",
    ]
    run = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while _count(db) == 0 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.5)
    assert run.poll() is None, "the run ended before it could be interrupted; give it more records"
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == EXIT_INTERRUPTED, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    kept = _count(db)
    assert 0 < kept < 400
    rerun = subprocess.run([*args, "--json"], capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert (report["documents_unchanged"], report["documents_new"]) == (kept, 400 - kept)
    assert _count(db) == 400
