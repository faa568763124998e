"""The real-news dev set (bench/data/realnews): check the gold, unpack the pages, convert the gold.

    python bench/realnews.py check [SPLIT]            # every gold file well-formed, anchored in its text
    python bench/realnews.py unpack SPLIT OUT_DIR     # the split's pages as .html files, to analyze
    python bench/realnews.py quotes SPLIT OUT.jsonl   # the split's texts and quotes for score.py quotes
    python bench/realnews.py score [SPLIT ...]        # analyse the split(s) and print every figure
    python bench/realnews.py events GOLD_DIR EXPORT   # event mentions, events across pages, empty units

Pages come from the article-extraction benchmark (see bench/data/realnews/README.md); the gold
was written by hand following bench/data/realnews/GUIDE.md. Splits: ``tune`` (rules may be fitted
on it) and ``dev`` (held apart: only reported on), with every layer; ``tune2`` (tuning too) has
gold for the quotations, facts and event mentions but none for the boilerplate, entities and what
spans pages, so ``score tune2`` prints ``None`` for those layers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.speakers import split_people  # the two-names check of bench/speakers.py

DATA = Path(__file__).resolve().parent / "data" / "realnews"
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SCORER = SHARED / "tools" / "score.py"
SPLITS = ("tune", "dev")  # every layer annotated: what ``score`` measures
# Splits annotated for some layers only: the layers left out are empty lists in every page, and its
# corpus.json is empty (no aliases, copies, quote clusters or events across pages were annotated).
PARTIAL_SPLITS = {"tune2": ("boilerplate", "entities")}
ALL_SPLITS = SPLITS + tuple(PARTIAL_SPLITS)
# Figures (score.py seeds names, and ours) measuring a layer, by the page layer or corpus part they need.
LAYER_FIGURES = {
    "boilerplate": ("seeds.articles.boilerplate_lines", "seeds.articles.boilerplate_leaked"),
    "entities": ("seeds.alias_links.", "seeds.entities_found.", "seeds.copies.", "seeds.quote_clusters.",
                 "seeds.events_across_pages."),
}  # fmt: skip
QUOTE_KINDS = {"direct", "fragment", "slogan", "scare"}
SPEAKER_KINDS = {"person", "organisation", "group", "unnamed", None}
ENTITY_TYPES = {"PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK"}
EVENT_KINDS = {
    "protest", "killing", "attack", "arrest", "execution", "sentence", "plot", "meeting", "statement",
    "internet shutdown", "crash", "fire", "explosion", "flood", "earthquake", "storm", "outbreak", "collapse",
}  # fmt: skip
NON_SPEAKERS = {"GPE", "LOC", "FAC", "WORK", "EVENT"}  # entity types of what never speaks (issue 13)
QUOTE_MARKS = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")
SAME_QUOTE_F1 = 0.8  # words a found and a gold quotation share to be one (score.py's threshold)
SAME_SENTENCE_F1 = 0.6  # words two renderings of one sentence share (checked by hand on tune pages)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# score.py's quotes format knows "direct" (every word quoted) and "mixed" (quoted words inside the
# writer's sentence); slogans are reproduced utterances, scare quotes are not quotations.
SCORE_TYPE = {"direct": "direct", "slogan": "direct", "fragment": "mixed"}


def gold_files(split: str) -> Iterator[Path]:
    """The page gold files of a split, by name."""
    yield from sorted(p for p in (DATA / "gold" / split).glob("*.json") if not p.name.startswith("corpus"))


def load(path: Path) -> dict[str, Any]:
    """One gold file."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_page(gold: dict[str, Any]) -> list[str]:
    """Every problem of one page's gold, as readable lines."""
    text: str = gold["text"]
    problems = [f"articles: expected one entry, got {len(gold['articles'])}"] * (len(gold["articles"]) != 1)
    for article in gold["articles"]:
        problems += _check_article(article, text)
    problems += [f"boilerplate line in text: {line!r}" for line in gold["boilerplate"] if line in text]
    for quote in gold["quotes"]:
        problems += _check_quote(quote, text)
    for entity in gold["entities"]:
        if entity.get("type") not in ENTITY_TYPES:
            problems.append(f"entity {entity.get('canonical')!r}: type {entity.get('type')!r}")
        problems += [f"entity form not in text: {f!r}" for f in entity["surface_forms"] if f not in text]
    for fact in gold["facts"]:
        problems += _check_anchored("fact", fact, text)
        if not fact.get("unit"):
            problems.append(f"fact {fact.get('evidence', '')[:40]!r}: empty unit")
    for event in gold["events"]:
        problems += _check_anchored("event", event, text)
        if event.get("kind") not in EVENT_KINDS:
            problems.append(f"event {event.get('evidence', '')[:40]!r}: kind {event.get('kind')!r}")
    return problems


def _check_article(article: dict[str, Any], text: str) -> list[str]:
    problems = [
        f"articles: {key} is empty" for key in ("title", "starts_with", "ends_with") if not article.get(key)
    ]
    for key in ("starts_with", "ends_with"):
        if article.get(key) and article[key] not in text:
            problems.append(f"articles: {key} {article[key]!r} is not in text")
    if article.get("published") and not DATE.match(article["published"]):
        problems.append(f"articles: published {article['published']!r} is not YYYY-MM-DD")
    return problems


def _check_quote(quote: dict[str, Any], text: str) -> list[str]:
    problems = []
    start, words = quote.get("start"), quote["text"]
    if not isinstance(start, int) or text[start : start + len(words)] != words:
        problems.append(f"quote {words[:40]!r}: text[start:start+len(text)] differs (start {start})")
    if quote.get("kind") not in QUOTE_KINDS:
        problems.append(f"quote {words[:40]!r}: kind {quote.get('kind')!r}")
    if quote.get("speaker_kind") not in SPEAKER_KINDS:
        problems.append(f"quote {words[:40]!r}: speaker_kind {quote.get('speaker_kind')!r}")
    if quote.get("said_on") and not DATE.match(quote["said_on"]):
        problems.append(f"quote {words[:40]!r}: said_on {quote['said_on']!r}")
    return problems


def _check_anchored(what: str, item: dict[str, Any], text: str) -> list[str]:
    problems = []
    if item.get("evidence", "") not in text or not item.get("evidence"):
        problems.append(f"{what} evidence not in text: {item.get('evidence', '')[:60]!r}")
    if item.get("date") and not DATE.match(str(item["date"])):
        problems.append(f"{what} {item.get('evidence', '')[:40]!r}: date {item['date']!r}")
    return problems


def check(splits: tuple[str, ...]) -> int:
    """Print every problem of the splits' gold; the number of problems."""
    count = 0
    for split in splits:
        names = set()
        for path in gold_files(split):
            gold = load(path)
            names.add(gold["file"])
            for problem in check_page(gold) + _check_layers(split, gold):
                print(f"{path.relative_to(DATA)}: {problem}")
                count += 1
        corpus = json.loads((DATA / "gold" / split / "corpus.json").read_text(encoding="utf-8"))
        for event in corpus.get("events", []):
            count += _report(split, [f"event {event.get('name')!r}: unknown page {f}" for f in
                                     event.get("mentioned_in", []) if f not in names])  # fmt: skip
        for cluster in corpus.get("quote_clusters", []):
            count += _report(split, [f"cluster member of unknown page {m['file']}" for m in
                                     cluster["members"] if m["file"] not in names])  # fmt: skip
    print(f"{count} problems")
    return count


def _check_layers(split: str, gold: dict[str, Any]) -> list[str]:
    """A partial split has no gold for the layers it leaves out: they must be empty, not half-done."""
    return [
        f"{layer}: split {split} leaves it empty" for layer in PARTIAL_SPLITS.get(split, ()) if gold[layer]
    ]


def _report(split: str, problems: list[str]) -> int:
    for problem in problems:
        print(f"gold/{split}/corpus.json: {problem}")
    return len(problems)


def unpack(split: str, out: Path) -> list[Path]:
    """Write the split's pages as plain .html files into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for packed in sorted((DATA / "html" / split).glob("*.html.gz")):
        target = out / packed.name.removesuffix(".gz")
        target.write_bytes(gzip.decompress(packed.read_bytes()))
        written.append(target)
    return written


def quote_records(split: str) -> Iterator[dict[str, Any]]:
    """The split's pages as score.py quotes records (id = the page's file name)."""
    for path in gold_files(split):
        gold = load(path)
        quotes = [
            {
                "start": q["start"],
                "end": q["start"] + len(q["text"]),
                "text": q["text"],
                "speaker": q.get("speaker"),
                "type": SCORE_TYPE[q["kind"]],
                "cue": q.get("cue"),
            }
            for q in gold["quotes"]
            if q["kind"] in SCORE_TYPE
        ]
        published = gold["articles"][0].get("published")
        meta = {"title": gold["articles"][0].get("title"), "publication_date": published}
        yield {
            "id": gold["file"],
            "text": gold["text"],
            "published": published,
            "quotes": quotes,
            "meta": meta,
        }


def score(split: str, work: Path) -> dict[str, object]:
    """Analyse the split twice and score it: the pages as HTML (every layer, score.py seeds) and the
    gold texts as JSON Lines (quotations and speakers alone, score.py quotes). Flat figures by name."""
    pages = unpack(split, work / "pages")
    texts = work / "texts.jsonl"
    texts.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in quote_records(split)), "utf-8")
    figures: dict[str, object] = {}
    for kind, source, gold in (
        ("seeds", str(pages[0].parent), DATA / "gold" / split),
        ("quotes", str(texts), texts),
    ):
        export, summary = work / f"{kind}.jsonl", work / f"{kind}.json"
        _newstrace("analyze", source, "--db", str(work / f"{kind}.db"), "--export", str(export), "-q")
        subprocess.run(
            [sys.executable, str(SCORER), kind, str(gold), str(export), "--json", str(summary)],
            check=True,
            capture_output=True,
        )
        figures |= {f"{kind}.{k}": v for k, v in _flat(json.loads(summary.read_text("utf-8"))).items()}
        if kind == "seeds":
            figures |= {f"seeds.{k}": v for k, v in event_figures(gold, export).items()}
            figures |= {f"seeds.{k}": v for k, v in speaker_figures(gold, export).items()}
    absent = tuple(f for layer in PARTIAL_SPLITS.get(split, ()) for f in LAYER_FIGURES[layer])
    return {name: None if name.startswith(absent) else value for name, value in figures.items()}


def _norm(text: str) -> str:
    text = text.translate(QUOTE_MARKS)
    return " ".join(text.lower().split()).strip(" .,;:!?\"'()")


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w']+", _norm(text))


def _token_f1(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    return 0.0 if not common else 2 * common / (len(ta) + len(tb))


def same_sentence(predicted: str, evidence: str) -> bool:
    """Whether a predicted mention's sentence is the gold evidence: one holds the other, or they
    share most words (the extracted text may differ from the gold text in spacing or marks)."""
    p, g = _norm(predicted), _norm(evidence)
    return bool(p and g) and (p in g or g in p or _token_f1(p, g) >= SAME_SENTENCE_F1)


def event_figures(gold_dir: Path, export: Path) -> dict[str, object]:
    """Event mention precision and recall (same kind, same sentence), events that several pages
    tell linked as one event with every page as a source, and the share of facts with no unit."""
    records: dict[str, list[dict[str, Any]]] = {}
    for line in export.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records.setdefault(record["type"], []).append(record)
    articles = {a["id"]: a for a in records.get("article", [])}
    page_of = {a["id"]: Path(a["source"]).name for a in articles.values()}
    golds = {load(p)["file"]: load(p) for p in sorted(gold_dir.glob("*.json")) if p.name != "corpus.json"}
    matched = found = 0
    for mention in records.get("event_mention", []):
        page = golds.get(page_of.get(mention["article"], ""))
        if page is None or "events" not in page:
            continue  # the seed pages' gold has no event mentions
        found += 1
        sentence = articles[mention["article"]]["text"][mention["start"] : mention["end"]]
        matched += any(
            e["kind"] == mention["kind"] and same_sentence(sentence, e["evidence"])
            for e in page.get("events", [])
        )
    gold_mentions = sum(len(g.get("events", [])) for g in golds.values())
    facts = records.get("fact", [])
    return {
        "event_mentions.precision": round(matched / found, 4) if found else 0.0,
        "event_mentions.recall": round(matched / gold_mentions, 4) if gold_mentions else 0.0,
        "event_mentions.pred": found,
        "event_mentions.gold": gold_mentions,
        **_linked(gold_dir, records, articles, page_of),
        "facts.empty_unit_share": round(sum(not f["unit"] for f in facts) / len(facts), 4) if facts else 0.0,
    }


def speaker_figures(gold_dir: Path, export: Path) -> dict[str, object]:
    """What issue 13 asks of speakers: quotes given to a place, building, work or event that is not
    their gold speaker (by the gold entities' types, else the export's); people given two speaker
    names in one article (a name, and a longer one ending in it); the share of direct quotations
    with no speaker."""
    records: dict[str, list[dict[str, Any]]] = {}
    for line in export.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records.setdefault(record["type"], []).append(record)
    page_of = {a["id"]: Path(a["source"]).name for a in records.get("article", [])}
    golds = {load(p)["file"]: load(p) for p in sorted(gold_dir.glob("*.json")) if p.name != "corpus.json"}
    kinds = {e["id"]: e["kind"] for e in records.get("entity", [])}
    quotes = records.get("quote", [])
    places = sum(_thing_speaks(q, golds.get(page_of.get(q["article"], ""), {}), kinds) for q in quotes)
    names: dict[str, set[str]] = {}
    for quote in quotes:
        names.setdefault(quote["article"], set()).update([quote["speaker"]] if quote.get("speaker") else [])
    split = sum(len(split_people(n)) for n in names.values())
    direct = [q for q in quotes if q["kind"] == "direct"]
    return {
        "speakers.place_or_thing": places,
        "speakers.one_person_two_names": split,
        "speakers.direct_without_speaker_share": round(
            sum(not q.get("speaker") for q in direct) / len(direct), 4
        )
        if direct
        else 0.0,
    }


def _thing_speaks(quote: dict[str, Any], gold: dict[str, Any], kinds: dict[str, str]) -> bool:
    """Whether the quote's speaker names a place, building, work or event and is not the speaker
    the gold gives the same words."""
    speaker = quote.get("speaker")
    if not speaker:
        return False
    said = next(
        (q for q in gold.get("quotes", []) if _token_f1(q["text"], quote["text"]) >= SAME_QUOTE_F1), None
    )
    if said is not None and _tokens(said.get("speaker") or "")[-1:] == _tokens(speaker)[-1:]:
        return False
    things = {
        _norm(f) for e in gold.get("entities", []) if e["type"] in NON_SPEAKERS for f in e["surface_forms"]
    }
    return _norm(speaker) in things or kinds.get(quote.get("speaker_entity") or "") in NON_SPEAKERS


def _linked(
    gold_dir: Path,
    records: dict[str, list[dict[str, Any]]],
    articles: dict[str, Any],
    page_of: dict[str, str],
) -> dict[str, int]:
    """Of the gold events told by two or more pages (``told``), those one predicted event of the
    same kind holds (``linked``), with a source sentence holding the gold evidence of each page;
    each predicted event links one gold event at most."""
    corpus = json.loads((gold_dir / "corpus.json").read_text(encoding="utf-8"))
    told = [e for e in corpus.get("events", []) if len(e.get("mentioned_in", [])) > 1]
    linked, used = 0, set()  # one predicted event links one gold event: a sentence may tell two
    for gold in told:
        for event in records.get("event", []):
            if event["id"] in used or (gold.get("kind") and gold["kind"] != event["kind"]):
                continue
            sentences: dict[str, list[str]] = {}
            for side in event["sources"]:
                text = articles[side["article"]]["text"][side["start"] : side["end"]]
                sentences.setdefault(page_of[side["article"]], []).append(_norm(text))
            if all(
                any(_norm(gold["evidence"][page]) in s for s in sentences.get(page, []))
                for page in gold["mentioned_in"]
            ):
                linked += 1
                used.add(event["id"])
                break
    return {"events_across_pages.linked": linked, "events_across_pages.told": len(told)}


def _newstrace(*args: str) -> None:
    command = [str(Path(sys.executable).with_name("newstrace")), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {done.stderr.strip()}")


def _flat(data: dict[str, object], prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        out |= _flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}": value}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check").add_argument("split", nargs="?", choices=ALL_SPLITS)
    sub.add_parser("score").add_argument("splits", nargs="*", choices=ALL_SPLITS, default=list(SPLITS))
    events = sub.add_parser("events")
    events.add_argument("gold", type=Path)
    events.add_argument("export", type=Path)
    for name in ("unpack", "quotes"):
        command = sub.add_parser(name)
        command.add_argument("split", choices=ALL_SPLITS)
        command.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "check":
        sys.exit(1 if check((args.split,) if args.split else ALL_SPLITS) else 0)
    if args.command == "score":
        if not SCORER.exists():
            sys.exit(f"{SCORER} is absent: the scorer is read from ../shared (set NEWSTRACE_SHARED)")
        results = {}
        for split in args.splits:
            with tempfile.TemporaryDirectory() as tmp:
                results[split] = score(split, Path(tmp))
        for name in results[args.splits[0]]:
            print(f"{name:48s}" + "".join(f"{results[s].get(name)!s:>12}" for s in args.splits))
        return
    if args.command == "events":
        for name, value in event_figures(args.gold, args.export).items():
            print(f"{name:48s}{value!s:>12}")
        return
    if args.command == "unpack":
        print(f"{len(unpack(args.split, args.out))} pages in {args.out}")
        return
    with args.out.open("w", encoding="utf-8") as fh:
        for record in quote_records(args.split):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
