"""Load the report's dataset (``data/``) through its Data Package, validated.

Usage in a chapter::

    from pakafg import load_dataset
    data = load_dataset()
    events = data["events"]        # a pandas DataFrame, typed by its schema
    data.as_of                     # the dataset's as-of date

Any problem in any table raises :class:`~pakafg.validate.DataValidationError` listing
every bad cell by file, line, row key, column and reason. Nothing is dropped.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from .validate import (
    DataValidationError,
    Problem,
    RawTable,
    check_references,
    read_raw,
    validate_table,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"

_PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "year": "Int64", "boolean": "boolean", "string": "string"}


class Dataset:
    """All tables of the data package, validated together, as typed DataFrames."""

    def __init__(self, descriptor: dict, frames: dict[str, pd.DataFrame], directory: Path):
        self.descriptor = descriptor
        self.frames = frames
        self.directory = directory

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.frames:
            raise KeyError(f"no table '{name}' in {self.directory / 'datapackage.json'}; "
                           f"tables are: {', '.join(self.frames)}")
        return self.frames[name].copy()

    @property
    def names(self) -> list[str]:
        return list(self.frames)

    @property
    def as_of(self) -> dt.date:
        """The date up to which the dataset's sources were searched (set in datapackage.json)."""
        return dt.date.fromisoformat(self.descriptor["pakafg:as_of"])

    def source_ids_of(self, frame: pd.DataFrame) -> set[str]:
        """Every source id cited by the rows of a frame (from source_id and source_ids columns)."""
        ids: set[str] = set()
        for column in ("source_id", "source_ids"):
            if column in frame:
                for cell in frame[column].dropna():
                    ids.update(part.strip() for part in str(cell).split(";") if part.strip())
        return ids


def read_descriptor(directory: Path) -> dict:
    path = directory / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError([Problem(str(path), None, None, None, "file not found")]) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            [Problem(str(path), exc.lineno, None, None, f"not valid JSON: {exc.msg}")]
        ) from None


def _display_path(path: Path) -> str:
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def validate_directory(directory: Path = DATA_DIR) -> tuple[dict, dict[str, list[dict]], dict[str, RawTable]]:
    """Validate every resource of the package in ``directory``; raise on any problem."""
    descriptor = read_descriptor(directory)
    problems: list[Problem] = []
    tables, schemas, parsed = {}, {}, {}
    for resource in descriptor["resources"]:
        path = directory / resource["path"]
        shown = _display_path(path)
        if not path.exists():
            problems.append(Problem(shown, None, None, None, "file listed in datapackage.json does not exist"))
            continue
        table, read_problems = read_raw(path, shown)
        rows, row_problems = validate_table(table, resource["schema"])
        problems += read_problems + row_problems
        tables[resource["name"]] = table
        schemas[resource["name"]] = resource["schema"]
        parsed[resource["name"]] = rows
    problems += check_references(tables, schemas, parsed)
    problems += check_row_rules(tables, parsed)
    if problems:
        raise DataValidationError(problems)
    return descriptor, parsed, tables


def check_row_rules(tables: dict[str, RawTable], parsed: dict[str, list[dict]]) -> list[Problem]:
    """Rules that span several fields of a row, which Table Schema cannot state."""
    problems = []
    for name, rows in parsed.items():
        table = tables[name]
        for row, line in zip(rows, table.lines):
            for start, end in (("date_start", "date_end"), ("period_start", "period_end"), ("start", "end")):
                if row.get(start) and row.get(end) and row[end] < row[start]:
                    problems.append(Problem(table.file, line, None, end,
                                            f"{row[end]} is before {start} {row[start]}"))
            if {"value", "value_low", "value_high"} <= row.keys():
                if row["value"] is None and row["value_low"] is None and row["value_high"] is None:
                    problems.append(Problem(table.file, line, None, "value",
                                            "a figure is required: give value, or value_low/value_high"))
                if row["value_low"] is not None and row["value_high"] is not None and row["value_high"] < row["value_low"]:
                    problems.append(Problem(table.file, line, None, "value_high",
                                            f"{row['value_high']} is below value_low {row['value_low']}"))
    return problems


def _frame(rows: list[dict], schema: dict) -> pd.DataFrame:
    columns = [f["name"] for f in schema["fields"]]
    frame = pd.DataFrame(rows, columns=columns)
    for field in schema["fields"]:
        name, kind = field["name"], field.get("type", "string")
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        else:
            frame[name] = frame[name].astype(_PANDAS_TYPES[kind])
    return frame


_CACHE: dict[tuple, Dataset] = {}


def load_dataset(directory: Path | str = DATA_DIR) -> Dataset:
    """Validate and load the whole data package. Cached until any data file changes."""
    directory = Path(directory)
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in directory.glob("*") if p.is_file()))
    key = (str(directory.resolve()), stamp)
    if key not in _CACHE:
        descriptor, parsed, _ = validate_directory(directory)
        frames = {r["name"]: _frame(parsed[r["name"]], r["schema"]) for r in descriptor["resources"]}
        _CACHE.clear()
        _CACHE[key] = Dataset(descriptor, frames, directory)
    return _CACHE[key]
