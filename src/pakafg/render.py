"""How the book renders the package's chart outputs: a myst-nb mime-render plugin.

Registered in ``pyproject.toml`` under the entry-point group ``myst_nb.mime_renderers``.
For an output made by :func:`pakafg.charts.show`:

* the image (SVG on the web, PDF in print, chosen by myst-nb's priorities) becomes a
  numbered ``figure`` with the caption and the alt text from the output metadata, named so
  that ``{numref}`` can refer to it;
* the ``text/csv`` output becomes a "download the data" link in the web book (the file is
  written next to the executed notebook and copied by Sphinx) and nothing in print.

Caption and alt text are docutils text, so Sphinx escapes them for HTML and LaTeX like any
other text; nothing in them is parsed.
"""

from __future__ import annotations

import hashlib

from docutils import nodes
from sphinx import addnodes


def _figure(renderer, data, meta: dict) -> list[nodes.Element]:
    image = renderer.render_image(data)[0]
    image["alt"] = meta["alt"]
    figure = nodes.figure("", image, classes=["pakafg-figure"])
    figure += nodes.caption(meta["caption"], meta["caption"])
    figure["names"].append(nodes.fully_normalize_name(meta["figure"]))
    renderer.renderer.document.note_explicit_target(figure, figure)
    return [figure]


def _download(renderer, data, meta: dict) -> list[nodes.Element]:
    content = data.string.encode("utf-8")
    folder = hashlib.sha256(content).hexdigest()[:16]  # one folder per content: no stale file is reused
    uri = renderer.write_file([folder, meta["download"]], content, exists_ok=True)
    rows = data.string.count("\n") - 1
    link = addnodes.download_reference("", "", nodes.literal(meta["download"], meta["download"]),
                                       reftarget=uri, refdoc=renderer.renderer.sphinx_env.docname,
                                       refexplicit=True, reftype="download", refdomain="")
    paragraph = nodes.paragraph("", "", nodes.Text("The data behind this chart: "), link,
                                nodes.Text(f" ({rows} rows, CSV)."), classes=["pakafg-chart-data"])
    return [paragraph]


def _builder_format(renderer) -> str:
    env = renderer.renderer.sphinx_env
    return env.app.builder.format if env is not None else "html"


class ChartRenderer:
    """myst-nb mime-render plugin for pakafg figures and their CSV data.

    myst-nb renders every mime type of an output and lets a later transform pick one per
    builder. A figure is named (for ``{numref}``) so it must exist once: only the image this
    builder shows (SVG for the web, PDF for LaTeX) becomes the figure; the other renders nothing.
    """

    mime_priority_overrides = [("html", "text/csv", 2), ("latex", "text/csv", 2)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        meta = (data.output_metadata or {}).get("pakafg", {})
        if inline or not meta:
            return None
        if data.mime_type in ("image/svg+xml", "application/pdf") and "figure" in meta:
            wanted = "application/pdf" if _builder_format(renderer) == "latex" else "image/svg+xml"
            return _figure(renderer, data, meta) if data.mime_type == wanted else []
        if data.mime_type == "text/csv" and "download" in meta:
            if _builder_format(renderer) != "html":
                return [nodes.comment()]  # print has no downloads; this stops the plain text showing
            return _download(renderer, data, meta)
        return None
