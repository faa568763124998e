"""Build the pages dev set (bench/data/pages) from two public fixture repositories.

    python bench/pages_build.py TRAFILATURA_GIT_DIR ZYTE_GIT_DIR

* trafilatura (github.com/adbar/trafilatura, Apache-2.0): pages of ``tests/eval`` whose entry in
  ``tests/evaldata.json`` gives a title and a date, written in English (the page declares ``lang="en…"``,
  or the fixture's expected snippets are English prose), and that are articles (product pages, wikis,
  recipes, review listings and forum threads are left out). Gold: the fixture's title, author and date,
  its ``with`` snippets (must be in the article text) and ``without`` snippets (must not be).
* Zyte's article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark, MIT):
  the first 40 by id that bench/data/realnews's first splits (``tune``, ``dev``; ``tune2`` came later)
  do not hold, in both splits; then, to grow ``tune`` only, every further page (by id) that realnews
  does not hold in any split, whose host falls in ``tune`` and that is in English by the same test
  as above (declared language, stop-word share of its ``articleBody``).
  Gold: the benchmark's whole ``articleBody``.

Splits are drawn by the page's host (a site's pages stay in one split): ``tune`` may be fitted on,
``dev`` is only reported on. The gold is the fixtures' own; none was corrected by hand.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import justext  # a dependency of trafilatura

DATA = Path(__file__).resolve().parent / "data" / "pages"
REALNEWS = Path(__file__).resolve().parent / "data" / "realnews" / "sources.json"
ENGLISH_SHARE = 0.3  # share of English stop words in the fixture's snippets and title: prose, not a list
ZYTE_PAGES = 40
# realnews splits that existed when the first 40 Zyte pages were drawn: the window stays where it was
# (realnews's later ``tune2`` took 8 of those 40 for quotes; they stay here, as they were).
FIRST_REALNEWS_SPLITS = frozenset({"tune", "dev"})
NOT_ARTICLES = frozenset(
    """wiki.python.org.Download.html stardewvalleywiki.com.penny.html parallels.com.desktop.html
    businessjargons.com.leadership.html shabka.org.about.html uk.trustpilot.com.reviews.html
    bettycrocker.com.pineapple.html villagersandheroes.com.forums.patchnotes.html
    hackernoon.com.scrape.html redtri.com.jokes.html royalroad.com.melas.html
    acpjournals.org.3075.html link.springer.com.1007.html""".split()
)
# Fixtures left out because their names could be taken for the newspaper libraries' test fixtures,
# which are reserved for evaluation: the set must hold nothing that could be confused with them.
RESERVED_LOOKALIKES = frozenset({"reporternewspapers.net-Brookhaven.html"})


def _git(repo: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", repo, "show", f"HEAD:{path}"], capture_output=True, check=True
    ).stdout


def _commit(repo: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _host(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0]


def _split(url: str) -> str:
    return "tune" if hashlib.sha1(_host(url).encode()).digest()[0] % 2 == 0 else "dev"


def _english(html: bytes, snippets: str, stop: frozenset[str]) -> bool:
    lang = re.search(rb"<html[^>]*\blang=[\"']?([a-zA-Z-]+)", html[:5000], re.IGNORECASE)
    words = re.findall(r"[a-z']+", snippets.lower())
    share = sum(w in stop for w in words) / max(1, len(words))
    return share >= ENGLISH_SHARE and (lang is None or lang.group(1).lower().startswith(b"en"))


def _author(value: object) -> str | None:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value or "").strip()
    return text or None


def trafilatura_pages(repo: str) -> list[dict[str, Any]]:
    stop = frozenset(justext.get_stoplist("English"))
    evaldata = json.loads(_git(repo, "tests/evaldata.json"))
    pages = []
    for url, item in evaldata.items():
        left_out = item["file"] in NOT_ARTICLES or item["file"] in RESERVED_LOOKALIKES
        if not item.get("title") or not item.get("date") or left_out:
            continue
        try:
            html = _git(repo, f"tests/eval/{item['file']}")
        except subprocess.CalledProcessError:  # a few entries point to tests/cache or to no file
            continue
        if not _english(html, " ".join([*item["with"], item["title"]]), stop):
            continue
        gold = {
            "title": item["title"].strip(),
            "byline": _author(item.get("author")),
            "published": item["date"],
            "with": item["with"],
            "without": item["without"],
            "text": None,
        }
        name = (
            "traf-" + re.sub(r"[^a-z0-9]+", "-", item["file"].lower().removesuffix(".html")).strip("-")[:50]
        )
        pages.append(
            {
                "name": name,
                "url": url,
                "origin": "trafilatura",
                "fixture": f"tests/eval/{item['file']}",
                "html": html,
                "gold": gold,
            }
        )
    return pages


def zyte_pages(repo: str) -> list[dict[str, Any]]:
    realnews = json.loads(REALNEWS.read_text())["pages"]
    first = {p["zyte_id"] for p in realnews if p["split"] in FIRST_REALNEWS_SPLITS}
    taken = {p["zyte_id"] for p in realnews}
    truth = json.loads(_git(repo, "ground-truth.json"))
    stop = frozenset(justext.get_stoplist("English"))
    pages: list[dict[str, Any]] = []
    for zid in sorted(truth):
        url = truth[zid]["url"]
        extra = len(pages) >= ZYTE_PAGES  # past the first 40: tune only, English only, no realnews
        if zid in (taken if extra else first) or (extra and _split(url) != "tune"):
            continue
        html = gzip.decompress(_git(repo, f"html/{zid}.html.gz"))
        if extra and not _english(html, truth[zid]["articleBody"], stop):
            continue
        gold = {
            "title": None,
            "byline": None,
            "published": None,
            "with": [],
            "without": [],
            "text": truth[zid]["articleBody"],
        }
        name = "zyte-" + _host(url).split(".")[-2] + "-" + zid[:8]
        pages.append(
            {
                "name": name,
                "url": url,
                "origin": "zyte",
                "fixture": f"html/{zid}.html.gz",
                "html": html,
                "gold": gold,
            }
        )
    return pages


def main() -> None:
    traf, zyte = sys.argv[1], sys.argv[2]
    pages = trafilatura_pages(traf) + zyte_pages(zyte)
    index = []
    for page in pages:
        split = _split(page["url"])
        (DATA / "html" / split).mkdir(parents=True, exist_ok=True)
        (DATA / "gold" / split).mkdir(parents=True, exist_ok=True)
        (DATA / "html" / split / f"{page['name']}.html.gz").write_bytes(gzip.compress(page["html"], mtime=0))
        gold = {"name": page["name"], "url": page["url"], **page["gold"]}
        (DATA / "gold" / split / f"{page['name']}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        )
        index.append(
            {
                "name": page["name"],
                "split": split,
                "origin": page["origin"],
                "fixture": page["fixture"],
                "url": page["url"],
            }
        )
    sources = {
        "trafilatura": {
            "repository": "github.com/adbar/trafilatura",
            "commit": _commit(traf),
            "licence": "Apache-2.0",
        },
        "zyte": {
            "repository": "github.com/scrapinghub/article-extraction-benchmark",
            "commit": _commit(zyte),
            "licence": "MIT",
        },
        "pages": index,
    }
    (DATA / "sources.json").write_text(json.dumps(sources, indent=1) + "\n")
    print(
        f"{len(index)} pages: "
        + ", ".join(f"{s} {sum(p['split'] == s for p in index)}" for s in ("tune", "dev"))
    )


if __name__ == "__main__":
    main()
