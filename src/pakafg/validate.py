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
import difflib
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


# The characters the data may hold, as an allow-list: anything else (invisible and control
# characters, odd spaces, combining marks, letters that pass for Latin ones such as Cyrillic,
# Armenian, fullwidth or mathematical letters, non-ASCII digits) is refused with its name.
LATIN_RANGE = (0x00C0, 0x017F)  # Latin-1 Supplement and Latin Extended-A letters: é, ü, ı, ş, ...
TYPOGRAPHY = frozenset("–—‘’“”°′″…×€£•")
SCRIPTS = "pakafg:scripts"  # a field may also allow, e.g., ["ARABIC"] letters (source titles, URL paths)
KNOWN_SCRIPTS = ("ARABIC",)


def allowed(ch: str, scripts: tuple[str, ...] = ()) -> bool:
    """True if ``ch`` may appear in a text field (that allows letters of ``scripts``)."""
    if ch.isascii():
        return ch.isprintable()
    if ch in TYPOGRAPHY:
        return True
    category = unicodedata.category(ch)
    if category in ("Lu", "Ll") and LATIN_RANGE[0] <= ord(ch) <= LATIN_RANGE[1] and ch not in "×÷":
        return True
    return category.startswith("L") and unicodedata.name(ch, "").startswith(scripts) if scripts else False


def _suspicious(ch: str) -> bool:
    return not allowed(ch)


def shown(text: str) -> str:
    """A cell value quoted for a message, naming any character that would look like another."""
    odd = list(dict.fromkeys(ch for ch in text if _suspicious(ch)))
    quoted = repr(text) if any(not ch.isprintable() for ch in text) else f"'{text}'"
    return quoted + (f" (contains {', '.join(char_name(ch) for ch in odd)})" if odd else "")


# --- 1. reading -----------------------------------------------------------------------

def _decode(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(file, 1, None, None, "the file is UTF-16 encoded; save it as UTF-8")]
    if b"\x00" in data:
        before = data[: data.index(b"\x00")]
        return None, [Problem(file, before.count(b"\n") + 1, None, None,
                              "contains a NUL byte; is it a UTF-16 or binary file? Save it as UTF-8 text")]
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
        values = rules["enum"]
        if len(values) <= 12:
            return f"{shown(cell)} is not one of the allowed values ({', '.join(values)})"
        close = difflib.get_close_matches(cell, values, n=3)
        hint = f". Did you mean {' or '.join(repr(c) for c in close)}?" if close else "."
        return (f"{shown(cell)} is not one of the allowed values: the {len(values)} codes listed in "
                f"datapackage.json{hint} A new code is added there on purpose.")
    if constraint == "pattern":
        return f"{shown(cell)} does not match the pattern {rules['pattern']}"
    if constraint == "minimum":
        return f"{cell} is below the minimum {rules['minimum']}"
    if constraint == "maximum":
        return f"{cell} is above the maximum {rules['maximum']}"
    return f"{shown(cell)} breaks the constraint '{constraint}': {note}"


def _locate(table: RawTable, schema: dict, row_number: int | None) -> tuple[int | None, str | None]:
    """The file line and row key of frictionless's row number (the header is row 1)."""
    if not row_number or row_number < 2:
        return None, None
    return table.lines[row_number - 2], key_label(table, schema, row_number - 2)


def check_schemas(tables: dict[str, RawTable], schemas: dict[str, dict], paths: dict[str, Path]) -> list[Problem]:
    """Types, constraints, unique fields, primary and foreign keys of every readable table.

    Frictionless reads the files itself (faster than handing it the rows); only tables that
    :func:`read_table` found well-formed are given to it, so its row numbers match ours.
    """
    resources = []
    for name in tables:
        schema = dict(schemas[name])
        # A key into a table that could not be read cannot be checked (that table's own
        # problems are reported); without it, frictionless would skip every row of this table.
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", [])
                                 if fk["reference"]["resource"] in ("", name) or fk["reference"]["resource"] in tables]
        resources.append(Resource(name=name, path=paths[name].name, basepath=str(paths[name].parent),
                                  schema=Schema.from_descriptor(schema), encoding="utf-8", format="csv"))
    report = Package(resources=resources).validate()
    problems = []
    for task in report.tasks:
        table, schema = tables[task.name], schemas[task.name]
        fields = {f["name"]: f for f in schema["fields"]}

        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            where = (table.file, *_locate(table, schema, row_number))
            if error.type == "type-error" and fields[error.field_name].get("type") in ("number", "integer"):
                continue  # check_numbers reports every malformed number, more precisely
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
                first_line = _locate(table, schema, int(first.group(1)))[0] if first else None
                column = error.field_name if error.type == "unique-error" else ",".join(key)
                problems.append(Problem(*where, column, f"duplicate value; already used on line {first_line}"))
            elif error.type == "foreign-key":
                target = error.reference_name or task.name
                values = ", ".join(error.field_cells)
                problems.append(Problem(*where, ",".join(error.field_names),
                                        f"{shown(values)} is not a known {'/'.join(error.reference_field_names)} "
                                        f"in {target}"))
            else:
                problems.append(Problem(*where, getattr(error, "field_name", None), f"{error.title}: {error.note}"))
    return problems


# --- 3. the project's own checks ---------------------------------------------------------

_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf]|Â[\u0080-\u00bf ]")


def _character_reasons(text: str, scripts: tuple[str, ...]) -> list[str]:
    reasons = []
    if not unicodedata.is_normalized("NFC", text):
        reasons.append(f"{shown(text[:40])} is not in Unicode normal form C: a letter is written as letter plus "
                       "accent; retype it (or normalise the file to NFC)")
    if _MOJIBAKE.search(text) or "\ufffd" in text:
        reasons.append(f"{shown(text[:40])} looks like text decoded with the wrong encoding (mojibake); "
                       "copy it again from the source")
    for ch in dict.fromkeys(text):
        if ch in "\n\r" or allowed(ch, scripts):
            continue
        category = unicodedata.category(ch)
        if category.startswith("L") and unicodedata.name(ch, "").startswith(KNOWN_SCRIPTS):
            reasons.append(f"contains {char_name(ch)}: this field takes Latin letters only ({SCRIPTS} on a field "
                           "in datapackage.json allows another script)")
        elif category.startswith("L"):
            reasons.append(f"contains {char_name(ch)}, a letter that can pass for another; type the Latin letter")
        elif category in ("Zs", "Zl", "Zp") or ch == "\t":
            reasons.append(f"contains {char_name(ch)}; use a plain space")
        elif category == "Nd":
            reasons.append(f"contains {char_name(ch)}; write digits as 0-9")
        else:
            reasons.append(f"contains the invisible, control or unexpected character {char_name(ch)}")
    return reasons


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
            plain = text.isascii() and text.isprintable()  # the common case: nothing to inspect
            if not plain:
                reasons += _character_reasons(text, tuple(field.get(SCRIPTS, ())))
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


_PLAIN_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
MAX_DIGITS = 15  # a float holds about 15 significant digits; more would be silently rounded


def check_numbers(table: RawTable, schema: dict) -> list[Problem]:
    """Numbers must be plain ASCII, finite, and small and short enough to hold exactly.

    Frictionless accepts 'nan', '1e999', '1_000' and non-ASCII digits, which pandas then
    refuses or rounds without a word; so every number and integer cell is checked here (and
    frictionless's own type errors for them are not repeated).
    """
    problems = []
    kinds = {f["name"]: f["type"] for f in schema["fields"] if f.get("type") in ("number", "integer")}
    for index, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
        for name, kind in kinds.items():
            text = row[name].strip()
            if not text:
                continue
            mantissa = re.split("[eE]", text)[0].lstrip("+-").replace(".", "").lstrip("0")
            if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):
                reason = f"{shown(text)} is not a finite number"
            elif kind == "integer" and not re.fullmatch(r"[+-]?[0-9]+", text):
                reason = f"{shown(text)} is not a whole number (digits 0-9 only: no commas, spaces or decimals)"
            elif not _PLAIN_NUMBER.match(text):
                reason = (f"{shown(text)} is not a number (digits 0-9 and one decimal point: no commas, spaces, "
                          "underscores or other digits)")
            elif not math.isfinite(float(text)):
                reason = f"{shown(text)} is not a finite number"
            elif abs(float(text)) >= MAX_MAGNITUDE:
                reason = f"{text} is too large to be a figure here (at most {MAX_MAGNITUDE:.0e})"
            elif len(mantissa.rstrip("0") if "." in text else mantissa) > MAX_DIGITS:
                reason = f"{text} has more digits than a figure can hold exactly ({MAX_DIGITS} at most)"
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
                seen = set()
                for item in cell.split(ref["delimiter"]):
                    item = item.strip()
                    if item in seen:
                        reason = f"{shown(item)} is listed twice"
                    elif not item:
                        reason = f"empty item in the '{ref['delimiter']}'-separated list"
                    elif item not in known:
                        reason = f"{shown(item)} is not a known {ref['field']} in {ref['resource']}"
                    else:
                        seen.add(item)
                        continue
                    problems.append(Problem(table.file, line, key_label(table, schema, index), field["name"], reason))
    return problems



_SKELETON = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "′": "'", "″": '"'})


def skeleton(text: str) -> str:
    """What a reader sees: case, quote and dash styles, widths and spacing set aside."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_SKELETON).casefold().split())


def check_lookalikes(table: RawTable, schema: dict) -> list[Problem]:
    """Values of a unique field must differ in what a reader sees, not only in their bytes."""
    problems = []
    for field in schema["fields"]:
        if not field.get("constraints", {}).get("unique") or field.get("type", "string") != "string":
            continue
        first: dict[str, tuple[int, str]] = {}
        for index, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
            text = row[field["name"]]
            key = skeleton(text)
            if not key:
                continue
            if key in first and first[key][1] != text:
                problems.append(Problem(table.file, line, key_label(table, schema, index), field["name"],
                                        f"{shown(text)} looks the same as {shown(first[key][1])} on line {first[key][0]}"))
            first.setdefault(key, (line, text))
    return problems
