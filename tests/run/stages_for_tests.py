"""Analysis steps used by the runner tests as plugins (importable by worker processes)."""

from __future__ import annotations

import os
import time

from newstrace.analyze import ArticleWork, Step


class Slow(Step[None]):
    """Sleeps or kills its worker when the article asks for it."""

    name = "slow"

    def find(self, work: ArticleWork) -> None:
        if "SLEEP-FOREVER" in work.article.text:
            time.sleep(3600)
        if "CRASH-WORKER" in work.article.text:
            os._exit(9)

    def attach(self, work: ArticleWork, found: None) -> None:
        """Nothing to attach."""


class Failing(Step[None]):
    """Raises on articles that ask for it."""

    name = "failing"

    def find(self, work: ArticleWork) -> None:
        if "FAIL-HERE" in work.article.text:
            raise ValueError("this step cannot handle the article")

    def attach(self, work: ArticleWork, found: None) -> None:
        """Nothing to attach."""


SLOW = Slow()
FAILING = Failing()
