"""The build machinery on a tiny book that uses the project's real _config.yml and _ext/.

Proves the stale-number guarantee: a plain rebuild after editing a data file re-executes the
notebook and shows the new value; a rebuild with nothing changed executes nothing. Also checks
that the built HTML makes no request outside itself.
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from pakafg.data import PROJECT_ROOT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"


def load_offline_checker():
    spec = importlib.util.spec_from_file_location("check_offline", PROJECT_ROOT / "scripts" / "check_offline.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("book")
    shutil.copy(PROJECT_ROOT / "_config.yml", book / "_config.yml")
    shutil.copytree(PROJECT_ROOT / "_ext", book / "_ext")
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapters/tiny\n")
    (book / "intro.md").write_text("# Tiny\n\n```{tableofcontents}\n```\n")
    (book / "data").mkdir()
    (book / "data" / "tiny.csv").write_text("name,value\nreturns,111\n")
    (book / "chapters").mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Tiny chapter\n\nThe value is {glue:text}`tiny_value`."),
        nbformat.v4.new_code_cell(
            "import pandas as pd\n"
            "from myst_nb import glue\n"
            "with open('../executions.log', 'a') as log:\n"
            "    log.write('executed\\n')\n"
            "value = int(pd.read_csv('../data/tiny.csv')['value'].iloc[0])\n"
            "glue('tiny_value', f'{value:,}', display=False)"
        ),
    ]
    nbformat.write(notebook, book / "chapters" / "tiny.ipynb")
    return book


def build(book: Path) -> None:
    result = subprocess.run(
        [str(JUPYTER_BOOK), "build", str(book), "-W", "--keep-going"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def executions(book: Path) -> int:
    log = book / "executions.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


def page(book: Path) -> str:
    """The chapter's built HTML as text, without tags."""
    html = (book / "_build" / "html" / "chapters" / "tiny.html").read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", "", html)


def test_data_edit_reaches_the_html_and_unchanged_rebuild_runs_nothing(tiny_book):
    build(tiny_book)
    assert "The value is 111." in page(tiny_book)
    assert executions(tiny_book) == 1

    build(tiny_book)
    assert executions(tiny_book) == 1, "a rebuild with nothing changed re-executed the notebook"

    data_file = tiny_book / "data" / "tiny.csv"
    data_file.write_text("name,value\nreturns,2222\n")
    later = time.time() + 5
    os.utime(data_file, (later, later))
    build(tiny_book)
    assert executions(tiny_book) == 2
    html = page(tiny_book)
    assert "The value is 2,222." in html and "111" not in html


def test_built_html_requests_nothing_outside_itself(tiny_book):
    if not (tiny_book / "_build" / "html" / "index.html").exists():
        build(tiny_book)
    checker = load_offline_checker()
    assert checker.external_requests(tiny_book / "_build" / "html") == {}


def test_offline_checker_catches_a_cdn_script(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><head><script src="https://cdn.example.org/x.js"></script>'
        '<link rel="stylesheet" href="_static/local.css"><style>@import "//fonts.example.org/f.css";</style>'
        '</head><body><a href="https://example.org/">a link is fine</a></body></html>'
    )
    found = load_offline_checker().external_requests(tmp_path)
    assert found == {"index.html": ["<script src=https://cdn.example.org/x.js>", "//fonts.example.org/f.css"]}
