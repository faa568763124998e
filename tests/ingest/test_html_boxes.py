"""Lines of a page's named boxes dropped from an HTML page's main text, on invented pages."""

from __future__ import annotations

import pytest

from newstrace.ingest.html_boxes import box_words, without_box_lines
from newstrace.ingest.html_meta import parse_html

PROSE = (
    "The dam on the river opened on Monday after three years of work, the mayor told a crowd.",
    "Farmers downstream said the water would reach their fields by the end of the month.",
    "The valley has flooded every spring for a decade, and the town hopes that is now over.",
    "Engineers will watch the gates through the winter before the council signs the works off.",
)


def _page(inside: str, after: str = "", body_class: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    return (
        f'<html><body class="{body_class}"><div class="story">{paragraphs}{inside}</div>{after}'
        "<script>var newsletter = 'Thanks for signing up!';</script></body></html>"
    )


TEXT = "\n".join(PROSE)


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        ("Newsletter-container", {"newsletter"}),
        ("ArticleEventPromo desktop", {"promo"}),
        ("email-scrim-wrap", {"scrim"}),
        ("latest-news-box-row", {"latest"}),
        ("related_posts", {"related"}),
        ("pum pum-overlay", {"overlay"}),
        ("story-body__inner", set()),
        ("sharing-with-a-single-developer", set()),  # a heading's slug, not a component's name
        ("subType-unsubscribed", set()),  # "unsubscribed" is no box's name
    ],
)
def test_box_words(mark: str, expected: set[str]) -> None:
    assert box_words(mark) == expected


@pytest.mark.parametrize(
    ("inside", "after", "extra", "expected"),
    [
        (  # a newsletter box inside the body: its lines go, wherever the extractor put them
            '<div class="Newsletter"><h3>Valley Newsletter</h3><p>Thanks for signing up!</p></div>',
            "",
            "Valley Newsletter\nThanks for signing up!",
            TEXT,
        ),
        (  # a related list after the body, written as list items by the extractor
            "",
            '<ul class="related-stories"><li>Ten rivers that changed course this year</li></ul>',
            "- Ten rivers that changed course this year",
            TEXT,
        ),
        (  # a line the page also shows outside any box stays
            '<div class="share-tools"><p>Thanks for reading</p></div><p>Thanks for reading</p>',
            "",
            "Thanks for reading",
            TEXT + "\nThanks for reading",
        ),
        (  # a line of no box stays
            "",
            "",
            "Engineers will report in May.",
            TEXT + "\nEngineers will report in May.",
        ),
    ],
)
def test_without_box_lines(inside: str, after: str, extra: str, expected: str) -> None:
    assert without_box_lines(f"{TEXT}\n{extra}", parse_html(_page(inside, after))) == expected


def test_a_wrapper_named_like_a_box_is_no_evidence() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    page = f'<html><body><div class="has-related-posts">{paragraphs}</div></body></html>'
    assert without_box_lines(TEXT, parse_html(page)) == TEXT


def test_boxes_holding_much_of_the_text_hold_the_article() -> None:
    half = "".join(f"<p>{p}</p>" for p in PROSE[:2])
    rest = "".join(f"<p>{p}</p>" for p in PROSE[2:])
    page = f'<html><body><div class="modal-reader">{half}</div><div>{rest}</div></body></html>'
    assert without_box_lines(TEXT, parse_html(page)) == TEXT


def test_page_flags_on_body_are_no_box() -> None:
    page = _page("", body_class="plugin-share plugin-popup")
    assert without_box_lines(TEXT, parse_html(page)) == TEXT


def test_an_unparsed_page_keeps_the_text() -> None:
    assert without_box_lines(TEXT, None) == TEXT
