"""Prose detection on page dumps (jusText over line blocks), on invented pages."""

from __future__ import annotations

import textwrap

import pytest

from newstrace.segment import find_articles
from newstrace.segment.prose import (
    enclosed_prose,
    is_english,
    page_stoplist,
    passages,
    prose_lines,
    sectioned_prose,
    written_in_stoplist_language,
)

PROSE = (
    "The council voted on Tuesday to close the old bridge for repairs, and the work is expected to "
    "take most of the summer, according to the engineers who inspected it in the spring."
)
PROSE_2 = (
    "Residents who live on the east side of the river said that they would have to drive for an "
    "extra twenty minutes each way, and some of them asked the council to run a ferry instead."
)
PROSE_3 = (
    "Engineers said that the steel beams under the deck had rusted through in several places, and "
    "that the repairs could not wait for another winter of salt and heavy lorries."
)
PROSE_4 = (
    "The mayor told the meeting that the town would pay for a shuttle bus to the next bridge while "
    "the work goes on, and that shops near the river would get help with their rents."
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


LONG = f"{PROSE} {PROSE_2}"
LONG_B = f"{PROSE_3} {PROSE_4}"  # a page's paragraphs differ: one it holds twice is the site's


def test_runs_of_headings_below_the_body_are_menus_but_numbered_lists_are_not() -> None:
    page = _page(
        "Bridge to close",
        LONG,
        "1) Check the ferry timetable",
        "2) Leave early",
        "3) Carry cash for the toll",
        "4) Expect queues",
        LONG_B,
        *MENU,
        "The End",
    )
    [article] = find_articles(page, prose=True)
    assert "3) Carry cash for the toll" in article.text
    assert not any(item in article.text.split("\n") for item in MENU)


def test_prose_far_from_the_article_is_not_the_article() -> None:
    far = "The annual report of the harbour authority, published online, lists every vessel that called at the port and the cargo it carried, with tonnage for the whole year."  # noqa: E501
    page = _page("Bridge to close", LONG, LONG_B, *(f"Section {i}" for i in range(14)), far)
    [article] = find_articles(page, prose=True)
    assert far not in article.text


@pytest.mark.parametrize(
    ("tail", "articles"),
    [
        # a teaser with a headline and a date, far shorter than the article: not an article
        (["Ferry service to resume", "June 2, 2021", "Ferries will run again from June."], 1),
        # a reader's comment under the reader's name: not an article
        (["Ann Vale", "June 2, 2021", LONG_B, PROSE_3], 1),
        # a second article of a digest, with its own headline, date and paragraphs: an article
        (["Ferry service to resume on the east bank", "June 2, 2021", LONG_B, PROSE_3], 2),
    ],
)
def test_a_page_holds_several_articles_only_when_they_are_of_a_size(tail: list[str], articles: int) -> None:
    page = _page("Bridge to close for summer repairs", "June 1, 2021", LONG, PROSE_2, *tail)
    assert len(find_articles(page, prose=True)) == articles


def test_title_is_the_heading_above_the_byline_not_a_menu_item() -> None:
    page = _page(
        "Tuesday, October 12, 2023", *MENU, "Bridge to close", "By Ann Vale", "June 1, 2021", LONG, PROSE_2
    )
    [article] = find_articles(page, prose=True)
    assert (article.title, article.byline, article.published) == ("Bridge to close", "Ann Vale", "2021-06-01")


def test_a_list_of_linked_headlines_with_questions_is_a_menu() -> None:
    headlines = [
        "More Great Lantern Stories",
        "Ferry fares to rise in spring",
        "Can the old bridge be saved?",
        "Council election: the candidates",
        "Why are the rents so high?",
    ]
    short_news = [
        "The ferry runs hourly.",
        "Fares are unchanged.",
        "Cyclists ride free.",
        "Dogs are allowed.",
    ]
    page = _page("Bridge to close", LONG, *short_news, LONG_B, *headlines)
    [article] = find_articles(page, prose=True)
    assert not any(h in article.text for h in headlines)
    assert all(s in article.text for s in short_news)  # short sentences of the article are not a menu


TEASER = "Ferries will run again from June, the harbour office said in a notice to the islanders."


@pytest.mark.parametrize(
    ("lines", "kept", "dropped"),
    [
        # a teaser the page shows twice, here inside the article: its second copy goes
        (
            ["Bridge to close", LONG, TEASER, LONG_B, TEASER],
            [LONG, LONG_B, TEASER],
            [f"{TEASER}\n{LONG_B}\n{TEASER}"],
        ),
        # an interview's question, asked of each guest, is the article's
        (
            [
                "Bridge to close",
                "What will you miss most about the old bridge?",
                LONG,
                "What will you miss most about the old bridge?",
                LONG_B,
            ],
            [LONG, LONG_B, "What will you miss most about the old bridge?"],
            [],
        ),
    ],
)
def test_a_paragraph_a_page_holds_twice_is_the_sites(
    lines: list[str], kept: list[str], dropped: list[str]
) -> None:
    [article] = find_articles(_page(*lines), prose=True)
    assert all(k in article.text for k in kept)
    assert not any(d in article.text for d in dropped)


def test_a_page_that_holds_its_article_twice_keeps_one_copy() -> None:
    page = _page("Bridge to close", LONG, PROSE_3, "Bridge to close", LONG, PROSE_3)
    [article] = find_articles(page, prose=True)
    assert article.text.count(PROSE_3) == 1
    assert PROSE in article.text


@pytest.mark.parametrize(
    ("notice", "cut"),
    [
        ("© 2021 Lantern Media. All Rights Reserved.", True),  # the notice closing the article
        ("Copyright 2021 Lantern Media", True),
        ("© Harbour Photo Agency", False),  # a photo's credit, anywhere in the article
    ],
)
def test_what_follows_the_copyright_notice_is_the_sites(notice: str, cut: bool) -> None:
    teaser = f"{PROSE_4} {PROSE_3}"  # prose after the notice: a teaser of another story
    page = _page("Bridge to close", LONG, notice, LONG_B, "Ferry fares to rise", teaser)
    [article] = find_articles(page, prose=True)
    assert LONG in article.text
    assert (teaser not in article.text) is cut


ITALIAN = (
    "Il consiglio comunale ha deciso martedì di chiudere il vecchio ponte per i lavori, che secondo gli "
    "ingegneri dureranno per gran parte dell'estate e che non si possono più rimandare."
)
ITALIAN_2 = (
    "Gli abitanti della riva est hanno detto che dovranno guidare per venti minuti in più, e alcuni di "
    "loro hanno chiesto al comune di mettere un traghetto sul fiume per tutta la stagione."
)
ITALIAN_MENU = ["Politica", "Economia", "Sport", "Cultura", "Ultime notizie dal mondo e dalla città"]


def test_a_page_in_another_language_is_read_with_its_stop_words() -> None:
    assert page_stoplist([ITALIAN, ITALIAN_2]) is not None
    assert not is_english(page_stoplist([ITALIAN, ITALIAN_2]) or frozenset())
    assert is_english(page_stoplist([PROSE]) or frozenset())
    assert page_stoplist(["12 34 56", "#### ****"]) is None


def test_another_languages_menus_go_and_its_paragraphs_stay() -> None:
    page = _page(*ITALIAN_MENU, "Il ponte chiude per l'estate", ITALIAN, ITALIAN_2, *ITALIAN_MENU)
    [article] = find_articles(page, prose=True)
    assert article.text.split("\n") == [ITALIAN, ITALIAN_2]


SCORES = "Pella beat Jarry 6-4, 6-3 and Schwartzman beat Garin 6-2, 6-2 in Group C on Tuesday night."


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        # sentences between two kept paragraphs are taken in
        ([PROSE, SCORES, SCORES, PROSE_2], [True, False, False, True], [True, True, True, True]),
        # a heading-shaped block between them is not (it does not end like a sentence)
        ([PROSE, "Most read stories", PROSE_2], [True, False, True], [True, False, True]),
        # at the end of the page nothing encloses them
        ([PROSE, SCORES, SCORES], [True, False, False], [True, False, False]),
        # a long run of sentences is another part of the page
        (
            [PROSE, *[SCORES] * 4, PROSE_2],
            [True, False, False, False, False, True],
            [True, *[False] * 4, True],
        ),
    ],
)
def test_enclosed_prose(texts: list[str], kept: list[bool], expected: list[bool]) -> None:
    assert enclosed_prose(texts, kept) == expected


def test_a_numbered_list_the_article_introduces_is_kept() -> None:
    items = ["1) The old bridge", "2) The ferry landing", "3) The shuttle bus stop", "4) The river path"]
    page = _page("Bridge to close for summer repairs", PROSE, PROSE_2, *items, *FOOTER)
    [article] = find_articles(page, prose=True)
    assert article.text.split("\n") == [PROSE, PROSE_2, *items]


def test_a_numbered_list_under_its_own_heading_is_not() -> None:
    items = ["1) Mayor resigns", "2) Floods in the valley", "3) Bus fares rise"]
    page = _page("Bridge to close for summer repairs", PROSE, PROSE_2, "Most read", *items, *FOOTER)
    [article] = find_articles(page, prose=True)
    assert article.text.split("\n") == [PROSE, PROSE_2]


STANDFIRST = "Engineers found rust in the beams. Here is what the closure means for drivers."


@pytest.mark.parametrize(
    ("lines", "text", "title"),
    [
        # a paragraph between the headline and the byline is the standfirst
        (
            ["Bridge to close", STANDFIRST, "By Ann Vale", "June 3, 2021", PROSE, PROSE_2],
            [PROSE, PROSE_2],
            "Bridge to close",
        ),
        # without a byline or date after it, the first paragraph is the article's
        (["Bridge to close", STANDFIRST, PROSE, PROSE_2], [STANDFIRST, PROSE, PROSE_2], "Bridge to close"),
        # a byline after the last paragraph does not make the first one a standfirst
        (["Bridge to close", PROSE, PROSE_2, "By Ann Vale"], [PROSE, PROSE_2], "Bridge to close"),
    ],
)
def test_standfirst_is_not_the_body(lines: list[str], text: list[str], title: str) -> None:
    [article] = find_articles(_page(*MENU, *lines, *FOOTER), prose=True)
    assert article.text.split("\n") == text
    assert article.title == title


QUESTION = "Will the old bridge close for the summer?"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # with no heading above it, a line that asks, above the byline, is the headline
        ([QUESTION, "By Ann Vale", "June 3, 2021", PROSE, PROSE_2], QUESTION),
        # under a headline, it is the standfirst
        (["Bridge to close", QUESTION, "By Ann Vale", PROSE, PROSE_2], "Bridge to close"),
        # a question longer than a headline is not one
        (
            [
                f"{STANDFIRST[:-1]}, and what will the council do for all the shops by the river?",
                "By Ann Vale",
                PROSE,
                PROSE_2,
            ],
            None,
        ),
        # nor is a line that asks with no byline or date after it (the article's first paragraph)
        ([QUESTION, PROSE, PROSE_2], None),
    ],
)
def test_a_headline_may_ask(lines: list[str], title: str | None) -> None:
    [article] = find_articles(_page(*lines, *FOOTER), prose=True)
    assert article.title == title
    assert article.text.split("\n")[-2:] == [PROSE, PROSE_2]


@pytest.mark.parametrize(
    ("label", "kept"),
    [
        ("Publish date:", False),  # a field's label above its value
        ("He said:", True),  # a lead-in above what was said
    ],
)
def test_field_labels(label: str, kept: bool) -> None:
    value = "June 3, 2021" if not kept else PROSE_3
    [article] = find_articles(_page("Bridge to close", label, value, PROSE, PROSE_2), prose=False)
    assert (label in article.text) is kept


def test_author_label_gives_the_byline() -> None:
    [article] = find_articles(_page("Bridge to close", "Author:", "Ann Vale", PROSE, PROSE_2), prose=True)
    assert article.byline == "Ann Vale"
    assert "Author:" not in article.text


def test_prose_after_an_inline_link_is_judged_by_the_article() -> None:
    link = "Read more: Lantern Bank profit falls as Valdoria trade threat and economic woes weigh"
    last = "It is not clear when the work will end, and the council has not said what it will cost them."
    credit = "Main image credit: Lantern Photo Agency, Port Meridian Bureau, Valdoria Desk Services"
    long_1, long_2 = f"{PROSE} {PROSE_2}", f"{PROSE_3} {PROSE_4}"  # over 200 characters: prose
    page = _page(*MENU, "Bridge to close", long_1, long_2, link, last, credit, *FOOTER)
    [article] = find_articles(page, prose=True)
    assert article.text.split("\n") == [long_1, long_2, last]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # a teaser's excerpt, cut with WordPress's bracketed mark, links to another post
        ("The council said that the plans for the new bridge over the river would be ready in […]", False),
        ("The council said that the plans for the new bridge over the river would be ready in [...]", False),
        ("The council said that the plans for the new bridge over the river would be ready in [ … ]", False),
        # an article's own sentence, with an omission inside a quotation, is prose
        (
            "The council said that the plans for the bridge […] would be ready in the spring of next year.",
            True,
        ),
    ],
)
def test_an_excerpt_cut_mark_makes_a_teaser(line: str, kept: bool) -> None:
    lines = [(f"{PROSE} {PROSE_3}", False), (line, False), (f"{PROSE_2} {PROSE_4}", False)]
    assert prose_lines(lines) == [True, kept, True]


FACTS = "Beans, lentils, oats, barley, apples and pears hold soluble fibre (12)."  # few stop words


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        (  # a titled section whose sentences jusText rejected: taken in whole
            [PROSE, "6. Eat more fibre", FACTS, PROSE_2, FACTS, PROSE_3, PROSE_4],
            [True, False, False, False, False, False, True],
            [True] * 7,
        ),
        (  # a link list between two paragraphs is no section: headlines are not sentences
            [PROSE, "Bridge to close", "Ferry plan", "Mayor speaks", "Shops fear losses", PROSE_4],
            [True, False, False, False, False, True],
            [True, False, False, False, False, True],
        ),
        (  # sentences too thin in stop words (a list of facts) stay out
            [PROSE, FACTS, FACTS, FACTS, PROSE_4],
            [True, False, False, False, True],
            [True, False, False, False, True],
        ),
        (  # after the last kept block nothing is enclosed
            [PROSE, PROSE_2, PROSE_3],
            [True, False, False],
            [True, False, False],
        ),
    ],
)
def test_sectioned_prose(texts: list[str], kept: list[bool], expected: list[bool]) -> None:
    assert sectioned_prose(texts, kept, page_stoplist([PROSE, PROSE_2]) or frozenset()) == expected


NOTICE = (
    "Your privacy matters to us, and we have changed our privacy policy so that it explains how we use "
    "the data of the people who visit this site."
)


@pytest.mark.parametrize(
    ("furniture", "menu_kept"),
    [
        (True, False),  # a privacy notice found by its shape vouches for no menu below it
        (False, True),  # as prose, jusText keeps the short lines between it and the article
    ],
)
def test_furniture_vouches_for_no_neighbour(furniture: bool, menu_kept: bool) -> None:
    menu = [("Editions", False), ("National", False), ("Health", False)]
    lines = [(NOTICE, False), *menu, (f"{PROSE} {PROSE_3}", False)]
    kept = prose_lines(lines, furniture=[furniture, False, False, False, False])
    assert kept[1:4] == [menu_kept] * 3
    assert kept[-1]


SHORT = [  # sentences of prose density, each under jusText's "long" length
    "The bridge will close on Monday for the whole of the summer, the council said.",
    "The council said that the work on it could not wait any longer than that.",
    "A ferry will run every hour while the bridge is closed to all the cars.",
    "Most people in the town said that they would take the ferry to their work.",
]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # three short sentences in a row are a passage, whatever stands around them; the short
        # line above is its heading
        (["Home", "Bridge to close", *SHORT[:3], "Contact"], [False, True, True, True, True, False]),
        # two are not (a teaser's two lines)
        (["Home", *SHORT[:2], "Contact"], [False, False, False, False]),
        # a headline between them breaks the run (a list of teasers: headline, excerpt, ...)
        ([SHORT[0], "Ferry plan", SHORT[1], "Mayor speaks", SHORT[2]], [False] * 5),
        # a menu of short items is never dense enough
        (["Home", "World", "Business", "Sports"], [False] * 4),
    ],
)
def test_passages(texts: list[str], expected: list[bool]) -> None:
    stoplist = page_stoplist([PROSE, PROSE_2]) or frozenset()
    assert passages(texts, [False] * len(texts), stoplist) == expected
