"""Mutation tests: each kind of bad input fails with file, line, column and reason."""

import csv
from pathlib import Path

import pytest

from pakafg.data import load_dataset, validate_directory
from pakafg.validate import DataValidationError


def rewrite(path: Path, edit) -> None:
    """Apply ``edit(rows)`` to a CSV (rows include the header) and write it back."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    def edit(rows):
        rows[line - 1][rows[0].index(column)] = value
    rewrite(path, edit)


def problems_for(directory: Path) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        validate_directory(directory)
    return [str(p) for p in caught.value.problems]


def test_bad_date_names_file_line_and_column(data_copy):
    set_cell(data_copy / "events.csv", 2, "date_start", "2025-02-30")
    messages = problems_for(data_copy)
    assert any(
        m.startswith("events.csv, line 2") and "column 'date_start'" in m and "not a real calendar date" in m
        for m in [m.replace(str(data_copy) + "/", "") for m in messages]
    ), messages


def test_date_in_wrong_format(data_copy):
    set_cell(data_copy / "events.csv", 3, "date_start", "19/10/2025")
    messages = problems_for(data_copy)
    assert any("line 3" in m and "date_start" in m and "YYYY-MM-DD" in m for m in messages), messages


def test_unknown_source_id(data_copy):
    set_cell(data_copy / "refugee_population.csv", 4, "source_id", "no-such-source")
    messages = problems_for(data_copy)
    assert any(
        "refugee_population.csv, line 4" in m and "source_id" in m and "'no-such-source' is not a known source_id in sources" in m
        for m in messages
    ), messages


def test_unknown_id_inside_a_source_list(data_copy):
    set_cell(data_copy / "events.csv", 2, "source_ids", "no-such-source")
    messages = problems_for(data_copy)
    assert any("events.csv, line 2" in m and "'no-such-source' is not a known source_id" in m for m in messages), messages


def test_value_of_wrong_type(data_copy):
    set_cell(data_copy / "refugee_population.csv", 2, "value", "1,490,562")
    messages = problems_for(data_copy)
    assert any("refugee_population.csv, line 2" in m and "column 'value'" in m and "not a whole number" in m
               for m in messages), messages


def test_negative_count(data_copy):
    set_cell(data_copy / "refugee_population.csv", 5, "value", "-10")
    messages = problems_for(data_copy)
    assert any("refugee_population.csv, line 5" in m and "column 'value'" in m and "below the minimum 0" in m
               for m in messages), messages


def test_duplicate_id(data_copy):
    def duplicate_first_event(rows):
        rows.append(list(rows[1]))
    rewrite(data_copy / "events.csv", duplicate_first_event)
    messages = problems_for(data_copy)
    assert any("events.csv" in m and "duplicate value; already used on line 2" in m for m in messages), messages


def test_missing_required_field(data_copy):
    set_cell(data_copy / "claims.csv", 2, "claimant", "")
    messages = problems_for(data_copy)
    assert any("claims.csv, line 2" in m and "column 'claimant'" in m and "required" in m for m in messages), messages


def test_value_outside_enum(data_copy):
    set_cell(data_copy / "events.csv", 2, "event_type", "skirmish")
    messages = problems_for(data_copy)
    assert any("column 'event_type'" in m and "'skirmish' is not one of the allowed values" in m for m in messages)


def test_ragged_row_is_reported_not_dropped(data_copy):
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("only,three,values\n")
    messages = problems_for(data_copy)
    assert any("sources.csv" in m and "has 3 values but the header has" in m for m in messages), messages


def test_renamed_column_is_reported(data_copy):
    def rename(rows):
        rows[0][rows[0].index("as_of")] = "asof"
    rewrite(data_copy / "claims.csv", rename)
    messages = problems_for(data_copy)
    assert any("claims.csv, line 1" in m and "missing ['as_of']" in m and "unexpected ['asof']" in m for m in messages)


def test_end_before_start(data_copy):
    set_cell(data_copy / "returns.csv", 2, "period_end", "2000-01-02")
    messages = problems_for(data_copy)
    assert any("returns.csv, line 2" in m and "period_end" in m and "is before period_start" in m for m in messages)


def test_claim_without_any_figure(data_copy):
    def blank_figures(rows):
        header = rows[0]
        for column in ("value", "value_low", "value_high"):
            rows[1][header.index(column)] = ""
    rewrite(data_copy / "claims.csv", blank_figures)
    messages = problems_for(data_copy)
    assert any("claims.csv, line 2" in m and "a figure is required" in m for m in messages), messages


def test_every_problem_is_reported_at_once(data_copy):
    set_cell(data_copy / "events.csv", 2, "date_start", "not a date")
    set_cell(data_copy / "claims.csv", 2, "value", "many")
    messages = problems_for(data_copy)
    assert any("events.csv" in m for m in messages) and any("claims.csv" in m for m in messages)


def test_loader_raises_instead_of_loading_bad_data(data_copy):
    set_cell(data_copy / "events.csv", 2, "date_start", "2025-13-01")
    with pytest.raises(DataValidationError, match="events.csv, line 2"):
        load_dataset(data_copy)
