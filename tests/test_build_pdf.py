"""The PDF is published only whole: a failed or partial build leaves nothing at the published path."""

import importlib.util
import io
import sys

import pikepdf

from pakafg.data import PROJECT_ROOT


def load():
    spec = importlib.util.spec_from_file_location("build_pdf", PROJECT_ROOT / "scripts" / "build_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_build(built, content: bytes, code: int) -> list[str]:
    script = f"import pathlib, sys; pathlib.Path({str(built)!r}).write_bytes({content!r}); sys.exit({code})"
    return [sys.executable, "-c", script]


def test_a_failed_build_leaves_no_pdf(tmp_path):
    built, published = tmp_path / "latex" / "r.pdf", tmp_path / "pdf" / "r.pdf"
    built.parent.mkdir()
    published.parent.mkdir()
    published.write_bytes(b"%PDF-1.5 an old, complete report %%EOF")
    assert load().publish(fake_build(built, b"%PDF-1.5 half a report", 1), built, published) == 1
    assert not published.exists() and not built.exists()


def test_a_truncated_pdf_is_not_published_even_if_the_build_says_ok(tmp_path):
    built, published = tmp_path / "latex" / "r.pdf", tmp_path / "pdf" / "r.pdf"
    built.parent.mkdir()
    assert load().publish(fake_build(built, b"%PDF-1.5 no end marker", 0), built, published) == 1
    assert not published.exists()


def a_pdf() -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_good_build_is_published_with_the_books_metadata(tmp_path):
    built, published = tmp_path / "latex" / "r.pdf", tmp_path / "pdf" / "r.pdf"
    built.parent.mkdir()
    module = load()
    assert module.publish(fake_build(built, a_pdf(), 0), built, published) == 0
    expected = module.book_metadata()
    with pikepdf.open(published) as pdf:
        assert str(pdf.docinfo["/Title"]) == expected["title"] and str(pdf.docinfo["/Author"]) == expected["author"]
        assert str(pdf.Root.Lang) == module.LANGUAGE
        assert pdf.open_metadata()["dc:title"] == expected["title"]
