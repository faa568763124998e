"""The query commands: a table on the terminal, --json, a clear error for a bad question."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli.main import app


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["quotes", "--speaker", "Roe"], ["Jane Roe", "We will reopen every clinic", "first.example"]),
        (["quotes", "--text", "clinic", "--since", "2021-03-02", "--kind", "direct"], ["second.example"]),
        (["trace", "q000000000000003"], ["earliest", "first.example", "identical", "k000000000000001"]),
        (["trace", "reopen every clinic"], ["earliest"]),
        (
            ["copies", "--article", "c000000000000003"],
            ["Roe vows to reopen clinics", "by date", "shared-passage"],
        ),
        (["entity", "Roe"], ["Jane Roe (PER", "alias 'Roe'", "Minister promises clinics"]),
        (["entities", "--kind", "ORG"], ["Health Ministry"]),
        (["facts", "--asserted-by", "Health Ministry"], ["Health Ministry", "40", "clinics"]),
        (["facts", "--about", "clinics"], ["Tallinn"]),
        (["events"], ["statement", "Tallinn", "Health Ministry: 40 clinics"]),
        (["search", "reopen", "clinic"], ["[reopen]", "Articles (3)", "Quotes (3)"]),
    ],
)
def test_commands_print_a_table(runner: CliRunner, query_db: Path, args: list[str], shown: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", str(query_db)])
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.stdout


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["quotes", "--speaker", "Jane Roe"], "items"),
        (["trace", "q000000000000001"], "steps"),
        (["copies"], "items"),
        (["entity", "e000000000000002"], "facts"),
        (["entities"], "items"),
        (["events"], "items"),
        (["search", "clinic"], "quotes"),
    ],
)
def test_json_output(runner: CliRunner, query_db: Path, args: list[str], key: str) -> None:
    result = runner.invoke(app, [*args, "--db", str(query_db), "--json"])
    assert result.exit_code == 0, result.output
    assert key in json.loads(result.stdout)


def test_facts_json_is_a_list_of_groups(runner: CliRunner, query_db: Path) -> None:
    result = runner.invoke(app, ["facts", "--db", str(query_db), "--json"])
    groups = json.loads(result.stdout)
    assert [g["asserted_by"] for g in groups] == ["Health Ministry"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["quotes", "--since", "last week"], 2, "not a date"),
        (["quotes", "--kind", "rumour"], 2, "unknown quote kind"),
        (["trace", "nothing like this"], 1, "no quote"),
        (["entity", "Nobody Atall"], 1, "no entity"),
        (["quotes", "--limit", "0"], 2, ""),
    ],
)
def test_bad_questions_exit_with_one_line(
    runner: CliRunner, query_db: Path, args: list[str], code: int, message: str
) -> None:
    result = runner.invoke(app, [*args, "--db", str(query_db)])
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.output


def test_a_missing_database_is_named(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no database at" in result.stderr
