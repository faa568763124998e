"""Benchmark: latency (p50/p95) of each page and API call of ``newstrace serve``, and its memory.

    python bench/serve.py [--articles 100000] [--quotes 10] [--requests 100] [--db corpus.db]

A corpus is generated (fictional words, names and sites) and written straight into the store:
articles with ``--quotes`` quotes each, speakers resolved to entities, figures, event mentions,
clusters of repeated remarks, reposts and events, through the same ``Store`` writes and search
index that ``analyze`` uses. The server then runs in its own process (``newstrace serve``) and
each page and API call is requested ``--requests`` times with random ids and words. Prints the
build time, one line per call (wall p50 and p95, the server's mean CPU time per call, which other
work on a shared machine does not inflate, and the target), and the server's peak resident memory. The
issue's targets: search and quotes-by-speaker p95 <= 50 ms, article and trace pages p95 <= 100 ms,
server memory <= 300 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import sqlite3  # the bench reads its own SQLite file directly to pick ids
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import httpx

from newstrace.link.identity import Identities
from newstrace.model import (
    Article,
    ArticleEntity,
    ArticleFindings,
    Copy,
    CopySide,
    CorpusLinks,
    Document,
    Entity,
    EntityRef,
    Event,
    EventMention,
    Fact,
    Quote,
    QuoteCluster,
    Span,
)
from newstrace.store import Store
from newstrace.store.db import DocumentRecord

SYLLABLES = "ka lo mi ren tor vak sel dun pra gi ost lem nar fey bru cal dom hes ira jul".split()
BATCH = 1000  # documents per store transaction
REPEAT_EVERY = 5  # one quote in this many repeats a remark of an earlier article (a cluster grows)
REPOST_EVERY = 10  # one article in this many reposts an earlier one (a copy)
TARGETS_MS = {"search": 50, "speaker": 50, "article": 100, "trace": 100}


def _words(rng: random.Random, n: int) -> list[str]:
    return sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))) for _ in range(n * 2)})[:n]


@dataclass
class Vocabulary:
    """The generated words, speaker names and sites of the corpus."""

    words: list[str]
    names: list[str]
    sites: list[str]


def _vocabulary(rng: random.Random, speakers: int) -> Vocabulary:
    words = _words(rng, 3000)
    firsts, lasts = _words(rng, 300), _words(rng, 400)
    names = sorted({f"{rng.choice(firsts).title()} {rng.choice(lasts).title()}" for _ in range(speakers * 2)})
    return Vocabulary(words, names[:speakers], [f"{w}.example" for w in words[:200]])


@dataclass
class Corpus:
    """What the generator has written so far and what the links will hold."""

    remarks: list[tuple[str, str]] = field(default_factory=list)  # (quote id, text) of earlier remarks
    clusters: dict[str, list[str]] = field(default_factory=dict)  # origin quote id -> members
    mentions: dict[str, list[EntityRef]] = field(default_factory=dict)  # speaker -> mentions
    speakers: dict[str, str] = field(default_factory=dict)  # quote id -> speaker name
    copies: list[Copy] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)  # fact id -> asserter name


def _sentence(rng: random.Random, vocab: Vocabulary, k: int) -> str:
    return " ".join(rng.choices(vocab.words, k=k)).capitalize()


def _article(rng: random.Random, vocab: Vocabulary, corpus: Corpus, i: int, quotes: int) -> ArticleFindings:
    aid = f"a{i:015d}"
    parts: list[str] = []
    found: list[Quote] = []
    pos = 0
    for j in range(quotes):
        lead = _sentence(rng, vocab, rng.randint(8, 20)) + ". "
        speaker = rng.choice(vocab.names)
        qid = f"q{i:011d}{j:04d}"
        if j % REPEAT_EVERY == 0 and corpus.remarks:
            origin, words = rng.choice(corpus.remarks)
            corpus.clusters.setdefault(origin, [origin]).append(qid)
        else:
            words = _sentence(rng, vocab, rng.randint(6, 18))
            corpus.remarks.append((qid, words))
        start = pos + len(lead) + 1
        said = f'{lead}"{words}," {speaker} said. '
        mention = Span(start + len(words) + 3, start + len(words) + 3 + len(speaker), speaker)
        found.append(
            Quote(qid, aid, start, start + len(words), words, "direct", speaker, mention, "said", None)
        )
        corpus.mentions.setdefault(speaker, []).append(EntityRef(aid, mention.start, mention.end))
        corpus.speakers[qid] = speaker
        parts.append(said)
        pos += len(said)
    text = "".join(parts)
    published = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    site = rng.choice(vocab.sites)
    article = Article(
        aid,
        f"d{i:015d}",
        0,
        f"crawl/{site}/{i}.html",
        None,
        _sentence(rng, vocab, 7),
        published,
        None,
        text,
        f"https://{site}/{i}",
    )
    asserter = found[0].speaker or ""
    fact = Fact(
        f"f{i:015d}",
        aid,
        float(rng.randint(2, 5000)),
        "people",
        0,
        4,
        text[:4],
        published,
        None,
        asserter,
        False,
    )
    corpus.facts[fact.id] = asserter
    event = EventMention(
        f"m{i:015d}", aid, 0, 40, "said", "protest", "PROTEST", None, published, None, (), (fact.id,)
    )
    first_mention = {q.speaker: q.speaker_mention for q in reversed(found) if q.speaker and q.speaker_mention}
    people = tuple(ArticleEntity(aid, name, "PER", (name,), (span,)) for name, span in first_mention.items())
    return ArticleFindings(article, quotes=tuple(found), entities=people, facts=(fact,), events=(event,))


def _links_for(rng: random.Random, findings: list[ArticleFindings], corpus: Corpus, i: int) -> None:
    """Reposts and events among the articles of one batch."""
    for found in findings:
        a = found.article
        if int(a.id[1:]) % REPOST_EVERY == 1 and int(a.id[1:]) > 0:
            earlier = f"a{int(a.id[1:]) - 1:015d}"
            corpus.copies.append(
                Copy(
                    f"k{a.id[1:]}",
                    CopySide(earlier, 0, 300),
                    CopySide(a.id, 0, 300),
                    0.9,
                    "shared-passage",
                    "a",
                )
            )
        corpus.events.append(
            Event(
                f"v{a.id[1:]}",
                "protest",
                "PROTEST",
                None,
                a.published,
                None,
                (),
                tuple(f.id for f in found.facts),
                (CopySide(a.id, 0, 40),),
            )
        )
    del rng, i


def build(db: Path, articles: int, quotes: int, seed: int = 7) -> None:
    """Write the generated corpus into ``db``."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, max(100, articles // 10))
    corpus = Corpus()
    with Store(str(db)) as store:
        for first in range(0, articles, BATCH):
            batch = [
                _article(rng, vocab, corpus, i, quotes) for i in range(first, min(first + BATCH, articles))
            ]
            _links_for(rng, batch, corpus, first)
            store.save_documents(
                [
                    DocumentRecord(
                        Document(
                            f.article.document,
                            f.article.source,
                            None,
                            "html",
                            f.article.id,
                            f.article.text,
                            f.article.url,
                        ),
                        "bench",
                        (f,),
                        (),
                    )
                    for f in batch
                ]
            )
        ids = {name: f"e{n:015d}" for n, name in enumerate(sorted(corpus.mentions))}
        entities = tuple(
            Entity(ids[name], name, "PER", (name, name.split()[-1]), tuple(refs))
            for name, refs in corpus.mentions.items()
        )
        clusters = tuple(
            QuoteCluster(f"c{origin[1:]}", corpus.speakers[origin], tuple(members), "identical", origin)
            for origin, members in corpus.clusters.items()
        )
        identities = Identities(
            {q: ids[name] for q, name in corpus.speakers.items()},
            {f: ids[name] for f, name in corpus.facts.items() if name in ids},
        )
        store.replace_links(
            CorpusLinks(entities, tuple(corpus.copies), clusters, tuple(corpus.events)), identities
        )


@dataclass
class Sample:
    """Ids and words to ask for, read from the built corpus."""

    articles: list[str]
    quotes: list[str]
    entities: list[str]
    names: list[str]
    copies: list[str]
    words: list[str]


def _sample(db: Path, rng: random.Random) -> Sample:
    conn = sqlite3.connect(db)

    def pick(sql: str) -> list[str]:
        return [r[0] for r in conn.execute(sql)]

    titles = pick("SELECT title FROM articles ORDER BY random() LIMIT 200")
    return Sample(
        pick("SELECT id FROM articles ORDER BY random() LIMIT 200"),
        pick("SELECT quote FROM cluster_members ORDER BY random() LIMIT 200"),
        pick("SELECT id FROM entities ORDER BY random() LIMIT 200"),
        pick("SELECT name FROM entities ORDER BY random() LIMIT 200"),
        pick("SELECT id FROM copies ORDER BY random() LIMIT 200"),
        [" ".join(rng.sample(t.split(), 2)) for t in titles],
    )


CALLS: dict[str, Callable[[Sample, random.Random], str]] = {
    "search (page)": lambda s, r: f"/search?q={r.choice(s.words)}",
    "search (api)": lambda s, r: f"/api/search?q={r.choice(s.words)}",
    "speaker (page)": lambda s, r: f"/search?speaker={r.choice(s.names)}",
    "speaker (api)": lambda s, r: f"/api/quotes?speaker={r.choice(s.names).split()[-1]}",
    "article (page)": lambda s, r: f"/article/{r.choice(s.articles)}",
    "article (api)": lambda s, r: f"/api/articles/{r.choice(s.articles)}",
    "trace (page)": lambda s, r: f"/quote/{r.choice(s.quotes)}",
    "trace (api)": lambda s, r: f"/api/trace/{r.choice(s.quotes)}",
    "entity (page)": lambda s, r: f"/entity/{r.choice(s.entities)}",
    "copy (page)": lambda s, r: f"/copy/{r.choice(s.copies)}",
    "copies (api)": lambda s, r: "/api/copies",
    "events (api)": lambda s, r: "/api/events",
    "events (page)": lambda s, r: "/events",
    "overview (page)": lambda s, r: "/",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(db: Path, requests: int, seed: int = 11) -> None:
    """Start the server on ``db`` and print p50/p95 of each call and the server's peak memory."""
    rng = random.Random(seed)
    Store(str(db)).close()  # opened writable once, as analyze does: indexes of a newer newstrace are added
    sample = _sample(db, rng)
    port = _free_port()
    newstrace = Path(sys.executable).with_name("newstrace")
    server = subprocess.Popen([str(newstrace), "serve", "--db", str(db), "--port", str(port), "-q"])
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            _wait(client)
            print(f"{'call':<18} {'p50 ms':>8} {'p95 ms':>8} {'cpu ms':>8} {'target':>8}")
            for name, url in CALLS.items():
                times, cpu = _time_calls(client, server.pid, partial(url, sample, rng), requests, name)
                p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[18]
                target = TARGETS_MS.get(name.split()[0])
                verdict = "" if target is None else f"{target:>6} {'ok' if p95 <= target else 'MISSED'}"
                print(f"{name:<18} {p50:>8.1f} {p95:>8.1f} {cpu:>8.1f} {verdict}")
        print(f"server peak memory: {_peak_rss_mb(server.pid):.0f} MB (target 300 MB)")
    finally:
        server.terminate()
        server.wait(10)


def _time_calls(
    client: httpx.Client, pid: int, url: Callable[[], str], requests: int, name: str
) -> tuple[list[float], float]:
    """Wall milliseconds of each call, and the server's mean CPU milliseconds per call (a figure that
    other work on a shared machine does not inflate)."""
    for _ in range(3):  # the first calls warm caches
        client.get(url())
    times = []
    cpu_before = _cpu_seconds(pid)
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url())
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code}: {response.text[:200]}")
        times.append((time.perf_counter() - started) * 1000)
    return times, (_cpu_seconds(pid) - cpu_before) * 1000 / requests


def _wait(client: httpx.Client) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            client.get("/api/overview")
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the server did not start within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--quotes", type=int, default=10, help="quotes per article")
    parser.add_argument("--requests", type=int, default=100, help="requests per call")
    parser.add_argument("--db", type=Path, help="keep the corpus here (reused when it exists)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="newstrace-serve-")
    db = args.db or Path(folder) / "bench.db"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.articles, args.quotes)
        size = db.stat().st_size / 1e6
        print(
            f"built {args.articles} articles, {args.articles * args.quotes} quotes in "
            f"{time.perf_counter() - started:.0f} s ({size:.0f} MB)"
        )
    measure(db, args.requests)
    if args.db is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
