"""Prose detection on page dumps (jusText over line blocks), on invented pages."""

from __future__ import annotations

import textwrap

from newstrace.segment import find_articles
from newstrace.segment.prose import prose_lines, written_in_stoplist_language

PROSE = (
    "The council voted on Tuesday to close the old bridge for repairs, and the work is expected to "
    "take most of the summer, according to the engineers who inspected it in the spring."
)
PROSE_2 = (
    "Residents who live on the east side of the river said that they would have to drive for an "
    "extra twenty minutes each way, and some of them asked the council to run a ferry instead."
)
MENU = ["Home", "World", "Business", "Sports", "Weather"]
FOOTER = ["Contact", "Careers", "Advertise with us", "Newsletters"]


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_menus_and_footers_are_not_prose() -> None:
    page = _page(
        *MENU, "Bridge to close for summer repairs", PROSE, "It will reopen in September.", PROSE_2, *FOOTER
    )
    [article] = find_articles(page, prose=True)
    assert article.text.split("\n") == [PROSE, "It will reopen in September.", PROSE_2]
    assert article.title == "Bridge to close for summer repairs"
    for piece in article.pieces:  # offsets still point into the page
        assert (
            page[piece.document_start : piece.document_start + piece.length]
            == article.text[piece.article_start : piece.article_start + piece.length]
        )


def test_short_line_takes_its_neighbours_class() -> None:
    long_1, long_2 = f"{PROSE} {PROSE_2}", f"{PROSE_2} {PROSE}"  # over 200 characters: prose on their own
    kept = prose_lines(
        [(long_1, False), ("He agreed.", False), (long_2, False), ("Share", True), ("Tweet", True)]
    )
    assert kept == [True, True, True, False, False]


def test_hard_wrapped_paragraph_is_one_block() -> None:
    wrapped = textwrap.wrap(PROSE, 60)
    page = "\n".join([*MENU, "", "Bridge to close", "", *wrapped, "", *FOOTER]) + "\n"
    [article] = find_articles(page, prose=True)
    assert " ".join(article.text.split()) == " ".join(PROSE.split())


def test_pages_in_another_language_keep_the_shape_rules() -> None:
    assert not written_in_stoplist_language(
        ["Der Rat hat am Dienstag beschlossen, die alte Brücke zu schließen."]
    )
    assert written_in_stoplist_language([PROSE])


def test_a_short_article_is_not_lost() -> None:
    [article] = find_articles(_page("Bridge closes", "The bridge closes today."), prose=True)
    assert article.text == "The bridge closes today."
