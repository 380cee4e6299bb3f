"""Hostile text from the data goes through every renderer harmlessly: HTML, LaTeX, glued prose, charts.

A tiny book with the project's real configuration renders the strings that acted in the
report before the escaping path existed (a script, raw HTML and LaTeX directives, an
include of a file outside the project, a download of /etc/passwd, a '$' pair in a label).
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from pakafg.data import PROJECT_ROOT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
SECRET = PROJECT_ROOT / "tests" / "render-secret.txt"  # stands in for a file outside the book

HOSTILE = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    f"x\n```{{literalinclude}} {SECRET}\n```",
    "x\n```{download} /etc/passwd\n```",
    "x\n```{raw} latex\n\\InputIfFileExists{/etc/passwd}{}{}\n```",
    "x\n:::{raw} html\n<script>alert(2)</script>\n:::",
    "{download}`/etc/passwd`",
    "[click](javascript:alert(3))",
    "Peshawar ($2 to $3 bn hub)",
]

NOTEBOOK_CODE = f"""
import pandas as pd
from pakafg import charts
from pakafg.glue import glue_text
from pakafg.tables import Table
HOSTILE = {HOSTILE!r}
for i, text in enumerate(HOSTILE):
    glue_text(f"hostile_{{i}}", text)
fig, ax = charts.new_chart(HOSTILE[-1], HOSTILE[0], HOSTILE[1], "2026-04-08")
ax.set_xlabel(HOSTILE[-1])
charts.show(fig, name="fig-hostile", caption=HOSTILE[0] + HOSTILE[2], alt=HOSTILE[1] + " " + HOSTILE[-1],
            data=pd.DataFrame({{"text": HOSTILE + ['=HYPERLINK("https://example.org","x")']}}))
Table(pd.DataFrame({{"Text": HOSTILE}}), HOSTILE[0], note=HOSTILE[5])
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("hostile")
    shutil.copy(PROJECT_ROOT / "_config.yml", book / "_config.yml")
    shutil.copytree(PROJECT_ROOT / "_ext", book / "_ext")
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapters/hostile\n")
    (book / "intro.md").write_text("# Tiny\n")
    (book / "data").mkdir()
    (book / "chapters").mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    prose = " ".join(f"[{{glue:text}}`hostile_{i}`]" for i in range(len(HOSTILE)))
    notebook.cells = [nbformat.v4.new_markdown_cell("# Hostile\n\n" + prose),
                      nbformat.v4.new_code_cell(NOTEBOOK_CODE, metadata={"tags": ["remove-input"]})]
    nbformat.write(notebook, book / "chapters" / "hostile.ipynb")
    SECRET.write_text("TOP-SECRET-CONTENT\n")
    try:
        for builder in ("html", "latex"):
            result = subprocess.run([str(JUPYTER_BOOK), "build", str(book), "--builder", builder],
                                    capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    finally:
        SECRET.unlink()
    return book


def html(book: Path) -> str:
    return (book / "_build" / "html" / "chapters" / "hostile.html").read_text(encoding="utf-8")


def latex(book: Path) -> str:
    return next((book / "_build" / "latex").glob("*.tex")).read_text(encoding="utf-8")


def test_no_script_or_tag_from_the_data_reaches_the_html(book):
    page = html(book)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "javascript:alert" not in re.sub(r">[^<]*<", "><", page)  # never inside a tag or attribute
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(1)&gt;" in page  # shown as text


def test_no_file_is_included_or_copied(book):
    assert "TOP-SECRET-CONTENT" not in html(book) and "TOP-SECRET-CONTENT" not in latex(book)
    assert "root:x:0:0" not in html(book)
    downloads = book / "_build" / "html" / "_downloads"
    assert not downloads.exists() or not any(p.name == "passwd" for p in downloads.rglob("*"))


def test_no_raw_latex_from_the_data(book):
    assert "\\InputIfFileExists{/etc/passwd}" not in latex(book)
    assert "InputIfFileExists" in latex(book)  # shown as text, escaped


def test_dollar_signs_survive_in_text_and_chart(book):
    page = html(book)
    assert "Peshawar ($2 to $3 bn hub)" in page
    svg = next((book / "_build" / "html" / "_images").glob("*.svg")).read_text(encoding="utf-8")
    assert "Peshawar ($2 to $3 bn hub)" in svg


def test_caption_and_alt_text_are_plain_text(book):
    page = html(book)
    figure = re.search(r"<figure.*?</figure>", page, re.S).group(0)
    assert "<script>" not in figure and "<img src=x" not in figure.replace('<img alt="&lt;img src=x', "")
    assert 'alt="&lt;img src=x onerror=alert(1)&gt; Peshawar ($2 to $3 bn hub)"' in figure


def test_the_chart_data_download_cannot_run_a_formula(book):
    downloads = list((book / "_build" / "html" / "_downloads").rglob("hostile.csv"))
    assert len(downloads) == 1
    text = downloads[0].read_text(encoding="utf-8")
    assert "\"'=HYPERLINK(" in text and "\n=HYPERLINK" not in text
