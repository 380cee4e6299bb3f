"""Tables that read as real tables in Jupyter, in the HTML book and in the PDF.

``Table`` offers, through ``_repr_mimebundle_``:

* ``text/markdown``: a MyST ``list-table`` directive. The book renders Markdown outputs with
  the MyST parser (``nb_render_markdown_format: myst``) and prefers this representation for
  every builder, so Sphinx turns it into a docutils table: an HTML ``<table>`` on the web and a
  typeset (longtable) table in the PDF.
* ``text/html``: a plain HTML table for anyone re-running the notebook in Jupyter.
* output metadata ``pakafg.provenance``: for each row, the dataset row it shows and the URLs
  of the sources it links, which the provenance test compares with the dataset.

Every cell is text from the data unless it is :class:`~pakafg.text.Markup` built by this
package, and goes through :func:`pakafg.text.markdown` (or ``html.escape``). With ``cite``
(a :class:`~pakafg.cite.Citation`) the table adds a Source column, looked up from each
row's own key: the key columns travel in the frame and are not displayed.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

import pandas as pd

from .cite import Citation
from .text import Markup, markdown

MISSING = "–"


class Table:
    """A captioned table built from a DataFrame; display it as the last line of a cell.

    ``formats`` maps a column to a function that turns a value into text; ``widths`` gives
    relative column widths (the Source column included, when cited); ``align_right`` names
    numeric columns to right-align in Jupyter; ``note`` is plain text printed under the table.
    With ``numbered=False`` the caption is a bold line above the table instead of a numbered
    caption (for a table shown in only one edition). Raises ValueError for an empty frame, a width
    count that does not match, a missing key column, a name on an unnumbered table, or a Markup
    column holding plain strings.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        caption: str,
        *,
        name: str | None = None,
        cite: Citation | None = None,
        formats: Mapping[str, Callable[[object], str]] | None = None,
        widths: Sequence[int] | None = None,
        align_right: Sequence[str] = (),
        note: str | None = None,
        numbered: bool = True,
    ):
        if frame.empty:
            raise ValueError(f"table '{caption}' has no rows: refusing to show an empty table")
        keys = list(cite.key_columns) if cite else []
        missing = [k for k in keys if k not in frame.columns]
        if missing:
            raise ValueError(f"table '{caption}': cite needs the key column(s) {missing} in the frame")
        shown = [c for c in frame.columns if c not in keys]
        self.columns = [str(c) for c in shown] + ([cite.header] if cite else [])
        if widths is not None and len(widths) != len(self.columns):
            raise ValueError(f"widths has {len(widths)} entries for {len(self.columns)} columns")
        self.caption = caption
        self.name = name
        self.widths = widths
        self.align_right = set(align_right)
        self.note = note
        # A table shown in only one edition (a full list on the web, its summary in print) must not
        # take a number, or the web book and the PDF would number every later table differently.
        self.numbered = numbered
        if name and not numbered:
            raise ValueError(f"table '{caption}': an unnumbered table cannot be named for {{numref}}")
        formats = formats or {}
        self.cells: list[list[str]] = []
        self.links: list[tuple[list[tuple[str, str]], int]] = []  # per row, for the HTML view
        self.provenance: list[dict] = []
        for _, row in frame.iterrows():
            cells = [self._cell_text(row[column], formats.get(column)) for column in shown]
            if cite:
                cells.append(cite.markdown(row))
                self.links.append(cite.links(row))
                self.provenance.append(cite.provenance(row))
            self.cells.append(cells)

    @staticmethod
    def _cell_text(value, formatter) -> str:
        if isinstance(value, Markup):
            return value
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return MISSING
        text = formatter(value) if formatter is not None else (
            f"{value:%Y-%m-%d}" if isinstance(value, pd.Timestamp) else str(value))
        if isinstance(text, Markup):
            return text
        return str(text)

    @staticmethod
    def _markdown_cell(text: str) -> str:
        if isinstance(text, Markup) or text == MISSING:
            return text
        return markdown(text)

    def _repr_markdown_(self) -> str:
        widths = " ".join(str(w) for w in self.widths) if self.widths else "auto"
        heading = [f"**{markdown(self.caption)}**", ""] if not self.numbered else []
        title = f" {markdown(self.caption)}" if self.numbered else ""
        lines = heading + [f":::{{list-table}}{title}", ":header-rows: 1", f":widths: {widths}"]
        if self.name:
            lines.append(f":name: {self.name}")
        # longtable lets a table break across PDF pages instead of jumping to the next one.
        lines.append(":class: longtable pakafg-table")
        lines.append("")
        for row in [[markdown(c) for c in self.columns]] + [[self._markdown_cell(t) for t in r] for r in self.cells]:
            for position, text in enumerate(row):
                lines.append(f"{'* -' if position == 0 else '  -'} {text}")
        lines.append(":::")
        if self.note:
            lines += ["", markdown(self.note)]
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = []
        for index, row in enumerate(self.cells):
            tds = []
            for position, (column, text) in enumerate(zip(self.columns, row, strict=True)):
                style = ' style="text-align:right"' if column in self.align_right else ""
                if self.links and position == len(row) - 1:
                    pairs, more = self.links[index]
                    text_html = "; ".join(f'<a href="{html.escape(url)}">{html.escape(label)}</a>' for label, url in pairs)
                    text_html += f" and {more} more" if more else ""
                else:
                    text_html = html.escape(text)
                tds.append(f"<td{style}>{text_html}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        note = f"<p><small>{html.escape(self.note)}</small></p>" if self.note else ""
        return (
            f'<table class="pakafg-table"><caption>{html.escape(self.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/markdown": self._repr_markdown_(), "text/html": self._repr_html_(), "text/plain": repr(self)}
        metadata = {"pakafg": {"caption": self.caption, "provenance": self.provenance}} if self.provenance else {}
        return data, metadata

    def __repr__(self) -> str:
        return f"<Table '{self.caption}': {len(self.cells)} rows × {len(self.columns)} columns>"
