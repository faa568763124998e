"""The docs cannot drift: they are checked against the code.

- docs/cli.md holds the real ``--help`` of every command (refresh: ``python -m tests.test_docs --update``);
- docs/contract.md names every field of every exported record type;
- docs/configuration.md holds the real defaults and every option's meaning (from the docstrings);
- nothing in the README, docs/ or src/ points outside the project;
- the README starts with the two set-up commands.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import tomllib
import typing

import pytest
from typer.testing import CliRunner

from newstrace import model
from newstrace.cli.main import app
from newstrace.run import RunOptions
from newstrace.run.config import options_from_table, options_reference, options_to_toml
from tests.conftest import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_DOC = DOCS / "cli.md"
BLOCK = re.compile(r"<!-- help: (?P<cmd>[\w -]*) -->\n```text\n(?P<body>.*?)```", re.DOTALL)
COMMANDS = ["", *sorted(c.name or "" for c in app.registered_commands)]
# Every record type of the JSON Lines export and the dataclass it is written from.
EXPORTED = {
    "article": model.Article,
    "quote": model.Quote,
    "date": model.DateMention,
    "fact": model.Fact,
    "event_mention": model.EventMention,
    "entity": model.Entity,
    "copy": model.Copy,
    "quote_cluster": model.QuoteCluster,
    "event": model.Event,
    "error": model.Error,
}
OUTSIDE = re.compile(r"\.\./shared|DESIGN\.md|CONTRACT\.md|NOTES-deps|STYLE-ANCHORS")


def _help(cmd: str) -> str:
    result = CliRunner().invoke(app, [*cmd.split(), "--help"])
    assert result.exit_code == 0
    return result.stdout


def test_the_readme_starts_with_the_two_setup_commands() -> None:
    head = README.read_text(encoding="utf-8")[:1500]
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("cmd", COMMANDS)
def test_cli_reference_is_the_real_help(cmd: str) -> None:
    blocks = {m["cmd"].strip(): m["body"] for m in BLOCK.finditer(CLI_DOC.read_text(encoding="utf-8"))}
    assert cmd in blocks, f"docs/cli.md has no '<!-- help: {cmd} -->' block; add one, then --update"
    assert blocks[cmd] == _help(cmd), "docs/cli.md is stale; run python -m tests.test_docs --update"


def _contract_sections() -> dict[str, str]:
    text = (DOCS / "contract.md").read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    return {p.split("\n", 1)[0].strip(): p for p in parts[1:]}


def _field_names(kind: type) -> set[str]:
    """The record's fields and, for nested records, their fields too."""
    names: set[str] = set()
    hints = typing.get_type_hints(kind)
    for f in dataclasses.fields(kind):
        names.add(f.name)
        for inner in (hints[f.name], *typing.get_args(hints[f.name])):
            for candidate in (inner, *typing.get_args(inner)):
                if isinstance(candidate, type) and dataclasses.is_dataclass(candidate):
                    names |= _field_names(candidate)
    return names


@pytest.mark.parametrize("record_type", sorted(EXPORTED))
def test_contract_names_every_exported_field(record_type: str) -> None:
    sections = _contract_sections()
    assert record_type in sections, f"docs/contract.md has no section '## {record_type}'"
    documented = {
        w for code in re.findall(r"`([^`]+)`", sections[record_type]) for w in re.findall(r"\w+", code)
    }
    missing = sorted(_field_names(EXPORTED[record_type]) - documented)
    assert missing == [], f"docs/contract.md, ## {record_type}, does not name: {missing}"


CONFIG_DOC = DOCS / "configuration.md"
DEFAULTS = re.compile(r"(<!-- generated: defaults -->\n```toml\n)(?P<body>.*?)(```)", re.DOTALL)
REFERENCE = re.compile(r"(<!-- generated: reference -->\n)(?P<body>.*)", re.DOTALL)


def test_configuration_doc_holds_the_real_defaults_and_every_option() -> None:
    text = CONFIG_DOC.read_text(encoding="utf-8")
    defaults, reference = DEFAULTS.search(text), REFERENCE.search(text)
    assert defaults is not None and reference is not None, "docs/configuration.md lost its generated parts"
    assert defaults["body"] == options_to_toml(RunOptions()), "stale: python -m tests.test_docs --update"
    assert reference["body"] == options_reference(RunOptions()), "stale: python -m tests.test_docs --update"
    table = tomllib.loads(defaults["body"])
    assert options_from_table(RunOptions, table, "docs/configuration.md") == RunOptions()


def test_nothing_points_outside_the_project() -> None:
    paths = [README, *DOCS.rglob("*.md"), *(ROOT / "src").rglob("*.py")]
    bad = [
        f"{p.relative_to(ROOT)}: {m.group()}" for p in paths for m in OUTSIDE.finditer(p.read_text("utf-8"))
    ]
    assert bad == []


def update() -> None:
    """Rewrite the generated parts of docs/cli.md and docs/configuration.md from the code."""
    text = CLI_DOC.read_text(encoding="utf-8")
    text = BLOCK.sub(lambda m: f"<!-- help: {m['cmd']} -->\n```text\n{_help(m['cmd'].strip())}```", text)
    CLI_DOC.write_text(text, encoding="utf-8")
    text = CONFIG_DOC.read_text(encoding="utf-8")
    text = DEFAULTS.sub(lambda m: m[1] + options_to_toml(RunOptions()) + m[3], text)
    text = REFERENCE.sub(lambda m: m[1] + options_reference(RunOptions()), text)
    CONFIG_DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__" and "--update" in sys.argv:
    update()
