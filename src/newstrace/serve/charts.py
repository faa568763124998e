"""The events timeline and world map, drawn as inline SVG on the server (no script, no tile server).

The map's country shapes come from the SVG world map that the pinned ``pygal_maps_world`` package
ships (one group of paths per ISO 3166 alpha-2 code), read once when the application starts;
countries are shaded by how many events their geocoded places hold. Every text put in the SVG is
escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

import pycountry
from markupsafe import Markup, escape

from newstrace.query.figures import EventSpread

__all__ = ["WorldShapes", "every_month", "load_world", "timeline_svg", "world_map_svg"]

TIMELINE_WIDTH, TIMELINE_HEIGHT = 900, 140
SHADES = ("#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#eb4a40")  # fewer -> more events
EMPTY = "#e6e6e6"
MAX_MONTHS = 600  # fifty years of months on the timeline; older events are left off its start
_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">(.*?)</g>', re.S)
_PATH = re.compile(r'<path d="([^"<>]*)"\s*/>')


@dataclass(frozen=True, slots=True)
class WorldShapes:
    """Country outlines: the view box and, per lower-case ISO alpha-2 code, the path data."""

    view_box: str
    countries: tuple[tuple[str, tuple[str, ...]], ...]


def load_world() -> WorldShapes:
    """Read the world map that pygal_maps_world ships."""
    text = (files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")
    box = re.search(r'viewBox="([\d .-]+)"', text)
    countries = tuple((code, tuple(_PATH.findall(body))) for code, body in _GROUP.findall(text))
    return WorldShapes(box.group(1) if box else "0 0 2475 1388", countries)


def _country_name(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code.upper())
    return str(found.name) if found is not None else code.upper()


def world_map_svg(world: WorldShapes, spread: EventSpread) -> Markup:
    """Countries shaded by their number of events, each with a title that names it and the count."""
    counts = {code.lower(): n for code, n in spread.countries}
    top = max(counts.values(), default=0)
    parts = [
        f'<svg class="map" viewBox="{escape(world.view_box)}" role="img" aria-label="events by country">'
    ]
    for code, paths in world.countries:
        n = counts.get(code, 0)
        fill = SHADES[min(len(SHADES) - 1, (n * len(SHADES) - 1) // top)] if n and top else EMPTY
        title = f"{_country_name(code)}: {n} event{'s' if n != 1 else ''}"
        parts.append(
            f'<g class="country" data-code="{code}" data-events="{n}" fill="{fill}">'
            f"<title>{escape(title)}</title>"
        )
        parts += [f'<path d="{escape(d)}"/>' for d in paths]
        parts.append("</g>")
    parts.append("</svg>")
    note = f"{spread.placed} of {spread.total} events have a geocoded place."
    return Markup("".join(parts) + f'<p class="meta">{escape(note)}</p>')


def every_month(counts: tuple[tuple[str, int], ...]) -> list[tuple[str, int]]:
    """Counts per month from the first month to the last, months without events as 0."""
    known = dict(counts)
    valid = sorted(m for m in known if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", m))
    if not valid:
        return []
    year, month = int(valid[0][:4]), int(valid[0][5:])
    out: list[tuple[str, int]] = []
    while len(out) < MAX_MONTHS:
        key = f"{year:04d}-{month:02d}"
        out.append((key, known.get(key, 0)))
        if key >= valid[-1]:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def timeline_svg(spread: EventSpread) -> Markup:
    """Events per month as bars, oldest left."""
    months = every_month(spread.months)
    if not months:
        return Markup('<p class="meta">No dated events.</p>')
    top = max(n for _, n in months)
    width = TIMELINE_WIDTH / len(months)
    bars = []
    for i, (month, n) in enumerate(months):
        h = (TIMELINE_HEIGHT - 20) * n / top
        x, y = i * width, TIMELINE_HEIGHT - 20 - h
        label = escape(f"{month}: {n} event{'s' if n != 1 else ''}")
        bars.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(width - 2, 1):.1f}" height="{h:.1f}">'
            f"<title>{label}</title></rect>"
        )
    first, last = escape(months[0][0]), escape(months[-1][0])
    axis = (
        f'<text x="0" y="{TIMELINE_HEIGHT - 4}" class="axis">{first}</text>'
        f'<text x="{TIMELINE_WIDTH}" y="{TIMELINE_HEIGHT - 4}" class="axis" text-anchor="end">{last}</text>'
    )
    return Markup(
        f'<svg class="timeline" viewBox="0 0 {TIMELINE_WIDTH} {TIMELINE_HEIGHT}" role="img" '
        'aria-label="events per month">' + "".join(bars) + axis + "</svg>"
    )
