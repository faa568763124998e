"""An article body split into several containers of one class is read whole."""

from __future__ import annotations

import pytest

from newstrace.ingest.html_body import reads_as_prose, with_sibling_parts, without_standfirst
from newstrace.ingest.html_meta import parse_html

A = "The council voted on Tuesday to close the old bridge to traffic for the whole of the summer."
B = "Engineers had warned in March that the steel beams were rusting faster than they had expected."
C = "The mayor said that a ferry would carry people across the river until the repairs were done."
D = "Shop owners on both banks said they feared that their takings would fall by half in the summer."
CLAIM = "A claim that the bridge was safe and that the whole closure was a plot was made by a blogger."


def _page(*parts: str) -> str:
    return f"<html><body>{''.join(parts)}</body></html>"


def _body(*paragraphs: str) -> str:
    return '<div class="article-body">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"


@pytest.mark.parametrize(
    ("html", "kept", "expected"),
    [
        # the second part of the body, after an ad, is taken back in page order
        (_page(_body(A, B), '<div class="ad">Advert</div>', _body(C, D)), f"{A}\n{B}", f"{A}\n{B}\n{C}\n{D}"),
        # a box of the body's class above the article (a claim it discusses) is not
        (_page(_body(CLAIM), _body(A, B)), f"{A}\n{B}", f"{A}\n{B}"),
        # a part inside an aside is a teaser's
        (_page(_body(A, B), f"<aside>{_body(C)}</aside>"), f"{A}\n{B}", f"{A}\n{B}"),
        # one kept paragraph says nothing about its container's class
        (_page(_body(A), _body(C, D)), A, A),
        # containers of another class stay out
        (_page(_body(A, B), f'<div class="comments"><p>{C}</p></div>'), f"{A}\n{B}", f"{A}\n{B}"),
    ],
)
def test_with_sibling_parts(html: str, kept: str, expected: str) -> None:
    assert with_sibling_parts(kept, parse_html(html)) == expected


def test_unparsed_page_keeps_text() -> None:
    assert with_sibling_parts(A, None) == A


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (B, True),
        ("Get it on Amazon for $39.99", False),  # short
        ("Apple iPad Pro 11-inch Wi-Fi 256GB Space Gray MXLMQ7NRA Model 2020 Edition Tablet Device", False),
    ],
)
def test_reads_as_prose(line: str, expected: bool) -> None:
    assert reads_as_prose(line) is expected


DEK = "The old bridge will shut for the summer. Here is how to get across the river."


@pytest.mark.parametrize(
    ("head", "body", "text", "expected"),
    [
        (  # a heading under the headline that repeats the description: the standfirst goes
            f'<meta name="description" content="{DEK}">',
            f'<h1>Bridge to close</h1><h2 class="sub-head">{DEK}</h2><p>{A}</p><p>{B}</p>',
            f"{DEK}\n{A}\n{B}",
            f"{A}\n{B}",
        ),
        (  # marked as the description by itemprop, under og:description
            f'<meta property="og:description" content="{DEK}">',
            f'<div itemprop="description">{DEK}</div><p>{A}</p>',
            f"{A}\n{DEK}\n{C}",
            f"{A}\n{C}",
        ),
        (  # the description is the body's first paragraph: it stays
            f'<meta name="description" content="{A}">',
            f"<h1>Bridge to close</h1><p>{A}</p><p>{B}</p>",
            f"{A}\n{B}",
            f"{A}\n{B}",
        ),
        (  # a heading that the page does not declare as its description stays
            f'<meta name="description" content="{C}">',
            f"<h2>{DEK}</h2><p>{A}</p>",
            f"{DEK}\n{A}",
            f"{DEK}\n{A}",
        ),
        (  # far down the text it is not a standfirst
            f'<meta name="description" content="{DEK}">',
            f"<p>{A}</p><p>{B}</p><h2>{DEK}</h2><p>{C}</p>",
            f"{A}\n{B}\n{DEK}\n{C}",
            f"{A}\n{B}\n{DEK}\n{C}",
        ),
        (  # the standfirst is all the text there is: kept
            f'<meta name="description" content="{DEK}">',
            f"<h2>{DEK}</h2>",
            DEK,
            DEK,
        ),
    ],
)
def test_without_standfirst(head: str, body: str, text: str, expected: str) -> None:
    root = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert without_standfirst(text, root) == expected
