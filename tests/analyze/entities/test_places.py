"""Offline geocoding: countries, cities, first-level regions and demonyms, disambiguated by context."""

from __future__ import annotations

import pytest

from newstrace.analyze.entities.gazetteer import Gazetteer, build_gazetteer, name_key
from newstrace.analyze.entities.places import PlaceContext, geocode, place_context, resolve_country_alias

pytestmark = pytest.mark.slow  # the gazetteer takes a few seconds to build


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return build_gazetteer()


# (name, text after it, names elsewhere in the article) -> (kind, country, admin-1, GeoNames id)
PLACES = [
    ("Tehran", "", [], ("city", "IR", "Tehran", 112931)),
    ("Teheran", "", [], ("city", "IR", "Tehran", 112931)),
    ("Paris", "", ["Iran", "United States"], ("city", "FR", "Ile-de-France", 2988507)),
    ("Paris", ", Texas", ["France"], ("city", "US", "Texas", 4717560)),
    ("Paris", "", ["Texas", "Dallas"], ("city", "US", "Texas", 4717560)),
    ("Albania", "", [], ("country", "AL", None, 783754)),
    ("East Azerbaijan", "", [], ("admin1", "IR", "East Azerbaijan", 142549)),
    ("Bavaria", "", [], ("admin1", "DE", "Bavaria", 2951839)),
    ("U.S.", "", [], ("country", "US", None, 6252001)),
    ("The United States", "", [], ("country", "US", None, 6252001)),
    ("Washington", "", [], ("city", "US", "District of Columbia", 4140963)),
]


@pytest.mark.parametrize(("name", "after", "context", "expected"), PLACES)
def test_geocode(
    gaz: Gazetteer, name: str, after: str, context: list[str], expected: tuple[str, str, str | None, int]
) -> None:
    place = geocode(name, gaz, place_context(context, gaz), after)
    assert place is not None
    assert (place.kind, place.geo.country, place.geo.admin1, place.geo.geonameid) == expected


def test_coordinates_are_real(gaz: Gazetteer) -> None:
    tehran = geocode("Tehran", gaz)
    azerbaijan = geocode("East Azerbaijan", gaz)
    albania = geocode("Albania", gaz)
    assert tehran is not None and abs(tehran.geo.lat - 35.69) < 0.1 and abs(tehran.geo.lon - 51.42) < 0.1
    # a region's point is its largest city's (Tabriz), a country's its capital's (Tirana)
    assert (
        azerbaijan is not None
        and abs(azerbaijan.geo.lat - 38.08) < 0.1
        and abs(azerbaijan.geo.lon - 46.29) < 0.1
    )
    assert albania is not None and abs(albania.geo.lat - 41.33) < 0.1 and abs(albania.geo.lon - 19.82) < 0.1


@pytest.mark.parametrize("name", ["Valdoria", "Port Meridian", "us", "Regime", ""])
def test_unknown_names_are_not_places(gaz: Gazetteer, name: str) -> None:
    assert geocode(name, gaz) is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Iranian", "IR"),
        ("Iranians", "IR"),
        ("French", "FR"),
        ("Albanians", "AL"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Iraqi", "IQ"),
        ("Chinese", "CN"),
        ("Western", None),
        ("Khamenei", None),
    ],
)
def test_demonyms(gaz: Gazetteer, word: str, country: str | None) -> None:
    assert gaz.country_of_demonym(word) == country


def test_official_short_form_needs_one_country_in_context(gaz: Gazetteer) -> None:
    iran = resolve_country_alias("Islamic Republic", gaz, place_context(["Iran", "France"], gaz))
    assert iran is not None and iran.name == "Iran"
    assert resolve_country_alias("Islamic Republic", gaz, PlaceContext()) is None
    both = place_context(["Iran", "Pakistan"], gaz)
    assert resolve_country_alias("Islamic Republic", gaz, both) is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S.", "US"),
        ("US", "US"),
        ("us", "us"),
        ("The Hague", "hague"),
        ("Tehrān", "tehran"),
        ("PARIS", "paris"),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key
