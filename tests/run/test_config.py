"""Run options from a TOML file: the API's names and defaults; bad files are refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.analyze import AnalyzeOptions, QuoteOptions
from newstrace.errors import UsageError
from newstrace.link import LinkOptions
from newstrace.link.options import ClusterOptions
from newstrace.run import RunOptions
from newstrace.run.config import load_run_options, options_to_toml


def _load(tmp_path: Path, text: str) -> RunOptions:
    path = tmp_path / "newstrace.toml"
    path.write_text(text, encoding="utf-8")
    return load_run_options(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", RunOptions()),
        ("jobs = 2\ntimeout = 30", RunOptions(jobs=2, timeout=30.0)),
        (
            '[analyze]\nstages = ["dates", "quotes"]\n[analyze.quotes]\nmax_quotes = 10',
            RunOptions(
                analyze=AnalyzeOptions(stages=("dates", "quotes"), quotes=QuoteOptions(max_quotes=10))
            ),
        ),
        (
            "[linking.clusters]\nsemantic = false",
            RunOptions(linking=LinkOptions(clusters=ClusterOptions(semantic=False))),
        ),
    ],
)
def test_a_file_sets_what_it_names_and_keeps_the_defaults(
    tmp_path: Path, text: str, expected: RunOptions
) -> None:
    assert _load(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("jobz = 2", r"newstrace.toml: unknown option 'jobz' \(known here: ingest, segment"),
        ("[analyze.quotes]\nmax_quote = 3", r"newstrace.toml: analyze: quotes: unknown option 'max_quote'"),
        ('jobs = "two"', r"newstrace.toml: jobs must be a int, not 'two'"),
        ("link = 1", r"link must be a bool"),
        ("jobs = true", r"jobs must be a int"),
        ("analyze = 3", r"analyze must be a table"),
        ('[analyze]\nplugins = "x:Y"', r"analyze: plugins must be a list of str"),
        ("jobs = = 2", r"newstrace.toml is not valid TOML"),
    ],
)
def test_a_bad_file_is_refused_with_its_name_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        _load(tmp_path, text)


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"cannot read the config file .*nope.toml"):
        load_run_options(tmp_path / "nope.toml")


def test_every_option_round_trips_through_toml(tmp_path: Path) -> None:
    changed = RunOptions(jobs=3, analyze=AnalyzeOptions(stages=("dates",), plugins=("a.b:C",)))
    assert _load(tmp_path, options_to_toml(changed)) == changed
