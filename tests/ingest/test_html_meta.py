"""Title and byline of HTML pages, from invented pages."""

from __future__ import annotations

import pytest

from newstrace.ingest.html import extract_html
from newstrace.ingest.html_meta import page_meta, strip_site_name


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Dam opens at last | Lantern Politics", "Lantern", None, "Dam opens at last"),
        (
            "Dam opens at last - WLNT 9News | Valley News, Weather",
            "WLNT 9News | Valley News, Weather",
            None,
            "Dam opens at last",
        ),
        ("Lantern — Dam opens at last", None, "https://www.lantern.example/a/1", "Dam opens at last"),
        ("Politics | Dam opens at last", None, None, "Dam opens at last"),  # a section before a bar
        ("Blog Archive » Dam opens at last", None, None, "Dam opens at last"),
        ("Drought: dam opens at last", "Lantern", None, "Drought: dam opens at last"),  # a headline's colon
        ("Dam opens at last", "Lantern", None, "Dam opens at last"),
    ],
)
def test_strip_site_name(title: str, site: str | None, url: str | None, expected: str) -> None:
    assert strip_site_name(title, site, url) == expected


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (  # the visible headline that agrees with og:title wins over the SEO title
            '<meta property="og:title" content="Dam opening delayed no more | Lantern">'
            '<meta property="og:site_name" content="Lantern">',
            "<h1>Lantern</h1><h1>The dam opening is delayed no more</h1>",
            "The dam opening is delayed no more",
        ),
        (  # a logo h1 that does not agree: the declared title without the site name
            '<title>Dam opens at last | Lantern</title><meta property="og:site_name" content="Lantern">',
            "<h1>LANTERN</h1><p>Text.</p>",
            "Dam opens at last",
        ),
        ("", "<p>No title anywhere.</p>", None),
    ],
)
def test_title(head: str, body: str, expected: str | None) -> None:
    assert page_meta(_page(head, body)).title == expected


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '[{"@type": "Person", "name": "Ann Vale"}, {"@type": "Person", "name": "Ben Orr"}]}</script>',
            "",
            "Ann Vale, Ben Orr",
        ),
        ('<meta name="author" content="No Author">', '<span class="byline">By Cara Lind</span>', "Cara Lind"),
        ('<meta name="author" content="https://social.example/cara">', "", None),
        (  # a comment's author is not the article's
            "",
            '<div class="comments"><span class="author">Dee Moss</span></div>',
            None,
        ),
        ("", "<h1>Dam opens</h1><p>Posted on May 3, 2020 by <a>Cara Lind</a></p>", "Cara Lind"),
        ("", "<h1>Dam opens</h1><div>by Cara Lind | Politics</div>", "Cara Lind"),
        ("", "<h1>Dam opens</h1><p>Photo by Eli Stone/Getty Images</p>", None),
        (  # an author given by reference to a Person node of the graph
            '<script type="application/ld+json">{"@graph": [{"@type": "Article", "author": {"@id": "#p1"}},'
            ' {"@type": "Person", "@id": "#p1", "name": "Ann Vale"}]}</script>',
            "",
            "Ann Vale",
        ),
        (  # the publisher credited beside the writer is not a writer
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '[{"@type": "Person", "name": "Ann Vale"}, '
            '{"@type": "Organization", "name": "Lantern"}]}</script>',
            "",
            "Ann Vale",
        ),
        (  # a declared Person whose family name was typed in lower case
            '<script type="application/ld+json">{"@type": "BlogPosting", "author": '
            '{"@type": "Person", "name": "Ann vale"}}</script>',
            "",
            "Ann vale",
        ),
        (  # the site's name in the author tag, a writer in the byline
            '<meta property="og:site_name" content="Lantern News">'
            '<meta name="author" content="Lantern News">',
            '<span class="byline">By Cara Lind</span>',
            "Cara Lind",
        ),
        (  # the site's desk when no one else is named
            '<meta property="og:site_name" content="Lantern News">'
            '<meta name="author" content="Lantern News">',
            "",
            "Lantern News",
        ),
        (  # parts of a byline in separate elements are not glued into one word
            "",
            '<div class="byline"><a>Cara Lind</a><span>Updated</span><time>2 hours ago</time></div>',
            "Cara Lind",
        ),
        (  # a name stated alone elsewhere on the page, not with the wire glued to it
            "",
            '<div class="author-info">Tom Vale Wirepost Press</div><span class="author">Tom Vale</span>',
            "Tom Vale",
        ),
        (  # initials keep their dots where the page writes them
            '<meta name="author" content="Dana A Ford">',
            '<span class="byline">By Dana A. Ford</span>',
            "Dana A. Ford",
        ),
        (  # the writer's site address after the name
            '<meta name="author" content="Troy Vale, Lantern.example">',
            "",
            "Troy Vale",
        ),
        (  # a page wrapper whose class mentions the author is no byline; the "By" line is
            "",
            '<div class="single-author-layout"><h1>Dam opens</h1><p class="by">By Ann Vale</p>'
            + "<p>The dam opened on Monday, Design, Reporting, Valley Town, River City.</p>" * 10
            + "</div>",
            "Ann Vale",
        ),
        ("", "<h1>Damm offen</h1><p>Von <a>Anja Orr</a> am 3. Mai 2020</p>", "Anja Orr"),  # German "By"
        ("", "<h1>Barrage</h1><p>Par Lucie Vale</p>", "Lucie Vale"),
        ("", "<h1>Dam opens</h1><p>By Anne Le Vale</p>", "Anne Le Vale"),  # "Le" is a name's particle here
        ("", "<h1>Dam opens</h1><p>The dam opened.</p><p>Author: Cara Lind</p>", "Cara Lind"),  # labelled
        ("", "<h1>Damm offen</h1><p>Von Berlin nach Hamburg fahren Boote.</p>", None),  # no credit
        (  # structured data whose strings hold raw newlines, as templates write them
            '<script type="application/ld+json">{"@type": "BlogPosting", "articleBody": "a\nb",'
            ' "author": {"@type": "Person", "name": "Ann Vale"}}</script>',
            "",
            "Ann Vale",
        ),
        ("", '<span class="author">kvale42</span>', "kvale42"),  # a blog's account name, alone
        (  # a long author bio box is no byline either
            "",
            '<div class="author-box">'
            + "Kim Orr, Editor, Valley Town, River City, Lake Port and more places. " * 6
            + "</div>",
            None,
        ),
    ],
)
def test_byline(head: str, body: str, expected: str | None) -> None:
    assert page_meta(_page(head, body)).byline == expected


def test_unparseable_page_gives_no_metadata() -> None:
    assert page_meta("") == page_meta("   ")


@pytest.mark.parametrize(
    ("ld", "expected"),
    [
        (  # a fact-check names the claim's author in itemReviewed: not the page's author
            '{"@type": "ClaimReview", "itemReviewed": {"@type": "Claim", "author": '
            '{"@type": "Person", "name": "Ann Vale and Ben Orr"}}}',
            frozenset({"Ann Vale and Ben Orr"}),
        ),
        (  # a review's book and a cited work
            '{"@type": "Review", "itemReviewed": {"@type": "Book", "author": "Kim Orr"},'
            ' "citation": [{"author": {"name": "Lu Vale"}}]}',
            frozenset({"Kim Orr", "Lu Vale"}),
        ),
        ('{"@type": "NewsArticle", "author": {"name": "Ann Vale"}}', frozenset()),
    ],
)
def test_reviewed_authors(ld: str, expected: frozenset[str]) -> None:
    page = _page(f'<script type="application/ld+json">{ld}</script>', "<p>Text.</p>")
    assert page_meta(page).reviewed_authors == expected


def test_a_fact_checked_claims_author_is_not_the_byline() -> None:
    ld = (
        '{"@context": "https://schema.org", "@type": "ClaimReview", "itemReviewed": {"@type": "Claim",'
        ' "author": {"@type": "Person", "name": "Ann Vale and Ben Orr"}}}'
    )
    prose = "<p>The claim that the dam opened early was checked against the council's records.</p>" * 8
    claim = '<div class="statement-author"><h4 class="author">Ann Vale and Ben Orr</h4></div>'
    page = _page(f'<title>Dam claim</title><script type="application/ld+json">{ld}</script>', claim + prose)
    assert extract_html(page, "page.html", 200).byline is None


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ("plugin-imageloader plugin-lightbox", "ANN VALE"),  # the page's feature flags, not a part's
        ("has-comments", "ANN VALE"),
    ],
)
def test_page_classes_do_not_hide_the_byline(flags: str, expected: str) -> None:
    page = (
        f'<html class="{flags}"><body class="{flags}"><div class="story">'
        '<cite class="byline"><span>By </span><span>ANN VALE</span><abbr>May 3, 2015</abbr></cite>'
        "<p>The dam on the river opened on Monday after ten years of work, the town's mayor told a crowd.</p>"
        "</div></body></html>"
    )
    assert page_meta(page).byline == expected


def test_a_comment_box_still_hides_its_authors() -> None:
    page = '<html><body><div class="comments"><span class="author">Ben Orr</span></div></body></html>'
    assert page_meta(page).byline is None
