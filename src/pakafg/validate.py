"""Validate the report's CSV tables against their Frictionless Table Schemas.

The checks are strict on purpose: every value is read as text and checked against the
schema before any conversion, so a malformed value is reported rather than silently
coerced to NaN, and no row is ever dropped. Every problem is collected (not just the
first) and reported with file, line, row key, column and reason.

Supported Table Schema features: field types ``string``, ``integer``, ``number``,
``date``, ``year`` and ``boolean``; constraints ``required``, ``enum``, ``minimum``,
``maximum``, ``pattern`` and ``unique``; ``missingValues``; ``primaryKey``;
``foreignKeys``. One extension, declared per field as ``"pakafg:references"``, checks
a delimiter-separated list of ids (for example ``source_ids``) against another
table's key, which plain Table Schema foreign keys cannot express.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

LIST_REFERENCE = "pakafg:references"


@dataclass(frozen=True)
class Problem:
    """One validation failure, located precisely enough to fix by hand."""

    file: str
    line: int | None  # 1-based line in the CSV file (the header is line 1)
    row_key: str | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.row_key:
            where += f" ({self.row_key})"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.reason}"


class DataValidationError(ValueError):
    """Raised when one or more tables break their schema; lists every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} data problem(s):\n{shown}{more}")


@dataclass
class RawTable:
    """A CSV read as text, with the line number of every data row."""

    name: str
    file: str
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


def read_raw(path: Path, display_name: str) -> tuple[RawTable, list[Problem]]:
    """Read a CSV as strings; report ragged rows instead of dropping or padding them."""
    problems: list[Problem] = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            return RawTable(path.stem, display_name, [], [], []), [
                Problem(display_name, None, None, None, "the file is empty (no header row)")
            ]
        rows, lines = [], []
        for record in reader:
            line = reader.line_num
            if not record:
                problems.append(Problem(display_name, line, None, None, "blank line inside the table"))
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(
                        display_name, line, None, None,
                        f"has {len(record)} values but the header has {len(header)} columns",
                    )
                )
                continue
            rows.append(dict(zip(header, record)))
            lines.append(line)
    return RawTable(path.stem, display_name, header, rows, lines), problems


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_value(text: str, field: dict):
    """Parse one non-missing value by its Table Schema type, or raise ValueError with a reason."""
    kind = field.get("type", "string")
    if kind == "string":
        return text
    if kind == "integer":
        if not _INTEGER.match(text):
            raise ValueError(f"'{text}' is not a whole number (no commas, spaces or decimals)")
        return int(text)
    if kind == "number":
        if not _NUMBER.match(text):
            raise ValueError(f"'{text}' is not a number (use digits and a decimal point, no commas)")
        return float(text)
    if kind == "date":
        if not _DATE.match(text):
            raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'{text}' is not a real calendar date") from None
    if kind == "year":
        if not re.match(r"^\d{4}$", text):
            raise ValueError(f"'{text}' is not a four-digit year")
        return int(text)
    if kind == "boolean":
        if text not in ("true", "false"):
            raise ValueError(f"'{text}' is not 'true' or 'false'")
        return text == "true"
    raise ValueError(f"the schema uses type '{kind}', which this validator does not support")


def check_constraints(value, text: str, field: dict) -> str | None:
    """Return the reason a parsed value breaks its field's constraints, or None."""
    constraints = field.get("constraints", {})
    if "enum" in constraints and text not in constraints["enum"]:
        allowed = ", ".join(constraints["enum"])
        return f"'{text}' is not one of the allowed values ({allowed})"
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], text):
        return f"'{text}' does not match the pattern {constraints['pattern']}"
    if "minimum" in constraints:
        minimum = constraints["minimum"]
        if field.get("type") == "date":
            minimum = dt.date.fromisoformat(minimum)
        if value < minimum:
            return f"{text} is below the minimum {constraints['minimum']}"
    if "maximum" in constraints:
        maximum = constraints["maximum"]
        if field.get("type") == "date":
            maximum = dt.date.fromisoformat(maximum)
        if value > maximum:
            return f"{text} is above the maximum {constraints['maximum']}"
    return None


def key_label(table: RawTable, schema: dict, index: int) -> str | None:
    """A readable id for a row, from its primary key, e.g. "event_id=W003"."""
    key = schema.get("primaryKey")
    if not key:
        return None
    fields = [key] if isinstance(key, str) else key
    return ", ".join(f"{f}={table.rows[index].get(f, '')}" for f in fields)


def validate_table(table: RawTable, schema: dict) -> tuple[list[dict], list[Problem]]:
    """Check one table against its schema; return parsed rows and every problem found."""
    problems: list[Problem] = []
    fields = schema["fields"]
    expected = [f["name"] for f in fields]
    if table.header != expected:
        missing = [c for c in expected if c not in table.header]
        extra = [c for c in table.header if c not in expected]
        detail = []
        if missing:
            detail.append(f"missing {missing}")
        if extra:
            detail.append(f"unexpected {extra}")
        if not detail:
            detail.append("columns are in a different order than the schema")
        problems.append(
            Problem(table.file, 1, None, None, "header does not match the schema: " + "; ".join(detail))
        )
        return [], problems

    missing_values = set(schema.get("missingValues", [""]))
    parsed_rows: list[dict] = []
    for index, (row, line) in enumerate(zip(table.rows, table.lines)):
        label = key_label(table, schema, index)
        parsed = {}
        for field in fields:
            name = field["name"]
            text = row[name]
            if text != text.strip():
                problems.append(Problem(table.file, line, label, name, f"'{text}' has leading or trailing spaces"))
                text = text.strip()
            if text in missing_values:
                if field.get("constraints", {}).get("required"):
                    problems.append(Problem(table.file, line, label, name, "a value is required here but the cell is empty"))
                parsed[name] = None
                continue
            try:
                value = parse_value(text, field)
            except ValueError as exc:
                problems.append(Problem(table.file, line, label, name, str(exc)))
                parsed[name] = None
                continue
            reason = check_constraints(value, text, field)
            if reason:
                problems.append(Problem(table.file, line, label, name, reason))
            parsed[name] = value
        parsed_rows.append(parsed)

    problems += check_uniqueness(table, schema, parsed_rows)
    return parsed_rows, problems


def check_uniqueness(table: RawTable, schema: dict, rows: list[dict]) -> list[Problem]:
    """Primary keys and unique fields must not repeat."""
    problems = []
    key = schema.get("primaryKey")
    groups = []
    if key:
        groups.append([key] if isinstance(key, str) else list(key))
    groups += [[f["name"]] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    for columns in groups:
        first_line: dict[tuple, int] = {}
        for row, line in zip(rows, table.lines):
            value = tuple(row[c] for c in columns)
            if any(v is None for v in value):
                continue
            label = ", ".join(f"{c}={row[c]}" for c in columns)
            if value in first_line:
                problems.append(
                    Problem(table.file, line, label, ",".join(columns),
                            f"duplicate value; already used on line {first_line[value]}")
                )
            else:
                first_line[value] = line
    return problems


def check_references(
    tables: dict[str, RawTable], schemas: dict[str, dict], parsed: dict[str, list[dict]]
) -> list[Problem]:
    """Foreign keys (single fields) and delimited id lists must point at existing rows."""
    problems = []
    for name, schema in schemas.items():
        table, rows = tables[name], parsed[name]
        for fk in schema.get("foreignKeys", []):
            fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            target = fk["reference"]["resource"] or name
            target_fields = fk["reference"]["fields"]
            target_fields = target_fields if isinstance(target_fields, list) else [target_fields]
            known = {tuple(r[f] for f in target_fields) for r in parsed.get(target, [])}
            for index, (row, line) in enumerate(zip(rows, table.lines)):
                value = tuple(row[f] for f in fields)
                if all(v is None for v in value):
                    continue
                if value not in known:
                    shown = ", ".join(str(v) for v in value)
                    problems.append(
                        Problem(table.file, line, key_label(table, schema, index), ",".join(fields),
                                f"'{shown}' is not a known {'/'.join(target_fields)} in {target}")
                    )
        for field in schema["fields"]:
            ref = field.get(LIST_REFERENCE)
            if not ref:
                continue
            known = {r[ref["field"]] for r in parsed.get(ref["resource"], [])}
            for index, (row, line) in enumerate(zip(rows, table.lines)):
                if row[field["name"]] is None:
                    continue
                for item in row[field["name"]].split(ref["delimiter"]):
                    item = item.strip()
                    if not item:
                        problems.append(
                            Problem(table.file, line, key_label(table, schema, index), field["name"],
                                    f"empty item in the '{ref['delimiter']}'-separated list")
                        )
                    elif item not in known:
                        problems.append(
                            Problem(table.file, line, key_label(table, schema, index), field["name"],
                                    f"'{item}' is not a known {ref['field']} in {ref['resource']}")
                        )
    return problems
