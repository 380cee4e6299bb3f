"""Chart building blocks shared by the chapters: marks, layout and checks used by pakafg.figures.

* Marks: :func:`monthly_bars` (gaps as gaps), :func:`mark_rounds` (rounds of talks).
* Layout: :func:`sized_chart` (a plot area of a given height, room below it), :func:`legend_rows`,
  :func:`legend_under_axes` (a legend under one panel, in reserved room) and :func:`key_below`
  (one key for the whole figure, measured so the plot is raised to fit it).
* Checks: :func:`require_columns`.

The chapters keep the words (title, caption, alt text); these functions keep the drawing, so a
rule such as "a month without a report is a gap, not a zero" is written once.
"""

from __future__ import annotations

import math

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from . import charts, fmt
from .data import vocabulary

GAP_COLOUR = "#9A9A9A"
LEGEND_ROW = 0.21  # inches per legend row at MIN_FONT
LEGEND_GAP = 0.32  # inches from the bottom of a plot to its legend (room for the x tick labels)
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


def require_columns(frame: pd.DataFrame, columns, chart: str, *, nonempty: bool = True) -> None:
    """Raise ValueError unless ``frame`` has ``columns`` (and, with ``nonempty``, at least one row)."""
    missing = set(columns) - set(frame.columns)
    if missing:
        raise ValueError(f"{chart}: the frame lacks the columns {', '.join(sorted(missing))}")
    if nonempty and frame.empty:
        raise ValueError(f"{chart}: the frame has no rows")


def sized_chart(title: str, subtitle: str, source: str, as_of, *, plot_height: float, below: float = 0.0, **options):
    """:func:`charts.new_chart` sized so its plot area is ``plot_height`` inches tall, with ``below`` inches more
    between the x axis and the source line (for :func:`legend_below`).

    ``options`` go to ``new_chart`` (``nrows``, ``sharex``, ``left``, ...). With several rows of panels,
    ``plot_height`` covers them all, including the space between them.
    """
    probe, _ = charts.new_chart(title, subtitle, source, as_of, height=10.0, **options)
    top, bottom = (1 - probe.subplotpars.top) * 10.0, probe.subplotpars.bottom * 10.0
    plt.close(probe)
    height = top + plot_height + bottom + below
    fig, ax = charts.new_chart(title, subtitle, source, as_of, height=height, **options)
    fig.subplots_adjust(bottom=(bottom + below) / height)
    return fig, ax


def legend_rows(n_entries: int, ncol: int = 1) -> float:
    """Inches a legend of ``n_entries`` in ``ncol`` columns takes under a plot (pass as ``below``)."""
    return math.ceil(n_entries / ncol) * LEGEND_ROW - 0.06


def legend_under_axes(ax, handles, labels, *, ncol: int = 1, gap: float = LEGEND_GAP):
    """A legend ``gap`` inches under ``ax``, aligned with the chart's title at the figure's left edge."""
    fig = ax.figure
    anchor = blended_transform_factory(fig.transFigure, ax.transAxes) + ScaledTranslation(0, -gap, fig.dpi_scale_trans)
    return ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.008, 0), bbox_transform=anchor, ncol=ncol,
                     borderaxespad=0, borderpad=0.2, handletextpad=0.5, columnspacing=1.4, fontsize=charts.MIN_FONT)


def key_below(fig, handles, *, ncol: int = 2, title: str | None = None) -> None:
    """A key under the plot, above the source line; the plot area is raised to make room.

    Measures the drawn key and the x tick labels of the lowest axes, so nothing overlaps
    whatever the number of entries or label lines.
    """
    height = fig.get_figheight()
    footer_top = fig.subplotpars.bottom * height - 0.5 + 0.06  # new_chart leaves 0.5 in above the footer
    legend = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, footer_top / height), ncol=ncol,
                        fontsize=charts.SMALL_FONT, handlelength=1.8, columnspacing=1.2, labelspacing=0.5,
                        borderaxespad=0, alignment="left", title=title)
    renderer = fig.canvas.get_renderer()
    legend_top = legend.get_window_extent(renderer).y1 / fig.dpi
    lowest = min(fig.axes, key=lambda a: a.get_position().y0)
    tick_room = lowest.get_position().y0 * height - lowest.get_tightbbox(renderer).y0 / fig.dpi
    fig.subplots_adjust(bottom=(legend_top + 0.14 + tick_room) / height)
