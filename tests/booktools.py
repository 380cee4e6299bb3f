"""Helpers for the build tests: a tiny book with the project's real _config.yml and _ext/.

Two chapters, each reading one table of its own and drawing one chart; a test-only extension
slows the "writing output" phase down when a file named SLOW exists, so a test can interrupt it.
"""

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

from pakafg.data import PROJECT_ROOT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"

# A test-only extension that makes the "writing output" phase slow enough to interrupt.
SLOW_WRITER = """
import time
from pathlib import Path

def slow(app, pagename, templatename, context, doctree):
    if (Path(app.srcdir) / "SLOW").exists():
        print("pakafg-test: writing", pagename, flush=True)
        time.sleep(2)

def setup(app):
    app.connect("html-page-context", slow)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""

CHAPTER_CODE = """
from pathlib import Path
import pandas as pd
from pakafg import charts
from pakafg.data import note_read
from pakafg.glue import glue_text
csv = Path("../data/{table}.csv").resolve()
note_read(csv)
with open("../executions.log", "a") as log:
    log.write("{name}\\n")
value = int(pd.read_csv(csv)["value"].iloc[0])
glue_text("{name}_value", f"{{value:,}}")
fig, ax = charts.new_chart("Title", "Subtitle", "Source", "2026-04-08")
ax.bar([1], [value])
charts.show(fig, name="fig-{name}", caption="A bar.", alt=f"One bar of height {{value}}, from {table}.csv.",
            data=pd.DataFrame({{"value": [value]}}))
"""


def chapter(name: str, table: str) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"# Chapter {name}\n\nThe value is {{glue:text}}`{name}_value`."),
        nbformat.v4.new_code_cell(CHAPTER_CODE.format(name=name, table=table), metadata={"tags": ["remove-input"]}),
    ]
    return notebook


def make_book(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text())
    config["sphinx"]["local_extensions"]["slow_writer"] = "_ext"
    (root / "_config.yml").write_text(yaml.safe_dump(config))
    shutil.copytree(PROJECT_ROOT / "_ext", root / "_ext")
    shutil.copytree(PROJECT_ROOT / "_static", root / "_static")
    (root / "_ext" / "slow_writer.py").write_text(SLOW_WRITER)
    write_toc(root, "Part one")
    (root / "intro.md").write_text("# Tiny\n\nAn introduction.\n")
    (root / "data").mkdir()
    (root / "data" / "alpha.csv").write_text("name,value\nx,111\n")
    (root / "data" / "beta.csv").write_text("name,value\ny,222\n")
    (root / "chapters").mkdir()
    nbformat.write(chapter("alpha", "alpha"), root / "chapters" / "alpha.ipynb")
    nbformat.write(chapter("beta", "beta"), root / "chapters" / "beta.ipynb")
    return root


def write_toc(root: Path, caption: str) -> None:
    (root / "_toc.yml").write_text(
        f"format: jb-book\nroot: intro\nparts:\n  - caption: {caption}\n    chapters:\n"
        "      - file: chapters/alpha\n      - file: chapters/beta\n")


def build(book: Path, env=None, expect_ok=True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(JUPYTER_BOOK), "build", str(book), "-W", "--keep-going"],
                            capture_output=True, text=True, timeout=300, env=env)
    if expect_ok:
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def executions(book: Path) -> list[str]:
    log = book / "executions.log"
    return log.read_text().split() if log.exists() else []


def page(book: Path, name: str) -> str:
    """A built page as text, without tags."""
    return re.sub(r"<[^>]+>", "", (book / "_build" / "html" / "chapters" / f"{name}.html").read_text(encoding="utf-8"))


def edit_value(book: Path, table: str, value: int) -> None:
    (book / "data" / f"{table}.csv").write_text(f"name,value\nx,{value}\n")


def interrupt_while_writing(book: Path, sig: int) -> None:
    (book / "SLOW").touch()
    process = subprocess.Popen([str(JUPYTER_BOOK), "build", str(book)], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        for line in process.stdout:
            if "pakafg-test: writing" in line:
                os.killpg(process.pid, sig)
                break
        process.wait(timeout=60)
    finally:
        (book / "SLOW").unlink()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode != 0, "the build finished before it could be interrupted"


def source_snapshot(book: Path) -> dict[str, str]:
    return {str(p.relative_to(book)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(book.rglob("*"))
            if p.is_file() and "_build" not in p.parts and p.name != "executions.log" and "__pycache__" not in p.parts}


