"""Fail if a built HTML book would request anything from outside itself.

    .venv/bin/python scripts/check_offline.py _build/html

Looks at every resource a browser loads without a click: <script src>, <link href>
(stylesheets, fonts, icons, preloads), <img>/<source>/<iframe>/<video>/<audio> src, and
url()/@import in inline and bundled CSS. Ordinary <a href> links are not requests.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)
LOADING_ATTRIBUTES = {
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
}


class _ResourceFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and (attributes.get("rel") or "").lower() in ("canonical", "alternate", "author", "license"):
            return
        for name in LOADING_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name) or ""
            if EXTERNAL.match(value.strip()):
                self.found.append(f"<{tag} {name}={value}>")
        self._in_style = tag == "style"
        if "style" in attributes:
            self.found += CSS_URL.findall(attributes["style"] or "")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found += CSS_URL.findall(data)


def external_requests(site: Path) -> dict[str, list[str]]:
    """Map each file of the built site to the outside resources it would load."""
    problems: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            finder = _ResourceFinder()
            finder.feed(path.read_text(encoding="utf-8", errors="replace"))
            found = finder.found
        elif path.suffix == ".css":
            found = CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        if found:
            problems[str(path.relative_to(site))] = found
    return problems


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    if not (site / "index.html").exists():
        sys.exit(f"{site} holds no built book (no index.html); run `make html` first")
    problems = external_requests(site)
    for page, found in problems.items():
        print(f"{page}: {', '.join(found[:5])}")
    print(f"checked {sum(1 for _ in site.rglob('*.html'))} HTML pages: "
          f"{'no outside requests' if not problems else f'{len(problems)} page(s) request outside resources'}")
    sys.exit(1 if problems else 0)
