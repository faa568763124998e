"""One document through segment and analyze: the unit of work a worker runs."""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass

from newstrace import __version__
from newstrace.analyze.options import AnalyzeOptions
from newstrace.errors import InputError, error_from
from newstrace.ids import stable_id
from newstrace.model import ArticleFindings, Document, Error
from newstrace.segment.options import SegmentOptions

log = logging.getLogger(__name__)

__all__ = ["DocumentProcessor", "DocumentResult", "WorkConfig", "analysis_key"]


@dataclass(frozen=True, slots=True)
class WorkConfig:
    """Everything a worker needs to process documents (picklable)."""

    segment: SegmentOptions
    analyze: AnalyzeOptions


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """A processed document: its articles with their findings, and document-level errors.

    ``retry`` marks a failure that may not happen again (a time limit, a crashed worker): the
    document is then not stored, only its error, so the next run tries it again.
    """

    document: Document
    findings: tuple[ArticleFindings, ...]
    errors: tuple[Error, ...]
    retry: bool = False


def analysis_key(config: WorkConfig) -> str:
    """A hash of what decides a document's findings: a stored document made with another is redone."""
    return stable_id(__version__, repr(config.segment), repr(config.analyze))


class DocumentProcessor:
    """Segments and analyses documents; owns its Analyzer (and so its spaCy model)."""

    def __init__(self, config: WorkConfig) -> None:
        # the analysis steps, their patterns and helpers: imported only by a process that analyses
        from newstrace.analyze.analyzer import Analyzer  # noqa: PLC0415

        self.config = config
        self.analyzer = Analyzer(config.analyze)

    def prepare(self) -> None:
        """Load the models and gazetteers now, then set them out of the garbage collector's sight.

        They are millions of objects that live as long as the process; every full collection
        walked them again (PolNeAR dev, one process: 0.85 s CPU in the collector, 0.43 s once
        frozen). Whatever garbage loading left stays too: a bounded amount, once per process. A
        process that goes on after the run calls ``gc.unfreeze()`` (``analyze_corpus`` does).
        """
        self.analyzer.prepare()
        gc.freeze()

    def process(self, doc: Document) -> DocumentResult:
        """The articles and findings of ``doc``; failures become Error records."""
        from newstrace.segment.assemble import segment_document  # noqa: PLC0415  # as Analyzer above

        try:
            articles = segment_document(doc, self.config.segment)
        except InputError as exc:
            return DocumentResult(doc, (), (error_from(exc, doc.source, "segment"),))
        except Exception as exc:  # a segmenter bug must cost one document, not the run
            log.debug("segmenting %s failed", doc.source, exc_info=True)
            return DocumentResult(doc, (), (error_from(exc, doc.source, "segment"),))
        try:
            return DocumentResult(doc, tuple(self.analyzer.analyze(a) for a in articles), ())
        except Exception as exc:  # outside every step's own guard: costs this document, tried again next run
            log.debug("analysing %s failed", doc.source, exc_info=True)
            return DocumentResult(doc, (), (error_from(exc, doc.source, "analyze"),), retry=True)
