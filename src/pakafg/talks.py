"""Helpers for the talks chapter: rounds, commitments and the violence around them.

* :func:`short_text` shortens the long curated cells for tables.
* :func:`violence_frame` selects clashes, air strikes and militant attacks as a timeline frame.
* :func:`rounds_frame` gives each round a last day and a short label.
* :func:`violence_around_rounds` counts fighting in the N days before and after each round.
* :func:`ordered_counts` counts a categorical column in a fixed order, keeping zeros.
"""

from __future__ import annotations

import pandas as pd

from . import conflict
from .data import vocabulary

VIOLENCE_TYPES = conflict.VIOLENCE_TYPES
TRACK_LABELS = vocabulary("talks_rounds", "track")
STATUS_LABELS = vocabulary("commitments", "status")  # in display order, kept to broken
STATUS_ORDER = tuple(STATUS_LABELS)
VERDICT_ORDER = tuple(vocabulary("seed_claims", "verdict"))


def short_text(text: str, limit: int = 60) -> str:
    """A table-sized version of a curated cell.

    Drops a bracketed gloss (' (with ...)'), turns ';' lists into ', ' lists, and if the
    rest is still longer than ``limit`` keeps only its first clause (up to ';' or '. ').
    """
    text = str(text).split(" (")[0].strip()
    if len(text) > limit:
        for stop in (";", ". "):
            if stop in text:
                text = text.split(stop)[0].strip()
                break
    text = text.rstrip(".")
    return ", ".join(part.strip() for part in text.split(";") if part.strip())


def violence_frame(events: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """Clashes, air strikes and militant attacks as a timeline frame.

    Who acted follows the report's one rule (:func:`pakafg.conflict.acting_side`).
    Columns: event_id, date_start, date_end (the start date for one-day events),
    event_type, type_label, side, title. Optional ``start``/``end`` keep events that
    overlap the period. Sorted by date, then id.
    """
    frame = conflict.violence_events(events).rename(columns={"acting_side": "side"})
    frame["date_end"] = frame["date_end"].fillna(frame["date_start"])
    if start is not None:
        frame = frame[frame["date_end"] >= pd.Timestamp(start)]
    if end is not None:
        frame = frame[frame["date_start"] <= pd.Timestamp(end)]
    frame["type_label"] = frame["event_type"].map(conflict.VIOLENCE_LABELS)
    columns = ["event_id", "date_start", "date_end", "event_type", "type_label", "side", "title"]
    return frame[columns].reset_index(drop=True)


def rounds_frame(rounds: pd.DataFrame) -> pd.DataFrame:
    """Rounds sorted by date, with date_end filled for one-day rounds; ``label`` is the short name."""
    frame = rounds.copy()
    frame["date_end"] = frame["date_end"].fillna(frame["date_start"])
    frame["label"] = frame["short_name"]
    frame["track_label"] = frame["track"].map(TRACK_LABELS)
    return frame.sort_values(["date_start", "round_id"]).reset_index(drop=True)


def violence_around_rounds(rounds: pd.DataFrame, violence: pd.DataFrame, days: int, as_of) -> pd.DataFrame:
    """Count fighting events in the ``days`` days before each round began and after it ended.

    An event counts 'before' if it started in [start - days, start - 1] and 'after' if it
    started in [end + 1, end + days]; events during the round are counted apart. State
    violence is air strikes plus clashes; militant attacks are counted separately. The
    'after' window is cut at ``as_of``: ``days_after_observed`` says how many days it holds.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    as_of = pd.Timestamp(as_of)
    state = violence["event_type"].isin(["air_strike", "clash"])
    rows = []
    for _, r in rounds_frame(rounds).iterrows():
        start, end = r["date_start"], r["date_end"]
        window = pd.Timedelta(days=days)
        before = (violence["date_start"] >= start - window) & (violence["date_start"] < start)
        during = (violence["date_start"] >= start) & (violence["date_start"] <= end)
        after = (violence["date_start"] > end) & (violence["date_start"] <= end + window)
        rows.append({
            "round_id": r["round_id"],
            "label": r["label"],
            "date_start": start,
            "date_end": end,
            "state_before": int((before & state).sum()),
            "state_during": int((during & state).sum()),
            "state_after": int((after & state).sum()),
            "militant_before": int((before & ~state).sum()),
            "militant_during": int((during & ~state).sum()),
            "militant_after": int((after & ~state).sum()),
            "days_after_observed": int(max(0, min(days, (as_of - end).days))),
        })
    return pd.DataFrame(rows)


def ordered_counts(values: pd.Series, order) -> pd.Series:
    """Counts of each category in ``order`` (zeros kept); unknown categories raise."""
    unknown = set(values.dropna()) - set(order)
    if unknown:
        raise ValueError(f"categories not in the expected order list: {sorted(unknown)}")
    return values.value_counts().reindex(list(order), fill_value=0).astype(int)


def distinct_commitments(commitments: pd.DataFrame, rounds: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct commitment: a promise restated at later rounds counts once.

    Reads commitments (commitment_id, round_id, commitment, restates, status, status_date,
    evidence) and rounds (round_id, label, date_start). Columns out: commitment_id (the first
    statement's), commitment (its wording), rounds (where it was made, then each restatement),
    restated (how many times), latest_id, status, status_date and evidence (all from the statement
    with the latest evidence, whose fate is the commitment's: the Doha ceasefire, last restated
    in Riyadh, was broken for good when open war began). Raises ValueError when a commitment
    restates one that is not in the table, or restates one made at a later round.
    """
    start = rounds.set_index("round_id")["date_start"]
    label = rounds.set_index("round_id")["label"]
    original = commitments["restates"].fillna(commitments["commitment_id"])
    unknown = set(original) - set(commitments["commitment_id"])
    if unknown:
        raise ValueError(f"commitments restate unknown commitments: {sorted(unknown)}")
    when = commitments["round_id"].map(start)
    first_when = original.map(dict(zip(commitments["commitment_id"], when, strict=True)))
    if (when < first_when).any():
        raise ValueError("a commitment restates one made at a later round")
    rows = []
    for first_id, family in commitments.assign(_when=when).groupby(original, sort=True):
        family = family.sort_values("_when")
        first = family.iloc[0]
        latest = family.sort_values(["status_date", "_when"]).iloc[-1]
        rows.append({"commitment_id": first_id, "commitment": first["commitment"],
                     "rounds": "; ".join(label[r] for r in family["round_id"]), "restated": len(family) - 1,
                     "latest_id": latest["commitment_id"], "status": latest["status"],
                     "status_date": latest["status_date"], "evidence": latest["evidence"]})
    return pd.DataFrame(rows)


def distinct_events_around(rounds: pd.DataFrame, violence: pd.DataFrame, days: int) -> dict[str, int]:
    """Distinct clashes and strikes in the ``days`` days before any of ``rounds`` began, and after any ended.

    Unlike summing :func:`violence_around_rounds` over rounds, an event that falls before two
    rounds close together counts once. Keys: ``before``, ``after``.
    """
    state = violence[violence["event_type"].isin(["air_strike", "clash"])]
    window = pd.Timedelta(days=days)
    before, after = set(), set()
    for _, r in rounds_frame(rounds).iterrows():
        starts = state["date_start"]
        before |= set(state.loc[(starts >= r["date_start"] - window) & (starts < r["date_start"]), "event_id"])
        after |= set(state.loc[(starts > r["date_end"]) & (starts <= r["date_end"] + window), "event_id"])
    return {"before": len(before), "after": len(after)}
