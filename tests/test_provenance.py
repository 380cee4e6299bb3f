"""Every table the chapters display links, on each row, the sources of the dataset row it shows.

Reads the tables as stored in the notebooks (strict nbval keeps those equal to a fresh run):
the rendered Markdown of each row is compared with the dataset, looked up by the row's key.
"""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from pakafg import load_dataset
from pakafg.cite import Citation
from pakafg.data import PROJECT_ROOT
from pakafg.tables import Table

CHAPTERS = sorted((PROJECT_ROOT / "chapters").glob("*.ipynb"))
LINK = re.compile(r"\]\(<([^>]+)>\)")


def table_outputs(path: Path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            markdown = "".join(output.get("data", {}).get("text/markdown", ""))
            if ":::{list-table}" in markdown:  # an unnumbered table has its caption in bold above
                yield markdown[markdown.index(":::{list-table}"):], output.get("metadata", {}).get("pakafg")


def body_rows(markdown: str) -> list[list[str]]:
    """The cells of a list-table, header row dropped."""
    rows: list[list[str]] = []
    for line in markdown.split("\n\n", 1)[1].splitlines():
        if line.startswith("* - "):
            rows.append([line[4:]])
        elif line.startswith("  - "):
            rows[-1].append(line[4:])
    return rows[1:]


def provenance_problems(markdown: str, meta: dict | None, data) -> list[str]:
    """Why a rendered table's links are not the sources of the rows it shows (empty if they are)."""
    rows = body_rows(markdown)
    if not any(LINK.search(cell) for row in rows for cell in row):
        return []
    if not meta or len(meta["provenance"]) != len(rows):
        return ["links without one provenance entry per row"]
    url_of = data["sources"].set_index("source_id")["url"]
    problems = []
    for row, provenance in zip(rows, meta["provenance"], strict=True):
        resource, *key = provenance["ref"]
        ids = data.row_sources(resource, key[0] if len(key) == 1 else tuple(key))
        shown = [url_of[i] for i in ids][: len(ids) - provenance["more"]]
        if provenance["urls"] != shown or LINK.findall(row[-1]) != shown:
            problems.append(f"{provenance['ref']}: shows {LINK.findall(row[-1])}, its sources are {shown}")
        if any(LINK.search(cell) for cell in row[:-1]):
            problems.append(f"{provenance['ref']}: a link outside the Source column")
    return problems


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def test_the_chapters_display_cited_tables():
    assert sum(1 for path in CHAPTERS for _, meta in table_outputs(path) if meta) >= 15


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_linked_row_shows_its_own_sources(path, data):
    for markdown, meta in table_outputs(path):
        assert provenance_problems(markdown, meta, data) == [], f"{path.name}: {markdown.splitlines()[0]}"


def test_the_check_catches_a_table_whose_links_were_attached_by_position(data):
    claims = data["claims"].head(3)
    frame = pd.DataFrame({"claim_id": claims["claim_id"], "Claimant": claims["claimant"]})
    table = Table(frame, "t", cite=Citation(data, "claims"))
    bundle, metadata = table._repr_mimebundle_()
    meta = metadata["pakafg"]
    assert provenance_problems(bundle["text/markdown"], meta, data) == []
    # The old fault: a Source list built from unsorted rows, attached to sorted ones.
    first, second = table.cells[0][-1], table.cells[1][-1]
    table.cells[0][-1], table.cells[1][-1] = second, first
    tampered = table._repr_markdown_()
    if first != second:
        assert provenance_problems(tampered, meta, data)
    # And a table that links sources but carries no provenance at all.
    assert provenance_problems(tampered, None, data) == ["links without one provenance entry per row"]


def test_the_landing_page_key_numbers_rest_on_an_original_or_a_wire(data):
    """A headline figure must be checkable at its origin: each row cites an official page or a news agency."""
    tier_of = data["sources"].set_index("source_id")["tier"]
    tables = [meta for markdown, meta in table_outputs(PROJECT_ROOT / "chapters" / "intro.ipynb")
              if "Key numbers" in markdown.splitlines()[0]]
    assert len(tables) == 1 and tables[0]["provenance"]
    for row in tables[0]["provenance"]:
        resource, *key = row["ref"]
        tiers = {tier_of[i] for i in data.row_sources(resource, key[0] if len(key) == 1 else tuple(key))}
        assert tiers & {"primary_official", "wire"}, f"{row['ref']} rests only on {sorted(tiers)}"
