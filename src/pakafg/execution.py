"""Execute the chapters: in parallel, recording what each one reads, re-running only what is stale.

Jupyter Book's cache (jupyter-cache) knows a notebook only by its code cells, so a changed
CSV would leave old numbers on the page. Here each execution records the files the chapter
actually read (``pakafg.data`` appends every table it serves to the file named by
``PAKAFG_READ_LOG``), and the cache record keeps their SHA-256 hashes together with those of
the helper package's sources. A chapter is re-executed when its code changed (no cache
record) or when any recorded input changed; a documentation edit executes nothing.

* :func:`execute` runs one notebook and returns it with what it read.
* :func:`execute_many` runs several at once, one kernel per core.
* :func:`refresh_cache` brings a jupyter-cache folder up to date for a list of notebooks;
  the book's Sphinx extension calls it before Sphinx reads anything, so myst-nb only ever
  takes outputs from the cache.
* :func:`inputs_of` gives a cached notebook's recorded inputs (for page freshness).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .data import PROJECT_ROOT, READ_LOG_VARIABLE

INPUTS = "pakafg_inputs"  # key of the recorded input hashes in a cache record's data
PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass
class Executed:
    """A notebook after execution: its outputs, the files it read, and how long it took."""

    path: Path
    notebook: nbformat.NotebookNode
    reads: list[Path]
    seconds: float


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def package_sources() -> list[Path]:
    """The helper package's own files: every chapter imports it, so each is an input of each chapter."""
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _key(path: Path, root: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def input_hashes(reads: list[Path], root: Path = PROJECT_ROOT) -> dict[str, str]:
    """Hashes of the files a chapter read plus the package sources, keyed by path (relative to root)."""
    return {_key(p, root): file_hash(p) for p in sorted(set(reads) | set(package_sources()))}


def unchanged(inputs: dict[str, str], root: Path = PROJECT_ROOT) -> bool:
    """True if every recorded input still exists with the same content, and no package file was added."""
    current_package = {_key(p, root) for p in package_sources()}
    recorded_package = {k for k in inputs if (root / k).resolve().is_relative_to(PACKAGE_DIR)}
    if current_package != recorded_package:
        return False
    for key, digest in inputs.items():
        path = root / key
        if not path.is_file() or file_hash(path) != digest:
            return False
    return True


def execute(path: Path, timeout: int = 600) -> Executed:
    """Run a notebook top to bottom in its own folder; raises nbclient's CellExecutionError on an error.

    Per-cell timing metadata is not recorded, so re-running an unchanged chapter gives
    identical outputs.
    """
    path = Path(path).resolve()
    notebook = nbformat.read(path, as_version=4)
    with tempfile.NamedTemporaryFile("r", suffix=".reads", delete=False) as log:
        log_path = Path(log.name)
    try:
        start = time.monotonic()
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                                allow_errors=False, resources={"metadata": {"path": str(path.parent)}})
        client.execute(env={**os.environ, READ_LOG_VARIABLE: str(log_path)})
        seconds = time.monotonic() - start
        reads = sorted({Path(line) for line in log_path.read_text(encoding="utf-8").splitlines() if line})
    finally:
        log_path.unlink(missing_ok=True)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    return Executed(path, notebook, reads, seconds)


def execute_many(paths: list[Path], workers: int | None = None) -> list[Executed]:
    """Execute notebooks in parallel (by default one per core, at most as many as notebooks).

    Each runs in a fresh process and kernel; the first error is raised after all have finished.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        return []
    workers = max(1, min(workers or os.cpu_count() or 1, len(paths)))
    if workers == 1:
        return [execute(p) for p in paths]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(execute, p) for p in paths]
        return [f.result() for f in futures]


def refresh_cache(notebooks: list[Path], cache_path: Path, root: Path = PROJECT_ROOT,
                  workers: int | None = None) -> list[Path]:
    """Execute every notebook whose code or recorded inputs changed, and store it in the cache.

    Returns the notebooks that were executed. Fresh notebooks are left alone.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(cache_path))
    stale = []
    for path in notebooks:
        inputs = inputs_of(cache, path)
        if inputs is None or not unchanged(inputs, root):
            stale.append(path)
    for result in execute_many(stale, workers):
        data = {INPUTS: input_hashes(result.reads, root), "execution_seconds": result.seconds}
        cache.cache_notebook_bundle(CacheBundleIn(result.notebook, str(result.path), data=data), overwrite=True)
    return stale


def inputs_of(cache, path: Path) -> dict[str, str] | None:
    """The inputs recorded with a notebook's cached execution, or None if its code is not cached."""
    try:
        record = cache.match_cache_notebook(nbformat.read(path, as_version=4))
    except KeyError:
        return None
    return record.data.get(INPUTS)
