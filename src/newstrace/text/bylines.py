"""Bylines: which strings name the people or desks who wrote an article.

A page's author fields and byline lines also hold photo credits (``Photo by The Associated Press``),
dates (``CBS News February``), e-mail addresses, interface words (``Account You're logged``,
``No Author``) and roles (``Jane Doe, Staff Writer``). A name is told apart by its form: a few
capitalised words (or initials, which keep their dots), no function words, no month or weekday
names, no digits, no ``@`` and no address.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from newstrace.text.spacy_import import torch_unseen

__all__ = [
    "AuthorCandidate",
    "account_name",
    "byline_names",
    "choose_byline",
    "clean_byline",
    "is_author_name",
]

NAME_MAX_WORDS = 6  # "Mary Jo de la Cruz Smith"; longer strings are sentences or lists of links
PARTICLES = frozenset("de da del della di van von der den al el bin ibn la le du dos y st st.".split())
# Stop words that are also given names ("Will Knight", "May Bulman").
GIVEN_NAME_STOP_WORDS = frozenset({"will", "may"})
# Month names that are also given names ("Laura June Topolsky", "April Ryan", "May Bulman"): a name
# word when a name follows; last, they are a date glued after a name ("CBS News February").
GIVEN_NAME_MONTHS = frozenset(
    {"april", "may", "june", "august", "jan"}
)  # "Jan Kupitz": Dutch, German, Polish
# Stop words that are also family names ("Minh Do", Vietnamese Đỗ; "Ahn"/"An", Korean): a name word
# after a given name, never first (there "Do"/"An" start a sentence or a label).
FAMILY_NAME_STOP_WORDS = frozenset({"do", "an"})
# Credit and interface nouns that fill author fields ("Revised Edition Edited by …": a book's
# label), and the default account name of a publishing system ("admin", WordPress's first user),
# which a site that never set its writers shows: a person is never called these.
CREDIT_WORDS = frozenset(
    """photo photos photograph image images picture credit credits getty posts author
    admin administrator edition""".split()
) | frozenset(
    "beitrag beiträge artikel autor autoren autorin auteur auteurs auteure".split()
)  # German, French
# Words of a page's interface (its actions and labels), glued to or standing for an author field
# ("Posted", "Share", "Account You're logged"): no one is named with them; cut after a name.
INTERFACE_WORDS = frozenset(
    """posted updated published share shares comment comments follow subscribe login logged
    logout sign account menu search email contact profile twitter facebook instagram linkedin
    veröffentlicht aktualisiert teilen kommentare kommentar publié partager""".split()  # German, French
)
# "Ann Vale said:", "Ben Orr wrote": a comment's or a quotation's attribution, not a byline.
ATTRIBUTION_VERBS = frozenset("said says wrote writes replied".split())
# More names than this in one byline is a list of links or tags, not the people who wrote an
# article: the author lists of the tune pages hold 1-3 names (one of trafilatura's metadata tests 7),
# the tag and link lists caught by author-marked elements on trafilatura's evaluation pages 8-80.
MAX_AUTHORS = 8


@cache
def not_name_words() -> frozenset[str]:
    """Words that are never part of a name: English stop words (spaCy's list), month and weekday names,
    credit and interface nouns. Built on first use: importing spaCy takes over a second, and a run
    that reads no HTML page (nothing new, text input) should not pay for it."""
    with torch_unseen():
        from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415  # see the docstring

    return (
        frozenset(w for w in STOP_WORDS if w not in GIVEN_NAME_STOP_WORDS)
        | {m.lower() for m in calendar.month_name if m}
        | {m.lower() for m in calendar.month_abbr if m}
        | {d.lower() for d in calendar.day_name}
        | CREDIT_WORDS
    )


PREFIX = re.compile(
    r"^(?:posted|published|updated|written)\b[^|]{0,40}?\sby\s+"  # "Posted on May 3, 2020 by Jane Doe"
    r"|^(?:(?:written|words|reported|reporting|story|text|posted|published|compiled|edited)\s+)?by\s*[:\-–]?\s+"
    r"|^(?:more|(?:view\s+)?all\s+(?:posts|stories|articles)|posts|stories|articles)\s+by\s+"  # author links
    r"|^(?:mehr|alle)\s+(?:artikel|beiträge)\s+von\s+"  # the same links in German
    r"|^(?:authors?|writers?|reporters?)\s*[:\-–]\s*"
    # The same credits in the other languages of the pages: German "Von Jane Doe", "Eingestellt von",
    # French "Par", Spanish "Por", Dutch "Door"; "Autor:", "Auteur:", "Redaktion:". "von" is also a
    # name's particle ("Walter von Aachen"): it is a credit only first and before a word that is no
    # particle itself ("von der Orr" keeps its "von").
    r"|^(?:(?:eingestellt|veröffentlicht|erstellt|geschrieben|verfasst|artikel|beitrag)\s+)?"
    r"(?:von|par|por|door)\s+(?!(?:der|den|dem|la|le|de|del)\s)(?=[^\W\d_])"
    r"|^(?:autor(?:in)?|auteure?|autore|redaktion|text|interview)\s*:\s*",
    re.IGNORECASE,
)
# "Jane Doe, Staff Writer", "Jane Doe | Senior Editor", "Grant Tinsley, PhD": a role or degree after the name.
ROLE_WORDS = frozenset(
    """staff senior special chief contributing contributor correspondent reporter editor writer
    columnist journalist freelance producer""".split()
)
DEGREES = frozenset("phd ph.d md m.d mph rn msc ma m.a mba ms bsc jd".split())
# "Brendan Carlin for The Mail on Sunday": the outlet a writer wrote for follows "for".
# "Ann Vale from The Lantern", "Ann Vale in Paris", "Ann Vale Special to The Lantern", "Ann Vale
# (AFP)", "Ann Vale Photography by Ben Orr": the outlet, place or credit that follows the name;
# an editor credited after the writer edited the story, did not write it.
FOR_OUTLET = re.compile(
    r"\s+(?:for|from|in|special\s+to)\s+.*$|\s*\([^)]*\)\s*$"
    r"|\s+(?:photos?|photography|photographs|images?|video|illustrations?)\s+by\s+.*$"
    r"|(?:^|\s+)(?:edited|editing)\s+by\s+.*$",  # "Rob Vale Edited by Ann Orr", "Editing by …": the editor
    re.IGNORECASE,
)
# A social handle beside the name ("Ann Vale @annvale"), a nickname in quotes (Ann "Ace" Vale) and
# symbols (emoji) are not part of a written name.
HANDLE = re.compile(r"(?<!\w)@[\w.]+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # "Ann Vale avale@lantern.example": the address goes
PIECE_BY = re.compile(r"^by\s+", re.IGNORECASE)  # "Photo by Ann Lee / By Jane Doe": each part's own "By"
# A desk's byline that says where the story came from ("Staff and wire reports", "From staff and
# news service reports"): kept whole, as written, though each of its words alone is a role.
DESK = re.compile(
    r"^(?:from\s+)?(?P<desk>(?:[\w.]+\s+)?(?:staff|wire|news\s+services?|agency|agencies)"
    r"(?:\s+(?:and|&)\s+(?:staff|wire|news\s+services?|agency|agencies))?\s+reports?)$",
    re.IGNORECASE,
)
NICKNAME = re.compile(r"\s[\"“][^\"”]{1,30}[\"”]\s")
SYMBOLS = re.compile(r"[^\w\s.,;:'’‘\-–—&/|()\"“”@]")
DASH = re.compile(r"\s[-–—]\s")
# "Jane Doe 21.10.2019", "Jane Doe on Nov 3, 2020", "Jane Doe Updated 5 hours ago": the date after the name
# ("on" is German "am", French "le", Spanish "el").
DATE_TAIL = re.compile(
    r"\s+(?:(?:on|am|le|el|updated|published|posted)\s+)?(?:(?:"
    + "|".join(m for m in calendar.month_abbr if m)
    + r")[a-z]*\.?\s+)?\d.*$",
    re.IGNORECASE,
)
# "and" in the pages' languages: German "und", French "et" ("y" and "e" are also names' particles).
SEPARATORS = re.compile(r"(\s*(?:;|\||,|&|\b(?:and|und|et)\b|/|\s[-–—]\s)\s*)", re.IGNORECASE)
# "Jane Doe, CNN", "Jane Doe/AP", "Jane Doe | Futurism": one word after a full name and a comma,
# slash or bar is the outlet or wire the writer works for; bylines give people's full names. After
# a dash, any words are ("Jane Doe — The Lantern"): co-authors are joined by commas and "and".
AND = re.compile(r"\s*\b(?:and|und|et)\b\s*", re.IGNORECASE)
AFFILIATION_SEPARATOR = re.compile(r"[,/|]")
HOST_NAME = re.compile(r"[^\W\d_]\.[A-Za-z]{2,}")  # "Cleveland.com": a site's address, not a name
# One user name: a letter, then letters, digits, "_", "-" or "." ("Herr_Rein", "c1ph4", "k-vale");
# a dot before two letters is a site's address (HOST_NAME), not a user name.
ACCOUNT = re.compile(r"[^\W\d_][\w.\-]{1,29}")
WORD = re.compile(r"\S+")
TOKEN = re.compile(r"[^\W_]+")
# A name stated alone elsewhere on the page is preferred to the same name glued to more words
# ("Tom Vale" over "Tom Vale Associated Press") only when it has at least this many words: a
# given name alone ("Tom") is a mention, not the author's name.
MIN_REFINED_WORDS = 2
MIN_SITE_MARK = 3  # "CNN", "AFP": shorter site names and host labels are contained in too many names
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]\.")  # "S.", "J.R.", "Jr.", "Sr."


def is_author_name(text: str, declared: bool = False) -> bool:
    """Whether ``text`` has the form of a person's or desk's name ("Dana A. Ford", "AFP").

    ``declared``: the page's structured data says this is a person's name, which its owner may
    have typed with a lower-case family name ("Mobasir hassan"); it must still start with a
    capital and have no word that is never a name.
    """
    words = WORD.findall(text)
    if (
        not words
        or len(words) > NAME_MAX_WORDS
        or re.search(r"\d|@|_|://|www\.", text)
        or HOST_NAME.search(text)
    ):
        return False
    for i, word in enumerate(words):
        bare = word.strip(".,'’\"()").lower()
        if bare in PARTICLES or ABBREVIATION.fullmatch(word) or (i == 0 and bare == "the" and len(words) > 1):
            continue
        if word[0].isupper() and (
            (bare in GIVEN_NAME_MONTHS and i < len(words) - 1) or (bare in FAMILY_NAME_STOP_WORDS and i > 0)
        ):
            continue
        if (not word[0].isupper() and not (declared and i > 0)) or bare.split("'")[0].split("’")[
            0
        ] in not_name_words():
            return False
    return any(w.strip(".,'’\"()").lower() not in PARTICLES for w in words)  # "Von" alone is no name


def clean_byline(raw: str | None, site: str | None = None, declared: bool = False) -> str | None:
    """The names of an author field or byline, or None when it names no one.

    ``By`` and roles are removed, names that are not names are dropped (a photo credit next to
    the author), and the rest are joined with ``, ``; one clean name comes back as written.
    """
    return ", ".join(byline_names(raw, site, declared)) or None


def byline_names(raw: str | None, site: str | None = None, declared: bool = False) -> list[str]:
    """The names of an author field or byline, in order, without repeats (see ``clean_byline``)."""
    text = NICKNAME.sub(" ", SYMBOLS.sub(" ", HANDLE.sub(" ", EMAIL.sub(" ", raw or ""))))
    text = PREFIX.sub("", " ".join(text.split())).strip(" ,:;|")
    if desk := DESK.match(text):
        return [desk.group("desk")]
    pieces = SEPARATORS.split(text)
    names: list[str] = []
    named_at: set[int] = set()  # the pieces that gave a name
    for i in range(0, len(pieces), 2):
        if i and AND.fullmatch(pieces[i - 1]) and i - 2 not in named_at:
            continue  # "… bei Cicero. Er studierte Russistik und Geschichte": "and" joins names to names
        piece = PREFIX.sub("", PIECE_BY.sub("", pieces[i].strip(" :;-–—")))
        if names and piece.split() and piece.split()[-1].lower().strip(".") in ROLE_WORDS:
            continue  # "Ann Vale, Chief Political Correspondent": a role after a name, not a desk
        if names and piece.split() and piece.split()[0].lower().strip(".") in DEGREES:
            continue  # "Ann Vale, MA Lantern Health News": her degree, then where she works
        piece, widget = _before_widget(piece)
        name = _without_role(piece, site)
        if not name or not is_author_name(name, declared) or name.casefold() in (n.casefold() for n in names):
            continue
        if any(w.lower().strip(".:") in INTERFACE_WORDS | ATTRIBUTION_VERBS for w in name.split()):
            continue
        after_full_name = bool(names) and len(names[-1].split()) > 1
        if after_full_name and (
            DASH.search(pieces[i - 1])
            or (
                (len(name.split()) == 1 or name.split()[0].lower() == "the")  # "Ann Vale, The Wire"
                and AFFILIATION_SEPARATOR.search(pieces[i - 1])
            )
        ):
            continue
        names.append(name)
        named_at.add(i)
        if widget:
            break  # "Ann Vale Follow Writer on rivers, dams, …": the rest is the widget's text
    return names if len(names) <= MAX_AUTHORS else []


def account_name(raw: str) -> str | None:
    """The user name a blog or forum credits (``gnaddrig``, ``Herr_Rein``, ``c1ph4``) when a byline
    or author element holds only that one word: no written name, but the account the page names
    as the author. Used only when no candidate names anyone by a written name."""
    text = DATE_TAIL.sub("", PREFIX.sub("", " ".join(raw.split()))).strip(" ,:;|·»")
    if not ACCOUNT.fullmatch(text) or HOST_NAME.search(text) or text.lower() in not_name_words():
        return None
    return text if text.lower() not in INTERFACE_WORDS | ROLE_WORDS else None


def _before_widget(piece: str) -> tuple[str, bool]:
    """``piece`` up to the first interface word after its first word ("Ann Vale" of "Ann Vale
    Follow Writer and editor"), and whether a widget's text was cut off there."""
    words = piece.split()
    for i, word in enumerate(words[1:], start=1):
        if word.lower().strip(".:") in INTERFACE_WORDS:
            return " ".join(words[:i]), True
    return piece, False


def _without_role(name: str, site: str | None) -> str:
    """``name`` without a trailing role ("Staff Writer") and the site name before it."""
    words = DATE_TAIL.sub("", FOR_OUTLET.sub("", name)).split()
    while words and words[-1].lower().strip(".") in DEGREES:
        words.pop()
    if all(w.lower().strip(".").removesuffix("s") in ROLE_WORDS for w in words):
        return ""  # "Staff Writer" after a name: a role, not a second author
    while len(words) > 2 and words[-1].lower().strip(".") in ROLE_WORDS:  # "Lantern Staff" is a desk
        words.pop()
    while len(words) > 1 and words[-1].lower().strip(".:") in INTERFACE_WORDS:  # "Ann Vale Follow Email"
        words.pop()
    compact = re.sub(r"\W", "", site or "").lower()
    if compact and len(words) > 2 and re.sub(r"\W", "", words[-1]).lower() == compact:
        words.pop()
    if words and words[-1].endswith(".") and not ABBREVIATION.fullmatch(words[-1]):
        words[-1] = words[-1].rstrip(".")  # a sentence's full stop, not an initial's ("Joe S.", "Jr.")
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class AuthorCandidate:
    """One place of a page that may name its authors, in the page's order of trust."""

    text: str
    declared: bool = False  # a person's name in the page's structured data


def choose_byline(
    candidates: Sequence[AuthorCandidate], site: str | None = None, site_marks: Collection[str] = ()
) -> str | None:
    """The first candidate that names someone other than the site, else the first naming anyone.

    Candidates come in the page's order of trust (structured data, meta tags, author-marked
    elements, the visible "By" line); a byline that is only the site's own name (``site_marks``:
    the site's name and host, compacted) is kept only when no candidate names anyone else. Each
    name is then given in its best form stated on the page: a name that another candidate states
    alone replaces the same name glued to more words ("Tom Vale" for "Tom Vale Associated Press" or
    "Tech Insider Tom Vale", markup that glued an outlet or role to it), and initials keep their
    dots and mixed case is preferred to a style sheet's capitals ("Dana A. Ford" over "Dana A Ford"
    and "DANA A. FORD").
    """
    named = [ns for c in candidates if (ns := byline_names(c.text, site, c.declared))]
    people = [ns for ns in named if not all(_names_site(n, site_marks) for n in ns)]
    if not named:
        return next((h for c in candidates if (h := account_name(c.text))), None)
    best = (people or named)[0]
    forms = [n for ns in named for n in ns]
    chosen: list[str] = []
    for stated in best:
        shorter = [f for f in forms if len(f.split()) >= MIN_REFINED_WORDS and _glued(_key(f), _key(stated))]
        name = shorter[0] if shorter else stated
        chosen.append(max((f for f in forms if _key(f) == _key(name)), key=_written_form))
    return ", ".join(dict.fromkeys(chosen))


def _glued(name: str, longer: str) -> bool:
    """``longer`` is ``name`` with words glued before or after it by markup: an outlet or label
    before ("Tech Insider Alex Perry"), an outlet or role after ("Tom Vale Associated Press")."""
    return longer.startswith(f"{name} ") or longer.endswith(f" {name}")


def _names_site(name: str, site_marks: Collection[str]) -> bool:
    """``name`` is the site's: it holds the site's name ("Die Lantern" on lantern.example) or is a
    part of it ("Lantern News" for "Lantern News Initiative"); a single word inside the site's name
    is not (a personal site is named after its author: "Mady" on madyvale.example)."""
    compact, several = _compact(name), len(name.split()) > 1
    return len(compact) >= MIN_SITE_MARK and any(
        m in compact or (several and compact in m) for m in site_marks if len(m) >= MIN_SITE_MARK
    )


def _key(text: str) -> str:
    """``text`` compared up to case, dots and spacing."""
    return " ".join(TOKEN.findall(text.casefold()))


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def _written_form(name: str) -> tuple[int, bool]:
    """Prefer initials with their dots, then mixed case over a style sheet's capitals."""
    return name.count("."), not name.isupper()
