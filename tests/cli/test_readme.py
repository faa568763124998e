"""The CLI reference in the README is the real ``--help`` output (docs cannot drift).

To refresh the README after changing an option: ``python -m tests.cli.test_readme --update``.
"""

from __future__ import annotations

import re
import sys

import pytest
from typer.testing import CliRunner

from newstrace.cli.main import app
from tests.conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"<!-- help: (?P<cmd>[\w -]*) -->\n```text\n(?P<body>.*?)```", re.DOTALL)
COMMANDS = ["", "analyze", "export", "stats"]


def _help(cmd: str) -> str:
    result = CliRunner().invoke(app, [*cmd.split(), "--help"])
    assert result.exit_code == 0
    return result.stdout


def test_the_readme_starts_with_the_two_setup_commands() -> None:
    head = README.read_text(encoding="utf-8")[:1500]
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("cmd", COMMANDS)
def test_readme_help_blocks_match_the_cli(cmd: str) -> None:
    blocks = {m["cmd"].strip(): m["body"] for m in BLOCK.finditer(README.read_text(encoding="utf-8"))}
    assert cmd in blocks, (
        f"README has no '<!-- help: {cmd} -->' block; run python -m tests.cli.test_readme --update"
    )
    assert blocks[cmd] == _help(cmd), "README help is stale; run python -m tests.cli.test_readme --update"


def update() -> None:
    """Rewrite the README's help blocks from the CLI."""
    text = README.read_text(encoding="utf-8")
    text = BLOCK.sub(lambda m: f"<!-- help: {m['cmd']} -->\n```text\n{_help(m['cmd'].strip())}```", text)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__" and "--update" in sys.argv:
    update()
