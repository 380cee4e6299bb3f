"""Citations joined by key: each table row links the sources of the dataset row it shows.

A chapter never builds a list of links and attaches it to a table. It keeps the row's key
(for example ``claim_id``) as a column of the frame it displays, and the table looks the
sources up for that key when it renders::

    Table(frame, "Claims of people killed", cite=Citation(data, "claims"))

Sorting, filtering or grouping the frame beforehand cannot misalign a row and its sources,
because the key travels inside the row. Rows drawn from several tables carry a reference
tuple instead, e.g. ``("claims", "WC072")`` or ``("refugee_population", 2025, "refugees")``,
in a column named ``ref`` (``Citation(data)``).
"""

from __future__ import annotations

import pandas as pd

from . import fmt
from .data import Dataset
from .text import Markup, markdown, markdown_link

COPY_MARK = " [copy]"


class Citation:
    """How a table finds each row's sources: by the row's own key into a dataset table.

    ``resource``: the table the rows come from (its primary key columns must be in the frame),
    or None when the frame has a ``ref`` column of ``(resource, *key)`` tuples.
    ``limit``: show at most this many links per row ("and N more" for the rest).
    ``label``: ``"publisher"`` ("Dawn, 19 Oct 2025") or ``"title"`` (the document's title).
    A source whose tier is ``aggregator`` is marked " [copy]" wherever it is linked.
    """

    def __init__(self, data: Dataset, resource: str | None = None, *, limit: int | None = None,
                 header: str = "Source", label: str = "publisher"):
        if label not in ("publisher", "title"):
            raise ValueError("label is 'publisher' or 'title'")
        self.data = data
        self.resource = resource
        self.key_columns: list[str] = data.primary_key(resource) if resource else ["ref"]
        self.limit = limit
        self.header = header
        self.label = label
        self._sources = data["sources"].set_index("source_id")

    def reference(self, row: pd.Series) -> tuple:
        """The row's ``(resource, *key)``, read from the row itself."""
        if self.resource is None:
            ref = row["ref"]
            if not isinstance(ref, tuple) or len(ref) < 2:
                raise ValueError(f"column 'ref' must hold (resource, key, ...) tuples; got {ref!r}")
            return ref
        return (self.resource, *(row[c] for c in self.key_columns))

    def source_ids(self, row: pd.Series) -> list[str]:
        """Every source id the dataset row behind ``row`` cites."""
        resource, *key = self.reference(row)
        return self.data.row_sources(resource, key[0] if len(key) == 1 else tuple(key))

    def links(self, row: pd.Series) -> tuple[list[tuple[str, str]], int]:
        """(label, url) of each source shown, and how many more were left out by ``limit``."""
        ids = self.source_ids(row)
        shown = ids if self.limit is None else ids[: self.limit]
        pairs = []
        for source_id in shown:
            source = self._sources.loc[source_id]
            if self.label == "title":
                text = source["title"]
            else:
                date = "undated" if pd.isna(source["published"]) else fmt.short_date(source["published"])
                text = f"{source['publisher']}, {date}"
            if source["tier"] == "aggregator":
                text += COPY_MARK  # a copy on an aggregator or mirror: used only when nothing better was found
            pairs.append((text, source["url"]))
        return pairs, len(ids) - len(shown)

    def markdown(self, row: pd.Series) -> Markup:
        pairs, more = self.links(row)
        text = "; ".join(markdown_link(label, url) for label, url in pairs)
        return Markup(text + (f" {markdown(f'and {more} more')}" if more else ""))

    def provenance(self, row: pd.Series) -> dict:
        """What the provenance test checks: the row's reference and the sources it shows."""
        pairs, more = self.links(row)
        return {"ref": [_plain(part) for part in self.reference(row)], "urls": [url for _, url in pairs], "more": more}


def _plain(value):
    """A key part as JSON can hold it (dates as YYYY-MM-DD, numbers as Python ints)."""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if hasattr(value, "item"):
        return value.item()
    return value

