"""The build machinery, on a tiny book (tests/booktools.py): only what changed is re-run, and it reaches the page.

A data edit re-runs only the chapter that reads the edited table; a documentation edit re-runs
nothing; a table-of-contents edit reaches every page; files no page uses are removed from the
site; building never writes into the book's sources.
"""

import nbformat
import pytest
from booktools import build, edit_value, executions, make_book, page, source_snapshot, write_toc


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    root = make_book(tmp_path_factory.mktemp("book"))
    before = source_snapshot(root)
    build(root)
    assert source_snapshot(root) == before, "building changed files of the book's sources"
    return root


def test_first_build_executes_each_chapter_once_and_shows_its_numbers(book):
    assert sorted(executions(book)) == ["alpha", "beta"]
    assert "The value is 111." in page(book, "alpha") and "The value is 222." in page(book, "beta")


def test_unchanged_rebuild_executes_nothing(book):
    count = len(executions(book))
    build(book)
    assert len(executions(book)) == count


def test_a_table_edit_reruns_only_the_chapter_that_reads_it(book):
    count = len(executions(book))
    edit_value(book, "beta", 2345)
    build(book)
    assert executions(book)[count:] == ["beta"]
    assert "The value is 2,345." in page(book, "beta") and "The value is 111." in page(book, "alpha")


def test_a_documentation_edit_executes_nothing_but_reaches_the_page(book):
    count = len(executions(book))
    notebook = nbformat.read(book / "chapters" / "alpha.ipynb", as_version=4)
    notebook.cells[0].source += "\n\nA new sentence."
    nbformat.write(notebook, book / "chapters" / "alpha.ipynb")
    (book / "intro.md").write_text("# Tiny\n\nAn introduction, edited.\n")
    build(book)
    assert len(executions(book)) == count
    assert "A new sentence." in page(book, "alpha")


def test_a_toc_edit_reaches_every_page(book):
    write_toc(book, "Renamed part")
    build(book)
    for name in ("alpha", "beta"):
        assert "Renamed part" in page(book, name)
    assert "Renamed part" in (book / "_build" / "html" / "intro.html").read_text()


def test_no_notebook_copies_and_no_leftover_downloads(book):
    site = book / "_build" / "html"
    assert not (site / "_sources").exists()
    downloads = sorted(p.name for p in (site / "_downloads").rglob("*.csv"))
    assert downloads == ["alpha.csv", "beta.csv"], downloads  # earlier values' files are gone
    images = list((site / "_images").iterdir())
    assert len(images) == 2 and all(p.suffix == ".svg" for p in images)
