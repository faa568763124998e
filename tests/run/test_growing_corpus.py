"""A corpus that grows: ids of existing groups stay, and the search index follows every analyze run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.query import QuoteFilter, find_quotes, open_corpus, search_corpus
from newstrace.run import analyze_corpus
from newstrace.store import Store

REMARK = '"We will build the bridge before the winter comes, whatever the council says,"'
PAGES = {
    "one.txt": (
        "Mayor promises new bridge for Port Ellis\n\nPORT ELLIS, March 3, 2021 — Mayor Anna Kovac said on "
        f"Tuesday that the city would build a new bridge over the river. {REMARK} Kovac told reporters.\n\n"
        "The council leader, Tomas Brenner, said the plan would cost 40 million euros.\n"
    ),
    "two.txt": (
        "Kovac pledges a bridge before winter\n\nPORT ELLIS, March 4, 2021 — "
        f"{REMARK} Mayor Anna Kovac said on Tuesday. Council leader Tomas Brenner disagreed.\n"
    ),
    "three.txt": (
        "Bridge row deepens in Port Ellis\n\nPORT ELLIS, March 9, 2021 — The mayor repeated her promise on "
        f"Monday. {REMARK} Anna Kovac said again, as about 300 residents gathered at the river.\n"
    ),
}


def _ids(db: Path) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    with Store(str(db)) as store:
        links = store.links()
    return {e.name: e.id for e in links.entities}, {c.id: c.members for c in links.clusters}


@pytest.mark.slow
def test_adding_articles_keeps_ids_and_updates_the_index(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("one.txt", "two.txt"):
        (pages / name).write_text(PAGES[name], encoding="utf-8")
    db = tmp_path / "c.db"
    with Store(str(db)) as store:
        analyze_corpus([str(pages)], store)
    entities, clusters = _ids(db)
    assert "Anna Kovac" in entities and len(clusters) == 1
    (pages / "three.txt").write_text(PAGES["three.txt"], encoding="utf-8")
    with Store(str(db)) as store:
        analyze_corpus([str(pages)], store)
    entities_after, clusters_after = _ids(db)
    assert {n: entities_after.get(n) for n in entities} == entities  # no entity changed id
    ((cluster, members),) = clusters.items()
    assert set(members) < set(clusters_after[cluster])  # the remark's cluster grew and kept its id
    with open_corpus(str(db)) as corpus:
        assert [h.title for h in search_corpus(corpus, "residents gathered").articles] == [
            "Bridge row deepens in Port Ellis"
        ]
        assert len(find_quotes(corpus, QuoteFilter(speaker="Kovac")).items) == 3
