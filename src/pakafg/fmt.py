"""Number and date formatting used everywhere a figure reaches the reader.

One module so that a number reads the same in prose, tables and chart labels:
thousands separated by commas, large round figures as "1.2 million", dates as
"19 October 2025".
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd


def _given(value) -> bool:
    """True for a real figure; False for None, NaN, NaT or pandas' NA."""
    return value is not None and not pd.isna(value)


def _check(value) -> Decimal:
    """The value as an exact Decimal; missing or non-finite values raise ValueError."""
    if not _given(value):
        raise ValueError("cannot format a missing value; check the data before formatting it")
    number = Decimal(str(float(value)))
    if not number.is_finite():
        raise ValueError(f"cannot format {value!r}: not a finite number")
    return number if number else Decimal(0)  # no "-0"


def _rounded(number: Decimal, digits: int) -> Decimal:
    """Round half away from zero (2.5 -> 3, 0.125 -> 0.13), the same rule for every format."""
    rounded = number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return rounded if rounded else abs(rounded)  # -0.4 rounds to "0", not "-0"


def integer(value) -> str:
    """1234567 -> '1,234,567'. Rounds half away from zero, never silently truncates."""
    return f"{_rounded(_check(value), 0):,f}"


def compact(value, digits: int = 1) -> str:
    """Large figures in words: 1_723_481 -> '1.7 million'; below a million, as :func:`integer`.

    The unit is chosen after rounding, so 999,950,000 reads '1 billion', not '1,000 million'.
    """
    number = _check(value)
    millions = _rounded(number / 10**6, digits)
    if abs(millions) >= 1000:
        return _words(_rounded(number / 10**9, digits), "billion")
    if abs(_rounded(number, 0)) >= 10**6:
        return _words(millions, "million")
    return integer(number)


def _words(scaled: Decimal, word: str) -> str:
    text = f"{scaled:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} {word}"


def decimal(value, digits: int = 1) -> str:
    """A number with a fixed count of decimals: 3.14159 -> '3.1'."""
    return f"{_rounded(_check(value), digits):,f}"


def percent(value, digits: int = 0) -> str:
    """A share given as a fraction: 0.243 -> '24%' (rounded like :func:`integer`)."""
    return f"{_rounded(_check(value) * 100, digits):f}%"


def _day(value) -> pd.Timestamp:
    if not _given(value):
        raise ValueError("cannot format a missing date")
    return pd.Timestamp(value)


def date(value) -> str:
    """A date as '19 October 2025' (no leading zero)."""
    day = _day(value)
    return f"{day.day} {day:%B %Y}"


def month(value) -> str:
    """A date as 'October 2025'."""
    return f"{_day(value):%B %Y}"


def date_range(start, end=None) -> str:
    """'18–19 October 2025', '30 June – 1 July 2024', or a single date when end is missing."""
    if not _given(end):
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


def as_given(value) -> str:
    """A figure with exactly the decimals it has, never rounded: 23 -> '23', 1.25 -> '1.25'."""
    number = _check(value)
    if number == number.to_integral_value():
        return integer(number)
    return f"{number.normalize():,f}"


def claim_figure(value=None, low=None, high=None, *, percent: bool = False) -> str:
    """A claimed figure as its claimant put it: '23', '25–30', 'at least 200', 'up to 12'.

    Figures keep the decimals the source gave (never rounded). With ``percent=True`` the
    figure is a share in percent: '2.5%', '21–23%', 'at least 25%'.
    """
    number = as_given

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


def row_figure(row, *, percent: bool = False) -> str:
    """:func:`claim_figure` of a row (claims, population_by_status) holding value, value_low and value_high."""
    return claim_figure(row["value"], row["value_low"], row["value_high"], percent=percent)


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
    day = _day(value)
    return f"{day.day} {day:%b %Y}"


def who(name, detail=None) -> str:
    """An actor with the person or report the source names: 'UNHCR (spokesman Qaiser Khan Afridi)'."""
    return str(name) if not _given(detail) or not str(detail) else f"{name} ({detail})"
