"""The PDF reads as a report: metadata a catalogue can use, the summary in the contents, short
reference lists, and no page left nearly empty. Run after `make pdf` (make check)."""

import re
import subprocess

import pikepdf
import pytest
import yaml
from conftest import PDF

from pakafg.data import PROJECT_ROOT

LISTS = ("The whole timeline", "Sources", "Index")  # reference lists condensed for print
MAX_LIST_PAGES = 12
MIN_WORDS = 60  # a page with fewer words and no chart is near-empty


@pytest.fixture(scope="module")
def pdf():
    if not PDF.exists():
        pytest.fail(f"{PDF} is missing: run `make pdf` first")
    with pikepdf.open(PDF) as document:
        yield document


@pytest.fixture(scope="module")
def pages_text():
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(PDF)], capture_output=True,
                                                           text=True, check=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(PDF), "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, count + 1)]


def chapter_starts(pages_text, outline_titles):
    """Page index where each outline entry's chapter opens: its title, in capitals, heads the page."""
    starts = {}
    for title in outline_titles:
        wanted = " ".join(title.upper().split())
        for index, text in enumerate(pages_text):
            lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()][:4]
            if lines and lines[0] != "CONTENTS" and any(line.upper().startswith(wanted) for line in lines):
                starts[title] = index
                break
    return starts


def test_metadata_names_the_report(pdf):
    config = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text())
    assert str(pdf.docinfo["/Title"]) == config["title"]
    assert str(pdf.docinfo["/Author"]) == config["author"]
    assert str(pdf.docinfo["/Subject"]) and "Pakistan" in str(pdf.docinfo["/Keywords"])
    assert str(pdf.Root.Lang) == "en-GB"
    assert pdf.open_metadata()["dc:title"] == config["title"]


def test_the_summary_opens_the_contents_and_the_bookmarks(pdf):
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    assert titles[0] == "Summary" and "Glossary" in titles and "Index" in titles


def test_reference_lists_are_short(pdf, pages_text):
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    starts = chapter_starts(pages_text, titles)
    assert set(LISTS) <= set(starts), starts
    ordered = sorted(starts.items(), key=lambda kv: kv[1]) + [("end", len(pages_text))]
    length = {title: ordered[i + 1][1] - page for i, (title, page) in enumerate(ordered[:-1])}
    assert sum(length[title] for title in LISTS) <= MAX_LIST_PAGES, {t: length[t] for t in LISTS}


def test_no_page_is_left_nearly_empty(pdf, pages_text):
    empty = []
    for index, (page, text) in enumerate(zip(pdf.pages, pages_text, strict=True)):
        has_chart = any(obj.get("/Subtype") == "/Form" for obj in page.Resources.get("/XObject", {}).values())
        if index and len(text.split()) < MIN_WORDS and not has_chart:
            empty.append(index + 1)
    assert not empty, f"near-empty pages: {empty}"
