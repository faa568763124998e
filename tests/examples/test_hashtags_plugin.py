"""The worked plugin of docs/adding-a-step.md (examples/plugins/hashtags.py) runs as documented."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstrace.analyze import AnalyzeOptions
from newstrace.export import load_view
from newstrace.run import RunOptions, analyze_corpus
from newstrace.store import Store

PLUGINS = Path(__file__).resolve().parents[2] / "examples" / "plugins"
PAGES = {
    "a.txt": "Nurses marched in Ostrava on Monday under the banner #FreeTheNurses, and the union said so.",
    "b.txt": "The hashtag #freethenurses trended again on Tuesday, while #Ostrava2021 stayed quiet.",
}

pytestmark = pytest.mark.slow  # the entities step loads spaCy


@pytest.fixture
def plugin_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(PLUGINS))
    yield
    sys.modules.pop("hashtags", None)


def test_hashtags_become_corpus_entities(tmp_path: Path, plugin_path: None) -> None:
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    options = RunOptions(analyze=AnalyzeOptions(plugins=("hashtags:STEP",)), jobs=1)
    with Store(str(tmp_path / "t.db")) as store:
        report = analyze_corpus([str(tmp_path / n) for n in PAGES], store, options)
        view = load_view(store)
    assert report.errors == []
    tags = [e for e in view.links.entities if e.kind == "HASHTAG"]
    assert sorted(e.name.casefold() for e in tags) == ["#freethenurses", "#ostrava2021"]
    [nurses] = [e for e in tags if "#FreeTheNurses" in e.aliases]
    assert set(nurses.aliases) == {"#FreeTheNurses", "#freethenurses"}
    articles = {f.article.id: f.article.text for f in view.findings}
    assert {articles[m.article][m.start : m.end].casefold() for m in nurses.mentions} == {"#freethenurses"}
    assert len({m.article for m in nurses.mentions}) == 2
