"""How names compare: the forms a name takes, the words that may stand for it, and lower-case words.

Entity finding (per article) and alias merging (across the corpus) must agree on what makes two
surface forms one name; they share these helpers.
"""

from __future__ import annotations

import re
import unicodedata

from newstrace.text.lexicon import EVENT_NOUNS, GENERIC_ORG_WORDS, MEMBER_SUFFIXES

__all__ = [
    "LOWERCASE_WORD",
    "MIN_DISTINCT_WORD",
    "PARTICLES",
    "distinctive_words",
    "event_head",
    "form_key",
    "is_name_word",
    "lowercase_words",
    "member_stems",
    "transliteration_key",
]

# Arabic-script article and particles written before a word in romanised names ("al-Shabaab").
PARTICLES = frozenset("al el ul ad an ar as ash at az ibn bin bint abu".split())
MIN_SKELETON = 3  # letters a transliteration key needs ("Qods": "qds"); "Iran" ("in") has too few
MEMBER_NOUN_ENDINGS = ("ist", "ista", "ite", "i")  # nouns of a member: Baathist, Sandinista, Houthi
MIN_STEM = 4  # letters of a member stem ("Baath" in "Baathists"); shorter stems match too much
LETTERS = re.compile(r"[^\W\d_]+")
VOWELS = re.compile(r"[aeiouy]")
DOUBLED = re.compile(r"(.)\1+")


PARTICLE_WORD = re.compile(r"([^\W\d_]+)[-'’](?=[^\W\d_])")  # "al-" of "al-Shabaab", "d’" of "d’Estaing"
MIN_DISTINCT_WORD = 4  # a one-word organisation name shorter than this is not matched inside longer ones


def form_key(form: str) -> str:
    """How surface forms are compared: case, curly apostrophes and spacing ignored."""
    return " ".join(form.replace("’", "'").casefold().split())


def is_name_word(word: str) -> bool:
    """Whether a word may be part of a name: capitalised, or a romanised particle joined to a
    capitalised word ("al-Shabaab", "el-Sisi"); a name does not end at such a particle."""
    if word[:1].isupper():
        return True
    particle = PARTICLE_WORD.match(word)
    return particle is not None and particle.group(1) in PARTICLES and word[particle.end()].isupper()


def distinctive_words(words: list[str]) -> list[str]:
    """The words of an organisation's name that may stand for it: not its generic head, nor what
    follows "of" ("Mojahedin" in "People’s Mojahedin Organization of Iran"; not "Iran")."""
    if "of" in words:
        words = words[: words.index("of")]
    return words[:-1] if words and words[-1] in GENERIC_ORG_WORDS else words


LOWERCASE_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")  # a word the text writes in lower case


def lowercase_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case somewhere: English words, not names."""
    return frozenset(LOWERCASE_WORD.findall(text))


def event_head(word: str) -> str | None:
    """The event noun a word is, in the singular ("Uprisings" -> "uprising"), or None."""
    lower = word.lower()
    if lower in EVENT_NOUNS:
        return lower
    if lower.endswith("s") and lower[:-1] in EVENT_NOUNS:
        return lower[:-1]
    return None


def transliteration_key(name: str) -> str | None:
    """What stays of a romanised name across transliterations: each word's first and last letter
    and the consonants between, doubled letters as one, accents and particles dropped
    ("Hizballah" and "Hezbollah" -> "hzblh"; "al-Shabaab" and "al-Shabab" -> "shbb"; "Qods" and
    "Quds" -> "qds"). Romanisations of one name differ in vowels and doubling, rarely in the
    consonants or where the word starts and ends. None for a name too short to tell apart."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in LETTERS.findall(folded) if w not in PARTICLES]
    keys = []
    for word in words:
        single = DOUBLED.sub(r"\1", word)
        keys.append(single if len(single) < 3 else single[0] + VOWELS.sub("", single[1:-1]) + single[-1])
    key = " ".join(keys)
    return key if sum(len(k) for k in keys) >= MIN_SKELETON else None


def member_stems(word: str) -> set[str]:
    """The names a member form may come from ("Baathists" -> "Baath", "Sandinistas" ->
    "Sandinista"): the word without a member suffix, at least MIN_STEM letters long. A plain
    plural counts only on a member noun ("Sandinista", "Houthi"): "Muslims" are a people, not
    members of the "Muslim Brotherhood"."""
    stems = set()
    for suffix in MEMBER_SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < MIN_STEM:
            continue
        if suffix != "s" or stem.lower().endswith(MEMBER_NOUN_ENDINGS):
            stems.add(stem)
    return stems
