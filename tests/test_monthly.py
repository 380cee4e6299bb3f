"""Monthly militancy figures: one per month, the producer's own report first, gaps kept as gaps."""

import pandas as pd
import pytest

from pakafg import conflict


def militancy():
    rows = [
        ("2024-01-01", "2024-01-31", "picss", "attacks", 93, "own_report", "s1"),
        ("2024-01-01", "2024-01-31", "picss", "attacks", 90, "later_revision", "s2"),
        ("2024-03-01", "2024-03-31", "picss", "attacks", 56, "later_revision", "s3"),
        ("2024-01-01", "2024-03-31", "picss", "attacks", 240, "own_report", "s4"),   # a quarter: not a month
        ("2024-04-01", "2024-04-30", "picss", "attacks", 70, "interim", "s5"),       # interim: left out
        ("2024-02-01", "2024-02-29", "crss", "attacks", 11, "own_report", "s6"),     # another producer
    ]
    frame = pd.DataFrame(rows, columns=["period_start", "period_end", "producer_id", "metric", "value", "vintage",
                                        "source_id"])
    frame[["period_start", "period_end"]] = frame[["period_start", "period_end"]].apply(pd.to_datetime)
    return frame.assign(region="Pakistan")


def test_one_row_per_month_with_gaps_as_missing_values():
    series = conflict.monthly_series(militancy(), "picss", "attacks", end="2024-05-15")
    assert list(series["month"].dt.strftime("%Y-%m")) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]
    assert list(series["value"].astype(object).where(series["value"].notna(), None)) == [93, None, 56, None, None]
    assert list(series["source_id"].fillna("")) == ["s1", "", "s3", "", ""]


def test_a_producer_without_monthly_figures_is_an_error():
    with pytest.raises(ValueError, match="no monthly deaths figures from picss"):
        conflict.monthly_series(militancy(), "picss", "deaths")


def test_a_monthly_mean_skips_gaps_and_refuses_an_empty_window():
    series = conflict.monthly_series(militancy(), "picss", "attacks", end="2024-05-15")
    assert conflict.monthly_mean(series, "2024-01-01", "2024-03-01") == (93 + 56) / 2
    with pytest.raises(ValueError, match="no monthly figure"):
        conflict.monthly_mean(series, "2024-04-01", "2024-05-01")
