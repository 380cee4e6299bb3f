"""The web book on a phone and on the wire: the menu works, nothing errors, no page is heavy.

Run after `make html` (make check). Every chapter page is loaded in Chromium at phone width
(390 px); everything the page pulls in is counted (HTML, scripts, styles, fonts, images).
"""

import html
import re

import pytest
from conftest import SITE

from pakafg.data import PROJECT_ROOT

MAX_PAGE_BYTES = 1_500_000
PHONE = {"width": 390, "height": 844}


def chapter_pages() -> list[str]:
    return sorted(f"chapters/{p.stem}.html" for p in (PROJECT_ROOT / "chapters").glob("*.ipynb"))


@pytest.fixture(scope="module")
def loaded(browser, site):
    """Per page: bytes loaded, console errors, and whether the sidebar opened from the visible menu button."""
    results = {}
    context = browser.new_context(viewport=PHONE, service_workers="block")
    for path in chapter_pages():
        page = context.new_page()
        sizes, errors = {}, []
        page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))

        def record(response, sizes=sizes, errors=errors):
            if response.status >= 400:
                errors.append(f"{response.status} {response.url}")
            try:
                sizes[response.url] = len(response.body())
            except Exception:  # a redirect or aborted request has no body
                pass

        page.on("response", record)
        page.goto(f"{site}/{path}", wait_until="load")
        page.wait_for_timeout(300)
        opened = open_menu(page)
        results[path] = {"bytes": sum(sizes.values()), "errors": errors, "menu_opens": opened,
                         "largest": sorted(sizes.items(), key=lambda kv: -kv[1])[:3]}
        page.close()
    context.close()
    return results


def test_every_chapter_page_is_light(loaded):
    heavy = {p: (r["bytes"], r["largest"]) for p, r in loaded.items() if r["bytes"] > MAX_PAGE_BYTES}
    assert not heavy, heavy


def test_no_console_errors(loaded):
    assert {p: r["errors"] for p, r in loaded.items() if r["errors"]} == {}


def test_the_phone_menu_opens(loaded):
    assert all(r["menu_opens"] for r in loaded.values()), {p: r["menu_opens"] for p, r in loaded.items()}


def test_unused_scripts_and_source_maps_are_not_published():
    assert not list(SITE.rglob("*.map"))
    for page in SITE.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in text and "thebe" not in text.lower(), page


def test_every_page_has_a_description_and_the_root_is_a_valid_page():
    for path in chapter_pages():
        text = (SITE / path).read_text(encoding="utf-8")
        match = re.search(r'<meta name="description" content="([^"]+)">', text)
        assert match and len(html.unescape(match.group(1))) > 40, path
    root = (SITE / "index.html").read_text(encoding="utf-8")
    assert root.startswith("<!DOCTYPE html>") and "<title>" in root and 'lang="en"' in root


def open_menu(page) -> bool:
    """Click the visible menu button; True if the chapter links then show on screen."""
    link = page.get_by_role("link", name="Methods and data", exact=True).first
    hidden_before = not link.is_visible()
    page.locator("button.primary-toggle:visible, label.sidebar-toggle.primary-toggle:visible").first.click()
    page.wait_for_timeout(400)
    return hidden_before and link.is_visible()


def test_the_menu_opens_at_200_percent_zoom(browser, site):
    # A 1280 px window at 200% zoom lays the page out at 640 CSS px with two device pixels per px.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2, service_workers="block")
    try:
        for path in ("chapters/intro.html", "chapters/border-conflict.html"):
            page = context.new_page()
            page.goto(f"{site}/{path}", wait_until="load")
            assert open_menu(page), path
            page.close()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_axe_finds_no_serious_accessibility_problem(browser, site, viewport):
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), {}
    context = browser.new_context(viewport=viewport, service_workers="block")
    try:
        for path in chapter_pages():
            page = context.new_page()
            page.goto(f"{site}/{path}", wait_until="load")
            violations = axe.run(page).response["violations"]
            serious = [f"{v['id']} ({len(v['nodes'])}): {v['help']}" for v in violations
                       if v["impact"] in ("serious", "critical")]
            if serious:
                found[path] = serious
            page.close()
    finally:
        context.close()
    assert found == {}
