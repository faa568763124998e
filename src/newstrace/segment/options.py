"""The options of the segment stage, apart from the stage: a run's options load no segmenter."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SegmentOptions"]


@dataclass(frozen=True, slots=True)
class SegmentOptions:
    """How documents are cut into articles.

    Attributes:
        split_pages: split a text page that holds several articles (HTML pages are one
            article each: trafilatura already chose the main content).
        clean_jsonl: clean JSONL ``text`` like a scraped page. Off by default: offsets into
            a record's own ``text`` must stay valid (docs/contract.md).
        detect_prose: on text pages, keep only lines that jusText's classification (length,
            stop-word density, neighbours) finds to be prose, besides dropping furniture by
            shape. HTML pages are not filtered again: trafilatura already chose the main text.
    """

    split_pages: bool = True
    clean_jsonl: bool = False
    detect_prose: bool = True
