"""Local Sphinx extension: every page current with its inputs, or the build loudly not done.

1. Execution. Before Sphinx reads anything, the chapters whose code or recorded inputs
   (the data tables they read, the helper package) changed are executed, in parallel, into
   Jupyter Book's cache (:func:`pakafg.execution.refresh_cache`); myst-nb then only takes
   outputs from the cache (``execute_notebooks: cache``). A documentation edit executes nothing.
2. Pages. Each page has a fingerprint: its source, the inputs its outputs were computed
   from, the table of contents, the book configuration and this extension. Fingerprints are
   written to the output folder only when a build finished without error or warning, and a
   page whose fingerprint differs from the recorded one is read and written again. So a
   build interrupted while writing, killed, or failed leaves nothing stale behind: the next
   plain build redoes what is missing.
3. Leftovers. Downloads and images no page refers to any more are deleted from the output.
4. Print. The PDF's title page carries the data's as-of date; code cells and download
   links are left out of the LaTeX output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from pakafg.execution import inputs_of, refresh_cache

logger = logging.getLogger(__name__)
PAGE_RECORD = ".pakafg-pages.json"
BOOK_FILES = ("_config.yml", "_toc.yml")


def _cache_path(app) -> Path:
    configured = app.config["nb_execution_cache_path"]
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def _notebooks(app, env) -> dict[str, Path]:
    docs = {}
    for docname in sorted(env.found_docs):
        path = Path(env.doc2path(docname))
        if path.suffix == ".ipynb":
            docs[docname] = path
    return docs


def page_fingerprints(app, env) -> dict[str, str]:
    """A hash per page of everything its HTML or LaTeX depends on."""
    srcdir = Path(app.srcdir)
    shared = hashlib.sha256()
    for name in BOOK_FILES:
        if (srcdir / name).exists():
            shared.update((srcdir / name).read_bytes())
    shared.update(Path(__file__).read_bytes())
    notebooks = _notebooks(app, env)
    cache = None
    if notebooks:
        from jupyter_cache import get_cache

        cache = get_cache(str(_cache_path(app)))
    prints = {}
    for docname in sorted(env.found_docs):
        digest = shared.copy()
        path = Path(env.doc2path(docname))
        digest.update(path.read_bytes())
        if docname in notebooks:
            digest.update(json.dumps(inputs_of(cache, path), sort_keys=True).encode())
        prints[docname] = digest.hexdigest()
    return prints


def _record_path(app) -> Path:
    return Path(app.outdir) / PAGE_RECORD


def execute_and_find_stale_pages(app, env, added, changed, removed) -> list[str]:
    if app.config["nb_execution_mode"] == "cache":
        notebooks = list(_notebooks(app, env).values())
        executed = refresh_cache(notebooks, _cache_path(app), root=Path(app.srcdir))
        logger.info(f"[pakafg] executed {len(executed)} of {len(notebooks)} notebooks: "
                    f"{', '.join(p.stem for p in executed) or 'none needed'}")
    app.pakafg_pages = page_fingerprints(app, env)
    try:
        recorded = json.loads(_record_path(app).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        recorded = {}
    stale = sorted(d for d, digest in app.pakafg_pages.items() if recorded.get(d) != digest)
    again = sorted(set(stale) - set(added) - set(changed))
    if again:
        logger.info(f"[pakafg] pages to rebuild although Sphinx thinks them current: {', '.join(again)}")
    return again


def remove_leftovers(app) -> None:
    """Delete downloads and images that no page refers to any more."""
    outdir, env = Path(app.outdir), app.env
    wanted = {
        "_downloads": {dest for _, dest in env.dlfiles.values()},
        "_images": {name for _, name in env.images.values()},
    }
    for folder, keep in wanted.items():
        root = outdir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            relative = str(path.relative_to(root))
            if path.is_file() and relative not in keep:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def record_finished_build(app, exception) -> None:
    record = _record_path(app)
    if exception is not None or app._warncount or not hasattr(app, "pakafg_pages"):
        record.unlink(missing_ok=True)  # the next build redoes every page
        return
    if app.builder.format == "html":
        remove_leftovers(app)
    temporary = record.with_suffix(".tmp")
    temporary.write_text(json.dumps(app.pakafg_pages, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(record)


class RemoveCodeForPrint(SphinxPostTransform):
    """Drop code-cell inputs and download links from the LaTeX output."""

    default_priority = 5
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.Element)):
            if "cell_input" in node.get("classes", []):
                node.parent.remove(node)
        for ref in list(self.document.findall(nodes.Element)):
            if ref.tagname == "download_reference" and isinstance(ref.parent, nodes.paragraph):
                paragraph = ref.parent
                if paragraph.parent is not None:
                    paragraph.parent.remove(paragraph)


def as_of_text(srcdir: Path) -> str | None:
    descriptor = srcdir / "data" / "datapackage.json"
    if not descriptor.exists():
        return None
    as_of = dt.date.fromisoformat(json.loads(descriptor.read_text(encoding="utf-8"))["pakafg:as_of"])
    return f"Data as of {as_of.day} {as_of:%B %Y}"


def set_title_page_date(app, config) -> None:
    # Sphinx prints `today` under the title in the PDF; make it the data's as-of date.
    text = as_of_text(Path(app.srcdir))
    if text:
        config.today = text


def setup(app):
    app.connect("config-inited", set_title_page_date)
    app.connect("env-get-outdated", execute_and_find_stale_pages)
    app.connect("build-finished", record_finished_build)
    app.add_post_transform(RemoveCodeForPrint)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2"}
