"""Chart building blocks shared by the chapters: each draws one kind of mark on a given axis.

The chapters keep the words (title, caption, alt text); these functions keep the drawing, so a
rule such as "a month without a report is a gap, not a zero" is written once.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from . import charts, fmt
from .data import vocabulary

GAP_COLOUR = "#9A9A9A"
TRACK_COLOURS = {"un_doha_process": charts.colour("un"), "bilateral_peace_track": charts.colour("mediator")}


def monthly_bars(ax, series: pd.DataFrame, *, colour: str, label: str) -> None:
    """Bars for a monthly series (columns ``month``, ``value``), a grey tick under each month without a figure.

    Raises ValueError when the frame lacks those columns.
    """
    if not {"month", "value"} <= set(series.columns):
        raise ValueError("a monthly series needs the columns 'month' and 'value'")
    known = series[series["value"].notna()]
    missing = series[series["value"].isna()]
    ax.bar(known["month"], known["value"].astype(float), width=24, align="edge", color=colour, label=label)
    if len(missing):
        ax.scatter(missing["month"] + pd.Timedelta(days=12), [0] * len(missing), marker="x", s=22, color=GAP_COLOUR,
                   clip_on=False, zorder=3, label="No report found for the month")
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.yaxis.set_major_formatter(lambda v, _: fmt.integer(v))
    ax.set_xlim(series["month"].min() - pd.Timedelta(days=10), series["month"].max() + pd.Timedelta(days=40))


def mark_rounds(ax, rounds: pd.DataFrame, tracks=tuple(TRACK_COLOURS)) -> None:
    """A triangle along the top of the plot for each round of talks on ``tracks``, coloured by track.

    Reads ``date_start`` and ``track`` from the talks_rounds table; labels come from datapackage.json.
    """
    labels = vocabulary("talks_rounds", "track")
    top = ax.get_ylim()[1]
    for track in tracks:
        dates = rounds.loc[rounds["track"] == track, "date_start"]
        ax.scatter(dates, [top] * len(dates), marker="v", s=46, color=TRACK_COLOURS[track], edgecolor="white",
                   linewidth=0.6, clip_on=False, zorder=4, label=f"Talks: {labels[track]}")
    ax.set_ylim(top=top)
