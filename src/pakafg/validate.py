"""Validate the report's CSV tables: every problem, located by file, line, row key and column.

Three layers, each doing what the others cannot:

1. :func:`read_table` reads the bytes itself, so that what frictionless would report as a
   decoding failure or a shifted header becomes a precise message: a byte-order mark, a
   UTF-16 file, a byte that is not UTF-8 (with its line and column), an unclosed quote (at
   the line where the quote opened), ragged and blank rows.
2. `frictionless <https://framework.frictionlessdata.io/>`_ checks the Table Schema in
   ``datapackage.json``: types, ``required``, ``enum``, ``pattern``, ``minimum``/``maximum``,
   ``unique``, primary and foreign keys. Its findings are rewritten in this module's format.
3. The project's own checks, for what Table Schema cannot say: text hygiene
   (:func:`check_text`: line breaks, control and invisible characters, non-standard spaces,
   Cyrillic or Greek letters that pass for Latin ones, cells a spreadsheet would run as
   formulas, stray spaces), numbers a computer can hold (:func:`check_numbers`), and lists of
   ids separated by a delimiter (``"pakafg:references"`` on a field, :func:`check_list_references`).

Rules between fields and tables are declared in ``datapackage.json`` and checked by
:mod:`pakafg.rules` once the tables are typed.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from frictionless import Package, Resource, Schema

from .text import check_url

LIST_REFERENCE = "pakafg:references"
URL = "pakafg:url"  # a field of URLs that will be written into links: checked by pakafg.text.check_url
MAX_MAGNITUDE = 1e15  # beyond this a float loses whole units and Int64 nears overflow


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
    """Raised when one or more tables break their schema or rules; lists every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} data problem(s):\n{shown}{more}")


@dataclass
class RawTable:
    """A CSV read as text: its header, its rows as dicts, and the line each row starts on."""

    name: str
    file: str
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


def char_name(ch: str) -> str:
    """'U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I'; 'U+0007 (a control character)'."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}" if name else f"U+{ord(ch):04X} (a control character)"


def _suspicious(ch: str) -> bool:
    if ch.isascii():
        return not ch.isprintable()
    category = unicodedata.category(ch)
    return category[0] in "CZ" or unicodedata.name(ch, "").startswith(("CYRILLIC", "GREEK"))


def shown(text: str) -> str:
    """A cell value quoted for a message, naming any character that would look like another."""
    odd = list(dict.fromkeys(ch for ch in text if _suspicious(ch)))
    quoted = repr(text) if any(not ch.isprintable() for ch in text) else f"'{text}'"
    return quoted + (f" (contains {', '.join(char_name(ch) for ch in odd)})" if odd else "")


# --- 1. reading -----------------------------------------------------------------------

def _decode(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:200]:
        return None, [Problem(file, 1, None, None, "the file is UTF-16 encoded; save it as UTF-8")]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(file, 1, None, None,
                              "the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start]
        return None, [Problem(file, line, None, None,
                              f"byte 0x{byte:02X} at column {column} is not valid UTF-8 (the file looks "
                              "Latin-1 or Windows-1252 encoded); save it as UTF-8")]


def read_table(path: Path, file: str) -> tuple[RawTable | None, list[Problem]]:
    """Read one CSV as text. Returns None (and the reasons) when it cannot be read as a table."""
    text, problems = _decode(path.read_bytes(), file)
    if text is None:
        return None, problems
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows, lines = [], []
    start = 1
    try:
        for record in reader:
            if header is None:
                header = record
            elif not record:
                problems.append(Problem(file, start, None, None, "blank line inside the table"))
            elif len(record) != len(header):
                problems.append(Problem(file, start, None, None,
                                        f"has {len(record)} values but the header has {len(header)} columns"))
            else:
                rows.append(dict(zip(header, record, strict=True)))
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            reason = 'a quoted value that opens on this line is never closed (a missing ")'
        else:
            reason = f'a quoted value that opens on this line does not close cleanly ({exc}): look for a missing or stray "'

        return None, [*problems, Problem(file, start, None, None, reason)]
    if header is None:
        return None, [Problem(file, None, None, None, "the file is empty (no header row)")]
    return RawTable(path.stem, file, header, rows, lines), problems


def check_header(table: RawTable, schema: dict) -> list[Problem]:
    """The header must list the schema's fields, in order."""
    expected = [f["name"] for f in schema["fields"]]
    if table.header == expected:
        return []
    missing = [c for c in expected if c not in table.header]
    extra = [c for c in table.header if c not in expected]
    detail = ([f"missing {missing}"] if missing else []) + ([f"unexpected {', '.join(shown(c) for c in extra)}"] if extra else [])
    return [Problem(table.file, 1, None, None, "header does not match the schema: "
                    + ("; ".join(detail) or "columns are in a different order than the schema"))]


def key_label(table: RawTable, schema: dict, index: int) -> str | None:
    """A readable id for a row from its primary key, e.g. "event_id=W003" (odd characters named)."""
    key = schema.get("primaryKey")
    if not key:
        return None
    parts = []
    for field in [key] if isinstance(key, str) else key:
        value = table.rows[index].get(field, "")
        parts.append(f"{field}={shown(value) if any(_suspicious(ch) for ch in value) else value}")
    return ", ".join(parts)


# --- 2. the Table Schema, by frictionless -----------------------------------------------

_TYPE_PHRASES = {
    "integer": "a whole number (digits only: no commas, spaces or decimals)",
    "number": "a number (digits and a decimal point: no commas or spaces)",
    "year": "a four-digit year",
    "boolean": "'true' or 'false'",
    "date": "a date in the form YYYY-MM-DD",
}
_DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _type_reason(cell: str, kind: str) -> str:
    if kind == "date" and _DATE_SHAPE.match(cell):
        return f"{shown(cell)} is not a real calendar date"
    return f"{shown(cell)} is not {_TYPE_PHRASES.get(kind, kind)}"


def _constraint_reason(cell: str, field: dict, note: str) -> str:
    name = re.search(r'constraint "(\w+)"', note)
    constraint = name.group(1) if name else ""
    rules = field.get("constraints", {})
    if constraint == "required":
        return "a value is required here but the cell is empty"
    if constraint == "enum":
        return f"{shown(cell)} is not one of the allowed values ({', '.join(rules['enum'])})"
    if constraint == "pattern":
        return f"{shown(cell)} does not match the pattern {rules['pattern']}"
    if constraint == "minimum":
        return f"{cell} is below the minimum {rules['minimum']}"
    if constraint == "maximum":
        return f"{cell} is above the maximum {rules['maximum']}"
    return f"{shown(cell)} breaks the constraint '{constraint}': {note}"


def check_schemas(tables: dict[str, RawTable], schemas: dict[str, dict]) -> list[Problem]:
    """Types, constraints, unique fields, primary and foreign keys of every readable table."""
    resources = [
        Resource(name=name, data=[table.header] + [list(row.values()) for row in table.rows],
                 schema=Schema.from_descriptor(schemas[name]))
        for name, table in tables.items()
    ]
    report = Package(resources=resources).validate()
    problems = []
    for task in report.tasks:
        table, schema = tables[task.name], schemas[task.name]
        fields = {f["name"]: f for f in schema["fields"]}

        def line_of(row_number):
            return table.lines[row_number - 2] if row_number and row_number >= 2 else None

        def label_of(row_number):
            return key_label(table, schema, row_number - 2) if row_number and row_number >= 2 else None

        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            where = (table.file, line_of(row_number), label_of(row_number))
            if error.type == "type-error":
                field = fields[error.field_name]
                problems.append(Problem(*where, error.field_name, _type_reason(error.cell, field.get("type", "string"))))
            elif error.type == "constraint-error":
                problems.append(Problem(*where, error.field_name,
                                        _constraint_reason(error.cell, fields[error.field_name], error.note)))
            elif error.type in ("unique-error", "primary-key"):
                key = schema.get("primaryKey")
                if error.type == "primary-key" and (isinstance(key, str) or len(key) == 1):
                    continue  # already reported as a unique-error on the key field
                first = re.search(r"position (\d+)", error.note)
                first_line = line_of(int(first.group(1))) if first else None
                column = error.field_name if error.type == "unique-error" else ",".join(key)
                problems.append(Problem(*where, column, f"duplicate value; already used on line {first_line}"))
            elif error.type == "foreign-key":
                target = error.reference_name or task.name
                values = ", ".join(error.field_cells)
                problems.append(Problem(*where, ",".join(error.field_names),
                                        f"{shown(values)} is not a known {'/'.join(error.reference_field_names)} "
                                        f"in {target}"))
            elif error.type == "resource-error" and "does not exist" in error.note:
                continue  # the referenced table failed to load; its own problems are reported
            else:
                problems.append(Problem(*where, getattr(error, "field_name", None), f"{error.title}: {error.note}"))
    return problems


# --- 3. the project's own checks ---------------------------------------------------------

def check_text(table: RawTable, schema: dict) -> list[Problem]:
    """Reject text that would silently change or break a page, a chart or a spreadsheet."""
    problems = []
    for index, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
        for field in schema["fields"]:
            name, text = field["name"], row[field["name"]]
            reasons = []
            if text != text.strip():
                reasons.append(f"{shown(text)} has leading or trailing spaces")
            if "\n" in text or "\r" in text:
                reasons.append("contains a line break; every field is one line")
            odd = list(dict.fromkeys(ch for ch in text if _suspicious(ch) and ch not in "\n\r"))
            for ch in odd:
                if unicodedata.category(ch)[0] in "LM":
                    reasons.append(f"contains {char_name(ch)}, which looks like a Latin letter; "
                                   "type the Latin letter")
                elif unicodedata.category(ch) in ("Zs", "Zl", "Zp") or ch == "\t":
                    reasons.append(f"contains {char_name(ch)}; use a plain space")
                else:
                    reasons.append(f"contains the invisible or control character {char_name(ch)}")
            if field.get(URL) and text:
                try:
                    check_url(text)
                except ValueError as exc:
                    reasons.append(str(exc))
            if field.get("type", "string") == "string" and text.lstrip().startswith(("=", "+", "-", "@")):
                reasons.append(f"{shown(text[:30])} starts with '{text.lstrip()[0]}', which a spreadsheet would "
                               "run as a formula; reword it")
            for reason in reasons:
                problems.append(Problem(table.file, line, key_label(table, schema, index), name, reason))
    return problems


def check_numbers(table: RawTable, schema: dict) -> list[Problem]:
    """Numbers must be finite and small enough to hold exactly (frictionless accepts 'nan', '1e999')."""
    problems = []
    numeric = [f["name"] for f in schema["fields"] if f.get("type") in ("number", "integer")]
    for index, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
        for name in numeric:
            text = row[name].strip()
            if not text:
                continue
            try:
                value = float(text)
            except ValueError:
                continue  # not a number at all: frictionless reports it
            if not math.isfinite(value):
                reason = f"{shown(text)} is not a finite number"
            elif abs(value) >= MAX_MAGNITUDE:
                reason = f"{text} is too large to be a figure here (at most {MAX_MAGNITUDE:.0e})"
            else:
                continue
            problems.append(Problem(table.file, line, key_label(table, schema, index), name, reason))
    return problems


def check_list_references(tables: dict[str, RawTable], schemas: dict[str, dict]) -> list[Problem]:
    """Fields holding delimited id lists (``"pakafg:references"``) must point at existing rows."""
    problems = []
    for name, table in tables.items():
        schema = schemas[name]
        for field in schema["fields"]:
            ref = field.get(LIST_REFERENCE)
            if not ref:
                continue
            target = tables.get(ref["resource"])
            if target is None:
                continue  # the referenced table failed to load; its own problems are reported
            known = {r[ref["field"]] for r in target.rows}
            for index, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
                cell = row[field["name"]]
                if not cell:
                    continue
                for item in cell.split(ref["delimiter"]):
                    item = item.strip()
                    if not item:
                        reason = f"empty item in the '{ref['delimiter']}'-separated list"
                    elif item not in known:
                        reason = f"{shown(item)} is not a known {ref['field']} in {ref['resource']}"
                    else:
                        continue
                    problems.append(Problem(table.file, line, key_label(table, schema, index), field["name"], reason))
    return problems
