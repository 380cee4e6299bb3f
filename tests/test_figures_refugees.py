"""The refugees chapter's charts, drawn from small hand-made frames."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from pakafg import charts
from pakafg import refugees as rf
from pakafg.figures import refugees as fr

AS_OF = "2026-04-08"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(fig) -> list[Text]:
    """Every visible, non-empty text of the drawn figure (titles, ticks, legend, annotations)."""
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def strings(fig) -> list[str]:
    return [t.get_text() for t in texts(fig)]


def assert_phone_legible(fig) -> None:
    assert fig.get_figwidth() == pytest.approx(charts.WIDTH)
    small = [(t.get_text(), t.get_fontsize()) for t in texts(fig) if t.get_fontsize() < charts.MIN_FONT]
    assert not small, f"text below {charts.MIN_FONT} pt: {small}"


def legend_labels(fig) -> list[str]:
    return [t.get_text().replace("\n", " ") for legend in fig.legends for t in legend.get_texts()]


def ts(text):
    return pd.Timestamp(text)


# fig-unhcr-series

def stock_frame():
    frame = pd.DataFrame({"refugees": [100, 200, 150], "asylum_seekers": [0, 10, 20],
                          "others_of_concern": [0, 0, 40], "other_in_need_of_protection": [0, 0, 30]},
                         index=pd.Index([2022, 2023, 2024], name="year"))
    frame["total"] = frame.sum(axis=1)
    return frame


def test_unhcr_series_stacks_one_area_per_category_with_a_key():
    fig = fr.unhcr_series(stock_frame(), as_of=AS_OF)
    ax = fig.axes[0]
    assert len([c for c in ax.collections if isinstance(c, PolyCollection)]) == len(rf.STOCK_CATEGORIES)
    labels = legend_labels(fig)
    assert labels == [f"{rf.CATEGORY_LABELS[c]}: {v}" for c, v in
                      zip(rf.STOCK_CATEGORIES, [150, 20, 40, 30], strict=True)]
    assert fig.legends[0].get_title().get_text() == "At the end of 2024"
    assert any("2022–2024" in s for s in strings(fig))
    assert_phone_legible(fig)


def test_unhcr_series_needs_every_category():
    with pytest.raises(ValueError, match="others_of_concern"):
        fr.unhcr_series(stock_frame().drop(columns="others_of_concern"), as_of=AS_OF)


# fig-by-status

def estimates_frame():
    rows = [  # id, as_of, status, value, low, high, side
        ["P1", "2023-07-01", "por_holders", 1_300_000, None, None, "un"],
        ["P2", "2024-07-10", "acc_holders", 800_000, None, None, "pakistan"],
        ["P3", "2023-10-03", "undocumented", 1_700_000, None, None, "pakistan"],
        ["P4", "2023-10-27", "undocumented", None, 2_000_000, None, "un"],
        ["P5", "2023-07-01", "undocumented", 300_000, None, None, "afghanistan"],
        ["P6", "2024-10-15", "total_afghans", 3_200_000, None, None, "un"],
        ["P7", "2024-10-15", "other", 880_000, None, None, "un"],
        ["P8", "2024-10-15", "undocumented", 900_000, None, None, "un"],  # provincial: left out
    ]
    frame = pd.DataFrame(rows, columns=["estimate_id", "as_of", "status", "value", "value_low", "value_high",
                                        "claimant_side"])
    frame["scope"] = ["national"] * 7 + ["province"]
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame.astype({"value": "Float64", "value_low": "Float64", "value_high": "Float64"})


def test_status_estimates_keeps_national_rows_of_the_four_groups_and_draws_bounds_at_the_bound():
    shown = fr.status_estimates(estimates_frame())
    assert list(shown["estimate_id"]) == ["P1", "P2", "P3", "P4", "P5", "P6"]
    row = shown.set_index("estimate_id").loc["P4"]
    assert (row["plotted"], row["figure_kind"]) == (2_000_000, "at_least")


def test_by_status_draws_every_estimate_in_four_panels():
    fig = fr.by_status(fr.status_estimates(estimates_frame()), as_of=AS_OF)
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == [rf.STATUS_LABELS[s] for s in fr.STATUSES]
    points = sum(len(c.get_offsets()) for ax in panels for c in ax.collections if isinstance(c, PathCollection))
    assert points == 6
    assert fig.texts[0].get_text().replace("\n", " ") == "Estimates of undocumented Afghans range from 300,000 to 2 million"
    labels = legend_labels(fig)
    assert labels[:3] == [fr.SIDE_LABELS[s] for s in ("pakistan", "afghanistan", "un")]
    assert labels[-1].startswith("Hollow")
    assert_phone_legible(fig)


def test_by_status_needs_an_undocumented_estimate_for_its_title():
    shown = fr.status_estimates(estimates_frame())
    with pytest.raises(ValueError, match="undocumented"):
        fr.by_status(shown[shown["status"] != "undocumented"], as_of=AS_OF)


# fig-ifrp

def timeline_frame():
    rows = [  # number, date, type, lane
        [1, "2023-09-26", "policy", "Phase 1: undocumented"],
        [2, "2023-10-03", "policy", "Phase 1: undocumented"],
        [3, "2023-11-01", "deadline", "Phase 1: undocumented"],
        [4, "2024-04-01", "deadline", "PoR cards and phase 3"],
        [5, "2025-03-31", "deadline", "Phase 2: ACC holders"],
        [6, "2025-09-25", "policy", "Refugee camps"],
    ]
    frame = pd.DataFrame(rows, columns=["number", "date_start", "event_type", "lane"])
    frame["date_start"] = pd.to_datetime(frame["date_start"])
    return frame


def test_label_groups_joins_markers_closer_than_the_gap():
    rows = pd.DataFrame({"number": [1, 2, 4, 7], "date_start": pd.to_datetime(
        ["2024-01-01", "2024-01-21", "2024-02-10", "2024-06-01"])})
    assert fr.label_groups(rows, max_gap_days=25) == [("1, 2, 4", ts("2024-01-21")), ("7", ts("2024-06-01"))]
    assert fr.label_groups(rows.head(2), max_gap_days=25) == [("1–2", ts("2024-01-11"))]


def test_ifrp_puts_each_event_on_its_lane_with_grouped_numbers():
    fig = fr.ifrp(timeline_frame(), as_of=AS_OF)
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert sum(len(c.get_offsets()) for c in points) == 6
    diamonds = sum(len(c.get_offsets()) for c in points if c.get_zorder() == 4)
    assert diamonds == 3
    numbers = [t.get_text() for t in ax.texts]
    assert numbers == ["6", "4", "5", "1–3"]  # lanes bottom to top: camps, PoR, phase 2, phase 1
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == list(reversed(rf.IFRP_LANES))
    assert_phone_legible(fig)


def test_ifrp_rejects_an_unknown_lane():
    frame = timeline_frame()
    frame.loc[0, "lane"] = "Phase 4"
    with pytest.raises(ValueError, match="unknown lanes"):
        fr.ifrp(frame, as_of=AS_OF)


# fig-returns

def returns_frames():
    cumulative = pd.DataFrame([  # group, producer, start, end, value
        ["un", "iom", "2023-09-15", "2023-11-18", 375_000],
        ["un", "unhcr", "2023-09-15", "2024-06-30", 647_000],
        ["un", "unhcr", "2023-09-15", "2025-11-30", 1_820_000],
        ["pakistan", "pak-government", "2023-10-03", "2023-11-03", 162_479],
        ["pakistan", "pak-government", "2023-11-01", "2025-04-10", 857_157],
        ["pakistan", "pak-government", "2023-11-01", "2025-11-01", 1_560_000],
        ["afghanistan", "afg-government", "2023-10-01", "2023-12-31", 800_000],
    ], columns=["group", "producer_id", "period_start", "period_end", "value"])
    rates = pd.DataFrame([  # group, start, end, value
        ["un", "2024-01-01", "2024-06-30", 156_000],
        ["un", "2024-07-01", "2024-07-31", 36_000],
        ["un", "2025-11-02", "2025-11-08", 55_768],
    ], columns=["group", "period_start", "period_end", "value"])
    for frame in (cumulative, rates):
        for column in ("period_start", "period_end"):
            frame[column] = pd.to_datetime(frame[column])
    rates["days"] = (rates["period_end"] - rates["period_start"]).dt.days + 1
    rates["per_day"] = rates["value"] / rates["days"]
    deadlines = timeline_frame()
    return cumulative, rates, deadlines


def draw_returns(cumulative, rates, deadlines):
    return fr.returns(cumulative, rates, deadlines, as_of=AS_OF, counting_from="2023-11-01",
                      crossings_closed="2025-10-12", torkham_reopened="2025-11-01")


def test_returns_draws_series_lines_single_reports_and_rates():
    fig = draw_returns(*returns_frames())
    top, low = fig.axes[:2]
    series = [line for line in top.get_lines() if line.get_linestyle() == "-"]
    assert len(series) == 3  # UN (one start), Pakistan before and from 1 November 2023
    single = [line for line in top.get_lines() if line.get_marker() == "D" and len(line.get_xdata())]
    assert len(single) == 1
    bars = [c for c in low.collections if isinstance(c, LineCollection)]
    assert sum(len(c.get_segments()) for c in bars) == 3
    assert sorted(c.get_linewidth()[0] for c in bars) == [2.2, 4.5]  # one long period, two short ones
    deadline_numbers = [t.get_text() for t in top.texts]
    assert deadline_numbers == ["3", "4", "5"]  # the deadlines in the frame, numbered as given
    labels = legend_labels(fig)
    assert fr.SIDE_LABELS["un"] in labels and f"{fr.SIDE_LABELS['afghanistan']}, single reports" in labels
    assert "Crossings closed; Torkham reopened" in labels
    assert_phone_legible(fig)


def test_returns_without_rates_is_an_error():
    cumulative, rates, deadlines = returns_frames()
    with pytest.raises(ValueError, match="no rows"):
        draw_returns(cumulative, rates.iloc[0:0], deadlines)


def test_worded_and_period_read_a_returns_row_as_reported():
    row = pd.Series({"value": 145_200, "qualifier": "exact", "period_start": ts("2025-08-01"),
                     "period_end": ts("2025-08-31")})
    assert (fr.worded(row), fr.period(row)) == ("145,200", "August 2025")
    assert fr.period(row.replace(ts("2025-08-31"), ts("2025-08-21"))) == "1–21 August 2025"


# fig-provinces

def claims_frame():
    rows = []
    shares = {("UNHCR", "2024-03-31", "intended"): {"kabul": 15, "nangarhar": 49, "laghman": 13},
              ("IOM", "2024-06-15", "destination"): {"kabul": 18, "nangarhar": 28, "kandahar": 15}}
    for (who, day, kind), provinces in shares.items():
        for province, value in provinces.items():
            rows.append([f"RC{len(rows)}", "returns_to_province", f"{kind}_province_{province}", value, day, who])
    rows.append(["RC99", "share_children", "returns_from_pakistan", 60, "2024-06-15", "IOM"])
    frame = pd.DataFrame(rows, columns=["claim_id", "metric", "subject", "value", "as_of", "claimant_short"])
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame


def test_province_shares_reads_province_and_source_from_the_subject():
    shares = fr.province_shares(claims_frame())
    assert len(shares) == 6
    assert set(shares["panel"]) == {"UNHCR, March 2024 (intended province)", "IOM, June 2024 (destination province)"}
    assert fr.leading_provinces(shares) == ["Nangarhar", "Kabul"]


def test_provinces_draws_one_labelled_bar_per_share_in_date_order():
    fig = fr.provinces(fr.province_shares(claims_frame()), as_of=AS_OF)
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == ["UNHCR, March 2024 (intended province)",
                                                          "IOM, June 2024 (destination province)"]
    bars = [p for ax in panels for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]
    assert len(bars) == 6
    assert sorted(t.get_text() for ax in panels for t in ax.texts) == sorted(
        ["15%", "49%", "13%", "18%", "28%", "15%"])
    assert "Nangarhar and Kabul lead every count of where returnees head" in fig.texts[0].get_text().replace("\n", " ")
    assert_phone_legible(fig)


def test_province_shares_rejects_a_subject_without_a_province():
    frame = claims_frame()
    frame.loc[0, "subject"] = "nangarhar"
    with pytest.raises(ValueError, match="subjects not of the form"):
        fr.province_shares(frame)
