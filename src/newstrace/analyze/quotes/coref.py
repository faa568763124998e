"""Small rule-based coreference for speakers: who is ``he``, ``the minister``, ``Khamenei``.

No coreference model can be installed offline (none is packaged for spaCy 3.8 on PyPI), so this
is our own, and it only answers the questions speaker attribution asks:

- **names**: the person mentions of an article (from NER) form one referent per person; a
  short form (``Khamenei``, ``Mrs. Clinton``) joins the full name that shares its last word and
  was used nearest before it; the canonical name is the longest form (``Ali Khamenei``);
- **pronouns**: ``he``/``she`` resolve to the nearest person mentioned before, skipping people
  of the other gender (gender from ``Mr.``/``Mrs.`` and from the pronouns that follow their
  mentions) and mentions inside quotations; when nobody is mentioned before, the first one
  after (an article cut mid-way starts with ``he``); ``they``/``it`` resolve to a group or an
  organisation;
- **nominals**: ``the supreme leader``, ``the governor`` resolve to the person the article gave
  that title (``Supreme Leader Ali Khamenei``, ``Ali Karimi, the governor,``); a message noun
  (``the report``) to the source it came from (``a report from the Erja news website``);
  ``the committee`` to the nearest organisation with that word in its name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from newstrace.analyze.quotes.cues import CROWD_NOUNS, MESSAGE_NOUNS, ORG_NOUNS
from newstrace.text.lexicon import ROLE_NOUNS

__all__ = ["Coreference", "NamedMention", "Referent", "name_key"]

Gender = Literal["male", "female"]
RefKind = Literal["PER", "ORG", "GROUP"]

PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
# Names of things that never speak: buildings, places that are not states, works, events, dates.
NON_SPEAKER_LABELS = frozenset({"FAC", "LOC", "WORK_OF_ART", "EVENT", "DATE", "TIME", "PRODUCT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
TIME_LABELS = frozenset({"DATE", "TIME"})  # "June" is a month and a first name
GROUP_LABELS = frozenset({"ORG", "NORP"})  # what "they" stands for: a country or a city is "it"
MALE, FEMALE = "he him his himself".split(), "she her hers herself".split()
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
GENDER_TITLES: dict[str, Gender] = {
    "mr": "male",
    "sir": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "madam": "female",
    "lady": "female",
}
HONORIFICS = frozenset("mr mrs ms miss dr sir lady madam".split())
ABBREVIATED_TITLES = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "pres": "president",
    "sec": "secretary",
    "lt": "lieutenant",
    "col": "colonel",
    "amb": "ambassador",
    "atty": "attorney",
    "supt": "superintendent",
    "rev": "reverend",
    "del": "delegate",
    "capt": "captain",
    "sgt": "sergeant",
    "maj": "major",
    "adm": "admiral",
    "cmdr": "commander",
    "insp": "inspector",
}
STOP_AFTER_TITLE = re.compile(r"^(?:who|which|that|of|for|at|in|from|with|on|and|to)$", re.I)
WORD = re.compile(r"[\w’'.-]+")
POSSESSIVE = re.compile(r"[’'](?:s\b|\s)")  # "McDonald’s", "Jones'"
# One verb between a subject's name and the next name: "Cook told Benioff", "Simmons thanked Keys".
OBJECT_GAP = re.compile(r"\s+(?!and\b|or\b|nor\b|but\b|of\b|v\b|vs\b)[a-z]+(?:ed|d|s|t)\s+")
MAX_TITLE_WORDS = 6
# A person of the pronoun's known gender this close before it wins over a nearer person whose
# gender is unknown ("Mrs. Marsh met Omar Haddad. She ..."); about three news sentences.
GENDER_WINDOW = 500
GROUP_WINDOW = 400  # characters before "they" searched for the crowd it stands for
# Verbs by which someone puts out a message ("X issued a statement"): X is its source.
ISSUING_VERBS = "issued|released|published|posted|sent|put\\s+out|shared|signed|wrote"


@dataclass(frozen=True, slots=True)
class NamedMention:
    """A named-entity mention: ``text[start:end]`` and its NER label (PERSON, ORG, ...)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Referent:
    """Who a mention refers to: a canonical name and its kind (a person, an organisation, a group)."""

    name: str
    kind: RefKind


@dataclass
class _Person:
    forms: list[str] = field(default_factory=list)
    mentions: list[NamedMention] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    votes: dict[Gender, int] = field(default_factory=lambda: {"male": 0, "female": 0})

    @property
    def name(self) -> str:
        # The fullest form, the first used of equal length: an article introduces a person by
        # their full name; a later form as long is a misparse ("Hosting Cook" after "Tim Cook").
        return max(self.forms, key=lambda f: len(f.split()))

    @property
    def named(self) -> bool:
        """Whether the person has a first and last name, or a title, in the article."""
        return bool(self.titles) or any(len(form.split()) > 1 for form in self.forms)

    @property
    def gender(self) -> Gender | None:
        if self.votes["male"] == self.votes["female"]:
            return None
        return "male" if self.votes["male"] > self.votes["female"] else "female"


def name_key(name: str) -> list[str]:
    """The words of a person's name without honorifics or a possessive ending."""
    words = [w.strip(".,") for w in re.sub(r"[’']s$", "", name.strip()).split()]
    while words and words[0].lower().rstrip(".") in HONORIFICS | set(ABBREVIATED_TITLES):
        words = words[1:]
    return [w for w in words if w]


_PersonTest = Callable[[_Person], bool]
_OrgTest = Callable[[NamedMention], bool]


class Coreference:
    """The referents of one article, built from its text and its named-entity mentions.

    ``quoted`` are the stretches inside quotation marks: names there are the speakers' words,
    not antecedents of the writer's pronouns.
    """

    def __init__(
        self, text: str, mentions: Iterable[NamedMention], quoted: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.text = text
        self.quoted = sorted(quoted)
        self.people: list[_Person] = []
        self._person_at: list[tuple[NamedMention, _Person]] = []
        self.orgs: list[NamedMention] = []
        self.things: list[NamedMention] = []  # names of what cannot speak
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.label in PERSON_LABELS and name_key(mention.text):
                self._add_person(mention)
            elif mention.label in ORG_LABELS:
                self.orgs.append(mention)
            if mention.label in NON_SPEAKER_LABELS:
                self.things.append(mention)
        starts = [m.start for m, _ in self._person_at]
        for mention, person in self._person_at:
            person.titles |= _titles(text, mention)
            _vote_gender(text, mention, person, _first_in_sentence(text, mention, starts))
        self._outside = [(m, p) for m, p in self._person_at if not self.in_quote(m.start)]

    # ------------------------------------------------------------------ building
    def _add_person(self, mention: NamedMention) -> None:
        words = name_key(mention.text)
        form = " ".join(words)
        person = self._matching_person(words)
        if person is None:
            person = _Person()
            self.people.append(person)
        person.forms.append(form)
        person.mentions.append(mention)
        self._person_at.append((mention, person))

    def _matching_person(self, words: list[str]) -> _Person | None:
        """The person a name form joins: same last word, compatible first word, nearest before."""
        for _mention, person in reversed(self._person_at):
            for form in person.forms:
                other = form.split()
                if other[-1].lower() == words[-1].lower() and _compatible(other, words):
                    return person
                if len(words) == 1 and other[0].lower() == words[0].lower() and len(other) > 1:
                    return person  # "Hillary" after "Hillary Clinton"
        return None

    def in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    # ------------------------------------------------------------------ resolving
    def referent_at(self, start: int, end: int) -> Referent | None:
        """The referent of the named mention overlapping ``start:end``, if any."""
        for mention, person in self._person_at:
            if mention.start < end and start < mention.end:
                return Referent(person.name, "PER")
        for org in self.orgs:
            if org.start < end and start < org.end:
                if org.label in NON_SPEAKER_LABELS:
                    return None  # "Trump Tower said" is a misparse: a building never speaks
                return Referent(_org_name(org.text), "ORG")
        return None

    def names_a_thing(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps the name of something that cannot speak (a building, a
        work, a date) and no person's name; or is, word for word, a name the article gives such a
        thing elsewhere (NER may label one "Trump Tower" a building and the next a person)."""
        words = _org_name(self.text[start:end]).lower()
        if any(_org_name(m.text).lower() == words for m in self.things if m.label not in TIME_LABELS):
            return True
        if any(m.start < end and start < m.end for m, _ in self._person_at):
            return False
        return any(m.start < end and start < m.end for m in self.things)

    def names_a_place(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a place's name (a country, a city) and no person's."""
        if any(m.start < end and start < m.end for m, _ in self._person_at):
            return False
        return any(o.start < end and start < o.end for o in self.orgs if o.label in PLACE_LABELS)

    def resolve_name(self, name: str, at: int) -> Referent:
        """A name the NER missed: the known person with the same last word, else the name itself."""
        words = name_key(name)
        if words:
            nearest = self._nearest(at, lambda p: p.forms[0].split()[-1].lower() == words[-1].lower())
            if nearest is not None:
                return Referent(nearest.name, "PER")
        return Referent(" ".join(words) or name, "PER")

    def resolve_pronoun(self, pronoun: str, at: int) -> Referent | None:
        """The referent of a personal pronoun at offset ``at`` (the writer's voice)."""
        word = pronoun.lower()
        if word in MALE or word in FEMALE:
            gender: Gender = "male" if word in MALE else "female"
            person = self._nearest(at, lambda p: p.gender == gender, window=GENDER_WINDOW)
            if person is None:  # a one-word "person" with nothing personal about it is often a
                # company NER mislabelled ("Ubisoft"): a fuller name near enough goes first
                person = self._nearest(at, lambda p: p.gender is None and p.named, window=GENDER_WINDOW)
            if person is None:
                person = self._nearest(at, lambda p: p.gender in (None, gender), allow_after=True)
            return Referent(person.name, "PER") if person is not None else None
        if word in GROUP_PRONOUNS:
            return self._group_before(at)
        if word in ("it", "its"):
            org = self._org_before(at, lambda o: o.label not in NON_SPEAKER_LABELS)
            return Referent(_org_name(org.text), "ORG") if org is not None else None
        return None

    def resolve_nominal(self, head: str, at: int, plural: bool = False) -> Referent | None:
        """The referent of a description such as "the governor" or "the committee" at ``at``."""
        word = head.lower()
        if plural or word in CROWD_NOUNS:
            return Referent(word, "GROUP")  # "protesters", "officials", "the crowd"
        titled = self._nearest(at, lambda p: word in p.titles, allow_after=True)
        if titled is not None:
            return Referent(titled.name, "PER")
        if word in MESSAGE_NOUNS:
            return self._message_source(word, at)
        if word in ORG_NOUNS:
            org = self._org_before(at, lambda o: word in o.text.lower())
            return Referent(_org_name(org.text), "ORG") if org is not None else None
        return None

    def _nearest(
        self, at: int, ok: _PersonTest, allow_after: bool = False, window: int | None = None
    ) -> _Person | None:
        before = [(m, p) for m, p in self._outside if m.end <= at and ok(p)]
        if before and (window is None or before[-1][0].end >= at - window):
            return self._subject_over_possessive(before)
        if allow_after:
            for mention, person in self._outside:
                if mention.start >= at and ok(person):
                    return person
        return None

    def _subject_over_possessive(self, before: list[tuple[NamedMention, _Person]]) -> _Person:
        """The last candidate, unless it is a possessive (``McDonald’s cameo``) or the object of
        a verb right after another person (``Cook told Benioff``) and another candidate stands
        earlier in its sentence: a pronoun picks up the sentence's subject rather than a name
        inside its object (subject salience, as in Hobbs' algorithm)."""
        mention, person = before[-1]
        if len(before) > 1 and OBJECT_GAP.fullmatch(self.text, before[-2][0].end, mention.start):
            return before[-2][1]
        if not POSSESSIVE.match(self.text, mention.end):
            return person
        sentence = sentence_start(self.text, mention.start)
        for other, candidate in reversed(before[:-1]):
            if other.start < sentence:
                break
            if candidate is not person and not POSSESSIVE.match(self.text, other.end):
                return candidate
        return person

    def _org_before(self, at: int, ok: _OrgTest) -> NamedMention | None:
        for org in reversed(self.orgs):
            if org.end <= at and not self.in_quote(org.start) and ok(org):
                return org
        return None

    def _group_before(self, at: int) -> Referent | None:
        window = self.text[max(0, at - GROUP_WINDOW) : at]
        words = re.finditer(r"\b[A-Za-z][a-z]+\b", window)  # "Teachers rallied. They chanted"
        crowds = [m.group(0).lower() for m in words if _crowd(m.group(0).lower())]
        if crowds:
            return Referent(crowds[-1], "GROUP")
        org = self._org_before(at, lambda o: o.label in GROUP_LABELS)
        return Referent(_org_name(org.text), "ORG") if org is not None else None

    def _message_source(self, noun: str, at: int) -> Referent | None:
        """ "The report said" -> who the report came from: "a report from/by X" earlier in the text."""
        pattern = re.compile(rf"\b{re.escape(noun)}\s+(?:\w+\s+)?(?:from|by|of)\s+(?:the\s+)?", re.I)
        for match in reversed(list(pattern.finditer(self.text, 0, at))):
            after = match.end()
            for mention, person in self._person_at:
                if mention.start == after:
                    return Referent(person.name, "PER")
            source = _source_name(self.text[after : after + 80])
            for org in self.orgs:
                if org.start == after:  # "the Erja news website": the name with its noun
                    name = source if source and source.startswith(org.text) else org.text
                    return Referent(_org_name(name), "ORG")
            if source and not self.names_a_thing(after, after + len(source)):
                return Referent(source, "ORG")  # "the statement of Thursday's debate": a date is no source
        return self._issuer(noun, at)

    def _issuer(self, noun: str, at: int) -> Referent | None:
        """ "X said in a statement. … the statement said" -> X: the name nearest before the last
        "in a/its statement" (or "issued a statement") before ``at``, in the same sentence."""
        matches = list(issuing_pattern(noun).finditer(self.text, 0, at))
        if not matches:
            return None
        where = matches[-1].start()
        sentence = sentence_start(self.text, where)
        people = [(m.start, Referent(p.name, "PER")) for m, p in self._person_at]
        orgs = [
            (o.start, Referent(_org_name(_source_name(self.text[o.start : o.start + 80]) or o.text), "ORG"))
            for o in self.orgs
            if o.label not in NON_SPEAKER_LABELS
        ]
        before = sorted((s, r) for s, r in people + orgs if sentence <= s < where)
        return before[-1][1] if before else None


def _compatible(a: list[str], b: list[str]) -> bool:
    """Two forms ending in the same word name the same person unless their first names differ."""
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0].lower() == b[0].lower() or (a[0][0].lower() == b[0][0].lower() and a[0].endswith("."))


def _titles(text: str, mention: NamedMention) -> set[str]:
    """Title words the text gives a person: "Supreme Leader X", "X, the governor,", "the governor, X"."""
    found: set[str] = set()
    before = text[max(0, mention.start - 80) : mention.start]
    words = WORD.findall(before.split("\n")[-1])
    for word in reversed(words[-MAX_TITLE_WORDS:]):
        bare = word.lower().rstrip(".")
        if bare in ABBREVIATED_TITLES:
            found.add(ABBREVIATED_TITLES[bare])
        elif bare in ROLE_NOUNS:
            found.add(bare)
        elif word[:1].isupper() and not word.endswith(("’s", "'s")):
            continue  # "Supreme Leader", "Secretary of State": only role words count as titles
        else:
            break
    found |= _appositive_titles(text[mention.end : mention.end + 120])
    tail = re.search(r"\b(?:the|a|an)\s+([\w\s-]{2,60}?),\s*$", before)
    if tail:
        found |= {w for w in tail.group(1).lower().split() if w in ROLE_NOUNS} | {
            tail.group(1).split()[-1].lower()
        }
    return {t for t in found if t and t not in HONORIFICS and t not in ("the", "a", "an")}


def _appositive_titles(after: str) -> set[str]:
    match = re.match(
        r"\s*(?:\([^)]*\)\s*)?,\s*(?:(?:the|a|an|his|her|its|their|[A-Z][\w’'-]*[’']s)\s+)?", after
    )
    if not match:
        return set()
    words: list[str] = []
    for word in WORD.findall(after[match.end() :].split(",", maxsplit=1)[0])[:MAX_TITLE_WORDS]:
        if STOP_AFTER_TITLE.match(word):
            break
        words.append(word.lower())
    roles = {w for w in words if w in ROLE_NOUNS}
    return roles or ({words[-1]} if words else set())


def _crowd(word: str) -> bool:
    """A noun for several people: a crowd ("protesters") or the plural of a role ("teachers")."""
    return word in CROWD_NOUNS or (word.endswith("s") and word[:-1] in ROLE_NOUNS)


def sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


@functools.cache
def issuing_pattern(noun: str) -> re.Pattern[str]:
    """Where a message ``noun`` is put out: "in a statement", "issued its statement"."""
    words = rf"\b(?:in|{ISSUING_VERBS})\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?{re.escape(noun)}\b"
    return re.compile(words, re.I)


def _first_in_sentence(text: str, mention: NamedMention, starts: list[int]) -> bool:
    """Whether no other person is named earlier in the mention's sentence (it is likely its subject)."""
    sentence = sentence_start(text, mention.start)
    return not any(sentence <= start < mention.start for start in starts)


def _vote_gender(text: str, mention: NamedMention, person: _Person, subject: bool) -> None:
    before = text[max(0, mention.start - 6) : mention.start].lower()
    for title, gender in GENDER_TITLES.items():
        if re.search(rf"\b{title}\.?\s*$", before):
            person.votes[gender] += 3
    if not subject:
        return  # "Lena met Omar. She spoke.": the pronoun after Omar is Lena's
    # The first personal pronoun after the mention, within its sentence and the next one.
    window = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text[mention.end : mention.end + 300])
    for word in re.findall(r"\b\w+\b", " ".join(window[:2]).lower()):
        if word in MALE or word in FEMALE:
            person.votes["male" if word in MALE else "female"] += 1
            return


def _org_name(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", re.sub(r"[’']s$", "", text.strip()), flags=re.I)


def _source_name(text: str) -> str | None:
    """A capitalised name at the start of ``text``, with a trailing organisation noun ("X news website")."""
    match = re.match(r"(?:[A-Z][\w’'&.-]*\s+)*[A-Z][\w’'&.-]*", text)
    if not match:
        return None
    words = [match.group(0)]
    for word in text[match.end() :].split()[:2]:
        if word.lower().strip(".,") not in ORG_NOUNS | {"news"}:
            break
        words.append(word.strip(".,"))
    return " ".join(words).rstrip(".,;:")
