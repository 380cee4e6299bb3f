"""Tables that read as real tables in Jupyter, in the HTML book and in the PDF.

``Table`` offers two representations:

* ``text/markdown``: a MyST ``list-table`` directive. The book renders Markdown
  outputs with the MyST parser (``nb_render_markdown_format: myst``) and prefers
  this representation for every builder, so Sphinx turns it into a docutils table:
  an HTML ``<table>`` on the web and a typeset (tabulary/longtable) table in the PDF.
* ``text/html``: a plain HTML table for anyone re-running the notebook in Jupyter.

``align_right`` right-aligns the named (numeric) columns in the Jupyter HTML view; MyST
list-tables have no per-column alignment, so the book shows them left-aligned.

Cell values are formatted by the caller (see :mod:`pakafg.fmt`) or by ``formats``;
missing values show as an en dash. Text is escaped so that data can never inject markup,
except in columns named in ``markdown_columns`` (used for links the code builds itself).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence

import pandas as pd

MISSING = "–"
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>|$~#])")
_LEADING_BLOCK_MARKER = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Escape characters MyST would read as markup; keep the visible text identical."""
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    text = _LEADING_BLOCK_MARKER.sub(r"\1\\\2", text)  # "1. x" would start a list
    if text[:1] in ("-", "+", "=", ":"):
        text = "\\" + text
    return " ".join(text.split())  # a list-table cell must stay on one line


class Table:
    """A captioned table built from a DataFrame; display it as the last line of a cell."""

    def __init__(
        self,
        frame: pd.DataFrame,
        caption: str,
        *,
        name: str | None = None,
        formats: Mapping[str, Callable[[object], str]] | None = None,
        widths: Sequence[int] | None = None,
        align_right: Sequence[str] = (),
        markdown_columns: Sequence[str] = (),
        note: str | None = None,
    ):
        if frame.empty:
            raise ValueError(f"table '{caption}' has no rows: refusing to show an empty table")
        if widths is not None and len(widths) != frame.shape[1]:
            raise ValueError(f"widths has {len(widths)} entries for {frame.shape[1]} columns")
        unknown = set(markdown_columns) - set(frame.columns)
        if unknown:
            raise ValueError(f"markdown_columns not in the frame: {sorted(unknown)}")
        self.caption = caption
        self.name = name
        self.widths = widths
        self.align_right = set(align_right)
        self.markdown_columns = set(markdown_columns)
        self.note = note
        self.columns = [str(c) for c in frame.columns]
        formats = formats or {}
        self.cells = [
            [self._cell_text(value, formats.get(column)) for column, value in row.items()]
            for _, row in frame.iterrows()
        ]

    @staticmethod
    def _cell_text(value, formatter) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return MISSING
        if formatter is not None:
            return formatter(value)
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d}"
        return str(value)

    def _markdown_cell(self, column: str, text: str) -> str:
        if text == MISSING or column in self.markdown_columns:
            return text
        return escape_markdown(text)

    def _repr_markdown_(self) -> str:
        widths = " ".join(str(w) for w in self.widths) if self.widths else "auto"
        lines = [f":::{{list-table}} {escape_markdown(self.caption)}", ":header-rows: 1", f":widths: {widths}"]
        if self.name:
            lines.append(f":name: {self.name}")
        # longtable lets a table break across PDF pages instead of jumping to the next one.
        lines.append(":class: longtable pakafg-table")
        lines.append("")
        for row in [self.columns] + self.cells:
            for position, (column, text) in enumerate(zip(self.columns, row)):
                marker = "* -" if position == 0 else "  -"
                shown = escape_markdown(text) if row is self.columns else self._markdown_cell(column, text)
                lines.append(f"{marker} {shown}")
        lines.append(":::")
        if self.note:
            lines += ["", escape_markdown(self.note)]
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = []
        for row in self.cells:
            tds = []
            for column, text in zip(self.columns, row):
                style = ' style="text-align:right"' if column in self.align_right else ""
                tds.append(f"<td{style}>{html.escape(text)}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        note = f"<p><small>{html.escape(self.note)}</small></p>" if self.note else ""
        return (
            f'<table class="pakafg-table"><caption>{html.escape(self.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}"
        )

    def __repr__(self) -> str:
        return f"<Table '{self.caption}': {len(self.cells)} rows × {len(self.columns)} columns>"
