"""The data dictionary, generated from ``data/datapackage.json`` so it cannot drift.

Used twice: the Methods chapter renders it as tables, and ``data/README.md`` carries it
as Markdown between two marker lines (``scripts/data_dictionary.py`` rewrites that part;
a test fails if it is out of date).
"""

from __future__ import annotations

import pandas as pd

from . import rules
from .validate import LIST_REFERENCE, URL

LONG_LIST = 30  # longer closed lists are summarised, not spelled out

BEGIN = "<!-- BEGIN GENERATED DATA DICTIONARY: edit datapackage.json, then run scripts/data_dictionary.py -->"
END = "<!-- END GENERATED DATA DICTIONARY -->"


def describe_field(field: dict, schema: dict) -> str:
    """A field's description plus its rules in words (required, allowed values, links)."""
    parts = [field.get("description", "").rstrip(".") + "."]
    constraints = field.get("constraints", {})
    if constraints.get("required"):
        parts.append("Required.")
    if "enum" in constraints:
        labels, values = field.get("pakafg:labels", {}), constraints["enum"]
        if len(values) > LONG_LIST:
            parts.append(f"One of the {len(values)} codes listed in datapackage.json, such as "
                         + ", ".join(values[:4]) + ".")
        else:
            parts.append("One of: " + ", ".join(f"{v} ({labels[v]})" if labels.get(v) else v for v in values) + ".")
    if "minimum" in constraints or "maximum" in constraints:
        bounds = []
        if "minimum" in constraints:
            bounds.append(f"at least {constraints['minimum']}")
        if "maximum" in constraints:
            bounds.append(f"at most {constraints['maximum']}")
        parts.append(" and ".join(bounds).capitalize() + ".")
    primary = schema.get("primaryKey")
    primary = [primary] if isinstance(primary, str) else (primary or [])
    if field["name"] in primary:
        parts.append("Primary key." if len(primary) == 1 else "Part of the primary key.")
    for fk in schema.get("foreignKeys", []):
        if fk["fields"] == field["name"]:
            parts.append(f"Must match {fk['reference']['fields']} in {fk['reference']['resource']}.")
    ref = field.get(LIST_REFERENCE)
    if ref:
        parts.append(f"Each id must match {ref['field']} in {ref['resource']}.")
    if field.get(URL):
        parts.append("Checked as a safe http(s) link.")
    return " ".join(parts)


def dictionary_frames(descriptor: dict) -> list[tuple[str, pd.DataFrame]]:
    """One (resource name, table of its columns) pair per resource."""
    result = []
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        frame = pd.DataFrame(
            {
                "Column": [f["name"] for f in schema["fields"]],
                "Type": [f.get("type", "string") for f in schema["fields"]],
                "Meaning and rules": [describe_field(f, schema) for f in schema["fields"]],
            }
        )
        result.append((resource["name"], frame))
    return result


def dictionary_markdown(descriptor: dict) -> str:
    """The whole dictionary as Markdown, wrapped in the marker lines."""
    lines = [BEGIN, ""]
    for resource in descriptor["resources"]:
        lines += [f"### `{resource['path']}`: {resource['title']}", "", resource["description"], ""]
        lines += ["| Column | Type | Meaning and rules |", "|---|---|---|"]
        for field in resource["schema"]["fields"]:
            text = describe_field(field, resource["schema"]).replace("|", "\\|")
            lines.append(f"| `{field['name']}` | {field.get('type', 'string')} | {text} |")
        lines.append("")
        declared = resource.get(rules.RULES, [])
        if declared:
            lines.append("Rules checked on load:")
            lines.append("")
            lines += [f"- {rules.describe(rule)}" for rule in declared]
            lines.append("")
    lines.append(END)
    return "\n".join(lines) + "\n"


def replace_generated_section(readme: str, generated: str) -> str:
    """Put ``generated`` between the markers of ``readme`` (which must have both)."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise ValueError("data/README.md lacks the generated-dictionary marker lines")
    return readme[:start] + generated + readme[end + len(END) + 1:]
