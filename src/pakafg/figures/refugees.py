"""Charts for the chapter on Afghans in Pakistan and the returns (``chapters/refugees.ipynb``).

* :func:`unhcr_series` (fig-unhcr-series): UNHCR's end-year count by category, stacked.
* :func:`by_status` (fig-by-status): every national estimate by document status and claimant side.
* :func:`ifrp` (fig-ifrp): the plan's decisions and deadlines, one lane per group of Afghans.
* :func:`returns` (fig-returns): cumulative returns by counter, and each count as an average per day.
* :func:`provinces` (fig-provinces): shares of returnees by province of return, one panel per source.

Helpers that shape rows for them: :func:`status_estimates` (the national estimates the by-status
chart draws, with the value drawn), :func:`province_shares` (province and panel of each
returns_to_province claim), :func:`leading_provinces`, :func:`label_groups` (one label for markers
too close to number one by one) and :func:`pakafg.plots.key_below` (a key between the plot and the source
line). The chapter's words about the same rows: :func:`worded` and :func:`period` (a returns row
as reported) and :func:`who_returns_table` (the shares UNHCR and IOM give of who returns).
"""

from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MultipleLocator

from .. import charts, fmt, plots
from .. import refugees as rf
from ..data import vocabulary

UNHCR_CREDIT = "UNHCR Refugee Data Finder, CC BY 4.0"
STATUSES = ["por_holders", "acc_holders", "undocumented", "total_afghans"]
SIDE_LABELS = vocabulary("actors", "side")
SHORT_PERIOD_DAYS = 31  # a count over at most a month is drawn thick; longer ones thin and light
LABEL_WRAP = 27  # characters per line of a legend label in two columns


def worded(row, *, compact: bool = False) -> str:
    """A returns row's ``value`` as its producer worded it (``qualifier``): 'more than 1,820,000'."""
    return rf.worded(row["value"], row["qualifier"], compact=compact)


def period(row) -> str:
    """The period a returns row covers: 'August 2025' for one whole calendar month, else '1–21 April 2025'."""
    start, end = pd.Timestamp(row["period_start"]), pd.Timestamp(row["period_end"])
    if start.day == 1 and end == start + pd.offsets.MonthEnd(0):
        return fmt.month(start)
    return fmt.date_range(start, end)



def _wrap(label: str, width: int = LABEL_WRAP) -> str:
    return textwrap.fill(label, width)


def _millions(ax, step: float = 1e6) -> None:
    """Y ticks every ``step`` people, worded as in the prose ('1.5 million', '500,000')."""
    ax.yaxis.set_major_locator(MultipleLocator(step))
    ax.yaxis.set_major_formatter(lambda v, _: fmt.compact(v) if v else "0")


def _room_for_panel_titles(fig, **spacing) -> None:
    """Lower the plot area a little, so the first panel's title stands clear of the subtitle."""
    fig.subplots_adjust(top=fig.subplotpars.top - 0.12 / fig.get_figheight(), **spacing)


def unhcr_series(stock: pd.DataFrame, *, as_of) -> object:
    """Stacked areas of UNHCR's end-year count of Afghans in Pakistan, by category.

    ``stock`` is :func:`pakafg.refugees.unhcr_stock`: indexed by year, one column of people per
    category in :data:`pakafg.refugees.STOCK_CATEGORIES` (stacked in that order, refugees at the
    bottom). A key under the plot names the categories. Raises ValueError when a category
    column is missing or there are no years.
    """
    plots.require_columns(stock, rf.STOCK_CATEGORIES, "unhcr_series")
    first, last = int(stock.index.min()), int(stock.index.max())
    fig, ax = charts.new_chart(
        "Since 2024 UNHCR counts fewer refugees but adds other categories",
        f"Afghans in Pakistan counted by UNHCR at the end of each year, by category, {first}–{last}",
        UNHCR_CREDIT, as_of, height=5.6, left=0.17)
    blue, shades = charts.colour("un"), [1.0, 0.6, 0.35, 0.18]
    areas = ax.stackplot(stock.index, *[stock[c].astype(float) for c in rf.STOCK_CATEGORIES],
                         colors=[blue] * len(shades), linewidth=0)
    for area, shade in zip(areas, shades, strict=True):
        area.set_alpha(shade)
    ax.set_xlim(first, last)
    ax.set_ylim(0, stock[rf.STOCK_CATEGORIES].sum(axis=1).max() * 1.08)
    _millions(ax)
    labels = [f"{rf.CATEGORY_LABELS[c]}: {fmt.integer(stock.loc[last, c])}" for c in rf.STOCK_CATEGORIES]
    plots.key_below(fig, [Patch(facecolor=blue, alpha=shade, label=_wrap(label))
                       for label, shade in zip(labels, shades, strict=True)], title=f"At the end of {last}")
    return fig


def status_estimates(estimates: pd.DataFrame, statuses=tuple(STATUSES)) -> pd.DataFrame:
    """The national estimates of ``statuses`` that :func:`by_status` draws, with ``plotted`` and ``figure_kind``.

    ``plotted`` is the figure as worded (a range at its lower end), ``figure_kind`` is 'exact',
    'at_least', 'up_to' or 'range' (:func:`pakafg.fmt.plot_value`). Reads ``scope``, ``status``,
    ``value``, ``value_low`` and ``value_high``.
    """
    plots.require_columns(estimates, ["scope", "status", "value", "value_low", "value_high"], "status_estimates")
    shown = estimates[(estimates["scope"] == "national") & estimates["status"].isin(list(statuses))].copy()
    drawn = [fmt.plot_value(v, lo, hi) for v, lo, hi in
             zip(shown["value"], shown["value_low"], shown["value_high"], strict=True)]
    shown["plotted"] = [d[0] for d in drawn]
    shown["figure_kind"] = [d[1] for d in drawn]
    return shown


def by_status(shown: pd.DataFrame, *, as_of) -> object:
    """Four panels (PoR card holders, ACC holders, undocumented, all Afghans) of estimates over time.

    ``shown`` is :func:`status_estimates`: reads ``status``, ``as_of`` (the date an estimate
    refers to), ``plotted`` (people) and ``figure_kind``; each point is coloured by
    ``claimant_side``, filled when exact, hollow for a bound or range. The title gives the range
    of the undocumented estimates. Raises ValueError for missing columns or when there is no
    estimate of undocumented Afghans.
    """
    plots.require_columns(shown, ["status", "as_of", "plotted", "figure_kind", "claimant_side"], "by_status")
    undoc = shown.loc[shown["status"] == "undocumented", "plotted"]
    if undoc.empty:
        raise ValueError("by_status: no estimate of undocumented Afghans, which the title reports")
    fig, axes = charts.new_chart(
        f"Estimates of undocumented Afghans range from {fmt.compact(undoc.min())} to {fmt.compact(undoc.max())}",
        "Afghans in Pakistan by document status: every national estimate, by claimant side and the date "
        "it refers to",
        "Pakistan government, UNHCR, IOM, OCHA, EUAA, Taliban consulate in Karachi, press (population_by_status.csv)",
        as_of, height=7.2, nrows=2, ncols=2, sharex=True, sharey=True, left=0.17)
    _room_for_panel_titles(fig, hspace=0.3, wspace=0.12)
    pad = pd.Timedelta(days=75)
    for ax, status in zip(axes.flat, STATUSES, strict=True):
        for side, rows in shown[shown["status"] == status].groupby("claimant_side", sort=True):
            colour, exact = charts.colour(side), rows["figure_kind"] == "exact"
            ax.scatter(rows.loc[exact, "as_of"], rows.loc[exact, "plotted"], s=40, color=colour, zorder=3)
            ax.scatter(rows.loc[~exact, "as_of"], rows.loc[~exact, "plotted"], s=40, facecolors="white",
                       edgecolors=colour, linewidths=1.6, zorder=3)
        ax.set_title(rf.STATUS_LABELS[status], loc="left", fontsize=charts.MIN_FONT + 0.5, fontweight="bold")
    axes[0, 0].set_ylim(0, shown["plotted"].max() * 1.12)
    axes[0, 0].set_xlim(shown["as_of"].min() - pad, shown["as_of"].max() + pad)
    _millions(axes[0, 0])
    for ax in axes[1]:
        ax.xaxis.set_major_locator(mdates.YearLocator(2 if shown["as_of"].dt.year.nunique() > 4 else 1))
        ax.xaxis.set_minor_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    sides = [s for s in SIDE_LABELS if s in set(shown["claimant_side"])]
    handles = [Line2D([], [], marker="o", ls="", ms=7, color=charts.colour(s), label=_wrap(SIDE_LABELS[s]))
               for s in sides]
    handles.append(Line2D([], [], marker="o", ls="", ms=7, markerfacecolor="white", markeredgewidth=1.6,
                          color=charts.MUTED_COLOUR, label=_wrap("Hollow: 'more than' figure, at its lower bound")))
    plots.key_below(fig, handles)
    return fig


def label_groups(rows: pd.DataFrame, max_gap_days: int = 35) -> list[tuple[str, pd.Timestamp]]:
    """One label for each run of markers less than ``max_gap_days`` apart: ('8–12', centre date).

    ``rows`` holds ``number`` and ``date_start``, in date order. A run of consecutive numbers is
    written as a range, any other run as a list ('4, 6'); the label sits at the middle of the run.
    """
    groups: list[list[tuple[int, pd.Timestamp]]] = []
    for number, day in zip(rows["number"], pd.to_datetime(rows["date_start"]), strict=True):
        if groups and day - groups[-1][-1][1] <= pd.Timedelta(days=max_gap_days):
            groups[-1].append((int(number), day))
        else:
            groups.append([(int(number), day)])
    labels = []
    for group in groups:
        numbers = [n for n, _ in group]
        consecutive = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        text = (f"{numbers[0]}–{numbers[-1]}" if consecutive else ", ".join(map(str, numbers))) \
            if len(numbers) > 1 else str(numbers[0])
        labels.append((text, group[0][1] + (group[-1][1] - group[0][1]) / 2))
    return labels


def ifrp(timeline: pd.DataFrame, *, as_of) -> object:
    """The plan's decisions (circles) and deadlines (diamonds) on one lane per group of Afghans.

    ``timeline`` is :func:`pakafg.refugees.ifrp_timeline`: reads ``number``, ``date_start``,
    ``event_type`` ('deadline' or a decision) and ``lane`` (one of
    :data:`pakafg.refugees.IFRP_LANES`). Markers closer than about a month share one label
    ('8–12'); the numbers refer to the chapter's table. Raises ValueError for missing columns
    or an unknown lane.
    """
    plots.require_columns(timeline, ["number", "date_start", "event_type", "lane"], "ifrp")
    unknown = set(timeline["lane"]) - set(rf.IFRP_LANES)
    if unknown:
        raise ValueError(f"ifrp: unknown lanes {sorted(unknown)}; lanes are {rf.IFRP_LANES}")
    fig, ax = charts.new_chart(
        "Pakistan's plan moved from undocumented Afghans to card holders",
        "Decisions (circles) and deadlines (diamonds) of Pakistan's Illegal Foreigners Repatriation Plan, "
        "by the group of Afghans they concern; numbers refer to the table below",
        "Pakistan government statements as reported by Dawn, Business Recorder, ARY and others; UNHCR; IOM "
        "(events.csv)", as_of, height=5.4, left=0.24)
    lanes = list(reversed(rf.IFRP_LANES))
    pakistan = charts.colour("pakistan")
    for lane_y, lane in enumerate(lanes):
        ax.axhline(lane_y, color="#DDDDDD", lw=0.8, zorder=1)
        rows = timeline[timeline["lane"] == lane].sort_values(["date_start", "number"])
        for is_deadline, marker in ((False, "o"), (True, "D")):  # diamonds on top of the circles
            part = rows[(rows["event_type"] == "deadline") == is_deadline]
            ax.scatter(part["date_start"], [lane_y] * len(part), marker=marker, s=52, color=pakistan,
                       zorder=4 if is_deadline else 3, edgecolors="white", linewidths=0.6)
        for text, centre in label_groups(rows):
            ax.annotate(text, (centre, lane_y), xytext=(0, 7), textcoords="offset points", ha="center",
                        va="bottom", fontsize=charts.MIN_FONT, color=charts.TEXT_COLOUR)
    ax.set_yticks(range(len(lanes)), [lane.replace(": ", ":\n") if ": " in lane else _wrap(lane, 12)
                                      for lane in lanes])
    ax.set_ylim(-0.5, len(lanes) - 0.35)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    pad = pd.Timedelta(days=35)
    ax.set_xlim(timeline["date_start"].min() - pad, timeline["date_start"].max() + pad)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 7]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    return fig


def returns(cumulative: pd.DataFrame, rates: pd.DataFrame, timeline: pd.DataFrame, *, as_of,
            counting_from, crossings_closed, torkham_reopened=None) -> object:
    """Two panels: cumulative returns from Pakistan by counter, and the average per day of each count.

    * ``cumulative`` is :func:`pakafg.refugees.cumulative_returns`: reads ``group`` (the counter's
      side), ``producer_id``, ``period_start``, ``period_end`` and ``value`` (people). Counters in
      :data:`pakafg.refugees.SERIES_PRODUCERS` are joined into one line per side (squares for
      counts from ``counting_from``); every other count is a single diamond, never joined.
    * ``rates`` is :func:`pakafg.refugees.per_day`: ``period_start``, ``period_end``, ``days``,
      ``per_day`` (people a day) and ``group``; each count is a bar across its period, thick for
      a month or less, thin and light for longer periods.
    * ``timeline`` is :func:`pakafg.refugees.ifrp_timeline`: its deadlines (``event_type``,
      ``date_start``, ``number``) are dotted lines, numbered as in the chapter's table.
    * ``crossings_closed`` and ``torkham_reopened`` (dates; the latter may be None) are dashed lines.

    Raises ValueError when a frame lacks its columns or either panel has no rows.
    """
    plots.require_columns(cumulative, ["group", "producer_id", "period_start", "period_end", "value"], "returns (cumulative)")
    plots.require_columns(rates, ["group", "period_start", "period_end", "days", "per_day"], "returns (rates)")
    plots.require_columns(timeline, ["number", "date_start", "event_type"], "returns (timeline)")
    counting_from = pd.Timestamp(counting_from)
    fig, (top, low) = charts.new_chart(
        "Returns surged around the plan's deadlines and after Torkham reopened",
        f"Afghans returning from Pakistan since the IFRP began, by counter; squares: counts from "
        f"{fmt.date(counting_from)}",
        "UNHCR, IOM, OCHA, Pakistan government and officials, Taliban authorities, press reports (returns.csv); "
        "crossing dates: closures.csv, events.csv",
        as_of, height=8.8, nrows=2, ncols=1, sharex=True, left=0.2)
    _room_for_panel_titles(fig, hspace=0.3)
    groups = [g for g in SIDE_LABELS if g in set(cumulative["group"])]
    handles = []
    for group in groups:
        rows, colour = cumulative[cumulative["group"] == group], charts.colour(group)
        in_series = rows["producer_id"].isin(rf.SERIES_PRODUCERS.get(group, ()))
        for late, part in rows[in_series].groupby(rows["period_start"] >= counting_from):
            top.plot(part["period_end"], part["value"], color=colour, marker="s" if late else "o", ms=4.5, lw=1.6)
        top.plot(rows.loc[~in_series, "period_end"], rows.loc[~in_series, "value"], ls="", marker="D", ms=5,
                 color=colour)  # one-off tallies: points, never joined to a series
        if in_series.any():
            handles.append(Line2D([], [], color=colour, marker="o", ms=4.5, lw=1.6, label=_wrap(SIDE_LABELS[group])))
        else:
            handles.append(Line2D([], [], color=colour, marker="D", ms=5, ls="",
                                  label=_wrap(f"{SIDE_LABELS[group]}, single reports")))
    short = rates["days"] <= SHORT_PERIOD_DAYS
    for is_short, part in ((False, rates[~short]), (True, rates[short])):
        low.hlines(part["per_day"], part["period_start"], part["period_end"], colors=part["group"].map(charts.colour),
                   lw=4.5 if is_short else 2.2, alpha=1.0 if is_short else 0.45, capstyle="projecting",
                   zorder=3 if is_short else 2)
    key = charts.colour(rates["group"].iloc[0]) if rates["group"].nunique() == 1 else charts.MUTED_COLOUR
    handles += [Line2D([], [], color=key, lw=4.5, label=_wrap("Per day, over a month or less")),
                Line2D([], [], color=key, lw=2.2, alpha=0.45, label=_wrap("Per day, over a longer period"))]
    top.set_ylim(0, cumulative["value"].max() * 1.15)
    low.set_ylim(0, rates["per_day"].max() * 1.12)
    _millions(top, 5e5)
    low.yaxis.set_major_formatter(lambda v, _: fmt.integer(v))
    top.set_title("Cumulative returns since the plan began", loc="left", fontsize=charts.MIN_FONT + 0.5,
                  fontweight="bold")
    low.set_title("Average per day over each reported period", loc="left", fontsize=charts.MIN_FONT + 0.5,
                  fontweight="bold")
    start = min(cumulative["period_end"].min(), rates["period_start"].min()) - pd.Timedelta(days=25)
    end = max(cumulative["period_end"].max(), rates["period_end"].max()) + pd.Timedelta(days=25)
    low.set_xlim(start, end)
    low.xaxis.set_major_locator(mdates.YearLocator())
    low.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    low.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=[4, 7, 10]))
    deadlines = timeline[(timeline["event_type"] == "deadline") & timeline["date_start"].between(start, end)]
    _mark_deadlines(top, low, deadlines, end - start)
    crisis = [pd.Timestamp(d) for d in (crossings_closed, torkham_reopened) if d is not None and not pd.isna(d)]
    for ax in (top, low):
        for day in crisis:
            ax.axvline(day, color=charts.colour("afghanistan"), lw=1.1, ls="--", zorder=1)
    handles += [Line2D([], [], color=charts.MUTED_COLOUR, lw=1, ls=":", label=_wrap("Plan deadline, numbered as in the table")),
                Line2D([], [], color=charts.colour("afghanistan"), lw=1.1, ls="--",
                       label=_wrap("Crossings closed; Torkham reopened" if len(crisis) > 1 else "Crossings closed"))]
    plots.key_below(fig, handles)
    return fig


def _mark_deadlines(top, low, deadlines: pd.DataFrame, span: pd.Timedelta) -> None:
    """Dotted lines at each deadline in both panels, numbered along the top of the upper panel.

    Numbers closer than a label's width are pushed right (:func:`pakafg.refugees.spread_labels`)
    and joined to their line by a short leader.
    """
    days_per_inch = span.days / (top.get_position().width * top.figure.get_figwidth())
    label_days = math.ceil(0.21 * days_per_inch)  # a two-digit label at MIN_FONT and a gap
    for ax in (top, low):
        for day in deadlines["date_start"]:
            ax.axvline(day, ymax=0.84 if ax is top else 1, color=charts.MUTED_COLOUR, lw=0.8, ls=":", zorder=1)
    ordered = deadlines.sort_values("date_start")
    placed = rf.spread_labels(ordered["date_start"], min_gap_days=label_days)
    for number, day, x in zip(ordered["number"], ordered["date_start"], placed, strict=True):
        top.annotate(str(number), (day, 0.84), xycoords=("data", "axes fraction"), xytext=(x, 0.9),
                     textcoords=("data", "axes fraction"), ha="center", va="bottom", fontsize=charts.MIN_FONT,
                     color=charts.MUTED_COLOUR,
                     arrowprops={"arrowstyle": "-", "color": charts.MUTED_COLOUR, "lw": 0.6, "shrinkA": 0, "shrinkB": 0})


def province_shares(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with ``metric == 'returns_to_province'``, with ``province``, ``kind`` and ``panel``.

    ``subject`` reads '<intended|destination>_province_<name>'; ``panel`` names the source and
    date ('UNHCR, March 2024 (intended province)'). Raises ValueError for another subject form.
    """
    plots.require_columns(claims, ["metric", "subject", "claimant_short", "as_of", "value"], "province_shares")
    rows = claims[claims["metric"] == "returns_to_province"].copy()
    parts = rows["subject"].str.split("_province_")
    kinds = {"intended": "intended province", "destination": "destination province"}
    bad = rows.loc[~parts.map(lambda p: len(p) == 2 and p[0] in kinds), "subject"]
    if len(bad):
        raise ValueError(f"province_shares: subjects not of the form '<intended|destination>_province_<name>': "
                         f"{list(bad)}")
    rows["province"] = parts.str[1].str.replace("_", " ").str.title()
    rows["kind"] = parts.str[0].map(kinds)
    rows["panel"] = [f"{c}, {fmt.month(d)} ({k})" for c, d, k in
                     zip(rows["claimant_short"], rows["as_of"], rows["kind"], strict=True)]
    return rows


def leading_provinces(shares: pd.DataFrame) -> list[str]:
    """The provinces among the two largest shares of every panel of :func:`province_shares`, largest first."""
    plots.require_columns(shares, ["panel", "province", "value"], "leading_provinces")
    tops = [set(rows.nlargest(2, "value")["province"]) for _, rows in shares.groupby("panel")]
    order = shares.groupby("province")["value"].max().sort_values(ascending=False).index
    return [p for p in order if all(p in top for top in tops)]


def provinces(shares: pd.DataFrame, *, as_of) -> object:
    """Bars of the share of returnees by province of return, one panel per source and date.

    ``shares`` is :func:`province_shares`: reads ``panel``, ``as_of``, ``province`` and ``value``
    (percent of the returns the source covers). Panels run in date order, provinces in the same
    order in each (largest share first); each bar is labelled. The title names the provinces in
    every source's top two. Raises ValueError for missing columns or no rows.
    """
    plots.require_columns(shares, ["panel", "as_of", "province", "value"], "provinces")
    panels = list(dict.fromkeys(shares.sort_values(["as_of", "panel"])["panel"]))
    order = shares.groupby("province")["value"].max().sort_values(ascending=False).index
    leaders = leading_provinces(shares)
    title = (f"{' and '.join(leaders)} lead every count of where returnees head" if leaders
             else "Returnees head for many provinces")
    fig, axes = charts.new_chart(
        title,
        "Share of returnees from Pakistan by province of return in Afghanistan, as each source gives it, percent",
        "UNHCR (assisted returns); IOM (returns since September 2023) (claims.csv)", as_of,
        height=2.0 + 1.55 * len(panels), nrows=len(panels), ncols=1, sharex=True, left=0.22)
    axes = [axes] if len(panels) == 1 else list(axes)
    for ax, panel in zip(axes, panels, strict=True):
        part = shares[shares["panel"] == panel].set_index("province").reindex(list(reversed(order)))
        ax.barh(part.index, part["value"], color=charts.colour("un"), height=0.72)
        for y, v in enumerate(part["value"]):
            if pd.notna(v):
                ax.annotate(f"{fmt.integer(v)}%", (v, y), xytext=(4, 0), textcoords="offset points", va="center",
                            fontsize=charts.MIN_FONT, color=charts.TEXT_COLOUR)
        ax.set_title(panel, loc="left", fontsize=charts.MIN_FONT + 0.5, fontweight="bold")
        ax.grid(False)
        ax.tick_params(axis="x", bottom=False, labelbottom=False)
        ax.tick_params(axis="y", length=0)
        ax.spines["bottom"].set_visible(False)
    axes[0].set_xlim(0, shares["value"].max() * 1.18)
    _room_for_panel_titles(fig, hspace=0.45)
    fig.subplots_adjust(bottom=fig.subplotpars.bottom - 0.35 / fig.get_figheight())  # no x tick labels
    return fig


WHO_RETURNS = {  # metric -> what is measured
    "share_women_children": "Women and children", "share_women_girls": "Women and girls",
    "share_children": "Children under 18", "share_female_headed_households": "Female-headed households",
    "share_disabilities": "People with disabilities", "share_undocumented_among_returnees": "Undocumented",
    "share_por_holders_among_returnees": "PoR holders", "share_citing_fear_of_arrest": "Left for fear of arrest",
}
WHO_RETURNS_AMONG = {  # subject -> whom the share is of
    "returns_from_pakistan": "returnees from Pakistan", "returnees_from_pakistan": "returnees from Pakistan",
    "unhcr_assisted_returnees_2024": "UNHCR-assisted returnees, 2024",
    "unhcr_assisted_returnees_from_pakistan": "UNHCR-assisted returnees since Sept 2023",
    "unhcr_assisted_returnee_households": "UNHCR-assisted households since Sept 2023",
    "unhcr_assisted_returnees_week": "UNHCR-assisted returnees in one week",
    "returns_from_pakistan_apr_dec_2025": "returnees from Pakistan since 1 April 2025",
}


def who_returns_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The shares UNHCR and IOM give of who returns, one row per claim, for the chapter's table.

    Keeps claims whose ``metric`` is in :data:`WHO_RETURNS` and ``subject`` in
    :data:`WHO_RETURNS_AMONG`, ordered by metric (as listed there), date and id; the share is
    worded as reported (:func:`pakafg.fmt.row_figure`, percent).
    """
    plots.require_columns(claims, ["claim_id", "metric", "subject", "value", "value_low", "value_high", "as_of",
                                   "claimant_short"], "who_returns_table")
    picked = claims[claims["metric"].isin(list(WHO_RETURNS)) & claims["subject"].isin(list(WHO_RETURNS_AMONG))]
    picked = picked.sort_values(["metric", "as_of", "claim_id"],
                                key=lambda s: s.map(list(WHO_RETURNS).index) if s.name == "metric" else s)
    return pd.DataFrame({
        "claim_id": picked["claim_id"],
        "Share of": picked["metric"].map(WHO_RETURNS),
        "Share": [fmt.row_figure(row, percent=True) for _, row in picked.iterrows()],
        "Among": picked["subject"].map(WHO_RETURNS_AMONG),
        "As of": picked["as_of"].map(fmt.month),
        "Counted by": picked["claimant_short"],
    })
