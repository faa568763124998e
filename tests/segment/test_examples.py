"""Segmentation of the bundled sample pages: titles, dates, bylines, boundaries, furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.segment import find_articles

# file: [(title, published, byline, body starts with, body ends with)]
EXPECTED: dict[str, list[tuple[str | None, str | None, str | None, str, str]]] = {
    "valdoria_daily_liberty_square.txt": [
        (
            "Thousands rally in Port Meridian against hospital decree",
            "2021-03-04",
            "Lena Marsh",
            "PORT MERIDIAN, March 4, 2021 — Thousands of people marched",
            "and the square was cleared without further incident.",
        )
    ],
    "repost_valdoria_today.txt": [
        (
            "Thousands rally in Port Meridian against hospital decree",
            "2021-03-04",
            "Valdoria Today Staff",
            "PORT MERIDIAN, March 4, 2021 — Thousands of people marched",
            "and the square was cleared without further incident.",
        )
    ],
    "decree_protests_begin.txt": [
        (
            "Protests erupt across Valdoria over hospital merger decree",
            "2020-11-04",
            "Tomas Reyes and Ada Kwan",
            "Valdoria, November 4, 2020—Protests broke out in at least nine towns",
            "according to a police spokesman, and no arrests were reported.",
        )
    ],
    "health_ministry_figures.txt": [
        (
            "Ministry figures show sharp rise in hospital transfers",
            None,
            "Ada Kwan",
            "Valdoria’s Health Ministry has published figures",
            "collected from nurses and ambulance crews in all provinces.",
        )
    ],
    "geneva_talks.txt": [
        (
            "Valdoria talks open in Geneva as opposition sets conditions",
            "2021-05-21",
            None,
            "Talks between the Valdorian government and the opposition opened in Geneva on Friday",
            "a joint statement could be issued on Saturday afternoon.",
        )
    ],
    "roundup.txt": [
        (
            "Texas firm pauses Valdoria hospital equipment deal",
            "2021-05-14",
            "Tomas Reyes",
            "A medical equipment company based in Austin, Texas,",
            "the first deliveries had been due in September.",
        ),
        (
            "Valdorians in Paris rally in solidarity with protesters",
            "2021-05-12",
            None,
            "PARIS — Several hundred Valdorians living in France",
            "planned in Berlin at the end of the month.",
        ),
        (
            "Ostrava governor meets hospital unions",
            "2021-04-02",
            "Lena Marsh",
            "Governor Elena Varga of Ostrava Province met leaders",
            "a further stoppage had been postponed while talks continue.",
        ),
    ],
}
FURNITURE = {
    "valdoria_daily_liberty_square.txt": [
        "Tuesday, October 12, 2023",
        "Home › World › Valdoria",
        "728 x 90",
        "Protesters gather in Liberty Square, March 2021",
        "Share this: Facebook Twitter WhatsApp Email",
        "Tags: protests, Port Meridian, NCV",
        "Read More:",
        "Governor Varga breaks ranks with cabinet",
        "What is Decree 14? A short explainer",
        "North Calder nurses prepare strike ballot",
        "© 2021 Valdoria Daily. All rights reserved.",
        "Privacy Policy | Terms of Use | Sitemap",
        "By Lena Marsh",
    ],
    "repost_valdoria_today.txt": [
        "HomeWorld NewsValdoria PoliticsThousands rally in Port Meridian against hospital decree",
        "Written by: Valdoria Today Staff",
        "Follow us on Telegram",
        "Advertisement 300x250",
        "Tags: , , ,",
        "© 2021 Valdoria Today. All rights reserved.",
    ],
    "decree_protests_begin.txt": [
        "Photo: Reuters",
        "Share on Facebook | Tweet | Print",
        "Related:",
        "Full text: Decree 14 on the reorganisation of hospital services",
        "Who is Marta Quiroga?",
    ],
    "health_ministry_figures.txt": [
        "Friday, January 14, 2022",
        "See also:",
        "Nurses in Ostrava Province vote to strike",
        "Explainer: how Valdoria counts hospital transfers",
        "Share this: Facebook Twitter WhatsApp Email",
    ],
    "geneva_talks.txt": [
        "The Meridian Observer | World | Europe",
        "Delegates arrive for the first session of talks in Geneva, May 2021",
        "Advertisement 300x250",
        "Follow us on Telegram",
        "© 2021 The Meridian Observer. All rights reserved.",
        "Published On: May 21, 2021",
    ],
    "roundup.txt": [
        "Home › News › Latest",
        "Latest News",
        "Share on Facebook | Tweet | Print",
        "728 x 90",
        "© 2021 North Calder Herald. All rights reserved.",
        "Posted on 12 May 2021",
        "May 14, 2021",
    ],
}
KEPT = {
    "valdoria_daily_liberty_square.txt": ["Crowd hears from governor", "Governor Elena Varga spoke next."],
    "decree_protests_begin.txt": ["Government defends plan"],
    "health_ministry_figures.txt": ["Doctors’ view"],
}


def _articles(examples: Path, name: str) -> list[tuple[str | None, str | None, str | None, str]]:
    text = (examples / "pages" / name).read_text(encoding="utf-8")
    return [(a.title, a.published, a.byline, a.text) for a in find_articles(text)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_articles_and_metadata(examples: Path, name: str) -> None:
    found = _articles(examples, name)
    assert [(t, p, b) for t, p, b, _ in found] == [(t, p, b) for t, p, b, _, _ in EXPECTED[name]]
    for (_, _, _, text), (*_, starts, ends) in zip(found, EXPECTED[name], strict=True):
        assert text.startswith(starts)
        assert text.endswith(ends)


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_furniture_is_removed_and_content_kept(examples: Path, name: str) -> None:
    lines = {line for *_, text in _articles(examples, name) for line in text.split("\n")}
    assert sorted(set(FURNITURE[name]) & lines) == []
    assert sorted(set(KEPT.get(name, [])) - lines) == []


def test_every_piece_maps_back_to_the_same_characters(examples: Path) -> None:
    for path in sorted((examples / "pages").glob("*.txt")):
        page = path.read_text(encoding="utf-8")
        for article in find_articles(page):
            for piece in article.pieces:
                got = article.text[piece.article_start : piece.article_start + piece.length]
                assert got == page[piece.document_start : piece.document_start + piece.length]
