"""When the words were said: the date of a quotation's own cue, or of the occasion it was said at.

- **the cue's date**: a date expression the parse attaches to the cue (``said on Sunday``, ``told
  reporters Tuesday``, ``said at a rally last week``), resolved against the published date with
  the granularity the text gives;
- **the occasion's date**: a sentence that dates an occasion of speech (a date attached to a
  reporting verb, or to an occasion noun: ``Speaking on state television on Tuesday, the minister
  warned …``, ``in a speech in May``, ``Tuesday's rally``) dates the quotations that follow it,
  until another occasion is named (``in an interview with …`` with no date ends it: the words
  after it were said there, on a day the text does not give). A quotation dated by its own cue
  is such an occasion too (``“A,” she said on Monday. “B,” she added.``);
- **slogans**: a slogan is chanted at the protest its sentence describes: the date nearest before
  it there, else the occasion's.

A date after the article's published date is a plan (``will hold a rally on Friday``), never the
day words were said. A plural event noun (``protests were held last year``) names past events
in general, not the occasion of the words, so it neither dates nor ends one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newstrace.analyze.nlp import ArticleNLP, ParsedStretch, Stretch
from newstrace.analyze.quotes.cues import cue_kind_of_word
from newstrace.analyze.quotes.frames import FrameBuilder
from newstrace.analyze.quotes.marks import QuoteSpan
from newstrace.model import Quote
from newstrace.text.dates import DateExpression, PartialDate, find_date_expressions

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "OCCASION_NOUNS",
    "cue_date",
    "dated_by_occasion",
    "dated_occasion",
    "names_occasion",
    "nearest_date_before",
    "occasion_marks",
]

MAX_DATE_HOPS = 3  # "said on Sunday": Sunday -> on -> said; "at a rally last week": week -> rally
# Singular nouns of an occasion where words are said or written: an event, or a message that is
# itself the occasion ("in a statement on Monday"). Not things that carry words in general
# ("the release of documents in 2010", "a book published in 2003").
OCCASION_NOUNS = frozenset(
    """speech address interview rally conference briefing hearing meeting summit debate session
    appearance broadcast podcast show programme program visit event ceremony gathering protest
    demonstration march vigil game match concert performance trial talk call sermon lecture
    statement tweet post letter message email e-mail remarks testimony announcement comment""".split()
)
# "at a rally", "in an interview with", "during the hearing": an occasion named by a preposition.
NAMED_OCCASION = re.compile(
    r"\b(?:at|in|during|on|after|before)\s+(?:a|an|the|his|her|their|its|this|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(" + "|".join(sorted(OCCASION_NOUNS, key=len, reverse=True)) + r")\b",
    re.I,
)

NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod"})  # spaCy's labels of a noun's premodifiers
WORD_FORMS = re.compile(r"\w+(?:[-'’]\w+)*")  # a superset of the parser's word tokens ("e-mail")
WORD_PARTS = re.compile(r"[-'’]")


def _dates(
    parsed: ParsedStretch, quoted: Sequence[tuple[int, int]], base: PartialDate | None
) -> list[tuple[DateExpression, int, int]]:
    """The resolved date expressions of ``parsed`` outside quotations, with article offsets; no
    date after the published one."""
    return _dates_between(parsed.text, parsed.stretch.start, parsed.stretch.end, quoted, base)


def _dates_between(
    text: str, start: int, end: int, quoted: Sequence[tuple[int, int]], base: PartialDate | None
) -> list[tuple[DateExpression, int, int]]:
    """As :func:`_dates`, for ``text[start:end]`` (no parse needed)."""
    out = []
    for expr in find_date_expressions(text[start:end], base):
        a, b = start + expr.start, start + expr.end
        if expr.value is None or any(x <= a < y for x, y in quoted) or _after(expr.value, base):
            continue
        out.append((expr, a, b))
    return out


def _after(value: PartialDate, base: PartialDate | None) -> bool:
    if base is None:
        return False
    iso, published = value.iso(), base.iso()
    size = min(len(iso), len(published))
    return iso[:size] > published[:size]


def cue_date(
    parsed: ParsedStretch, cue_start: int, quoted: Sequence[tuple[int, int]], base: PartialDate | None
) -> str | None:
    """The date the parse attaches to the cue starting at article offset ``cue_start``."""
    cue = next((t for t in parsed.doc if parsed.bounds(t)[0] == cue_start), None)
    if cue is None:
        return None
    for expr, a, b in _dates(parsed, quoted, base):
        tokens = [t for t in parsed.doc if a <= parsed.bounds(t)[0] < b]
        if any(_attached_to(t, lambda head: head.i == cue.i) for t in tokens):
            assert expr.value is not None
            return expr.value.iso()
    return None


def dated_occasion(
    parsed: ParsedStretch, quoted: Sequence[tuple[int, int]], base: PartialDate | None
) -> str | None:
    """The date of an occasion of speech the sentence dates, else None: a date attached to a
    reporting verb or to a singular occasion noun ("Tuesday's rally"), or to a verb whose clause
    reports words or names such an occasion ("surrounded the Statehouse on Tuesday … in a
    protest"; "before the game Tuesday, the coach expressed confidence, saying …")."""
    outside = [t for t in parsed.doc if _outside_quotes(parsed, t, quoted)]
    for expr, a, b in _dates(parsed, quoted, base):
        tokens = [t for t in parsed.doc if a <= parsed.bounds(t)[0] < b]
        verbs = [v for v in (_verb_above(t) for t in tokens) if v is not None]
        in_clause = {t.i for v in verbs for t in v.subtree} & {t.i for t in outside}
        if any(_attached_to(t, _occasion_word) for t in tokens) or any(
            _occasion_word(parsed.doc[i]) for i in in_clause
        ):
            assert expr.value is not None
            return expr.value.iso()
    return None


def _outside_quotes(parsed: ParsedStretch, token: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    start = parsed.bounds(token)[0]
    return not any(a <= start < b for a, b in quoted)


def _verb_above(token: Token) -> Token | None:
    """The first verb above ``token`` (the clause a date modifies)."""
    current = token
    for _ in range(MAX_DATE_HOPS):
        if current.head.i == current.i:
            return current if str(current.tag_).startswith("VB") else None
        current = current.head
        if str(current.tag_).startswith("VB"):
            return current
    return None


def names_occasion(sentence: str) -> bool:
    """Whether a sentence names an occasion of speech (``in an interview with CNN``)."""
    return NAMED_OCCASION.search(sentence) is not None


def nearest_date_before(text: str, start: int, end: int, base: PartialDate | None) -> str | None:
    """The last resolved date in ``text[start:end]`` (a slogan's protest), not after publication."""
    dates = [e.value for e in find_date_expressions(text[start:end], base) if e.value is not None]
    dates = [d for d in dates if not _after(d, base)]
    return dates[-1].iso() if dates else None


def _occasion_word(token: Token) -> bool:
    if str(token.tag_).startswith("VB"):
        return cue_kind_of_word(token.text) == "speech"
    # the noun heads its phrase: one that modifies another noun ("a 10-game stretch", "the rally
    # organisers") names that other thing, not an occasion
    return token.tag_ == "NN" and token.lower_ in OCCASION_NOUNS and token.dep_ not in NOUN_MODIFIERS


def _attached_to(token: Token, target: Callable[[Token], bool]) -> bool:
    """Whether a head within MAX_DATE_HOPS of ``token`` passes ``target``, without crossing
    another verb."""
    current = token
    for _ in range(MAX_DATE_HOPS):
        head = current.head
        if head.i == current.i:
            return False
        if target(head):
            return True
        if str(head.tag_).startswith("VB"):
            return False
        current = head
    return False


def dated_by_occasion(
    nlp: ArticleNLP,
    frames: FrameBuilder,
    spans: Sequence[QuoteSpan],
    quotes: Sequence[Quote],
    base: PartialDate | None,
) -> list[Quote]:
    """The quotes (one per span) where each undated one takes the date of the latest occasion
    (:func:`occasion_marks`) or dated quotation that opens at or before it."""
    quoted = [(s.start, s.end) for s in spans if s.depth == 0]
    marks = occasion_marks(nlp, frames, quoted, base) + [
        (span.open_at, q.said_on)
        for span, q in zip(spans, quotes, strict=True)
        if q.said_on and span.depth == 0
    ]
    marks.sort(key=lambda m: m[0])
    dated = []
    for span, quote in zip(spans, quotes, strict=True):
        before = [date for at, date in marks if at <= span.open_at]
        occasion = before[-1] if before else None
        undated = quote.said_on is None and quote.kind != "scare" and span.depth == 0
        dated.append(replace(quote, said_on=occasion) if undated and occasion else quote)
    return dated


def occasion_marks(
    nlp: ArticleNLP, frames: FrameBuilder, quoted: Sequence[tuple[int, int]], base: PartialDate | None
) -> list[tuple[int, str | None]]:
    """The sentences of an article that name an occasion of speech: where each starts, and the
    occasion's date (None: an occasion the text does not date). ``quoted``: the quotations."""
    text = nlp.text
    region = (0, len(text))
    named: list[tuple[int, str | None]] = []
    stretches: dict[int, Stretch] = {}
    known: dict[str, bool] = {}
    for sentence in nlp.sentences:
        words = text[sentence.start : sentence.end]
        if _may_date_an_occasion(words, known) and any(
            e.value is not None for e in find_date_expressions(words, base)
        ):
            stretch = frames.stretch_of_sentence(sentence, region)
            if _dates_between(text, stretch.start, stretch.end, quoted, base):
                stretches[sentence.start] = stretch
            elif names_occasion(_outside(text[stretch.start : stretch.end], stretch.start, quoted)):
                named.append((sentence.start, None))  # what the parse would give: no date to attach
        elif names_occasion(_outside(words, sentence.start, quoted)):
            named.append((sentence.start, None))
    parses = nlp.parse_stretches(list(stretches.values()))
    for start, parsed in zip(stretches, parses, strict=True):
        date = dated_occasion(parsed, quoted, base)
        words = text[parsed.stretch.start : parsed.stretch.end]
        if date is not None or names_occasion(_outside(words, parsed.stretch.start, quoted)):
            named.append((start, date))
    return named


def _may_date_an_occasion(words: str, known: dict[str, bool]) -> bool:
    """Whether a sentence holds a word that :func:`dated_occasion` needs (an occasion noun or a
    verb of speech): the parse of a sentence without one cannot date an occasion, so it is skipped
    (the same result, without parsing most dated sentences). ``known`` keeps each word's answer
    for the article's other sentences."""
    for match in WORD_FORMS.finditer(words):
        word = match.group()
        found = known.get(word)
        if found is None:
            found = known[word] = any(
                form.lower() in OCCASION_NOUNS or cue_kind_of_word(form) == "speech"
                for form in {word, *WORD_PARTS.split(word)}
            )
        if found:
            return True
    return False


def _outside(words: str, start: int, quoted: Sequence[tuple[int, int]]) -> str:
    """``words`` (at article offset ``start``) with the quoted stretches blanked out."""
    chars = list(words)
    for a, b in quoted:
        for i in range(max(a, start), min(b, start + len(words))):
            chars[i - start] = " "
    return "".join(chars)
