"""Put numbers into the prose through myst-nb ``glue``, always formatted by :mod:`pakafg.fmt`.

In a chapter::

    glue_text("returns_total", fmt.compact(total))

and in the Markdown: ``{glue:text}`returns_total```. The value is stored as a plain
Python string, so the ``{glue:text}`` role shows it without quotes and nbval compares
it exactly; a data edit that changes the number changes the text.
"""

from __future__ import annotations

from myst_nb import glue as _myst_glue

from . import fmt
from .text import one_line


def glue_text(name: str, text: str) -> str:
    """Glue an already-formatted string under ``name`` (not displayed in the cell)."""
    if not isinstance(text, str):
        raise TypeError(f"glue_text('{name}', ...) takes a formatted str, got {type(text).__name__}; "
                        "format it with pakafg.fmt first")
    text = one_line(text)  # glued text/plain is shown as a text node: nothing in it is parsed
    _myst_glue(name, text, display=False)
    return text


def glue_figure(name: str, row) -> str:
    """Glue a row's figure (``value``, ``value_low``, ``value_high``) worded as reported ("at least 200")."""
    return glue_text(name, fmt.row_figure(row))


def glue_tiers(prefix: str, tiers: dict[str, int]) -> None:
    """Glue a chapter's source counts by tier (from ``Dataset.tier_counts``) as ``{prefix}_sources``,
    ``{prefix}_primary`` (official and party pages), ``{prefix}_wire`` and ``{prefix}_copies``."""
    glue_text(f"{prefix}_sources", fmt.integer(sum(tiers.values())))
    glue_text(f"{prefix}_primary", fmt.integer(tiers["primary_official"] + tiers["primary_party"]))
    glue_text(f"{prefix}_wire", fmt.integer(tiers["wire"]))
    glue_text(f"{prefix}_copies", fmt.integer(tiers["aggregator"]))
