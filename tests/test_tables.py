import pandas as pd
import pytest

from pakafg.tables import Table, escape_markdown


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


def test_markdown_columns_are_left_as_markup():
    frame = pd.DataFrame({"Source": ["[Dawn](https://www.dawn.com/)"]})
    text = Table(frame, "t", markdown_columns=["Source"])._repr_markdown_()
    assert "* - [Dawn](https://www.dawn.com/)" in text


def test_html_is_escaped_table():
    html = Table(pd.DataFrame({"a": ["<b>x</b>"]}), "Cap & more")._repr_html_()
    assert html.startswith('<table class="pakafg-table"><caption>Cap &amp; more</caption>')
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_formats_apply_per_column():
    text = Table(pd.DataFrame({"n": [1234567]}), "t", formats={"n": lambda v: f"{v:,}"})._repr_markdown_()
    assert "* - 1,234,567" in text


def test_empty_table_is_refused():
    with pytest.raises(ValueError, match="no rows"):
        Table(pd.DataFrame({"a": []}), "Nothing")


def test_widths_must_match_columns():
    with pytest.raises(ValueError, match="widths"):
        Table(sample(), "t", widths=[50, 50])


@pytest.mark.parametrize("raw, escaped", [("1. first", "1\\. first"), ("- dash", "\\- dash"), ("a|b", "a\\|b"), ("x\ny", "x y")])
def test_escape_markdown_block_markers(raw, escaped):
    assert escape_markdown(raw) == escaped
