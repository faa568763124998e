"""The text a simple scraper saves from an HTML page: every block of the body on its own line.

    python bench/scrape.py PAGE.html [OUT.txt]

This is what newstrace's text path is measured on (bench/pages.py): no main-content detection,
only scripts, styles and invisible elements dropped, so menus, footers, captions and link lists
stay in, as they do in the text dumps users bring.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.html
from lxml import etree

DROP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "form", "select")
BLOCK = frozenset(
    """address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6
    header hr li main nav ol p pre section table td th tr ul body""".split()
)
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def scrape(html: bytes | str) -> str:
    """The visible text of ``html``: blocks apart by a blank line, ``<br>`` a line break."""
    text = html if isinstance(html, str) else _decode(html)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str that declares its encoding
    root = lxml.html.fromstring(text)
    for element in list(root.iter(*DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    parts: list[str] = []
    _walk(root, parts)
    lines = [SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _decode(raw: bytes) -> str:
    """As a simple scraper decodes: UTF-8, else Windows-1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _walk(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in BLOCK
    if tag.lower() == "br":
        parts.append("\n")
    elif block:
        parts.append("\n\n")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block and tag.lower() != "br":
        parts.append("\n\n")


def main() -> None:
    page = Path(sys.argv[1]).read_bytes()
    text = scrape(page)
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
