"""Citations are found by key: the label is publisher and date (or title), the URL the source's own."""

import pandas as pd
import pytest

from pakafg import load_dataset
from pakafg.cite import COPY_MARK, Citation
from pakafg.data import split_ids


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def test_links_name_publisher_and_date(data):
    claim = data["claims"].set_index("claim_id").loc["WC072"]
    sources = data["sources"].set_index("source_id").loc[split_ids(claim["source_ids"])]
    pairs, more = Citation(data, "claims").links(pd.Series({"claim_id": "WC072"}))
    assert more == 0
    assert pairs == [(f"{s['publisher']}, {s['published'].day} {s['published']:%b %Y}"
                      + (COPY_MARK if s["tier"] == "aggregator" else ""), s["url"]) for _, s in sources.iterrows()]


def test_copies_on_aggregators_are_marked(data):
    sources = data["sources"]
    copy = sources[sources["tier"] == "aggregator"].iloc[0]
    pairs, _ = Citation(data, "sources").links(pd.Series({"source_id": copy["source_id"]}))
    assert pairs[0][0].endswith(COPY_MARK)
    original = sources[sources["tier"] == "primary_official"].iloc[0]
    pairs, _ = Citation(data, "sources").links(pd.Series({"source_id": original["source_id"]}))
    assert not pairs[0][0].endswith(COPY_MARK)


def test_undated_sources_say_so(data):
    undated = data["sources"][data["sources"]["published"].isna()].iloc[0]
    pairs, _ = Citation(data, "sources").links(pd.Series({"source_id": undated["source_id"]}))
    assert pairs[0][0].endswith(", undated")


def test_title_labels(data):
    source = data["sources"].iloc[0]
    pairs, _ = Citation(data, "sources", label="title").links(pd.Series({"source_id": source["source_id"]}))
    assert pairs == [(source["title"], source["url"])]


def test_composite_keys(data):
    trade = data["trade"].iloc[0]
    row = pd.Series({"period_label": trade["period_label"], "flow": trade["flow"], "producer_id": trade["producer_id"]})
    assert Citation(data, "trade").source_ids(row) == [trade["source_id"]]


def test_bad_label_kind_is_refused(data):
    with pytest.raises(ValueError):
        Citation(data, "claims", label="url")
