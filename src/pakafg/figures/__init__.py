"""The report's charts, one module per chapter theme; each function returns a finished figure.

A chapter shows a chart in one call::

    charts.show(figures.border.militancy_monthly(monthly, data["talks_rounds"], as_of=data.as_of),
                name="fig-militancy-monthly", caption=..., alt=..., data=monthly)

The functions take data frames (their docstrings list the columns they read) and draw with
the house style of :mod:`pakafg.charts` (phone-first width, no text below ``charts.MIN_FONT``);
shared marks (monthly bars, talks markers) are in :mod:`pakafg.plots`. The chapter keeps the
words that are findings: caption and alt text, computed from the same frames.
"""

from . import border, border_map, refugees, talks, timeline

__all__ = ["border", "border_map", "refugees", "talks", "timeline"]
