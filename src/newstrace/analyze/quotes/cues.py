"""The reporting-verb lexicon: the words that attribute a quotation to a speaker.

Sources (word lists only; no text is copied):

- Beth Levin, *English Verb Classes and Alternations* (1993), the verbs of communication:
  37.1 transfer of a message (explain, quote, tell, write, ...), 37.2 tell, 37.3 manner of
  speaking (shout, whisper, yell, ...), 37.4 instrument of communication (cable, phone, ...),
  37.7 say verbs (announce, claim, declare, note, remark, say, state, ...), 37.8 complain
  verbs (boast, complain, grumble, ...), 37.9 advise verbs (caution, urge, warn, ...), and
  the judgement verbs of 33 that news uses to report words (blast, criticize, praise, ...);
- the cue lemmas that occur at least twice in PolNeAR's *train* split (Newell, Margolin and
  Ruths, LREC 2018), which follows the PARC 3.0 guidelines: tweet, post, continue, respond,
  go on, point out, accuse, call, describe, chant, and the like.

Verbs are kept as base forms (inflections are undone by :func:`base_forms`), each with a :data:`CueKind`:

``speech``  says something in words (say, tell, write, tweet, add, warn, ...);
``naming``  names or characterises something (call, describe, dub, label, ...): with a speaker
            as its subject the quote is that speaker's fragment, without one it is a term;
``chant``   a crowd's words (chant, sing): the quote is a slogan.
"""

from __future__ import annotations

import re
from typing import Literal

from newstrace.text.lexicon import ROLE_NOUNS

__all__ = [
    "CLAIM_NOUNS",
    "CROWD_NOUNS",
    "MESSAGE_NOUNS",
    "ORG_NOUNS",
    "PROTEST_WORDS",
    "SCARE_MARKER",
    "SLOGAN_NOUNS",
    "SPEAKER_NOUNS",
    "VENUE_BEFORE",
    "WORK_BEFORE",
    "CueKind",
    "cue_kind",
]

CueKind = Literal["speech", "naming", "chant"]

# Levin 37.7 "say" verbs, with 37.1/37.2 transfer of a message.
_SAY = """
say tell add explain state declare announce assert claim note observe remark mention report reveal
repeat reiterate recount relate recall remember confirm deny acknowledge admit concede confess
conclude continue answer reply respond retort counter rejoin write read quote cite dictate preach
teach relay convey disclose divulge proclaim pronounce affirm allege aver avow contend insist
maintain argue reason suggest propose recommend predict forecast promise pledge vow swear guarantee
assure reassure warn caution alert advise urge counsel instruct order command demand ask inquire
query question wonder testify stress emphasize emphasise underline highlight indicate
summarize summarise describe characterize characterise portray elaborate clarify comment opine
muse reflect interject interrupt volunteer offer concur agree disagree object protest
"""
# Levin 37.3 manner of speaking; 37.4 instrument of communication; 37.5 talk verbs; media verbs.
_MANNER = """
speak talk chat converse
shout yell scream shriek holler bellow roar cry exclaim whisper murmur mutter mumble stammer
stutter sigh groan moan gasp snap snarl growl bark hiss thunder gush rave rant fume joke quip
jest laugh chuckle tease taunt mock scoff sneer jeer boo cheer plead beg implore
tweet retweet post blog email e-mail text message telephone phone radio cable wire broadcast
publish print headline caption tell
"""
# Levin 37.8 complain verbs and the judgement verbs (33) news uses to report what was said.
_JUDGE = """
complain grumble grouse gripe lament bemoan bewail moan whine boast brag crow gloat
blast slam attack criticize criticise condemn denounce decry deride dismiss ridicule lambaste
rebuke chide scold accuse charge blame fault praise hail laud applaud commend thank congratulate
welcome defend justify vent lash
"""
_NAMING = "call dub label brand term name nickname title refer characterise"
_CHANT = "chant sing"
# Verbs that report words only with their particle: "pointed out", "cut in", "shot back".
_PHRASAL_PARTICLES = {
    "point": ("out",),
    "go": ("on",),
    "sum": ("up",),
    "fire": ("back",),
    "shoot": ("back",),
    "hit": ("back",),
    "cut": ("in",),
    "chime": ("in",),
    "weigh": ("in",),
    "jump": ("in",),
    "pipe": ("up", "in"),
    "spell": ("out",),
    "put": ("it",),  # "as X put it"
}

CUE_LEMMAS: dict[str, CueKind] = dict.fromkeys((_SAY + _MANNER + _JUDGE).split(), "speech")
CUE_LEMMAS |= dict.fromkeys(_NAMING.split(), "naming")
CUE_LEMMAS |= dict.fromkeys(_CHANT.split(), "chant")
# "describe"/"characterize" report a characterisation: naming, as "call".
CUE_LEMMAS |= {"describe": "naming", "characterize": "naming", "portray": "naming"}

# Nouns that carry someone's words: "a statement saying", "his tweet read".
MESSAGE_NOUNS = frozenset(
    """statement tweet post letter memo email e-mail message note release report video ad advert
    advertisement speech remarks interview op-ed editorial column essay book article transcript
    testimony filing complaint lawsuit response reply comment comments announcement headline""".split()
)
# Nouns of a claim made in words, whose owner said them: "her claim that she “never knew”",
# "the mayor's pledge to be “neutral”", "the contention of the minister that …".
CLAIM_NOUNS = frozenset(
    """claim assertion contention pledge promise vow warning accusation suggestion insistence
    argument description catchphrase phrase words remark quip boast denial admission
    criticism prediction proposal retort rebuttal plea""".split()
)
# Nouns naming a crowd's words, and the crowds themselves.
SLOGAN_NOUNS = frozenset(
    "slogan slogans chant chants chanting banner banners placard placards sign signs".split()
)
CROWD_NOUNS = frozenset(
    """protesters protestors demonstrators crowd crowds marchers students workers mourners rioters
    supporters fans people youth activists strikers""".split()
)
ORG_NOUNS = frozenset(
    """campaign committee group organization organisation company firm agency party ministry
    department council government regime administration newspaper paper website site outlet
    network channel union movement coalition office institute university court commission board
    bureau service police army military force forces militia network station magazine""".split()
)
# Nouns that name someone who can be a speaker: a subject "blasting" or "mocking" with them.
SPEAKER_NOUNS = (
    ROLE_NOUNS
    | ORG_NOUNS
    | CROWD_NOUNS
    | frozenset(
        """man woman people voter voters supporter supporters critic critics official officials
    member members senators lawmakers democrats republicans""".split()
    )
)
PROTEST_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|uprising\w*|rall(?:y|ies)|march\w*|riot\w*)\b", re.I
)
# Writer's words that hold a quotation at a distance: a term, a name or a title, not an utterance.
SCARE_MARKER = re.compile(
    r"\b(?:so[- ]called|known as|dubbed|nicknamed|termed|titled|entitled|branded|labell?ed|"
    r"(?:the|a|its|his|her|their) (?:word|words|term|phrase|label|name|title|slogan|motto|hashtag))"
    r"(?:\s+(?:a|an|the))?\s*[,:]?\s*$",
    re.I,
)
# A title in its usual place: after a possessive ("NBC's “Today”") or a preposition of venue
# ("said on “Meet the Press”", "starred in “The Apprentice”").
VENUE_BEFORE = re.compile(r"(?:[’']s|\b(?:on|in|at|during|from|to|via|of))\s*$", re.I)
# A noun naming a work right before a title-case quotation: the quotation is the work's title
# ("the documentary “13th”", "his 2002 book ''Make Your Kid a Millionaire''").
WORK_BEFORE = re.compile(
    r"\b(?:book|books|film|movie|documentary|song|anthem|album|single|show|series|programme|program|"
    r"novel|play|poem|podcast|musical|opera|painting|exhibition|memoir|biography|hit|track|"
    r"autobiography|thriller|drama|comedy|sitcom|newsletter|column|sculpture|video\s+game)\s*,?\s*$",
    re.I,
)


# Irregular past forms of the lexicon's verbs (the regular ones are undone by rule).
IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "sang": "sing",
    "sung": "sing",
    "went": "go",
    "gone": "go",
    "swore": "swear",
    "sworn": "swear",
    "shot": "shoot",
    "taught": "teach",
    "sought": "seek",
    "thought": "think",
    "forecast": "forecast",
    "broke": "break",
    "lashed": "lash",
}
INFLECTIONS = ("ing", "ed", "es", "s", "d")


def base_forms(word: str) -> list[str]:
    """``word`` and the base forms it may be an inflection of (said -> say; replied -> reply).

    A small rule-based stand-in for a lemmatizer: only forms that land in a lexicon matter, so
    over-generating candidates (``noted`` -> ``not``, ``note``) is harmless.
    """
    lower = word.lower()
    if lower in IRREGULAR:
        return [IRREGULAR[lower]]
    forms = [lower]
    for suffix in INFLECTIONS:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            forms += [stem, stem + "e"]
            if stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # referring -> refer
            if stem.endswith("i"):
                forms.append(stem[:-1] + "y")  # replied -> reply
    return forms


def cue_kind_of_word(word: str, particle: str | None = None) -> CueKind | None:
    """The cue kind of an inflected verb form (``said``, ``adding``, ``pointed`` + ``out``)."""
    for form in base_forms(word):
        found = cue_kind(form, particle)
        if found is not None:
            return found
    return None


def cue_kind(lemma: str, particle: str | None = None) -> CueKind | None:
    """The kind of cue ``lemma`` is (``"point"`` needs the particle ``"out"``), or None.

    For ``put`` the "particle" is its object (``put it``).
    """
    lemma = lemma.lower()
    needed = _PHRASAL_PARTICLES.get(lemma)
    if needed is not None and lemma not in CUE_LEMMAS:
        return "speech" if particle in needed else None
    return CUE_LEMMAS.get(lemma)
