"""The gazetteer is built once and read back from the cache folder by later processes."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from newstrace.analyze.entities import gazetteer_cache
from newstrace.analyze.entities.gazetteer import Gazetteer, Place
from newstrace.analyze.entities.gazetteer_cache import CACHE_ENV, cache_folder, load_gazetteer
from newstrace.analyze.options import AnalyzeOptions
from newstrace.model import Geo

TOWN = Place("city", "Lakeview", Geo(1.5, 2.5, "ZZ", None, 7), 20_000)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """Counts the builds; a small invented gazetteer stands in for the real one."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    counted: list[int] = []

    def build(options: AnalyzeOptions | None = None) -> Gazetteer:
        counted.append(1)
        return Gazetteer(places={"lakeview": [TOWN]}, demonyms={"Lakeviewers": "ZZ"})

    monkeypatch.setattr(gazetteer_cache, "build_gazetteer", build)
    return counted


def test_built_once_then_read_back(builds: list[int]) -> None:
    first = load_gazetteer()
    second = load_gazetteer()
    assert first == second and second.lookup("Lakeview") == [TOWN]
    assert len(builds) == 1
    assert len(list(cache_folder().glob("gazetteer-*.pickle"))) == 1


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])  # the last: the int 1
def test_a_damaged_file_is_rebuilt(builds: list[int], content: bytes) -> None:
    load_gazetteer()
    (path,) = cache_folder().glob("gazetteer-*.pickle")
    path.write_bytes(content)
    assert load_gazetteer().lookup("lakeview") == [TOWN]
    assert len(builds) == 2
    assert load_gazetteer().lookup("lakeview") == [TOWN] and len(builds) == 2  # the rebuilt file is read


def test_an_unwritable_folder_only_costs_a_build(
    builds: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # a folder under a file cannot be made
    assert load_gazetteer().lookup("Lakeview") == [TOWN]
    assert load_gazetteer().lookup("Lakeview") == [TOWN]
    assert len(builds) == 2


def test_another_data_version_is_another_file(builds: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    load_gazetteer()
    monkeypatch.setattr(metadata, "version", lambda package: "999")
    load_gazetteer()
    assert len(builds) == 2
    assert len(list(cache_folder().glob("gazetteer-*.pickle"))) == 2
