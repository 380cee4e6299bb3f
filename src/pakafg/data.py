"""Load the report's dataset (``data/``) through its Data Package, validated.

Usage in a chapter::

    from pakafg import load_dataset
    data = load_dataset()
    claims = data["claims"]        # a pandas DataFrame, typed by its schema
    data.as_of                     # the dataset's as-of date
    data.labels("events", "theme") # {'talks': 'Talks and diplomacy', ...}, from datapackage.json

Any problem in any table raises :class:`~pakafg.validate.DataValidationError` listing
every bad cell by file, line, row key, column and reason. Nothing is dropped or changed.

Tables that refer to actors (``claimant_id``, ``producer_id``) gain, for each such field,
the columns ``claimant``/``producer`` (the actor's name), ``claimant_short``/``producer_short``
(its short name, for charts) and ``claimant_side``/``producer_side`` (its side), joined by
key from ``actors.csv``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from functools import cache
from pathlib import Path

import pandas as pd

from . import rules
from .descriptor import check_descriptor
from .validate import (
    DataValidationError,
    Problem,
    RawTable,
    check_header,
    check_list_references,
    check_lookalikes,
    check_numbers,
    check_schemas,
    check_text,
    key_label,
    read_table,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
DESCRIPTOR = "datapackage.json"
ACTORS = "actors"

# While the book is built, the build extension names a file here; every table a chapter
# reads is appended to it, so a data edit re-runs only the chapters that read that table.
READ_LOG_VARIABLE = "PAKAFG_READ_LOG"

_PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "year": "Int64", "string": "string"}


@cache
def _descriptor_fields(path: str, mtime: int) -> dict[tuple[str, str], dict]:
    descriptor = json.loads(Path(path).read_text(encoding="utf-8"))
    return {(r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]}


def vocabulary(resource: str, field: str, kind: str = "labels", directory: Path = DATA_DIR) -> dict[str, str]:
    """A field's ``pakafg:labels`` or ``pakafg:colours`` from datapackage.json, in display order.

    The one place a category's wording or colour is defined; :class:`Dataset` and the chart
    and summary helpers all read it from here.
    """
    path = directory / DESCRIPTOR
    fields = _descriptor_fields(str(path), path.stat().st_mtime_ns)
    if (resource, field) not in fields:
        raise KeyError(f"no field {resource}.{field} in {path}")
    values = fields[(resource, field)].get(f"pakafg:{kind}")
    if values is None:
        raise KeyError(f"{resource}.{field} declares no pakafg:{kind} in {path}")
    return dict(values)


def note_read(path: Path) -> None:
    """Record that the running chapter read ``path`` (only while the book is being built)."""
    log = os.environ.get(READ_LOG_VARIABLE)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{path}\n")


class Dataset:
    """All tables of the data package, validated together, as typed DataFrames."""

    def __init__(self, descriptor: dict, frames: dict[str, pd.DataFrame], directory: Path):
        self.descriptor = descriptor
        self._frames = frames
        self.directory = directory
        self._resources = {r["name"]: r for r in descriptor["resources"]}

    def _use(self, name: str) -> pd.DataFrame:
        """A table, recorded as read (with the actors joined into it) for the build."""
        if name not in self._frames:
            raise KeyError(f"no table '{name}' in {self.directory / DESCRIPTOR}; tables are: {', '.join(self._frames)}")
        note_read(self.directory / self._resources[name]["path"])
        for fk in self._resources[name]["schema"].get("foreignKeys", []):
            if fk["reference"]["resource"] == ACTORS:
                note_read(self.directory / self._resources[ACTORS]["path"])
        return self._frames[name]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._use(name).copy()

    @property
    def names(self) -> list[str]:
        return list(self._frames)

    @property
    def as_of(self) -> dt.date:
        """The latest date any fact in the dataset refers to (``pakafg:as_of`` in datapackage.json)."""
        return dt.date.fromisoformat(self.descriptor["pakafg:as_of"])

    def field(self, resource: str, field: str) -> dict:
        """A field's schema entry from datapackage.json."""
        for entry in self._resources[resource]["schema"]["fields"]:
            if entry["name"] == field:
                return entry
        raise KeyError(f"no field '{field}' in {resource}")

    def labels(self, resource: str, field: str) -> dict[str, str]:
        """Reader-facing labels of a field's values, in the schema's (display) order."""
        return vocabulary(resource, field, "labels", self.directory)

    def colours(self, resource: str, field: str) -> dict[str, str]:
        """Colours of a field's values (``pakafg:colours`` in datapackage.json)."""
        return vocabulary(resource, field, "colours", self.directory)

    @staticmethod
    def _citations(frame: pd.DataFrame):
        """Each row's list of cited source ids (from its source_id or source_ids column)."""
        for column in ("source_id", "source_ids"):
            if column in frame:
                for cell in frame[column].dropna():
                    yield split_ids(cell)

    def source_ids_of(self, frame: pd.DataFrame) -> set[str]:
        """Every source id cited by the rows of a frame (from source_id and source_ids columns)."""
        return {source_id for ids in self._citations(frame) for source_id in ids}

    def citing_rows(self) -> pd.Series:
        """How many rows of the other tables cite each source (indexed by source_id, zeros included)."""
        counts = pd.Series(0, index=self._use("sources")["source_id"], dtype="int64")
        for name in self.names:
            if name != "sources":
                for ids in self._citations(self._use(name)):
                    counts[ids] += 1
        return counts

    def tier_counts(self, *frames: pd.DataFrame) -> dict[str, int]:
        """How many distinct sources the rows of ``frames`` cite, by tier (every tier, in label order)."""
        cited: set[str] = set()
        for frame in frames:
            cited |= self.source_ids_of(frame)
        sources = self._use("sources")
        counts = sources[sources["source_id"].isin(cited)]["tier"].value_counts()
        return {tier: int(counts.get(tier, 0)) for tier in self.labels("sources", "tier")}

    def primary_key(self, resource: str) -> list[str]:
        key = self._resources[resource]["schema"].get("primaryKey")
        if not key:
            raise KeyError(f"{resource} has no primary key, so its rows cannot be cited by key")
        return [key] if isinstance(key, str) else list(key)

    def row_sources(self, resource: str, key) -> list[str]:
        """The source ids one row cites, found by its primary key (a value, or a tuple for composite keys).

        The rows of ``sources`` cite themselves. Raises KeyError for an unknown key.
        """
        frame = self._use(resource)
        columns = self.primary_key(resource)
        values = key if isinstance(key, tuple) else (key,)
        if len(values) != len(columns):
            raise KeyError(f"{resource} is keyed by {columns}; got {key!r}")
        match = frame
        for column, value in zip(columns, values, strict=True):
            match = match[_key_text(match[column]) == _key_text(pd.Series([value]))[0]]
        if len(match) != 1:
            raise KeyError(f"no row of {resource} with {dict(zip(columns, values, strict=True))}")
        row = match.iloc[0]
        if resource == "sources":
            return [row["source_id"]]
        return split_ids(row["source_ids"] if "source_ids" in row else row["source_id"])


def split_ids(cell) -> list[str]:
    """The ids in a ``;``-separated list cell (``pakafg:references``), in the order written."""
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def _key_text(values: pd.Series) -> pd.Series:
    """Key values as text, so that 2025, '2025' and a date compare as written in the CSV."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d")
    if isinstance(values.iloc[0] if len(values) else None, pd.Timestamp):
        return values.map(lambda v: f"{v:%Y-%m-%d}")
    return values.astype(str)


def read_descriptor(directory: Path) -> dict:
    path = directory / DESCRIPTOR
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError([Problem(str(path), None, None, None, "file not found")]) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError([Problem(str(path), exc.lineno, None, None, f"not valid JSON: {exc.msg}")]) from None


def _display_path(path: Path) -> str:
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def typed_frame(table: RawTable, schema: dict) -> pd.DataFrame:
    """A validated table as a DataFrame typed by its schema (row i is the table's row i)."""
    frame = pd.DataFrame([list(row.values()) for row in table.rows], columns=table.header, dtype="string")
    for field in schema["fields"]:
        name, kind = field["name"], field.get("type", "string")
        column = frame[name].mask(frame[name] == "")
        if kind == "date":
            frame[name] = pd.to_datetime(column, format="%Y-%m-%d")
        elif kind == "boolean":
            frame[name] = column.map({"true": True, "false": False}).astype("boolean")
        elif kind in ("integer", "year", "number"):
            frame[name] = pd.to_numeric(column).astype(_PANDAS_TYPES[kind])
        else:
            frame[name] = column.astype("string")
    return frame


def _join_actors(frame: pd.DataFrame, schema: dict, actors: pd.DataFrame) -> pd.DataFrame:
    """Add each actor reference's name and side beside it, looked up by actor_id."""
    by_id = actors.set_index("actor_id")
    for fk in schema.get("foreignKeys", []):
        if fk["reference"]["resource"] != ACTORS:
            continue
        field = fk["fields"]
        role = field.removesuffix("_id")
        after = frame.columns.get_loc(f"{role}_detail" if f"{role}_detail" in frame else field) + 1
        for suffix, column in (("_side", "side"), ("_short", "short_name"), ("", "name")):
            frame.insert(after, role + suffix, frame[field].map(by_id[column]).astype("string"))
    return frame


def validate_directory(directory: Path = DATA_DIR) -> tuple[dict, dict[str, pd.DataFrame]]:
    """Validate every resource of the package in ``directory``; raise on any problem.

    Returns the descriptor and each table as a typed frame (without actor joins).
    """
    descriptor = read_descriptor(directory)
    problems = check_descriptor(descriptor, _display_path(directory / DESCRIPTOR))
    if problems:
        raise DataValidationError(problems)  # the checks below would run on a broken schema
    tables: dict[str, RawTable] = {}
    paths: dict[str, Path] = {}
    schemas = {r["name"]: r["schema"] for r in descriptor["resources"]}
    for resource in descriptor["resources"]:
        path = directory / resource["path"]
        shown = _display_path(path)
        if not path.is_file():  # also refuses a FIFO or a device: it is never opened
            problems.append(Problem(shown, None, None, None, "file listed in datapackage.json does not exist "
                                                             "or is not a regular file"))
            continue
        table, read_problems = read_table(path, shown)
        problems += read_problems
        if table is None or read_problems:
            continue  # frictionless would misnumber the rows of a malformed file
        table.name = resource["name"]
        header_problems = check_header(table, resource["schema"])
        problems += header_problems
        if header_problems:
            continue
        problems += (check_text(table, resource["schema"]) + check_numbers(table, resource["schema"])
                     + check_lookalikes(table, resource["schema"]))
        tables[resource["name"]] = table
        paths[resource["name"]] = path
    problems += check_schemas(tables, schemas, paths) + check_list_references(tables, schemas)
    if problems:
        raise DataValidationError(problems)
    frames = {name: typed_frame(table, schemas[name]) for name, table in tables.items()}
    problems = rules.check_rules(
        descriptor, frames,
        lines={name: table.lines for name, table in tables.items()},
        files={name: table.file for name, table in tables.items()},
        keys={name: [key_label(table, schemas[name], i) for i in range(len(table.rows))] for name, table in tables.items()},
        directory=directory,
    )
    if problems:
        raise DataValidationError(problems)
    return descriptor, frames


_CACHE: dict[tuple, Dataset] = {}


def load_dataset(directory: Path | str = DATA_DIR) -> Dataset:
    """Validate and load the whole data package. Cached until any data file changes."""
    directory = Path(directory)
    note_read(directory / DESCRIPTOR)
    stamp = tuple(sorted((str(p.relative_to(directory)), p.stat().st_mtime_ns, p.stat().st_size)
                         for p in directory.rglob("*") if p.is_file()))
    key = (str(directory.resolve()), stamp)
    if key not in _CACHE:
        descriptor, frames = validate_directory(directory)
        schemas = {r["name"]: r["schema"] for r in descriptor["resources"]}
        if ACTORS in frames:
            frames = {name: _join_actors(frame, schemas[name], frames[ACTORS]) for name, frame in frames.items()}
        _CACHE.clear()
        _CACHE[key] = Dataset(descriptor, frames, directory)
    return _CACHE[key]
