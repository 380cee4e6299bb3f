"""Charts of the border-conflict chapter (chapters/border-conflict.ipynb).

Each function takes the chapter's frames and returns a finished figure, :data:`charts.WIDTH`
inches wide with no text below :data:`charts.MIN_FONT`. Rows are labelled directly above their
marks and legends sit under the plot, so nothing covers the data on a phone. The maps are in
:mod:`pakafg.figures.border_map`.

Layout comes from :mod:`pakafg.plots`; :func:`spread` places labels along a line without overlaps.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from .. import charts, conflict, fmt, plots
from ..data import vocabulary

EVENTS_SOURCE = "Curated event dataset (press, UN and official reports)"
ROW_LABEL = {"fontsize": charts.MIN_FONT, "color": charts.TEXT_COLOUR, "ha": "left"}


# --- layout helpers -------------------------------------------------------------------------------------------------


def spread(centres: list[float], widths: list[float], low: float, high: float, gap: float = 0.1) -> list[float]:
    """Centres for labels on one line, each as near its wish as possible, none overlapping, all in [low, high].

    Labels are taken left to right; overlapping ones are merged into a block placed at the mean of
    their wishes (least squares), then kept inside the bounds. Units are the caller's (inches here).
    """
    order = sorted(range(len(centres)), key=lambda i: (centres[i], i))
    blocks: list[tuple[list[int], float, float]] = []

    def place(members):
        offsets, total = [], 0.0
        for i in members:
            offsets.append(total + widths[i] / 2)
            total += widths[i] + gap
        total -= gap
        left = sum(centres[i] - o for i, o in zip(members, offsets, strict=True)) / len(members)
        return max(min(left, high - total), low), total

    for i in order:
        members = [i]
        left, total = place(members)
        while blocks and blocks[-1][1] + blocks[-1][2] + gap > left:
            members = blocks.pop()[0] + members
            left, total = place(members)
        blocks.append((members, left, total))
    placed = [0.0] * len(centres)
    for members, left, _ in blocks:
        for i in members:
            placed[i] = left + widths[i] / 2
            left += widths[i] + gap
    return placed


def _text_width(fig, text: str, **style) -> float:
    """Width in inches of ``text`` drawn at ``style`` (measured, not guessed)."""
    artist = fig.text(0, 0, text, **style)
    width = artist.get_window_extent(fig.canvas.get_renderer()).width / fig.dpi
    artist.remove()
    return width


def _year_axis(ax) -> None:
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def _lanes_axis(ax) -> None:
    """An axis of labelled lanes: vertical year grid, no y axis."""
    ax.grid(axis="x", color="#EEEEEE")
    ax.grid(axis="y", visible=False)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    _year_axis(ax)


# --- fig-border-timeline --------------------------------------------------------------------------------------------

TIMELINE_ROWS = {  # top to bottom
    "air_strike": "Strikes in Afghanistan attributed to Pakistan",
    "clash": "Clashes between the two forces",
    "militant_attack": "Major militant attacks in Pakistan",
}
TIMELINE_MARKERS = {"air_strike": "^", "clash": "D", "militant_attack": "o"}
# date: (label, level); level 1 sits just above the rows, level 2 above that.
MILESTONES = {"2024-12-24": ("Barmal strikes", 2), "2025-10-11": ("Border\nwar", 1), "2026-02-27": ("'Open war'", 2)}
ATTACKERS = {"TTP": "Attack by the TTP or allies", "Other militant groups": "Attack by other groups (BLA, ISKP, ...)"}


def border_timeline(violence: pd.DataFrame, *, as_of, milestones=MILESTONES) -> plt.Figure:
    """One marker per violent episode, a lane per type, since August 2021 (``fig-border-timeline``).

    Reads ``date_start`` (datetime), ``event_type`` (air_strike, clash or militant_attack) and
    ``acting_side`` (a key of ``conflict.ACTING_COLOURS``, which colours the marker), as given by
    :func:`conflict.violence_events`. ``milestones`` maps a date to (label, level 1 or 2) for a
    vertical line. Raises ValueError when a column is missing, the frame is empty, or an event
    type or acting side is not one the chart knows.
    """
    plots.require_columns(violence, {"date_start", "event_type", "acting_side"}, "border_timeline")
    unknown = set(violence["event_type"]) - set(TIMELINE_ROWS) | set(violence["acting_side"]) - set(conflict.ACTING_COLOURS)
    if unknown:
        raise ValueError(f"border_timeline: unknown event types or sides {sorted(unknown)}")
    fig, ax = plots.sized_chart(
        "Cross-border strikes went from rare to routine after October 2025",
        f"Violent episodes by type and date, August 2021 – {fmt.month(as_of)}; each marker is one episode in the dataset",
        EVENTS_SOURCE, as_of, plot_height=2.8, below=plots.legend_rows(2), left=0.03,
    )
    rows = len(TIMELINE_ROWS)
    start = pd.Timestamp("2021-08-01")
    for y, (event_type, label) in zip(range(rows - 1, -1, -1), TIMELINE_ROWS.items(), strict=True):
        chosen = violence[violence["event_type"] == event_type]
        ax.scatter(chosen["date_start"], [y] * len(chosen), marker=TIMELINE_MARKERS[event_type], s=52, alpha=0.85,
                   color=[conflict.ACTING_COLOURS[s] for s in chosen["acting_side"]], edgecolor="white", linewidth=0.5,
                   zorder=3)
        ax.text(start + pd.Timedelta(days=8), y + 0.24, label, va="bottom", zorder=2,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1}, **ROW_LABEL)
    tops = {1: rows + 0.25, 2: rows + 0.6}
    for date, (label, level) in milestones.items():
        when = pd.Timestamp(date)
        ax.plot([when, when], [-0.45, tops[level]], color="#BBBBBB", linewidth=0.8, zorder=1)
        ax.text(when - pd.Timedelta(days=6), tops[level], label, ha="right", va="top", fontsize=charts.MIN_FONT,
                color="#444444", linespacing=1.0)
    _lanes_axis(ax)
    ax.set_ylim(-0.45, tops[2] + 0.02)
    ax.set_xlim(start, pd.Timestamp(as_of) + pd.Timedelta(days=20))
    handles = [Line2D([], [], marker="o", linestyle="", color=conflict.ACTING_COLOURS[s]) for s in ATTACKERS]
    plots.legend_under_axes(ax, handles, list(ATTACKERS.values()))
    return fig


# --- fig-war-of-claims ----------------------------------------------------------------------------------------------

CLAIM_ROWS = {  # the chart's short names for conflict.SUBJECT_GROUPS rows, in display order
    "Pakistani security forces killed": "Pakistani\nforces",
    "Afghan forces and allied fighters killed": "Afghan forces\nand allies",
    "Civilians killed in Afghanistan": "Afghan\ncivilians",
}
CLAIM_SIDES = ("pakistan", "afghanistan", "un", "independent", "mediator", "ttp", "other")
ZERO_AT = 0.5  # a claim of zero is drawn here, in a shaded column left of the log scale
X_RANGE = (0.35, 1500)
DOT = 0.1  # inches, a claim's marker
LANE = 0.2  # inches from a dot to the centre of its label


def _claim_x(value: float, width: float) -> float:
    """Inches from the plot's left edge of a claimed figure on the log axis."""
    low, high = (math.log10(v) for v in X_RANGE)
    return width * (math.log10(max(value, ZERO_AT)) - low) / (high - low)


def _claim_value(inches: float, width: float) -> float:
    low, high = (math.log10(v) for v in X_RANGE)
    return 10 ** (low + inches / width * (high - low))


def _claim_row_layout(xs: list[float], widths: list[float], plot_width: float):
    """Dot offsets and label places for one row: ``[(dot_dy, label_x, label_dy), ...]`` in inches.

    Labels go in one lane under the dots when they fit near their dots, else alternately under
    and over; dots that would sit on each other are stacked a little apart.
    """
    order = sorted(range(len(xs)), key=lambda i: (xs[i], i))
    dots = [0.0] * len(xs)
    cluster: list[int] = []
    for i in order + [None]:
        if i is not None and cluster and xs[i] - xs[cluster[-1]] < DOT * 0.8:
            cluster.append(i)
            continue
        for k, j in enumerate(cluster):
            dots[j] = (k - (len(cluster) - 1) / 2) * DOT * 0.85
        cluster = [i] if i is not None else []
    lanes = [[i for i in order]]
    placed = spread([xs[i] for i in order], [widths[i] for i in order], 0, plot_width)
    if max(abs(p - xs[i]) for p, i in zip(placed, order, strict=True)) > 0.12:
        lanes = [order[0::2], order[1::2]]
    layout = [None] * len(xs)
    for lane, sign in zip(lanes, (1, -1), strict=False):
        positions = spread([xs[i] for i in lane], [widths[i] for i in lane], 0, plot_width)
        for i, x in zip(lane, positions, strict=True):
            layout[i] = (dots[i], x, sign * LANE)
    return layout, len(lanes)


def war_of_claims(latest: pd.DataFrame, *, as_of) -> plt.Figure:
    """Every claimant's figure for people killed, one row per episode and group, on one log axis (``fig-war-of-claims``).

    Reads ``episode``, ``what`` (a ``conflict.SUBJECT_GROUPS`` label), ``side`` (coloured with
    :func:`charts.colour`), ``figure`` (the wording, e.g. "at least 200", printed by the dot),
    ``plotted`` (people killed, the number drawn; 0 sits in a shaded column) and ``as_of`` (orders
    the episodes), one row per claimant as from :func:`conflict.latest_per_claimant`; figures are
    never averaged. Raises ValueError when a column is missing, the frame is empty, or a claimant
    has two figures in one row; KeyError for a side without a house colour.
    """
    plots.require_columns(latest, {"episode", "what", "claimant", "side", "figure", "plotted", "as_of"}, "war_of_claims")
    if latest.duplicated(["episode", "what", "claimant"]).any():
        raise ValueError("war_of_claims: one figure per claimant and row; pass conflict.latest_per_claimant(...)")
    colours = {side: charts.colour(side) for side in latest["side"].unique()}
    episodes = list(latest.groupby("episode")["as_of"].min().sort_values().index)
    what_order = list(CLAIM_ROWS) + sorted(set(latest["what"]) - set(CLAIM_ROWS))
    left = 0.21
    plot_width = charts.WIDTH * (0.96 - left)
    probe = plt.figure()
    widths = {text: _text_width(probe, text, fontsize=charts.MIN_FONT) for text in latest["figure"].unique()}
    plt.close(probe)
    # Lay out top-down in inches: an episode heading, then a row per group of the killed.
    items, y = [], 0.05
    for episode in episodes:
        items.append(("heading", episode, y))
        y += 0.3
        of_episode = latest[latest["episode"] == episode]
        for what in [w for w in what_order if w in set(of_episode["what"])]:
            row = of_episode[of_episode["what"] == what].sort_values(["plotted", "claimant"]).reset_index(drop=True)
            xs = [_claim_x(v, plot_width) for v in row["plotted"]]
            layout, n_lanes = _claim_row_layout(xs, [widths[f] for f in row["figure"]], plot_width)
            y_dot = y + (LANE + 0.08 if n_lanes == 2 else 0.14)
            items.append(("row", (what, row, xs, layout), y_dot))
            y = y_dot + LANE + 0.12
        y += 0.06
    legend = [s for s in CLAIM_SIDES if s in colours]
    at_least = latest["figure"].str.startswith("at least").any()
    positive = latest[latest["plotted"] > 0].groupby(["episode", "what"])["plotted"]
    widest = (positive.max() / positive.min()).max()
    fig, ax = plots.sized_chart(
        f"For the same dead, the claims differ by up to {fmt.integer(widest)} times",
        "People killed, as claimed by each source (latest figure per claimant); log scale",
        "Curated claims dataset: ISPR and Pakistani ministers, Taliban authorities, UNAMA and UN agencies, press counts",
        as_of, plot_height=y, below=plots.legend_rows(len(legend) + at_least), left=left,
    )
    ax.set_xscale("log")
    ax.set_xlim(*X_RANGE)
    ax.set_ylim(y, 0)  # y in inches from the top of the plot
    ticks, labels = [], []
    heading = blended_transform_factory(fig.transFigure, ax.transData)
    for kind, content, at in items:
        if kind == "heading":
            ax.text(0.02, at, content, transform=heading, va="top", ha="left", fontsize=charts.MIN_FONT + 0.5,
                    fontweight="bold", color=charts.TEXT_COLOUR)
            continue
        what, row, xs, layout = content
        ticks.append(at)
        labels.append(CLAIM_ROWS.get(what, textwrap.fill(what.removesuffix(" killed"), 14)))
        for claim, x, (dot_dy, label_x, label_dy) in zip(row.itertuples(), xs, layout, strict=True):
            colour = colours[claim.side]
            dot_y = at + dot_dy
            marker = ">" if claim.figure.startswith("at least") else "o"
            ax.scatter(_claim_value(x, plot_width), dot_y, s=55, marker=marker, color=colour, edgecolor="white",
                       linewidth=0.6, zorder=3)
            text_y = at + label_dy
            if abs(label_x - x) > 0.06:
                edge = math.copysign(DOT / 2, label_dy)
                ax.plot([_claim_value(x, plot_width), _claim_value(label_x, plot_width)],
                        [dot_y + edge, text_y - math.copysign(0.075, label_dy)], color=colour, linewidth=0.7, zorder=2)
            ax.text(_claim_value(label_x, plot_width), text_y, claim.figure, ha="center", va="center",
                    fontsize=charts.MIN_FONT, color=charts.TEXT_COLOUR, zorder=4)
    ax.set_yticks(ticks, labels, fontsize=charts.MIN_FONT, linespacing=1.05)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([ZERO_AT, 1, 10, 100, 1000], ["0", "1", "10", "100", "1,000"])
    ax.axvspan(X_RANGE[0], 0.7, color="#F2F2F2", zorder=0)
    ax.grid(axis="x", color="#EEEEEE")
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    side_labels = vocabulary("actors", "side")
    handles = [Line2D([], [], marker="o", linestyle="", color=colours[s]) for s in legend]
    names = [side_labels[s] for s in legend]
    if at_least:
        handles.append(Line2D([], [], marker=">", linestyle="", color="#777777"))
        names.append("'at least' / 'more than'")
    plots.legend_under_axes(ax, handles, names)
    return fig


# --- fig-militancy --------------------------------------------------------------------------------------------------

MILITANCY_PANELS = {"attacks": "Attacks", "deaths_any": "People killed"}
MILITANCY_LINES = {
    ("pips", "attacks"): "PIPS: terrorist attacks",
    ("picss", "attacks"): "PICSS: militant attacks",
    ("pips", "deaths"): "PIPS: killed in attacks",
    ("picss", "fatalities_all"): "PICSS: all violence-linked deaths",
    ("crss", "fatalities_all"): "CRSS: all violence-linked deaths",
}
PRODUCER_COLOURS = {"pips": charts.OKABE_ITO["blue"], "picss": charts.OKABE_ITO["vermillion"],
                    "crss": charts.OKABE_ITO["purple"]}


def militancy_lines(series: pd.DataFrame, since: int = 2017) -> pd.DataFrame:
    """The rows :func:`militancy` draws, with a ``series`` label (the chart's data download)."""
    plots.require_columns(series, {"producer_id", "metric", "year", "value"}, "militancy")
    lines = [series[(series["producer_id"] == p) & (series["metric"] == m) & (series["year"] >= since)]
             .sort_values("year").assign(series=label) for (p, m), label in MILITANCY_LINES.items()]
    drawn = pd.concat(lines, ignore_index=True)
    if drawn.empty:
        raise ValueError("militancy: none of the chart's series is in the frame")
    return drawn


def militancy(series: pd.DataFrame, *, as_of, since: int = 2017) -> plt.Figure:
    """Annual militancy counts by producer, attacks above and people killed below (``fig-militancy``).

    Reads ``producer_id``, ``metric`` and ``year`` and ``value`` (a count of attacks or people) from
    :func:`conflict.annual_series`; draws the five series of ``MILITANCY_LINES`` from ``since``,
    a line per producer and metric, never joined across producers nor across a year without a
    figure (dashed: all violence-linked deaths). Raises ValueError when a column is missing or none of the series is present.
    """
    drawn = militancy_lines(series, since)
    panel, gap = 1.75, 0.72
    fig, axes = plots.sized_chart(
        "By every count drawn, militancy in Pakistan is far above its 2021 level",
        f"Annual figures by producer, Pakistan, {since}–{int(drawn['year'].max())}; each producer counts differently, "
        "so lines are never joined across producers",
        "PIPS Pakistan Security Reports, PICSS and CRSS annual reports, as published or reported",
        as_of, plot_height=2 * panel + gap, below=plots.legend_rows(3) - 0.1, nrows=2, sharex=True, left=0.15,
    )
    fig.subplots_adjust(hspace=gap / panel)
    for ax, (panel_id, title) in zip(axes, MILITANCY_PANELS.items(), strict=True):
        handles, labels = [], []
        for (producer, metric), label in MILITANCY_LINES.items():
            if (metric == "attacks") != (panel_id == "attacks"):
                continue
            line = drawn[drawn["series"] == label].set_index("year")["value"].astype(float)
            if line.empty:
                continue
            line = line.reindex(range(line.index.min(), line.index.max() + 1))  # a year without a report is a gap
            style = "--" if metric == "fatalities_all" else "-"
            handles += ax.plot(line.index, line.values, style, marker="o", markersize=4, color=PRODUCER_COLOURS[producer])
            labels.append(label)
        ax.set_title(title, loc="left", fontsize=charts.MIN_FONT + 1, fontweight="bold", color=charts.TEXT_COLOUR)
        ax.yaxis.set_major_formatter(lambda v, _: fmt.integer(v))
        ax.set_ylim(bottom=0)
        if handles:
            plots.legend_under_axes(ax, handles, labels, ncol=2 if panel_id == "attacks" else 1,
                         gap=0.06 if panel_id == "attacks" else plots.LEGEND_GAP)
    axes[-1].set_xticks(range(since, int(drawn["year"].max()) + 1, 2))
    return fig


# --- fig-militancy-monthly ------------------------------------------------------------------------------------------

def militancy_monthly(monthly: pd.DataFrame, rounds: pd.DataFrame, *, as_of) -> plt.Figure:
    """PICSS militant attacks per month, with the rounds of talks on top (``fig-militancy-monthly``).

    Reads ``month`` (first day) and ``value`` (attacks; missing = no report, drawn as a grey
    cross, not a zero) from :func:`conflict.monthly_series`, and ``date_start`` and ``track`` of
    the talks_rounds table. Raises ValueError when a column is missing or a frame is empty.
    """
    plots.require_columns(monthly, {"month", "value"}, "militancy_monthly")
    plots.require_columns(rounds, {"date_start", "track"}, "militancy_monthly")
    fig, ax = plots.sized_chart(
        "Attacks inside Pakistan stayed high through the talks",
        f"Militant attacks in Pakistan per month, PICSS count, {fmt.month(monthly['month'].min())} onward; "
        "triangles mark rounds of talks",
        "PICSS monthly security assessments, mostly as reported by the Pakistani press",
        as_of, plot_height=2.6, below=plots.legend_rows(4, 2), left=0.11,
    )
    plots.monthly_bars(ax, monthly, colour=charts.OKABE_ITO["vermillion"], label="Militant attacks (PICSS)")
    plots.mark_rounds(ax, rounds)
    handles, labels = ax.get_legend_handles_labels()
    first = labels.index("Militant attacks (PICSS)")  # the bars, then the gaps and the talks
    order = [first] + [i for i in range(len(labels)) if i != first]
    plots.legend_under_axes(ax, [handles[i] for i in order], [labels[i] for i in order], ncol=2)
    return fig


# --- fig-ucdp -------------------------------------------------------------------------------------------------------

def ucdp_by_year(ged: pd.DataFrame) -> pd.DataFrame:
    """UCDP deaths per year (``year``, ``deaths_best``, ``deaths_ttp_dyads``), summed over types of violence."""
    plots.require_columns(ged, {"year", "deaths_best", "deaths_ttp_dyads"}, "ucdp")
    return ged.groupby("year", as_index=False)[["deaths_best", "deaths_ttp_dyads"]].sum()


def ucdp(ged: pd.DataFrame, *, as_of) -> plt.Figure:
    """Deaths in organised violence in Pakistan per year, conflicts involving the TTP stacked under the rest (``fig-ucdp``).

    Reads ``year``, ``deaths_best`` (UCDP best estimate, people) and ``deaths_ttp_dyads`` (the part
    in conflicts involving the TTP) from the ucdp_pakistan_yearly table, one or more rows per year.
    Raises ValueError when a column is missing, the frame is empty, or the TTP part exceeds the total.
    """
    years = ucdp_by_year(ged)
    if (years["deaths_ttp_dyads"] > years["deaths_best"]).any():
        raise ValueError("ucdp: deaths in TTP conflicts exceed all deaths in some year")
    first, last = int(years["year"].min()), int(years["year"].max())
    fig, ax = plots.sized_chart(
        "Organised violence in Pakistan peaked in 2009–2014, mostly in the war with the TTP",
        f"Deaths in organised violence in Pakistan per year, UCDP best estimate, {first}–{last} "
        f"(UCDP's event data used here ends in {last})",
        "UCDP Georeferenced Event Dataset 22.1 (CC BY 4.0), aggregated by the report",
        as_of, plot_height=2.5, below=plots.legend_rows(2, 2), left=0.14,
    )
    ttp = ax.bar(years["year"], years["deaths_ttp_dyads"], color=charts.colour("ttp"), width=0.8)
    other = ax.bar(years["year"], years["deaths_best"] - years["deaths_ttp_dyads"], bottom=years["deaths_ttp_dyads"],
                   color="#BBBBBB", width=0.8)
    ax.yaxis.set_major_formatter(lambda v, _: fmt.integer(v))
    ax.set_xticks([y for y in range(first, last + 1) if y % 5 == 0])
    ax.set_xlim(first - 0.8, last + 0.8)
    plots.legend_under_axes(ax, [ttp, other], ["Conflicts involving the TTP", "All other organised violence"], ncol=2)
    return fig


# --- fig-closures ---------------------------------------------------------------------------------------------------

CLOSED_COLOUR = charts.colour("pakistan")
PARTIAL_COLOUR = "#BFE0D3"
UNKNOWN_COLOUR = "#777777"


def crossing_label(name: str) -> str:
    """'Chaman–Spin Boldak crossing (Chaman)' -> 'Chaman–Spin Boldak'."""
    return name.replace(" crossing", "").split(" (")[0]


def closures(spans: pd.DataFrame, *, as_of, order: list[str] | None = None) -> plt.Figure:
    """A bar per closure of a crossing, a lane per crossing, since 2021 (``fig-closures``).

    Reads ``name`` (the crossing; lanes follow ``order``, else first appearance), ``start`` and
    ``known_until`` (dates), ``status`` (reopened, still closed, end not reported) and ``partial``
    (closed to pedestrians only) from :func:`conflict.closure_spans`. A closure still in force is
    hatched from its last report to ``as_of``; one whose end was never reported is a diamond.
    Raises ValueError when a column is missing, the frame is empty, or a crossing is not in ``order``.
    """
    plots.require_columns(spans, {"name", "start", "known_until", "status", "partial"}, "closures")
    order = order or list(dict.fromkeys(spans.sort_values("start")["name"]))
    stray = set(spans["name"]) - set(order)
    if stray:
        raise ValueError(f"closures: crossings not in the order given: {sorted(stray)}")
    fig, ax = plots.sized_chart(
        "Closures lasted days or weeks until October 2025; then the crossings stayed shut",
        f"Closures of Pakistan–Afghanistan crossings, {spans['start'].min().year} – {fmt.month(as_of)}",
        "Curated closures dataset (press and official statements)",
        as_of, plot_height=0.62 * len(order) + 0.1, below=plots.legend_rows(4, 2), left=0.03,
    )
    as_of = pd.Timestamp(as_of)
    for _, span in spans.sort_values("start").iterrows():
        y = order.index(span["name"])
        if span["status"] == "end not reported":
            ax.scatter(span["start"], y, marker="D", s=34, color=UNKNOWN_COLOUR, zorder=3)
            continue
        length = max((span["known_until"] - span["start"]).days + 1, 2)
        ax.barh(y, length, left=span["start"], height=0.42, color=PARTIAL_COLOUR if span["partial"] else CLOSED_COLOUR)
        if span["status"] == "still closed":
            ax.barh(y, (as_of - span["known_until"]).days, left=span["known_until"], height=0.42, color="white",
                    hatch="////", edgecolor="#999999", linewidth=0.4)
    start = spans["start"].min() - pd.Timedelta(days=20)
    for y, name in enumerate(order):
        ax.text(start, y - 0.3, crossing_label(name), va="bottom", **ROW_LABEL)
    _lanes_axis(ax)
    ax.set_ylim(len(order) - 0.55, -0.7)
    ax.set_xlim(start, as_of + pd.Timedelta(days=15))
    handles = [Patch(color=CLOSED_COLOUR), Patch(color=PARTIAL_COLOUR),
               Patch(facecolor="white", hatch="////", edgecolor="#999999", linewidth=0.4),
               Line2D([], [], marker="D", linestyle="", color=UNKNOWN_COLOUR)]
    plots.legend_under_axes(ax, handles, ["Closed", "Closed to pedestrians only", "Still closed, no later report",
                               "Reopening never reported"], ncol=2)
    return fig
