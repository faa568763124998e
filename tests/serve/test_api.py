"""The web application through FastAPI's test client: every page and API call, errors, safety."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newstrace.serve import create_app, run_server
from newstrace.serve.charts import every_month
from tests.query.corpus_fixture import HOSTILE_TITLE


@pytest.fixture(scope="module")
def client(query_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(query_db))) as test_client:
        yield test_client


PAGES = [
    "/",
    "/search",
    "/search?q=clinic&speaker=Roe&kind=direct&since=2021-03-01&until=2021-03-31",
    "/article/a000000000000001",
    "/article/c000000000000003",
    "/quote/q000000000000002",
    "/entity/e000000000000001",
    "/entities?kind=PER",
    "/copies",
    "/copy/k000000000000001",
    "/events",
    "/event/v000000000000001",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_a_content_security_policy(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["content-security-policy"]  # no script allowed at all
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "<script" not in response.text


def test_hostile_text_is_shown_escaped(client: TestClient) -> None:
    page = client.get("/article/c000000000000003").text
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript:' not in page and "<code>javascript:alert(1)</code>" in page  # not a link
    for url in ("/search?q=hostile", "/quote/q000000000000003", "/copies"):
        assert "<img src=x" not in client.get(url).text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/article/nope", 404),
        ("/quote/nope", 404),
        ("/entity/nope", 404),
        ("/copy/nope", 404),
        ("/event/nope", 404),
        ("/no/such/page", 404),
        ("/search?since=yesterday", 400),
        ("/search?kind=rumour", 400),
        ("/search?q=" + "x" * 301, 400),
        ("/search?offset=-1", 400),
        ("/article/" + "a" * 65, 400),
        ("/entities?kind=x%3Cy", 400),
    ],
)
def test_bad_requests_get_a_clean_page(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert "Traceback" not in response.text and "newstrace" in response.text
    assert response.headers["content-security-policy"]


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/quotes?limit=501", 400, "limit"),
        ("/api/quotes?since=soon", 400, "not a date"),
        ("/api/quotes/nope", 404, "no such"),
        ("/api/search?q=" + "x" * 301, 400, "q"),
        ("/api/search", 400, "q"),
    ],
)
def test_api_errors_are_json(client: TestClient, url: str, status: int, message: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["status"] == status and message in body["error"]


def test_api_quotes_are_paginated_and_alias_aware(client: TestClient) -> None:
    first = client.get("/api/quotes", params={"speaker": "Roe", "limit": 2}).json()
    assert (len(first["items"]), first["more"], first["limit"]) == (2, True, 2)
    rest = client.get("/api/quotes", params={"speaker": "Roe", "limit": 2, "offset": 2}).json()
    assert (len(rest["items"]), rest["more"]) == (1, False)
    assert first["items"][0]["article"]["site"] == "pages"


@pytest.mark.parametrize(
    ("url", "check"),
    [
        ("/api/overview", lambda b: b["counts"]["quotes"] == 3),
        ("/api/search?q=clinic", lambda b: len(b["quotes"]) == 3),
        ("/api/quotes/q000000000000001", lambda b: b["speaker_name"] == "Jane Roe"),
        ("/api/trace/q000000000000003", lambda b: b["steps"][0]["relation"] == "earliest"),
        ("/api/articles/a000000000000001", lambda b: b["article"]["id"] == "a000000000000001"),
        ("/api/entities?kind=ORG", lambda b: [e["name"] for e in b["items"]] == ["Health Ministry"]),
        ("/api/entities/e000000000000001", lambda b: b["entity"]["name"] == "Jane Roe"),
        ("/api/copies", lambda b: b["items"][0]["copy"]["earlier"] == "a"),
        ("/api/copies/k000000000000001", lambda b: b["passage_a"] == b["passage_b"]),
        ("/api/facts?asserted_by=Health%20Ministry", lambda b: b[0]["facts"][0]["fact"]["value"] == 40.0),
        ("/api/events", lambda b: b["items"][0]["event"]["place"] == "Tallinn"),
        ("/api/events/v000000000000001", lambda b: len(b["mentions"]) == 1),
    ],
)
def test_api_answers(client: TestClient, url: str, check: object) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert callable(check) and check(response.json())


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/quotes", "/api/search", "/api/trace/{quote_id}", "/api/events"} <= set(paths)
    assert not any(p.startswith("/article") for p in paths)  # pages are not API


def test_search_downloads_as_csv_and_json_lines(client: TestClient) -> None:
    response = client.get("/search.csv", params={"speaker": "Jane Roe"})
    assert response.headers["content-disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["id"] for r in rows) == ["q000000000000001", "q000000000000002", "q000000000000003"]
    assert {r["title"] for r in rows} >= {HOSTILE_TITLE}
    lines = client.get("/search.jsonl", params={"q": "clinic", "site": "second.example"}).text.splitlines()
    assert [json.loads(line)["quote"]["id"] for line in lines] == ["q000000000000002"]


def test_the_article_page_links_highlights_to_their_records(client: TestClient) -> None:
    page = client.get("/article/a000000000000001").text
    assert 'href="/quote/q000000000000001"' in page
    assert 'href="/entity/e000000000000003"' in page  # Tallinn
    assert 'class="m event fact' in page or 'class="m event quote' in page or "m fact" in page


def test_the_events_map_shades_the_country_of_each_event(client: TestClient) -> None:
    page = client.get("/events").text
    assert 'data-code="ee" data-events="1"' in page  # Tallinn, Estonia
    assert 'data-code="fr" data-events="0"' in page
    assert "Estonia: 1 event" in page


def test_the_server_opens_the_database_read_only(query_db: Path) -> None:
    app = create_app(str(query_db))
    store = app.state.corpus.store
    with pytest.raises(Exception, match="readonly"), store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM quotes")
    app.state.corpus.close()


@pytest.mark.parametrize(("host", "warned"), [("127.0.0.1", False), ("0.0.0.0", True), ("localhost", False)])
def test_listening_beyond_this_machine_is_warned_about(
    query_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, host: str, warned: bool
) -> None:
    started: list[tuple[str, int]] = []
    monkeypatch.setattr(
        "newstrace.serve.server.uvicorn.run", lambda app, host, port, **_: started.append((host, port))
    )
    run_server(str(query_db), host, 8123)
    assert started == [(host, 8123)]
    assert ("anyone who can reach this address" in caplog.text) is warned


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((), []),
        ((("2021-03", 2),), [("2021-03", 2)]),
        ((("2020-11", 1), ("2021-02", 3)), [("2020-11", 1), ("2020-12", 0), ("2021-01", 0), ("2021-02", 3)]),
        ((("2021", 4), ("2021-13", 1), ("2021-05", 1)), [("2021-05", 1)]),  # a year alone, a bad month
    ],
)
def test_the_timeline_hasevery_month_between_the_first_and_last(
    counts: tuple[tuple[str, int], ...], expected: list[tuple[str, int]]
) -> None:
    assert every_month(counts) == expected
