"""The drivers chapter's evidence tables and the outlook's indicators.

Evidence rows come from ``data/drivers.csv`` (one attributed fact or claim per row, with who
disputes it); indicators are computed from the dataset, so their latest readings cannot
drift from the charts that track them.
"""

from __future__ import annotations

import pandas as pd

from . import conflict, fmt, refugees, talks
from .cite import Citation
from .data import Dataset
from .tables import Table
from .text import Markup


def evidence(data: Dataset, driver: str) -> Table:
    """The evidence for one driver as a cited table, in the order of the evidence file.

    That order keeps related points together (a report, then what it said next); the date shown
    is the day of the statement, or a dash where the point itself names only a month. Columns
    shown: Date, What (the point, which names who says it), Disputed by, Sources. Raises KeyError
    for an unknown driver.
    """
    labels = data.labels("drivers", "driver")
    if driver not in labels:
        raise KeyError(f"unknown driver '{driver}'; drivers are {', '.join(labels)}")
    rows = data["drivers"][data["drivers"]["driver"] == driver].sort_values("evidence_id")
    frame = pd.DataFrame({
        "evidence_id": rows["evidence_id"],
        "Date": rows["date"].map(lambda d: fmt.short_date(d) if pd.notna(d) else None),
        "What": rows["point"],
        "Disputed by": rows["disputed_by"],
    })
    return Table(frame, f"Evidence: {labels[driver]}", name=f"table-drivers-{driver.replace('_', '-')}",
                 widths=[11, 53, 20, 16], cite=Citation(data, "drivers", header="Sources", limit=2))


def _where(figure: str, what: str) -> Markup:
    """A reference to the figure or table that tracks an indicator (names are fixed strings of this module)."""
    return Markup(f"{{numref}}`{figure}` ({what})")


def indicators(data: Dataset) -> pd.DataFrame:
    """What to watch: each indicator with its latest reading in the dataset and what a change would signal.

    Columns out: Indicator, Latest reading (computed from the data), What a change would signal,
    Tracked in (a reference to a figure). Raises if the data behind a reading is missing.
    """
    monthly = conflict.monthly_series(data["militancy"], "picss", "attacks")
    last = monthly.dropna(subset=["value"]).iloc[-1]
    spans = conflict.closure_spans(data["closures"], data.as_of)
    still = spans[spans["status"] == "still closed"]
    rounds = data["talks_rounds"].sort_values("date_start")
    last_round = rounds.iloc[-1]
    promises = talks.distinct_commitments(data["commitments"], talks.rounds_frame(data["talks_rounds"]))
    un = refugees.headline_returns(data)
    claims = data["claims"].set_index("claim_id")
    unama = claims.loc["WC098"]
    rows = [
        ("Militant attacks in Pakistan per month (PICSS)",
         f"{fmt.integer(last['value'])} in {fmt.month(last['month'])}",
         "A sustained fall would be the first sign that Kabul restrains the TTP; a rise, or a mass-casualty "
         "attack traced to Afghanistan, is the likeliest trigger of new Pakistani strikes.",
         _where("fig-militancy-monthly", "monthly attacks")),
        ("Torkham and Chaman open to trade",
         f"shut to trade since {fmt.date(still['start'].min())}; last reported shut "
         f"{fmt.date(still['last_reported_closed'].max())}",
         "Pakistan links reopening to assurances on militants; a reopening would mean it judged them credible.",
         _where("fig-closures", "closures")),
        ("A date for the next round of talks",
         f"last round: {last_round['short_name']}, {fmt.date_range(last_round['date_start'], last_round['date_end'])}; "
         "no next date announced",
         "A fixed next round would turn China's channel into a process; none announced means talks by crisis.",
         _where("fig-talks-violence", "rounds and violence")),
        ("A written commitment and a monitoring mechanism",
         f"{fmt.integer((promises['status'] == 'broken').sum())} of {fmt.integer(len(promises))} "
         "distinct commitments were broken; the mechanism agreed in Istanbul was never set up",
         "Pakistan asks for written, verifiable guarantees; a signed text with a working mechanism would be the "
         "clearest break from the pattern of broken promises.",
         _where("fig-commitments", "commitments")),
        ("Returns from Pakistan and new deadlines",
         f"{refugees.worded(un['value'], un['qualifier'], compact=True)} returns counted by the UN by "
         f"{fmt.date(un['period_end'])} (the latest count on a UN page or a wire; later ones only in the press)",
         "New deadlines or a surge in deportations during talks would show refugees still used as pressure.",
         _where("fig-returns", "returns")),
        ("Civilian harm in Afghanistan counted by the UN",
         f"UNAMA: {fmt.row_figure(unama)} killed from 26 Feb to {fmt.date(unama['as_of'])}",
         "Strikes on cities and a rising UN count raise the pressure on Pakistan and the odds of Afghan retaliation.",
         _where("fig-war-of-claims", "claims of the dead")),
    ]
    return pd.DataFrame(rows, columns=["Indicator", "Latest reading", "What a change would signal", "Tracked in"])
