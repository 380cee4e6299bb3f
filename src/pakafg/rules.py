"""Rules between fields and tables, declared once in ``datapackage.json`` and checked on load.

Each resource may carry ``"pakafg:rules"``: a list of rules, each an object with a ``kind``
and a ``why`` (shown in the data dictionary). The kinds:

``order``
    ``fields`` (two or more): wherever present, their values never decrease in that order,
    e.g. ``value_low <= value <= value_high`` or ``published <= accessed``.
``one_of``
    ``fields``: at least one of them holds a value.
``whole``
    ``fields`` hold whole numbers (counts of people), or only when ``when_field`` is one of
    ``when_in``.
``range_by``
    ``fields`` lie within ``ranges[row[by]]`` (``[min, max]``), e.g. shares 0–100 and
    plausible magnitudes per unit.
``in_box``
    the point (``lat``, ``lon``) lies inside ``boxes[row[by]]`` (``[lat_min, lat_max, lon_min,
    lon_max]``), e.g. a place inside the country it is said to be in.
``in_area``
    the point (``lat``, ``lon``) lies within ``tolerance_km`` of the outline, in the GeoJSON file
    ``areas`` (relative to the data folder), whose ``area_field`` equals ``row[by]``; rows whose
    ``by`` value has no outline there are left to ``in_box``.
``together``
    ``fields`` are all given or all empty (a latitude needs its longitude).
``not_after_as_of``
    the date (or year) ``fields`` are not after the package's as-of date.
``note_when``
    ``field`` (a note) is given, and holds ``contains`` if set, whenever ``when_empty`` is empty,
    ``when_present`` is given, or ``when_field`` is one of ``when_in`` (e.g. an undated source
    says why it is undated; a glossary definition cites its sources).
``unique_when``
    ``field`` is unique among the rows whose ``when_field`` is one of ``when_in`` (e.g. one
    source row per page, while two datasets may share a repository's address).
``not_before``
    ``field`` is not before the date ``target`` of the row of ``resource`` whose ``key``
    equals this row's ``via`` (e.g. a commitment's status date not before its round).

Any rule may list ``exceptions``: rows (given by ``key``, a mapping of field to value) that
break it in the source itself and are kept as published, each with its ``why``.

Problems are reported as :class:`pakafg.validate.Problem` with file, line, row key and column.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd
from shapely.geometry import Point, shape
from shapely.ops import unary_union

from .validate import Problem

RULES = "pakafg:rules"


def _present(value) -> bool:
    return value is not None and not pd.isna(value)


def _show(value) -> str:
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _order(rule, row, _context):
    present = [(f, row[f]) for f in rule["fields"] if _present(row[f])]
    for (low_field, low), (high_field, high) in zip(present, present[1:], strict=False):
        if high < low:
            word = "before" if isinstance(high, pd.Timestamp) else "below"
            yield high_field, f"{_show(high)} is {word} {low_field} {_show(low)}"


def _one_of(rule, row, _context):
    if not any(_present(row[f]) for f in rule["fields"]):
        yield rule["fields"][0], f"a figure is required: give {' or '.join(rule['fields'])}"


def _whole(rule, row, _context):
    condition = rule.get("when_field")
    if condition and row[condition] not in rule["when_in"]:
        return
    counted = f"{row[condition]} are" if condition else "people are"
    for field in rule["fields"]:
        value = row[field]
        if _present(value) and not float(value).is_integer():
            yield field, f"{_show(value)} is not a whole number, but {counted} counted whole"


def _range_by(rule, row, _context):
    bounds = rule["ranges"].get(row[rule["by"]])
    if bounds is None:
        return
    low, high = bounds
    for field in rule["fields"]:
        value = row[field]
        if _present(value) and not low <= value <= high:
            yield field, (f"{_show(value)} is outside the plausible range {_show(low)}–{_show(high)} "
                          f"for {rule['by']} '{row[rule['by']]}'")


def _in_box(rule, row, _context):
    box = rule["boxes"].get(row[rule["by"]])
    lat, lon = row[rule["lat"]], row[rule["lon"]]
    if box is None or not (_present(lat) and _present(lon)):
        return
    lat_min, lat_max, lon_min, lon_max = box
    if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
        yield rule["lat"], (f"the point {_show(lat)}, {_show(lon)} (lat, lon) lies outside {row[rule['by']]} "
                            f"(latitude {lat_min} to {lat_max}, longitude {lon_min} to {lon_max}); "
                            "are latitude and longitude swapped?")


@cache
def _outlines(path: Path, area_field: str) -> dict:
    """The outlines in a GeoJSON file, merged per value of ``area_field``."""
    from .data import note_read  # the build tracks every file a notebook reads

    note_read(path)
    parts: dict[str, list] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        parts.setdefault(feature["properties"][area_field], []).append(shape(feature["geometry"]))
    return {code: unary_union(shapes) for code, shapes in parts.items()}


KM_PER_DEGREE = 111.2  # along a meridian; close enough for a tolerance of a few kilometres


def _in_area(rule, row, context):
    lat, lon = row[rule["lat"]], row[rule["lon"]]
    outlines = _outlines(context["directory"] / rule["areas"], rule["area_field"])
    area = outlines.get(row[rule["by"]])
    if area is None or not (_present(lat) and _present(lon)):
        return
    distance = area.distance(Point(lon, lat)) * KM_PER_DEGREE
    if distance > rule["tolerance_km"]:
        yield rule["lat"], (f"the point {_show(lat)}, {_show(lon)} (lat, lon) lies about {distance:.0f} km outside "
                            f"{row[rule['by']]} as drawn in {rule['areas']}; is it in the other country, or are "
                            "latitude and longitude swapped?")


def _not_after_as_of(rule, row, context):
    as_of = context["as_of"]
    for field in rule["fields"]:
        value = row[field]
        if not _present(value):
            continue
        if isinstance(value, pd.Timestamp) and value.date() > as_of:
            yield field, f"{_show(value)} is after the dataset's as-of date {as_of}"
        elif not isinstance(value, pd.Timestamp) and int(value) > as_of.year:
            yield field, f"{_show(value)} is after the dataset's as-of year {as_of.year}"


def _together(rule, row, _context):
    present = [f for f in rule["fields"] if _present(row[f])]
    if present and len(present) != len(rule["fields"]):
        missing = [f for f in rule["fields"] if f not in present]
        yield missing[0], f"is empty while {', '.join(present)} is given: give all of {', '.join(rule['fields'])} or none"


def _not_before(rule, row, context):
    lookup = context["frames"][rule["resource"]].set_index(rule["key"])[rule["target"]]
    reference = row[rule["via"]]
    if reference not in lookup.index or not _present(row[rule["field"]]):
        return  # an unknown reference is reported by the foreign-key check
    target = lookup.loc[reference]
    if row[rule["field"]] < target:
        yield rule["field"], (f"{_show(row[rule['field']])} is before the {rule['target']} "
                              f"{_show(target)} of {rule['resource']} {reference}")


def _note_when(rule, row, _context):
    if "when_empty" in rule:
        applies, situation = not _present(row[rule["when_empty"]]), f"{rule['when_empty']} is empty"
    elif "when_present" in rule:
        applies, situation = _present(row[rule["when_present"]]), f"{rule['when_present']} is given"
    else:
        applies, situation = row[rule["when_field"]] in rule["when_in"], f"{rule['when_field']} is {row[rule['when_field']]}"
    if not applies:
        return
    note = row[rule["field"]]
    wanted = rule.get("contains")
    if not _present(note) or (wanted and wanted not in str(note)):
        what = f"a note containing '{wanted}'" if wanted else "a note"
        yield rule["field"], f"needs {what} because {situation}"


def _unique_when(rule, row, context):
    field, when_field = rule["field"], rule["when_field"]
    if row[when_field] not in rule["when_in"] or not _present(row[field]):
        return
    frame = context["frames"][context["resource"]]
    same = frame[(frame[field] == row[field]) & frame[when_field].isin(rule["when_in"])]
    if len(same) > 1:
        key = context["key_field"]
        others = [k for k in same[key] if k != row[key]] if key else []
        yield field, f"is also the {field} of {', '.join(map(str, others)) or 'another row'}: cite one row per {field}"


def _matches(row: dict, key: dict) -> bool:
    return all(_show(row[field]) == str(value) for field, value in key.items())


KINDS: dict[str, Callable] = {
    "order": _order, "one_of": _one_of, "whole": _whole, "range_by": _range_by, "in_box": _in_box,
    "not_after_as_of": _not_after_as_of, "together": _together, "not_before": _not_before,
    "note_when": _note_when, "unique_when": _unique_when, "in_area": _in_area,
}
# The parameters each kind needs (checked in datapackage.json by pakafg.descriptor).
RULE_PARAMETERS = {
    "order": ("fields",), "one_of": ("fields",), "whole": ("fields",), "range_by": ("fields", "by", "ranges"),
    "in_box": ("lat", "lon", "by", "boxes"), "not_after_as_of": ("fields",), "together": ("fields",),
    "not_before": ("field", "via", "resource", "key", "target"), "note_when": ("field",),
    "unique_when": ("field", "when_field", "when_in"),
    "in_area": ("lat", "lon", "by", "areas", "area_field", "tolerance_km"),
}


def check_rules(descriptor: dict, frames: dict[str, pd.DataFrame], lines: dict[str, list[int]],
                files: dict[str, str], keys: dict[str, list[str | None]], directory: Path) -> list[Problem]:
    """Check every declared rule on the typed frames; ``lines``/``keys`` locate each row.

    ``directory`` is the data folder, against which a rule's file (``areas``) is found.
    """
    context = {"as_of": dt.date.fromisoformat(descriptor["pakafg:as_of"]), "frames": frames, "directory": directory}
    problems = []
    for resource in descriptor["resources"]:
        name = resource["name"]
        if name not in frames:
            continue
        primary_key = resource.get("schema", {}).get("primaryKey")
        context.update(resource=name, key_field=primary_key if isinstance(primary_key, str) else None)
        for rule in resource.get(RULES, []):
            check = KINDS[rule["kind"]]
            for position, row in enumerate(frames[name].to_dict("records")):
                if any(_matches(row, exception["key"]) for exception in rule.get("exceptions", [])):
                    continue
                for column, reason in check(rule, row, context):
                    problems.append(Problem(files[name], lines[name][position], keys[name][position], column, reason))
    return problems


def describe(rule: dict) -> str:
    """A rule in words, for the data dictionary."""
    kind = rule["kind"]
    if kind == "order":
        text = " ≤ ".join(f"`{f}`" for f in rule["fields"]) + " wherever present"
    elif kind == "one_of":
        text = "at least one of " + ", ".join(f"`{f}`" for f in rule["fields"]) + " is given"
    elif kind == "whole":
        text = ", ".join(f"`{f}`" for f in rule["fields"]) + " are whole numbers"
        if rule.get("when_field"):
            text += f" when `{rule['when_field']}` is " + ", ".join(rule["when_in"])
    elif kind == "range_by":
        text = (", ".join(f"`{f}`" for f in rule["fields"]) + f" lie within a range set by `{rule['by']}`: "
                + "; ".join(f"{k} {_show(lo)}–{_show(hi)}" for k, (lo, hi) in rule["ranges"].items()))
    elif kind == "in_box":
        text = f"(`{rule['lat']}`, `{rule['lon']}`) lies inside the box of its `{rule['by']}`"
    elif kind == "together":
        text = ", ".join(f"`{f}`" for f in rule["fields"]) + " are given together or not at all"
    elif kind == "not_after_as_of":
        text = ", ".join(f"`{f}`" for f in rule["fields"]) + " not after the as-of date"
    elif kind == "not_before":
        text = f"`{rule['field']}` not before `{rule['target']}` of the {rule['resource']} row named by `{rule['via']}`"
    elif kind == "in_area":
        text = (f"(`{rule['lat']}`, `{rule['lon']}`) lies within {rule['tolerance_km']} km of the outline of its "
                f"`{rule['by']}` in {rule['areas']}")
    elif kind == "unique_when":
        text = f"`{rule['field']}` is unique among rows whose `{rule['when_field']}` is " + ", ".join(rule["when_in"])
    elif kind == "note_when":
        if "when_empty" in rule:
            condition = f"`{rule['when_empty']}` is empty"
        elif "when_present" in rule:
            condition = f"`{rule['when_present']}` is given"
        else:
            condition = f"`{rule['when_field']}` is " + ", ".join(rule["when_in"])
        wanted = f" containing '{rule['contains']}'" if rule.get("contains") else ""
        text = f"`{rule['field']}` gives a note{wanted} when {condition}"
    else:
        raise ValueError(f"unknown rule kind '{kind}'")
    text = f"{text}: {rule['why']}" if rule.get("why") else text
    for exception in rule.get("exceptions", []):
        key = ", ".join(f"{field} {value}" for field, value in exception["key"].items())
        text += f" (except {key}: {exception['why']})"
    return text
