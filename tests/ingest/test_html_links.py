"""Link lines dropped from an HTML page's main text, on invented pages."""

from __future__ import annotations

import pytest

from newstrace.ingest.html_links import without_link_lines
from newstrace.ingest.html_meta import page_meta, parse_html

PAGE = (
    "<html><body><p>The dam opened on Monday after <a href='/a'>three years</a> of work.</p>"
    "<ul><li><a href='/b'>Ten rivers that changed course</a></li></ul>"
    "<p>Read: <a href='/c'>Why the valley floods every spring</a></p>"
    "<p><a href='/d'>Lantern</a></p><p><a href='/e'>http://short.example/x1</a></p></body></html>"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # prose with a link stays, a related headline and a "Read:" pointer go
            "The dam opened on Monday after three years of work.\nTen rivers that changed course\n"
            "Read: Why the valley floods every spring",
            "The dam opened on Monday after three years of work.",
        ),
        ("Lantern\nhttp://short.example/x1", "Lantern\nhttp://short.example/x1"),  # one word: a label
        ("Ten rivers that changed course", "Ten rivers that changed course"),  # never the whole text
    ],
)
def test_without_link_lines(text: str, expected: str) -> None:
    assert without_link_lines(text, PAGE) == expected


def test_an_xml_declaration_does_not_stop_the_parse() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<html><head><meta name="author" content="Ann Vale"></head></html>'
    )
    assert parse_html(page) is not None
    assert page_meta(page).byline == "Ann Vale"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (  # a subheading of the article that a menu also links stays: the page shows it unlinked
            "<html><body><nav><a href='/s'>Why the valley floods every spring</a></nav>"
            "<h2>Why the valley floods every spring</h2><p>The dam opened on Monday.</p></body></html>",
            "Why the valley floods every spring\nThe dam opened on Monday.",
        ),
        (  # a teaser card wrapped in a link is still a link, though its heading holds none
            "<html><body><a href='/s'><h3>Why the valley floods every spring</h3></a>"
            "<p>The dam opened on Monday.</p></body></html>",
            "The dam opened on Monday.",
        ),
    ],
)
def test_lines_the_page_shows_unlinked_stay(page: str, expected: str) -> None:
    assert (
        without_link_lines("Why the valley floods every spring\nThe dam opened on Monday.", page) == expected
    )
