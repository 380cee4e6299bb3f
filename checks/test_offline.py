"""The built book loads nothing from outside the machine, checked in a real browser."""

from conftest import outside_requests, serve, site_pages


def test_no_page_requests_anything_outside(browser, site):
    pages = site_pages()
    assert len(pages) >= 10
    assert outside_requests(browser, site, pages) == {}


def test_the_check_sees_requests_a_static_scan_misses(browser, tmp_path):
    (tmp_path / "js.html").write_text(
        "<html><body><script>var s=document.createElement('script');"
        "s.src='https://cdn.example.org/x.js';document.body.appendChild(s);</script></body></html>")
    (tmp_path / "slash.html").write_text('<html><body><img src="/\\\\example.org/pixel.png"></body></html>')
    (tmp_path / "svg.html").write_text(
        '<html><body><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<image href="https://images.example.org/a.png" width="10" height="10"/></svg></body></html>')
    (tmp_path / "fine.html").write_text('<html><body><a href="https://example.org/">a link is not a request</a>'
                                        '<img src="data:image/png;base64,iVBORw0KGgo="></body></html>')
    server, base = serve(tmp_path)
    try:
        found = outside_requests(browser, base, ["js.html", "slash.html", "svg.html", "fine.html"])
    finally:
        server.shutdown()
    assert set(found) == {"js.html", "slash.html", "svg.html"}, found
    assert any("cdn.example.org" in url for url in found["js.html"])
    assert any("example.org" in url for url in found["slash.html"])
