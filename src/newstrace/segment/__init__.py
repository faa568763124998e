"""Segment: cut documents into clean articles with title, published date and byline.

Page furniture is removed line by line (``furniture.py``), pages holding several articles are
split (``split.py``), and metadata is read from header lines and datelines (``metadata.py``).
Every kept line is mapped back to the document with a :class:`~newstrace.model.Piece`.
The names below are imported on first use (``newstrace.lazy_names``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.lazy_names import lazy_names

if TYPE_CHECKING:
    from newstrace.segment.assemble import find_articles, segment_document
    from newstrace.segment.options import SegmentOptions

__all__ = ["SegmentOptions", "find_articles", "segment_document"]

__getattr__ = lazy_names(
    __name__,
    {"SegmentOptions": "options", "find_articles": "assemble", "segment_document": "assemble"},
)
