"""A build interrupted, killed or failed is made good by the next plain build; charts survive any backend.

On the tiny book of tests/booktools.py.
"""

import os
import re
import signal

import nbformat
import pytest
from booktools import build, edit_value, interrupt_while_writing, make_book, page


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    root = make_book(tmp_path_factory.mktemp("book"))
    build(root)
    return root


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_an_interrupted_build_leaves_nothing_stale(book, sig):
    value = 3000 + sig
    edit_value(book, "alpha", value)
    interrupt_while_writing(book, sig)
    build(book)
    assert f"The value is {value:,}." in page(book, "alpha")


def test_a_failed_build_is_redone_by_the_next(book):
    edit_value(book, "alpha", 4444)
    notebook = nbformat.read(book / "chapters" / "alpha.ipynb", as_version=4)
    broken = nbformat.v4.new_markdown_cell("See {ref}`no-such-label`.")
    notebook.cells.append(broken)
    nbformat.write(notebook, book / "chapters" / "alpha.ipynb")
    assert build(book, expect_ok=False).returncode != 0
    notebook.cells.remove(broken)
    nbformat.write(notebook, book / "chapters" / "alpha.ipynb")
    build(book)
    assert "The value is 4,444." in page(book, "alpha")


def test_charts_survive_a_non_interactive_backend(tmp_path):
    root = make_book(tmp_path / "agg")
    build(root, env={**os.environ, "MPLBACKEND": "Agg"})
    html = (root / "_build" / "html" / "chapters" / "alpha.html").read_text()
    assert re.search(r'<figure[^>]*id="fig-alpha"', html) and ".svg" in html
    assert "Figure size" not in html
