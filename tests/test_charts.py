import io
import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from pakafg import charts


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_one_distinct_colour_per_actor_from_okabe_ito():
    colours = list(charts.ACTOR_COLOURS.values())
    assert len(set(colours)) == len(colours)
    assert set(colours) <= set(charts.OKABE_ITO.values())


def test_codes_map_to_group_colours():
    assert charts.colour_for("PAK") == charts.colour_for("Pakistan")
    assert charts.colour_for("UNAMA") == charts.colour_for("UN")
    with pytest.raises(KeyError, match="no house colour"):
        charts.colour_for("Atlantis")


def test_actor_colours_are_visible_on_white():
    # Lines and bars need at least 1.5:1 against the white page (yellow is kept out of the actor set).
    for colour in charts.ACTOR_COLOURS.values():
        assert (1.05) / (relative_luminance(colour) + 0.05) >= 1.5, colour


def test_chart_carries_title_subtitle_and_dated_source():
    fig, ax = charts.new_chart("Returns peaked in 2025", "People, per month", "UNHCR", "2026-04-30")
    texts = [t.get_text() for t in fig.texts]
    assert texts[0] == "Returns peaked in 2025"
    assert texts[1] == "People, per month"
    assert texts[2].startswith("Source: UNHCR.") and "Data as of 30 April 2026." in texts[2]
    title_bottom = 1 - 0.95 / fig.get_figheight()
    assert ax.get_position().y1 <= title_bottom + 1e-9


def test_svg_output_is_deterministic():
    def render() -> str:
        fig, ax = charts.new_chart("T", "S", "X", "2026-04-30")
        ax.plot([1, 2, 3], [3, 1, 2], color=charts.colour_for("PAK"))
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        matplotlib.pyplot.close(fig)
        return buffer.getvalue()

    assert render() == render()


def test_save_chart_data(tmp_path):
    frame = pd.DataFrame({"date": pd.to_datetime(["2025-10-12"]), "value": [23]})
    path = charts.save_chart_data(frame, "clash-claims", directory=tmp_path)
    assert path.read_text() == "date,value\n2025-10-12,23\n"
    with pytest.raises(ValueError):
        charts.save_chart_data(frame, "../escape", directory=tmp_path)
    with pytest.raises(ValueError):
        charts.save_chart_data(frame.iloc[0:0], "empty", directory=tmp_path)


def test_every_claimant_side_in_the_schema_has_a_house_colour():
    import json

    from pakafg.data import DATA_DIR

    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text())
    sides = {side for r in descriptor["resources"] for f in r["schema"]["fields"]
             if f["name"] == "claimant_side" for side in f["constraints"]["enum"]}
    assert sides
    for side in sides:
        assert charts.colour_for(side) in charts.ACTOR_COLOURS.values()
