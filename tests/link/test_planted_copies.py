"""Planted copies in real articles (PolNeAR train, read from ../shared): precision and recall >= 0.95.

Roles are drawn at random (fixed seed) among articles that share nothing with another article
before planting (the corpus has real copies of its own: wire paragraphs, republished stories,
long quotes; they are found first and kept out of the score). Then:

- reposts: an article again, truncated to 60-100 % of its paragraphs, with light word edits in
  some sentences, straight quotes made curly, and page furniture lines at the top, middle and end;
- shared passages: 2-4 consecutive sentences (at least 20 words, the reporting minimum) of one
  article, lightly edited, inserted as a paragraph into another article.

A planted repost counts as found when a ``same-article`` copy links the pair; a planted passage
when a ``shared-passage`` copy links the pair and overlaps the planted characters on both sides.
A reported copy counts as correct when it is one of those (copies between articles that already
shared text before planting are left out of precision).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

import pytest

from newstrace.link.copies import find_copies
from newstrace.model import Article, ArticleFindings, Copy
from newstrace.text.sentences import split_sentences
from tests.conftest import POLNEAR, require_shared

SEED = 20240601
REPOSTS = 120
PASSAGES = 120
MIN_PASSAGE_WORDS = 20
FURNITURE = [
    "Advertisement",
    "Share this article: Facebook Twitter Email",
    "Sign up for our daily newsletter",
    "Read more: What the polls say this week",
    "© 2016 Example News Network. All rights reserved.",
    "Click here to read the full story",
]
REPOST_DATE = "2017-01-01"  # after every PolNeAR article: the original is always earlier
FILLERS = ["also", "reportedly", "still", "now", "indeed", "recently"]


@dataclass(frozen=True)
class Planted:
    source: str
    target: str
    relation: str
    source_span: tuple[int, int]
    target_span: tuple[int, int]


def _article(aid: str, text: str, published: str | None) -> ArticleFindings:
    return ArticleFindings(Article(aid, "doc-" + aid, 0, aid, None, None, published, None, text))


def _edit_sentence(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    if len(words) < 6:
        return sentence
    at = rng.randrange(1, len(words) - 1)
    choice = rng.random()
    if choice < 1 / 3:
        del words[at]
    elif choice < 2 / 3:
        words.insert(at, rng.choice(FILLERS))
    else:
        words[at] = rng.choice(FILLERS)
    return " ".join(words)


def _light_edits(text: str, rng: random.Random, share: float) -> str:
    out, last = [], 0
    for sentence in split_sentences(text):
        out.append(text[last : sentence.start])
        piece = text[sentence.start : sentence.end]
        out.append(_edit_sentence(piece, rng) if rng.random() < share else piece)
        last = sentence.end
    out.append(text[last:])
    return "".join(out)


def _repost(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    keep = max(1, round(len(paragraphs) * rng.uniform(0.6, 1.0)))
    body = [_light_edits(p, rng, 0.2).replace('"', "”") for p in paragraphs[:keep]]
    body.insert(len(body) // 2, rng.choice(FURNITURE))
    return "\n".join([rng.choice(FURNITURE), *body, rng.choice(FURNITURE), rng.choice(FURNITURE)])


def _passage(text: str, rng: random.Random) -> tuple[int, int] | None:
    sentences = split_sentences(text)
    for _ in range(20):
        count = rng.randint(2, 4)
        if len(sentences) <= count:
            return None
        first = rng.randrange(0, len(sentences) - count)
        start, end = sentences[first].start, sentences[first + count - 1].end
        if "\n" not in text[start:end] and len(text[start:end].split()) >= MIN_PASSAGE_WORDS:
            return start, end
    return None


def _insert(host: str, passage: str, rng: random.Random) -> tuple[str, tuple[int, int]]:
    breaks = [i for i, ch in enumerate(host) if ch == "\n"] or [len(host)]
    at = rng.choice(breaks)
    new = host[:at] + "\n" + passage + host[at:]
    return new, (at + 1, at + 1 + len(passage))


def _plant(records: list[dict[str, Any]], natural: set[str]) -> tuple[list[ArticleFindings], list[Planted]]:
    rng = random.Random(SEED)
    ids = [f"t{n:04d}" for n in range(len(records))]
    texts = {i: str(r["text"]) for i, r in zip(ids, records, strict=True)}
    dates = {i: r["meta"].get("publication_date") for i, r in zip(ids, records, strict=True)}
    free = [i for i in ids if i not in natural and len(texts[i].split()) >= 150]
    rng.shuffle(free)
    repost_ids, sources, hosts = (
        free[:REPOSTS],
        free[REPOSTS : REPOSTS + PASSAGES],
        free[REPOSTS + PASSAGES : REPOSTS + 2 * PASSAGES],
    )
    planted: list[Planted] = []
    extra: list[ArticleFindings] = []
    for aid in repost_ids:
        text = _repost(texts[aid], rng)
        extra.append(_article(aid + "r", text, REPOST_DATE))
        planted.append(Planted(aid, aid + "r", "same-article", (0, 0), (0, 0)))
    for source, host in zip(sources, hosts, strict=True):
        span = _passage(texts[source], rng)
        if span is None:
            continue
        passage = _light_edits(texts[source][span[0] : span[1]], rng, 0.5)
        texts[host], target_span = _insert(texts[host], passage, rng)
        planted.append(Planted(source, host, "shared-passage", span, target_span))
    corpus = [_article(i, texts[i], dates[i]) for i in ids] + extra
    return corpus, planted


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return min(span[1], end) - max(span[0], start) > 0.5 * (span[1] - span[0])


def _matches(copy: Copy, plant: Planted) -> bool:
    sides = {copy.a.article: copy.a, copy.b.article: copy.b}
    if set(sides) != {plant.source, plant.target} or copy.relation != plant.relation:
        return False
    if plant.relation == "same-article":
        return copy.earlier == ("a" if copy.a.article == plant.source else "b")
    src, tgt = sides[plant.source], sides[plant.target]
    return _overlaps(plant.source_span, src.start, src.end) and _overlaps(
        plant.target_span, tgt.start, tgt.end
    )


@pytest.mark.slow
@pytest.mark.shared
def test_planted_copies_are_found_with_precision_and_recall_095() -> None:
    path = require_shared(POLNEAR / "train.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    before = find_copies([_article(f"t{n:04d}", str(r["text"]), None) for n, r in enumerate(records)])
    natural = {c.a.article for c in before} | {c.b.article for c in before}
    corpus, planted = _plant(records, natural)
    found = find_copies(corpus)
    origin = {f.article.id: f.article.id.rstrip("r") for f in corpus}
    judged = [c for c in found if not {origin[c.a.article], origin[c.b.article]} & natural]
    correct = [c for c in judged if any(_matches(c, p) for p in planted)]
    recalled = [p for p in planted if any(_matches(c, p) for c in judged)]
    precision, recall = len(correct) / len(judged), len(recalled) / len(planted)
    missed = [p for p in planted if p not in recalled][:5]
    wrong = [c for c in judged if c not in correct][:5]
    assert len(planted) >= 200
    assert precision >= 0.95, (precision, wrong)
    assert recall >= 0.95, (recall, missed)
