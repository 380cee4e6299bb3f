import datetime as dt

import pandas as pd
import pytest

from pakafg import fmt


@pytest.mark.parametrize("value, expected", [(0, "0"), (999, "999"), (1234567, "1,234,567"), (2.5, "3"), (-1500, "-1,500")])
def test_integer(value, expected):
    assert fmt.integer(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(758000, "758,000"), (1_723_481, "1.7 million"), (2_000_000, "2 million"), (1_158_538, "1.2 million"),
     (3.4e9, "3.4 billion")],
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


@pytest.mark.parametrize("value, expected", [(999_950_000, "1 billion"), (999_400, "999,400"), (999_999.6, "1 million"),
                                             (1_050_000_000, "1.1 billion"), (-1_500_000, "-1.5 million")])
def test_compact_chooses_the_unit_after_rounding(value, expected):
    assert fmt.compact(value) == expected


@pytest.mark.parametrize("share, expected", [(0.125, "13%"), (0.245, "25%"), (0.005, "1%"), (0.015, "2%")])
def test_percent_rounds_like_integer(share, expected):
    assert fmt.percent(share) == expected
    assert fmt.integer(share * 100) == expected.rstrip("%")


def test_claim_figures_are_never_rounded():
    assert fmt.claim_figure(12.5) == "12.5"
    assert fmt.claim_figure(None, 1.25, 3) == "1.25–3"
    assert fmt.as_given(1_234_567) == "1,234,567"


@pytest.mark.parametrize("bad", [None, pd.NaT, pd.NA, float("nan")])
def test_missing_dates_raise_a_clear_error(bad):
    for formatter in (fmt.date, fmt.month, fmt.short_date):
        with pytest.raises(ValueError, match="missing date"):
            formatter(bad)


def test_non_finite_numbers_are_refused():
    with pytest.raises(ValueError):
        fmt.integer(float("inf"))


def test_who_adds_the_detail_only_when_given():
    assert fmt.who("UNHCR", "spokesman Qaiser Khan Afridi") == "UNHCR (spokesman Qaiser Khan Afridi)"
    assert fmt.who("UNHCR", None) == fmt.who("UNHCR", pd.NA) == "UNHCR"
