"""Selections and summaries behind the border-conflict chapter.

Kept here, with tests, so the chapter's code cells stay short and each rule is stated once:
which events count as violence and who is said to have acted, how competing casualty claims
are grouped for side-by-side display, and how crossing closures add up to days closed.
"""

from __future__ import annotations

import pandas as pd

from . import charts, fmt
from .data import split_ids, vocabulary

# Event types the chapter treats as violence; their labels live in datapackage.json.
VIOLENCE_TYPES = ("air_strike", "clash", "militant_attack")
VIOLENCE_LABELS = {t: vocabulary("events", "event_type")[t] for t in VIOLENCE_TYPES}

# Who acted. Every air strike in the dataset is one that Afghan authorities or witnesses
# attribute to Pakistan (Pakistan denies some). Clashes are exchanges of fire whose start
# each side blames on the other, so no aggressor is coded. Militant attacks are credited
# to the TTP where the TTP (or a faction Pakistan treats as part of it) is among the actors.
ACTING_COLOURS = {
    "Pakistan": charts.colour("pakistan"),
    "Both forces": charts.OKABE_ITO["black"],
    "TTP": charts.colour("ttp"),
    "Other militant groups": charts.colour("other"),
}


def acting_side(event_type: str, actors: str) -> str:
    """Who acted in a violent event, by the rule above (one of ACTING_COLOURS)."""
    codes = {c.strip() for c in str(actors).split(";") if c.strip()}
    if event_type == "air_strike":
        return "Pakistan"
    if event_type == "clash":
        return "Both forces"
    if event_type == "militant_attack":
        return "TTP" if "TTP" in codes else "Other militant groups"
    raise ValueError(f"'{event_type}' is not a violent event type")

# Claim subjects grouped into the rows a reader compares, and the label each row gets.
SUBJECT_GROUPS = {
    "pakistani_soldiers": "Pakistani security forces killed",
    "pakistani_security_forces": "Pakistani security forces killed",
    "pakistani_security_personnel": "Pakistani security forces killed",
    "afghan_taliban_fighters": "Afghan forces and allied fighters killed",
    "afghan_taliban_and_affiliated_militants": "Afghan forces and allied fighters killed",
    "afghan_taliban_and_ttp_fighters": "Afghan forces and allied fighters killed",
    "civilians_afghanistan": "Civilians killed in Afghanistan",
}
KILLED_METRICS = ("killed", "militants_killed")

def violence_events(events: pd.DataFrame) -> pd.DataFrame:
    """Clashes, strikes and militant attacks, with a plain-language type and the acting side."""
    selected = events[events["event_type"].isin(VIOLENCE_TYPES)].copy()
    selected["kind"] = selected["event_type"].map(VIOLENCE_LABELS)
    selected["acting_side"] = [acting_side(t, a) for t, a in zip(selected["event_type"], selected["actors"], strict=True)]
    columns = ["event_id", "date_start", "date_end", "event_type", "kind", "acting_side", "place", "place_ids", "title",
               "source_ids"]
    return selected[columns].sort_values(["date_start", "event_id"]).reset_index(drop=True)


def episode_claims(claims: pd.DataFrame, episodes: dict[str, list[str]]) -> pd.DataFrame:
    """Every 'killed' claim about the grouped subjects for each episode, one row per claim.

    ``episodes`` maps a reader-facing episode label to the event ids it covers. Claims are
    never combined: each keeps its claimant, side, date and wording (``figure``).
    """
    rows = []
    for episode, event_ids in episodes.items():
        chosen = claims[
            claims["event_id"].isin(event_ids)
            & claims["metric"].isin(KILLED_METRICS)
            & claims["subject"].isin(list(SUBJECT_GROUPS))
        ]
        for _, claim in chosen.iterrows():
            rows.append(
                {
                    "episode": episode,
                    "what": SUBJECT_GROUPS[claim["subject"]],
                    "claimant": claim["claimant"],
                    "claimant_detail": claim["claimant_detail"],
                    "side": claim["claimant_side"],
                    "figure": fmt.claim_figure(claim["value"], claim["value_low"], claim["value_high"]),
                    "plotted": fmt.plot_value(claim["value"], claim["value_low"], claim["value_high"])[0],
                    "as_of": claim["as_of"],
                    "claim_id": claim["claim_id"],
                    "source_ids": claim["source_ids"],
                }
            )
    frame = pd.DataFrame(rows)
    if frame.empty:
        raise ValueError("no claims matched the episodes given")
    return frame.sort_values(["episode", "what", "side", "as_of", "plotted"]).reset_index(drop=True)


def closure_spans(closures: pd.DataFrame, as_of) -> pd.DataFrame:
    """Each closure with its status, the last day it is known to have lasted, and its scope.

    * reopened: has an end date; known to have lasted until then.
    * still closed: no end date but a ``last_reported_closed`` date; known to have lasted
      until that date. What happened between then and the as-of date is not reported.
    * end not reported: neither; only its first day is known, so no length is invented.

    ``partial`` marks closures limited in scope (the crossing names the scope in brackets,
    e.g. "(pedestrian movement)"), which are not counted as days closed.
    """
    spans = closures.copy()
    still = spans["end"].isna() & spans["last_reported_closed"].notna()
    unknown = spans["end"].isna() & spans["last_reported_closed"].isna()
    spans["status"] = "reopened"
    spans.loc[still, "status"] = "still closed"
    spans.loc[unknown, "status"] = "end not reported"
    spans["known_until"] = spans["end"]
    spans.loc[still, "known_until"] = spans.loc[still, "last_reported_closed"]
    spans.loc[unknown, "known_until"] = spans.loc[unknown, "start"]
    spans["partial"] = spans["crossing"].str.contains(r"\(", regex=True)
    spans["as_of"] = pd.Timestamp(as_of)
    return spans


def days_closed_by_year(spans: pd.DataFrame) -> pd.DataFrame:
    """Days each crossing is known to have been fully closed in each year, overlaps counted once.

    Closures whose end was not reported and partial closures are left out; a closure that
    is still open counts up to the last date a source reported it closed.
    """
    known = spans[(spans["status"] != "end not reported") & ~spans["partial"]]
    days = []
    for place_id, group in known.groupby("place_id"):
        covered = set()
        for _, row in group.iterrows():
            covered.update(pd.date_range(row["start"], row["known_until"], freq="D"))
        for day in covered:
            days.append({"place_id": place_id, "year": day.year})
    counted = pd.DataFrame(days, columns=["place_id", "year"])
    return counted.groupby(["place_id", "year"]).size().rename("days_closed").reset_index()


def latest_per_claimant(frame: pd.DataFrame) -> pd.DataFrame:
    """For a chart: each claimant's latest figure per episode and row (a running tally shows once)."""
    ordered = frame.sort_values(["as_of", "plotted"])
    return ordered.groupby(["episode", "what", "claimant"], as_index=False).last()


VINTAGE_PREFERENCE = ["own_report", "later_revision", "press_variant"]


def annual_series(militancy: pd.DataFrame, region: str = "Pakistan") -> pd.DataFrame:
    """One figure per producer, metric and calendar year, never mixing producers.

    Only full calendar years count. Within a producer's year, the figure from its own report
    for that year wins; a later restatement is used only where that report was not found, and
    a press rendering only where neither was. Interim and part-year figures are left out.
    """
    full_year = (
        (militancy["period_start"].dt.strftime("%m-%d") == "01-01")
        & (militancy["period_end"].dt.strftime("%m-%d") == "12-31")
        & (militancy["period_start"].dt.year == militancy["period_end"].dt.year)
        & (militancy["region"] == region)
        & militancy["vintage"].isin(VINTAGE_PREFERENCE)
    )
    rows = militancy[full_year].assign(
        year=lambda f: f["period_start"].dt.year,
        rank=lambda f: f["vintage"].map(VINTAGE_PREFERENCE.index),
    )
    best = (rows.sort_values(["producer_id", "metric", "year", "rank"])
            .groupby(["producer_id", "metric", "year"], as_index=False).first())
    return best[["producer_id", "producer", "producer_short", "metric", "year", "value", "vintage", "definition", "source_id"]]


def monthly_series(militancy: pd.DataFrame, producer_id: str, metric: str, *, region: str = "Pakistan",
                   start=None, end=None) -> pd.DataFrame:
    """One producer's monthly figure for one metric, every month from ``start`` to ``end``.

    Columns out: ``month`` (first day), ``value`` (Float64; missing where no figure for that
    month was found, so a chart shows a gap rather than a zero), ``vintage``, ``source_id``.
    Only rows covering exactly one calendar month count. The producer's own report for the
    month wins over a later restatement, which wins over a press rendering; interim rows are
    left out. ``start`` and ``end`` default to the first and last month with a figure.
    """
    rows = militancy[(militancy["producer_id"] == producer_id) & (militancy["metric"] == metric)
                     & (militancy["region"] == region) & militancy["vintage"].isin(VINTAGE_PREFERENCE)]
    one_month = ((rows["period_start"].dt.day == 1) & rows["period_end"].dt.is_month_end
                 & (rows["period_start"].dt.to_period("M") == rows["period_end"].dt.to_period("M")))
    rows = rows[one_month].assign(month=lambda f: f["period_start"],
                                  rank=lambda f: f["vintage"].map(VINTAGE_PREFERENCE.index))
    best = rows.sort_values(["month", "rank"]).groupby("month", as_index=False).first()
    if best.empty:
        raise ValueError(f"no monthly {metric} figures from {producer_id} in {region}")
    months = pd.date_range(pd.Timestamp(start or best["month"].min()).to_period("M").to_timestamp(),
                           pd.Timestamp(end or best["month"].max()).to_period("M").to_timestamp(), freq="MS")
    frame = pd.DataFrame({"month": months}).merge(best[["month", "value", "vintage", "source_id"]], on="month",
                                                  how="left", validate="one_to_one")
    return frame.astype({"value": "Float64"})


TOLL_METRICS = ("killed", "injured")


def incident_tolls(claims: pd.DataFrame, incidents: dict[str, str], subjects: tuple[str, ...]) -> pd.DataFrame:
    """Every killed or injured figure given for each incident, one row per claim, never combined.

    ``incidents`` maps a reader-facing label to one event id; only claims about ``subjects``
    count (so a toll of civilians is not listed beside a count of fighters). Columns out:
    ``incident``, ``claimant`` (with the person the source names), ``side``, ``as_of``, ``toll``
    (e.g. "at least 143 killed"), ``metric``, ``claim_id``. Rows keep the order of
    ``incidents``, then killed before injured, then date. Raises ValueError when an incident
    has no such claim.
    """
    frames = []
    for label, event_id in incidents.items():
        chosen = claims[(claims["event_id"] == event_id) & claims["metric"].isin(TOLL_METRICS)
                        & claims["subject"].isin(subjects)]
        if chosen.empty:
            raise ValueError(f"no killed or injured claims for {label} ({event_id})")
        frames.append(pd.DataFrame({
            "incident": label,
            "claimant": [fmt.who(n, d) for n, d in zip(chosen["claimant"], chosen["claimant_detail"], strict=True)],
            "side": chosen["claimant_side"],
            "as_of": chosen["as_of"],
            "toll": [f"{fmt.claim_figure(v, lo, hi)} {m}" for v, lo, hi, m
                     in zip(chosen["value"], chosen["value_low"], chosen["value_high"], chosen["metric"], strict=True)],
            "metric": chosen["metric"],
            "claim_id": chosen["claim_id"],
        }).sort_values(["metric", "as_of", "claim_id"], key=lambda s: s.map(TOLL_METRICS.index) if s.name == "metric" else s))
    return pd.concat(frames, ignore_index=True)


def event_sites(violence: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per violent event and place it names (an event on three provinces gives three rows).

    Columns in: ``violence`` from :func:`violence_events`; ``places`` the gazetteer. Columns out:
    the event's columns, ``place_id``, ``name``, ``lat``, ``lon`` (empty where the place has no
    citable coordinates). Events that name no place are left out.
    """
    named = violence.assign(place_id=violence["place_ids"].fillna("").map(split_ids)).explode("place_id")
    named = named[named["place_id"].notna()]
    return named.merge(places[["place_id", "name", "lat", "lon"]], on="place_id", how="left", validate="many_to_one")


def monthly_mean(monthly: pd.DataFrame, start: str, end: str) -> float:
    """Average of a :func:`monthly_series` over the months from ``start`` to ``end`` that have a figure.

    Months without a report are skipped, not counted as zero. Raises ValueError when no month in
    the window has a figure.
    """
    window = monthly[(monthly["month"] >= pd.Timestamp(start)) & (monthly["month"] <= pd.Timestamp(end))]["value"]
    if window.notna().sum() == 0:
        raise ValueError(f"no monthly figure between {start} and {end}")
    return float(window.mean())


def attacks_around_talks(militancy: pd.DataFrame, as_of) -> dict[str, float]:
    """PICSS monthly attacks: the first year after August 2021, the year before the October 2025
    ceasefire, and the months of the bilateral talks (October 2025 to the last month with a figure).

    Keys: ``first_year``, ``before_talks``, ``during_talks``. The windows are the report's, stated
    in the border-conflict chapter where the averages are shown.
    """
    last_full_month = (pd.Timestamp(as_of).to_period("M") - 1).to_timestamp()
    monthly = monthly_series(militancy, "picss", "attacks", start="2021-08-01", end=last_full_month)
    return {"first_year": monthly_mean(monthly, "2021-08-01", "2022-07-01"),
            "before_talks": monthly_mean(monthly, "2024-10-01", "2025-09-01"),
            "during_talks": monthly_mean(monthly, "2025-10-01", last_full_month)}


def days_closed_table(spans: pd.DataFrame, as_of) -> pd.DataFrame:
    """Days closed per crossing and year, worded so a closure still in force never reads as zero.

    Columns in: ``spans`` from :func:`closure_spans` plus ``name``. Columns out: ``Crossing`` and
    one column per year up to the as-of year, each a text cell: the days known closed; with
    "still shut at last report" added in the year of the last dated report of a closure still in
    force; "still shut, days not reported" in later years, where no source dates the closure.
    """
    days = days_closed_by_year(spans)
    years = list(range(int(days["year"].min()), pd.Timestamp(as_of).year + 1))
    names = spans.drop_duplicates("place_id").set_index("place_id")["name"]
    ongoing = spans[(spans["status"] == "still closed") & ~spans["partial"]].groupby("place_id")["known_until"].max()
    counted = days.set_index(["place_id", "year"])["days_closed"]
    rows = []
    for place_id in sorted(set(days["place_id"]) | set(ongoing.index), key=lambda p: names[p]):
        row = {"Crossing": names[place_id]}
        for year in years:
            known = int(counted.get((place_id, year), 0))
            text = fmt.integer(known)
            if place_id in ongoing.index and year == ongoing[place_id].year:
                text = f"{text}; still shut at last report"
            elif place_id in ongoing.index and year > ongoing[place_id].year:
                text = "still shut, days not reported"
            row[str(year)] = text
        rows.append(row)
    return pd.DataFrame(rows)
