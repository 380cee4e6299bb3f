"""The one path by which text from the data reaches a page, a chart or a download.

Every string that comes from ``data/`` passes through one of these functions before it
is written anywhere a parser could act on it:

* :func:`markdown`: Markdown/MyST (table cells, captions). Every ASCII punctuation
  character is backslash-escaped, which CommonMark defines as "show this character
  literally", so no cell can open a role, a directive, a link, raw HTML, a target or a
  comment, whatever it contains. Whitespace (including line breaks) collapses to one space.
* :func:`markdown_link`: a link whose label is escaped and whose URL has passed
  :func:`check_url` (absolute http/https with a host; no spaces, quotes, angle brackets or
  backslashes), written in the ``<...>`` form so parentheses in the URL are harmless.
* :func:`one_line`: plain text for glued prose and chart labels (myst-nb renders glued
  ``text/plain`` as a text node, matplotlib draws it literally once the house style has
  turned mathtext off; see :mod:`pakafg.charts`).
* :func:`csv_cell`: a text cell of a CSV a reader downloads, neutralised against spreadsheet
  formula injection (the OWASP rule: a leading ``= + - @``, tab or carriage return gets a
  leading apostrophe).

LaTeX is never written by this package: Markdown becomes docutils nodes, which Sphinx's
LaTeX writer escapes. :class:`Markup` marks the few strings the package builds itself
(links, download roles) so a table can tell them from data.
"""

from __future__ import annotations

import re
import string
import unicodedata
from urllib.parse import urlsplit

_PUNCTUATION = frozenset(string.punctuation)
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_URL_FORBIDDEN = frozenset(" \t\r\n\"'<>\\`{}|^")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class Markup(str):
    """Markdown built by this package from checked parts, never from a raw data string."""


def one_line(text: object) -> str:
    """The text with every run of whitespace (line breaks included) made one space."""
    return " ".join(str(text).split())


def markdown(text: object) -> str:
    """``text`` escaped so that MyST shows it literally, on one line.

    >>> markdown("{raw} html <b>")
    '\\\\{raw\\\\} html \\\\<b\\\\>'
    """
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in one_line(text))


def check_url(url: object) -> str:
    """Return ``url`` if it is an absolute http(s) URL safe to write into Markdown; else raise ValueError."""
    text = str(url)
    # Letters of any script are fine (the data holds Arabic-script URLs); separators,
    # control and format characters never are.
    bad = sorted({ch for ch in text if ch in _URL_FORBIDDEN or unicodedata.category(ch)[0] in "CZ"})
    if bad:
        raise ValueError(f"URL {text!r} contains {', '.join(repr(ch) for ch in bad)}")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"URL {text!r} is not http or https")
    if "@" in parts.netloc:
        raise ValueError(f"URL {text!r} has a user part before '@', which hides the real host")
    if not parts.hostname or not _HOST.match(parts.hostname):
        raise ValueError(f"URL {text!r} has no plain host name (ASCII letters, digits, hyphens and dots; "
                         "an international domain must be written in its xn-- form)")
    try:
        _ = parts.port  # urlsplit raises only when the port is read
    except ValueError:
        raise ValueError(f"URL {text!r} has an invalid port") from None
    return text


def markdown_link(label: object, url: object) -> Markup:
    """``[label](<url>)`` with the label escaped and the URL checked."""
    return Markup(f"[{markdown(label)}](<{check_url(url)}>)")


# A chapter sits one folder below the project root: at most one '../', then plain names.
_PATH = re.compile(r"^(\.\./)?[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.[a-z0-9]+$")
# A role's text is not Markdown (a backslash would show), so its label is checked, not escaped.
_ROLE_LABEL = re.compile(r"^[A-Za-z0-9_.,() -]+$")


def download_role(label: object, path: str) -> Markup:
    """A MyST ``{download}`` role for a file inside the project, given relative to a chapter."""
    if not _PATH.match(path):
        raise ValueError(f"not a plain relative path to a project file: {path!r}")
    if not _ROLE_LABEL.match(str(label)):
        raise ValueError(f"a download label may hold only letters, digits, spaces and . , _ - ( ): {label!r}")
    return Markup(f"{{download}}`{label} <{path}>`")


def csv_cell(value: object) -> object:
    """A text value made safe for a spreadsheet; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
