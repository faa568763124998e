"""The event kinds: their trigger words, PLOVER-style category and modes, and what a literal use needs.

Trigger lexicon written for this project from PLOVER's category definitions (PROTEST, ASSAULT,
COERCE, CONSULT, THREATEN) and ACLED's event descriptions. PLOVER codes political interaction
only; accidents and disasters, which the news covers as much, get two PLOVER-style categories
of their own: ``ACCIDENT`` (crash, fire, explosion without an attacker, collapse of a structure)
and ``DISASTER`` (flood, earthquake, storm, outbreak of a disease), as ``STATEMENT`` extends
PLOVER for speeches. Order matters for ``EVENT_KINDS``: a sentence gets one mention per kind it
holds a trigger of, and the accident and disaster kinds come before ``killing``, because the dead
of a crash or an epidemic were not killed by anyone (``KILLING_NEEDS``). A disease breaks out
when people catch it: an outbreak's sentence tells of cases, patients or deaths (one person's
infection is a case, and a disease named alone is a topic, not an event).

A trigger word is an event only in a literal use. The words of accidents and disasters are the
ones most used as metaphors ("a perfect storm", "came under fire", "the collapse of talks"), so
each needs, in its sentence, a participant that fits the kind (``fits``): a vehicle crashes, a
building collapses, a disease breaks out. Fixed figurative phrases are refused outright
(``FIGURATIVE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ANY_TRIGGER",
    "ATTACKER",
    "EVENT_KINDS",
    "FIGURATIVE",
    "KILLING_NEEDS",
    "NEUTRAL_DEATH",
    "EventKind",
    "literal_use",
]


@dataclass(frozen=True, slots=True)
class EventKind:
    """An event type: its triggers (word-start regexes), PLOVER category, modes by trigger, and the
    participants one of which a literal mention's sentence must hold (``fits``, empty: none needed)."""

    name: str
    category: str
    triggers: str
    modes: tuple[tuple[str, str], ...] = ()
    fits: str = ""
    near: int = 0  # how close to the trigger a fitting participant must be, in characters (0: anywhere)


_VEHICLES = (
    r"plane|aircraft|airliner|airlines?|airways|jet|helicopter|chopper|flight|cessna|boeing|airbus|car|vehicle|truck|lorry"
    r"|bus|van|suv|sedan|motorcycle|train|tram|subway|boat|ship|ferry|vessel|drone|driver|pilot|passengers"
)
_VEHICLES = rf"(?:{_VEHICLES})(?:s|es)?\b"  # whole words: "bus" is no "Bush", "train" no "training"
CRIME_NEAR = 30  # "criminal charges", "charged with murder": a charge names its crime beside it
EVENT_KINDS: tuple[EventKind, ...] = (
    EventKind(
        "internet shutdown",
        "COERCE",
        r"internet (?:shutdown|blackout|cut|restriction)s?|cut off (?:the )?internet"
        r"|shut (?:down|off) (?:the )?internet",
        (("", "censor"),),
    ),
    EventKind(
        "execution",
        "COERCE",
        r"execut(?:ed|ion|ions)\b|hanged\b|hanging of",
        (("", "execute"),),
        # "executed a warrant", "the execution of the plan": the killing sense needs the condemned
        r"death|sentence|prisoners?|inmates?|firing squad|convict|lethal|gallows|condemned|regime"
        r"|(?:was|were|been|be) (?:publicly )?(?:executed|hanged)|hanged",
    ),
    EventKind(
        "sentence",
        "COERCE",
        r"sentenc(?:ed|ing)|convicted|convicting|verdict|pleaded guilty|pled guilty"
        r"|(?:found|find|finds) (?:him |her |them )?guilty",
        (("", "sentence"),),
    ),
    EventKind(
        "arrest",
        "COERCE",
        r"arrest(?:s|ed|ing)?\b|detain(?:s|ed|ing)?\b|detention|rounded up|imprison(?:ed)?\b"
        # being taken into or held in custody is an arrest; "migrants in custody" names a state,
        # "released from custody" a release
        r"|apprehend(?:ed)?\b"
        r"|(?:into|(?:held|taken|placed|kept|remanded) in) (?:police |federal |state )?custody\b",
        (("", "arrest"),),
    ),
    EventKind(  # a charge is also a price, a claim, a duty or a rush ("in charge of", "charged at",
        # "Trump's charge that..."): a criminal charge names its crime
        "arrest",
        "COERCE",
        r"charged (?:\w+ ){0,3}?with\b|charges?\b|indicted\b|indictments?\b",
        (("", "charge"),),
        r"criminal|crimes?\b|murder|manslaughter|assault|kidnap|rape|fraud|conspir|theft|robbery|terroris"
        r"|felon|misdemeanou?r|counts? of|espionage|homicide|trafficking|smuggling|bribery|burglary"
        r"|weapons? (?:charges?|offen)|drug (?:charges?|offen)|obstruction|perjury|abuse|indecency",
        CRIME_NEAR,
    ),
    EventKind(
        "crash",
        "ACCIDENT",
        r"crash(?:es|ed|ing)?\b|collid(?:ed|es)\b|collision|derail(?:ed|ment)|capsiz(?:ed|es)|sank\b",
        (("derail", "rail"), ("capsiz", "sea"), ("sank", "sea"), ("", "vehicle")),
        _VEHICLES,
    ),
    EventKind(
        "fire",
        "ACCIDENT",
        r"fire\b|fires\b|blaze|wildfires?|bushfires?|caught fire|burn(?:ed|t) down",
        (("wild", "wildfire"), ("bush", "wildfire"), ("", "fire")),
        r"broke out|caught|burn|blaze|flames|firefighters|smoke|destroyed|engulf|house|home|building"
        r"|apartment|forest|acres|blaze|evacuat|spread",
    ),
    EventKind(
        "explosion",
        "ACCIDENT",
        r"explosions?\b|exploded|blasts?\b",
        (("", "explosion"),),
        r"gas|pipeline|plant|factory|boiler|mine|chemical|tanker|fireworks|refinery|killed|injured|damage"
        r"|building|windows|fire",
    ),
    EventKind(
        "collapse",
        "ACCIDENT",
        r"collaps(?:e|ed|es|ing)\b|caved in",
        (("", "structure"),),
        r"building|bridge|roof|mine|dam|wall|tunnel|stadium|crane|ceiling|tower|house|school|balcony|stage",
    ),
    EventKind(
        "flood",
        "DISASTER",
        r"flood(?:s|ed|ing)?\b|flash floods?",
        (("", "flood"),),
        r"rain|river|water|homes|evacuat|inundat|storm|levee|dam|swept|submerged|residents",
    ),
    EventKind(
        "earthquake",
        "DISASTER",
        r"earthquakes?|quakes?\b|tremors?\b|tsunami",
        (("tsunami", "tsunami"), ("", "earthquake")),
        r"magnitude|struck|hit|killed|epicent|richter|shook|aftershock|damage|injured|collapsed",
    ),
    EventKind(
        "storm",
        "DISASTER",
        r"storms?\b|hurricanes?|typhoons?|cyclones?|tornado(?:es|s)?|blizzard|snowstorm",
        (
            ("hurricane", "hurricane"),
            ("typhoon", "hurricane"),
            ("cyclone", "hurricane"),
            ("tornado", "tornado"),
            ("", "storm"),
        ),
        r"winds?|rain|snow|landfall|struck|hit|power|inches|flood|mph|weather|forecast|category|tropical"
        r"|hurricane|typhoon|cyclone|tornado|blizzard|hail",
    ),
    EventKind(
        "outbreak",
        "DISASTER",
        r"outbreaks?|epidemic|pandemic|plague\b|measles|cholera|ebola",
        (("", "disease"),),
        r"cases?\b|infect|diagnos|confirmed|patients?|died|deaths|spread|quarantin|hospitali[sz]ed",
    ),
    EventKind(
        "killing",
        "ASSAULT",
        r"kill(?:ed|ing|ings)?\b|death toll|deaths\b|died\b|shot dead|massacre|slain|murder(?:ed)?\b"
        r"|fatalit(?:y|ies)|stabbed to death|stabbing",
        (("shot", "firearms"), ("stab", "blade"), ("massacre", "kill"), ("", "kill")),
        # someone is killed: a person, a count, a victim ("the bill was killed" kills no one)
        r"people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|soldiers|troops|civilians|officers?"
        r"|police(?:man|men)?|protesters|demonstrators|students|victims?|passengers|residents|members"
        r"|villagers|workers|journalists|prisoners|citizens|fighters|militants|suspects?|gunm[ae]n|wife"
        r"|husband|son|daughter|mother|father|brother|sister|family|him|her|them|himself|herself"
        r"|themselves|dead|bodies|\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds"
        r"|thousands|toll|deaths|died|fatalit",
    ),
    EventKind(
        "attack",
        "ASSAULT",
        r"bombing|(?:air|drone|missile|rocket) ?strikes?\b"
        r"|shelling|downing|shot down|shooting down|assassinat(?:ed|ion)"
        r"|brawls?\b|scuffles?\b|fist ?fights?\b|threw punches|fights? broke out",
        (
            ("bomb", "explosives"),
            ("air", "aerial"),
            ("drone", "aerial"),
            ("downing", "aerial"),
            ("shot down", "aerial"),
            ("shooting down", "aerial"),
            ("brawl", "beat"),
            ("scuffle", "beat"),
            ("fist", "beat"),
            ("punches", "beat"),
            ("fight", "beat"),
        ),
    ),
    EventKind(  # "attack" is as often a criticism, a sports move or a game's as an assault; a
        # "bomb" is also a flop and a long pass; a "shooting" also a film's or a player's
        "attack",
        "ASSAULT",
        r"attack(?:s|ed)?\b|bomb(?:s|ed)?\b|shootings?\b",
        (("bomb", "explosives"), ("shooting", "firearms")),
        r"kill|dead|deaths?\b|wound|injur|casualt|victims?|guns?\b|gunfire|gunshots?|shooting|shooter"
        r"|shot (?:dead|and)|(?:was|were) shot|rifles?|knife|knives|machete|stab|bomb|explo[sd]|blast|grenade"
        r"|rockets?|missiles?|drones?|militants?|insurgents?|terror|jihad|gunm[ae]n|attackers?|assailants?"
        r"|troops|soldiers|army|military|armed|forces|police|officers?|civilians|hostages?|raid|rebels"
        r"|fighters|village|base\b|convoy|checkpoint|camp\b|hospital|mosque|church|synagogue|embassy"
        r"|cyber|hack|ransomware",
    ),
    EventKind(  # "plot" is also a story's or a graph's: a conspiracy names its aim or its plotters
        "plot",
        "THREATEN",
        r"plot(?:s|ted)?\b|conspir(?:ed)\b",
        (("", "plot"),),
        r"kill|murder|assassinat|attack|bomb|overthrow|coup|terror|kidnap|against|foiled|thwarted|charged"
        r"|accused|convicted|arrested|suspects?|plotters|conspirators",
    ),
    EventKind(
        "protest",
        "PROTEST",
        r"protest(?:s|ed|ers|ors|ing)?\b|demonstrators|uprisings?|riot(?:s|ed|ing)?\b|unrest"
        r"|sit-ins?|walkouts?",
        (("riot", "riot"), ("walkout", "strike"), ("", "demonstrate")),
    ),
    EventKind(  # words with other senses: a market rallies, a team marches on, a deal is struck, a
        # product is demonstrated
        "protest",
        "PROTEST",
        r"demonstrations?\b|rall(?:y|ies|ied)\b|marche[ds]\b"
        r"|(?<!air )(?<!drone )(?<!missile )(?<!rocket )strik(?:e|es|ing)\b"
        # "took to the streets": the stock phrase for a crowd protesting (a crowd also fills the
        # streets to celebrate, hence the participants asked for below)
        r"|(?:t[ao]ok|take|takes|taking|came|come|comes|coming|went|go|goes|going|return(?:ed|ing)?)"
        r"(?: back)? (?:to|into|onto|in|on) the streets\b",
        (("strik", "strike"), ("hunger", "hunger-strike"), ("", "demonstrate")),
        r"protest|demonstrat|crowds?|marchers|activists|workers|unions?|picket|chant|placards|slogans?"
        r"|supporters|rights|against|demand|teachers|nurses|students|employees|thousands|hundreds",
    ),
    EventKind(
        "statement",
        "STATEMENT",
        # whole words ("a speechwriter" gives no speech), the singular for the trigger's word
        r"speech(?=(?:es)?\b)|statement(?=s?\b)|pep talks?|(?:press|news) conference|news release"
        r"|press release|earnings release"
        r"|interview\b"
        r"|testified|sermon|video conference",
        (("", "speak"),),
    ),
    EventKind(  # speaking to a gathered audience is an occasion of speech; "told reporters" is every quote
        "statement",
        "STATEMENT",
        r"(?:told|spoke to|spoke before|addressed) (?:the |a |an |his |her |their )?"
        r"(?:cheering |packed |large )?"
        r"(?:audience|crowds?|rally|gathering|congregation|graduates|convention)\b",
        (("", "speak"),),
    ),
    EventKind(  # an "address" is as often where someone lives: a speech has a speaker and an audience
        "statement",
        "STATEMENT",
        r"address\b",
        (("", "speak"),),
        r"televis|\bTV\b|radio|broadcast|nation|deliver|gave|give|speech|said|says|told|spoke|speak|audience"
        r"|congress|parliament|assembly|inaugural|keynote|commencement|accused|urged|vowed|declared"
        r"|announced|warned|issued|president|prime minister|king|queen|pope",
    ),
    EventKind(
        "meeting",
        "CONSULT",
        r"meet(?:s|ing|ings)?\b|\bmet\b|(?<!pep )talks\b|summit(?=s?\b)|(?<!press )(?<!news )conference"
        r"|hearing\b",
        (("", "meet"),),
    ),
)
# Words for a death that say nothing of who caused it: a killing only beside violence.
NEUTRAL_DEATH = re.compile(r"^(?:death toll|deaths|died|fatalit(?:y|ies))$", re.IGNORECASE)
KILLING_NEEDS = re.compile(
    r"\b(?:shot|shooting|gunm[ae]n|attack|bomb|violence|violent|crackdown|security forces|police|troops"
    r"|soldiers|militants?|protest|uprising|massacre|murder|stab|beaten|killed by|executed|clashes)",
    re.IGNORECASE,
)
# Who sets off a blast on purpose: then the explosion is an attack, not an accident.
ATTACKER = re.compile(
    r"\b(?:bomb|bomber|suicide|terror|militants?|insurgents?|attacker|IED|grenade|rocket|missile)", re.I
)
# Fixed phrases that use a trigger word as a metaphor, an institution or a name.
FIGURATIVE = re.compile(
    r"\b(?:perfect storm|storm of|firestorm|under fire|opened? fire|open fire|fire (?:department|fighters?"
    r"|chief|station|truck|crews?|service)|ceasefire|cease-fire|crash course|flood of|floodgates"
    r"|shell(?:s|ed|ing)? out|(?:free|hate) speech|freedom of speech|(?:heart|panic|asthma|anxiety) attack"
    r"|(?:doth|too much) protest|protest too much|in protest\b|collapse of (?:talks|the (?:deal|talks"
    r"|government|economy|market))|market crash|stock(?:s| market)? crash|explosion (?:of|in) (?:popularity"
    r"|interest|growth|demand|sales)"
    r"|brainstorm|ma(?:de|kes?|king) a killing|met with (?:resistance|opposition|skepticism|scepticism"
    r"|criticism|approval|applause|silence|laughter|derision|anger|outrage|success|praise|scorn|disapproval"
    r"|indifference|suspicion|disbelief)|(?:financial|bank|income|mission|cash[- ]flow) statements?"
    r"|supernova(?:e|s)? explosions?"
    r"|(?:the|a) statements? [“\"]|charg(?:es?|ed|ing) that\b"
    # an accusation, a criticism: words, not a criminal charge or an assault
    r"|(?:verbal|personal|partisan|rhetorical|scathing|blistering|withering|ad hominem|negative) attacks?"
    r"|attack (?:ads?|lines?|dogs?|mode)\b|on the attack\b"
    # a message that speaks ("the statement, obtained by Variety, claimed"): the source of words
    # already reported, not a new occasion of speech
    r"|(?:the|this|that|its|their|his|her) statements?,?(?: [^.,]{1,80},)? (?:said|says|claimed|claims"
    r"|continued|concluded|read|reads|added|adds|stated|states|noted|notes|went on)\b"
    r"|weather(?:ed)? the storm|took (?:\w+ )?by storm"
    r"|fired (?:him|her|them)|outbreak of (?:the )?(?:violence|war|hostilities|fighting|conflict)"
    r"|hearing (?:aid|loss)"
    r"|(?:e-?mail|web|ip|home) address|cardiac arrest|(?:in|took|take|takes|taking) charge|free of charge"
    r"|charged (?:at|into|toward|towards|up|for|a fee)|(?:service|overdraft|delivery|extra) charges?"
    r"|detention (?:center|centre|facility|facilities|camps?)"
    r"|(?:meet(?:s|ing)?|met) (?:the |its |their |his |her )?(?:demand|needs?|requirements?|goals?|targets?"
    r"|deadline|standards?|criteria|expectations|challenge|threshold|conditions|definition|qualifications)"
    r"|(?:threshold|criteria|requirements?|conditions|standards?|goals?|targets?|quotas?) (?:\w+ )?met\b"
    r"|(?:opioid|heroin|drug|meth|obesity|gun|addiction|loneliness|vaping) (?:\w+ )?epidemic"
    r"|epidemic of (?:gun|violence|drug|opioid|loneliness|obesity|fake)"
    r"|strike (?:a|the) (?:deal|balance|chord|tone)"
    r"|(?:stocks?|shares?|markets?|prices?|dollar|index|indexes|Dow|Nasdaq) (?:\w+ )?rall)",
    re.IGNORECASE,
)
TRIGGER_RE = tuple((kind, re.compile(r"\b(?:" + kind.triggers + r")", re.IGNORECASE)) for kind in EVENT_KINDS)
# Any kind's trigger: a sentence without a match has none of any kind (one search instead of 21).
ANY_TRIGGER = re.compile(
    r"\b(?:" + "|".join(f"(?:{kind.triggers})" for kind in EVENT_KINDS) + r")", re.IGNORECASE
)
FITS_RE = {  # by kind and triggers: one kind may have several entries (see "protest")
    (kind.name, kind.triggers): re.compile(r"\b(?:" + kind.fits + r")", re.IGNORECASE)
    for kind in EVENT_KINDS
    if kind.fits
}


def literal_use(kind: EventKind, sentence: str, trigger: re.Match[str]) -> bool:
    """Whether ``trigger`` names an event of ``kind`` in ``sentence`` rather than a metaphor: not
    inside a figurative phrase, and, for kinds with ``fits``, beside a participant that fits."""
    for phrase in FIGURATIVE.finditer(sentence):
        if phrase.start() <= trigger.start() < phrase.end():
            return False
    fits = FITS_RE.get((kind.name, kind.triggers))
    if fits is None:
        return True
    start = max(0, trigger.start() - kind.near) if kind.near else 0
    end = trigger.end() + kind.near if kind.near else len(sentence)
    rest = sentence[start : trigger.start()] + " " + sentence[trigger.end() : end]
    # a trigger of several words may hold its participant itself ("caught fire", "burned down")
    itself = " " in trigger.group(0) and fits.search(trigger.group(0)) is not None
    return itself or fits.search(rest) is not None
