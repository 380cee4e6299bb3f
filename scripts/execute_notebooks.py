"""Re-execute every chapter notebook in place, so the committed outputs match the data.

    .venv/bin/python scripts/execute_notebooks.py            # all chapters
    .venv/bin/python scripts/execute_notebooks.py chapters/x.ipynb

Uses nbclient without per-cell timing metadata, so re-running an unchanged notebook
leaves an unchanged file (clean diffs). Stops at the first failing notebook.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)


def main(arguments: list[str]) -> int:
    paths = [Path(a).resolve() for a in arguments] or sorted((ROOT / "chapters").glob("*.ipynb"))
    for path in paths:
        print(f"executing {path.relative_to(ROOT)}", flush=True)
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
