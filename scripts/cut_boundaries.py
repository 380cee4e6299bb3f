"""Cut the map extract in data/boundaries/ from the Natural Earth files in ../shared/reference.

Run once by hand when the extract is refreshed (the build only reads data/boundaries/):

    .venv/bin/python scripts/cut_boundaries.py /path/to/shared/reference/natural-earth

What it does, as data/boundaries/README.md states: keeps Afghanistan's 34 provinces and
Pakistan's units; renames the two Afghan provinces Natural Earth mislabels (from gn_name) and uses the book's
spelling for four others;
uses name_en for Pakistan; dissolves FATA into Khyber Pakhtunkhwa (merged in 2018); simplifies
outlines to about 300 m; writes the Afghanistan–Pakistan boundary line separately.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import mapping, shape
from shapely.ops import unary_union

OUT = Path(__file__).resolve().parents[1] / "data" / "boundaries"
TOLERANCE = 0.003  # degrees, about 300 m: invisible at the book's map scale, a fifth of the file size
# Natural Earth labels these two Afghan units with a neighbour's name; gn_name carries the right one.
AFGHAN_FIXES = {"AFG-1769": "Panjshir", "AFG-1753": "Daykundi"}
# The book's spelling, as in its prose and the sources it cites, where Natural Earth transliterates differently.
BOOK_SPELLING = {"Hilmand": "Helmand", "Hirat": "Herat", "Paktya": "Paktia", "Sari Pul": "Sar-e Pol"}


def rounded(geometry):
    """GeoJSON geometry with coordinates rounded to 4 decimals (about 10 m)."""
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(v, 4) for v in value]
            return [walk(v) for v in value]
        return value
    data = mapping(geometry)
    return {"type": data["type"], "coordinates": walk(data["coordinates"])}


def provinces(source: Path) -> list[dict]:
    features = []
    for feature in json.loads((source / "ne_10m_admin1_afghanistan.geojson").read_text())["features"]:
        p = feature["properties"]
        name = AFGHAN_FIXES.get(p["adm1_code"], BOOK_SPELLING.get(p["name"], p["name"]))
        features.append(("AFG", name, p["iso_3166_2"], shape(feature["geometry"])))
    pakistan = {f["properties"]["iso_3166_2"]: f for f in
                json.loads((source / "ne_10m_admin1_pakistan.geojson").read_text())["features"]}
    kp = unary_union([shape(pakistan["PK-KP"]["geometry"]), shape(pakistan.pop("PK-TA")["geometry"])])
    for code, feature in sorted(pakistan.items()):
        geometry = kp if code == "PK-KP" else shape(feature["geometry"])
        features.append(("PAK", feature["properties"]["name_en"], code, geometry))
    return [{"type": "Feature", "properties": {"country": country, "name": name, "iso_3166_2": code},
             "geometry": rounded(geometry.simplify(TOLERANCE, preserve_topology=True))}
            for country, name, code, geometry in sorted(features, key=lambda f: (f[0], f[1]))]


def boundary_line(source: Path) -> list[dict]:
    lines = [f for f in json.loads((source / "ne_10m_boundary_lines_afg_pak.geojson").read_text())["features"]
             if {f["properties"]["adm0_a3_l"], f["properties"]["adm0_a3_r"]} == {"AFG", "PAK"}]
    if len(lines) != 1:
        raise SystemExit(f"expected one Afghanistan–Pakistan boundary line, found {len(lines)}")
    line = shape(lines[0]["geometry"]).simplify(TOLERANCE)
    return [{"type": "Feature", "properties": {"name": "Durand Line", "left": "AFG", "right": "PAK"},
             "geometry": rounded(line)}]


def write(name: str, features: list[dict]) -> None:
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
    (OUT / name).write_text(text + "\n", encoding="utf-8")
    print(f"{name}: {len(features)} features, {len(text) // 1024} KB")


if __name__ == "__main__":
    source = Path(sys.argv[1])
    write("provinces.geojson", provinces(source))
    write("durand_line.geojson", boundary_line(source))
