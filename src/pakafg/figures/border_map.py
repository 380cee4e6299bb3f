"""The border maps: where the violence happened, on provinces and the Durand Line, and a close-up."""

from __future__ import annotations

import math
import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from .. import charts, conflict, fmt, maps

FRONTIER = (65.2, 73.8, 29.9, 36.1)  # lon_min, lon_max, lat_min, lat_max: every mapped site lies inside
CLOSE_UP = (68.95, 71.75, 32.1, 34.75)  # Waziristan, Kurram, Khost and Nangarhar, where the sites crowd
CITIES = ("kabul", "islamabad", "peshawar", "quetta", "kandahar", "jalalabad")
FRONTIER_PROVINCES = {"Helmand": (66.3, 30.2), "Zabul": (67.4, 32.2), "Paktika": (68.4, 32.7),
                      "Balochistan": (68.3, 30.2), "Khyber\nPakhtunkhwa": (72.2, 35.4), "Punjab": (72.4, 30.8)}
CLOSE_UP_PROVINCES = {"Khost": (69.75, 33.5), "Paktia": (69.3, 33.95), "Nangarhar": (70.55, 34.6),
                      "Paktika": (69.25, 32.55), "Khyber\nPakhtunkhwa": (71.3, 32.45)}
SIDE_LABELS = {"Pakistan": "By Pakistan", "Both forces": "Both forces", "TTP": "By the TTP",
               "Other militant groups": "By other groups"}
MAP_WIDTH = 4.96  # inches: the figure's width less its margins
GAP = 0.18  # inches between blocks
SOURCE = "this report's event coding; boundaries Natural Earth; places GeoNames. " + maps.DISCLAIMER


def short_name(name: str) -> str:
    """A crossing's or town's name as a map label: 'Torkham crossing' -> 'Torkham'."""
    return name.replace(" crossing", "").split(" (")[0].split(",")[0]


def _height(bbox) -> float:
    """Inches a map of ``bbox`` takes at :data:`MAP_WIDTH`, at the aspect of its mid-latitude."""
    wide = (bbox[1] - bbox[0]) * math.cos(math.radians((bbox[2] + bbox[3]) / 2))
    return MAP_WIDTH * (bbox[3] - bbox[2]) / wide


def _legend_handles(colours: dict[str, str]) -> list:
    def dot(label, **style):
        return Line2D([], [], linestyle="", label=label, **style)

    kinds = {"air_strike": "Air strike", "clash": "Clash of forces", "militant_attack": "Militant attack"}
    return ([dot(kinds[t], marker=m, color="#777777", markersize=8) for t, m in maps.MARKERS.items()]
            + [dot(SIDE_LABELS[side], marker="s", color=colour, markersize=8) for side, colour in colours.items()]
            + [dot(f"{n} episode{'s' if n > 1 else ''}", marker="o", color="#BBBBBB",
                   markersize=float(maps.marker_size(n)) ** 0.5) for n in maps.SIZE_KEY]
            + [dot("Crossing", marker="s", markerfacecolor="white", markeredgecolor="black", markersize=7),
               dot("Crossing (town nearby)", marker="s", markerfacecolor="white", markeredgecolor="#999999",
                   markersize=7),
               Line2D([], [], color=maps.DURAND["color"], linewidth=maps.DURAND["linewidth"],
                      linestyle=maps.DURAND["linestyle"], label="Durand Line")])


def _crossings(ax, placed: pd.DataFrame) -> list:
    exact, near = placed[placed["position"] == "exact"], placed[placed["position"] != "exact"]
    labels = maps.draw_points(ax, exact, marker="s", size=70, zorder=6, style={"facecolor": "none", "linewidth": 1.4})
    labels += maps.draw_points(ax, near, marker="s", size=70, zorder=6,
                               style={"facecolor": "none", "edgecolor": "#8A8A8A", "linewidth": 1.4})
    return labels


def _checked(sites: pd.DataFrame) -> None:
    if sites.empty:
        raise ValueError("the map needs at least one site")
    outside = sites[~(sites["lon"].between(*FRONTIER[:2]) & sites["lat"].between(*FRONTIER[2:]))]
    if len(outside):
        raise ValueError(f"{len(outside)} site(s) lie outside the map's frame, e.g. {outside.iloc[0].to_dict()}")


def _map_figure(title: str, subtitle: str, bbox, sites: pd.DataFrame, as_of, note: str = ""):
    """A figure with one map of ``bbox`` (sites drawn), the key below it and ``note`` under the key.

    Returns (figure, map axes).
    """
    colours = {side: c for side, c in conflict.ACTING_COLOURS.items() if side in set(sites["acting_side"])}
    handles = _legend_handles(colours)
    note_height = 0.19 * (note.count("\n") + 1) if note else 0.0
    key_height = 0.2 * -(-len(handles) // 3)
    fig, _ = charts.new_chart(title, subtitle, SOURCE, as_of,
                              height=1.25 + _height(bbox) + GAP + key_height + GAP + note_height + 1.15)
    fig.axes[0].remove()
    inches = fig.get_figheight()
    top = 1 - 1.25 / inches - _height(bbox) / inches
    ax = fig.add_axes((0.02, top, MAP_WIDTH / charts.WIDTH, _height(bbox) / inches))
    maps.draw_region(ax, bbox)
    maps.draw_sites(ax, sites, colours)
    top -= GAP / inches
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.02, top), ncol=3,
               fontsize=charts.MIN_FONT, frameon=False, handletextpad=0.3, columnspacing=0.8, labelspacing=0.45)
    if note:
        fig.text(0.02, top - (key_height + GAP) / inches, note, fontsize=charts.MIN_FONT, va="top", color="#333333")
    return fig, ax


def frontier_map(sites: pd.DataFrame, places: pd.DataFrame, *, as_of):
    """The map of violent-event sites along the whole frontier, with provinces, the Durand Line and crossings.

    ``sites``: one row per episode and place (``conflict.event_sites``) with ``place_id``, ``name``,
    ``lon``, ``lat``, ``event_type`` (air_strike, clash, militant_attack) and ``acting_side`` (a key
    of ``conflict.ACTING_COLOURS``). ``places``: the gazetteer (``place_id``, ``name``, ``kind``,
    ``lat``, ``lon``, ``position``, ``area``); crossings without coordinates are named under the
    map. A box marks the stretch :func:`close_up_map` shows. Returns the figure. Raises ValueError
    when ``sites`` is empty or a site lies outside :data:`FRONTIER`.
    """
    _checked(sites)
    crossings = places[places["kind"].eq("crossing")]
    missing = crossings[crossings["lat"].isna()]
    note = textwrap.fill("Crossings not drawn, for lack of a citable position: "
                         + ", ".join(short_name(n) for n in missing["name"]) + ".", 66)
    fig, ax = _map_figure("The violence clusters on the Pashtun frontier",
                          f"Sites of air strikes, clashes and major militant attacks, Aug 2021 – {fmt.month(as_of)}; "
                          "the box is the close-up of the next map", FRONTIER, sites, as_of, note)
    ax.add_patch(Rectangle((CLOSE_UP[0], CLOSE_UP[2]), CLOSE_UP[1] - CLOSE_UP[0], CLOSE_UP[3] - CLOSE_UP[2],
                           fill=False, edgecolor="#333333", linewidth=1.0, zorder=8))
    ax.text(67.0, 34.6, "AFGHANISTAN", fontsize=11, color="#8C7B5E", ha="center", fontweight="bold")
    ax.text(70.2, 30.3, "PAKISTAN", fontsize=11, color="#5E8C6F", ha="center", fontweight="bold")
    maps.label_provinces(ax, FRONTIER_PROVINCES)
    placed = crossings[crossings["lat"].notna()].assign(label=lambda f: f["name"].map(short_name))
    cities = places[places["place_id"].isin(CITIES)].assign(label=lambda f: f["name"])
    far = placed[~(placed["lon"].between(*CLOSE_UP[:2]) & placed["lat"].between(*CLOSE_UP[2:]))]
    labels = maps.draw_points(ax, cities, marker="o", size=14, style={"facecolor": "#555555"}) + _crossings(ax, far)
    maps.spread_labels(ax, labels, pd.concat([cities, far]))
    maps.scale_bar(ax, 100, 72.2, 30.1)
    return fig


def close_up_map(sites: pd.DataFrame, places: pd.DataFrame, *, as_of):
    """A close-up of the frontier from Waziristan to Nangarhar, where the sites crowd, each town named.

    Same frames as :func:`frontier_map`; only sites inside :data:`CLOSE_UP` are drawn. Returns the
    figure. Raises ValueError when ``sites`` is empty or a site lies outside :data:`FRONTIER`.
    """
    _checked(sites)
    inside = sites[sites["lon"].between(*CLOSE_UP[:2]) & sites["lat"].between(*CLOSE_UP[2:])]
    fig, ax = _map_figure("Most strikes and clashes fell on a short stretch of the line",
                          "Close-up of the frontier from Waziristan to Nangarhar: sites of air strikes, clashes and "
                          f"major militant attacks, Aug 2021 – {fmt.month(as_of)}", CLOSE_UP, inside, as_of)
    maps.label_provinces(ax, CLOSE_UP_PROVINCES)
    crossings = places[places["kind"].eq("crossing") & places["lat"].notna()]
    near = (crossings[crossings["lon"].between(*CLOSE_UP[:2]) & crossings["lat"].between(*CLOSE_UP[2:])]
            .assign(label=lambda f: f["name"].map(short_name)))
    towns = (inside[~inside["place_id"].isin(near["place_id"])].drop_duplicates("place_id")
             .assign(label=lambda f: f["name"].map(short_name)))
    labels = _crossings(ax, near) + [ax.text(r["lon"], r["lat"], r["label"], fontsize=charts.MIN_FONT, zorder=7)
                                     for _, r in towns.iterrows()]
    maps.spread_labels(ax, labels, pd.concat([near, towns]))
    maps.scale_bar(ax, 25, 70.05, 32.18)
    return fig
