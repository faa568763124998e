"""Clean articles from real pages (bench/data/pages): the figures of issue 14's table.

    python bench/pages.py [--split tune|dev|all] [--pages] [--json]

Every page is read twice: as HTML (newstrace's HTML path) and as the text a simple scraper saves
from it (bench/scrape.py; newstrace's text path, which must find the article among menus and
footers). Figures:

* text precision / recall: tokens of the article text against the gold article body (Zyte pages),
  as a multiset, averaged over pages; snippets: the share of the fixture's ``with`` snippets found
  in the text and of its ``without`` snippets leaked into it (trafilatura pages);
* titles, bylines, dates: exact (titles up to case and spacing), on the pages whose gold gives
  one (a byline is compared as the set of its names, case-folded: the fixture joins authors
  with ``;`` or ``,``);
* text path: the share of pages read as exactly one article.

Splits: ``tune`` may be fitted on; ``dev`` is only reported on (bench/data/pages/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from statistics import mean
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scrape import scrape
from newstrace.errors import InputError
from newstrace.ingest.documents import html_document, make_document
from newstrace.ingest.options import IngestOptions
from newstrace.model import Article
from newstrace.segment import segment_document

DATA = Path(__file__).resolve().parent / "data" / "pages"
SPLITS = ("tune", "dev")
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
NAME_SEPARATORS = re.compile(r"\s*(?:;|,|&|/|\band\b)\s*", re.IGNORECASE)


@dataclass
class Page:
    """One page's gold and what newstrace made of it on both paths."""

    gold: dict[str, Any]
    html: list[Article] = field(default_factory=list)
    text: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_pages(split: str) -> list[Page]:
    """Every page of ``split``, read on both paths."""
    pages = []
    for gold_path in sorted((DATA / "gold" / split).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = gzip.decompress((DATA / "html" / split / f"{gold['name']}.html.gz").read_bytes())
        page = Page(gold)
        name, text = gold["name"], scrape(raw)
        page.html = _articles(page, partial(html_document, f"{name}.html", raw, "html", IngestOptions()))
        page.text = _articles(page, partial(make_document, f"{name}.txt", text.encode(), "text", text))
        pages.append(page)
    return pages


def _articles(page: Page, read: Any) -> list[Article]:  # Any: a zero-argument Document factory
    try:
        return segment_document(read())
    except InputError as exc:
        page.errors.append(str(exc))
        return []


def tokens(text: str) -> Counter[str]:
    """The words of ``text``, case-folded, as a multiset."""
    return Counter(t.casefold() for t in TOKEN.findall(text))


def precision_recall(found: str, gold: str) -> tuple[float, float]:
    """Token precision and recall of ``found`` against ``gold``."""
    got, want = tokens(found), tokens(gold)
    common = sum((got & want).values())
    return common / max(1, sum(got.values())), common / max(1, sum(want.values()))


def names(byline: str | None) -> frozenset[str]:
    """The names of a byline, case-folded, whatever joins them."""
    return frozenset(n.casefold() for n in NAME_SEPARATORS.split(byline or "") if n.strip())


def _space(text: str | None) -> str:
    """Spaces and case normalised: a site may show its headline in capitals by style sheet."""
    return " ".join((text or "").split()).casefold()


def figures(pages: list[Page]) -> dict[str, Any]:
    """The issue's table for ``pages``."""
    out: dict[str, Any] = {"pages": len(pages)}
    for path in ("html", "text"):
        arts = {id(p): getattr(p, path) for p in pages}
        body = {id(p): "\n".join(a.text for a in arts[id(p)]) for p in pages}
        full = [p for p in pages if p.gold["text"]]
        pr = [precision_recall(body[id(p)], p.gold["text"]) for p in full]
        snip = [p for p in pages if p.gold["with"]]
        first = {id(p): (arts[id(p)][0] if arts[id(p)] else None) for p in pages}
        out[path] = {
            "text_precision": round(mean(x for x, _ in pr), 3) if pr else None,
            "text_recall": round(mean(y for _, y in pr), 3) if pr else None,
            "snippets_found": _share(sum(s in body[id(p)] for s in p.gold["with"]) for p in snip),
            "snippets_leaked": _share(sum(s in body[id(p)] for s in p.gold["without"]) for p in snip),
            "titles_exact": _exact(pages, first, "title", lambda a, g: _space(a) == _space(g)),
            "bylines_exact": _exact(pages, first, "byline", lambda a, g: names(a) == names(g)),
            "dates_exact": _exact(pages, first, "published", lambda a, g: a == g),
            "one_article": f"{sum(len(arts[id(p)]) == 1 for p in pages)}/{len(pages)}",
        }
    out["errors"] = sum(len(p.errors) for p in pages)
    return out


def _share(counts: Any) -> str:  # Any: an iterable of ints
    values = list(counts)
    return f"{sum(values)}"


def _exact(
    pages: list[Page], first: dict[int, Article | None], key: str, same: Any
) -> str:  # Any: a predicate
    judged = [p for p in pages if p.gold[key]]
    right = sum(bool(first[id(p)]) and same(getattr(first[id(p)], key), p.gold[key]) for p in judged)
    return f"{right}/{len(judged)}"


def misses(pages: list[Page]) -> list[str]:
    """One line per metadata miss on the HTML path and per page the text path did not read as one."""
    lines = []
    for p in pages:
        art = p.html[0] if p.html else None
        for key in ("title", "byline", "published"):
            want, got = p.gold[key], getattr(art, key) if art else None
            if want and (names(got) != names(want) if key == "byline" else _space(got) != _space(want)):
                lines.append(f"{p.gold['name']} html {key}: {got!r} (gold {want!r})")
        if len(p.text) != 1:
            lines.append(f"{p.gold['name']} text: {len(p.text)} articles")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="dev")
    parser.add_argument("--pages", action="store_true", help="list every miss, page by page")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    splits = SPLITS if args.split == "all" else (args.split,)
    pages = [p for s in splits for p in read_pages(s)]
    result = figures(pages)
    if args.pages:
        print("\n".join(misses(pages)))
    print(json.dumps(result, indent=1) if args.json else _table(result))


def _table(result: dict[str, Any]) -> str:
    rows = [
        f"pages: {result['pages']}, errors: {result['errors']}",
        f"{'measure':<18} {'HTML':>10} {'text':>10}",
    ]
    for key in result["html"]:
        rows.append(f"{key:<18} {result['html'][key]!s:>10} {result['text'][key]!s:>10}")
    return "\n".join(rows)


if __name__ == "__main__":
    main()
