"""Check datapackage.json itself: a typo there must not switch a check off silently.

Unknown ``pakafg:`` keys, field types, constraints or rule kinds; keys, rules and references
naming tables or fields that do not exist; labels and colours that do not match a field's
allowed values; resource paths outside the data folder: each is a problem located by
resource, field or rule.
"""

from __future__ import annotations

import datetime as dt
import re

from .rules import KINDS, RULE_PARAMETERS, RULES
from .validate import KNOWN_SCRIPTS, LIST_REFERENCE, SCRIPTS, URL, Problem, shown

TYPES = ("string", "integer", "number", "date", "year", "boolean")
CONSTRAINTS = ("required", "unique", "enum", "pattern", "minimum", "maximum")
FIELD_KEYS = ("name", "type", "description", "constraints", "format", "pakafg:labels", "pakafg:colours",
              LIST_REFERENCE, URL, SCRIPTS)
RESOURCE_PATH = re.compile(r"^[a-z0-9_]+\.csv$")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def check_descriptor(descriptor: dict, file: str) -> list[Problem]:
    """Every problem of the descriptor, located by resource, field or rule (the file, no line)."""
    problems: list[Problem] = []

    def problem(where: str, column: str | None, reason: str) -> None:
        problems.append(Problem(file, None, where, column, reason))

    for key in descriptor:
        if key.startswith("pakafg:") and key != "pakafg:as_of":
            problem("package", key, "unknown pakafg: key")
    try:
        dt.date.fromisoformat(str(descriptor.get("pakafg:as_of", "")))
    except ValueError:
        problem("package", "pakafg:as_of", "must be the dataset's as-of date as YYYY-MM-DD")
    resources = {r.get("name"): r for r in descriptor.get("resources", [])}
    fields_of = {name: {f.get("name"): f for f in r.get("schema", {}).get("fields", [])} for name, r in resources.items()}
    for name, resource in resources.items():
        where = f"resource '{name}'"
        if not RESOURCE_PATH.match(str(resource.get("path", ""))):
            problem(where, "path", f"{shown(str(resource.get('path')))} must be a plain file name in the data folder "
                                   "(lower-case letters, digits, _ and .csv)")
        for key in resource:
            if key.startswith("pakafg:") and key != RULES:
                problem(where, key, f"unknown pakafg: key (did you mean {RULES}?)")
        fields = fields_of[name]
        for field in fields.values():
            problems.extend(_field_problems(file, where, field))
        schema = resource.get("schema", {})
        key = schema.get("primaryKey")
        for column in [key] if isinstance(key, str) else (key or []):
            if column not in fields:
                problem(where, "primaryKey", f"names the field '{column}', which the table does not have")
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"]["resource"] or name
            columns = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            targets = fk["reference"]["fields"]
            targets = targets if isinstance(targets, list) else [targets]
            if target not in resources:
                problem(where, "foreignKeys", f"refers to a table '{target}' that the package does not have")
            elif any(t not in fields_of[target] for t in targets) or any(c not in fields for c in columns):
                problem(where, "foreignKeys", f"names fields {columns} -> {target}.{targets} that do not all exist")
        for field in fields.values():
            ref = field.get(LIST_REFERENCE)
            if ref and (ref.get("resource") not in resources or not ref.get("delimiter")
                        or ref.get("field") not in fields_of.get(ref.get("resource"), {})):
                problem(where, field["name"], f"{LIST_REFERENCE} must name an existing table, field and a delimiter")
        for position, rule in enumerate(resource.get(RULES, [])):
            problems.extend(_rule_problems(file, where, f"{RULES}[{position}]", rule, fields, resources, fields_of))
    return problems


def _field_problems(file: str, where: str, field: dict) -> list[Problem]:
    found = [f"unknown key '{key}'" for key in field if key not in FIELD_KEYS]
    if field.get("type", "string") not in TYPES:
        found.append(f"type '{field.get('type')}' is not one of {', '.join(TYPES)}")
    found += [f"unknown constraint '{key}'" for key in field.get("constraints", {}) if key not in CONSTRAINTS]
    enum = field.get("constraints", {}).get("enum")
    for kind in ("pakafg:labels", "pakafg:colours"):
        values = field.get(kind)
        if values is None:
            continue
        if enum is None or set(values) != set(enum):
            found.append(f"{kind} must give exactly the allowed values {enum}")
        if kind == "pakafg:labels" and any(not str(v).strip() or str(v).startswith("_") for v in values.values()):
            found.append("a label is empty or starts with '_' (which would hide it from chart legends)")
        if kind == "pakafg:colours" and any(not COLOUR.match(str(v)) for v in values.values()):
            found.append("colours must be written #RRGGBB")
    found += [f"{SCRIPTS} lists '{script}'; known scripts are {', '.join(KNOWN_SCRIPTS)}"
              for script in field.get(SCRIPTS, []) if script not in KNOWN_SCRIPTS]
    return [Problem(file, None, where, field.get("name"), reason) for reason in found]


def _rule_problems(file, where, label, rule, fields, resources, fields_of) -> list[Problem]:
    kind = rule.get("kind")
    if kind not in KINDS:
        return [Problem(file, None, where, label, f"unknown rule kind '{kind}'; kinds are {', '.join(KINDS)}")]
    found = [f"lacks '{p}'" for p in RULE_PARAMETERS[kind] if p not in rule]
    if kind == "in_area" and not re.fullmatch(r"[a-z0-9_]+(/[a-z0-9_]+)*\.geojson", str(rule.get("areas", ""))):
        found.append("names an areas file that is not a plain .geojson path inside the data folder")
    conditions = ("when_empty" in rule) + ("when_present" in rule) + ("when_field" in rule and "when_in" in rule)
    if kind == "note_when" and conditions != 1:
        found.append("needs one of 'when_empty', 'when_present', or both 'when_field' and 'when_in'")
    if found:
        return [Problem(file, None, where, label, f"{kind} rule {reason}") for reason in found]
    named = list(rule.get("fields", []))
    named += [rule[p] for p in ("field", "via", "by", "lat", "lon", "when_field", "when_empty", "when_present")
              if p in rule]
    found += [f"names the field '{f}', which the table does not have" for f in named if f not in fields]
    for exception in rule.get("exceptions", []):
        found += [f"an exception names the field '{f}', which the table does not have"
                  for f in exception.get("key", {}) if f not in fields]
    if kind in ("range_by", "in_box") and rule["by"] in fields:
        allowed_values = fields[rule["by"]].get("constraints", {}).get("enum")
        table = rule["ranges"] if kind == "range_by" else rule["boxes"]
        if allowed_values is not None:
            found += [f"gives a range for '{v}', which is not a value of {rule['by']}" for v in table
                      if v not in allowed_values]
        size = 2 if kind == "range_by" else 4
        found += [f"the range for '{v}' must be {size} numbers, low before high" for v, bounds in table.items()
                  if len(bounds) != size or bounds[0] > bounds[1] or (size == 4 and bounds[2] > bounds[3])]
    if kind == "whole" and "when_field" in rule and "when_in" not in rule:
        found.append("gives when_field without when_in")
    if kind == "not_before" and (rule["resource"] not in resources
                                 or {rule["key"], rule["target"]} - set(fields_of[rule["resource"]])):
        found.append(f"refers to {rule['resource']}.{rule['key']}/{rule['target']}, which do not exist")
    return [Problem(file, None, where, label, f"{kind} rule {reason}") for reason in found]
