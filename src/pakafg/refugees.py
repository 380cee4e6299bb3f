"""Helpers for the chapter on Afghans in Pakistan and the returns.

Each function selects or reshapes rows of the dataset without changing any figure:

* :func:`unhcr_stock`: UNHCR's end-year counts by category, one column per category.
* :func:`cumulative_returns`: cumulative counts of all returns since the IFRP began,
  grouped by the side of the counter (never joined across sides).
* :func:`per_day`: per-period counts as an average per day, so weeks and quarters compare.
* :func:`removals_by_year`: deportations and arrests over a calendar year or most of one.
* :func:`ifrp_timeline`: the plan's policy decisions and deadlines, numbered, on lanes.
* :func:`border_crisis_dates`: when the crossings closed in October 2025 and when Torkham
  reopened for returnees.
* :func:`latest_per_side`: which contested estimate a table shows for each side.
"""

from __future__ import annotations

import pandas as pd

from . import fmt
from .data import split_ids, vocabulary

# UNHCR's stock categories, in the order they are stacked; returned_refugees is a flow.
CATEGORY_LABELS = vocabulary("refugee_population", "category")
STOCK_CATEGORIES = [c for c in CATEGORY_LABELS if c != "returned_refugees"]
STATUS_LABELS = vocabulary("population_by_status", "status")
QUALIFIER_WORDS = vocabulary("returns", "qualifier")

# Counters whose running totals continue one another and are drawn as one line per side;
# every other count (one-off tallies, press figures) is drawn as a single point.
SERIES_PRODUCERS = {"un": ("unhcr", "iom", "unhcr-iom", "ocha"), "pakistan": ("pak-government",)}


def unhcr_stock(population: pd.DataFrame) -> pd.DataFrame:
    """UNHCR end-year counts: one row per year, one column per stock category, and their total.

    A category UNHCR did not report in a year (other_in_need_of_protection before 2025) is 0.
    """
    stock = population[population["category"].isin(STOCK_CATEGORIES)]
    wide = (stock.pivot(index="year", columns="category", values="value")
            .reindex(columns=STOCK_CATEGORIES).fillna(0).astype("int64"))
    wide["total"] = wide[STOCK_CATEGORIES].sum(axis=1)
    wide.index = wide.index.astype("int64")
    return wide


def cumulative_returns(
    returns: pd.DataFrame,
    start_from: str = "2023-09-15",
    start_to: str = "2023-11-01",
) -> pd.DataFrame:
    """National cumulative counts of all returns whose counting began with the IFRP.

    Keeps rows with ``measure == 'cumulative'``, ``population == 'all_returnees'`` and
    ``scope == 'national'`` (counts through named crossings only are left out) whose
    ``period_start`` lies between ``start_from`` and ``start_to`` (the producers start on
    15 Sept, 1 Oct, 3 Oct or 1 Nov 2023). Adds ``group`` (the producer's side) and sorts by
    group then period end.
    """
    rows = returns[
        (returns["measure"] == "cumulative")
        & (returns["population"] == "all_returnees")
        & (returns["scope"] == "national")
        & (returns["period_start"] >= pd.Timestamp(start_from))
        & (returns["period_start"] <= pd.Timestamp(start_to))
    ].copy()
    rows["group"] = rows["producer_side"]
    return rows.sort_values(["group", "period_end", "return_id"]).reset_index(drop=True)


def latest_by_group(cumulative: pd.DataFrame) -> pd.DataFrame:
    """The most recent row of each side's counters (ties: the higher return_id)."""
    ordered = cumulative.sort_values(["group", "period_end", "return_id"])
    return ordered.groupby("group", sort=True).tail(1).reset_index(drop=True)


CHECKABLE_TIERS = ("primary_official", "wire")


def headline_returns(data) -> pd.Series:
    """The report's one headline count of returns from Pakistan, used on every page that gives one.

    The latest UN cumulative count since the plan began (:func:`cumulative_returns`, group
    ``un``) that rests on the UN's own page or a wire report (a later figure found only in the
    press is shown in the refugees chapter as such). Returns that returns row. Raises
    ValueError if there is none.
    """
    tier_of = data["sources"].set_index("source_id")["tier"]
    counts = cumulative_returns(data["returns"])
    checkable = counts[(counts["group"] == "un") & counts["source_ids"].map(
        lambda cell: any(tier_of[i] in CHECKABLE_TIERS for i in split_ids(cell)))]
    if checkable.empty:
        raise ValueError("no UN count of returns rests on a primary or wire source")
    return checkable.sort_values(["period_end", "return_id"]).iloc[-1]


def per_day(returns: pd.DataFrame, population: str = "all_returnees") -> pd.DataFrame:
    """Per-period counts of ``population`` with ``days`` (inclusive) and ``per_day`` averages."""
    rows = returns[(returns["measure"] == "per_period") & (returns["population"] == population)].copy()
    rows["days"] = (rows["period_end"] - rows["period_start"]).dt.days + 1
    rows["per_day"] = rows["value"].astype("float64") / rows["days"]
    rows["group"] = rows["producer_side"]
    return rows.sort_values(["period_start", "return_id"]).reset_index(drop=True)


def removals_by_year(returns: pd.DataFrame, min_days: int = 180) -> pd.DataFrame:
    """Deportations and arrests counted over one calendar year, or at least ``min_days`` of one."""
    rows = returns[returns["population"].isin(["deportees", "arrested_detained"])].copy()
    same_year = rows["period_start"].dt.year == rows["period_end"].dt.year
    rows["days"] = (rows["period_end"] - rows["period_start"]).dt.days + 1
    rows = rows[same_year & (rows["days"] >= min_days)].copy()
    rows["year"] = rows["period_start"].dt.year
    return rows.sort_values(["population", "year", "period_end", "return_id"]).reset_index(drop=True)


IFRP_LANES = ["Phase 1: undocumented", "Phase 2: ACC holders", "PoR cards and phase 3", "Refugee camps"]


def ifrp_lane(title: str) -> str:
    """Which strand of the plan an event belongs to, read from its title."""
    text = str(title)
    lowered = text.lower()
    if "camp" in lowered:
        return "Refugee camps"
    if "PoR" in text or "phase 3" in lowered:
        return "PoR cards and phase 3"
    if "ACC" in text or "phase 2" in lowered or "phase-2" in lowered or "twin cities" in lowered:
        return "Phase 2: ACC holders"
    return "Phase 1: undocumented"


def ifrp_timeline(events: pd.DataFrame, types=("policy", "deadline")) -> pd.DataFrame:
    """Refugee-theme events of the given types, in date order, numbered from 1, with a lane."""
    rows = events[(events["theme"] == "refugees") & events["event_type"].isin(list(types))].copy()
    rows = rows.sort_values(["date_start", "event_id"]).reset_index(drop=True)
    rows.insert(0, "number", range(1, len(rows) + 1))
    rows["lane"] = rows["title"].map(ifrp_lane)
    return rows


def border_crisis_dates(closures: pd.DataFrame, events: pd.DataFrame, crossing: str = "torkham",
                        after: str = "2025-10-01") -> tuple[pd.Timestamp, pd.Timestamp | None]:
    """First day ``crossing`` closed on or after ``after``, and the first reopening event after it."""
    closed = closures[(closures["place_id"] == crossing) & (closures["start"] >= pd.Timestamp(after))]
    if closed.empty:
        raise ValueError(f"no closure of {crossing} on or after {after}")
    start = closed["start"].min()
    at_crossing = events["place_ids"].fillna("").map(lambda cell: crossing in split_ids(cell))
    reopened = events[(events["event_type"] == "crossing_reopening") & at_crossing & (events["date_start"] > start)]
    return start, (reopened["date_start"].min() if not reopened.empty else None)


def latest_per_side(estimates: pd.DataFrame, statuses) -> pd.DataFrame:
    """For each status and claimant side, the most recent estimate (ties: the higher id).

    Never merges: every row kept is one claimant's own figure, as worded.
    """
    rows = estimates[estimates["status"].isin(list(statuses))].copy()
    rows["status"] = pd.Categorical(rows["status"].astype(str), categories=list(statuses), ordered=True)
    rows = rows.sort_values(["status", "claimant_side", "as_of", "estimate_id"])
    latest = rows.groupby(["status", "claimant_side"], observed=True, sort=True).tail(1)
    latest = latest.sort_values(["status", "as_of", "estimate_id"]).reset_index(drop=True)
    latest["status"] = latest["status"].astype(str)
    return latest


def worded(value, qualifier: str = "exact", compact: bool = False) -> str:
    """A returns figure as its producer worded it: 'more than 1,820,000', 'about 1.6 million'."""
    if qualifier not in QUALIFIER_WORDS:
        raise ValueError(f"unknown qualifier '{qualifier}'")
    number = fmt.compact(value) if compact else fmt.integer(value)
    return number if qualifier == "exact" else f"{QUALIFIER_WORDS[qualifier]} {number}"


def spread_labels(dates, min_gap_days: int = 30) -> list[pd.Timestamp]:
    """Label positions for dated markers on one line: each at its date, pushed right of the previous
    label by at least ``min_gap_days`` so that numbers never overlap (dates in ascending order)."""
    placed: list[pd.Timestamp] = []
    gap = pd.Timedelta(days=min_gap_days)
    for day in pd.to_datetime(pd.Series(list(dates))):
        position = day if not placed else max(day, placed[-1] + gap)
        placed.append(position)
    return placed
