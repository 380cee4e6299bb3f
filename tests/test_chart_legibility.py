"""Every chart in the book stays legible on a phone.

At a 390 px viewport a figure is about 342 px wide. A chart drawn ``charts.WIDTH`` inches
wide with no text below ``charts.MIN_FONT`` points shows its smallest text at about 9 px
there. This reads the SVG of every chart as stored in the notebooks (strict nbval keeps them
equal to a fresh run) and checks both numbers, so a chart cannot silently grow wider or its
labels smaller.
"""

import json
import re

import pytest

from pakafg import charts
from pakafg.data import PROJECT_ROOT

CHAPTERS = sorted((PROJECT_ROOT / "chapters").glob("*.ipynb"))
FONT_SIZE = re.compile(r"font-size: ([\d.]+)px")
WIDTH = re.compile(r'<svg[^>]* width="([\d.]+)pt"')


def chart_svgs():
    for path in CHAPTERS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                meta = output.get("metadata", {}).get("pakafg", {})
                if "figure" in meta:
                    yield meta["figure"], "".join(output["data"]["image/svg+xml"])


def test_the_book_has_charts():
    assert len(list(chart_svgs())) >= 14


@pytest.mark.parametrize("name,svg", list(chart_svgs()), ids=lambda v: v if v.startswith("fig-") else "")
def test_chart_is_phone_width_with_no_small_text(name, svg):
    width_points = float(WIDTH.search(svg).group(1))
    assert width_points <= charts.WIDTH * 72 + 0.01, f"{name} is {width_points / 72:.1f} in wide"
    sizes = [float(size) for size in FONT_SIZE.findall(svg)]
    assert sizes, f"{name} has no text"
    assert min(sizes) >= charts.MIN_FONT, f"{name} has text at {min(sizes)} pt"
