"""The one escaping path: nothing from the data can act as markup, a link scheme or a formula."""

import re
import string

import pytest

from pakafg.text import Markup, check_url, csv_cell, download_role, markdown, markdown_link, one_line

# Strings that act in MyST if written unescaped: roles, directives (backtick and colon
# fences), raw HTML, links with scripts, targets, comments, substitutions, list markers.
ATTACKS = [
    "{raw}`<script>alert(1)</script>`",
    "```{raw} html\n<script>alert(1)</script>\n```",
    ":::{literalinclude} /etc/passwd\n:::",
    "{download}`/etc/passwd`",
    "```{raw} latex\n\\InputIfFileExists{/etc/passwd}{}{}\n```",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "(target)=",
    "% a MyST comment",
    "{{ substitution }}",
    "1. a list",
    "- a bullet",
    "# a heading",
    "| a | table |",
    "Peshawar ($2 to $3 bn hub)",
    "&lt;script&gt;",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_markdown_escapes_every_punctuation_mark_and_stays_on_one_line(attack):
    escaped = markdown(attack)
    assert "\n" not in escaped
    for position, ch in enumerate(escaped):
        if ch in string.punctuation and ch != "\\":
            assert escaped[position - 1] == "\\", (attack, escaped)
    # Removing the escapes gives back the visible text (whitespace collapsed).
    assert re.sub(r"\\(.)", r"\1", escaped) == one_line(attack)


def test_one_line_collapses_every_kind_of_line_break():
    assert one_line("a\nb\r\nc\u2028d\te") == "a b c d e"


@pytest.mark.parametrize("url", [
    "https://example.org/a)<script>alert(1)</script>",
    "javascript:alert(1)",
    "https:///no-host",
    "ftp://example.org/x",
    "https://example.org/a b",
    'https://example.org/"x"',
    "https://example.org/a\u200bb",
    "//example.org/protocol-relative",
    "https://www.unhcr.org@evil.example/x",
    "https://github.cօm/kvelleby/poldat",
    "https://example.org:99999/",
    "https://./x",
])
def test_unsafe_urls_are_refused(url):
    with pytest.raises(ValueError):
        check_url(url)


@pytest.mark.parametrize("url", [
    "https://en.wikipedia.org/wiki/Torkham_(border_crossing)",
    "https://mail.yjc.ir/fa/news/8768597/تکمیل-زودهنگام",
    "http://unama.unmissions.org/page?x=1&y=2#frag",
])
def test_real_urls_pass(url):
    assert check_url(url) == url


def test_markdown_link_escapes_the_label_and_wraps_the_url():
    link = markdown_link("Dawn [x](y)", "https://example.org/a_(b)")
    assert isinstance(link, Markup)
    assert link == "[Dawn \\[x\\]\\(y\\)](<https://example.org/a_(b)>)"
    with pytest.raises(ValueError):
        markdown_link("x", "javascript:alert(1)")


def test_download_role_accepts_only_plain_paths_inside_the_project():
    assert download_role("events.csv", "../data/events.csv") == "{download}`events.csv <../data/events.csv>`"
    for path in ("/etc/passwd", "../../etc/passwd.txt", "../data/x.csv>`{raw}", "../data/a b.csv"):
        with pytest.raises(ValueError):
            download_role("x", path)
    for label in ("a`b", "x <y>", "back\\slash"):  # a role's text is not Markdown: refused, not escaped
        with pytest.raises(ValueError):
            download_role(label, "../data/events.csv")


@pytest.mark.parametrize("cell", ['=HYPERLINK("https://x","click")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(cell):
    assert csv_cell(cell) == "'" + cell


def test_csv_cells_otherwise_unchanged():
    assert csv_cell("Torkham") == "Torkham"
    assert csv_cell(-5) == -5
