"""Segment: cut documents into clean articles with title, published date and byline.

Page furniture is removed line by line (``furniture.py``), pages holding several articles are
split (``split.py``), and metadata is read from header lines and datelines (``metadata.py``).
Every kept line is mapped back to the document with a :class:`~newstrace.model.Piece`.
"""

from __future__ import annotations

from newstrace.segment.assemble import SegmentOptions, find_articles, segment_document

__all__ = ["SegmentOptions", "find_articles", "segment_document"]
