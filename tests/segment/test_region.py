"""An article's range ends at the site's copyright notice."""

from __future__ import annotations

import pytest

from newstrace.segment.classify import classify_text
from newstrace.segment.region import mark_menus, until_copyright
from tests.segment.paragraphs import P1, P2

PAGE = """The bridge closes for the summer

The council voted on Tuesday to close the old bridge to traffic for the summer.

{notice}

Cookies help us run this site, and we keep them for a year after your visit.
"""


@pytest.mark.parametrize(
    ("notice", "cut"),
    [
        ("© 2019 Lantern Media. All Rights Reserved.", True),
        ("Copyright © Lantern Media Ltd, Media Centre, Lantern Way", True),
        ("Copyright (C) Lantern.example. All right reserved.", True),
        ("© Getty Images", False),  # a photo's credit, anywhere in an article
    ],
)
def test_until_copyright(notice: str, cut: bool) -> None:
    lines = until_copyright(classify_text(PAGE.format(notice=notice)))
    last = next(cl for cl in lines if cl.line.text.startswith("Cookies help"))
    assert (last.furniture == "after-copyright") is cut


ITEMS = ["Close the east lane", "Repair the railings", "Paint the arches", "Reopen in the autumn"]


@pytest.mark.parametrize(
    ("lead", "menu"),
    [
        ("The council listed the steps of the work, in the order they will be done:", False),
        ("The council listed the steps of the work, in the order they will be done.", True),
    ],
)
def test_a_list_that_a_paragraph_introduces_is_no_menu(lead: str, menu: bool) -> None:
    lines = mark_menus(classify_text("\n\n".join(["Bridge to close", P1, lead, *ITEMS, P2]) + "\n"))
    item = next(cl for cl in lines if cl.line.text == ITEMS[0])
    assert (item.furniture == "menu") is menu
