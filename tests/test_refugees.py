import pandas as pd
import pytest

from pakafg import load_dataset
from pakafg import refugees as rf


def ts(text):
    return pd.Timestamp(text)


SIDES = {"unhcr": "un", "iom": "un", "unhcr-iom": "un", "ocha": "un", "pak-government": "pakistan"}


def returns_frame(rows):
    columns = ["return_id", "period_start", "period_end", "measure", "population", "value", "qualifier",
               "producer_id", "source_id", "note"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["producer_side"] = frame["producer_id"].map(SIDES)
    # Rows whose note says so count one crossing only; everything else is national.
    frame["scope"] = ["crossing" if "one crossing" in note else "national" for note in frame["note"]]
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def test_series_producers_are_real_actors():
    actors = set(load_dataset()["actors"]["actor_id"])
    for side, producers in rf.SERIES_PRODUCERS.items():
        assert set(producers) <= actors, side


def test_cumulative_returns_keeps_ifrp_counts_only_and_never_joins_groups():
    frame = returns_frame([
        ["A", "2023-09-15", "2024-01-15", "cumulative", "all_returnees", 500, "exact", "iom", "s", ""],
        ["B", "2023-11-01", "2025-04-03", "cumulative", "all_returnees", 800, "exact", "pak-government", "s", ""],
        ["C", "2025-01-01", "2025-07-26", "cumulative", "all_returnees", 300, "exact", "ocha", "s", ""],   # 2025 only
        ["D", "2023-09-15", "2024-01-15", "per_period", "all_returnees", 10, "exact", "iom", "s", ""],
        ["E", "2023-09-15", "2024-11-09", "cumulative", "deportees", 36, "more_than", "unhcr", "s", ""],
        ["F", "2023-11-01", "2025-04-12", "cumulative", "all_returnees", 502, "more_than", "pak-government", "s", "one crossing"],
        ["G", "2023-10-03", "2023-11-21", "cumulative", "all_returnees", 374, "about", "unhcr", "s", ""],
    ])
    kept = rf.cumulative_returns(frame)
    assert list(kept["return_id"]) == ["B", "G", "A"]
    assert list(kept["group"]) == ["pakistan", "un", "un"]
    latest = rf.latest_by_group(kept)
    assert dict(zip(latest["group"], latest["return_id"], strict=True)) == {"pakistan": "B", "un": "A"}


def test_per_day_counts_inclusive_days():
    frame = returns_frame([
        ["W", "2025-11-02", "2025-11-08", "per_period", "all_returnees", 700, "exact", "unhcr-iom", "s", ""],
        ["M", "2025-11-01", "2025-11-30", "per_period", "deportees", 300, "exact", "unhcr", "s", ""],
    ])
    rates = rf.per_day(frame)
    assert list(rates["return_id"]) == ["W"]
    assert rates.loc[0, "days"] == 7
    assert rates.loc[0, "per_day"] == pytest.approx(100.0)
    assert rf.per_day(frame, "deportees").loc[0, "per_day"] == pytest.approx(10.0)


def test_removals_by_year_keeps_year_long_counts():
    frame = returns_frame([
        ["Y", "2024-01-01", "2024-12-31", "per_period", "arrested_detained", 9006, "exact", "unhcr", "s", ""],
        ["W", "2025-11-02", "2025-11-08", "per_period", "arrested_detained", 13380, "exact", "unhcr", "s", ""],
        ["X", "2023-09-15", "2026-01-10", "cumulative", "arrested_detained", 130999, "exact", "unhcr-iom", "s", ""],
        ["D", "2025-04-01", "2025-12-13", "cumulative", "deportees", 135200, "exact", "unhcr", "s", ""],
        ["R", "2025-01-01", "2025-12-31", "per_period", "all_returnees", 1, "exact", "unhcr", "s", ""],
    ])
    kept = rf.removals_by_year(frame)
    assert list(kept["return_id"]) == ["Y", "D"]
    assert list(kept["year"]) == [2024, 2025]


@pytest.mark.parametrize("title,lane", [
    ("Apex committee adopts IFRP; undocumented foreigners told to leave by 31 Oct", "Phase 1: undocumented"),
    ("Caretaker cabinet extends PoR cards to 31 Dec 2023", "PoR cards and phase 3"),
    ("Interior ministry notifies PoR holders' repatriation under IFRP (phase 3)", "PoR cards and phase 3"),
    ("Extended phase-2 deadline; minister rules out further extension", "Phase 2: ACC holders"),
    ("Deadline for Afghans without visas to leave the twin cities", "Phase 2: ACC holders"),
    ("SAFRON notifies closure of 16 Afghan refugee camps", "Refugee camps"),
])
def test_ifrp_lane(title, lane):
    assert rf.ifrp_lane(title) == lane


def test_ifrp_timeline_numbers_policy_and_deadlines_in_date_order():
    events = pd.DataFrame({
        "event_id": ["R2", "R1", "R3", "X1"],
        "date_start": pd.to_datetime(["2023-11-01", "2023-10-03", "2023-10-27", "2023-10-04"]),
        "event_type": ["deadline", "policy", "statement", "policy"],
        "theme": ["refugees", "refugees", "refugees", "border"],
        "title": ["Phase 1 deadline", "IFRP adopted", "UN urges halt", "Border thing"],
    })
    timeline = rf.ifrp_timeline(events)
    assert list(timeline["event_id"]) == ["R1", "R2"]
    assert list(timeline["number"]) == [1, 2]


def test_border_crisis_dates():
    closures = pd.DataFrame({"place_id": ["torkham", "torkham", "chaman"],
                             "start": pd.to_datetime(["2025-02-21", "2025-10-12", "2025-10-12"])})
    events = pd.DataFrame({"event_type": ["crossing_reopening", "crossing_reopening", "crossing_reopening"],
                           "place_ids": ["torkham", "chaman", "chaman;torkham"],
                           "date_start": pd.to_datetime(["2025-03-19", "2025-10-13", "2025-11-01"])})
    assert rf.border_crisis_dates(closures, events) == (ts("2025-10-12"), ts("2025-11-01"))  # second place counts
    with pytest.raises(ValueError):
        rf.border_crisis_dates(closures, events, after="2026-01-01")


def test_latest_per_side_keeps_each_claimant_side_separately():
    estimates = pd.DataFrame({
        "estimate_id": ["P1", "P2", "P3", "P4"],
        "as_of": pd.to_datetime(["2023-10-03", "2025-03-07", "2023-12-07", "2024-07-10"]),
        "status": ["undocumented", "undocumented", "undocumented", "acc_holders"],
        "value": [1.73e6, 6e5, 1.3e6, 8e5],
        "claimant_side": ["pakistan", "pakistan", "un", "pakistan"],
    })
    latest = rf.latest_per_side(estimates, ["undocumented", "acc_holders"])
    assert list(latest["estimate_id"]) == ["P3", "P2", "P4"]


def test_the_real_data_gives_monotone_un_series_and_border_dates():
    data = load_dataset()
    cumulative = rf.cumulative_returns(data["returns"])
    assert "RT-037" not in set(cumulative["return_id"])  # Torkham only
    assert set(cumulative["group"]) >= {"un", "pakistan"}
    start, reopened = rf.border_crisis_dates(data["closures"], data["events"])
    assert start < reopened
    timeline = rf.ifrp_timeline(data["events"])
    assert set(timeline["lane"]) <= set(rf.IFRP_LANES)


def test_worded_keeps_the_qualifier():
    assert rf.worded(1820000, "more_than") == "more than 1,820,000"
    assert rf.worded(1560000, "about", compact=True) == "about 1.6 million"
    assert rf.worded(1723481) == "1,723,481"
    with pytest.raises(ValueError):
        rf.worded(1, "roughly")


def test_spread_labels_pushes_close_labels_apart():
    days = pd.to_datetime(["2025-02-25", "2025-02-28", "2025-03-07", "2025-07-31"])
    placed = rf.spread_labels(days, min_gap_days=30)
    assert placed[0] == ts("2025-02-25")
    assert placed[1] == ts("2025-03-27")
    assert placed[2] == ts("2025-04-26")
    assert placed[3] == ts("2025-07-31")
    assert rf.spread_labels([]) == []
