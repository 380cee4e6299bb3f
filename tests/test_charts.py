import base64
import io

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from pakafg import charts


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_one_distinct_colour_per_side_from_okabe_ito():
    colours = list(charts.SIDE_COLOURS.values())
    assert len(set(colours)) == len(colours)
    assert set(colours) <= set(charts.OKABE_ITO.values())


def test_unknown_side_fails_loudly():
    assert charts.colour("pakistan") == charts.SIDE_COLOURS["pakistan"]
    with pytest.raises(KeyError, match="no colour for side"):
        charts.colour("Atlantis")


def test_side_colours_are_visible_on_white():
    # Lines and bars need at least 1.5:1 against the white page (yellow is kept out of the side set).
    for colour in charts.SIDE_COLOURS.values():
        assert (1.05) / (relative_luminance(colour) + 0.05) >= 1.5, colour


def test_every_side_has_a_colour_and_a_label():
    from pakafg.data import vocabulary

    assert set(vocabulary("actors", "side", "colours")) == set(vocabulary("actors", "side"))


def test_dollar_signs_in_labels_are_drawn_as_dollars():
    fig, ax = charts.new_chart("Peshawar ($2 to $3 bn hub)", "S", "X", "2026-04-30")
    ax.set_xlabel("from $2 to $3")
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    matplotlib.pyplot.close(fig)
    assert "Peshawar ($2 to $3 bn hub)" in buffer.getvalue() and "from $2 to $3" in buffer.getvalue()


def test_chart_carries_title_subtitle_and_dated_source():
    fig, ax = charts.new_chart("Returns peaked in 2025", "People, per month", "UNHCR", "2026-04-30")
    texts = [t.get_text() for t in fig.texts]
    assert texts[0] == "Returns peaked in 2025"
    assert texts[1] == "People, per month"
    assert texts[2].startswith("Source: UNHCR.") and "Data as of 30 April 2026." in texts[2]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    plot = ax.get_tightbbox(renderer)
    assert fig.texts[1].get_window_extent(renderer).y0 > plot.y1  # the subtitle sits above the plot and its labels
    assert fig.texts[2].get_window_extent(renderer).y1 < plot.y0  # the source line sits below the tick labels


def test_svg_output_is_deterministic():
    def render() -> str:
        fig, ax = charts.new_chart("T", "S", "X", "2026-04-30")
        ax.plot([1, 2, 3], [3, 1, 2], color=charts.colour("pakistan"))
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        matplotlib.pyplot.close(fig)
        return buffer.getvalue()

    assert render() == render()


def test_chart_data_cells_are_safe_in_a_spreadsheet():
    frame = pd.DataFrame({"title": ['=HYPERLINK("https://x","click")', "Torkham"], "value": [-3, 4]})
    assert charts.chart_csv(frame) == "title,value\n\"'=HYPERLINK(\"\"https://x\"\",\"\"click\"\")\",-3\nTorkham,4\n"
    with pytest.raises(ValueError):
        charts.chart_csv(frame.iloc[0:0])


def shown_outputs(monkeypatch, **kwargs):
    """Call charts.show on a small chart and return what it displayed, as (data, metadata) pairs."""
    outputs = []
    monkeypatch.setattr(charts, "display", lambda data, metadata=None, raw=False: outputs.append((data, metadata)))
    fig, ax = charts.new_chart("T", "S", "X", "2026-04-30")
    ax.plot([1, 2, 3], [3, 1, 2])
    charts.show(fig, **kwargs)
    return outputs


def test_show_emits_its_own_svg_and_pdf_with_caption_and_alt(monkeypatch):
    matplotlib.use("Agg")  # a backend that draws nothing by itself: the chart must still be there
    outputs = shown_outputs(monkeypatch, name="fig-test", caption="It falls.", alt="A line falling from 3 to 1, then 2.",
                            data=pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]}))
    (figure, meta), (table, table_meta) = outputs
    assert figure["image/svg+xml"].startswith("<?xml") and "<svg" in figure["image/svg+xml"]
    assert base64.b64decode(figure["application/pdf"]).startswith(b"%PDF-")
    assert meta == {"pakafg": {"figure": "fig-test", "caption": "It falls.", "alt": "A line falling from 3 to 1, then 2."}}
    assert table["text/csv"] == "x,y\n1,3\n2,1\n3,2\n" and table_meta == {"pakafg": {"download": "test.csv"}}


def test_show_output_is_deterministic(monkeypatch):
    first = shown_outputs(monkeypatch, name="fig-test", caption="c", alt="An alt text long enough.")
    second = shown_outputs(monkeypatch, name="fig-test", caption="c", alt="An alt text long enough.")
    assert first == second


@pytest.mark.parametrize("kwargs", [{"name": "test", "caption": "c", "alt": "An alt text long enough."},
                                    {"name": "fig-test", "caption": "", "alt": "An alt text long enough."},
                                    {"name": "fig-test", "caption": "c", "alt": "short"}])
def test_show_refuses_a_figure_without_name_caption_or_alt(monkeypatch, kwargs):
    with pytest.raises(ValueError):
        shown_outputs(monkeypatch, **kwargs)


def test_panels_can_share_an_axis_and_unknown_options_fail():
    fig, axes = charts.new_chart("T", "S", "X", "2026-04-08", nrows=2, sharex=True)
    assert axes[0].get_shared_x_axes().joined(axes[0], axes[1])
    matplotlib.pyplot.close(fig)
    with pytest.raises(TypeError):
        charts.new_chart("T", "S", "X", "2026-04-08", width=8)


def test_a_long_title_pushes_the_plot_down_instead_of_overlapping_it():
    short, ax_short = charts.new_chart("Short", "S", "X", "2026-04-08")
    long, ax_long = charts.new_chart("A much longer title that wraps onto a second and a third line of text here",
                                     "S", "X", "2026-04-08")
    assert ax_long.get_position().y1 < ax_short.get_position().y1
    assert short.get_size_inches()[0] == charts.WIDTH
    matplotlib.pyplot.close(short)
    matplotlib.pyplot.close(long)
