"""The border-conflict chapter's charts, drawn from small hand-made frames."""

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.text import Text

from pakafg import charts
from pakafg.data import vocabulary
from pakafg.figures import border

AS_OF = "2026-04-08"


def visible_texts(fig) -> list[Text]:
    """Every text the figure draws (tick labels outside the axis limits exist but are not drawn)."""
    fig.canvas.draw()
    undrawn = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    undrawn |= {id(tick.label1), id(tick.label2)}
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip() and id(t) not in undrawn]


def text_of(fig) -> str:
    return "\n".join(t.get_text() for t in visible_texts(fig))


def assert_legible(fig) -> None:
    """Phone width, no small text, nothing off the canvas, no two texts on top of each other."""
    assert fig.get_figwidth() == pytest.approx(charts.WIDTH)
    texts = visible_texts(fig)
    assert texts
    renderer = fig.canvas.get_renderer()
    boxes = []
    for text in texts:
        assert text.get_fontsize() >= charts.MIN_FONT, f"{text.get_text()!r} at {text.get_fontsize()} pt"
        box = text.get_window_extent(renderer)
        assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1 and box.y0 >= -1 and box.y1 <= fig.bbox.height + 1, (
            f"{text.get_text()!r} runs off the figure")
        boxes.append((text.get_text(), box.shrunk(0.96, 0.9)))  # line spacing is not an overlap
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), f"{a!r} overlaps {b!r}"


def points(ax) -> int:
    """Markers drawn on the axes (scatter collections), empty ones left out."""
    return sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))


def legend_labels(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# --- spread ---------------------------------------------------------------------------------------------------------

def test_spread_leaves_labels_that_fit_where_they_are():
    assert border.spread([1.0, 3.0], [0.5, 0.5], 0, 5) == [1.0, 3.0]


def test_spread_separates_labels_and_keeps_them_in_bounds():
    placed = border.spread([0.1, 0.1, 0.15, 4.9], [0.4, 0.4, 0.4, 0.4], 0, 5, gap=0.1)
    ordered = sorted(placed)
    assert all(b - a >= 0.5 - 1e-9 for a, b in itertools.pairwise(ordered))
    assert ordered[0] - 0.2 >= 0 and ordered[-1] + 0.2 <= 5


# --- fig-border-timeline --------------------------------------------------------------------------------------------

@pytest.fixture
def violence():
    return pd.DataFrame({
        "date_start": pd.to_datetime(["2022-03-01", "2023-05-01", "2025-10-12", "2026-01-05", "2024-06-01"]),
        "event_type": ["air_strike", "clash", "militant_attack", "militant_attack", "air_strike"],
        "acting_side": ["Pakistan", "Both forces", "TTP", "Other militant groups", "Pakistan"],
    })


def test_timeline_draws_one_marker_per_episode_in_labelled_lanes(violence):
    fig = border.border_timeline(violence, as_of=AS_OF)
    ax = fig.axes[0]
    assert points(ax) == len(violence)
    assert legend_labels(ax) == list(border.ATTACKERS.values())
    text = text_of(fig)
    for label in [*border.TIMELINE_ROWS.values(), "Barmal strikes", "'Open war'", "April 2026"]:
        assert label in text
    assert_legible(fig)


def test_timeline_rejects_an_unknown_event_type(violence):
    with pytest.raises(ValueError, match="unknown"):
        border.border_timeline(violence.assign(event_type="talks"), as_of=AS_OF)


# --- fig-war-of-claims ----------------------------------------------------------------------------------------------

@pytest.fixture
def latest():
    rows = [  # a crowded row (equal and near-equal figures), a zero, a lower bound, two episodes out of date order
        ("Later", "Civilians killed in Afghanistan", "A", "afghanistan", "110", 110, "2026-03-01"),
        ("Later", "Civilians killed in Afghanistan", "B", "un", "56", 56, "2026-03-01"),
        ("Later", "Civilians killed in Afghanistan", "C", "un", "at least 34", 34, "2026-03-01"),
        ("Later", "Civilians killed in Afghanistan", "D", "afghanistan", "52", 52, "2026-03-01"),
        ("Later", "Civilians killed in Afghanistan", "E", "un", "69", 69, "2026-03-01"),
        ("Later", "Civilians killed in Afghanistan", "F", "pakistan", "0", 0, "2026-03-01"),
        ("Later", "Pakistani security forces killed", "A", "afghanistan", "12", 12, "2026-03-01"),
        ("Later", "Pakistani security forces killed", "G", "pakistan", "12", 12, "2026-03-01"),
        ("Earlier", "Afghan forces and allied fighters killed", "G", "pakistan", "at least 200", 200, "2025-10-12"),
        ("Earlier", "Afghan forces and allied fighters killed", "H", "independent", "9", 9, "2025-10-12"),
    ]
    frame = pd.DataFrame(rows, columns=["episode", "what", "claimant", "side", "figure", "plotted", "as_of"])
    return frame.assign(as_of=pd.to_datetime(frame["as_of"]))


def test_war_of_claims_draws_every_claim_with_its_figure_and_no_overlaps(latest):
    fig = border.war_of_claims(latest, as_of=AS_OF)
    ax = fig.axes[0]
    assert points(ax) == len(latest)
    assert ax.get_xscale() == "log"
    figures = [t.get_text() for t in ax.texts]
    assert sorted(f for f in figures if f in set(latest["figure"])) == sorted(latest["figure"])
    headings = [t.get_text() for t in ax.texts if t.get_text() in {"Earlier", "Later"}]
    assert headings == ["Earlier", "Later"]  # episodes in date order
    sides = vocabulary("actors", "side")
    assert legend_labels(ax) == [sides[s] for s in ("pakistan", "afghanistan", "un", "independent")] + [
        "'at least' / 'more than'"]
    assert_legible(fig)


def test_war_of_claims_colours_each_claim_by_its_side(latest):
    ax = border.war_of_claims(latest, as_of=AS_OF).axes[0]
    colours = {tuple(np.round(c.get_facecolor()[0][:3], 3)) for c in ax.collections if len(c.get_offsets())}
    expected = {tuple(np.round(plt.matplotlib.colors.to_rgb(charts.colour(s)), 3)) for s in latest["side"]}
    assert colours == expected


def test_war_of_claims_refuses_two_figures_from_one_claimant_in_a_row(latest):
    with pytest.raises(ValueError, match="one figure per claimant"):
        border.war_of_claims(pd.concat([latest, latest.head(1)]), as_of=AS_OF)


# --- fig-militancy --------------------------------------------------------------------------------------------------

@pytest.fixture
def series():
    rows = []
    for producer, metric, values in [("pips", "attacks", {2017: 370, 2019: 229, 2020: 146, 2021: 207}),
                                     ("picss", "attacks", {2017: 420, 2020: 187, 2021: 294}),
                                     ("pips", "deaths", {2017: 815, 2021: 335}),
                                     ("picss", "fatalities_all", {2020: 429, 2021: 500}),
                                     ("crss", "fatalities_all", {2020: 600, 2021: 853}),
                                     ("pips", "injured", {2021: 999})]:
        rows += [{"producer_id": producer, "metric": metric, "year": y, "value": v} for y, v in values.items()]
    return pd.DataFrame(rows)


def test_militancy_draws_attacks_over_deaths_with_gaps_for_missing_years(series):
    fig = border.militancy(series, as_of=AS_OF)
    attacks, deaths = fig.axes[:2]
    assert (len(attacks.lines), len(deaths.lines)) == (2, 3)
    assert legend_labels(attacks) == ["PIPS: terrorist attacks", "PICSS: militant attacks"]
    assert legend_labels(deaths) == ["PIPS: killed in attacks", "PICSS: all violence-linked deaths",
                                     "CRSS: all violence-linked deaths"]
    pips = attacks.lines[0].get_ydata()
    assert len(pips) == 5 and np.isnan(pips[1])  # 2018 has no report: a gap, not a joined line
    assert "Attacks" in text_of(fig) and "People killed" in text_of(fig)
    assert 999 not in border.militancy_lines(series)["value"].tolist()
    assert_legible(fig)


def test_militancy_needs_one_of_its_series(series):
    with pytest.raises(ValueError, match="none of the chart's series"):
        border.militancy(series[series["metric"] == "injured"], as_of=AS_OF)


# --- fig-militancy-monthly ------------------------------------------------------------------------------------------

@pytest.fixture
def monthly():
    months = pd.date_range("2025-01-01", "2025-12-01", freq="MS")
    values = pd.array([40, 55, None, 60, 70, 80, 90, 143, 70, 89, 97, 68], dtype="Float64")
    return pd.DataFrame({"month": months, "value": values})


@pytest.fixture
def rounds():
    return pd.DataFrame({"date_start": pd.to_datetime(["2025-03-01", "2025-10-19", "2025-11-06"]),
                         "track": ["un_doha_process", "bilateral_peace_track", "bilateral_peace_track"]})


def test_monthly_draws_a_bar_per_reported_month_and_marks_talks(monthly, rounds):
    fig = border.militancy_monthly(monthly, rounds, as_of=AS_OF)
    ax = fig.axes[0]
    assert len(ax.patches) == monthly["value"].notna().sum()
    assert points(ax) == monthly["value"].isna().sum() + len(rounds)
    assert legend_labels(ax) == ["Militant attacks (PICSS)", "No report found for the month", "Talks: UN Doha process",
                                 "Talks: Bilateral peace track"]
    assert_legible(fig)


def test_monthly_needs_month_and_value(monthly, rounds):
    with pytest.raises(ValueError, match="value"):
        border.militancy_monthly(monthly.drop(columns="value"), rounds, as_of=AS_OF)


# --- fig-ucdp -------------------------------------------------------------------------------------------------------

@pytest.fixture
def ged():
    return pd.DataFrame({"year": [2008, 2008, 2009, 2010], "deaths_best": [100, 50, 400, 300],
                         "deaths_ttp_dyads": [80, 0, 300, 100]})


def test_ucdp_stacks_ttp_deaths_under_the_rest_per_year(ged):
    fig = border.ucdp(ged, as_of=AS_OF)
    ax = fig.axes[0]
    ttp, other = ax.containers
    assert [bar.get_height() for bar in ttp] == [80, 300, 100]
    assert [bar.get_height() for bar in other] == [70, 100, 200]
    assert legend_labels(ax) == ["Conflicts involving the TTP", "All other organised violence"]
    assert "2008–2010" in text_of(fig)
    assert_legible(fig)


def test_ucdp_rejects_more_ttp_deaths_than_deaths(ged):
    with pytest.raises(ValueError, match="exceed"):
        border.ucdp(ged.assign(deaths_ttp_dyads=ged["deaths_best"] + 1), as_of=AS_OF)


# --- fig-closures ---------------------------------------------------------------------------------------------------

@pytest.fixture
def spans():
    return pd.DataFrame({
        "name": ["Torkham crossing", "Chaman–Spin Boldak crossing (Chaman)", "Ghulam Khan crossing", "Torkham crossing"],
        "start": pd.to_datetime(["2023-02-19", "2023-11-01", "2024-09-19", "2025-10-12"]),
        "known_until": pd.to_datetime(["2023-02-25", "2024-07-22", "2024-09-19", "2026-02-27"]),
        "status": ["reopened", "reopened", "end not reported", "still closed"],
        "partial": [False, True, False, False],
    })


def test_closures_draw_a_bar_per_closure_a_lane_per_crossing(spans):
    fig = border.closures(spans, as_of=AS_OF)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_width() > 0]
    assert len(bars) == 3 + 1  # three closures with a length, plus the hatched unknown tail of the one still in force
    assert points(ax) == 1  # the closure whose end was never reported
    text = text_of(fig)
    for crossing in ["Torkham", "Chaman–Spin Boldak", "Ghulam Khan"]:
        assert crossing in text
    assert "crossing" not in [t.get_text() for t in ax.texts]
    assert legend_labels(ax) == ["Closed", "Closed to pedestrians only", "Still closed, no later report",
                                 "Reopening never reported"]
    assert_legible(fig)


def test_closures_reject_a_crossing_outside_the_order(spans):
    with pytest.raises(ValueError, match="not in the order"):
        border.closures(spans, as_of=AS_OF, order=["Torkham crossing"])
