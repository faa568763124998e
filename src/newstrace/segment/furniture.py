"""Page furniture: lines that belong to the website, not to the article.

Each rule is a general pattern of how sites lay out ads, sharing widgets, legal footers,
breadcrumbs, tag lists, link lists and captions; none names a particular site or story.
``furniture_kind`` returns the rule that matched, so a dropped line can always be explained.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newstrace.segment.lines import WORD, is_sentence_end, word_count

__all__ = [
    "CAPTION_LABEL",
    "LINK_LIST_HEAD",
    "caption_like",
    "furniture_kind",
    "is_link_list_head",
    "is_numeric_date",
]

# Legal and sharing lines are short; a longer line that matches a keyword is prose about it.
FURNITURE_MAX_WORDS = 25
SHARE_MAX_WORDS = 14
FOLLOW_MAX_WORDS = 25  # "Follow <the site's section> on Facebook, Twitter (@handle) and Instagram."
# A line is a sharing widget when most of its words are sharing vocabulary.
SHARE_WORD_SHARE = 0.7

AD = re.compile(
    r"^(?:advertisement|sponsored(?:\s+content)?|ad)?\s*[:\-–]?\s*\d{2,4}\s*[x×X]\s*\d{2,4}\s*(?:px)?$"
    r"|^(?:advertisement|sponsored|sponsored content|ad|ads by \w+)$",
    re.IGNORECASE,
)
LEGAL = re.compile(r"©|\(c\)\s*\d{4}|^copyright\b|all rights reserved", re.IGNORECASE)
LEGAL_LINKS = re.compile(
    r"\bsite\s?map\b|privacy policy|terms (?:of|and) (?:use|service|conditions)"
    r"|cookie (?:policy|settings)|contact us|about us",
    re.IGNORECASE,
)
POWERED = re.compile(r"\bpowered by\b", re.IGNORECASE)
TAGS = re.compile(
    r"^(?:(?:related|more)\s+)?(?:tags?|tagged|topics?|filed under|categories|category|keywords|labels)"
    r"\s*(?::|$)",  # the label, with its colon or alone on its line
    re.IGNORECASE,
)
BREADCRUMB = re.compile(r"^home\s*[›>»/|]|^(?:[^›»>]{1,40}\s*[›»>]\s*){2,}", re.IGNORECASE)
GLUED_BREADCRUMB = re.compile(
    r"^Home(?=[A-Z])"
)  # menu items a scraper glued together: "HomeWorldPolitics..."
LINK_LIST_HEAD = re.compile(
    r"^(?:read more|read also|also read|more|related"
    r"|related (?:articles|posts|stories|news|coverage|content)|see also|more from [\w .'-]+|more stories"
    r"|more(?: (?:top|must-reads?|stories|news|videos|articles|coverage|reads|headlines|features)){0,2}"
    r" from [\w .'-]+|more on this|recommended(?: for you)?|you may also like|you might also like"
    r"|latest(?: news| stories)?"
    r"|most popular|popular(?: posts| stories)?|trending(?: now)?|top stories|editor'?s picks)"
    r"\s*[:\-–»>]*\s*$",
    re.IGNORECASE,
)
INLINE_LINK = re.compile(
    r"^(?:read more|read also|also read|related|see also|more|watch|listen)\s*:\s*\S", re.IGNORECASE
)
UI = re.compile(
    r"^(?:skip to (?:main )?content|menu|main menu|search|search for:?|subscribe(?: now)?|sign in|log ?in"
    r"|register|sign up(?: for .{0,40})?|newsletter|comments?|\d+\s+comments?|leave a (?:comment|reply)"
    r"|loading(?:\.+|…|\s+(?:\w+\s*){1,3})|close"
    r"|back to top|print(?: this)?(?: article| page)?|next(?: article| post)?|previous(?: article| post)?"
    r"|click here.{0,40}|continue reading|show more|load more|toggle navigation|share|send|like|follow)$",
    re.IGNORECASE,
)
UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\b\s*(?:on|at)?\s*:?", re.IGNORECASE)
# A media item's label on its own line ("Image caption", "Image copyright", "Photo credit"), the
# caption or credit itself on the next line (``CAPTION_LABEL``); a label with a credit after it.
LABEL_WORDS = r"(?:image|photo|picture|video)\s+(?:copyright|caption|credits?)"
CAPTION_LABEL = re.compile(rf"^{LABEL_WORDS}$", re.IGNORECASE)
CAPTION = re.compile(
    rf"^{LABEL_WORDS}\b(?:\s+\S+){{0,3}}$"
    r"|^(?:photo|image|picture|photograph|file photo|credit|credits|source|illustration|video)"
    r"\s*(?:credit)?\s*[:|(/]|\((?:photo|image|credit|file)[^)]*\)$"
    r"|(?:getty images|afp|reuters|ap photo|epa|shutterstock)\s*\)?$",
    re.IGNORECASE,
)
# A caption of any length ends with its picture's credit, after its last sentence ("… the crew
# quarters. Credit: ESA", "… in Paris. Photo: Ann Vale/AFP"): a label and a name with no full stop;
# an article's sentence never ends on a label.
CREDIT_TAIL = re.compile(
    r"[.!?)]\s+(?:(?:photo|image|picture|photograph|illustration)\s*)?(?:credits?|photo|image)\s*:"
    r"\s*(?-i:[A-Z0-9])[\w'’&/ -]{1,50}$",
    re.IGNORECASE,
)
ENDS_WITH_MONTH_YEAR = re.compile(
    r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:1[89]|20)\d\d\s*\)?$"
)
# Markup a scraper or an extractor left as text: an element's tag, not words ("<iframe src=…>").
MARKUP = re.compile(r"^<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>?\s*(?:</?[a-zA-Z][^<>]*>\s*)*$")
# A content-management shortcode left as text ("[button link=\"…\"]Send us YOUR review[/button]"): a
# tag in square brackets with attributes, or its closing tag; prose brackets words, not ``key=value``.
SHORTCODE = re.compile(r"\[/[a-z_]+\]|\[[a-z_]+\s+[a-z_-]+=\s*[\"”“'][^\]]*\]", re.IGNORECASE)
# A line of contact numbers: a footer's phone, fax or hotline, never the article's prose.
PHONE_LABELS = re.compile(
    r"\b(?:phone|tel|telephone|fax|call(?: us)?|hotline|newsroom|tip line|toll[- ]free)\b\s*[:.]?"
    r"|[|/,]|\bor\b",
    re.IGNORECASE,
)
PHONE_CHARS = re.compile(r"^[\d\s().+-]+$")
# A numeric date ("02/10/2020", "21.06.2014") has as many digits as a phone number, but its parts are
# a day, a month and a year.
NUMERIC_DATE_LINE = re.compile(
    r"^[0-3]?\d([/.])[01]?\d\1(?:19|20)\d\d$|^[01]?\d([/.])[0-3]?\d\2(?:19|20)\d\d$"
)
PHONE_MIN_DIGITS = 7
# A newsletter pitch: the word "newsletter" or "inbox" with a sign-up verb, in a short line.
NEWSLETTER = re.compile(r"\b(?:newsletters?|inbox)\b", re.IGNORECASE)
SIGN_UP = re.compile(r"\b(?:sign(?:ing)? up|subscribe|get|receive|delivered|join)\b", re.IGNORECASE)
NEWSLETTER_MAX_WORDS = 16
# A consent banner: it speaks of cookies to the reader ("We use cookies to improve your experience").
COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
TO_THE_READER = re.compile(r"\b(?:you|your|we use|accept|opt[- ]out|consent)\b", re.IGNORECASE)
CONSENT_MAX_WORDS = 80
# A form's terms ("By submitting your email, you agree to our Terms and Privacy Notice", "By signing up
# you agree…"): an action on the page, then the reader's agreement. Seen under the comment and
# newsletter forms of five tune sites of bench/data/pages, never in an article.
FORM_TERMS = re.compile(
    r"^by (?:submitting|signing up|subscribing|registering|clicking|continuing|using|entering|providing)\b"
    r"[^.!?]{0,120}?\byou(?:'re|’re| are)? (?:agree|agreeing|consent|consenting|accept|acknowledge)",
    re.IGNORECASE,
)
# The site asking its reader for something (support, a comment, a letter, to disable an
# ad-blocker): a short line in the second person with no quotation in it (a quoted appeal is news).
APPEAL = re.compile(
    r"\b(?:support (?:us|our)|donate|ad-?blockers?|whitelist|log in|sign in|sign up|leave a comment"
    r"|click here|tell us what you think|comments? section|keep comments|join the (?:conversation|discussion)"
    r"|letters? to the editor|subscribe|subscription|become a (?:member|subscriber|patron))\b",
    re.IGNORECASE,
)
# "please" is asked of the reader; "you're", "we're" need no words of their own: \b...\b matches "you"
# and "we" before the apostrophe.
SECOND_PERSON = re.compile(r"\b(?:you|your|we|us|our|please)\b", re.IGNORECASE)
QUOTE_MARKS = re.compile(r"[\"“”«»]")
APPEAL_MAX_WORDS = 40
# The site speaking to its reader about its own services (comment rules, forums, a newsletter, the
# reader's personal data): a paragraph with both the site's "we"/"our" and its reader, on one of
# those topics, with no quotation (a quoted "we" is a source's). On the tune pages of bench/data/pages
# (Zyte's English article bodies), 4 such paragraphs leaked after articles and 1 of 1,839 article
# paragraphs matched (a list's "let us know in the comments").
SITE_SERVICES = re.compile(
    r"\b(?:comment(?:s|ing|ers)?|unsubscribe|forums?|newsletters?|submission guidelines"
    r"|personal (?:data|information))\b",
    re.IGNORECASE,
)
# The reader, addressed ("you", "please") or named ("We welcome reader comments").
READER = re.compile(r"\b(?:you|your|please|readers?)\b", re.IGNORECASE)
SITE_VOICE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
# A notice is one short paragraph; the figures above were measured with this 80-word limit (not tuned
# further).
SITE_NOTICE_MAX_WORDS = 80
DISCLAIMER = re.compile(r"^(?:[\w ]{0,20}\s)?(?:disclaimer|disclosure)\s*[:(\-–]", re.IGNORECASE)
COMMENT_COUNT = re.compile(r"^\d+\s+(?:responses?|comments?|replies|thoughts)\b", re.IGNORECASE)
PIPE_NAV = re.compile(r"^(?:[^|]{1,30}\|){2,}[^|]{0,30}$")
SHARE_WORDS = frozenset(
    """
    share shares this on via tweet twitter x facebook whatsapp telegram email e-mail mail print linkedin
    pinterest reddit messenger copy link url follow us instagram youtube tiktok threads bluesky mastodon
    subscribe icons icon sharing social media article story the and to with""".split()
)
NETWORKS = frozenset(
    """
    share tweet twitter facebook whatsapp telegram linkedin pinterest
    reddit instagram youtube tiktok""".split()
)


def furniture_kind(text: str) -> str | None:
    """The kind of page furniture a stripped line is (``"ad"``, ``"share"``, ...), or None."""
    words = word_count(text)
    return next((kind for kind, rule in RULES if rule(text, words)), None)


def _legal(text: str, words: int) -> bool:
    if words > FURNITURE_MAX_WORDS:
        return False
    if LEGAL.search(text) or (POWERED.search(text) and words <= 10):
        return True
    return bool(LEGAL_LINKS.search(text)) and not is_sentence_end(text)


def _not_prose(pattern: re.Pattern[str]) -> Callable[[str, int], bool]:
    return lambda text, words: bool(pattern.match(text)) and not is_sentence_end(text)


def is_link_list_head(text: str) -> bool:
    """A heading that introduces a list of links ("Read More:", "Related articles")."""
    return bool(LINK_LIST_HEAD.match(text))


def caption_like(text: str) -> bool:
    """A short line that reads as an image caption ("Crowds in the square, March 2021")."""
    return bool(ENDS_WITH_MONTH_YEAR.search(text)) and not is_sentence_end(text)


def is_numeric_date(text: str) -> bool:
    """A line that is a numeric date alone ("02/10/2020"), whichever order its day and month are in."""
    return bool(NUMERIC_DATE_LINE.match(text.strip()))


def _site_notice(text: str, words: int) -> bool:
    """The site's notice to its reader about comments, forums, newsletters or personal data."""
    return (
        words <= SITE_NOTICE_MAX_WORDS
        and bool(SITE_SERVICES.search(text))
        and bool(READER.search(text))
        and bool(SITE_VOICE.search(text))
        and not QUOTE_MARKS.search(text)
    )


def _is_phone_line(text: str) -> bool:
    """Nothing but phone numbers and their labels ("Phone: (555) 201-7788 | Fax: …")."""
    if is_numeric_date(text):
        return False
    rest = PHONE_LABELS.sub(" ", text).strip()
    return bool(PHONE_CHARS.match(rest)) and sum(c.isdigit() for c in rest) >= PHONE_MIN_DIGITS


def _is_share(text: str, words: int) -> bool:
    if not words or words > SHARE_MAX_WORDS or is_sentence_end(text.rstrip(":")):
        return False
    tokens = [t.lower() for t in WORD.findall(text)]
    in_vocab = sum(t in SHARE_WORDS for t in tokens)
    if in_vocab / len(tokens) >= SHARE_WORD_SHARE and any(t in NETWORKS for t in tokens):
        return True
    return _glued_share(text)


def _is_share_or_follow(text: str, words: int) -> bool:
    return _is_share(text, words) or _follow_prompt(text)


def _follow_prompt(text: str) -> bool:
    """ "Follow the Lantern on Facebook, Twitter and Instagram.": an imperative to follow the site on
    two or more networks, even written as a sentence (prose about the networks does not open with it)."""
    tokens = [t.lower() for t in WORD.findall(text)]
    return (
        bool(tokens)
        and tokens[0] == "follow"
        and len(tokens) <= FOLLOW_MAX_WORDS
        and len(set(tokens) & (NETWORKS - {"share", "tweet"})) >= 2
        and not set(tokens) & {"said", "says", "told"}  # a quotation's "Follow the money," he said
    )


def _glued_share(text: str) -> bool:
    """A share bar whose button labels a scraper glued together ("Share to FacebookFacebookShare to
    TwitterTwitter"): its letters, not its words, are nearly all sharing vocabulary."""
    letters = re.sub(r"[^a-z]", "", text.lower())
    if not letters or not any(n in letters for n in NETWORKS - {"share"}):
        return False
    rest = letters
    for word in sorted(SHARE_WORDS, key=len, reverse=True):
        rest = rest.replace(re.sub(r"[^a-z]", "", word), "")
    return len(rest) <= (1 - SHARE_WORD_SHARE) * len(letters)


# First match wins: the order puts the narrow patterns before the broad ones.
RULES: tuple[tuple[str, Callable[[str, int], bool]], ...] = (
    ("ad", lambda text, words: bool(AD.match(text))),
    ("tags", lambda text, words: bool(TAGS.match(text))),
    ("link", lambda text, words: bool(INLINE_LINK.match(text)) and words <= FURNITURE_MAX_WORDS),
    ("ui", lambda text, words: bool(UI.match(text))),
    ("updated", lambda text, words: bool(UPDATED.match(text)) and words <= 10),
    ("share", _is_share_or_follow),
    ("legal", _legal),
    (
        "breadcrumb",
        lambda text, words: _not_prose(BREADCRUMB)(text, words) or _not_prose(GLUED_BREADCRUMB)(text, words),
    ),
    ("nav", _not_prose(PIPE_NAV)),
    (
        "caption",
        lambda text, words: (
            (bool(CAPTION.search(text)) and words <= FURNITURE_MAX_WORDS) or bool(CREDIT_TAIL.search(text))
        ),
    ),
    ("markup", lambda text, words: bool(MARKUP.match(text) or SHORTCODE.search(text))),
    ("comments", lambda text, words: bool(COMMENT_COUNT.match(text))),
    ("disclaimer", lambda text, words: bool(DISCLAIMER.match(text))),
    (
        "appeal",
        lambda text, words: (
            words <= APPEAL_MAX_WORDS
            and bool(APPEAL.search(text))
            and bool(SECOND_PERSON.search(text))
            and not QUOTE_MARKS.search(text)
        ),
    ),
    (
        "consent",
        lambda text, words: (
            words <= CONSENT_MAX_WORDS and bool(COOKIES.search(text)) and bool(TO_THE_READER.search(text))
        ),
    ),
    ("consent", lambda text, words: words <= CONSENT_MAX_WORDS and bool(FORM_TERMS.match(text))),
    ("contact", lambda text, words: _is_phone_line(text)),
    ("notice", _site_notice),
    (
        "newsletter",
        lambda text, words: (
            words <= NEWSLETTER_MAX_WORDS and bool(NEWSLETTER.search(text)) and bool(SIGN_UP.search(text))
        ),
    ),
)
