"""Re-execute chapter notebooks in place, so the committed outputs match the data (`make execute`).

    .venv/bin/python scripts/execute_notebooks.py            # all chapters, two at a time
    .venv/bin/python scripts/execute_notebooks.py chapters/x.ipynb

Uses pakafg.execution (no per-cell timing metadata, so an unchanged chapter gives an unchanged
file). Stops with the first error after all chapters have run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from pakafg.execution import execute_many

ROOT = Path(__file__).resolve().parents[1]


def main(arguments: list[str]) -> int:
    paths = [Path(a).resolve() for a in arguments] or sorted((ROOT / "chapters").glob("*.ipynb"))
    for result in execute_many(paths):
        nbformat.write(result.notebook, result.path)
        print(f"executed {result.path.relative_to(ROOT)} in {result.seconds:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
