"""Notebook hygiene: nbval can only check what is stored, and the PDF shows what is not hidden."""

import json
import re
from pathlib import Path

import pytest

from pakafg.data import PROJECT_ROOT

CHAPTERS = sorted((PROJECT_ROOT / "chapters").glob("*.ipynb"))
STRAY_REPR = re.compile(r"^(<(matplotlib|Figure size|Axes)|Text\(|\[<matplotlib|<pakafg|<Table ')")


def code_cells(path: Path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in notebook["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_chapters():
    assert CHAPTERS


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_code_cells_have_stored_outputs(path):
    cells = code_cells(path)
    assert any(c["outputs"] for c in cells), f"{path.name}: no stored outputs; run `make execute`"
    unexecuted = [i for i, c in enumerate(cells) if c.get("execution_count") is None]
    assert not unexecuted, f"{path.name}: code cells never executed: {unexecuted}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_timing_metadata_or_errors(path):
    for cell in code_cells(path):
        assert "execution" not in cell["metadata"], f"{path.name}: per-cell timestamps; use scripts/execute_notebooks.py"
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"{path.name}: stored error output"
            if output["output_type"] == "stream":
                assert output["name"] != "stderr", f"{path.name}: stderr output: {''.join(output['text'])[:200]}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_stray_reprs(path):
    """An output that is only a Python repr (no image, table or Markdown) would print in the book."""
    for cell in code_cells(path):
        for output in cell["outputs"]:
            data = output.get("data", {})
            if set(data) == {"text/plain"}:
                text = "".join(data["text/plain"])
                assert not STRAY_REPR.match(text), f"{path.name}: stray repr {text[:80]!r}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_code_is_hidden_from_readers(path):
    for cell in code_cells(path):
        tags = set(cell["metadata"].get("tags", []))
        assert tags & {"hide-input", "remove-input", "remove-cell"}, (
            f"{path.name}: code cell shown to readers: {''.join(cell['source'])[:60]!r}"
        )


# Links are written [label](<url>) by pakafg.text.markdown_link.
MARKDOWN_LINK = re.compile(r"\]\(<(https?://[^>]+)>\)")


def test_every_source_linked_in_a_chapter_is_in_the_sources_list():
    """Chapters cite sources as links; each must be a document listed in sources.csv."""
    import pandas as pd

    listed = set(pd.read_csv(PROJECT_ROOT / "data" / "sources.csv", dtype=str)["url"])
    cited = {}
    for path in CHAPTERS:
        for cell in code_cells(path):
            for output in cell["outputs"]:
                text = "".join(output.get("data", {}).get("text/markdown", ""))
                for url in MARKDOWN_LINK.findall(text):
                    cited.setdefault(url, path.name)
    assert cited, "no source links found in any chapter"
    missing = {url: page for url, page in cited.items() if url not in listed}
    assert not missing, f"linked in chapters but not in sources.csv: {list(missing.items())[:5]}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_chart_cell_stores_its_figure(path):
    """A chart that lost its image (a backend that renders nothing) fails here, not silently."""
    charts = 0
    for cell in code_cells(path):
        if "charts.show(" not in "".join(cell["source"]):
            continue
        charts += 1
        figures = [o for o in cell["outputs"] if "figure" in o.get("metadata", {}).get("pakafg", {})]
        assert figures, f"{path.name}: a charts.show cell has no figure output"
        for output in figures:
            assert {"image/svg+xml", "application/pdf"} <= set(output["data"]), f"{path.name}: figure without SVG/PDF"
            meta = output["metadata"]["pakafg"]
            assert meta["caption"] and len(meta["alt"]) >= 40, f"{path.name}: {meta['figure']} needs a caption and alt text"


def test_the_font_cache_is_warm():
    """No notebook's first matplotlib import may print the font-cache notice to stderr."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", "import matplotlib.pyplot"], capture_output=True, text=True)
    assert result.stderr == "", result.stderr
