"""Figures and tables carry the same numbers in the web book and the PDF."""

import html
import re
import subprocess

import pytest
import yaml
from conftest import PDF, SITE

from pakafg.data import PROJECT_ROOT

CAPTION_HTML = re.compile(r'<span class="caption-number">(Figure|Table) (\d+) </span><span class="caption-text">(.*?)</span>',
                          re.S)
CAPTION_PDF = re.compile(r"^(Figure|Table) (\d+): (.+)$", re.M)


def pages_in_order() -> list[str]:
    toc = yaml.safe_load((PROJECT_ROOT / "_toc.yml").read_text())
    pages = [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part["chapters"]]
    return [p.removesuffix(".ipynb").removesuffix(".md") for p in pages]


def words(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html.unescape(text)).split())[:40]


def test_numbers_and_captions_match():
    if not PDF.exists():
        pytest.fail(f"{PDF} is missing: run `make pdf` first")
    web = [(kind, int(number), words(text)) for page in pages_in_order()
           for kind, number, text in CAPTION_HTML.findall((SITE / f"{page}.html").read_text(encoding="utf-8"))]
    text = subprocess.run(["pdftotext", "-layout", str(PDF), "-"], capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    pdf = [(kind, int(number), caption[:40]) for kind, number, caption in CAPTION_PDF.findall("\n".join(lines))]
    assert len(web) >= 30
    # LaTeX floats figures, so the PDF's order on the page may differ; the numbering may not.
    web_captions, pdf_captions = {(k, n): c for k, n, c in web}, {(k, n): c for k, n, c in pdf}
    assert sorted(pdf_captions) == sorted(web_captions)
    for key, web_caption in web_captions.items():
        shorter = min(len(web_caption), len(pdf_captions[key]), 25)  # the PDF wraps long captions
        assert web_caption[:shorter] == pdf_captions[key][:shorter], key
