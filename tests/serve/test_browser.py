"""The web UI in a real browser (Debian's chromium driven by Playwright), as a person uses it.

Search, open a quote, follow it to its earliest source, open a copy side by side, check the
highlights and the escaping. Skipped, saying why, where chromium is not installed (.ci/run installs it).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from newstrace.serve import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not Path(CHROMIUM).exists():
    pytest.skip(
        "chromium is not installed: install Debian's 'chromium' package to run the browser tests "
        "(.ci/run does)",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(query_db: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(query_db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)  # the pages work without JavaScript
    opened = context.new_page()
    yield opened
    context.close()


def test_search_open_a_quote_and_follow_it_to_its_earliest_source(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("Search words").fill("reopen clinic")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("table.quotes tbody tr")).to_have_count(3)
    page.locator("a.quote-link").last.click()  # the oldest of the three (newest first)
    expect(page.locator("blockquote.big")).to_contain_text("We will reopen every clinic before winter")
    rows = page.locator("table.trace tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("earliest")
    expect(rows.first).to_contain_text("first.example")
    rows.first.get_by_role("link", name="Roe vows to reopen clinics").click()
    expect(page.locator("h1")).to_have_text("Roe vows to reopen clinics")


def test_filters_by_speaker_alias(page: Page, base_url: str) -> None:
    page.goto(base_url + "/search")
    page.locator("form.filters").get_by_label("Speaker").fill("Roe")
    page.locator("form.filters").get_by_role("button", name="Find").click()
    expect(page.locator("table.quotes tbody tr")).to_have_count(3)
    expect(page.locator("table.quotes").get_by_role("link", name="Jane Roe").first).to_be_visible()


def test_a_copy_side_by_side_with_the_shared_passage_marked_in_both(page: Page, base_url: str) -> None:
    page.goto(base_url + "/copies")
    page.get_by_role("link", name="shared-passage").click()
    marks = page.locator(".side mark.shared")
    expect(marks).to_have_count(2)
    expect(marks.nth(0)).to_have_text("We will reopen every clinic before winter")
    expect(marks.nth(1)).to_have_text("We will reopen every clinic before winter")
    expect(page.locator(".meta").first).to_contain_text("first published: first.example")


def test_article_highlights_and_escaping(page: Page, base_url: str) -> None:
    page.goto(base_url + "/article/a000000000000001")
    expect(page.locator("#text a.m.quote").first).to_have_attribute("href", "/quote/q000000000000001")
    expect(page.locator("#text a.m.entity", has_text="Tallinn")).to_have_attribute(
        "href", "/entity/e000000000000003"
    )
    expect(page.locator("#text a.m.fact", has_text="40")).to_be_visible()
    page.goto(base_url + "/article/c000000000000003")
    expect(page.locator("#text")).to_contain_text('<script>alert("x")</script> <b>bold</b>')
    expect(page.locator("h1")).to_have_text('<img src=x onerror=alert(1)> Hostile "title"')
    assert page.locator("main img, main b, main script").count() == 0


def test_bad_requests_show_a_page_not_a_traceback(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "/search?since=yesterday")
    assert response is not None and response.status == 400
    expect(page.locator("p.error")).to_contain_text("not a date")
    response = page.goto(base_url + "/quote/missing")
    assert response is not None and response.status == 404
