import datetime as dt

import pandas as pd
import pytest

from pakafg import fmt


@pytest.mark.parametrize("value, expected", [(0, "0"), (999, "999"), (1234567, "1,234,567"), (2.5, "3"), (-1500, "-1,500")])
def test_integer(value, expected):
    assert fmt.integer(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(758000, "758,000"), (1_723_481, "1.7 million"), (2_000_000, "2 million"), (1_158_538, "1.2 million"), (3.4e9, "3.4 billion")],
)
def test_compact(value, expected):
    assert fmt.compact(value) == expected


def test_missing_values_are_refused_not_printed():
    for bad in (None, float("nan"), pd.NA):
        with pytest.raises(ValueError):
            fmt.integer(bad)


def test_dates():
    assert fmt.date(dt.date(2025, 10, 9)) == "9 October 2025"
    assert fmt.month("2024-06-30") == "June 2024"
    assert fmt.date_range("2025-10-18", "2025-10-19") == "18–19 October 2025"
    assert fmt.date_range("2024-06-30", "2024-07-01") == "30 June – 1 July 2024"
    assert fmt.date_range("2025-12-30", "2026-01-02") == "30 December 2025 – 2 January 2026"
    assert fmt.date_range("2025-10-18", pd.NaT) == "18 October 2025"
    assert fmt.as_of_line("2026-04-30") == "Data as of 30 April 2026."
    assert fmt.short_date("2026-02-27") == "27 Feb 2026"


def test_percent_and_decimal():
    assert fmt.percent(0.243) == "24%"
    assert fmt.decimal(3.14159, 2) == "3.14"


def test_claim_figure_keeps_the_claimants_wording():
    assert fmt.claim_figure(23) == "23"
    assert fmt.claim_figure(None, 25, 30) == "25–30"
    assert fmt.claim_figure(float("nan"), 200, None) == "at least 200"
    assert fmt.claim_figure(pd.NA, None, 12) == "up to 12"
    with pytest.raises(ValueError):
        fmt.claim_figure(None, None, None)


def test_claim_figure_as_a_share_keeps_the_sources_decimals():
    assert fmt.claim_figure(2.5, percent=True) == "2.5%"
    assert fmt.claim_figure(80.0, percent=True) == "80%"
    assert fmt.claim_figure(None, 21, 23, percent=True) == "21–23%"
    assert fmt.claim_figure(None, 25, None, percent=True) == "at least 25%"


def test_plot_value_never_overstates():
    assert fmt.plot_value(5, None, None) == (5.0, "exact")
    assert fmt.plot_value(None, 600000, None) == (600000.0, "at_least")
    assert fmt.plot_value(None, 25, 30) == (25.0, "range")
    assert fmt.plot_value(float("nan"), None, 66000) == (66000.0, "up_to")
    with pytest.raises(ValueError):
        fmt.plot_value(None, None, None)
