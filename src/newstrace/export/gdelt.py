"""A GDELT-GKG-like table: one tab-separated row per article, in the GKG 2.1 column layout.

The 27 columns are those of the GDELT Global Knowledge Graph 2.1 codebook, in its order and
with its delimiters, so GKG readers can load the file (no header row, as in GDELT's files).
newstrace fills the columns it has findings for and leaves the others empty:

- ``V1COUNTS``/``V2.1COUNTS``: figures of killings, injuries, arrests, kidnappings, protests,
  displacement ("CountType#Number#ObjectType#LocationType#Location#Country#ADM1#Lat#Long#FeatureID"
  plus ``#Offset`` in 2.1);
- ``V1LOCATIONS``/``V2ENHANCEDLOCATIONS``, ``V1PERSONS``/``V2ENHANCEDPERSONS``,
  ``V1ORGANIZATIONS``/``V2ENHANCEDORGANIZATIONS``, ``V2.1ALLNAMES``: the article's entity mentions;
- ``V2.1ENHANCEDDATES``: "Resolution#Month#Day#Year#Offset" (1 year, 2 month, 3 day);
- ``V2.1QUOTATIONS``: "Offset|Length|Verb|Quote" blocks joined by ``#``;
- ``V2.1AMOUNTS``: "Amount,Object,Offset" for every figure.

Differences from GDELT, all documented in the README: offsets are into the clean article text;
country codes are ISO 3166 (GDELT uses FIPS 10-4); ADM1 codes are not known, only names;
tone, themes and GCAM are not computed (newstrace does not score sentiment).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newstrace.export.outputs import atomic_text
from newstrace.export.view import CorpusView, geo_by_name
from newstrace.model import Article, ArticleFindings, Entity, Fact, Geo

__all__ = ["GKG_COLUMNS", "GkgRow", "read_gkg", "write_gkg"]

GKG_COLUMNS = (
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
# GDELT count types for the events a figure counts (the participle at the end of its unit).
COUNT_TYPES = {
    "killed": "KILL",
    "executed": "KILL",
    "injured": "WOUND",
    "arrested": "ARREST",
    "imprisoned": "ARREST",
    "abducted": "KIDNAP",
    "protesting": "PROTEST",
    "marching": "PROTEST",
    "rallying": "PROTEST",
    "striking": "PROTEST",
    "displaced": "DISPLACED",
    "fled": "DISPLACED",
    "evacuated": "EVACUATION",
}
COLLECTION_WEB, COLLECTION_CITATION = 1, 2
LOCATION_COUNTRY, LOCATION_US_STATE, LOCATION_US_CITY, LOCATION_CITY, LOCATION_STATE = 1, 2, 3, 4, 5
UNSAFE = re.compile(r"[#|;\t\n\r]+")  # GKG's own delimiters cannot appear inside a field


@dataclass(frozen=True, slots=True)
class GkgRow:
    """One parsed GKG row, as far as newstrace fills it (for reading an export back)."""

    record_id: str
    date: str
    document: str
    counts: tuple[tuple[str, float, str, int], ...]  # type, number, object, offset
    persons: tuple[tuple[str, int], ...]
    organizations: tuple[tuple[str, int], ...]
    locations: tuple[tuple[str, str, float | None, float | None, int], ...]  # name, country, lat, lon, offset
    dates: tuple[tuple[int, int, int, int, int], ...]  # resolution, month, day, year, offset
    quotations: tuple[tuple[int, int, str, str], ...]  # offset, length, verb, quote
    amounts: tuple[tuple[float, str, int], ...]  # amount, object, offset


def write_gkg(view: CorpusView, path: Path) -> Path:
    """Write one GKG 2.1 row per article of ``view`` to ``path`` (tab-separated, no header)."""
    by_article = _mentions_by_article(view.links.entities)
    geo = geo_by_name(view.links.entities)
    with atomic_text(path) as fh:  # GKG has no quoting: _clean keeps delimiters out of fields
        writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
        for found in view.findings:
            writer.writerow(_row(found, by_article.get(found.article.id, []), geo))
    return path


def _row(
    found: ArticleFindings, mentions: Sequence[tuple[Entity, int, int]], geo: dict[str, Geo]
) -> list[str]:
    article = found.article
    cells = dict.fromkeys(GKG_COLUMNS, "")
    cells |= {
        "GKGRECORDID": article.id,
        "V2.1DATE": _gkg_date(article.published),
        "V2SOURCECOLLECTIONIDENTIFIER": str(COLLECTION_WEB if article.url else COLLECTION_CITATION),
        "V2SOURCECOMMONNAME": _clean(
            urlsplit(article.url).hostname or "" if article.url else Path(article.source).name
        ),
        "V2DOCUMENTIDENTIFIER": _clean(article.url or article.source),
    }
    counts = [
        (COUNT_TYPES[f.unit.split()[-1]], f)
        for f in found.facts
        if f.unit and f.unit.split()[-1] in COUNT_TYPES
    ]
    cells["V1COUNTS"] = ";".join(_count(t, f, geo, offset=False) for t, f in counts)
    cells["V2.1COUNTS"] = ";".join(_count(t, f, geo, offset=True) for t, f in counts)
    cells |= _entity_cells(article, mentions)
    cells["V2.1ENHANCEDDATES"] = ";".join(_date_block(d.value, d.start) for d in found.dates if d.value)
    cells["V2.1QUOTATIONS"] = "#".join(
        f"{q.start}|{q.end - q.start}|{_clean(q.cue or '')}|{_clean(q.text)}" for q in found.quotes
    )
    cells["V2.1AMOUNTS"] = ";".join(
        f"{_number(f.value)},{_clean(f.unit).replace(',', ' ')},{f.start}" for f in found.facts
    )
    return [cells[c] for c in GKG_COLUMNS]


def _entity_cells(article: Article, mentions: Sequence[tuple[Entity, int, int]]) -> dict[str, str]:
    def names(kind: str) -> list[tuple[str, int]]:
        return [(_clean(e.name), start) for e, start, _ in mentions if e.kind == kind]

    places = [(e, start) for e, start, _ in mentions if e.kind in ("GPE", "LOC") and e.geo is not None]
    return {
        "V1PERSONS": ";".join(dict.fromkeys(n for n, _ in names("PER"))),
        "V2ENHANCEDPERSONS": ";".join(f"{n},{o}" for n, o in names("PER")),
        "V1ORGANIZATIONS": ";".join(dict.fromkeys(n for n, _ in names("ORG"))),
        "V2ENHANCEDORGANIZATIONS": ";".join(f"{n},{o}" for n, o in names("ORG")),
        "V1LOCATIONS": ";".join(dict.fromkeys(_location(e, None) for e, _ in places)),
        "V2ENHANCEDLOCATIONS": ";".join(_location(e, o) for e, o in places),
        "V2.1ALLNAMES": ";".join(f"{_clean(e.name)},{s}" for e, s, _ in mentions),
    }


def _location(entity: Entity, offset: int | None) -> str:
    geo = entity.geo
    assert geo is not None  # callers pass geocoded places only
    kind = _location_type(entity.name, geo)
    fields = [
        str(kind),
        _clean(entity.name),
        geo.country,
        geo.country + (f"-{_clean(geo.admin1)}" if geo.admin1 else ""),
    ]
    if offset is not None:
        fields.append("")  # ADM2 code: not known
    fields += [_number(geo.lat), _number(geo.lon), str(geo.geonameid or "")]
    if offset is not None:
        fields.append(str(offset))
    return "#".join(fields)


def _location_type(name: str, geo: Geo) -> int:
    if geo.admin1 is None:
        return LOCATION_COUNTRY
    state = geo.admin1.lower() == name.lower()
    if geo.country == "US":
        return LOCATION_US_STATE if state else LOCATION_US_CITY
    return LOCATION_STATE if state else LOCATION_CITY


def _count(count_type: str, fact: Fact, geo: dict[str, Geo], offset: bool) -> str:
    obj = " ".join(fact.unit.split()[:-1]) or fact.unit
    place = geo.get((fact.place or "").lower())
    where = (
        [
            str(_location_type(fact.place or "", place)),
            _clean(fact.place or ""),
            place.country,
            place.country,
            _number(place.lat),
            _number(place.lon),
            str(place.geonameid or ""),
        ]
        if place
        else ["", "", "", "", "", "", ""]
    )
    fields = [count_type, _number(fact.value), _clean(obj), *where]
    return "#".join([*fields, str(fact.start)] if offset else fields)


def _date_block(value: str, offset: int) -> str:
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else 0
    return f"{len(parts)}#{month}#{day}#{year}#{offset}"


def _gkg_date(published: str | None) -> str:
    return published.replace("-", "") + "000000" if published and len(published) == len("YYYY-MM-DD") else ""


def _mentions_by_article(entities: Sequence[Entity]) -> dict[str, list[tuple[Entity, int, int]]]:
    out: dict[str, list[tuple[Entity, int, int]]] = {}
    for entity in entities:
        for ref in entity.mentions:
            out.setdefault(ref.article, []).append((entity, ref.start, ref.end))
    return {k: sorted(v, key=lambda m: m[1]) for k, v in out.items()}


def _clean(text: str) -> str:
    return UNSAFE.sub(" ", text).strip()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


# ---------------------------------------------------------------------- reading back
def read_gkg(path: Path) -> list[GkgRow]:
    """Parse a GKG file written by :func:`write_gkg` (the fields newstrace fills)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for cells in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None):
            col = dict(zip(GKG_COLUMNS, cells, strict=True))
            rows.append(
                GkgRow(
                    col["GKGRECORDID"],
                    col["V2.1DATE"],
                    col["V2DOCUMENTIDENTIFIER"],
                    tuple(
                        (b[0], float(b[1]), b[2], int(b[-1])) for b in _blocks(col["V2.1COUNTS"], ";", "#")
                    ),
                    tuple(_name_offsets(col["V2ENHANCEDPERSONS"])),
                    tuple(_name_offsets(col["V2ENHANCEDORGANIZATIONS"])),
                    tuple(
                        (b[1], b[2], _float(b[5]), _float(b[6]), int(b[8]))
                        for b in _blocks(col["V2ENHANCEDLOCATIONS"], ";", "#")
                    ),
                    # ignore: each block holds the five numbers _date_block writes; mypy sees tuple[int, ...]
                    tuple(tuple(int(x) for x in b) for b in _blocks(col["V2.1ENHANCEDDATES"], ";", "#")),  # type: ignore[misc]
                    tuple(
                        (int(b[0]), int(b[1]), b[2], b[3]) for b in _blocks(col["V2.1QUOTATIONS"], "#", "|")
                    ),
                    tuple((float(b[0]), b[1], int(b[2])) for b in _blocks(col["V2.1AMOUNTS"], ";", ",")),
                )
            )
    return rows


def _blocks(cell: str, outer: str, inner: str) -> Iterator[list[str]]:
    for block in cell.split(outer):
        if block:
            yield block.split(inner)


def _name_offsets(cell: str) -> Iterator[tuple[str, int]]:
    for block in _blocks(cell, ";", ","):
        yield ",".join(block[:-1]), int(block[-1])


def _float(text: str) -> float | None:
    return float(text) if text else None
