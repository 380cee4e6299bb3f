"""Citations: turn source ids into links a reader can follow, in tables and text."""

from __future__ import annotations

import pandas as pd

from . import fmt
from .tables import escape_markdown


def _citation_date(value) -> str:
    return "undated" if value is None or pd.isna(value) else fmt.short_date(value)


def source_link(sources: pd.DataFrame, source_id: str) -> str:
    """'[Dawn, 19 Oct 2025](url)' for one source id (Markdown, text escaped)."""
    indexed = sources.set_index("source_id")
    if source_id not in indexed.index:
        raise KeyError(f"unknown source id '{source_id}'")
    row = indexed.loc[source_id]
    label = escape_markdown(f"{row['publisher']}, {_citation_date(row['published'])}")
    return f"[{label}]({row['url']})"


def source_links(sources: pd.DataFrame, ids: str, limit: int | None = None) -> str:
    """Links for a ';'-separated id list, joined with '; ' (optionally only the first ``limit``)."""
    parts = [p.strip() for p in str(ids).split(";") if p.strip()]
    shown = parts if limit is None else parts[:limit]
    text = "; ".join(source_link(sources, p) for p in shown)
    if limit is not None and len(parts) > limit:
        text += f" and {len(parts) - limit} more"
    return text
