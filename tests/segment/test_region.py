"""An article's range ends at the site's copyright notice."""

from __future__ import annotations

import pytest

from newstrace.segment.classify import classify_text
from newstrace.segment.region import until_copyright

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
