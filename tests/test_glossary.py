"""The glossary renders every term as a linkable entry, with data text escaped and sources linked by key."""

import pandas as pd
import pytest

from pakafg import load_dataset
from pakafg.glossary import Glossary, term_role


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def frame(**overrides):
    row = {"term": "TTP", "definition": "Tehrik-e-Taliban Pakistan.", "related": None,
           "source_ids": None}
    row.update(overrides)
    return pd.DataFrame([row])


def test_every_term_of_the_dataset_becomes_an_entry(data):
    text = Glossary(data["glossary"], data)._repr_markdown_()
    assert text.startswith(":::{glossary}\n") and text.endswith(":::\n")
    for term in data["glossary"]["term"]:
        assert f"\n{term}\n  " in text


def test_definitions_are_escaped_and_cannot_open_a_directive(data):
    glossary = Glossary(data["glossary"].head(1).assign(definition="```{include} /etc/passwd``` and {term}`x`"), data)
    entry = glossary._repr_markdown_()
    assert "```{include}" not in entry and "{term}`x`" not in entry
    assert "\\`\\`\\`\\{include\\}" in entry


def test_pointer_entries_and_see_also_link_by_term(data):
    glossary = data["glossary"].set_index("term")
    text = Glossary(data["glossary"], data)._repr_markdown_()
    assert "Afghan Citizen Card\n  See {term}`ACC`." in text
    assert "See also {term}`NADRA`" in text
    assert glossary.loc["ACC", "source_ids"].split(";")[0]  # cited, and linked below
    assert "Sources: [IOM Pakistan" in text


def test_a_term_that_could_break_the_directive_is_refused():
    with pytest.raises(ValueError, match="not a glossary term"):
        term_role("TTP`}")
    with pytest.raises(ValueError, match="not a glossary term"):
        term_role(":::")
