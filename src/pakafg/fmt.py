"""Number and date formatting used everywhere a figure reaches the reader.

One module so that a number reads the same in prose, tables and chart labels:
thousands separated by commas, large round figures as "1.2 million", dates as
"19 October 2025".
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd


def _given(value) -> bool:
    """True for a real figure; False for None, NaN or pandas' NA."""
    return value is not None and not pd.isna(value)


def _check(value) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        raise ValueError("cannot format a missing value; check the data before formatting it")
    return float(value)


def integer(value) -> str:
    """1234567 -> '1,234,567'. Rounds half away from zero, never silently truncates."""
    number = _check(value)
    rounded = math.floor(abs(number) + 0.5) * (1 if number >= 0 else -1)
    return f"{rounded:,.0f}"


def compact(value, digits: int = 1) -> str:
    """Large figures in words: 1_723_481 -> '1.7 million'; below a million, as :func:`integer`."""
    number = _check(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            text = f"{number / size:,.{digits}f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    return integer(number)


def decimal(value, digits: int = 1) -> str:
    """A number with a fixed count of decimals: 3.14159 -> '3.1'."""
    return f"{_check(value):,.{digits}f}"


def percent(value, digits: int = 0) -> str:
    """A share given as a fraction: 0.243 -> '24%'."""
    return f"{_check(value) * 100:.{digits}f}%"


def date(value) -> str:
    """A date as '19 October 2025' (no leading zero)."""
    if value is None or value is pd.NaT:
        raise ValueError("cannot format a missing date")
    day = pd.Timestamp(value)
    return f"{day.day} {day:%B %Y}"


def month(value) -> str:
    """A date as 'October 2025'."""
    return f"{pd.Timestamp(value):%B %Y}"


def date_range(start, end=None) -> str:
    """'18–19 October 2025', '30 June – 1 July 2024', or a single date when end is missing."""
    if end is None or end is pd.NaT or pd.isna(end):
        return date(start)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if first == last:
        return date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{date(first)} – {date(last)}"


def as_of_line(as_of: dt.date | str) -> str:
    """'Data as of 30 April 2026.'"""
    return f"Data as of {date(as_of)}."


def claim_figure(value=None, low=None, high=None, *, percent: bool = False) -> str:
    """A claimed figure as its claimant put it: '23', '25–30', 'at least 200', 'up to 12'.

    With ``percent=True`` the figure is a share in percent and keeps one decimal where the
    source gives one: '2.5%', '21–23%', 'at least 25%'.
    """
    def number(v):
        if percent and not float(v).is_integer():
            return decimal(v, 1)
        return integer(v)

    suffix = "%" if percent else ""
    if _given(value):
        return f"{number(value)}{suffix}"
    if _given(low) and _given(high):
        return f"{number(low)}–{number(high)}{suffix}"
    if _given(low):
        return f"at least {number(low)}{suffix}"
    if _given(high):
        return f"up to {number(high)}{suffix}"
    raise ValueError("a claim needs value, value_low or value_high")


def plot_value(value=None, low=None, high=None) -> tuple[float, str]:
    """The number to draw for a figure as worded, and what kind of figure it is.

    'exact' for a single value, 'at_least' for a lower bound, 'up_to' for an upper bound,
    'range' for a range (drawn at its lower end, so the chart never overstates a claim).
    """
    if _given(value):
        return float(value), "exact"
    if _given(low) and _given(high):
        return float(low), "range"
    if _given(low):
        return float(low), "at_least"
    if _given(high):
        return float(high), "up_to"
    raise ValueError("a figure needs value, value_low or value_high")


def short_date(value) -> str:
    """A compact date for tables: '27 Feb 2026'."""
    if value is None or value is pd.NaT or pd.isna(value):
        raise ValueError("cannot format a missing date")
    day = pd.Timestamp(value)
    return f"{day.day} {day:%b %Y}"
