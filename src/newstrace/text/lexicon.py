"""Word lists the entity and quote rules use: titles, roles, organisation head nouns, descriptors.

General English, no names.

Each list says what a word does in a name; none of them names an entity.
"""

from __future__ import annotations

__all__ = [
    "DESCRIPTORS",
    "DETERMINERS",
    "GENERIC_ORG_WORDS",
    "GLOSS_HEADS",
    "HONORIFICS",
    "MEMBER_SUFFIXES",
    "ORG_HEADS",
    "ROLE_NOUNS",
    "TITLES",
    "TITLE_ROLES",
]

# Words before a person's name that are not part of it ("Supreme Leader Ali Khamenei", "Dr. Okafor").
TITLES = frozenset(
    """
    President Vice Prime Minister Supreme Leader Secretary Senator Sen. Rep. Representative Governor
    Gov. Mayor King Queen Prince Princess Emperor Sultan Emir Sheikh Ayatollah Imam Pope Cardinal
    Archbishop Bishop Rev. Reverend Father General Gen. Colonel Col. Lieutenant Lt. Major Maj. Captain
    Capt. Sergeant Sgt. Admiral Commander Chancellor Chairman Chairwoman Chair Director Ambassador
    Judge Justice Chief Deputy Speaker Foreign Health Interior Defense Defence Finance Economy
    Education Justice Labour Labor Trade State Mr. Mrs. Ms. Miss Dr. Prof. Professor Sir Dame Lord
    Lady Spokesman Spokeswoman Spokesperson Commissioner Premier Leader Señor Señora Herr Frau Monsieur
    Madame
    """.split()
)
# Role nouns: what a person is or does in the news. A nominal speaker has one ("the minister
# said"), a title before a name may be one ("PMV spokeswoman Marta Quiroga"); a lexicon, as in
# most rule-based coreference.
ROLE_NOUNS = frozenset(
    """
    activist adviser advisor aide ambassador analyst anchor attorney author ayatollah billionaire
    businessman businesswoman campaigner candidate chair chairman chairwoman challenger chancellor chief
    cleric coach columnist commander commissioner congressman congresswoman consultant correspondent
    deputy diplomat director dissident economist editor envoy executive expert founder general governor
    head historian host incumbent journalist judge king lawmaker lawyer leader manager mayor minister
    negotiator nominee officer official opponent organiser organizer owner partner pollster premier
    president president-elect prince princess professor prosecutor queen reporter representative
    researcher rival scientist secretary senator sheriff speaker spokesman spokesperson spokeswoman
    strategist veteran vice-president
    teacher doctor nurse physician surgeon pastor priest rabbi imam bishop farmer engineer student
    principal superintendent detective trooper soldier pilot player athlete captain
    """.split()
)
# The role nouns that, in lower case right before capitalised words, make them a person's name
# ("PMV spokeswoman Marta Quiroga"). Left out are the roles the entity rules were not tuned with:
# many of them also come before what is no person's name (a party, a company, a place: "veteran
# Labour figures", "rival Northwind", "host city Calder"), and taking them in changes the
# mentions found, so they stay out until that is checked.
TITLE_ROLES = ROLE_NOUNS - frozenset(
    """
    anchor attorney author ayatollah billionaire businessman businesswoman campaigner challenger
    chancellor coach columnist commissioner congressman congresswoman consultant diplomat economist
    editor executive expert general historian host incumbent judge king manager negotiator nominee
    officer opponent owner partner pollster premier president-elect prince princess prosecutor queen
    representative rival scientist sheriff speaker strategist veteran vice-president
    """.split()
)
# Honorifics that stand for a person: "His Eminence (Khamenei)".
HONORIFICS = frozenset("Eminence Excellency Majesty Highness Holiness Grace Honour Honor".split())
DETERMINERS = frozenset("the The a A an An this This that That these These those Those".split())
# Names of armed movements that are organisations on their own, in their common transliterations.
MOVEMENT_NAMES = frozenset(
    """Mojahedin Mojahedeen Mujahedin Mujahedeen Mujahideen Mujahidin Taliban Hezbollah Hizbollah
    Hizballah Hamas""".split()
)
# Last words that make a capitalised sequence an organisation ("Resistance Units", "Basij Force").
ORG_HEADS = MOVEMENT_NAMES | frozenset(
    """
    Organization Organisation Council Party Army Corps Force Forces Guard Guards Front Movement Union
    Committee Ministry Agency Court Assembly Parliament Government Commission Institute University
    College Bank Company Corporation Group Units Unit Network Brigade Brigades Association Federation
    League Alliance Coalition Resistance Service Services Police Office Department Board Foundation
    Fund Society Center Centre Times Post Radio Television Press Tribunal Senate Cabinet Navy
    Militia
    """.split()
)
# Organisation head words too common to stand alone for one organisation ("the Council").
GENERIC_ORG_WORDS = ORG_HEADS - MOVEMENT_NAMES
# Lowercase words after an organisation's name that say what it is ("Erja news website", "Basij militia").
DESCRIPTORS = (
    "news website",
    "news site",
    "news agency",
    "news network",
    "website",
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "broadcaster",
    "television",
    "militia",
    "paramilitary",
    "group",
    "organization",
    "organisation",
    "party",
    "movement",
    "force",
)
# Nouns of a gloss that makes the word before it an organisation: "Pride [an Iranian car manufacturer]".
GLOSS_HEADS = frozenset(
    """
    manufacturer carmaker company firm group newspaper agency website organization organisation party
    militia broadcaster bank brand network channel outlet union association
    """.split()
)
# Plurals for an organisation's members: "Basijis" for the Basij, "Baathists" for the Baath.
MEMBER_SUFFIXES = ("is", "ists", "ites", "s")


EVENT_NOUNS = frozenset(
    """
    uprising revolution revolt protest demonstration rally summit gathering conference election war
    massacre execution attack bombing coup strike march crisis earthquake referendum ceasefire
    olympics games riot crackdown invasion genocide offensive festival congress convention forum
    intifada insurrection rebellion
    """.split()
)
