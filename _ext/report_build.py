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
5. Web weight and validity. Scripts the book never uses (the Thebe live-code launcher, which
   the book does not offer, and the theme's 1.5 MB Font Awesome script, whose icons the theme's
   CSS webfont already draws) are left out of every page, source maps are not published, each
   page gets a meta description from its first paragraph, and the root ``index.html`` is a
   complete HTML page that forwards to the first chapter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
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
        finish_web_pages(app)
    temporary = record.with_suffix(".tmp")
    temporary.write_text(json.dumps(app.pakafg_pages, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(record)


class RemoveCodeForPrint(SphinxPostTransform):
    """Drop code-cell inputs, web-only cells (tag ``html-only``) and download links from the LaTeX output."""

    default_priority = 5
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.Element)):
            if {"cell_input", "tag_html-only"} & set(node.get("classes", [])) and node.parent is not None:
                node.parent.remove(node)
        for glossary in list(self.document.findall(addnodes.glossary)):
            for paragraph in list(glossary.findall(nodes.paragraph)):
                if paragraph.astext().startswith("Sources: "):  # pakafg.glossary puts them there, for the web
                    paragraph.parent.remove(paragraph)
        for ref in list(self.document.findall(nodes.Element)):
            if ref.tagname == "download_reference" and isinstance(ref.parent, nodes.paragraph):
                paragraph = ref.parent
                if paragraph.parent is not None:
                    paragraph.parent.remove(paragraph)


class UnnumberedTablesForPrint(SphinxPostTransform):
    """Keep tables without a caption out of the PDF's numbering, as they are on the web.

    LaTeX's longtable steps the table counter even without a caption (its manual says to undo
    that with ``\\addtocounter{table}{-1}``), and Sphinx's "continued" line names the number; an
    uncaptioned table would otherwise shift every later table's number in print only.
    """

    default_priority = 7
    formats = ("latex",)
    BEFORE = "\\begingroup\\protected\\def\\sphinxtablecontinued#1{\\textsf{Continued from previous page}}\n"
    AFTER = "\\endgroup\\addtocounter{table}{-1}\n"

    def run(self, **kwargs) -> None:
        for table in list(self.document.findall(nodes.table)):
            if any(isinstance(child, nodes.title) for child in table.children) or table.parent is None:
                continue
            index = table.parent.index(table)
            table.parent.insert(index + 1, nodes.raw("", self.AFTER, format="latex"))
            table.parent.insert(index, nodes.raw("", self.BEFORE, format="latex"))


class RemovePrintOnlyFromWeb(SphinxPostTransform):
    """Drop cells tagged ``print-only`` (a condensed list the PDF shows instead of a web-only one) from HTML."""

    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.Element)):
            if "tag_print-only" in node.get("classes", []) and node.parent is not None:
                node.parent.remove(node)


class SummaryChapterForPrint(SphinxPostTransform):
    """Open the PDF's first pages (the landing page) as an unnumbered chapter "Summary".

    Sphinx turns the landing page's title into the document title, so its text would otherwise
    follow the contents with no heading of its own, no entry in the contents or the bookmarks,
    and "Contents" as its running header.
    """

    default_priority = 6
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        if self.env.docname != self.config.root_doc:
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None or not isinstance(section[0], nodes.title):
            return
        opening = "\\chapter*{Summary}\n\\addcontentsline{toc}{chapter}{Summary}\n\\markboth{Summary}{Summary}\n"
        section.insert(1, nodes.raw("", opening, format="latex"))


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


def _unused_script(script) -> bool:
    filename = getattr(script, "filename", None) or ""
    body = getattr(script, "attributes", {}).get("body", "") or ""
    return "thebe" in filename or "THEBE_JS_URL" in body


def trim_page_context(app, pagename, templatename, context, doctree) -> None:
    """Drop unused and repeated scripts, and add the page's meta description."""
    kept, seen = [], set()
    for script in context.get("script_files", []):
        key = (getattr(script, "filename", None), getattr(script, "attributes", {}).get("body"))
        if not _unused_script(script) and key not in seen:
            kept.append(script)
            seen.add(key)
    context["script_files"] = kept
    context["css_files"] = [css for css in context.get("css_files", []) if "thebe" not in str(css)]
    if doctree is not None:
        paragraph = next(iter(doctree.findall(nodes.paragraph)), None)
        text = " ".join(paragraph.astext().split()) if paragraph is not None else context.get("title", "")
        description = text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"
        context["metatags"] = context.get("metatags", "") + (
            f'\n<meta name="description" content="{html.escape(description, quote=True)}">')


# Written into the theme's templates rather than registered as page scripts, so they are
# removed from the written pages: exact tags, each checked by checks/test_web.py.
TEMPLATE_LEFTOVERS = (
    re.compile(r'<script defer src="[./]*_static/scripts/fontawesome\.js\?digest=[0-9a-f]+"></script>\n?'),
    re.compile(r'<link rel="preload" as="script" href="[./]*_static/scripts/fontawesome\.js\?digest=[0-9a-f]+" />\n?'),
    re.compile(r'<script type="text/x-thebe-config">.*?</script>\n?', re.S),
    re.compile(r"<script>kernelName = 'python3'</script>\n?"),
)
ROOT_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{title}: the report's first page.">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
</head>
<body><p><a href="{target}">{title}</a></p></body>
</html>
"""


def finish_web_pages(app) -> None:
    """Strip the template leftovers, delete unused scripts and source maps, write a valid root page."""
    outdir = Path(app.outdir)
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        trimmed = text
        for pattern in TEMPLATE_LEFTOVERS:
            trimmed = pattern.sub("", trimmed)
        if trimmed != text:
            page.write_text(trimmed, encoding="utf-8")
    static = outdir / "_static"
    # webpack-macros.html is a theme template that lands in _static; no page loads it.
    for leftover in [*static.rglob("*.map"), static / "scripts" / "fontawesome.js", static / "sphinx-thebe.js",
                     static / "webpack-macros.html"]:
        leftover.unlink(missing_ok=True)
    root = outdir / "index.html"
    match = re.search(r'url=([^"]+)"', root.read_text(encoding="utf-8")) if root.exists() else None
    if match:
        root.write_text(ROOT_PAGE.format(title=html.escape(app.config.html_title or app.config.project),
                                         target=html.escape(match.group(1))), encoding="utf-8")


def setup(app):
    app.connect("html-page-context", trim_page_context)
    app.add_config_value("pakafg_pdf_subject", "", "env")  # read by scripts/build_pdf.py
    app.add_config_value("pakafg_pdf_keywords", "", "env")
    app.connect("config-inited", set_title_page_date)
    app.connect("env-get-outdated", execute_and_find_stale_pages)
    app.connect("build-finished", record_finished_build)
    app.add_post_transform(RemoveCodeForPrint)
    app.add_post_transform(RemovePrintOnlyFromWeb)
    app.add_post_transform(SummaryChapterForPrint)
    app.add_post_transform(UnnumberedTablesForPrint)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2"}
