"""Mutation tests: each kind of bad input fails with file, line, column and reason; none passes silently.

Every example found when the dataset was tried as a new user would is here, edited into a
scratch copy of data/ (the ``data_copy`` fixture).
"""

import csv
from pathlib import Path

import pytest

from pakafg.data import load_dataset, validate_directory
from pakafg.validate import DataValidationError


def read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def rewrite(path: Path, edit) -> None:
    """Apply ``edit(rows)`` to a CSV (rows include the header) and write it back."""
    rows = read_rows(path)
    edit(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    def edit(rows):
        rows[line - 1][rows[0].index(column)] = value
    rewrite(path, edit)


def line_of(path: Path, key_column: str, key: str) -> int:
    rows = read_rows(path)
    return next(i for i, row in enumerate(rows, start=1) if row[rows[0].index(key_column)] == key)


def set_by_key(path: Path, key_column: str, key: str, column: str, value: str) -> int:
    line = line_of(path, key_column, key)
    set_cell(path, line, column, value)
    return line


def problems_for(directory: Path) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        validate_directory(directory)
    return [str(p) for p in caught.value.problems]


def expect(directory: Path, *fragments: str) -> list[str]:
    """Validation fails, and one problem message holds every fragment."""
    messages = problems_for(directory)
    assert any(all(f in m for f in fragments) for m in messages), messages
    return messages


# --- types and constraints (frictionless) -------------------------------------------------

def test_bad_date_names_file_line_and_column(data_copy):
    set_cell(data_copy / "events.csv", 2, "date_start", "2025-02-30")
    expect(data_copy, "events.csv, line 2", "column 'date_start'", "not a real calendar date")


def test_date_in_wrong_format(data_copy):
    set_cell(data_copy / "events.csv", 3, "date_start", "19/10/2025")
    expect(data_copy, "line 3", "date_start", "YYYY-MM-DD")


def test_unknown_source_id(data_copy):
    set_cell(data_copy / "refugee_population.csv", 4, "source_id", "no-such-source")
    expect(data_copy, "refugee_population.csv, line 4", "source_id", "'no-such-source' is not a known source_id in sources")


def test_unknown_id_inside_a_source_list(data_copy):
    set_cell(data_copy / "events.csv", 2, "source_ids", "no-such-source")
    expect(data_copy, "events.csv, line 2", "'no-such-source' is not a known source_id")


def test_value_of_wrong_type(data_copy):
    set_cell(data_copy / "refugee_population.csv", 2, "value", "1,490,562")
    expect(data_copy, "refugee_population.csv, line 2", "column 'value'", "not a whole number")


def test_negative_count(data_copy):
    set_cell(data_copy / "refugee_population.csv", 5, "value", "-10")
    expect(data_copy, "refugee_population.csv, line 5", "column 'value'", "below the minimum 0")


def test_duplicate_id(data_copy):
    rewrite(data_copy / "events.csv", lambda rows: rows.append(list(rows[1])))
    expect(data_copy, "events.csv", "duplicate value; already used on line 2")


def test_duplicate_composite_key(data_copy):
    rewrite(data_copy / "trade.csv", lambda rows: rows.append(list(rows[1])))
    expect(data_copy, "trade.csv", "column 'period_label,flow,producer_id'", "already used on line 2")


def test_missing_required_field(data_copy):
    set_cell(data_copy / "claims.csv", 2, "claimant_id", "")
    expect(data_copy, "claims.csv, line 2", "column 'claimant_id'", "required")


def test_value_outside_enum(data_copy):
    set_cell(data_copy / "events.csv", 2, "event_type", "skirmish")
    expect(data_copy, "column 'event_type'", "'skirmish' is not one of the allowed values")


def test_ragged_row_is_reported_not_dropped(data_copy):
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("only,three,values\n")
    expect(data_copy, "sources.csv", "has 3 values but the header has")


def test_renamed_column_is_reported(data_copy):
    def rename(rows):
        rows[0][rows[0].index("as_of")] = "asof"
    rewrite(data_copy / "claims.csv", rename)
    expect(data_copy, "claims.csv, line 1", "missing ['as_of']", "unexpected 'asof'")


def test_every_problem_is_reported_at_once(data_copy):
    set_cell(data_copy / "events.csv", 2, "date_start", "not a date")
    set_cell(data_copy / "claims.csv", 2, "value", "many")
    messages = problems_for(data_copy)
    assert any("events.csv" in m for m in messages) and any("claims.csv" in m for m in messages)


def test_loader_raises_instead_of_loading_bad_data(data_copy):
    set_cell(data_copy / "events.csv", 2, "date_start", "2025-13-01")
    with pytest.raises(DataValidationError, match="events.csv, line 2"):
        load_dataset(data_copy)


# --- one vocabulary: who speaks is an actor, by key ----------------------------------------

@pytest.mark.parametrize("typo", ["ISPR", "Ispr", "іspr"])  # the last starts with a Cyrillic і
def test_a_claimant_variant_is_not_a_new_actor(data_copy, typo):
    line = set_by_key(data_copy / "claims.csv", "claim_id", "WC072", "claimant_id", typo)
    expect(data_copy, f"claims.csv, line {line} (claim_id=WC072)", "column 'claimant_id'", "is not a known actor_id in actors")


def test_a_look_alike_letter_is_named_by_its_code_point(data_copy):
    line = set_by_key(data_copy / "claims.csv", "claim_id", "WC072", "claimant_id", "іspr")
    expect(data_copy, f"line {line}", "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I")


def test_a_look_alike_letter_in_an_id_is_shown_as_such(data_copy):
    line = set_by_key(data_copy / "claims.csv", "claim_id", "WC072", "claim_id", "WС072")  # Cyrillic С
    expect(data_copy, f"claims.csv, line {line}", "U+0421 CYRILLIC CAPITAL LETTER ES")


def test_a_returns_producer_variant_is_refused(data_copy):
    line = set_by_key(data_copy / "returns.csv", "return_id", "RT-058", "producer_id", "unhcr-IOM")
    expect(data_copy, f"returns.csv, line {line}", "producer_id", "'unhcr-IOM' is not a known actor_id")


def test_a_militancy_producer_variant_is_refused(data_copy):
    set_cell(data_copy / "militancy.csv", 2, "producer_id", "Pips")
    expect(data_copy, "militancy.csv, line 2", "producer_id", "'Pips' is not a known actor_id")


def test_actor_ids_are_plain_ascii(data_copy):
    set_cell(data_copy / "actors.csv", 2, "actor_id", "ispr\u200b")
    expect(data_copy, "actors.csv, line 2", "actor_id", "U+200B ZERO WIDTH SPACE")


# --- rules between fields and tables --------------------------------------------------------

def test_a_share_above_100_percent(data_copy):
    line = line_of(data_copy / "claims.csv", "unit", "percent")
    set_cell(data_copy / "claims.csv", line, "value", "250")
    expect(data_copy, f"claims.csv, line {line}", "column 'value'", "outside the plausible range 0–100 for unit 'percent'")


def test_part_of_a_person(data_copy):
    line = set_by_key(data_copy / "claims.csv", "claim_id", "WC072", "value", "12.5")
    expect(data_copy, f"claims.csv, line {line}", "12.5 is not a whole number, but people are counted whole")


def test_value_outside_its_own_range(data_copy):
    path = data_copy / "claims.csv"
    line = set_by_key(path, "claim_id", "WC072", "value", "23")
    set_cell(path, line, "value_low", "50")
    set_cell(path, line, "value_high", "60")
    expect(data_copy, f"claims.csv, line {line}", "column 'value'", "23 is below value_low 50")


def test_an_absurd_returns_count(data_copy):
    set_by_key(data_copy / "returns.csv", "return_id", "RT-058", "value", "1000000000000000000")
    expect(data_copy, "returns.csv", "column 'value'", "above the maximum 10000000")


def test_swapped_coordinates(data_copy):
    path = data_copy / "places.csv"
    line = line_of(path, "place_id", "torkham")
    rows = read_rows(path)
    lat, lon = rows[line - 1][rows[0].index("lat")], rows[line - 1][rows[0].index("lon")]
    set_cell(path, line, "lat", lon)
    set_cell(path, line, "lon", lat)
    expect(data_copy, f"places.csv, line {line} (place_id=torkham)", "lies outside PAK", "swapped")


def test_ucdp_best_outside_low_high(data_copy):
    path = data_copy / "ucdp_battle_deaths.csv"
    rows = read_rows(path)
    line = next(i for i, r in enumerate(rows, 1) if r[:2] == ["PAK", "2021"])
    set_cell(path, line, "low", "900")
    expect(data_copy, f"ucdp_battle_deaths.csv, line {line}", "is below low 900")


def test_ucdp_part_larger_than_total(data_copy):
    set_cell(data_copy / "ucdp_pakistan_yearly.csv", 2, "deaths_ttp_dyads", "999999")
    expect(data_copy, "ucdp_pakistan_yearly.csv, line 2", "column 'deaths_best'", "is below deaths_ttp_dyads 999999")


def test_status_judged_before_the_round_made_it(data_copy):
    set_cell(data_copy / "commitments.csv", 2, "status_date", "2020-01-01")
    expect(data_copy, "commitments.csv, line 2", "status_date", "is before the date_start")


def test_a_page_read_before_it_was_published(data_copy):
    path = data_copy / "sources.csv"
    rows = read_rows(path)
    line = next(i for i, r in enumerate(rows, 1) if i > 1 and r[rows[0].index("published")])
    set_cell(path, line, "accessed", "2026-01-01")
    set_cell(path, line, "published", "2026-03-01")
    expect(data_copy, f"sources.csv, line {line}", "column 'accessed'", "2026-01-01 is before published 2026-03-01")


def test_a_fact_after_the_as_of_date(data_copy):
    set_cell(data_copy / "events.csv", 2, "date_start", "2030-01-01")
    expect(data_copy, "events.csv, line 2", "after the dataset's as-of date")


def test_end_before_start(data_copy):
    set_cell(data_copy / "returns.csv", 2, "period_end", "2000-01-02")
    expect(data_copy, "returns.csv, line 2", "period_end", "is before period_start")


def test_claim_without_any_figure(data_copy):
    def blank_figures(rows):
        for column in ("value", "value_low", "value_high"):
            rows[1][rows[0].index(column)] = ""
    rewrite(data_copy / "claims.csv", blank_figures)
    expect(data_copy, "claims.csv, line 2", "a figure is required")


# --- text that would break or change a page, a chart or a spreadsheet ----------------------

def test_a_line_break_inside_a_quoted_field(data_copy):
    set_cell(data_copy / "events.csv", 3, "title", "A title\n```{raw} html\n<script>alert(1)</script>\n```")
    expect(data_copy, "events.csv, line 3", "column 'title'", "contains a line break")


@pytest.mark.parametrize("char, name", [("\u200b", "ZERO WIDTH SPACE"), ("\u00a0", "NO-BREAK SPACE"),
                                        ("\x07", "U+0007"), ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
                                        ("\u202e", "RIGHT-TO-LEFT OVERRIDE")])
def test_invisible_and_control_characters_are_named(data_copy, char, name):
    set_cell(data_copy / "events.csv", 3, "title", f"Torkham{char}closed")
    expect(data_copy, "events.csv, line 3", "column 'title'", name)


def test_a_formula_in_a_text_cell(data_copy):
    set_cell(data_copy / "events.csv", 3, "title", '=HYPERLINK("https://example.org","click")')
    expect(data_copy, "events.csv, line 3", "column 'title'", "run as a formula")


def test_a_url_that_would_inject_a_script(data_copy):
    set_cell(data_copy / "sources.csv", 3, "url", "https://example.org/a)<script>alert(1)</script>")
    expect(data_copy, "sources.csv, line 3", "column 'url'", "contains")


def test_a_javascript_url(data_copy):
    set_cell(data_copy / "sources.csv", 3, "url", "javascript:alert(1)")
    expect(data_copy, "sources.csv, line 3", "column 'url'")


def test_leading_spaces(data_copy):
    set_cell(data_copy / "events.csv", 3, "title", " Torkham")
    expect(data_copy, "events.csv, line 3", "has leading or trailing spaces")


# --- encodings, quotes and numbers: clear errors, at the right place ------------------------

def test_a_latin1_byte(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_bytes().split(b"\n")
    lines[4] = lines[4].replace(b",", b",\xe9", 1)
    path.write_bytes(b"\n".join(lines))
    expect(data_copy, "events.csv, line 5", "byte 0xE9 at column", "not valid UTF-8", "Latin-1")


def test_a_utf16_file(data_copy):
    path = data_copy / "closures.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    messages = expect(data_copy, "closures.csv, line 1", "UTF-16")
    assert sum("closures.csv" in m for m in messages) == 1


def test_a_byte_order_mark_gives_one_clear_error(data_copy):
    path = data_copy / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    messages = expect(data_copy, "sources.csv, line 1", "byte-order mark")
    assert len(messages) < 5, messages[:10]


def test_an_unclosed_quote_is_reported_where_it_opens(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[9] = lines[9].replace(",", ',"', 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    messages = problems_for(data_copy)
    assert any("events.csv, line 10" in m and "quoted value that opens on this line" in m for m in messages), messages


def test_a_quote_left_open_to_the_end_of_the_file(data_copy):
    path = data_copy / "closures.csv"
    path.write_text(path.read_text(encoding="utf-8").replace('"', "") + 'X99,torkham,"never closed\n', encoding="utf-8")
    last = len(path.read_text(encoding="utf-8").splitlines())
    expect(data_copy, f"closures.csv, line {last}", "never closed")


@pytest.mark.parametrize("value, reason", [("1e999", "not a finite number"), ("nan", "not a finite number"),
                                           ("inf", "not a finite number"), ("10**19", "is not a number"),
                                           ("10000000000000000000", "too large")])
def test_numbers_a_computer_cannot_hold(data_copy, value, reason):
    line = set_by_key(data_copy / "claims.csv", "claim_id", "WC072", "value", value)
    expect(data_copy, f"claims.csv, line {line}", "column 'value'", reason)
