"""The report's house chart style.

* One colour per side across the whole book (:func:`colour`), declared in datapackage.json
  from the Okabe–Ito palette, which stays distinguishable for the common forms of colour blindness.
* Every chart carries a message title, a subtitle (measure, place, period) and a source
  line ending with the data's as-of date: :func:`new_chart` lays them out.
* Phone first: charts are drawn 5.2 inches wide with no text smaller than 10 pt
  (:data:`MIN_FONT`), so that at 390 px, where a figure is about 342 px wide, the smallest
  text is still 9 px. The check is ``tests/test_chart_legibility.py``.
* Output is deterministic: fixed fonts, sizes, DPI, SVG hash salt, and no timestamps in
  the saved files.
* :func:`show` displays the chart as a numbered, captioned figure with alt text (SVG for the
  web, PDF for print) and, with ``data=``, the numbers behind it as CSV to download.
"""

from __future__ import annotations

import base64
import io
import re
import textwrap

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from . import fmt
from .data import vocabulary
from .text import csv_cell, one_line

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

WIDTH = 5.2  # inches; see the module docstring
MIN_FONT = 10.0  # points
SMALL_FONT = MIN_FONT  # legends, annotations, footers: never smaller than MIN_FONT



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
            "font.size": 11,
            "axes.titlesize": 11.5,
            "axes.labelsize": 11,
            "xtick.labelsize": 10.5,
            "ytick.labelsize": 10.5,
            "legend.fontsize": SMALL_FONT,
            "legend.title_fontsize": SMALL_FONT,
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
    height: float = 4.6,
    nrows: int = 1,
    ncols: int = 1,
    sharex: bool = False,
    sharey: bool = False,
    left: float = 0.13,
):
    """A figure :data:`WIDTH` inches wide with the house header (title, subtitle) and footer (source, as-of date).

    Returns ``(fig, ax)`` (or an array of axes for several panels). Title and subtitle are
    wrapped to the width, and the plot area is placed below however many lines they take, so a
    long title never collides with the data. ``left`` is the plot's left edge as a share of the
    width (raise it for long tick labels).
    """
    apply_house_style()
    fig, ax = plt.subplots(nrows, ncols, figsize=(WIDTH, height), sharex=sharex, sharey=sharey)
    title_lines = textwrap.wrap(title, 40)
    subtitle_lines = textwrap.wrap(subtitle, 56)
    footer_lines = textwrap.wrap(f"Source: {source.rstrip('.')}. {fmt.as_of_line(as_of)}", 62)
    line = 1 / 72 * 1.25  # inches per point of text, with line spacing
    top = 0.12
    fig.text(0.02, 1 - top / height, "\n".join(title_lines), ha="left", va="top", fontsize=13, fontweight="bold",
             color=TEXT_COLOUR, linespacing=1.15)
    top += len(title_lines) * 13 * line + 0.06
    fig.text(0.02, 1 - top / height, "\n".join(subtitle_lines), ha="left", va="top", fontsize=MIN_FONT + 0.5,
             color=MUTED_COLOUR, linespacing=1.15)
    top += len(subtitle_lines) * (MIN_FONT + 0.5) * line + 0.22
    fig.text(0.02, 0.08 / height, "\n".join(footer_lines), ha="left", va="bottom", fontsize=MIN_FONT,
             color=MUTED_COLOUR, linespacing=1.15)
    bottom = 0.08 + len(footer_lines) * MIN_FONT * line + 0.5
    fig.subplots_adjust(left=left, right=0.96, top=1 - top / height, bottom=bottom / height, hspace=0.5, wspace=0.3)
    return fig, ax


FIGURE_NAME = re.compile(r"^fig-[a-z0-9]+(-[a-z0-9]+)*$")


def chart_csv(frame: pd.DataFrame) -> str:
    """The numbers behind a chart as CSV text, text cells made safe for spreadsheets."""
    if frame.empty:
        raise ValueError("the data behind a chart is empty")
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) and not pd.api.types.is_datetime64_any_dtype(safe[column]):
            safe[column] = safe[column].map(csv_cell)
    return safe.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n")


def figure_bytes(fig) -> tuple[str, bytes]:
    """The figure as SVG text (for the web) and PDF bytes (for print), without dates or random ids."""
    svg, pdf = io.StringIO(), io.BytesIO()
    fig.savefig(svg, format="svg", metadata={"Date": None})
    fig.savefig(pdf, format="pdf", metadata={"CreationDate": None, "ModDate": None})
    return svg.getvalue(), pdf.getvalue()


def show(fig, *, name: str, caption: str, alt: str, data: pd.DataFrame | None = None) -> None:
    """Display a finished chart as a numbered figure, and offer the numbers behind it.

    ``name`` labels the figure for ``{numref}`` (``fig-...``); ``caption`` states the finding;
    ``alt`` describes the chart and its main numbers for screen readers. The image is emitted
    as SVG and PDF bytes made here, so it never depends on the matplotlib backend; the book
    picks SVG for the web and PDF for print (``pakafg.render``). With ``data``, a second output
    carries the chart's numbers as CSV text, which strict nbval compares and the web book
    offers as a download.
    """
    if not FIGURE_NAME.match(name):
        raise ValueError(f"figure name {name!r} must look like 'fig-returns-by-month'")
    caption, alt = one_line(caption), one_line(alt)
    if not caption or len(alt) < 20:
        raise ValueError(f"{name}: give a caption and an alt text of at least a sentence")
    svg, pdf = figure_bytes(fig)
    plt.close(fig)
    display({"image/svg+xml": svg, "application/pdf": base64.b64encode(pdf).decode("ascii"),
             "text/plain": f"Figure ({name}): {caption} [{alt}]"},
            metadata={"pakafg": {"figure": name, "caption": caption, "alt": alt}}, raw=True)
    if data is not None:
        display({"text/csv": chart_csv(data), "text/plain": f"The data behind {name}: {len(data)} rows (CSV)"},
                metadata={"pakafg": {"download": f"{name.removeprefix('fig-')}.csv"}}, raw=True)
