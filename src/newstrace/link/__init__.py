"""The link stage: what the corpus holds across articles (aliases, copies, quote clusters, events).

The names below are imported on first use (``newstrace.lazy_names``): importing the options or
``link.identity`` loads no link step (NumPy, MinHash).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.lazy_names import lazy_names

if TYPE_CHECKING:
    from newstrace.link.linker import link_corpus
    from newstrace.link.options import LinkOptions

__all__ = ["LinkOptions", "link_corpus"]

__getattr__ = lazy_names(__name__, {"LinkOptions": "options", "link_corpus": "linker"})
