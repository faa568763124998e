"""Take the PNG screenshots of docs/explore.md and the README: each page of ``newstrace serve``.

    .venv/bin/python examples/screenshots.py newstrace.db docs/

Serves the database on a free local port and opens each page in Debian's chromium (Playwright,
``executable_path``; no browser is downloaded), the pages named by what the sample corpus holds.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from newstrace.query import QuoteFilter, find_copies, find_entity, find_quotes, list_events, open_corpus
from newstrace.serve import create_app

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS += ["--disable-component-update", "--disable-sync", "--no-first-run"]


def pages(db: str) -> dict[str, str]:
    """Screenshot name -> URL path, chosen from what the corpus holds."""
    with open_corpus(db) as corpus:
        dobrev = find_entity(corpus, "Dobrev")
        traced = find_quotes(corpus, QuoteFilter(text="kilometre matters")).items
        copies = find_copies(corpus).items
        events = [v for v in list_events(corpus, limit=500).items if v.figures]
    found = {
        "overview": "/",
        "search": "/search?speaker=Dobrev",
        "article": f"/article/{traced[-1].article.id}" if traced else "/",
        "quote": f"/quote/{traced[0].quote.id}" if traced else "/",
        "entity": f"/entity/{dobrev.entity.id}" if dobrev else "/entities",
        "copy": f"/copy/{copies[-1].copy.id}" if copies else "/copies",
        "events": "/events",
    }
    if events:
        found["event"] = f"/event/{events[0].event.id}"
    return found


def main() -> None:
    db, out = sys.argv[1], Path(sys.argv[2])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 820})
        for name, path in pages(db).items():
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.screenshot(path=str(out / f"explore-{name}.png"))
            print(f"{name}: {path}")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
