import pandas as pd
import pytest

from pakafg import load_dataset
from pakafg.cite import Citation
from pakafg.data import split_ids
from pakafg.tables import Table
from pakafg.text import download_role


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def sample():
    return pd.DataFrame({"Claimant": ["ISPR", "Afghan MoD"], "Killed": [23, 58], "Note": ["*said* 23", None]})


def test_markdown_is_a_myst_list_table_with_caption_and_header():
    text = Table(sample(), "Who claims what", name="tbl-claims", widths=[40, 20, 40])._repr_markdown_()
    lines = text.splitlines()
    assert lines[0] == ":::{list-table} Who claims what"
    assert ":header-rows: 1" in lines and ":widths: 40 20 40" in lines and ":name: tbl-claims" in lines
    assert lines[-1] == ":::"
    assert "* - Claimant" in lines and "  - Killed" in lines
    assert "* - ISPR" in lines and "  - 23" in lines


def test_cells_are_escaped_and_missing_shown_as_dash():
    text = Table(sample(), "t")._repr_markdown_()
    assert "\\*said\\* 23" in text
    assert "  - –" in text


def test_a_cell_cannot_open_a_directive_or_role():
    frame = pd.DataFrame({"a": ["x\n```{raw} html\n<script>alert(1)</script>\n```", "{download}`/etc/passwd`"]})
    text = Table(frame, "t")._repr_markdown_()
    body = text.split(":class: longtable pakafg-table\n\n", 1)[1].rsplit("\n:::", 1)[0]
    assert "```" not in body.replace("\\`", "")
    assert "{download}" not in body and "<script>" not in body


def test_markup_built_by_the_package_is_kept():
    frame = pd.DataFrame({"Table": [download_role("events.csv", "../data/events.csv")]})
    text = Table(frame, "t")._repr_markdown_()
    assert "* - {download}`events.csv <../data/events.csv>`" in text


def test_html_is_escaped_table():
    html = Table(pd.DataFrame({"a": ["<b>x</b>"]}), "Cap & more")._repr_html_()
    assert html.startswith('<table class="pakafg-table"><caption>Cap &amp; more</caption>')
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_formats_apply_per_column():
    text = Table(pd.DataFrame({"n": [1234567]}), "t", formats={"n": lambda v: f"{v:,}"})._repr_markdown_()
    assert "* - 1\\,234\\,567" in text


def test_empty_table_is_refused():
    with pytest.raises(ValueError, match="no rows"):
        Table(pd.DataFrame({"a": []}), "Nothing")


def test_widths_must_match_columns():
    with pytest.raises(ValueError, match="widths"):
        Table(sample(), "t", widths=[50, 50])


def claims_frame(data, ids):
    claims = data["claims"].set_index("claim_id").loc[ids].reset_index()
    return pd.DataFrame({"claim_id": claims["claim_id"], "Claimant": claims["claimant"]})


def test_cited_rows_link_their_own_sources_whatever_the_order(data):
    claims = data["claims"]
    ids = list(claims["claim_id"].sample(25, random_state=3))
    frame = claims_frame(data, ids).sort_values("Claimant")  # reorder: the key travels with the row
    table = Table(frame, "t", cite=Citation(data, "claims"))
    url_of = data["sources"].set_index("source_id")["url"]
    sources_of = claims.set_index("claim_id")["source_ids"]
    for claim_id, cells, provenance in zip(frame["claim_id"], table.cells, table.provenance, strict=True):
        expected = [url_of[source_id] for source_id in split_ids(sources_of[claim_id])]
        assert provenance["ref"] == ["claims", claim_id]
        assert provenance["urls"] == expected
        assert all(f"(<{url}>)" in cells[-1] for url in expected)


def test_key_columns_are_hidden_and_source_column_added(data):
    table = Table(claims_frame(data, ["WC072"]), "t", cite=Citation(data, "claims", header="Sources"))
    assert table.columns == ["Claimant", "Sources"]


def test_citing_without_the_key_column_fails(data):
    with pytest.raises(ValueError, match="key column"):
        Table(pd.DataFrame({"Claimant": ["x"]}), "t", cite=Citation(data, "claims"))


def test_unknown_key_fails_loudly(data):
    with pytest.raises(KeyError, match="no row of claims"):
        Table(pd.DataFrame({"claim_id": ["NOPE1"]}), "t", cite=Citation(data, "claims"))


def test_mixed_tables_cite_by_reference_tuples(data):
    frame = pd.DataFrame({"What": ["refugees 2025", "a claim"],
                          "ref": [("refugee_population", 2025, "refugees"), ("claims", "WC072")]})
    table = Table(frame, "t", cite=Citation(data))
    assert [p["ref"] for p in table.provenance] == [["refugee_population", 2025, "refugees"], ["claims", "WC072"]]


def test_limit_shows_the_first_sources_and_counts_the_rest(data):
    events = data["events"]
    many = events[events["source_ids"].str.count(";") >= 2].iloc[0]
    table = Table(pd.DataFrame({"event_id": [many["event_id"]]}), "t", cite=Citation(data, "events", limit=1))
    assert table.provenance[0]["more"] == many["source_ids"].count(";")
    assert table.cells[0][-1].endswith(f"and {table.provenance[0]['more']} more")


def test_provenance_travels_in_the_output_metadata(data):
    table = Table(claims_frame(data, ["WC072"]), "t", cite=Citation(data, "claims"))
    bundle, metadata = table._repr_mimebundle_()
    assert set(bundle) == {"text/markdown", "text/html", "text/plain"}
    assert metadata["pakafg"]["provenance"] == table.provenance
    assert '<a href="' in bundle["text/html"]


def test_a_table_shown_in_one_edition_takes_no_number():
    frame = pd.DataFrame({"A": ["x"]})
    text = Table(frame, "Full list", numbered=False)._repr_markdown_()
    assert text.startswith("**Full list**\n\n:::{list-table}\n")
    with pytest.raises(ValueError, match="cannot be named"):
        Table(frame, "Full list", name="table-x", numbered=False)
