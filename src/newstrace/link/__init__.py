"""The link stage: what the corpus holds across articles (aliases, copies, quote clusters, events)."""

from newstrace.link.linker import link_corpus
from newstrace.link.options import LinkOptions

__all__ = ["LinkOptions", "link_corpus"]
