"""Copies: reposts and shared passages between articles, with offsets on both sides."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import numpy as np
import pytest

from newstrace.link import LinkOptions, link_corpus
from newstrace.link.align import shared_spans
from newstrace.link.candidates import KEY_PARTS, BandIndex
from newstrace.link.copies import earlier_of, find_copies
from newstrace.link.fingerprints import Fingerprinter, affine32_permutations, words_of
from newstrace.link.mapper import Mapper
from newstrace.link.options import AlignOptions, CopyOptions
from newstrace.model import Article, ArticleFindings, Copy

T = TypeVar("T")
R = TypeVar("R")

# Invented news prose (four paragraphs), long enough to be a whole article.
STORY = (
    "The regional council voted on Tuesday to close the old harbour bridge for repairs that engineers "
    "say are long overdue. Traffic will be diverted through the northern ring road for at least six "
    "months, according to the council's transport office.\n"
    "Shopkeepers on the waterfront fear the closure will drive customers away during the busiest "
    "season of the year. One bakery owner said her takings had already fallen by a third since the "
    "works were announced.\n"
    "The council's engineer told reporters that corrosion had been found in several steel cables last "
    "winter and that the bridge could not safely carry lorries any longer. Inspections will continue "
    "every week while the repairs go on.\n"
    "Opposition members called the decision rushed and asked why the problem had not been fixed years "
    "ago, when the first cracks were reported by fishermen working under the bridge."
)
OTHER = (
    "A new public library opened its doors in the eastern suburbs on Saturday, with reading rooms for "
    "children, a small cinema and a roof garden planted by volunteers from the neighbourhood.\n"
    "The building took three years to finish and cost less than planned, the mayor's office said, "
    "thanks to donated materials and a grant from a national heritage fund.\n"
    "Librarians expect about two thousand visitors a week once the schools return from their holidays."
)
UNRELATED = (
    "The national football team lost its friendly match against a visiting side by two goals to one, "
    "after a late penalty that the coach called a harsh decision by a referee who was badly placed.\n"
    "Fans who travelled to the stadium in heavy rain cheered the young goalkeeper, who made several "
    "saves in the first half and was named the best player of the evening by the broadcaster."
)
PASSAGE = (
    "The council's engineer told reporters that corrosion had been found in several steel cables last "
    "winter and that the bridge could not safely carry lorries any longer. Inspections will continue "
    "every week while the repairs go on."
)


def _found(aid: str, text: str, published: str | None = None) -> ArticleFindings:
    return ArticleFindings(Article(aid, "doc-" + aid, 0, aid, None, None, published, None, text))


def _repost(text: str) -> str:
    """Furniture around the story, light edits, and the last paragraph cut off."""
    edited = text.replace("on Tuesday", "on Tuesday evening").replace("at least six", "six")
    kept = "\n".join(edited.split("\n")[:3])
    head, tail = "Advertisement\nShare this: Facebook Twitter", "Read more: Harbour\n© 2021 Example Media"
    return f"{head}\n{kept}\n{tail}"


def _shared_passage(host: str) -> str:
    edited = PASSAGE.replace("told reporters", "told journalists")
    paragraphs = host.split("\n")
    return "\n".join([paragraphs[0], edited, *paragraphs[1:]])


def _between(copies: list[Copy], a: str, b: str) -> list[Copy]:
    return [c for c in copies if {c.a.article, c.b.article} == {a, b}]


CASES = [
    ("repost with furniture, edits, truncation", _repost(STORY), "same-article"),
    ("shared passage in a different article", _shared_passage(OTHER), "shared-passage"),
    ("unrelated article", UNRELATED, None),
]


@pytest.mark.parametrize(("name", "second", "relation"), CASES, ids=[c[0] for c in CASES])
def test_copy_kinds(name: str, second: str, relation: str | None) -> None:
    copies = find_copies([_found("first", STORY), _found("second", second), _found("other", UNRELATED)])
    found = _between(copies, "first", "second")
    if relation is None:
        assert found == []
    else:
        assert [c.relation for c in found] == [relation]
    assert _between(copies, "first", "other") == []


def test_offsets_map_to_the_same_words_on_both_sides() -> None:
    texts = {"first": STORY, "second": _shared_passage(OTHER)}
    [copy] = find_copies([_found(k, v) for k, v in texts.items()])
    a_text = texts[copy.a.article][copy.a.start : copy.a.end]
    b_text = texts[copy.b.article][copy.b.start : copy.b.end]
    assert a_text.startswith("The council's engineer") and a_text.endswith("while the repairs go on")
    assert b_text.startswith("The council's engineer") and b_text.endswith("while the repairs go on")
    assert 0.9 < copy.similarity < 1.0  # one word edited


def test_repost_side_covers_the_whole_copied_body() -> None:
    repost = _repost(STORY)
    [copy] = find_copies([_found("first", STORY), _found("second", repost)])
    side = copy.a if copy.a.article == "second" else copy.b
    assert repost[side.start :].startswith("The regional council")
    assert repost[: side.end].endswith("while the repairs go on")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2020-06-01", "2020-06-03", "a"),
        ("2020-06-03", "2020-06-01", "b"),
        ("2020-06-01", "2020-06-01", None),
        ("2020-05", "2020-06-02", "a"),
        ("2020-06", "2020-06-02", None),
        (None, "2020-06-02", None),
    ],
)
def test_earlier_by_published_date(a: str | None, b: str | None, expected: str | None) -> None:
    assert earlier_of(a, b) == expected


def test_copy_record_says_which_side_came_first() -> None:
    copies = find_copies([_found("x1", STORY, "2021-03-02"), _found("x2", _repost(STORY), "2021-03-01")])
    [copy] = copies
    assert (copy.a.article, copy.earlier) == ("x1", "b")


def test_ids_are_stable_and_order_free() -> None:
    items = [_found("first", STORY), _found("second", _shared_passage(OTHER))]
    assert find_copies(items) == find_copies(items[::-1])


def test_chance_runs_of_common_words_are_no_copy() -> None:
    a = words_of("He said that the plan of the city was in the hands of the people of the town.")
    b = words_of("They said that the plan of the city was in the hands of the mayor, not of the people.")
    assert shared_spans(a, b, AlignOptions()) == []


def test_passage_is_found_before_a_title_that_repeats_its_words() -> None:
    # A global alignment would match the title words and lose the passage further down.
    first = "Engineers fear for the bridge\n" + OTHER + "\n" + PASSAGE
    second = PASSAGE + "\n" + UNRELATED
    [span] = shared_spans(words_of(first), words_of(second), AlignOptions())
    assert span.matched == len(words_of(PASSAGE))


def test_band_index_spills_to_disk_and_finds_the_same_pairs() -> None:
    printer = Fingerprinter(3, 20, 4, 6, 1)
    texts = [STORY, _repost(STORY), OTHER, _shared_passage(OTHER), UNRELATED]
    results = []
    for buffer in (1 << 30, 1):  # all in memory; spilled after every article
        with BandIndex(20, buffer, 200) as index:
            for number, text in enumerate(texts):
                index.add(number, printer.keys(text))
            results.append(sorted(index.pairs().tolist()))
            assert (index.spilled_bytes > 0) == (buffer == 1)
    assert results[0] == results[1]
    assert (0 << 32 | 1) in results[0] and (2 << 32 | 3) in results[0]


def test_crowded_band_bucket_pairs_with_its_first_member_only() -> None:
    printer = Fingerprinter(3, 20, 4, 6, 1)
    with BandIndex(20, 1 << 30, max_bucket=3) as index:
        for number in range(6):
            index.add(number, printer.keys(STORY))
        pairs = sorted(index.pairs().tolist())
    assert pairs == [0 << 32 | j for j in range(1, 6)]


def test_copies_is_a_registered_link_step() -> None:
    findings = [_found("first", STORY), _found("second", _repost(STORY))]
    links = link_corpus(findings, LinkOptions(steps=("copies",), copies=CopyOptions()))
    assert [c.relation for c in links.copies] == ["same-article"]
    assert links.errors == ()


def test_keys_of_texts_together_equal_their_keys_one_at_a_time() -> None:
    printer = Fingerprinter(3, 20, 4, 6, 1)
    texts = [STORY, "", "Too short. Also short.", _repost(STORY), "Straße İstanbul. " + OTHER, UNRELATED] * 3
    together = printer.keys_many(texts)
    assert [k.shape for k in together] == [printer.keys(t).shape for t in texts]
    assert all((k == printer.keys(t)).all() for k, t in zip(together, texts, strict=True))
    assert together[1].shape == (0, 20) and together[2].shape == (0, 20)


def _pickling_mapper(calls: list[str]) -> Mapper:
    """A mapper that sends every piece of work through pickle, as a Dask cluster would."""

    def mapper(function: Callable[[T], R], items: Iterable[T], /) -> Iterator[R]:
        for item in items:
            calls.append(getattr(function, "func", function).__name__)
            yield pickle.loads(pickle.dumps(function))(pickle.loads(pickle.dumps(item)))

    return mapper


def test_copies_by_a_mapper_equal_those_found_in_process() -> None:
    findings = [
        _found(name, text)
        for name, text in [
            ("a", STORY),
            ("b", _repost(STORY)),
            ("c", _shared_passage(OTHER)),
            ("d", UNRELATED),
        ]
    ]
    calls: list[str] = []
    options = CopyOptions(buffer_bytes=1)  # spilled to disk too
    mapped = find_copies(findings, options, _pickling_mapper(calls))
    assert mapped == find_copies(findings, options) and len(mapped) == 3  # a-b, a-c, b-c
    assert calls.count("slot_pairs") == options.bands * KEY_PARTS and calls.count("verify_batch") == 1


@pytest.mark.parametrize(("count", "seed"), [(1, 0), (64, 1), (128, 7), (200, 12345)])
def test_permutations_are_those_datasketch_draws(count: int, seed: int) -> None:
    from datasketch import MinHash  # noqa: PLC0415  # the reference the run no longer imports

    a, b = affine32_permutations(count, seed)
    expected = MinHash(num_perm=count, seed=seed, scheme="affine32").permutations
    assert a.dtype == b.dtype == np.uint32
    assert np.array_equal(a, expected[0]) and np.array_equal(b, expected[1])
