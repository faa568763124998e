"""A full disk, made real with a file-size limit (RLIMIT_FSIZE: writing past it fails with EFBIG,
as writing to a full disk fails with ENOSPC): a clear error and exit 2, what was stored or exported
before stays whole, and no partial file is left."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newstrace.store import Store

# Runs the CLI with files limited to LIMIT bytes (Python ignores SIGXFSZ, so writes fail with EFBIG)
LIMITED = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))\n"
    "from newstrace.cli.main import main\n"
    "sys.argv = ['newstrace', *sys.argv[2:]]\n"
    "main()\n"
)
NO_ANALYSIS = ["--stages", "", "--no-link"]


def _limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", LIMITED, str(limit), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _feed(path: Path, records: int) -> Path:
    lines = (
        json.dumps({"id": str(i), "text": f"Record {i}: " + "words of text " * 100}) for i in range(records)
    )
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_full_disk_while_exporting_leaves_the_old_export(tmp_path: Path) -> None:
    db, out = tmp_path / "t.db", tmp_path / "out.jsonl"
    assert (
        _limited(
            10**9, "analyze", str(_feed(tmp_path / "f.jsonl", 200)), "--db", str(db), *NO_ANALYSIS
        ).returncode
        == 0
    )
    out.write_text("the previous export\n")
    run = _limited(50_000, "export", "--db", str(db), "-o", str(out))
    assert run.returncode == 2, run.stderr
    assert "cannot write" in run.stderr and "Traceback" not in run.stderr
    assert out.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "out" in p.name) == ["out.jsonl"]


def test_a_full_disk_while_analysing_stops_clearly_and_keeps_whole_documents(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    run = _limited(300_000, "analyze", str(_feed(tmp_path / "f.jsonl", 2000)), "--db", str(db), *NO_ANALYSIS)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert "database" in run.stderr
    with Store(str(db)) as store:
        articles = store.articles()
        documents = list(store.documents())
    assert 0 < len(articles) < 2000
    assert len(documents) == len(articles)  # every stored document is whole
