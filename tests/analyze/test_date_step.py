"""The dates step attaches the article's date mentions (the grammar is tested in tests/text)."""

from __future__ import annotations

from newstrace.analyze import AnalyzeOptions, ArticleWork, Resources
from newstrace.analyze.date_step import STEP
from newstrace.model import Article


def test_dates_step_attaches_mentions() -> None:
    text = "Talks open on Friday in Geneva."
    article = Article("a1", "d1", 0, "x.txt", None, None, "2020-06-08", None, text)
    options = AnalyzeOptions()
    work = ArticleWork(article, options, Resources(options))
    STEP.run(work)
    assert [(d.text, d.value) for d in work.dates] == [("on Friday", "2020-06-05")]
