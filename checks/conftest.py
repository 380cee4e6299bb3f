"""Checks of the built book, run after `make html` (and `make pdf`): `make check`.

They need the built site in _build/html and Debian's Chromium (/usr/bin/chromium), driven by
Playwright. The site is served on 127.0.0.1 by Python's http.server, and Chromium is started
with every other host unresolvable, so anything that tries to leave the machine fails and is
recorded.
"""

from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from pakafg.data import PROJECT_ROOT

SITE = PROJECT_ROOT / "_build" / "html"
PDF = PROJECT_ROOT / "_build" / "pdf" / "pakistan-afghanistan-report.pdf"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def serve(directory: Path):
    """Serve ``directory`` on a free port of 127.0.0.1 in a thread; returns (server, base URL)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *args: None
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def is_outside(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error"):
        return False
    return parts.hostname not in LOCAL_HOSTS


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _block_outside(requests: list[str], route, request) -> None:
    if is_outside(request.url):
        requests.append(request.url)
        route.abort()
    else:
        route.continue_()


def outside_requests(browser, base: str, paths: list[str], viewport=(1280, 900)) -> dict[str, list[str]]:
    """Load each page and return, per page, every request that tried to leave 127.0.0.1 (blocked)."""
    found: dict[str, list[str]] = {}
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block")
    try:
        for path in paths:
            requests: list[str] = []
            page = context.new_page()
            page.route("**/*", functools.partial(_block_outside, requests))
            page.goto(f"{base}/{path}", wait_until="load")
            page.wait_for_timeout(300)  # let scripts that load more run
            page.close()
            if requests:
                found[path] = sorted(set(requests))
    finally:
        context.close()
    return found


@pytest.fixture(scope="session")
def site():
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} holds no built book: run `make html` first")
    server, base = serve(SITE)
    yield base
    server.shutdown()


def site_pages() -> list[str]:
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html"))
