"""The real dataset: valid, referentially sound, and fit for the report's rules."""

import json

import pandas as pd
import pytest
from frictionless import Package

from pakafg import load_dataset
from pakafg.data import DATA_DIR


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def test_reference_validator_accepts_the_package():
    report = Package(str(DATA_DIR / "datapackage.json")).validate()
    errors = [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors]
    assert report.valid, errors[:20]


def test_every_csv_is_declared():
    declared = {r["path"] for r in json.loads((DATA_DIR / "datapackage.json").read_text())["resources"]}
    on_disk = {p.name for p in DATA_DIR.glob("*.csv")}
    assert on_disk == declared


# Tables of who and what, not of facts. (A glossary definition must cite its sources, which the
# package's own rule checks on load; an entry that only points to another term cites nothing.)
VOCABULARIES = ("sources", "actors", "glossary")


def test_every_row_outside_sources_cites_a_source(data):
    for name in data.names:
        if name in VOCABULARIES:
            continue
        frame = data[name]
        column = "source_ids" if "source_ids" in frame else "source_id"
        assert column in frame, f"{name} has no source column"
        assert frame[column].notna().all(), f"{name}: rows without a source"


def test_every_source_is_cited_somewhere(data):
    cited = set()
    for name in data.names:
        if name != "sources":
            cited |= data.source_ids_of(data[name])
    unused = set(data["sources"]["source_id"]) - cited
    assert not unused, f"sources never cited: {sorted(unused)[:10]}"


def latest_fact_date(data) -> pd.Timestamp:
    """The latest date any event, figure or status in the dataset refers to."""
    latest = pd.Timestamp.min
    for name in data.names:
        if name == "sources":
            continue
        for _, values in data[name].items():
            if pd.api.types.is_datetime64_any_dtype(values):
                latest = max(latest, values.max())
    return latest


def test_as_of_date_is_the_latest_fact(data):
    """The as-of date in datapackage.json is exactly the latest dated fact, so it cannot go stale."""
    assert pd.Timestamp(data.as_of) == latest_fact_date(data), (
        f"set pakafg:as_of in datapackage.json to {latest_fact_date(data):%Y-%m-%d}"
    )


def test_only_data_releases_postdate_the_as_of_date(data):
    sources = data["sources"]
    late = sources[(sources["published"] > pd.Timestamp(data.as_of)) & (sources["kind"] != "dataset")]
    assert late.empty, f"sources published after the as-of date: {list(late['source_id'])}"


def test_claims_name_who_claims(data):
    claims = data["claims"]
    assert claims["claimant"].notna().all() and claims["claimant_side"].notna().all()


def test_every_actor_is_referred_to(data):
    used = set()
    for name in ("claims", "population_by_status", "returns", "militancy", "trade"):
        frame = data[name]
        used |= set(frame["claimant_id" if "claimant_id" in frame else "producer_id"])
    assert set(data["actors"]["actor_id"]) == used


def test_talks_rounds_match_their_events(data):
    rounds, events = data["talks_rounds"], data["events"].set_index("event_id")
    missing = set(rounds["event_id"]) - set(events.index)
    assert not missing, f"rounds pointing at unknown events: {missing}"
    for _, row in rounds.iterrows():
        assert events.loc[row["event_id"], "date_start"] == row["date_start"], row["round_id"]


def test_unhcr_series_has_every_year_2000_2025(data):
    refugees = data["refugee_population"]
    years = set(refugees.loc[refugees["category"] == "refugees", "year"])
    assert set(range(2000, 2026)) <= years


def test_militancy_series_never_mix_producers(data):
    militancy = data["militancy"]
    # Within one producer's series, a period/metric has at most one figure per vintage and source.
    keys = militancy[["period_start", "period_end", "producer", "metric", "region", "vintage", "source_id"]]
    assert not keys.duplicated().any()
    for producer, rows in militancy.groupby("producer"):
        assert rows["definition"].str.len().gt(0).all(), f"{producer}: a figure without its definition"


def test_citing_rows_counts_every_citation_of_a_source(data):
    counts = data.citing_rows()
    assert (counts >= 1).all()  # every source is cited (see above)
    claim = data["claims"].iloc[0]
    first = claim["source_ids"].split(";")[0]
    by_hand = sum(first in str(cell).split(";") for name in data.names if name != "sources"
                  for column in ("source_id", "source_ids") if column in data[name] for cell in data[name][column].dropna())
    assert counts[first] == by_hand
