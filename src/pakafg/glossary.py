"""The glossary page: the glossary table rendered as a MyST ``glossary`` directive.

Each term becomes a Sphinx glossary entry, so ``{term}`TTP``` anywhere in the book links to it
and the index lists it. Term names are restricted by the schema's pattern (letters, digits,
spaces and ``-–'().,/``), so a term line can neither close the directive nor start a role;
definitions go through :func:`pakafg.text.markdown` like all text from the data; the "see
also" roles are built here from validated term names; sources are linked by the row's key
(:class:`pakafg.cite.Citation`).
"""

from __future__ import annotations

import re

import pandas as pd

from .cite import Citation
from .data import Dataset, split_ids
from .text import markdown

TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 '’().,/–-]*$")


def term_role(term: str) -> str:
    """A ``{term}`` role for a validated glossary term; ValueError for anything else."""
    if not TERM.match(term):
        raise ValueError(f"{term!r} is not a glossary term the book can link to")
    return f"{{term}}`{term}`"


class Glossary:
    """The glossary as a displayable MyST directive; display it as the last line of a cell.

    ``frame``: the glossary table (``term``, ``definition``, ``related``, ``source_ids``).
    Raises ValueError for an empty frame or an unlinkable term.
    """

    def __init__(self, frame: pd.DataFrame, data: Dataset):
        if frame.empty:
            raise ValueError("the glossary has no entries")
        self.frame = frame.sort_values("term", key=lambda s: s.str.casefold())
        self.cite = Citation(data, "glossary")

    def entry(self, row: pd.Series) -> str:
        """One entry: the term line, then its definition (or pointer), see-also roles and sources."""
        term_role(row["term"])  # the term line is written as is: refuse anything but a plain term
        related = split_ids(row["related"]) if pd.notna(row["related"]) else []
        if pd.isna(row["definition"]):
            return f"{row['term']}\n  See {term_role(related[0])}."
        text = markdown(row["definition"])
        if related:
            text += " See also " + ", ".join(term_role(t) for t in related) + "."
        sources = self.cite.markdown(row)
        # Sources go in a paragraph of their own, which the PDF leaves out for length (_ext/report_build.py).
        return f"{row['term']}\n  {text}\n\n  Sources: {sources}" if sources else f"{row['term']}\n  {text}"

    def _repr_markdown_(self) -> str:
        entries = "\n\n".join(self.entry(row) for _, row in self.frame.iterrows())
        return f":::{{glossary}}\n:sorted:\n\n{entries}\n:::\n"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/markdown": self._repr_markdown_(), "text/plain": f"Glossary of {len(self.frame)} terms"}
