"""Speaker mentions in the parse of a quotation's sentence: the subject of a cue, and its phrase.

A cue's speaker is its subject; a cue without one (``adding``, ``went on to say``, ``referring
to``, ``was quoted as saying``) takes the subject of the verb it depends on, and an expletive
subject (``it``) is passed over. ``according to X`` has ``X``; a message noun has its owner
(``his statement``, ``X released a statement saying``). When the small parser gives a cue no
subject at all, the words next to the cue decide: a name right after a cue that follows a
quotation (``“…,” said Skelly``), the nearest name before it in its clause (NER names), or the
noun phrase next to it (``added another Republican``; ``Will wrote``).

The mention is the subject's whole noun phrase (``Geoff Garin, a Democratic pollster working for
Priorities USA``), as annotated corpora (PARC, PolNeAR) mark sources, without the quotation
being attributed and without a relative clause that reports words of its own (``X, who added
that …``); its head word says whether it is a pronoun, a name or a description.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from newstrace.analyze.nlp import ParsedStretch
from newstrace.analyze.quotes.cues import (
    CLAIM_NOUNS,
    MESSAGE_NOUNS,
    SLOGAN_NOUNS,
    SPEAKER_NOUNS,
    CueKind,
    base_forms,
    cue_kind_of_word,
)
from newstrace.model import Span
from newstrace.text.dates import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "EXPLETIVES",
    "SUBJECTS",
    "HeadKind",
    "MentionFinder",
    "ParseView",
    "classify_head",
    "first_governor_after",
    "is_name",
    "is_noun",
    "is_verb",
    "message_noun",
    "someone",
]

HeadKind = Literal["pronoun", "relative", "name", "nominal", "group"]
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A cue without a subject of its own inherits the subject of the verb it depends on.
CLIMB_DEPS = frozenset(
    {"xcomp", "advcl", "conj", "pcomp", "prep", "ccomp", "acl", "dep", "parataxis", "acomp"}
)
EXPLETIVES = frozenset({"it", "this", "that", "there", "which"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SOMEONE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})
MAX_CLIMB = 4  # verbs walked up to find a cue's subject; deeper chains are other clauses
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)  # "said Monday": not a speaker
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
NP_TAGS = NOUN_TAGS | {"DT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "HYPH", "NML"}
# A relative clause with one of these verbs reports words of its own and is cut from a mention.
# Measured on PolNeAR train: cutting every clause with a reporting verb ("who advised", "who
# teaches") loses more mentions than it saves; annotators keep such descriptions.
SAYING_VERBS = frozenset("say add tell write note argue explain insist".split())
MAX_NAME_GAP = 12  # characters between a subjectless cue and the name after it ("said Col. X")
MAX_ABBREVIATION = 4  # "Capt", "Gen", "Lt": a title the tokenizer may split from its full stop
CHANNEL_PREPOSITIONS = frozenset({"in", "via", "by", "during", "over", "through"})
CHANNEL_NOUNS = MESSAGE_NOUNS | {"phone", "telephone", "call", "conference", "text"}  # "via email"
MAX_NAME_TOKENS = 15  # words between a name and the subjectless cue it is the speaker of


class ParseView:
    """A parsed stretch seen from one quotation: which words are quoted, which are names."""

    def __init__(
        self,
        parsed: ParsedStretch,
        quoted: Sequence[tuple[int, int]],
        names: Sequence[tuple[int, int]] = (),
        quote: tuple[int, int] | None = None,
    ) -> None:
        self.parsed = parsed
        self.quoted = quoted
        start, end = parsed.stretch.start, parsed.stretch.end
        self.names = [n for n in names if start <= n[0] and n[1] <= end]
        self.quote = quote  # the quotation being attributed, if any

    def outside(self, token: Token) -> bool:
        start, end = self.parsed.bounds(token)
        return not any(a <= start < b or a < end <= b for a, b in self.quoted)

    def span(self, first: Token, last: Token) -> Span:
        start, end = self.parsed.span_bounds(first, last)
        return Span(start, end, self.parsed.text[start:end])

    def cue_of(self, token: Token) -> CueKind | None:
        """The cue kind of ``token`` if it can attribute words, else None."""
        if not self.outside(token):
            return None
        if is_verb(token):
            if token.lower_ == "according":  # "according to X"
                return "speech" if any(c.lower_ == "to" for c in token.children) else None
            particle = next((c.lower_ for c in token.children if c.dep_ in ("prt", "dobj")), None)
            return cue_kind_of_word(token.text, particle)
        if is_noun(token) and message_noun(token):
            return "speech"
        if is_noun(token) and token.lower_ in SLOGAN_NOUNS:
            return "chant"
        return None


class MentionFinder(ParseView):
    """Finds the speaker token and phrase of a cue."""

    def active_subject(self, cue: Token) -> bool:
        """Whether ``cue`` has a speaker that says something ("X said"), not one that is spoken
        about ("Reagan was criticized")."""
        subject = self.subject(cue)
        return subject is not None and subject.dep_ != "nsubjpass"

    def subject(self, cue: Token) -> Token | None:
        """The speaker token of ``cue``: its subject, or that of the verb it depends on.

        An expletive or demonstrative subject (``it``, ``this``) is passed over for the subject of
        a verb higher up, when there is one.
        """
        token, fallback = cue, None
        for _ in range(MAX_CLIMB):
            found = self.own_subject(token)
            if found is not None and found.lower_ not in EXPLETIVES:
                return found
            fallback = fallback or found
            if token.dep_ == "acl" and (is_name(token.head) or token.head.lower_ in SPEAKER_NOUNS):
                return token.head  # "O'Malley, who ..., interjected to say" parsed as a modifier
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
                break
            if token.dep_ == "xcomp":  # "prompted the Atlas to state", "asked him to say"
                controller = next(
                    (c for c in token.head.children if c.dep_ == "dobj" and self.outside(c)), None
                )
                if controller is not None and someone(controller):
                    return controller
            token = token.head
            if is_noun(token) and message_noun(token):
                owner = self._owner(token)
                if owner is not None:
                    return owner
        return fallback

    def own_subject(self, token: Token) -> Token | None:
        if token.lower_ == "according":
            return pobj(token)
        for child in token.children:
            if child.dep_ == "agent":
                found = pobj(child)
                if found is not None and self.outside(found):
                    return found
        subjects = [c for c in token.children if c.dep_ in SUBJECTS and self.outside(c)]
        if len(subjects) > 1:
            # a clause has one subject; a second one the parse gives it is a misattached phrase
            # ("in Salem, New Hampshire, Trump went"): the subject is the one nearest before the verb
            before = [c for c in subjects if c.i < token.i]
            return before[-1] if before else subjects[0]
        if subjects:
            return subjects[0]
        if is_noun(token):
            return self._owner(token)
        return None

    def _owner(self, noun: Token) -> Token | None:
        """Whose message a noun is: "his statement", "Trump's tweet", "X released a statement"."""
        for child in noun.children:
            if child.dep_ == "poss" and self.outside(child):
                return child
        for child in noun.children:
            if child.dep_ == "compound" and is_name(child) and self.outside(child):
                return child  # "Bozell notes", "the Trump statement"
        claim = claim_noun(noun)
        if noun.dep_ in SUBJECTS and noun.lower_ not in SLOGAN_NOUNS and not claim:
            return noun  # "the statement read" speaks; "the chants of", "the promise to" do not
        if noun.dep_ in ("dobj", "pobj") and (is_verb(noun.head) or noun.head.tag_ == "IN"):
            verb = noun.head if is_verb(noun.head) else noun.head.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS and self.outside(c)), None)
            if claim and (subject is None or subject.dep_ != "nsubj" or not someone(subject)):
                return None  # "he repeated his claim" has an owner; "protests are deemed a threat" not
            return subject
        return None

    def inverted(self, cue: Token) -> Token | None:
        """``“…,” said Geert Wilders``: a name right after a cue that follows a quotation or a comma
        is its speaker, whatever the parser made of the words before."""
        doc = cue.doc
        if cue.i == 0 or cue.i + 1 >= len(doc) or not (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote):
            return None
        if _tells(cue):
            return None
        token = doc[cue.i + 1]
        while token.dep_ == "compound" and token.head.i > token.i and is_name(token.head):
            token = token.head
        if token.lower_ in CALENDAR_WORDS:
            return None
        if is_name(token) and token.head.i == cue.i and token.dep_ in SUBJECTS | {"appos", "dep"}:
            return token if self.outside(token) else None
        return None

    def name_next_to(self, cue: Token) -> tuple[Token, Token] | None:
        """The name just after a subjectless cue ("said Skelly") or nearest before it in its clause."""
        doc = self.parsed.doc
        tokens = {self.parsed.bounds(t)[0]: t for t in doc if self.parsed.hole_of(t) is None}
        if not _tells(cue):
            after = [n for n in self.names if 0 <= n[0] - self.parsed.bounds(cue)[1] <= MAX_NAME_GAP]
            if after:
                return self._tokens_of(after[0], tokens)
            capitalised = self._capitalised_after(cue)
            if capitalised is not None:
                return capitalised
        cue_start = self.parsed.bounds(cue)[0]
        before = [n for n in self.names if n[1] <= cue_start]
        for name in reversed(before):
            between = [t for t in doc if name[1] <= self.parsed.bounds(t)[0] < cue_start]
            if len(between) > MAX_NAME_TOKENS or any(t.text in ".;:" or not self.outside(t) for t in between):
                return None  # another sentence, or a quotation, lies between
            found = self._tokens_of(name, tokens)
            if found is not None:
                first, _ = found
                stop = first_governor_after(found[1], cue)
                kept = [t for t in between if stop is None or t.i < stop.i]
                last = kept[-1] if kept else found[1]
                while last.i > first.i and (last.is_punct or last.tag_ in ("RB", "CC")):
                    last = doc[last.i - 1]
                return first, last
        return None

    def adjacent_phrase(self, cue: Token) -> tuple[Token, Token] | None:
        """The noun phrase right after a cue that follows a quotation (``added another
        Republican``), or right before the cue (``Will wrote``), when the parse gave it no subject."""
        doc = cue.doc
        after_quote = cue.i > 0 and (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote)
        if after_quote and not _tells(cue):
            end = cue.i + 1
            while end < len(doc) and doc[end].tag_ in NP_TAGS and self.outside(doc[end]):
                end += 1
            nouns = [
                t for t in doc[cue.i + 1 : end] if t.tag_ in NOUN_TAGS and t.lower_ not in CALENDAR_WORDS
            ]
            if nouns:
                return doc[cue.i + 1], nouns[-1]
        last = cue.i - 1
        while last >= 0 and doc[last].tag_ in ("RB", "RBR"):
            last -= 1
        if last < 0 or not self.outside(doc[last]):
            return None
        head = doc[last]
        if not (
            head.tag_ in NOUN_TAGS
            or head.lower_ in SOMEONE_PRONOUNS
            or (head.tag_ == "MD" and head.text[:1].isupper())
        ):
            return None
        first = last
        while first > 0 and doc[first - 1].tag_ in NP_TAGS and self.outside(doc[first - 1]):
            first -= 1
        return doc[first], head

    def _capitalised_after(self, cue: Token) -> tuple[Token, Token] | None:
        """``said Skelly``: capitalised words right after the cue, when NER missed the name."""
        doc, end = self.parsed.doc, cue.i + 1
        while (
            end < len(doc)
            and doc[end].text[:1].isupper()
            and (doc[end].is_alpha or doc[end].text.endswith("."))
        ):
            end += 1
        if end == cue.i + 1 or not self.outside(doc[cue.i + 1]) or doc[cue.i + 1].lower_ in CALENDAR_WORDS:
            return None
        return doc[cue.i + 1], doc[end - 1]

    def _tokens_of(self, name: tuple[int, int], tokens: dict[int, Token]) -> tuple[Token, Token] | None:
        first = tokens.get(name[0])
        if first is None:
            return None
        last = first
        while (
            last.i + 1 < len(self.parsed.doc)
            and self.parsed.bounds(self.parsed.doc[last.i + 1])[1] <= name[1]
        ):
            last = self.parsed.doc[last.i + 1]
        return first, last

    def phrase_span(self, head: Token, stop_at: Token | None = None) -> Span:
        """The noun phrase of ``head``, cut where the attributed quotation (or ``stop_at``) begins.

        A relative clause that reports words of its own (``X, who added that ...``) is left out:
        it is another attribution, not part of the speaker's description.
        """
        skip = {t.i for c in head.subtree if c.i != head.i and self._cut_clause(c) for t in c.subtree}
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
        return self._through_abbreviation(self.span(first, last))

    def _through_abbreviation(self, mention: Span) -> Span:
        """``Army Capt. Christian Pardo``: a phrase cut at an abbreviated title runs on to the name."""
        last_word = mention.text.split()[-1] if mention.text.split() else ""
        if not (last_word[:1].isupper() and len(last_word) <= MAX_ABBREVIATION):
            return mention
        for start, end in self.names:
            between = self.parsed.text[mention.end : start].strip()
            if 0 < start - mention.end <= 3 and (between == "." or (not between and last_word.endswith("."))):
                return Span(mention.start, end, self.parsed.text[mention.start : end])
        return mention

    def outside_quote(self, token: Token) -> bool:
        """Not a word of the quotation being attributed (other quotes may sit in a description)."""
        if self.quote is None:
            return self.outside(token)
        start, end = self.parsed.bounds(token)
        return not (self.quote[0] <= start < self.quote[1] or self.quote[0] < end <= self.quote[1])

    def _cut_clause(self, clause: Token) -> bool:
        """A part of the parse under the speaker that is not the speaker's description: a relative
        clause reporting words of its own ("X, who added that ..."), the channel the words came
        through ("X in an interview", "X via email") or a participle set off by a comma
        ("X, speaking on condition of anonymity"); parsers often hang these from the noun rather
        than from the cue."""
        if clause.dep_ == "relcl":
            return self._reports_words(clause)
        if clause.dep_ == "prep":
            return self._channel(clause)
        return clause.dep_ in ("acl", "advcl") and clause.tag_ == "VBG" and _after_comma(clause)

    @staticmethod
    def _channel(prep: Token) -> bool:
        """``in an interview``, ``via email`` after a name or a comma: how the words came, not who
        the speaker is ("a narrator in the campaign ad" keeps its place; so does "who was polled
        in an interview", which hangs from a verb)."""
        medium = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return (
            prep.lower_ in CHANNEL_PREPOSITIONS
            and medium is not None
            and medium.lower_ in CHANNEL_NOUNS
            and (is_name(prep.head) or _after_comma(prep))
        )

    def _reports_words(self, clause: Token) -> bool:
        """Whether a relative clause's verb reports words of its own ("who added that ...").

        Only plain saying verbs count: a description such as "who advised Obama" or "who teaches
        journalism" stays part of the speaker's phrase (as annotated corpora keep it).
        """
        return is_verb(clause) and any(f in SAYING_VERBS for f in base_forms(clause.text))

    def names_of(self, head: Token) -> Span | None:
        """Proper-name words at the head of the phrase, or of an appositive of it."""
        for token in [head, *(c for c in head.children if c.dep_ == "appos")]:
            if is_name(token) and self.outside(token):
                words = [c for c in token.children if c.dep_ == "compound" and is_name(c)] + [token]
                words.sort(key=lambda t: t.i)
                return self.span(words[0], words[-1])
        return None


def _after_comma(token: Token) -> bool:
    return bool(token.i > 0 and token.doc[token.i - 1].text == ",")


def _tells(cue: Token) -> bool:
    """A form of "tell": the name after it is who was told ("told AFP"), not the speaker."""
    return "tell" in base_forms(cue.text)


def first_governor_after(speaker: Token, cue: Token) -> Token | None:
    """The first word after the speaker that is the cue or governs it: the speaker's phrase ends
    before it (a misparse may hang "repeated accusations …" under the speaker)."""
    governors = {cue.i} | {a.i for a in cue.ancestors}
    return next((t for t in speaker.doc[speaker.i + 1 :] if t.i in governors), None)


def pobj(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "prep":
            found = pobj(child)
            if found is not None:
                return found
    return None


def classify_head(token: Token) -> HeadKind:
    word = token.lower_
    if word in RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT", "WP$"):
        return "relative"
    if token.tag_ in ("PRP", "PRP$", "WP"):
        return "pronoun"
    if is_name(token):
        return "name"
    if token.tag_ in ("NNS", "NNPS"):
        return "group"
    return "nominal"


def is_verb(token: Token) -> bool:
    return str(token.tag_).startswith(("VB", "MD"))


def is_noun(token: Token) -> bool:
    return token.tag_ in ("NN", "NNS")


def is_name(token: Token) -> bool:
    return token.tag_ in ("NNP", "NNPS")


def message_noun(token: Token) -> bool:
    """A noun that carries someone's words: a message ("his statement") or a claim ("her pledge")."""
    return any(form in MESSAGE_NOUNS or form in CLAIM_NOUNS for form in base_forms(token.text))


def claim_noun(token: Token) -> bool:
    """A claim ("her pledge"): its owner speaks, the claim itself never does."""
    return any(form in CLAIM_NOUNS for form in base_forms(token.text))


def someone(token: Token) -> bool:
    """A subject that can say something: a person or group pronoun, a name, a person noun."""
    if token.tag_ in ("PRP", "WP"):
        return token.lower_ in SOMEONE_PRONOUNS
    return is_name(token) or token.lower_ in SPEAKER_NOUNS
