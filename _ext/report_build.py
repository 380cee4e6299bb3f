"""Local Sphinx extension: keep the built book in step with the data, and print it cleanly.

1. Data dependencies. Jupyter Book's execution cache keys on code cells only, so a
   changed CSV would leave old numbers in the HTML. Every notebook here is declared
   to depend on every file in ``data/`` and in the helper package ``src/pakafg/``;
   Sphinx then re-reads (and, with ``execute_notebooks: force``, re-executes) each
   notebook whenever one of them changes, and only then.
2. As-of date. The PDF's title page carries the dataset's as-of date (from
   data/datapackage.json) instead of the build date.
3. Print. For the LaTeX (PDF) builder, code cells and "download the data" links are
   removed: the PDF reader gets the report, the person re-running gets the code.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

WATCHED = ("data", "src/pakafg")


def watched_files(srcdir: Path) -> list[Path]:
    files = []
    for folder in WATCHED:
        files += [p for p in sorted((srcdir / folder).rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    return files


def note_data_dependencies(app, docname: str, source: list[str]) -> None:
    if not app.env.doc2path(docname).endswith(".ipynb"):
        return
    for path in watched_files(Path(app.srcdir)):
        app.env.note_dependency(str(path))


class RemoveCodeForPrint(SphinxPostTransform):
    """Drop code-cell inputs and download links from the LaTeX output."""

    default_priority = 5
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.Element)):
            if "cell_input" in node.get("classes", []):
                node.parent.remove(node)
        for ref in list(self.document.findall(nodes.Element)):
            if ref.tagname == "download_reference" and isinstance(ref.parent, nodes.paragraph):
                paragraph = ref.parent
                if paragraph.parent is not None:
                    paragraph.parent.remove(paragraph)


def as_of_text(srcdir: Path) -> str | None:
    descriptor = srcdir / "data" / "datapackage.json"
    if not descriptor.exists():
        return None
    as_of = dt.date.fromisoformat(json.loads(descriptor.read_text(encoding="utf-8"))["pakafg:as_of"])
    return f"Data as of {as_of.day} {as_of:%B %Y}"


def set_title_page_date(app, config) -> None:
    # Sphinx prints `today` under the title in the PDF; make it the data's as-of date.
    text = as_of_text(Path(app.srcdir))
    if text:
        config.today = text


def setup(app):
    app.connect("config-inited", set_title_page_date)
    app.connect("source-read", note_data_dependencies)
    app.add_post_transform(RemoveCodeForPrint)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
