"""Analysis steps used by the pipeline tests as plugins (importable by worker processes)."""

from __future__ import annotations

import os
import time

from newstrace.analyze import AnalyzeOptions, ArticleWork, StageSpec


def _slow(work: ArticleWork, options: AnalyzeOptions) -> None:
    if "SLEEP-FOREVER" in work.article.text:
        time.sleep(3600)
    if "CRASH-WORKER" in work.article.text:
        os._exit(9)


def _fail(work: ArticleWork, options: AnalyzeOptions) -> None:
    if "FAIL-HERE" in work.article.text:
        raise ValueError("this step cannot handle the article")


SLOW = StageSpec("slow", _slow)
FAILING = StageSpec("failing", _fail)
