"""The overview chart of the timeline page: every event in the dataset, one lane per story.

:func:`all_events` stacks one dot per event over the month it began, in a lane per theme, so
the busy months stand out as tall stacks; the lane heading gives the theme and its count.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .. import charts, fmt
from ..data import vocabulary

THEME_LABELS = vocabulary("events", "theme")
THEME_COLOURS = vocabulary("events", "theme", "colours")
DOT_POINTS = 4.6  # a dot's diameter; a month is about 4.8 points wide over five years
STEP_POINTS = 5.4  # vertical distance between stacked dots
HEADING_POINTS = 24  # room above a lane for its heading


def monthly_stacks(events: pd.DataFrame) -> pd.DataFrame:
    """Each event's place in the stacks: theme, month (first day), level (0 at the bottom), by date then id.

    Reads events (event_id, date_start, theme). Raises ValueError for a missing start date or a
    theme without a label and colour in datapackage.json.
    """
    missing = {"event_id", "date_start", "theme"} - set(events.columns)
    if missing:
        raise ValueError(f"events lacks the columns {sorted(missing)}")
    if events["date_start"].isna().any():
        raise ValueError("every event needs a start date")
    unknown = set(events["theme"]) - set(THEME_LABELS)
    if unknown:
        raise ValueError(f"themes without a label and colour: {sorted(unknown)}")
    frame = events.sort_values(["date_start", "event_id"])[["event_id", "date_start", "theme"]].copy()
    frame["month"] = frame["date_start"].dt.to_period("M").dt.to_timestamp()
    frame["level"] = frame.groupby(["theme", "month"]).cumcount()
    return frame.reset_index(drop=True)


def all_events(events: pd.DataFrame, *, as_of):
    """Every event as a dot stacked over the month it began, one lane per theme (in datapackage.json order).

    Reads events (event_id, date_start, theme); each lane is as tall as its busiest month, under a
    heading with the theme's label and number of events. The time axis runs from the first
    event's month to the month of ``as_of``. Raises ValueError for an empty frame, a missing
    start date or an unknown theme.
    """
    if events.empty:
        raise ValueError("no events to draw")
    stacks = monthly_stacks(events)
    themes = [t for t in THEME_LABELS if t in set(stacks["theme"])]
    tallest = stacks.groupby("theme")["level"].max() + 1
    plot_points = sum(tallest[t] * STEP_POINTS + HEADING_POINTS for t in themes) + 6
    first = stacks["month"].min()
    words = ("Three stories, one crisis: the events of 2025 crowd together",
             f"Every event in the dataset by the month it began and by story, {fmt.month(first)} – "
             f"{fmt.month(as_of)}; each dot is one event",
             "Curated event dataset (UN, government, military and press reports)", as_of)
    # Draw once to learn what the header and footer take, then at the height that fits the lanes.
    probe, ax = charts.new_chart(*words, left=0.04)
    chrome = probe.get_figheight() - ax.get_position().height * probe.get_figheight()
    plt.close(probe)
    fig, ax = charts.new_chart(*words, height=chrome + plot_points / 72, left=0.04)
    base, lanes = 0.0, {}
    for theme in reversed(themes):  # the first theme is drawn at the top
        lanes[theme] = base
        base += tallest[theme] * STEP_POINTS + HEADING_POINTS
    for theme in themes:
        rows = stacks[stacks["theme"] == theme]
        ax.scatter(rows["month"] + pd.Timedelta(days=15), lanes[theme] + STEP_POINTS * (rows["level"] + 0.5),
                   s=DOT_POINTS**2, color=THEME_COLOURS[theme], edgecolor="white", linewidth=0.3, zorder=3,
                   clip_on=False)
        top = lanes[theme] + tallest[theme] * STEP_POINTS
        ax.text(0.0, top + 6, f"{THEME_LABELS[theme]}: {fmt.integer(len(rows))} event{'s' if len(rows) != 1 else ''}",
                transform=ax.get_yaxis_transform(), ha="left", va="bottom", fontsize=charts.MIN_FONT + 0.5,
                color=charts.TEXT_COLOUR)
        ax.axhline(lanes[theme], color="#DDDDDD", lw=0.8, zorder=1)
    points = ax.get_window_extent(fig.canvas.get_renderer()).height * 72 / fig.dpi
    ax.set_ylim(0, max(points, base + 6))  # y in points of the figure, lanes from the bottom up
    ax.set_xlim(first, pd.Timestamp(as_of).to_period("M").to_timestamp() + pd.Timedelta(days=32))
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#EEEEEE")
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    return fig
