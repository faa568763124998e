"""The analyzer orders steps by their needs and refuses bad selections before any article is read."""

from __future__ import annotations

import gc

import pytest

from newstrace.analyze import AnalyzeOptions, Analyzer
from newstrace.analyze.analyzer import select_steps
from newstrace.analyze.step import Resources
from newstrace.errors import UsageError
from newstrace.model import Article

PLUGINS = "tests.analyze.plugin_steps"


@pytest.mark.parametrize(
    ("stages", "plugins", "message"),
    [
        (("nonsense",), (), r"unknown analysis step\(s\) nonsense; known steps: dates, entities"),
        (("facts",), (), r"'facts' needs dates, entities, quotes, which is not selected"),
        ((), (f"{PLUGINS}:CHICKEN",), r"'chicken' needs egg"),
        ((), (f"{PLUGINS}:CHICKEN", f"{PLUGINS}:EGG"), r"steps chicken, egg need each other in a circle"),
        (("dates",), (f"{PLUGINS}:DATES",), r"two analysis steps are named dates"),
        ((), (f"{PLUGINS}:NOT_A_STEP",), r"must name a newstrace.analyze.Step"),
        ((), ("no_such_module_xx:STEP",), r"cannot import the plugin module 'no_such_module_xx'"),
    ],
)
def test_bad_selections_are_refused_with_a_clear_message(
    stages: tuple[str, ...], plugins: tuple[str, ...], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        select_steps(AnalyzeOptions(stages=stages, plugins=plugins))


def test_steps_run_after_what_they_need_whatever_order_they_are_given() -> None:
    options = AnalyzeOptions(stages=(), plugins=(f"{PLUGINS}:NEEDS_EARLY", f"{PLUGINS}:EARLY"))
    analyzer = Analyzer(options)
    assert [s.name for s in analyzer.steps] == ["early", "needs_early"]


def test_builtin_steps_keep_their_order_and_run_without_errors() -> None:
    names = [s.name for s in select_steps(AnalyzeOptions())]
    assert names == ["dates", "entities", "quotes", "facts", "events"]
    for step in select_steps(AnalyzeOptions()):
        assert set(step.needs) <= set(names[: names.index(step.name)])


def test_a_plugin_step_sees_the_article() -> None:
    analyzer = Analyzer(AnalyzeOptions(stages=("dates",), plugins=(f"{PLUGINS}:EARLY",)))
    article = Article("a1", "d1", 0, "x.txt", None, None, "2020-06-08", None, "Talks open on Friday.")
    found = analyzer.analyze(article)
    assert found.errors == ()
    assert [d.value for d in found.dates] == ["2020-06-05"]


def test_a_resource_is_built_with_the_collector_paused_and_it_resumes_after() -> None:
    resources = Resources(AnalyzeOptions())
    seen: list[bool] = []

    def build(_options: AnalyzeOptions) -> list[bool]:
        seen.append(gc.isenabled())
        return seen

    def fails(_options: AnalyzeOptions) -> list[bool]:
        raise OSError("model files missing")

    assert resources.get("first", build, list) == [False] and gc.isenabled()
    with pytest.raises(OSError, match="missing"):
        resources.get("second", fails, list)
    assert gc.isenabled()
