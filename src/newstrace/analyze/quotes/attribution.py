"""Find the cue and the speaker mention of a quotation in the dependency parse of its sentence.

The quotation's words hang somewhere in the parse of the sentence around it. Going up from
them, the first reporting verb of the lexicon (:mod:`newstrace.analyze.quotes.cues`) is the cue
(``said`` in ``“…,” he said``; ``called`` in ``what Rajavi called “…”``); a noun that carries
words (``a statement saying``, ``slogans like``, ``a message that``) serves too. ``according to
X`` is a cue whose speaker is ``X``. When nothing above the quotation is a cue, the nearest
cue of the sentence is taken (parsers often attach ``he said`` loosely).

Two conventions, measured on PolNeAR train: a reporting verb above the cue is preferred to it
(``Israel said Clinton called on members to be “closely coordinated”`` is Israel's account, as
PARC-style annotation attributes it), and a verb to a noun below it (``called Trump's remarks
“racist”`` is a calling, not a remark). A quotation inside a cue's subject is not that
subject's words (``one of the original “big four” negotiators said``). Failing a cue, a
quotation under a verb whose subject is someone is attributed loosely (``Trump blasted Disney
for its “outrageous practices”``), unless it is that verb's direct object.

The speaker and the mention come from :mod:`newstrace.analyze.quotes.speaker_mentions`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import takewhile
from typing import TYPE_CHECKING

from newstrace.analyze.nlp import ParsedStretch
from newstrace.analyze.quotes.cues import SPEAKER_NOUNS, CueKind, cue_kind_of_word
from newstrace.analyze.quotes.speaker_mentions import (
    EXPLETIVES,
    SUBJECTS,
    HeadKind,
    MentionFinder,
    classify_head,
    first_governor_after,
    is_verb,
    someone,
)
from newstrace.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "Attribution",
    "adjacent_attribution",
    "find_attribution",
    "introduced_attribution",
    "sentence_attribution",
]

MAX_ANCESTORS = 12  # heads walked up from a quotation to find its cue
# Clauses that modify a verb rather than report what it says: "while X chanted", "who said".
MODIFIER_CLAUSES = frozenset({"advcl", "relcl", "acl"})
MAX_ADJACENT = 8  # words after a closing mark searched for "the editorial read", "said the woman"
# Verbs that link a subject to a description rather than to words: "Mr. Obama was a ''socialist''".
LIGHT_VERBS = frozenset(
    """be is are was were been being 's 're am have has had having get gets got getting become becomes
    became seem seems seemed remain remains remained do does did""".split()
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quotation is attributed to in its sentence, as the text says it.

    ``mention`` is the speaker's noun phrase and ``head`` its head word; ``antecedent`` is the
    phrase a relative pronoun stands for; ``names`` are proper-name words of the phrase's head
    (or of its appositive: "the Mojahedin leader (Massoud Rajavi)").
    """

    cue: Span
    kind: CueKind
    mention: Span | None
    head: Span | None
    head_kind: HeadKind | None
    antecedent: Span | None = None
    names: Span | None = None
    governs: bool = True  # the cue is above the quotation in the parse (not merely nearby)
    loose: bool = False  # the cue is not a reporting word, only a verb whose subject is someone
    via_preposition: bool = False  # the quotation hangs from the cue through a preposition


def find_attribution(
    parsed: ParsedStretch,
    quote: tuple[int, int],
    quoted: Sequence[tuple[int, int]],
    frame: tuple[int, int] | None = None,
    names: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """The attribution of the quotation at article offsets ``quote`` in ``parsed``.

    ``quoted`` are all the quoted stretches of the parse (this one included): their words are
    never cue nor speaker. ``frame`` is the quotation's own sentence(s) within the parse: a cue
    that does not govern the quotation must lie there. ``names`` are the article offsets of
    person and organisation names (from NER): when the parse gives a cue no subject
    (``said Skelly`` parsed as an adverb), the name next to the cue is the speaker.
    """
    finder = CueFinder(parsed, quoted, names, quote)
    words = [t for t in parsed.doc if _inside(parsed.bounds(t), quote)]
    if not words:
        return None
    cue = finder.governing_cue(words)
    if cue is not None:
        found = finder.attribution(cue, governs=True)
        return replace(found, via_preposition=finder.via_preposition(words, cue))
    cue = finder.nearest_cue(words, frame or (parsed.stretch.start, parsed.stretch.end))
    if cue is not None:
        return finder.attribution(cue, governs=False)
    verb = finder.governing_verb(words)
    if verb is not None:
        found = finder.attribution(verb, governs=True, loose=True)
        return replace(found, via_preposition=finder.via_preposition(words, verb))
    return None


def sentence_attribution(
    parsed: ParsedStretch, quoted: Sequence[tuple[int, int]], names: Sequence[tuple[int, int]] = ()
) -> Attribution | None:
    """The attribution a sentence makes with no quotation of its own ("Khamenei explained:").

    The cue is the sentence's main reporting verb with a subject: the root if it is one, else the
    last such verb.
    """
    finder = CueFinder(parsed, quoted, names)
    cues = [t for t in parsed.doc if is_verb(t) and finder.cue_of(t) is not None and finder.active_subject(t)]
    if not cues:
        return _introducing(finder)
    root = next((t for t in cues if t.dep_ == "ROOT"), cues[-1])
    return finder.attribution(root, governs=False)


def _introducing(finder: CueFinder, before: int | None = None) -> Attribution | None:
    """ "Trump issued the following statement:" — a clause ending in a colon introduces what
    follows; the subject of its main verb is the speaker. ``before``: the article offset where
    the introduced quotation opens (default: the colon ends the stretch)."""
    parsed = finder.parsed
    end = before if before is not None else parsed.stretch.end
    tokens = [t for t in parsed.doc if parsed.bounds(t)[1] <= end and not t.is_space]
    if not tokens or tokens[-1].text != ":":
        return None
    colon = tokens[-1]
    verb = colon.head if is_verb(colon.head) else next((t for t in tokens if t.dep_ == "ROOT"), None)
    subject = finder.own_subject(verb) if verb is not None and is_verb(verb) else None
    if verb is None or subject is None or subject.lower_ in EXPLETIVES or not finder.outside(subject):
        return None
    return finder.attribution(verb, governs=False, loose=True)


def introduced_attribution(
    parsed: ParsedStretch,
    quote: tuple[int, int],
    open_at: int,
    quoted: Sequence[tuple[int, int]],
    names: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """The attribution of a quotation (opening mark at ``open_at``) that a clause of its own
    sentence introduces with a colon ("The Board was conclusive in its findings: “…”")."""
    finder = CueFinder(parsed, quoted, names, quote)
    return _introducing(finder, before=open_at)


def adjacent_attribution(
    parsed: ParsedStretch,
    quote: tuple[int, int],
    close_at: int,
    quoted: Sequence[tuple[int, int]],
    names: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """``“…,” the editorial read.`` / ``“…,” said the woman.``: a reporting word right after the
    closing mark, next to a noun phrase, whatever tags the parser gave them (the "quote, mention,
    verb" pattern of rule-based quote attribution, used when the parse found no speaker)."""
    finder = CueFinder(parsed, quoted, names, quote)
    window: list[Token] = []
    for token in (t for t in parsed.doc if parsed.bounds(t)[0] > close_at and not t.is_space):
        if token.text in ".;:!?" or len(window) >= MAX_ADJACENT:
            break
        if window or not token.is_punct:
            window.append(token)
    at = next((k for k, t in enumerate(window) if cue_kind_of_word(t.text) == "speech"), None)
    if at is None:
        return None
    phrase = window[:at] if at else list(takewhile(lambda t: t.text != ",", window[1:]))
    if not phrase or any(is_verb(t) and cue_kind_of_word(t.text) is None for t in phrase):
        return None
    cue, head = window[at], phrase[-1]
    mention = finder.span(phrase[0], head)
    kind: HeadKind = (
        "name" if head.text[:1].isupper() and head.lower_ not in SPEAKER_NOUNS else classify_head(head)
    )
    names_span = mention if kind == "name" else None
    return Attribution(
        finder.span(cue, cue), "speech", mention, finder.span(head, head), kind, None, names_span, False
    )


def _inside(bounds: tuple[int, int], span: tuple[int, int]) -> bool:
    return span[0] <= bounds[0] and bounds[1] <= span[1]


PERSON_PRONOUNS = frozenset({"he", "she"})


class CueFinder(MentionFinder):
    """Finds the cue of a quotation and assembles its attribution."""

    def governing_cue(self, words: list[Token]) -> Token | None:
        """The first cue above the quotation's words in the parse.

        A verb is preferred to a noun below it (``called Trump's remarks “racist”`` is a calling,
        not a remark), and a reporting verb above the cue is preferred to it
        (``Israel said Clinton called on members to be “closely coordinated”``).
        """
        inside = {t.i for t in words}
        best: tuple[int, Token] | None = None
        for root in _roots(words, inside):
            found = self._cue_above(root, inside)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return best[1] if best else None

    def _cue_above(self, root: Token, inside: set[int]) -> tuple[int, Token] | None:
        """The cue above ``root`` (with its distance), or None when the quotation is part of the
        cue's subject ("one of the original “big four” negotiators said"): the subject's words
        are not what the subject said."""
        found: tuple[int, Token] | None = None
        child = root
        for depth, ancestor in enumerate(_ancestors(root)):
            below, child = child, ancestor
            if ancestor.i in inside or self.cue_of(ancestor) is None:
                continue
            if below.dep_ in SUBJECTS:
                return found
            if found is None:
                found = (depth, ancestor)
            elif is_verb(ancestor) and (not is_verb(found[1]) or self._reports(ancestor)):
                if is_verb(found[1]) and self._said_by_pronoun(found[1]) and self._named_subject(ancestor):
                    return found  # "X said he called it “…”": the nearer clause names the speaker too
                if below.dep_ in MODIFIER_CLAUSES:
                    return found  # "While protesters chanted “…”, the speaker spoke": not reported by it
                found = (found[0], ancestor)
        return found

    def via_preposition(self, words: list[Token], cue: Token) -> bool:
        """Whether the quotation hangs from the cue through a preposition ("said on “Meet the Press”")."""
        for root in _roots(words, {t.i for t in words}):
            for ancestor in _ancestors(root):
                if ancestor.i == cue.i:
                    break
                if ancestor.dep_ == "prep" or ancestor.tag_ == "IN":
                    return True
        return False

    def _said_by_pronoun(self, verb: Token) -> bool:
        """Whether the cue ``verb`` has a personal pronoun of one person as its own subject."""
        subject = self.own_subject(verb)
        return subject is not None and subject.lower_ in PERSON_PRONOUNS

    def _named_subject(self, verb: Token) -> bool:
        """Whether the own subject of ``verb`` lies in a name NER found (a pronoun after it has an
        antecedent to resolve to)."""
        subject = self.own_subject(verb)
        if subject is None:
            return False
        start, end = self.parsed.bounds(subject)
        return any(a <= start and end <= b for a, b in self.names)

    def _reports(self, verb: Token) -> bool:
        subject = self.own_subject(verb)
        return self.cue_of(verb) == "speech" and subject is not None and someone(subject)

    def governing_verb(self, words: list[Token]) -> Token | None:
        """The first verb above the quotation whose subject is someone ("Trump blasted ... for its
        “outrageous practices”"). A quotation that is the verb's own direct object is the thing
        acted on, not words ("he is desperate to convince his “enemies”")."""
        inside = {t.i for t in words}
        for root in _roots(words, inside):
            below = root
            for ancestor in _ancestors(root):
                below, on_path = ancestor, below
                if on_path.dep_ in SUBJECTS:
                    break
                if ancestor.i in inside or not is_verb(ancestor) or ancestor.lower_ in LIGHT_VERBS:
                    continue
                if on_path.dep_ == "dobj" and on_path.i in inside:
                    return None
                subject = self.own_subject(ancestor)
                if subject is not None and someone(subject):
                    return ancestor
        return None

    def nearest_cue(self, words: list[Token], frame: tuple[int, int]) -> Token | None:
        """The nearest cue with a subject in the quotation's own sentence(s)."""
        first, last = words[0], words[-1]
        candidates = [
            t
            for t in self.parsed.doc
            if _inside(self.parsed.bounds(t), frame)
            and is_verb(t)
            and self.cue_of(t) is not None
            and (self.subject(t) is not None or self.name_next_to(t) is not None)
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.i - first.i), abs(t.i - last.i)))

    # ------------------------------------------------------------------ speakers
    def attribution(self, cue: Token, governs: bool, loose: bool = False) -> Attribution:
        kind = self.cue_of(cue) or "speech"
        cue_span = self.span(cue, _cue_end(cue))
        speaker = self.subject(cue)
        if speaker is None or (speaker.i < cue.i and not someone(speaker)):
            speaker = self.inverted(cue) or speaker
        if kind == "chant" and speaker is not None and not someone(speaker):
            speaker = None  # "the protests spread, with slogans like …": a crowd chants, not a protest
        if kind == "naming" and _passive(cue, speaker):
            # "HP is called “farmer's lung”", "what's been dubbed “…”": a name given, nobody's words
            return Attribution(cue_span, kind, None, None, None, governs=governs, loose=True)
        if speaker is None:
            near = self.name_next_to(cue)
            head_kind: HeadKind = "name"
            if near is None:
                near = self.adjacent_phrase(cue)
                head_kind = classify_head(near[1]) if near is not None else "name"
            if near is None:
                return Attribution(cue_span, kind, None, None, None, governs=governs, loose=loose)
            first, last = near
            mention = self.span(first, last)
            names = mention if head_kind == "name" else None
            return Attribution(
                cue_span, kind, mention, self.span(last, last), head_kind, None, names, governs, loose
            )
        mention = self.phrase_span(speaker, stop_at=first_governor_after(speaker, cue))
        head_kind, antecedent = classify_head(speaker), None
        if head_kind == "relative":
            verb = speaker.head
            if verb.dep_ == "relcl":
                antecedent = self.phrase_span(verb.head, stop_at=verb)
        names = self.names_of(speaker)
        if names is not None and mention.end > names.end:
            # "Army Capt. Christian Pardo": the phrase ran on through an abbreviation to the name
            names = next(
                (
                    Span(a, b, self.parsed.text[a:b])
                    for a, b in self.names
                    if b == mention.end and self.parsed.text[names.end : a].strip() == "."
                ),
                names,
            )
        return Attribution(
            cue_span, kind, mention, self.span(speaker, speaker), head_kind, antecedent, names, governs, loose
        )


def _roots(words: list[Token], inside: set[int]) -> list[Token]:
    """The quotation's words whose head lies outside it (or that head the whole parse)."""
    return [t for t in words if t.head.i not in inside or t.head.i == t.i]


def _ancestors(token: Token) -> Iterator[Token]:
    current = token
    for _ in range(MAX_ANCESTORS):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def _passive(cue: Token, subject: Token | None) -> bool:
    """Whether a naming cue is in the passive: its subject is what is named, not who names it."""
    passive_subject = subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == cue.i
    return passive_subject or (subject is None and any(c.dep_ == "auxpass" for c in cue.children))


def _cue_end(cue: Token) -> Token:
    """The last word of the cue: "point out", "according to", "went on"."""
    for child in cue.children:
        if child.dep_ == "prt" or (cue.lower_ == "according" and child.lower_ == "to"):
            return child
        if child.dep_ == "dobj" and child.lower_ == "it" and child.i == cue.i + 1:
            return child  # "put it"
    return cue
