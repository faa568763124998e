"""Find the cue and the speaker mention of a quotation in the dependency parse of its sentence.

The quotation's words hang somewhere in the parse of the sentence around it. Going up from
them, the first reporting verb of the lexicon (:mod:`newstrace.analyze.cues`) is the cue
(``said`` in ``“…,” he said``; ``called`` in ``what Rajavi called “…”``); a noun that carries
words (``a statement saying``, ``slogans like``, ``a message that``) serves too. ``according to
X`` is a cue whose speaker is ``X``. When nothing above the quotation is a cue, the nearest
cue of the sentence is taken (parsers often attach ``he said`` loosely).

The speaker is the cue's subject; a cue without one (``adding``, ``went on to say``,
``referring to``, ``was quoted as saying``) takes the subject of the verb it depends on. The
mention is that subject's whole noun phrase (``Geoff Garin, a Democratic pollster ...``), as
annotated corpora mark it; its head word says whether it is a pronoun, a name or a
description, and ``who`` in ``Trump, who said`` points back to ``Trump``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from newstrace.analyze.cues import MESSAGE_NOUNS, SLOGAN_NOUNS, SPEAKER_NOUNS, CueKind, base_forms, cue_kind_of_word
from newstrace.analyze.dates import MONTHS, WEEKDAYS
from newstrace.analyze.nlp import ParsedStretch
from newstrace.model import Span

__all__ = ["Attribution", "HeadKind", "find_attribution", "introduced_attribution", "sentence_attribution"]

HeadKind = Literal["pronoun", "relative", "name", "nominal", "group"]
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A cue without a subject of its own inherits the subject of the verb it depends on.
CLIMB_DEPS = frozenset(
    {"xcomp", "advcl", "conj", "pcomp", "prep", "ccomp", "acl", "dep", "parataxis", "acomp"}
)
EXPLETIVES = frozenset({"it", "this", "that", "there", "which"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
MAX_CLIMB = 4  # verbs walked up to find a cue's subject; deeper chains are other clauses
MAX_ANCESTORS = 12  # heads walked up from a quotation to find its cue
OUTERMOST = True
CUT_PP_CLAUSES = False
# Verbs that link a subject to a description rather than to words: "Mr. Obama was a ''socialist''".
LIGHT_VERBS = frozenset(
    """be is are was were been being 's 're am have has had having get gets got getting become becomes
    became seem seems seemed remain remains remained do does did""".split()
)
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
NP_TAGS = NOUN_TAGS | {"DT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "HYPH", "NML"}
SAYING_VERBS = frozenset("say add tell write note argue explain insist".split())
MAX_NAME_GAP = 12
MAX_NAME_TOKENS = 15  # words between a name and the subjectless cue it is the speaker of  # characters between a subjectless cue and the name after it ("said Col. X")


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
    finder = _Finder(parsed, quoted, names)
    finder.quote = quote
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
    finder = _Finder(parsed, quoted, names)
    cues = [t for t in parsed.doc if _is_verb(t) and finder.cue_of(t) is not None and finder.active_subject(t)]
    if not cues:
        return _introducing(finder, parsed)
    root = next((t for t in cues if t.dep_ == "ROOT"), cues[-1])
    return finder.attribution(root, governs=False)


def _introducing(finder: _Finder, parsed: ParsedStretch, before: int | None = None) -> Attribution | None:
    """"Trump issued the following statement:" — a clause ending in a colon introduces what
    follows; the subject of its main verb is the speaker. ``before``: the article offset where
    the introduced quotation opens (default: the colon ends the stretch)."""
    end = before if before is not None else parsed.stretch.end
    tokens = [t for t in parsed.doc if parsed.bounds(t)[1] <= end and not t.is_space]
    if not tokens or tokens[-1].text != ":":
        return None
    colon = tokens[-1]
    verb = colon.head if _is_verb(colon.head) else next((t for t in tokens if t.dep_ == "ROOT"), None)
    subject = finder._own_subject(verb) if verb is not None and _is_verb(verb) else None
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
    finder = _Finder(parsed, quoted, names)
    finder.quote = quote
    return _introducing(finder, parsed, before=open_at)


def _inside(bounds: tuple[int, int], span: tuple[int, int]) -> bool:
    return span[0] <= bounds[0] and bounds[1] <= span[1]


class _Finder:
    def __init__(
        self, parsed: ParsedStretch, quoted: Sequence[tuple[int, int]], names: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.parsed = parsed
        self.quoted = quoted
        start, end = parsed.stretch.start, parsed.stretch.end
        self.names = [n for n in names if start <= n[0] and n[1] <= end]
        self.quote: tuple[int, int] | None = None  # the quotation being attributed

    def outside(self, token: Any) -> bool:
        start, end = self.parsed.bounds(token)
        return not any(a <= start < b or a < end <= b for a, b in self.quoted)

    def span(self, first: Any, last: Any) -> Span:
        start, end = self.parsed.span_bounds(first, last)
        return Span(start, end, self.parsed.text[start:end])

    # ------------------------------------------------------------------ cues
    def cue_of(self, token: Any) -> CueKind | None:
        """The cue kind of ``token`` if it can attribute words, else None."""
        if not self.outside(token):
            return None
        if _is_verb(token):
            if token.lower_ == "according":  # "according to X"
                return "speech" if any(c.lower_ == "to" for c in token.children) else None
            particle = next((c.lower_ for c in token.children if c.dep_ in ("prt", "dobj")), None)
            return cue_kind_of_word(token.text, particle)
        if _is_noun(token) and _message_noun(token):
            return "speech"
        if _is_noun(token) and token.lower_ in SLOGAN_NOUNS:
            return "chant"
        return None

    def governing_cue(self, words: list[Any]) -> Any | None:
        """The first cue above the quotation's words in the parse.

        A verb is preferred to a noun below it (``called Trump's remarks “racist”`` is a calling,
        not a remark), and with ``OUTERMOST`` a reporting verb above the cue is preferred to it
        (``Israel said Clinton called on members to be “closely coordinated”``).
        """
        inside = {t.i for t in words}
        roots = [t for t in words if t.head.i not in inside or t.head.i == t.i]
        best: tuple[int, Any] | None = None
        for root in roots:
            found = self._cue_above(root, inside)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return best[1] if best else None

    def _cue_above(self, root: Any, inside: set[int]) -> tuple[int, Any] | None:
        """The cue above ``root`` (with its distance), or None when the quotation is part of the
        cue's subject ("one of the original “big four” negotiators said"): the subject's words
        are not what the subject said."""
        found: tuple[int, Any] | None = None
        child = root
        for depth, ancestor in enumerate(_ancestors(root)):
            below, child = child, ancestor
            if ancestor.i in inside or self.cue_of(ancestor) is None:
                continue
            if below.dep_ in SUBJECTS:
                return found
            if found is None:
                found = (depth, ancestor)
                if _is_verb(ancestor) and not OUTERMOST:
                    return found
            elif _is_verb(ancestor) and (not _is_verb(found[1]) or OUTERMOST and self._reports(ancestor)):
                found = (found[0], ancestor)
                if not OUTERMOST:
                    return found
        return found

    def via_preposition(self, words: list[Any], cue: Any) -> bool:
        """Whether the quotation hangs from the cue through a preposition ("said on “Meet the Press”")."""
        inside = {t.i for t in words}
        for root in (t for t in words if t.head.i not in inside or t.head.i == t.i):
            for ancestor in _ancestors(root):
                if ancestor.i == cue.i:
                    break
                if ancestor.dep_ == "prep" or ancestor.tag_ == "IN":
                    return True
        return False

    def _reports(self, verb: Any) -> bool:
        subject = self._own_subject(verb)
        return self.cue_of(verb) == "speech" and subject is not None and _someone(subject)

    def governing_verb(self, words: list[Any]) -> Any | None:
        """The first verb above the quotation whose subject is someone ("Trump blasted ... for its
        “outrageous practices”"). A quotation that is the verb's own direct object is the thing
        acted on, not words ("he is desperate to convince his “enemies”")."""
        inside = {t.i for t in words}
        for root in (t for t in words if t.head.i not in inside or t.head.i == t.i):
            below = root
            for ancestor in _ancestors(root):
                below, on_path = ancestor, below
                if on_path.dep_ in SUBJECTS:
                    break
                if ancestor.i in inside or not _is_verb(ancestor) or ancestor.lower_ in LIGHT_VERBS:
                    continue
                if on_path.dep_ == "dobj" and on_path.i in inside:
                    return None
                subject = self._own_subject(ancestor)
                if subject is not None and _someone(subject):
                    return ancestor
        return None

    def nearest_cue(self, words: list[Any], frame: tuple[int, int]) -> Any | None:
        """The nearest cue with a subject in the quotation's own sentence(s)."""
        first, last = words[0], words[-1]
        candidates = [
            t
            for t in self.parsed.doc
            if _inside(self.parsed.bounds(t), frame)
            and _is_verb(t)
            and self.cue_of(t) is not None
            and (self.subject(t) is not None or self._name_next_to(t) is not None)
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.i - first.i), abs(t.i - last.i)))

    # ------------------------------------------------------------------ speakers
    def active_subject(self, cue: Any) -> bool:
        """Whether ``cue`` has a speaker that says something ("X said"), not one that is spoken
        about ("Reagan was criticized")."""
        subject = self.subject(cue)
        return subject is not None and subject.dep_ != "nsubjpass"

    def subject(self, cue: Any) -> Any | None:
        """The speaker token of ``cue``: its subject, or that of the verb it depends on.

        An expletive or demonstrative subject (``it``, ``this``) is passed over for the subject of
        a verb higher up, when there is one.
        """
        token, fallback = cue, None
        for _ in range(MAX_CLIMB):
            found = self._own_subject(token)
            if found is not None and found.lower_ not in EXPLETIVES:
                return found
            fallback = fallback or found
            if token.dep_ == "acl" and (_is_name(token.head) or token.head.lower_ in SPEAKER_NOUNS):
                return token.head  # "O'Malley, who ..., interjected to say" parsed as a modifier
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
                break
            if token.dep_ == "xcomp":  # "prompted the Atlas to state", "asked him to say"
                controller = next((c for c in token.head.children if c.dep_ == "dobj" and self.outside(c)), None)
                if controller is not None and _someone(controller):
                    return controller
            token = token.head
            if _is_noun(token) and _message_noun(token):
                owner = self._owner(token)
                if owner is not None:
                    return owner
        return fallback

    def _own_subject(self, token: Any) -> Any | None:
        if token.lower_ == "according":
            return _pobj(token)
        for child in token.children:
            if child.dep_ == "agent":
                found = _pobj(child)
                if found is not None and self.outside(found):
                    return found
        for child in token.children:
            if child.dep_ in SUBJECTS and self.outside(child):
                return child
        if _is_noun(token):
            return self._owner(token)
        return None

    def _owner(self, noun: Any) -> Any | None:
        """Whose message a noun is: "his statement", "Trump's tweet", "X released a statement"."""
        for child in noun.children:
            if child.dep_ == "poss" and self.outside(child):
                return child
        for child in noun.children:
            if child.dep_ == "compound" and _is_name(child) and self.outside(child):
                return child  # "Bozell notes", "the Trump statement"
        if noun.dep_ in SUBJECTS and noun.lower_ not in SLOGAN_NOUNS:
            return noun  # "the statement read": the statement speaks; "the chants of" do not
        if noun.dep_ in ("dobj", "pobj") and (_is_verb(noun.head) or noun.head.tag_ == "IN"):
            verb = noun.head if _is_verb(noun.head) else noun.head.head
            return next((c for c in verb.children if c.dep_ in SUBJECTS and self.outside(c)), None)
        return None

    def attribution(self, cue: Any, governs: bool, loose: bool = False) -> Attribution:
        kind = self.cue_of(cue) or "speech"
        cue_span = self.span(cue, _cue_end(cue))
        speaker = self.subject(cue)
        if speaker is None or (speaker.i < cue.i and not _someone(speaker)):
            speaker = self._inverted(cue) or speaker
        if speaker is None:
            near = self._name_next_to(cue)
            head_kind: HeadKind = "name"
            if near is None:
                near = self._adjacent_phrase(cue)
                head_kind = _head_kind(near[1]) if near is not None else "name"
            if near is None:
                return Attribution(cue_span, kind, None, None, None, governs=governs, loose=loose)
            first, last = near
            mention = self.span(first, last)
            names = mention if head_kind == "name" else None
            return Attribution(cue_span, kind, mention, self.span(last, last), head_kind, None, names, governs, loose)
        mention = self._phrase_span(speaker, stop_at=_first_governor_after(speaker, cue))
        head_kind, antecedent = _head_kind(speaker), None

        if head_kind == "relative":
            verb = speaker.head
            if verb.dep_ == "relcl":
                antecedent = self._phrase_span(verb.head, stop_at=verb)
        names = self._names(speaker)
        return Attribution(
            cue_span, kind, mention, self.span(speaker, speaker), head_kind, antecedent, names, governs, loose
        )

    def _inverted(self, cue: Any) -> Any | None:
        """``“…,” said Geert Wilders``: a name right after a cue that follows a quotation or a comma
        is its speaker, whatever the parser made of the words before."""
        doc = cue.doc
        if cue.i == 0 or cue.i + 1 >= len(doc) or not (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote):
            return None
        if "tell" in base_forms(cue.text):
            return None  # "told AFP": the name after "told" is who was told
        token = doc[cue.i + 1]
        while token.dep_ == "compound" and token.head.i > token.i and _is_name(token.head):
            token = token.head
        if token.lower_ in CALENDAR_WORDS:
            return None
        if _is_name(token) and token.head.i == cue.i and token.dep_ in SUBJECTS | {"appos", "dep"}:
            return token if self.outside(token) else None
        return None

    def _name_next_to(self, cue: Any) -> tuple[Any, Any] | None:
        """The name just after a subjectless cue ("said Skelly") or nearest before it in its clause."""
        doc = self.parsed.doc
        tokens = {self.parsed.bounds(t)[0]: t for t in doc if self.parsed.hole_of(t) is None}
        after = [n for n in self.names if 0 <= n[0] - self.parsed.bounds(cue)[1] <= MAX_NAME_GAP]
        if after and "tell" not in base_forms(cue.text):
            return self._tokens_of(after[0], tokens)
        capitalised = self._capitalised_after(cue) if "tell" not in base_forms(cue.text) else None
        if capitalised is not None:
            return capitalised
        before = [n for n in self.names if n[1] <= self.parsed.bounds(cue)[0]]
        for name in reversed(before):
            between = [t for t in doc if name[1] <= self.parsed.bounds(t)[0] < self.parsed.bounds(cue)[0]]
            if len(between) > MAX_NAME_TOKENS or any(t.text in ".;:" or not self.outside(t) for t in between):
                return None  # another sentence, or a quotation, lies between
            found = self._tokens_of(name, tokens)
            if found is not None:
                first, _ = found
                stop = _first_governor_after(found[1], cue)
                kept = [t for t in between if stop is None or t.i < stop.i]
                last = kept[-1] if kept else found[1]
                while last.i > first.i and (last.is_punct or last.tag_ in ("RB", "CC")):
                    last = doc[last.i - 1]
                return first, last
        return None

    def _adjacent_phrase(self, cue: Any) -> tuple[Any, Any] | None:
        """The noun phrase right after a cue that follows a quotation (``added another
        Republican``), or right before the cue (``Will wrote``), when the parse gave it no subject."""
        doc = cue.doc
        after_quote = cue.i > 0 and (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote)
        if after_quote and "tell" not in base_forms(cue.text):
            end = cue.i + 1
            while end < len(doc) and doc[end].tag_ in NP_TAGS and self.outside(doc[end]):
                end += 1
            nouns = [t for t in doc[cue.i + 1 : end] if t.tag_ in NOUN_TAGS and t.lower_ not in CALENDAR_WORDS]
            if nouns:
                return doc[cue.i + 1], nouns[-1]
        last = cue.i - 1
        while last >= 0 and doc[last].tag_ in ("RB", "RBR"):
            last -= 1
        if last < 0 or not self.outside(doc[last]):
            return None
        head = doc[last]
        if not (head.tag_ in NOUN_TAGS or head.lower_ in SOMEONE_PRONOUNS or (head.tag_ == "MD" and head.text[:1].isupper())):
            return None
        first = last
        while first > 0 and doc[first - 1].tag_ in NP_TAGS and self.outside(doc[first - 1]):
            first -= 1
        return doc[first], head

    def _capitalised_after(self, cue: Any) -> tuple[Any, Any] | None:
        """``said Skelly``: capitalised words right after the cue, when NER missed the name."""
        doc, end = self.parsed.doc, cue.i + 1
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha or (
            end < len(doc) and doc[end].text.endswith(".") and doc[end].text[:1].isupper()
        ):
            end += 1
        if end == cue.i + 1 or not self.outside(doc[cue.i + 1]) or doc[cue.i + 1].lower_ in CALENDAR_WORDS:
            return None
        return doc[cue.i + 1], doc[end - 1]

    def _tokens_of(self, name: tuple[int, int], tokens: dict[int, Any]) -> tuple[Any, Any] | None:
        first = tokens.get(name[0])
        if first is None:
            return None
        last = first
        while last.i + 1 < len(self.parsed.doc) and self.parsed.bounds(self.parsed.doc[last.i + 1])[1] <= name[1]:
            last = self.parsed.doc[last.i + 1]
        return first, last

    def _phrase_span(self, head: Any, stop_at: Any | None = None) -> Span:
        """The noun phrase of ``head``, cut where the attributed quotation (or ``stop_at``) begins.

        A relative clause that reports words of its own (``X, who added that ...``) is left out:
        it is another attribution, not part of the speaker's description.
        """
        skip = {
            t.i
            for c in head.subtree
            if c.dep_ in ("relcl", "appos") and c.i != head.i and self._cut_clause(c, head)
            for t in c.subtree
        }
        tokens = sorted((t for t in head.subtree if t.i not in skip), key=lambda t: t.i)
        stop = stop_at.i if stop_at is not None else len(head.doc)
        first = head
        for token in reversed([t for t in tokens if t.i < head.i]):
            if token.i != first.i - 1 or not self.outside_quote(token):
                break
            first = token
        last = head
        for token in (t for t in tokens if t.i > head.i):
            if token.i != last.i + 1 or token.i >= stop or not self.outside_quote(token):
                break
            last = token
        while last.i > first.i and (last.is_punct or last.is_space) and last.text not in ")]":
            last = last.doc[last.i - 1]
        while first.i < last.i and (first.is_punct or first.is_space) and first.text not in "([":
            first = first.doc[first.i + 1]
        return self.span(first, last)

    def outside_quote(self, token: Any) -> bool:
        """Not a word of the quotation being attributed (other quotes may sit in a description)."""
        if self.quote is None:
            return self.outside(token)
        start, end = self.parsed.bounds(token)
        return not (self.quote[0] <= start < self.quote[1] or self.quote[0] < end <= self.quote[1])

    def _cut_clause(self, clause: Any, head: Any) -> bool:
        """A relative clause that is not part of the speaker's description: it reports words of its
        own, or it describes a noun inside a prepositional phrase ("a spokesman for the NFIB, which
        represents 325,000 businesses")."""
        if clause.dep_ == "relcl" and self._reports_words(clause):
            return True
        if not CUT_PP_CLAUSES:
            return False
        token = clause.head
        while token.i != head.i and token.head.i != token.i:
            if token.dep_ == "pobj":
                return True
            token = token.head
        return False

    def _reports_words(self, clause: Any) -> bool:
        """Whether a relative clause's verb reports words of its own ("who added that ...").

        Only plain saying verbs count: a description such as "who advised Obama" or "who teaches
        journalism" stays part of the speaker's phrase (as annotated corpora keep it).
        """
        return _is_verb(clause) and any(f in SAYING_VERBS for f in base_forms(clause.text))

    def _names(self, head: Any) -> Span | None:
        """Proper-name words at the head of the phrase, or of an appositive of it."""
        for token in [head, *(c for c in head.children if c.dep_ == "appos")]:
            if _is_name(token) and self.outside(token):
                words = [c for c in token.children if c.dep_ == "compound" and _is_name(c)] + [token]
                words.sort(key=lambda t: t.i)
                return self.span(words[0], words[-1])
        return None


def _first_governor_after(speaker: Any, cue: Any) -> Any | None:
    """The first word after the speaker that is the cue or governs it: the speaker's phrase ends
    before it (a misparse may hang "repeated accusations …" under the speaker)."""
    governors = {cue.i} | {a.i for a in cue.ancestors}
    return next((t for t in speaker.doc[speaker.i + 1 :] if t.i in governors), None)


def _ancestors(token: Any) -> Iterator[Any]:
    current = token
    for _ in range(MAX_ANCESTORS):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def _pobj(token: Any) -> Any | None:
    for child in token.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "prep":
            found = _pobj(child)
            if found is not None:
                return found
    return None


def _cue_end(cue: Any) -> Any:
    """The last word of the cue: "point out", "according to", "went on"."""
    for child in cue.children:
        if child.dep_ == "prt" or (cue.lower_ == "according" and child.lower_ == "to"):
            return child
        if child.dep_ == "dobj" and child.lower_ == "it" and child.i == cue.i + 1:
            return child  # "put it"
    return cue


def _head_kind(token: Any) -> HeadKind:
    word = token.lower_
    if word in RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT", "WP$"):
        return "relative"
    if token.tag_ in ("PRP", "PRP$", "WP"):
        return "pronoun"
    if _is_name(token):
        return "name"
    if token.tag_ in ("NNS", "NNPS"):
        return "group"
    return "nominal"


def _is_verb(token: Any) -> bool:
    return str(token.tag_).startswith(("VB", "MD"))


def _is_noun(token: Any) -> bool:
    return token.tag_ in ("NN", "NNS")


def _is_name(token: Any) -> bool:
    return token.tag_ in ("NNP", "NNPS")


def _message_noun(token: Any) -> bool:
    return any(form in MESSAGE_NOUNS for form in base_forms(token.text))


SOMEONE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})


def _someone(token: Any) -> bool:
    """A subject that can say something: a person or group pronoun, a name, a person noun."""
    if token.tag_ in ("PRP", "WP"):
        return token.lower_ in SOMEONE_PRONOUNS
    return _is_name(token) or token.lower_ in SPEAKER_NOUNS
