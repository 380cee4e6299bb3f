"""Build the PDF and publish it only when the build succeeded (`make pdf`).

    .venv/bin/python scripts/build_pdf.py

The published PDF is _build/pdf/pakistan-afghanistan-report.pdf. It is deleted before the
build starts and replaced atomically (``os.replace``) only after the LaTeX build exited 0 and
wrote a new, readable PDF; a failed or interrupted build leaves no PDF there, and its partial
output in _build/latex is deleted. So a PDF at the published path is always complete and current.

Before it is published the PDF gets its metadata with pikepdf: title and author from
_config.yml, subject and keywords from its ``pakafg_pdf_subject``/``pakafg_pdf_keywords``, the
document language (/Lang), and the same as an XMP packet. (hyperref's own options are
overwritten by Sphinx's title page and its /Lang is ignored under XeTeX.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import yaml

ROOT = Path(__file__).resolve().parents[1]
NAME = "pakistan-afghanistan-report.pdf"
BUILT = ROOT / "_build" / "latex" / NAME
PUBLISHED = ROOT / "_build" / "pdf" / NAME
COMMAND = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--builder", "pdflatex",
           "-W", "--keep-going"]


def is_complete_pdf(path: Path, since: float) -> bool:
    """Written after ``since``, starts like a PDF and ends with an end-of-file marker."""
    if not path.is_file() or path.stat().st_mtime < since:
        return False
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


LANGUAGE = "en-GB"


def book_metadata(config_path: Path = ROOT / "_config.yml") -> dict[str, str]:
    """Title, author, subject and keywords for the PDF, read from the book's configuration."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    sphinx = config.get("sphinx", {}).get("config", {})
    return {"title": config["title"], "author": config["author"],
            "subject": sphinx.get("pakafg_pdf_subject", ""), "keywords": sphinx.get("pakafg_pdf_keywords", "")}


def write_metadata(path: Path, metadata: dict[str, str]) -> None:
    """Set the document information, /Lang and XMP metadata of the PDF at ``path`` in place."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.Lang = pikepdf.String(LANGUAGE)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["dc:title"] = metadata["title"]
            xmp["dc:creator"] = [metadata["author"]]
            xmp["dc:description"] = metadata["subject"]
            xmp["dc:language"] = [LANGUAGE]
            xmp["pdf:Keywords"] = metadata["keywords"]
        pdf.docinfo["/Title"] = metadata["title"]
        pdf.docinfo["/Author"] = metadata["author"]
        pdf.docinfo["/Subject"] = metadata["subject"]
        pdf.docinfo["/Keywords"] = metadata["keywords"]
        pdf.save(path, deterministic_id=True)


def publish(command: list[str], built: Path = BUILT, published: Path = PUBLISHED) -> int:
    """Run ``command``; move ``built`` to ``published`` if it succeeded. Returns the exit code."""
    published.unlink(missing_ok=True)
    start = time.time()
    try:
        code = subprocess.run(command, check=False).returncode
    except KeyboardInterrupt:
        code = 130
    if code == 0 and not is_complete_pdf(built, start):
        print(f"the build exited 0 but {built} is missing, old or incomplete", file=sys.stderr)
        code = 1
    if code != 0:
        built.unlink(missing_ok=True)
        print(f"PDF build failed (exit {code}); no PDF published", file=sys.stderr)
        return code
    published.parent.mkdir(parents=True, exist_ok=True)
    temporary = published.with_suffix(".tmp")
    temporary.write_bytes(built.read_bytes())
    write_metadata(temporary, book_metadata())
    os.replace(temporary, published)
    print(f"PDF: {published.relative_to(ROOT) if published.is_relative_to(ROOT) else published}")
    return 0


if __name__ == "__main__":
    sys.exit(publish(COMMAND))
