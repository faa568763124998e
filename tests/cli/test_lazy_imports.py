"""Starting the command line loads no heavy library: a run with nothing new must not pay for them."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Libraries that take a second or more to import; each is imported where it is first needed.
HEAVY = ("spacy", "torch", "transformers", "trafilatura", "dask", "fastapi", "uvicorn")


@pytest.mark.parametrize("module", HEAVY)
def test_the_cli_does_not_import(module: str) -> None:
    probe = f"import sys, newstrace.cli.main; print({module!r} in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", f"importing the CLI imports {module}"
