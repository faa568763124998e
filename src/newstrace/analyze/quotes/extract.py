"""The quotes step: every quotation of an article, its kind, cue, speaker and date.

One pass per article::

    marks ─ pair ─> spans ─ frame ─> sentences around each ─ parse (quotes masked) ─> cue + mention
          ─ resolve (coreference) ─> speaker ─ classify ─> kind ─ date ─> said_on ─> Quote records

- **marks** (:mod:`~newstrace.analyze.quotes.marks`): typographic, straight and doubled marks,
  nesting, multi-paragraph quotes; a broken mark loses only its own quote (a logged warning);
- **cue and mention** (:mod:`~newstrace.analyze.quotes.attribution`): in the parse of the quote's
  sentence(s); a quotation with no attribution of its own that opens a sentence takes the one
  of the sentence before (``“A,” he said. “B.”``; ``Khamenei explained: “B.”``);
- **speaker** (:mod:`~newstrace.analyze.quotes.speakers`): the mention resolved to a canonical name;
- **kind**: ``slogan`` for a crowd's words, ``direct`` for a quotation that is an utterance of
  its own, ``fragment`` for quoted words inside the writer's sentence with a speaker, ``scare``
  for quoted words with no speaker (a term, a title, an irony) or after ``so-called``;
- **said_on**: a date expression that the parse attaches to the cue (``said on Sunday``,
  ``told reporters Tuesday``), resolved against the published date with its granularity.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newstrace.analyze.nlp import ArticleNLP, ParsedStretch, Stretch, article_nlp, shared_model
from newstrace.analyze.options import QuoteOptions
from newstrace.analyze.quotes.attribution import (
    Attribution,
    adjacent_attribution,
    find_attribution,
    introduced_attribution,
    sentence_attribution,
)
from newstrace.analyze.quotes.coref import Coreference, NamedMention
from newstrace.analyze.quotes.cues import CROWD_NOUNS, SCARE_MARKER, VENUE_BEFORE, WORK_BEFORE
from newstrace.analyze.quotes.frames import Frame, FrameBuilder, starts_utterance
from newstrace.analyze.quotes.labels import (
    Label,
    dash_after,
    dateline_end,
    headline_label,
    label_before,
    line_label,
    looks_like_name,
    name_line_after,
    turn_label,
)
from newstrace.analyze.quotes.marks import MarkWarning, QuoteSpan, find_quote_spans
from newstrace.analyze.quotes.occasions import cue_date, dated_by_occasion, nearest_date_before
from newstrace.analyze.quotes.ranker import Option, QuoteContext, SpeakerRanker, load_ranker, speaker_options
from newstrace.analyze.quotes.repeated_names import with_repeated_names
from newstrace.analyze.quotes.speakers import (
    clean_name,
    one_name_per_person,
    resolve_speaker,
    slogan_crowd,
)
from newstrace.analyze.quotes.titles import in_title_list, is_title, labels_a_noun
from newstrace.analyze.step import ArticleWork, Resources, Step
from newstrace.ids import stable_id
from newstrace.model import AnalysisWarning, Article, Quote, QuoteKind, Span
from newstrace.text.dates import PartialDate

log = logging.getLogger(__name__)

__all__ = ["STEP", "QuoteFindings", "QuotesStep", "find_quotes"]

SPEAKER_LABELS = frozenset({"PERSON", "ORG"})  # NER labels of names that may speak


@dataclass(frozen=True, slots=True)
class QuoteFindings:
    """The quotations of one article, and the warnings about marks that could not be paired."""

    quotes: tuple[Quote, ...]
    warnings: tuple[MarkWarning, ...]


@dataclass(frozen=True, slots=True)
class _Attributed:
    """What is known of one quotation once its own sentence and its neighbours are read."""

    cue: Span | None
    mention: Span | None
    speaker: str | None
    said_on: str | None


NO_ATTRIBUTION = _Attributed(None, None, None, None)


def find_quotes(
    article: Article,
    nlp: ArticleNLP,
    options: QuoteOptions | None = None,
    ranker: SpeakerRanker | None = None,
) -> QuoteFindings:
    """Every quotation of ``article`` as a :class:`Quote`, speakers weighed by ``ranker`` (pure)."""
    options = options or QuoteOptions()
    marks = find_quote_spans(article.text)
    spans, warnings = marks.spans, list(marks.warnings)
    if len(spans) > options.max_quotes:
        warnings.append(
            MarkWarning(spans[options.max_quotes].open_at, "too many quotations: the rest dropped")
        )
        spans = _without_orphans(spans[: options.max_quotes])
    if not spans:
        return QuoteFindings((), tuple(warnings))
    reader = ArticleQuoteReader(article, nlp, spans, options, ranker or load_ranker())
    return QuoteFindings(tuple(reader.quotes()), tuple(warnings))


class QuotesStep(Step[QuoteFindings]):
    """Attaches the article's quotations, and a stored warning for each mark it could not pair."""

    name = "quotes"

    def prepare(self, resources: Resources) -> None:
        """Load the spaCy model."""
        shared_model(resources)

    def find(self, work: ArticleWork) -> QuoteFindings:
        """The article's quotations and mark warnings (the speaker ranker's weights loaded once)."""
        ranker = work.resources.get("speaker_ranker", lambda options: load_ranker(), SpeakerRanker)
        return find_quotes(work.article, article_nlp(work), work.options.quotes, ranker)

    def attach(self, work: ArticleWork, found: QuoteFindings) -> None:
        """Add the quotations to the article's findings, and the mark warnings as stored warnings."""
        work.quotes.extend(found.quotes)
        for warning in found.warnings:
            log.info("%s: quotation mark at %d: %s", work.article.source, warning.offset, warning.message)
            work.warnings.append(
                AnalysisWarning(
                    work.article.id, self.name, warning.offset, warning.offset + 1, warning.message
                )
            )


STEP = QuotesStep()


def _without_orphans(spans: Sequence[QuoteSpan]) -> tuple[QuoteSpan, ...]:
    return tuple(s for s in spans if s.parent is None or s.parent < len(spans))


class ArticleQuoteReader:
    """Attributes and classifies the quotations of one article, in text order."""

    def __init__(
        self,
        article: Article,
        nlp: ArticleNLP,
        spans: Sequence[QuoteSpan],
        options: QuoteOptions,
        ranker: SpeakerRanker,
    ):
        self.article, self.text, self.nlp, self.spans, self.ranker = article, article.text, nlp, spans, ranker
        self.frames_of = FrameBuilder(
            self.text,
            spans,
            nlp.sentences,
            frame_chars=options.frame_chars,
            mask_words=options.mask_words,
            max_stretch_chars=options.max_stretch_chars,
        )
        self.frames = [self.frames_of.frame(i) for i in range(len(spans))]
        stretches = self.frames_of.stretches(self.frames)
        self.parsed = dict(zip(stretches, nlp.parse_stretches(list(stretches.values())), strict=True))
        ents = nlp.ents
        named = with_repeated_names(
            self.text, [NamedMention(e.start_char, e.end_char, e.text, e.label_) for e in ents]
        )
        self.named = sorted((m for m in named if m.label in SPEAKER_LABELS), key=lambda m: m.start)
        self.names = [(m.start, m.end) for m in self.named]
        self.coref = Coreference(self.text, named, [(s.start, s.end) for s in spans if s.depth == 0])
        self.counts = Counter(r.name for m in self.named if (r := self.coref.referent_at(m.start, m.end)))
        self.base = PartialDate.from_iso(article.published)
        self.done: list[_Attributed] = []
        self.quoted: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for span, frame in zip(spans, self.frames, strict=True):
            self.quoted.setdefault(frame.region, [])
            if self.frames_of.region_of(span) == frame.region:
                self.quoted[frame.region].append((span.start, span.end))

    def quotes(self) -> list[Quote]:
        own = [self._own(i) for i in range(len(self.spans))]
        utterance = [starts_utterance(self.text, f, s) for f, s in zip(self.frames, self.spans, strict=True)]
        before = self._sentences_before([i for i, a in enumerate(own) if a is None and utterance[i]])
        out: list[Quote] = []
        for i, span in enumerate(self.spans):
            label = label_before(self.text, span.open_at) if utterance[i] and span.depth == 0 else None
            turn = turn_label(self.text, span.start) if span.depth == 0 else None
            found = self._labelled(label) or self._labelled(turn) or self._attributed(i, own[i])
            if found.mention is None and found.cue is None and span.depth == 0:
                found = self._line_labelled(span) or found
            if found.mention is None and utterance[i] and span.depth == 0:
                found = self._adjacent(i) or self._with_context(found, i, before.get(i))
            kind = self._kind(i, own[i], found, utterance[i])
            if kind == "scare":
                found = NO_ATTRIBUTION
            elif kind != "slogan":
                found = self._ranked(i, found)
            elif kind == "slogan" and found.speaker is None:
                found = replace(found, speaker=slogan_crowd(self.text, span.open_at))
            if kind == "slogan" and found.said_on is None:
                found = replace(found, said_on=self._chanted_on(self.frames[i], span))
            self.done.append(found)
            out.append(self._record(span, kind, found))
        named = one_name_per_person(out, [p.name for p in self.coref.people])
        return dated_by_occasion(self.nlp, self.frames_of, self.spans, named, self.base)

    def options(self, i: int, found: _Attributed) -> list[Option]:
        """The speaker candidates of quotation ``i`` given the rules' ``found`` (the ranker's input)."""
        span, frame = self.spans[i], self.frames[i]
        previous = next((d.speaker for d in reversed(self.done[:i]) if d.speaker), None)
        where = (span.open_at, span.close_at), (frame.start, frame.end), self.quoted[frame.region]
        earlier = self.frames_of.sentence_before(frame.start, frame.region)
        context = QuoteContext(*where, self.named, self.counts, previous, earlier.start if earlier else None)
        return speaker_options(self.coref, context, found.mention, found.speaker, found.cue is not None)

    def _ranked(self, i: int, found: _Attributed) -> _Attributed:
        """The rules' attribution, or another name of the sentence the ranker prefers."""
        found, dropped = self._past_dateline(found)
        options = self.options(i, found)
        if dropped:  # the rules' answer was the dateline: another name of the sentence, if any
            best = self.ranker.best(options[1:])
            return found if best is None else replace(found, mention=best.mention, speaker=best.speaker)
        best = self.ranker.best(options) or options[0]
        return found if best is options[0] else replace(found, mention=best.mention, speaker=best.speaker)

    def _past_dateline(self, found: _Attributed) -> tuple[_Attributed, bool]:
        """The attribution without the dateline its mention starts in (``LONDON (Reuters) - ``),
        and whether the speaker was the dateline's place, which never speaks: it is where the
        story was filed."""
        mention = found.mention
        end = dateline_end(self.text, mention.start) if mention is not None else None
        if mention is None or end is None:
            return found, False
        if end >= mention.end or (found.speaker and found.speaker in self.text[mention.start : end]):
            return replace(found, mention=None, speaker=None), True
        return replace(found, mention=Span(end, mention.end, self.text[end : mention.end])), False

    def _own(self, i: int) -> Attribution | None:
        span, frame = self.spans[i], self.frames[i]
        return find_attribution(
            self.parsed[i],
            (span.start, span.end),
            self.quoted[frame.region],
            (frame.start, frame.end),
            self.names,
        )

    def _sentences_before(self, wanted: list[int]) -> dict[int, ParsedStretch]:
        """Parses of the sentence before each quotation in ``wanted``, in one batch."""
        stretches: dict[int, Stretch] = {}
        for i in wanted:
            frame = self.frames[i]
            previous = self.frames_of.sentence_before(frame.start, frame.region)
            if previous is not None:
                stretches[i] = self.frames_of.stretch_of_sentence(previous, frame.region)
        return dict(zip(stretches, self.nlp.parse_stretches(list(stretches.values())), strict=True))

    def _enclosing(self, i: int) -> str | None:
        parent = self.spans[i].parent
        return self.done[parent].speaker if parent is not None else None

    def _attributed(self, i: int, own: Attribution | None) -> _Attributed:
        if own is None:
            return NO_ATTRIBUTION
        speaker = resolve_speaker(own, self.coref, self._enclosing(i))
        said_on = self._said_on(self.parsed[i], own, self.quoted[self.frames[i].region])
        return _Attributed(own.cue, own.mention, speaker, said_on)

    def _adjacent(self, i: int) -> _Attributed | None:
        """A speaker right after the quotation that the parse missed ("“…,” the editorial read")."""
        span, region = self.spans[i], self.frames[i].region
        att = adjacent_attribution(
            self.parsed[i], (span.start, span.end), span.close_at, self.quoted[region], self.names
        )
        if att is None:
            return None
        return _Attributed(att.cue, att.mention, resolve_speaker(att, self.coref, None), None)

    def _with_context(self, found: _Attributed, i: int, previous: ParsedStretch | None) -> _Attributed:
        """A quotation whose sentence names no speaker takes the one of its context; a cue of its
        own with no subject ("Adding, “…”") is kept as the cue."""
        context = self._from_context(i, previous)
        if found.cue is None:
            return context
        return replace(found, mention=context.mention, speaker=context.speaker) if context.mention else found

    def _from_context(self, i: int, previous: ParsedStretch | None) -> _Attributed:
        """A quotation with no attribution in its sentence: a label after it (``“…” - Clinton``), a
        clause introducing it with a colon, the quote or the attribution of the sentence before,
        or an earlier quote of its paragraph."""
        span = self.spans[i]
        labelled = self._labelled(dash_after(self.text, span.close_at)) or self._labelled(
            name_line_after(self.text, span.end), person=True
        )
        if labelled is not None:
            return labelled
        frame = self.frames[i]
        quoted = self.quoted[frame.region]
        colon = introduced_attribution(
            self.parsed[i], (span.start, span.end), span.open_at, quoted, self.names
        )
        if colon is not None and colon.mention is not None:
            speaker = resolve_speaker(colon, self.coref, self._enclosing(i))
            return _Attributed(colon.cue, colon.mention, speaker, None)
        if previous is not None:
            inherited = self._inherit(i, previous.stretch.start)
            if inherited is not None:
                return inherited
            att = sentence_attribution(previous, quoted, self.names)
            if att is not None and att.mention is not None and att.kind == "speech":
                speaker = resolve_speaker(att, self.coref, self._enclosing(i))
                return _Attributed(att.cue, att.mention, speaker, self._said_on(previous, att, quoted))
        paragraph = max(self.text.rfind("\n", 0, self.spans[i].open_at) + 1, frame.region[0])
        return self._inherit(i, paragraph) or NO_ATTRIBUTION

    def _inherit(self, i: int, since: int) -> _Attributed | None:
        """The attribution of the nearest earlier quote of the same region that opens after ``since``."""
        region = self.frames[i].region
        for j in range(i - 1, -1, -1):
            if self.spans[j].close_at < since:
                return None
            if self.frames[j].region == region and self.done[j].mention is not None:
                return self.done[j]
        return None

    def _line_labelled(self, span: QuoteSpan) -> _Attributed | None:
        """A speaker named at the start of the quotation's line: ``Cruz: Trump Would …, ‘…’``, or a
        headline that starts with a name NER found (``Lena Marsh Praises Harbour Board: ‘…’``)."""
        labelled = self._labelled(line_label(self.text, span.open_at))
        if labelled is not None and labelled.mention is not None:
            named = self._leading_name(labelled.mention)
            if named is None or named.end == labelled.mention.end:
                return labelled  # the label is a name ("Kasich: ‘…’"), or NER saw none in it
        label = headline_label(self.text, span.open_at)
        named = self._leading_name(label.name) if label is not None else None
        return self._labelled(Label(named, named)) if named is not None else None

    def _leading_name(self, label: Span) -> Span | None:
        """The person or organisation name NER found at the start of ``label``, if any."""
        for start, end in self.names:
            if start == label.start and end <= label.end:
                return Span(start, end, self.text[start:end])
        return None

    def _labelled(self, label: Label | None, person: bool = False) -> _Attributed | None:
        """A label's speaker: a name NER found there, else a name-like label resolved by its words.

        With ``person`` the label must start with a person NER found ("Rising Tensions." on the
        line after a quotation is a subheading).
        """
        if label is None:
            return None
        name = label.name
        if self.coref.names_a_place(name.start, name.end):
            return None  # "SPOKANE: …", "South Dakota: …": a dateline or a heading, not a speaker
        found = self.coref.referent_at(name.start, name.end)
        if person and (
            found is None or found.kind != "PER" or not any(a == name.start for a, _ in self.names)
        ):
            return None
        if found is None and looks_like_name(name.text):
            found = self.coref.resolve_name(name.text, name.start)
        if found is None:
            return None  # "– An immigrant himself –" is a subheading, not a speaker
        return _Attributed(label.cue, label.mention, found.name, None)

    def _kind(self, i: int, own: Attribution | None, found: _Attributed, utterance: bool) -> QuoteKind:
        span, frame = self.spans[i], self.frames[i]
        before = self.text[frame.start : span.open_at].rstrip()
        crowd = own is not None and own.head is not None and own.head.text.lower() in CROWD_NOUNS
        if own is not None and (own.kind == "chant" or (crowd and own.governs)):
            return "slogan"
        named = own is not None and own.kind == "naming" and own.mention is not None
        if not named and (in_title_list(self.text, self.spans, span) or self._work_title(span, before)):
            return "scare"  # "hits including “Black Water,” “China Grove”", "the documentary “13th”"
        if not named and labels_a_noun(self.parsed[i], span, found.mention is not None):
            return "scare"  # "“Broad City” star Arturo Castro", "the “zero tolerance” policy"
        if (SCARE_MARKER.search(before) and not named) or (span.depth and (own is None or own.loose)):
            # "the so-called “…”"; inside a quotation only words with a cue of their own are speech
            return "scare"
        if utterance:
            unclaimed = found.mention is None and found.cue is None
            # a stand-alone title with no one saying it: “The Long Winter”, “Friends”
            return "scare" if unclaimed and is_title(self.text[span.start : span.end]) else "direct"
        return self._fragment_or_scare(span, before, own, found)

    def _fragment_or_scare(
        self, span: QuoteSpan, before: str, own: Attribution | None, found: _Attributed
    ) -> QuoteKind:
        """Quoted words inside the writer's sentence: someone's fragment, or the writer's term."""
        venue = VENUE_BEFORE.search(before) or own is None or own.loose or own.via_preposition
        title = is_title(self.text[span.start : span.end])
        if title and venue and not self._names_in_title_case(own, found):
            return "scare"  # "said on “Meet the Press”", "starred in “The Apprentice”"
        if own is not None and (own.mention is not None or (own.governs and not own.loose)):
            return "fragment"
        return "fragment" if found.mention is not None else "scare"

    def _work_title(self, span: QuoteSpan, before: str) -> bool:
        """A title-case quotation right after a noun naming a work is the work's title."""
        return bool(WORK_BEFORE.search(before)) and is_title(self.text[span.start : span.end])

    @staticmethod
    def _names_in_title_case(own: Attribution | None, found: _Attributed) -> bool:
        """Title-case words that are still someone's: under a headline label ("Marsh: Council’s
        ‘Reckless Spending Plan’"), or a name someone gives ("calling the mayor “Little Napoleon”")."""
        if found.cue is None and found.mention is not None:
            return True
        return own is not None and own.kind == "naming" and own.head_kind in ("name", "pronoun", "relative")

    def _said_on(self, parsed: ParsedStretch, att: Attribution, quoted: list[tuple[int, int]]) -> str | None:
        """The date the parse attaches to the cue ("said on Sunday"), resolved with its granularity."""
        return cue_date(parsed, att.cue.start, quoted, self.base)

    def _chanted_on(self, frame: Frame, span: QuoteSpan) -> str | None:
        """A slogan is chanted at the protests its sentence describes: the date nearest before it there."""
        return nearest_date_before(self.text, frame.start, span.open_at, self.base)

    def _record(self, span: QuoteSpan, kind: QuoteKind, found: _Attributed) -> Quote:
        return Quote(
            id=stable_id(self.article.id, "quote", span.start, span.end),
            article=self.article.id,
            start=span.start,
            end=span.end,
            text=self.text[span.start : span.end],
            kind=kind,
            speaker=clean_name(found.speaker) if found.speaker else None,
            speaker_mention=found.mention,
            cue=found.cue.text if found.cue is not None else None,
            said_on=found.said_on,
        )
