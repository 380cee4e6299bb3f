import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from pakafg import maps


def test_outlines_ship_with_an_installed_package():
    assert maps.outlines_path().is_file()


def test_country_outlines_contain_their_capitals():
    from shapely.geometry import Point

    shapes = maps.country_shapes()
    assert shapes["AFG"].contains(Point(69.18, 34.53)) and shapes["PAK"].contains(Point(73.06, 33.69))
    assert not shapes["AFG"].contains(Point(73.06, 33.69))


import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from pakafg import charts  # noqa: E402
from pakafg.figures.border_map import close_up_map, frontier_map, short_name  # noqa: E402


def test_the_vendored_provinces_are_current_and_correctly_named():
    names = {(country, name) for country, name, _ in maps.provinces()}
    assert len(names) == 41
    assert ("AFG", "Panjshir") in names and ("AFG", "Daykundi") in names
    assert not any("Tribal" in name for _, name in names)  # FATA merged into Khyber Pakhtunkhwa in 2018
    kp = next(g for c, n, g in maps.provinces() if n == "Khyber Pakhtunkhwa")
    from shapely.geometry import Point
    assert kp.contains(Point(70.07, 33.0))  # Miranshah, former FATA


def test_the_durand_line_runs_between_the_two_countries():
    line = maps.durand_line()
    west, south, east, north = line.bounds
    assert 60 < west < 62 and 36 < north < 38 and 29 < south < 30 and 71 < east < 75


def test_draw_region_keeps_only_what_is_inside_and_fixes_the_aspect():
    fig, ax = plt.subplots()
    maps.draw_region(ax, (68.0, 72.0, 32.0, 35.0))
    assert ax.get_xlim() == (68.0, 72.0)
    assert 1.15 < ax.get_aspect() < 1.25
    assert len(ax.patches) > 5 and len(ax.lines) >= 1
    vertices = sum(len(p.get_path().vertices) for p in ax.patches)
    assert vertices < 20000  # clipped and simplified, not whole countries
    plt.close(fig)


def test_sites_are_grouped_per_place_type_and_side():
    fig, ax = plt.subplots()
    sites = pd.DataFrame({"lon": [70.0, 70.0, 70.0, 71.0], "lat": [33.0, 33.0, 33.0, 34.0],
                          "event_type": ["air_strike", "air_strike", "clash", "militant_attack"],
                          "acting_side": ["Pakistan", "Pakistan", "Both forces", "TTP"]})
    maps.draw_sites(ax, sites, {"Pakistan": "#009E73", "Both forces": "#000000", "TTP": "#D55E00"})
    sizes = sorted(float(c.get_sizes()[0]) for c in ax.collections)
    assert len(ax.collections) == 3 and sizes == [maps.marker_size(1)] * 2 + [maps.marker_size(2)]
    with pytest.raises(KeyError):
        maps.draw_sites(ax, sites.assign(acting_side="Atlantis"), {})
    plt.close(fig)


def test_a_scale_bar_has_the_length_it_says():
    fig, ax = plt.subplots()
    maps.scale_bar(ax, 100, 70.0, 33.0)
    (x0, x1), _ = ax.lines[0].get_data()
    assert abs((x1 - x0) * 111.32 * 0.8387 - 100) < 0.5  # cos(33°)
    assert ax.texts[0].get_text() == "100 km"
    plt.close(fig)


def small_places():
    return pd.DataFrame({
        "place_id": ["torkham", "ghulam-khan", "khost", "kabul"],
        "name": ["Torkham crossing", "Ghulam Khan crossing", "Khost", "Kabul"],
        "kind": ["crossing", "crossing", "city", "city"],
        "lat": [34.1, None, 33.34, 34.53], "lon": [71.14, None, 69.92, 69.17],
        "position": ["stand_in", None, "exact", "exact"],
        "area": [None, "North Waziristan (PAK)", None, None]})


def test_the_border_map_names_every_crossing_and_keeps_text_legible():
    sites = pd.DataFrame({"place_id": ["khost", "torkham"], "name": ["Khost", "Torkham crossing"],
                          "lon": [69.92, 71.14], "lat": [33.34, 34.1],
                          "event_type": ["air_strike", "clash"], "acting_side": ["Pakistan", "Both forces"]})
    fig = frontier_map(sites, small_places(), as_of="2026-04-08")
    texts = [t.get_text().replace("\n", " ") for t in fig.findobj(matplotlib.text.Text)]
    assert any("not drawn" in t and "Ghulam Khan" in t for t in texts)  # no position, but named
    assert "Kabul" in texts  # cities on the whole-frontier map; crossings in the box go to the close-up
    assert len([ax for ax in fig.axes if ax.get_aspect() != "auto"]) == 1
    assert fig.get_figheight() < 9.3  # fits an A4 text block with its caption
    close = close_up_map(sites, small_places(), as_of="2026-04-08")
    assert {"Khost", "Torkham"} <= {t.get_text() for t in close.findobj(matplotlib.text.Text)}
    plt.close(close)
    assert fig.get_figwidth() == charts.WIDTH
    assert min(t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text()) >= charts.MIN_FONT
    plt.close(fig)


def test_the_border_map_refuses_sites_it_cannot_place():
    outside = pd.DataFrame({"place_id": ["x"], "name": ["Doha"], "lon": [51.5], "lat": [25.3],
                            "event_type": ["clash"], "acting_side": ["Both forces"]})
    with pytest.raises(ValueError, match="outside the map's frame"):
        frontier_map(outside, small_places(), as_of="2026-04-08")
    assert short_name("Chaman–Spin Boldak crossing (Chaman)") == "Chaman–Spin Boldak"
