"""newstrace: a sourced record of news: who said what, who is who, what was reported, who copied whom."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
