"""The documented Python examples run as written, each as a plain script (no ``__main__`` guard),
in a folder holding the sample pages as ``pages/``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
# (document, index of its python block): the complete examples (others show a fragment of a class)
EXAMPLES_RUN = [("README.md", 0), ("docs/configuration.md", 0), ("docs/adding-a-step.md", 1)]


def _block(document: str, index: int) -> str:
    blocks: list[str] = BLOCK.findall((ROOT / document).read_text(encoding="utf-8"))
    return blocks[index]


@pytest.mark.slow
@pytest.mark.parametrize(("document", "index"), EXAMPLES_RUN, ids=[f"{d}#{i}" for d, i in EXAMPLES_RUN])
def test_documented_example_runs_as_a_plain_script(tmp_path: Path, document: str, index: int) -> None:
    shutil.copytree(EXAMPLES / "pages", tmp_path / "pages")
    script = tmp_path / "example.py"
    script.write_text(_block(document, index))
    # A script without a __main__ guard that starts worker processes must not run again in them
    run = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=900, check=False
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    if document == "README.md":  # it prints the new documents and the errors, then each title
        pages = len(list((tmp_path / "pages").iterdir()))
        assert run.stdout.splitlines()[0] == f"{pages} []", run.stdout
