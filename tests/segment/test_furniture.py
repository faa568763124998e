"""Furniture rules: each line shape that sites use, and prose that merely mentions the words."""

from __future__ import annotations

import pytest

from newstrace.segment.furniture import caption_like, furniture_kind, is_link_list_head

FURNITURE = [
    ("728 x 90", "ad"),
    ("Advertisement 300x250", "ad"),
    ("ADVERTISEMENT", "ad"),
    ("Share this: Facebook Twitter WhatsApp Email", "share"),
    ("Follow us on Telegram", "share"),
    ("Share on Facebook | Tweet | Print", "share"),
    ("Social media & sharing icons powered by SomeWidget", "legal"),
    ("Copyright © 2020 All Rights Reserved | XML Sitemap", "legal"),
    ("© 2021 Valdoria Daily. All rights reserved.", "legal"),
    ("Privacy Policy | Terms of Use | Sitemap", "legal"),
    ("Home › World › Valdoria", "breadcrumb"),
    ("HomeWorld NewsValdoria PoliticsA Title Here", "breadcrumb"),
    ("News » Europe » France", "breadcrumb"),
    ("The Meridian Observer | World | Europe", "nav"),
    ("Tags: protests, Port Meridian, NCV", "tags"),
    ("Tags: , , , , , , , ,", "tags"),
    ("Filed under: Politics", "tags"),
    ("Read more: Governor resigns after vote", "link"),
    ("Photo: Reuters", "caption"),
    ("(Photo: Jane Doe/AFP)", "caption"),
    # a caption of any length that ends on its picture's credit
    (
        "A cross-section through the new module, showing the quarters where the crew would sleep for "
        "most of the long journey out and back. Credit: Lantern Space Agency",
        "caption",
    ),
    ("Crowds gathered in the square on Friday. Photo: Ann Vale/AFP", "caption"),
    ("The film was a hit in 1979. Credit: 20th Century Studios", "caption"),
    # a media item's label alone, or with its credit
    ("Image caption", "caption"),
    ("Image copyright Getty Images", "caption"),
    ("Skip to content", "ui"),
    ("Leave a comment", "ui"),
    ("Updated: June 6, 2020 10:30", "updated"),
    (
        '<iframe src="https://video.example/embed/1" width="640" height="360" frameborder="0"></iframe>',
        "markup",
    ),
    ("<br/>", "markup"),
    ("Phone: (555) 201-7788 | Fax: 555-201-7789", "contact"),
    ("+44 20 7946 0000", "contact"),
    ("Sign up for our Morning Brief newsletter", "ui"),
    ("Subscribe to The Lantern's newsletter", "newsletter"),
    ("Get the best stories delivered to your inbox every day.", "newsletter"),
    ("Loading Photo Gallery", "ui"),
    ("If you're running an ad-blocker it is costing us money.", "appeal"),
    ("We rely on your support: become a member today", "appeal"),
    ("Want to weigh in? Write a letter to the editor and tell us what you think.", "appeal"),
    ("Advertising disclosure: we may receive compensation for some links.", "disclaimer"),
    ("Disclaimer (varies by section): opinions are the authors' own.", "disclaimer"),
    ("11 responses to “A Long Winter”", "comments"),
    ("Share to FacebookFacebookShare to TwitterTwitterShare to EmailEmail", "share"),
    ("Related Topics:", "tags"),
    ("More Tags: roads, bridges", "tags"),
    ('[button link="https://example.org/submit/" type="big"] Send us YOUR review[/button]', "markup"),
    (
        "Get the Monthly delivered to your door. 12 issues for £11.99. Click here for more information.",
        "appeal",
    ),
    ("Sign up for The Lantern today to get the free daily briefing delivered to you each morning.", "appeal"),
    ("Tell us what you think...", "appeal"),
    ("Please log in here to leave a comment.", "appeal"),
    ("Join the conversation in our comments section below.", "appeal"),
    ("Filed under", "tags"),
    ("Follow The Lantern's Opinion section on Facebook, Twitter (@lantern) and Instagram.", "share"),
    ("This website uses cookies to improve your experience. You can opt-out if you wish.", "consent"),
    (
        "Necessary cookies are essential for the website to function; we use them without your consent.",
        "consent",
    ),
    ("By submitting your email, you agree to our Terms and Privacy Notice.", "consent"),
    ("By signing up you agree to our Terms of Use and Privacy Policy.", "consent"),
    ("By submitting this form you agree to The Lantern using your data to publish your comment.", "consent"),
    ("By using this site you’re agreeing to the terms of service.", "consent"),
    # the site, as "we", to its reader about comments, forums, newsletters or personal data
    ("As you comment, please be respectful of other commenters. Our goal is a civil debate.", "notice"),
    ("Join our forums to keep talking about the river, and let us know if you have a tip!", "notice"),
    ("No spam, we promise. You can unsubscribe at any time.", "notice"),
    ("Your personal data will be kept by us for as long as you hold an account.", "notice"),
    ("We welcome reader comments on the stories of the day; some may be printed.", "notice"),
    ("Comments are moderated, so please be patient: we read them all.", "notice"),
]
PROSE = [
    "Image quality improved with the new lens, the makers said.",
    "The minister said it was over. Credit cards would be accepted at every station from June.",
    "He thanked the lab. Credit: he said, belonged to the whole team.",
    "Share prices fell sharply on Monday after the central bank raised rates.",
    "Homeland security officials met on Tuesday.",
    "The court ruled that the copyright claim had no merit, a decision the publisher said it would appeal.",
    "Protesters used Facebook and Telegram to organise the march, according to the organisers.",
    "Thousands rally in Port Meridian against hospital decree",
    "Please Do Not Protest against the System",
    "Photographs of the rally spread quickly.",
    "The newsletter, which the ministry has published since 2004, was closed in March after a leak.",
    "Call 911 if you see smoke, the fire chief said.",
    "By using the app, riders agree to share their location, the company said.",
    "By submitting the plan late, the council lost the grant. You agree that was a mistake, she said.",
    "More protests from farmers are planned for Friday.",
    "In 2019 the figure was 1,204,000 and in 2020 it was 1,380,000.",
    "The <b> tag is bold, she explained.",
    "The regulator found that the retailer's cookies tracked shoppers across 40 sites.",
    '"We need your support to keep the shelter open," said the director, who asked donors to give.',
    "Subscription numbers at the paper rose by a third last year, its owners said.",
    "The disclosure of the documents embarrassed the minister.",
    "Residents shared photos of the flood on Facebook and Twitter within minutes of the dam failing.",
    "Related topics, such as pensions, were left for a later meeting.",
    "The list [of names] was read aloud in court.",
    "Follow the money, investigators said on Twitter and Facebook.",
    "Followers on Facebook and Twitter rose by half.",
    "Please evacuate the area, officials told residents on Monday.",
    "Topics of the summit included trade and security.",
    # "we" and "you" on those topics inside a quotation, or without the site's voice
    '"We read your comments every morning," the mayor told the residents.',
    "You can post comments on the council's website until Friday.",
    "Our forums were busy last year, the club's chairman wrote in a letter to members.",
    "Readers left hundreds of comments under the mayor's post, which was shared widely.",
]


@pytest.mark.parametrize(("line", "kind"), FURNITURE)
def test_furniture_lines_are_recognised(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", PROSE)
def test_prose_and_headlines_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Read More:", True),
        ("Related:", True),
        ("More Must-Reads From The Lantern", True),
        ("More protests from farmers expected", False),
        ("See also:", True),
        ("Related articles", True),
        ("More from Valdoria Daily", True),
        ("Read the full decree here.", False),
        ("Reading between the lines", False),
    ],
)
def test_link_list_heads(line: str, expected: bool) -> None:
    assert is_link_list_head(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Protesters gather in Liberty Square, March 2021", True),
        ("Delegates arrive for talks in Geneva, May 2021", True),
        ("Talks resume in May 2021", False),
    ],
)
def test_caption_like(line: str, expected: bool) -> None:
    assert caption_like(line) is expected
