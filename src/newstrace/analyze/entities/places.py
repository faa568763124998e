"""Geocoding place names against the offline gazetteer, disambiguated by context and population.

"Paris" is the French capital (2.1 million people) unless the text says otherwise: "Paris, Texas",
or an article about Texas. Each candidate gets a score: the log of its population, plus points for
a qualifier right after the name ("Paris, Texas", "Paris, France"), for its country or region being
named in the article, and for the name being the place's own rather than one of its alternate names.
A country-level clue counts less than a regional one: the United States is named in much world news,
and that alone must not move Paris to Texas.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from newstrace.analyze.entities.gazetteer import Gazetteer, Place, name_key

__all__ = ["PlaceContext", "geocode", "place_context", "resolve_country_alias"]

# Score points, calibrated on the examples in tests/analyze/test_places.py: a qualifier right after the
# name decides; an article-level regional clue outweighs a factor ~30 in population (Paris TX vs FR),
# a country clue alone does not (log10 2.1M - log10 25k = 1.9 > COUNTRY_BONUS).
QUALIFIER_BONUS = 5.0
REGION_BONUS = 1.5
COUNTRY_BONUS = 1.0
OWN_NAME_BONUS = 1.0
# A region's population is the sum of its cities': a name shared by a city and a region (Washington)
# more often means the city, so regions lose a factor ten.
REGION_PENALTY = 1.0
# A place named by one of its alternate names must have this many people and lie in a country the
# article names: alternate names are many and short ("Machado" is also a Californian town's).
MIN_ALTERNATE_POPULATION = 100_000
WELL_KNOWN_POPULATION = 1_000_000  # ... or this many people, without context
QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3})")


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What an article says about where it is: the countries and regions it names unambiguously."""

    countries: frozenset[str] = field(default_factory=frozenset)
    regions: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (country, admin-1 code)


def place_context(names: list[str], gaz: Gazetteer) -> PlaceContext:
    """The countries and regions among ``names`` (an article's place names and demonyms)."""
    countries: set[str] = set()
    regions: set[tuple[str, str]] = set()
    for name in names:
        demonym = gaz.country_of_demonym(name)
        if demonym:
            countries.add(demonym)
            continue
        found = gaz.lookup(name)
        kinds = {p.kind for p in found}
        if found and found[0].kind == "country":
            countries.add(found[0].country)
        elif kinds == {"admin1"} and len(found) == 1:
            regions.add((found[0].country, found[0].admin1_code or ""))
            countries.add(found[0].country)
    return PlaceContext(frozenset(countries), frozenset(regions))


def geocode(name: str, gaz: Gazetteer, context: PlaceContext | None = None, after: str = "") -> Place | None:
    """The place ``name`` most likely means, or None.

    ``after`` is the text right after the mention, where a qualifier may stand ("Paris, Texas").
    """
    candidates = gaz.lookup(name)
    if not candidates:
        return None
    if candidates[0].kind == "country":
        return candidates[0]
    ctx = context or PlaceContext()
    qualifier = _qualifier(after, gaz)
    key = name_key(name)
    # A region named after its capital (Tehran province, Tehran): the name means the city.
    capitals = {
        (p.country, p.admin1_code) for p in candidates if p.kind == "city" and name_key(p.name) == key
    }
    best: tuple[float, Place] | None = None
    for place in candidates:
        if place.kind == "admin1" and (place.country, place.admin1_code) in capitals:
            continue
        own = name_key(place.name) == key
        score = _score(place, own, ctx, qualifier)
        if score is None:
            continue
        if best is None or score > best[0]:
            best = (score, place)
    return best[1] if best else None


def _score(
    place: Place, own: bool, ctx: PlaceContext, qualifier: tuple[set[str], set[tuple[str, str]]]
) -> float | None:
    region = (place.country, place.admin1_code or "")
    in_country = place.country in ctx.countries or place.country in qualifier[0]
    in_region = region in ctx.regions | qualifier[1]
    known = place.population >= MIN_ALTERNATE_POPULATION and (in_country or in_region)
    if not own and not (known or place.population >= WELL_KNOWN_POPULATION):
        return None  # an alternate name ("Teheran") needs a large place, or the article's country
    score = math.log10(max(place.population, 10))
    score += OWN_NAME_BONUS if own else 0.0
    score -= REGION_PENALTY if place.kind == "admin1" else 0.0
    if place.country in qualifier[0] or region in qualifier[1]:
        score += QUALIFIER_BONUS
    score += REGION_BONUS if region in ctx.regions else 0.0
    score += COUNTRY_BONUS if place.country in ctx.countries else 0.0
    return score


def _qualifier(after: str, gaz: Gazetteer) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and regions named right after a mention: ", Texas", ", France"."""
    match = QUALIFIER.match(after)
    if not match:
        return set(), set()
    countries: set[str] = set()
    regions: set[tuple[str, str]] = set()
    for place in gaz.lookup(match.group(1)):
        if place.kind == "country":
            countries.add(place.country)
        elif place.kind == "admin1":
            regions.add((place.country, place.admin1_code or ""))
    return countries, regions


def resolve_country_alias(name: str, gaz: Gazetteer, context: PlaceContext) -> Place | None:
    """The country an official short form means ("the Islamic Republic" -> Iran), by the article's context.

    Several countries share such forms (Iran, Pakistan, Afghanistan and Mauritania are each an
    "Islamic Republic"): only a form that fits exactly one country the article names resolves.
    """
    fits = gaz.official_countries(name) & context.countries
    if len(fits) != 1:
        return None
    return gaz.countries.get(next(iter(fits)))
