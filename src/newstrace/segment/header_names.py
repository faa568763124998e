"""A byline printed as a bare name: a header line that holds only people's names, beside the
article's date line ("August 23, 2020" / "Leah C. Stokes"), as sites print it without a "By"."""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.segment.classify import ClassifiedLine
from newstrace.segment.furniture import is_numeric_date
from newstrace.segment.lines import Shape
from newstrace.text.bylines import ROLE_WORDS, SEPARATORS, is_author_name

__all__ = ["bare_name_byline", "is_bare_names"]

# A date line counts when it is among the last lines of the header: the article's own date sits
# just above its body (at most 6 lines above on the tune pages of bench/data/pages, besides the
# share buttons, ad slots and captions, which are not counted), a today-widget at the top of the page.
DATE_REACH = 8
# Furniture that sits between an article's header and its body, not counted in ``DATE_REACH``.
BETWEEN_FURNITURE = frozenset({"share", "ad", "ui", "caption", "link"})
# The bare name and its date line are at most this many lines apart: a role and a social handle
# ("Political Editor", "@handle") or a section label sit between them (up to 3 on the tune pages).
NAME_REACH = 3
# A single capitalised word beside a date is a section label ("Business") or a given name alone,
# which the page may also use for its site: a name printed alone has a family name.
NAME_MIN_WORDS = 2
# Lines that prose detection or the menu rules took out may still be the name: a byline is short
# and has no stop words, the very shape of a menu item; other furniture (captions, legal lines)
# never is one.
NAME_FURNITURE = frozenset({None, "not-prose", "link-list", "menu"})


def is_bare_names(text: str) -> bool:
    """A line that is only people's names ("Leah C. Stokes", "Ann Vale, Ben Orr and Cy Young"):
    each full names (two words at least), no role ("Political Editor"), not a title ("The Guardian")."""
    parts = [p for i, p in enumerate(SEPARATORS.split(text)) if i % 2 == 0]
    return bool(parts) and all(_one_name(p.strip()) for p in parts)


def _one_name(part: str) -> bool:
    words = part.split()
    return (
        len(words) >= NAME_MIN_WORDS
        and is_author_name(part)
        and words[0].lower() != "the"
        and not any(w.lower().strip(".") in ROLE_WORDS for w in words)
    )


def bare_name_byline(header: Sequence[ClassifiedLine], title: str | None) -> str | None:
    """The names printed alone near the header's last date line, the nearest first; None when
    no line beside a date near the body is only names."""
    shown = [cl for cl in header if cl.shape not in (Shape.BLANK, Shape.SEPARATOR)]
    dates = [i for i, cl in enumerate(shown) if _is_date_line(cl) and _lines_after(shown, i) <= DATE_REACH]
    for d in reversed(dates):
        for k in range(1, NAME_REACH + 1):
            for i in (d - k, d + k):
                if 0 <= i < len(shown) and _is_name_line(shown[i], title) and not _across_prose(shown, d, i):
                    return shown[i].line.text
    return None


def _lines_after(shown: Sequence[ClassifiedLine], i: int) -> int:
    return sum(cl.furniture not in BETWEEN_FURNITURE for cl in shown[i + 1 :])


def _is_date_line(cl: ClassifiedLine) -> bool:
    """A line that dates the article: a date alone (a numeric one too, whichever its order), a
    label with its date, or an update notice."""
    return (cl.is_meta and cl.byline is None) or cl.furniture == "updated" or is_numeric_date(cl.line.text)


def _is_name_line(cl: ClassifiedLine, title: str | None) -> bool:
    return (
        cl.shape is Shape.HEADING
        and cl.furniture in NAME_FURNITURE
        and not cl.is_meta
        and cl.line.text != title
        and is_bare_names(cl.line.text)
    )


def _across_prose(shown: Sequence[ClassifiedLine], a: int, b: int) -> bool:
    """A paragraph lies between lines ``a`` and ``b``: the name is not the date's."""
    lo, hi = sorted((a, b))
    return any(cl.shape is Shape.PARAGRAPH for cl in shown[lo + 1 : hi])
