"""Link: corpus-wide merging of entities, copies between articles and quote clusters."""

from __future__ import annotations

from newstrace.link.corpus import LinkOptions, link_corpus

__all__ = ["LinkOptions", "link_corpus"]
