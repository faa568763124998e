"""The ``entities`` step: who and what an article names, each with its forms, mentions and place.

Mentions (mentions.py) are grouped into one :class:`~newstrace.model.ArticleEntity` per entity. Two
forms are the same entity when the text says so (an acronym definition, an honorific in parentheses,
a descriptor), or when:

- they are the same place in the gazetteer ("U.S." and "United States"; "the Islamic Republic" and
  "Iran" when Iran is the one Islamic Republic the article names), or demonyms of one country
  ("Iranian", "Iranians");
- a person's shorter name is the end of exactly one longer name in the article ("Khamenei",
  "Ali Khamenei"); two people who share it keep it apart;
- an acronym is the initials of exactly one longer name ("IRGC", "Islamic Revolutionary Guard Corps");
- a one-word organisation name is a distinctive word of exactly one longer one ("Basij" and
  "Basij Force"), or its members' plural ("Basijis");
- events.py puts two event mentions together.

The canonical name is the place's gazetteer name, else the longest plain form (not a compound such
as "PMOI/MEK", nor an honorific). Everything is bounded: at most ``max_mentions`` mentions an article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newstrace.analyze.entities.gazetteer import Gazetteer, Place
from newstrace.analyze.entities.gazetteer_cache import load_gazetteer
from newstrace.analyze.entities.mentions import Found, Mention, find_mentions
from newstrace.analyze.entities.named_events import find_named_events, group_events
from newstrace.analyze.entities.places import PlaceContext, geocode, place_context, resolve_country_alias
from newstrace.analyze.nlp import article_nlp, shared_model
from newstrace.analyze.options import EntityOptions
from newstrace.analyze.step import ArticleWork, Resources, Step
from newstrace.graph import DisjointSet
from newstrace.model import Article, ArticleEntity, DateMention, Span
from newstrace.text.acronyms import acronym_letters, initials, is_acronym
from newstrace.text.lexicon import GENERIC_ORG_WORDS, MEMBER_SUFFIXES, ORG_HEADS
from newstrace.text.names import (
    MIN_DISTINCT_WORD,
    distinctive_words,
    form_key,
    is_name_word,
    lowercase_words,
    transliteration_key,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "LABELS",
    "STEP",
    "EntitiesStep",
    "entity_at",
    "find_entities",
    "ner_mentions",
]

LABELS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "FAC": "FAC",
    "PRODUCT": "PRODUCT",
    "WORK_OF_ART": "WORK",
    "LAW": "LAW",
}
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
ORG_LIKE = frozenset({"ORG", "PRODUCT", "WORK", "LAW"})  # NER's labels for organisations it misreads
MIN_PERSON_ACRONYM = 3  # "MBS" for Mohammed bin Salman; two letters ("AP", "UN") fit a person only by chance
# How much a mention's source counts when the kinds of an entity's mentions disagree.
KIND_WEIGHT = {"definition": 3, "event": 3, "title": 2, "org-head": 2, "gloss": 2, "compound": 2}
KIND_WEIGHT |= {"demonym": 2, "ner": 1, "acronym": 1, "alias": 0}


def ner_mentions(doc: Doc) -> list[Mention]:
    """spaCy's entities of ``doc`` as raw mentions (labels mapped to PER, ORG, GPE, ...)."""
    return [
        Mention(e.start_char, e.end_char, e.text, LABELS[e.label_], "ner")
        for e in doc.ents
        if e.label_ in LABELS
    ]


def find_entities(
    article: Article,
    ner: Sequence[Mention],
    dates: Sequence[DateMention],
    gaz: Gazetteer,
    options: EntityOptions | None = None,
    *,
    common: frozenset[str] = frozenset(),
) -> list[ArticleEntity]:
    """The entities of ``article`` from its NER mentions and DateMentions.

    ``common`` holds lower-case English words (SpacyModel.common_words): such a word is no
    distinctive part of an organisation's name ("House" is not "the White House").
    """
    opts = options or EntityOptions()
    text = article.text
    events = find_named_events(text, dates, lambda word: gaz.country_of_demonym(word) is not None)
    lowercase = lowercase_words(text)
    found = find_mentions(text, ner, events, gaz, opts.max_mentions, lowercase=lowercase)
    grouping = FormGroups(found, text, gaz, (common, lowercase))
    return grouping.entities(article.id)


class EntitiesStep(Step[list[ArticleEntity]]):
    """Attaches the article's entities: names, kinds, aliases, mentions, places' coordinates."""

    name = "entities"
    needs = ("dates",)

    def prepare(self, resources: Resources) -> None:
        """Load the gazetteer and the model's English words."""
        self._resources(resources)

    def find(self, work: ArticleWork) -> list[ArticleEntity]:
        """The article's entities from its NER mentions and date mentions."""
        gaz, common = self._resources(work.resources)
        ner = ner_mentions(article_nlp(work).entities)
        return find_entities(work.article, ner, work.dates, gaz, work.options.entities, common=common)

    def attach(self, work: ArticleWork, found: list[ArticleEntity]) -> None:
        """Add them to ``work.entities``."""
        work.entities.extend(found)

    @staticmethod
    def _resources(resources: Resources) -> tuple[Gazetteer, frozenset[str]]:
        """The gazetteer and the English words of the model, loaded once per worker."""
        gaz = resources.get("gazetteer", load_gazetteer, Gazetteer)
        common = resources.get("common-words", lambda _: shared_model(resources).common_words(), frozenset)
        return gaz, common


STEP = EntitiesStep()


def _spellings(words: Iterable[str]) -> set[str]:
    """The transliteration keys of a name's romanised words (those with a particle: "al-Shabaab")."""
    return {k for w in words if is_name_word(w) and not w[:1].isupper() and (k := transliteration_key(w))}


def _letters_acronym(form: str) -> bool:
    """An acronym of letters (and dots) only: "IRGC", "U.N."; not "EB-5" or "G7"."""
    return is_acronym(form) and all(c.isalpha() or c == "." for c in form)


def entity_at(entities: Sequence[ArticleEntity], start: int, end: int) -> ArticleEntity | None:
    """The entity one of whose mentions overlaps ``[start, end)`` (a speaker's span), or None.

    A mention inside the span beats one that only overlaps it; then the longest mention wins.
    """
    best: tuple[bool, int, ArticleEntity] | None = None
    for entity in entities:
        for m in entity.mentions:
            if m.start < end and start < m.end:
                key = (start <= m.start and m.end <= end, m.end - m.start, entity)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


class FormGroups:
    """An article's surface forms (by form_key) merged into groups, then one entity per group."""

    def __init__(
        self, found: Found, text: str, gaz: Gazetteer, common: tuple[frozenset[str], frozenset[str]]
    ) -> None:
        self.found, self.text, self.gaz, self.common = found, text, gaz, common
        self._kinds: dict[str, str | None] = {}
        self.sets: DisjointSet[str] = DisjointSet()
        self.forms: dict[str, list[Mention]] = defaultdict(list)
        for m in found.mentions:
            key = form_key(m.text)
            self.forms[key].append(m)
            self.sets.add(key)
        self.surface: dict[str, str] = {form_key(m.text): m.text for m in reversed(found.mentions)}
        self.places: dict[str, Place] = {}
        # a title standing for a person ("His Eminence", "the Commander (Lopez)") does not name them
        self.secondary = {link.a for link in found.links if link.reason in ("honorific", "title")}
        self.secondary |= {link.b for link in found.links if link.reason in ("descriptor", "compound")}
        for link in found.links:
            self._add_form(link.a)
            self._add_form(link.b)
            self.sets.union(form_key(link.a), form_key(link.b))
        # The people's names split in words, and the last words of the multi-word ones (surnames).
        self.people = {k: self.surface[k].split() for k in self.forms if self.kind_of(k) == "PER"}
        self.surnames = {words[-1] for words in self.people.values() if len(words) > 1}
        rules = (self._places, self._demonyms, self._plurals, self._people, self._first_names, self._prefixes)
        for rule in (*rules, self._acronyms, self._words, self._events):
            rule()

    def _add_form(self, form: str) -> None:
        key = form_key(form)
        self.sets.add(key)
        self.surface.setdefault(key, form)

    def kind_of(self, key: str) -> str | None:
        """The kind a form's own mentions vote for (None for a form only the links name)."""
        if key not in self._kinds:
            self._kinds[key] = self._vote(key)
        return self._kinds[key]

    def _vote(self, key: str) -> str | None:
        votes = self._votes([key])
        return votes.most_common(1)[0][0] if votes else None

    def _votes(self, keys: list[str]) -> Counter[str]:
        """The kinds the forms' mentions give, each weighted by how much its source counts."""
        votes: Counter[str] = Counter()
        for k in keys:
            for m in self.forms.get(k, ()):
                votes[m.kind] += KIND_WEIGHT.get(m.source, 1)
        return votes

    def _places(self) -> None:
        keys = [k for k in self.forms if self.kind_of(k) in PLACE_KINDS or self._abbreviated_country(k)]
        context = place_context(
            [self.surface[k] for k in keys]
            + [self.surface[k] for k in self.forms if self.kind_of(k) == "NORP"],
            self.gaz,
        )
        by_place: dict[tuple[str, int | None, str], str] = {}
        for key in keys:
            place = self._geocode(key, context)
            if place is None:
                continue
            self.places[key] = place
            ident = (place.kind, place.geo.geonameid, place.name)
            if ident in by_place:
                self.sets.union(by_place[ident], key)
            else:
                by_place[ident] = key

    def _abbreviated_country(self, key: str) -> bool:
        form = self.surface[key]
        return is_acronym(form) and any(p.kind == "country" for p in self.gaz.lookup(form))

    def _geocode(self, key: str, context: PlaceContext) -> Place | None:
        form = self.surface[key]
        if " " not in form and form in self.surnames:
            return None  # "Machado" after "Alicia Machado": a surname, not a town
        first = self.forms[key][0]
        return geocode(
            form, self.gaz, context, self.text[first.end : first.end + 40]
        ) or resolve_country_alias(form, self.gaz, context)

    def _demonyms(self) -> None:
        first_of: dict[str, str] = {}
        for key in self.forms:
            code = self.gaz.country_of_demonym(self.surface[key])
            if code and self.kind_of(key) == "NORP":
                self.sets.union(first_of.setdefault(code, key), key)

    def _people(self) -> None:
        """A shorter name joins the one person's name it ends ("Khamenei" -> "Ali Khamenei").

        The shorter name may carry another label (NER calls a lone surname ORG or GPE at times), but
        not a place the gazetteer resolved, a people, or an event.
        """
        for key in self.forms:
            if key in self.places or self.kind_of(key) in ("NORP", "EVENT"):
                continue
            short = self.surface[key].split()
            fits = {
                self.sets.find(k)
                for k, long in self.people.items()
                if len(short) < len(long) and long[-len(short) :] == short
            }
            if len(fits) == 1:
                self.sets.union(key, fits.pop())

    def _first_names(self) -> None:
        """A lone first name joins the one person in the article with that first name ("Dario")."""
        for key, words in self.people.items():
            if len(words) != 1:
                continue
            fits = {
                self.sets.find(k)
                for k, other in self.people.items()
                if len(other) > 1 and other[0] == words[0]
            }
            if len(fits) == 1 and self.surface[key] not in self.surnames:
                self.sets.union(key, fits.pop())

    def _plurals(self) -> None:
        """A people's name and its plural are one group ("Valdorian", "Valdorians")."""
        norp = {self.surface[k]: k for k in self.forms if self.kind_of(k) == "NORP"}
        for form, key in norp.items():
            if form + "s" in norp:
                self.sets.union(key, norp[form + "s"])

    def _prefixes(self) -> None:
        """An organisation's name cut short joins the one longer name it begins ("National Council")."""
        orgs = {k: self.surface[k].split() for k in self.forms if self.kind_of(k) == "ORG"}
        for key, words in orgs.items():
            if len(words) < 2 or words[-1] not in ORG_HEADS:
                continue
            fits = {
                self.sets.find(k)
                for k, other in orgs.items()
                if len(other) > len(words) and other[: len(words)] == words
            }
            if len(fits) == 1:
                self.sets.union(key, fits.pop())

    def _acronyms(self) -> None:
        """An acronym (letters only) joins the one longer name whose initials it is; a name labelled
        a person's only for an acronym of MIN_PERSON_ACRONYM letters or more ("MBS", and "HSM" of a
        romanised organisation's name the parser took for a person's): two initials fit too many people."""
        names = {k: initials(self.surface[k]) for k in self.forms if len(self.surface[k].split()) > 1}
        # a letters-only acronym has two letters or more, so "" (a one-word name's initials) never fits
        for key in [k for k in self.forms if _letters_acronym(self.surface[k]) and k not in self.places]:
            letters = acronym_letters(self.surface[key])
            fits = {
                self.sets.find(k)
                for k, spelt in names.items()
                if letters in spelt and (len(letters) >= MIN_PERSON_ACRONYM or self.kind_of(k) != "PER")
            }
            if len(fits) == 1:
                self.sets.union(key, fits.pop())

    def _words(self) -> None:
        """A distinctive one-word organisation name, or its members' plural, joins the one name it is in."""
        orgs = {
            k: set(distinctive_words(self.surface[k].split()))
            for k in self.forms
            if self.kind_of(k) in ("ORG", None)
        }
        spellings = {k: _spellings(words) for k, words in orgs.items()}
        for key in [k for k in self.forms if " " not in self.surface[k] and self.kind_of(k) in ORG_LIKE]:
            word = self.surface[key]
            if word in GENERIC_ORG_WORDS or len(word) < MIN_DISTINCT_WORD or is_acronym(word):
                continue
            if any(word.lower() in words for words in self.common) or self._personal(key):
                continue  # "House" is no part of "the White House" alone; "Trump" of Trump University
            if key in self.places or self.gaz.is_norp(word) or self.kind_of(key) in PLACE_KINDS | {"PER"}:
                continue
            stems = {word[: -len(s)] for s in MEMBER_SUFFIXES if word.endswith(s)} | {word}
            spelling = transliteration_key(word)  # "al-Shabab" in "Harakat al-Shabaab al-Mujahideen"
            fits = {
                self.sets.find(k)
                for k, words in orgs.items()
                if k != key and (stems & words or self.surface[k] in stems or spelling in spellings[k])
            }
            if len(fits) == 1:
                self.sets.union(key, fits.pop())

    def _personal(self, key: str) -> bool:
        """Whether a form is (also) a person's name here: labelled PER, or the end of a PER name."""
        if any(m.kind == "PER" for m in self.forms.get(key, ())):
            return True
        return self.surface[key] in self.surnames

    def _events(self) -> None:
        for group in group_events(self.found.events):
            keys = [k for k in (form_key(m.span.text) for m in group) if k in self.sets]
            for key in keys[1:]:
                self.sets.union(keys[0], key)

    def entities(self, article_id: str) -> list[ArticleEntity]:
        out: dict[tuple[str, str], ArticleEntity] = {}
        for keys in self.sets.groups():
            entity = self._entity(article_id, keys)
            if entity is None:
                continue
            if (entity.kind, entity.name) in out and entity.geo is not None:
                # two places of one name (Paris, France and Paris, Texas): qualify the second
                where = entity.geo.admin1 or entity.geo.country
                entity = replace(entity, name=f"{entity.name}, {where}")
            out.setdefault((entity.kind, entity.name), entity)
        return sorted(out.values(), key=lambda e: e.mentions[0].start)

    def _entity(self, article_id: str, keys: list[str]) -> ArticleEntity | None:
        mentions = sorted((m for k in keys for m in self.forms.get(k, ())), key=lambda m: m.start)
        if not mentions:
            return None
        place = next((self.places[k] for k in keys if k in self.places), None)
        kind = self._kind(keys, place)
        forms = list(dict.fromkeys([m.text for m in mentions] + [self.surface[k] for k in keys]))
        name = place.name if place else self._canonical(kind, keys, forms)
        geo = place.geo if place else None
        if kind == "NORP" and geo is None:
            code = next(filter(None, map(self.gaz.country_of_demonym, forms)), None)
            country = self.gaz.countries.get(code or "")
            geo = country.geo if country else None
        spans = tuple(Span(m.start, m.end, m.text) for m in mentions)
        return ArticleEntity(article_id, name, kind, tuple(forms), spans, geo, self._date(keys))

    def _kind(self, keys: list[str], place: Place | None) -> str:
        if any(m.source == "event" for k in keys for m in self.forms.get(k, ())):
            return "EVENT"
        votes = self._votes(keys)
        kind = votes.most_common(1)[0][0] if votes else "ORG"
        if place is not None and kind not in PLACE_KINDS:
            return "GPE"
        if place is None and kind in PLACE_KINDS and all(is_acronym(self.surface[k]) for k in keys):
            return "ORG"  # an acronym the gazetteer does not know ("IRGC") is no place
        return kind

    def _canonical(self, kind: str, keys: list[str], forms: list[str]) -> str:
        """The longest plain form: no compound ("PMOI/MEK", "MEK Iran"), descriptor or honorific."""
        plain = [f for f in forms if "/" not in f and f not in self.secondary]
        pool = plain or forms
        if kind == "PER":  # the full name used most ("Hillary Clinton", not "Crooked ...")
            count = Counter(m.text for k in keys for m in self.forms.get(k, ()))
            return max(pool, key=lambda f: (len(f.split()) > 1, count[f], len(f), -forms.index(f)))
        return max(pool, key=lambda f: (len(f.split()), len(f), -forms.index(f)))

    def _date(self, keys: list[str]) -> str | None:
        events = [e for e in self.found.events if form_key(e.span.text) in keys and e.date is not None]
        if not events:
            return None
        best = min(events, key=lambda e: (e.until is not None, -len(e.date.iso()) if e.date else 0))
        assert best.date is not None
        return best.date.iso() + (f"/{best.until.iso()}" if best.until else "")
