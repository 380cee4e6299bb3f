"""The report's house chart style.

* One colour per side across the whole book (:func:`colour`), declared in datapackage.json
  from the Okabe–Ito palette, which stays distinguishable for the common forms of colour blindness.
* Every chart carries a message title, a subtitle (measure, place, period) and a source
  line ending with the data's as-of date: :func:`new_chart` lays them out.
* Output is deterministic: fixed fonts, sizes, DPI, SVG hash salt, and no timestamps in
  the saved files.
* :func:`show` displays the chart and, with ``data=``, writes the numbers behind it as a
  CSV a reader can download, linked right under the chart.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

from . import fmt
from .data import PROJECT_ROOT, vocabulary
from .text import csv_cell

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#7F7F7F",
}


SIDE_COLOURS = vocabulary("actors", "side", "colours")

TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#5F5F5F"
CHART_DATA_DIR = PROJECT_ROOT / "chapters" / "chart-data"

_HEADER_INCHES = 0.95
_FOOTER_INCHES = 0.55


def colour(side: str) -> str:
    """The house colour of a side ('pakistan', 'afghanistan', 'ttp', 'un', 'mediator', ...)."""
    if side not in SIDE_COLOURS:
        raise KeyError(f"no colour for side '{side}'; sides are {', '.join(SIDE_COLOURS)} (datapackage.json)")
    return SIDE_COLOURS[side]


def apply_house_style() -> None:
    """Set matplotlib defaults for every chart in the book."""
    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.labelsize": 10,
            "axes.labelcolor": TEXT_COLOUR,
            "axes.edgecolor": MUTED_COLOUR,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.grid.axis": "y",
            "grid.color": "#DDDDDD",
            "grid.linewidth": 0.8,
            "axes.axisbelow": True,
            "axes.prop_cycle": matplotlib.cycler(color=list(SIDE_COLOURS.values())),
            "xtick.color": MUTED_COLOUR,
            "ytick.color": MUTED_COLOUR,
            "xtick.labelcolor": TEXT_COLOUR,
            "ytick.labelcolor": TEXT_COLOUR,
            "legend.frameon": False,
            "figure.dpi": 110,
            "savefig.dpi": 150,
            "svg.hashsalt": "pakafg",
            "svg.fonttype": "none",
            # Labels come from the data: a '$' pair must print as dollars, not start mathtext.
            "text.parse_math": False,
        }
    )


def new_chart(
    title: str,
    subtitle: str,
    source: str,
    as_of,
    *,
    width: float = 8.0,
    height: float = 4.6,
    nrows: int = 1,
    ncols: int = 1,
    **subplot_kw,
):
    """A figure with the house header (title, subtitle) and footer (source, as-of date).

    Returns ``(fig, ax)`` (or an array of axes for several panels). The plot area is
    placed between header and footer, so long titles never collide with the data.
    """
    apply_house_style()
    fig, ax = plt.subplots(nrows, ncols, figsize=(width, height), subplot_kw=subplot_kw or None)
    wrap = int(width * 11)
    fig.text(0.012, 1 - 0.14 / height, title, ha="left", va="top", fontsize=13, fontweight="bold",
             color=TEXT_COLOUR)
    fig.text(0.012, 1 - 0.48 / height, textwrap.fill(subtitle, wrap), ha="left", va="top",
             fontsize=9.5, color=MUTED_COLOUR)
    footer = f"Source: {source}. {fmt.as_of_line(as_of)}"
    fig.text(0.012, 0.10 / height, textwrap.fill(footer, int(width * 14)), ha="left", va="bottom",
             fontsize=7.5, color=MUTED_COLOUR)
    fig.subplots_adjust(
        left=0.09, right=0.97,
        top=1 - _HEADER_INCHES / height,
        bottom=(_FOOTER_INCHES + 0.45) / height,
        hspace=0.45, wspace=0.3,
    )
    return fig, ax


def save_chart_data(frame: pd.DataFrame, name: str, directory: Path = CHART_DATA_DIR) -> Path:
    """Write the numbers behind a chart as ``<directory>/<name>.csv`` (deterministic bytes)."""
    if frame.empty:
        raise ValueError(f"chart data '{name}' is empty")
    if not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"chart data name '{name}' must be letters, digits, '-' or '_'")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.csv"
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) and not pd.api.types.is_datetime64_any_dtype(safe[column]):
            safe[column] = safe[column].map(csv_cell)
    safe.to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\n")
    return path


def show(fig, *, data: pd.DataFrame | None = None, name: str | None = None) -> None:
    """Display a finished chart; with ``data`` and ``name``, also offer its data as CSV."""
    display(fig)
    plt.close(fig)
    if data is not None:
        if not name:
            raise ValueError("show(..., data=...) needs a name for the CSV file")
        save_chart_data(data, name)
        display(Markdown(f"{{download}}`Download the data behind this chart (CSV) <chart-data/{name}.csv>`"))
