"""Charts of the talks chapter: the commitment grid and the rounds against the fighting.

* :func:`commitments` draws each commitment of the peace track as a numbered box in a grid of
  round (rows) by status (columns); :func:`commitments_data` is the download behind it.
* :func:`talks_violence` draws the rounds of talks as lines and shaded spans over the fighting,
  one lane per acting side, in two panels (the whole period and a close-up);
  :func:`talks_violence_data` is the download behind it.
* :func:`plan_labels` and :func:`draw_labels` put short labels at dates along the top of a time
  axis, stacked so that none overlaps.
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.patches import Patch

from .. import charts, conflict, plots
from .. import talks as T
from ..data import vocabulary

TRACK_COLOURS = {**plots.TRACK_COLOURS, "regional_format": charts.colour("mediator")}
# One lane per acting side (pakafg.conflict.acting_side), top to bottom, with its short label.
SIDE_LANES = {
    "Pakistan": "Air strikes\n(Pakistan)",
    "Both forces": "Clashes",
    "TTP": "TTP\nattacks",
    "Other militant groups": "Other\nmilitants",
}
BOX_POINTS = 16  # side of a commitment's box
RESTATED_COLOUR = "#C8C8C8"  # a promise made again at a later round
BOX_STEP = 18  # distance between neighbouring boxes' centres, points
LABEL_STEP = 14  # points between the levels of labels along the top of a plot


def number(commitment_id: str) -> str:
    """The number a commitment goes by in the tracker: 'CM-06' -> '6'."""
    return commitment_id.split("-")[1].lstrip("0")


def commitments_data(commitments: pd.DataFrame, rounds: pd.DataFrame) -> pd.DataFrame:
    """The rows behind :func:`commitments`: commitment_id, promise (the commitment it restates, or itself),
    round_id, round_label, status, status_date.

    Reads commitments (commitment_id, round_id, status, status_date) and rounds (round_id,
    label). Raises ValueError when a commitment names a round that is not in ``rounds``.
    """
    plots.require_columns(commitments, {"commitment_id", "round_id", "status", "status_date"}, "commitments", nonempty=False)
    plots.require_columns(rounds, {"round_id", "label"}, "rounds", nonempty=False)
    unknown = set(commitments["round_id"]) - set(rounds["round_id"])
    if unknown:
        raise ValueError(f"commitments name rounds that are not in the rounds table: {sorted(unknown)}")
    label = rounds.set_index("round_id")["label"]
    restates = (commitments["restates"] if "restates" in commitments
                else pd.Series(None, index=commitments.index, dtype="object"))
    frame = commitments.assign(round_label=commitments["round_id"].map(label),
                               promise=restates.astype("object").fillna(commitments["commitment_id"])).sort_values("commitment_id")
    return frame[["commitment_id", "promise", "round_id", "round_label", "status", "status_date"]].reset_index(drop=True)


def commitments(commitments: pd.DataFrame, rounds: pd.DataFrame, *, as_of):
    """A grid of the peace track's commitments: one row per round, one column per status, a numbered box each.

    Reads commitments (commitment_id 'CM-nn', round_id, status, status_date) and rounds
    (round_id, label; rows in date order, as from :func:`pakafg.talks.rounds_frame`). Only
    rounds with a commitment get a row. Statuses are columns in the order of
    :data:`pakafg.talks.STATUS_ORDER`, empty ones kept. A cell holding more boxes than fit its
    width wraps them onto further lines. Raises ValueError for an empty frame, a status outside
    the vocabulary or a round missing from ``rounds``.
    """
    data = commitments_data(commitments, rounds)
    if data.empty:
        raise ValueError("no commitments to draw")
    T.ordered_counts(data["status"], T.STATUS_ORDER)  # raises on an unknown status
    rows = [r for r in rounds["round_id"] if r in set(data["round_id"])]
    data["slot"] = data.groupby(["round_id", "status"]).cumcount()
    column_points = charts.WIDTH * (0.96 - 0.18) / len(T.STATUS_ORDER) * 72
    per_line = max(1, int((column_points - 6 - BOX_POINTS) // BOX_STEP) + 1)
    lines = int(data.groupby(["round_id", "status"]).size().max() - 1) // per_line + 1
    row_inches = max(0.36, lines * BOX_STEP / 72 + 0.12)
    fig, ax = charts.new_chart(
        "Promises to meet were kept; promises to stop fighting were not",
        "Commitments of the Pakistan–Afghanistan peace track by round and status (latest evidence); "
        "each box is a promise, numbered as in the tracker; a grey box restates an earlier one",
        "this report's coding of press reports and official statements", as_of,
        height=2.75 + row_inches * len(rows), left=0.18)
    ax.set_xlim(-0.5, len(T.STATUS_ORDER) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    size = ax.get_window_extent().transformed(fig.dpi_scale_trans.inverted())  # plot area in inches
    x_step = BOX_STEP / 72 / (size.width / len(T.STATUS_ORDER))
    y_step = BOX_STEP / 72 / (size.height / len(rows))
    column = data["status"].map({s: i for i, s in enumerate(T.STATUS_ORDER)})
    count = data.groupby(["round_id", "status"])["slot"].transform("size")
    in_line = (count.clip(upper=per_line) - 1) / 2
    x = column + x_step * (data["slot"] % per_line - in_line)
    cell_lines = (count - 1) // per_line
    y = data["round_id"].map({r: i for i, r in enumerate(rows)}) + y_step * (data["slot"] // per_line - cell_lines / 2)
    restated = data["promise"] != data["commitment_id"]
    ax.scatter(x[~restated], y[~restated], marker="s", s=BOX_POINTS**2, color=charts.colour("independent"), zorder=3)
    ax.scatter(x[restated], y[restated], marker="s", s=BOX_POINTS**2, color=RESTATED_COLOUR, zorder=3)
    for promise, again, xi, yi in zip(data["promise"], restated, x, y, strict=True):
        ax.text(xi, yi, number(promise), ha="center", va="center_baseline", fontsize=charts.MIN_FONT,
                color="#222222" if again else "white", fontweight="bold", zorder=4)
    ax.set_xticks(range(len(T.STATUS_ORDER)), [textwrap.fill(T.STATUS_LABELS[s], 7) for s in T.STATUS_ORDER])
    ax.set_yticks(range(len(rows)), list(rounds.set_index("round_id").loc[rows, "label"]))
    ax.tick_params(axis="both", length=0)
    ax.grid(axis="x", color="#DDDDDD")
    return fig


def plan_labels(ax, items, *, lines=(), pad_points: float = 3) -> list[dict]:
    """Where to write short labels at dates along the top of a time axis so that none overlaps.

    ``items`` is a list of (date, text, colour, linestyle), in date order; ``lines`` are dates of
    other full-height lines that a label should not hide. Each label will hang from the top of the
    plot on a level (row 0 at the top), right of its date or left of it where that fits better,
    with a line from the bottom of the plot up to it. Each takes the highest level where it
    overlaps no other label, no line and no other label's line; when no level is free of lines,
    the highest level free of labels. Only the x limits and the plot's width matter here, so the
    plan can be made before the plot's height is settled. Draw it with :func:`draw_labels`.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    left, right = ax.get_xlim()
    gap = to_data.transform((pad_points / 72 * fig.dpi, 0))[0] - to_data.transform((0, 0))[0]
    walls = [mdates.date2num(pd.Timestamp(d)) for d in lines]
    placed: list[dict] = []

    def clear(x, level, a, b, strict):
        for p in placed:
            if p["level"] == level and not (b + gap < p["span"][0] or a - gap > p["span"][1]):
                return False
            if strict and p["level"] > level and p["span"][0] <= x <= p["span"][1]:
                return False  # this label's line would cross a label further down
            if strict and p["level"] < level and a <= p["x"] <= b:
                return False  # that label's line would cross this label
        return not strict or not any(a <= w <= b for w in walls)

    for date, text, colour, linestyle in items:
        x = mdates.date2num(pd.Timestamp(date))
        probe = ax.text(x, 0, text, fontsize=charts.MIN_FONT)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        width = to_data.transform((extent.width, 0))[0] - to_data.transform((0, 0))[0] + gap
        sides = [(x, x + width, "left")] if x + width <= right else []
        sides.append((max(left, x - width), x, "right"))
        choice = None
        for strict in (True, False):
            levels = range(1 + max((p["level"] for p in placed), default=-1) + 1)
            choice = next(((level, a, b, ha) for level in levels for a, b, ha in sides
                           if clear(x, level, a, b, strict)), None)
            if choice:
                break
        level, a, b, ha = choice
        placed.append({"x": x, "level": level, "span": (a, b), "ha": ha, "text": text, "colour": colour,
                       "linestyle": linestyle, "pad": pad_points})
    return placed


def band_points(placed: list[dict]) -> float:
    """The height, in points, that planned labels take along the top of a plot."""
    return 6 + LABEL_STEP * (1 + max((p["level"] for p in placed), default=-1))


def draw_labels(ax, placed: list[dict]) -> None:
    """Draw labels planned by :func:`plan_labels`: each a line from the bottom of the plot up to its text."""
    fig = ax.figure
    height = ax.get_window_extent(fig.canvas.get_renderer()).height * 72 / fig.dpi  # points
    for p in placed:
        top = 2 + p["level"] * LABEL_STEP
        ax.plot([p["x"], p["x"]], [0, 1 - top / height], transform=ax.get_xaxis_transform(), color=p["colour"],
                lw=0.9, ls=p["linestyle"], zorder=2)
        ax.annotate(p["text"], xy=(p["x"], 1), xycoords=("data", "axes fraction"), ha=p["ha"], va="top",
                    color=p["colour"], fontsize=charts.MIN_FONT, annotation_clip=False, textcoords="offset points",
                    xytext=(p["pad"] if p["ha"] == "left" else -p["pad"], -top))


def talks_violence_data(violence: pd.DataFrame, rounds: pd.DataFrame) -> pd.DataFrame:
    """The rows behind :func:`talks_violence`: the events and the rounds on one timeline.

    Reads violence (event_id, date_start, date_end, event_type, side, title) and rounds
    (event_id, date_start, date_end, track, name). Columns event_id, date_start, date_end, kind
    (event type or track), side ('talks' for a round), title (a round's ``name``), by date.
    """
    columns = ["event_id", "date_start", "date_end", "kind", "side", "title"]
    return pd.concat([
        violence.assign(kind=violence["event_type"])[columns],
        rounds.assign(kind=rounds["track"], side="talks", title=rounds["name"])[columns],
    ]).sort_values(["date_start", "event_id"]).reset_index(drop=True)


def _month_ticks(value, position=None) -> str:
    """'Oct', with the year under January and under the first tick."""
    day = mdates.num2date(value)
    return day.strftime("%b\n%Y") if day.month == 1 or position == 0 else day.strftime("%b")


def _round_marks(ax, rounds: pd.DataFrame, first, close_up: bool) -> list[dict]:
    """Shade the bilateral rounds from ``first`` on, draw unlabelled rounds' lines and plan the labels."""
    items, lines, grouped = [], [], False
    for r in rounds[rounds["date_end"] >= first].sort_values("date_start").itertuples():
        colour, style = TRACK_COLOURS[r.track], "--" if r.track == "regional_format" else "-"
        if r.track == "bilateral_peace_track":
            ax.axvspan(r.date_start, r.date_end + pd.Timedelta(days=1), color=colour, alpha=0.35, lw=0)
        label = r.label if close_up or r.track == "un_doha_process" else None
        if not close_up and r.track == "bilateral_peace_track" and not grouped:
            label, grouped = "Peace track", True  # the wide panel names the bilateral rounds once
        if label:
            items.append((r.date_start, label, colour, style))
        else:
            ax.axvline(r.date_start, color=colour, lw=0.9, ls=style)
            lines.append(r.date_start)
    return plan_labels(ax, items, lines=lines)


def talks_violence(violence: pd.DataFrame, rounds: pd.DataFrame, *, start, focus_start, as_of):
    """Rounds of talks over the fighting: two panels, from ``start`` and (a close-up) from ``focus_start``.

    Reads violence (date_start, date_end, side: one of :data:`SIDE_LANES`, as from
    :func:`pakafg.talks.violence_frame`) and rounds (label, track, date_start, date_end, as from
    :func:`pakafg.talks.rounds_frame`). Each event is a dot in its side's lane (several on a day
    are stacked), with a line to its last day when it lasted several days. UN rounds are lines,
    bilateral rounds shaded spans, regional meetings dashed lines; the wide panel labels the UN
    rounds and the first bilateral round ("Peace track"), the close-up every round. Raises
    ValueError for missing columns, a side or track without a lane or colour, or a
    ``focus_start`` not after ``start``.
    """
    plots.require_columns(violence, {"date_start", "date_end", "side"}, "violence", nonempty=False)
    plots.require_columns(rounds, {"label", "track", "date_start", "date_end"}, "rounds", nonempty=False)
    start, focus_start, as_of = pd.Timestamp(start), pd.Timestamp(focus_start), pd.Timestamp(as_of)
    if focus_start <= start:
        raise ValueError("focus_start must be after start")
    for frame, column, known in ((violence, "side", SIDE_LANES), (rounds, "track", TRACK_COLOURS)):
        unknown = set(frame[column]) - set(known)
        if unknown:
            raise ValueError(f"no lane or colour for {column} {sorted(unknown)}")
    lanes = {side: len(SIDE_LANES) - 1 - i for i, side in enumerate(SIDE_LANES)}
    shown = violence[violence["date_end"] >= start].sort_values("date_start")
    y = shown["side"].map(lanes) + shown.groupby(["side", "date_start"]).cumcount() * 0.22
    fig, axes = charts.new_chart(
        "Fighting clustered before the bilateral rounds, not after them",
        "Major clashes, strikes and militant attacks by who acted, and rounds of talks: UN meetings (blue), "
        "peace-track rounds (pink; Tehran, a regional meeting, dashed)",
        "this report's event coding from UN, government and press reports", as_of, height=8.4, nrows=2, left=0.2)
    panels = [(axes[0], start, False), (axes[1], focus_start, True)]
    for ax, first, close_up in panels:
        ax.set_xlim(first, as_of + pd.Timedelta(days=5 if close_up else 20))
    plans = [_round_marks(ax, rounds, first, close_up) for ax, first, close_up in panels]
    # Both panels get the same room for the lanes; each adds the room its labels take on top.
    height = fig.get_figheight()
    top, bottom = axes[0].get_position().y1 * height, axes[1].get_position().y0 * height
    gap = 0.85  # inches between the panels: tick labels and the lower panel's heading
    bands = [band_points(plan) / 72 for plan in plans]
    lanes_height = (top - bottom - gap - sum(bands)) / 2
    lane_units = max(len(SIDE_LANES) - 1, y.max() if len(y) else 0) + 0.5 + 0.6
    y0 = top
    for (ax, first, close_up), plan, band in zip(panels, plans, bands, strict=True):
        box = ax.get_position()
        ax.set_position([box.x0, (y0 - band - lanes_height) / height, box.width, (band + lanes_height) / height])
        y0 -= band + lanes_height + gap
        ax.set_ylim(-0.6, -0.6 + lane_units * (band + lanes_height) / lanes_height)
        draw_labels(ax, plan)
        ax.set_title(f"From {first:%B %Y}", loc="left", fontsize=charts.MIN_FONT + 0.5, color=charts.TEXT_COLOUR,
                     pad=4)
        inside = shown["date_end"] >= first
        for (_, e), yi in zip(shown[inside].iterrows(), y[inside], strict=True):
            colour = conflict.ACTING_COLOURS[e["side"]]
            if e["date_end"] > e["date_start"]:
                ax.plot([e["date_start"], e["date_end"]], [yi, yi], color=colour, lw=2.5, alpha=0.7)
            ax.scatter(e["date_start"], yi, s=36, color=colour, edgecolor="white", lw=0.5, zorder=3)
        ax.set_yticks(list(lanes.values()), list(SIDE_LANES.values()))
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", visible=False)
        ax.xaxis.set_major_locator(mdates.MonthLocator() if close_up else mdates.YearLocator())
        ax.xaxis.set_major_formatter(_month_ticks if close_up else mdates.DateFormatter("%Y"))
    return fig


def promise_lifespans(commitments: pd.DataFrame, rounds: pd.DataFrame, *, as_of):
    """How long each promise of the peace track is known to have lasted: a bar from its round to its fate.

    Reads commitments (commitment_id, round_id, restates, status, status_date) and rounds
    (round_id, label, date_start). Each statement is a bar from its round's first day to the
    date of the latest evidence on it, coloured by status (colours from datapackage.json); a
    promise still pending or unclear runs on, hatched, to the as-of date. Bars are numbered as in
    the tracker (a restatement keeps its first number). Raises ValueError for an empty frame or
    a round missing from ``rounds``.
    """
    data = commitments_data(commitments, rounds)
    if data.empty:
        raise ValueError("no commitments to draw")
    colours = vocabulary("commitments", "status", "colours")
    start = data["round_id"].map(rounds.set_index("round_id")["date_start"])
    data = data.assign(start=start).sort_values(["start", "commitment_id"]).reset_index(drop=True)
    open_ended = data["status"].isin(["pending", "unclear"])
    fig, ax = charts.new_chart(
        "What became of each promise, and when",
        "Each commitment of the peace track, from the round that made it to the latest evidence on it; "
        "bars run on, hatched, while a promise is pending or unclear",
        "this report's coding of press reports and official statements", as_of,
        height=2.6 + 0.3 * len(data), left=0.2)
    for y, row in data.iterrows():
        end = pd.Timestamp(as_of) if open_ended[y] else row["status_date"]
        width = max((end - row["start"]).days, 1)
        ax.barh(y, width, left=mdates.date2num(row["start"]), height=0.6, color=colours[row["status"]],
                hatch="///" if open_ended[y] else None, edgecolor="white", linewidth=0.5)
    ax.set_yticks(range(len(data)), [f"{number(p)}  {label}" for p, label in zip(data["promise"], data["round_label"],
                                                                                  strict=True)])
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.grid(axis="x", color="#E5E5E5")
    ax.grid(axis="y", visible=False)
    handles = [Patch(facecolor=colours[s], label=T.STATUS_LABELS[s]) for s in T.STATUS_ORDER if s in set(data["status"])]
    plots.key_below(fig, handles, ncol=3)
    return fig


