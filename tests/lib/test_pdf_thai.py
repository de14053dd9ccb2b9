"""PDFs made by lamphun_portal.lib.pdf give back exactly the Thai text they show, render as stock
WeasyPrint does, fetch nothing but static files and carry their metadata.

Real WeasyPrint output, read back with poppler (pdftotext, pdftoppm; `make system-deps`).
"""

from __future__ import annotations

import difflib
import html
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import fontpkg_sarabun
import pikepdf
import pytest
import weasyprint
from django.templatetags.static import static
from fontTools.ttLib import TTFont
from weasyprint.draw import text as weasyprint_text
from weasyprint.layout import inline as weasyprint_inline

from lamphun_portal.lib import pdf
from lamphun_portal.lib.pdf import speedups, thai_text, upstream

DATA = Path(__file__).parent / "data"
# A news item of the office (พช.ลำพูน, 17 November 2563), about 3,300 Thai characters.
SEED = (DATA / "lamphun-meeting-2563-11-17.txt").read_text(encoding="utf-8")
# SARA AM with and without tone marks, ฤ ฦ ฯ ๆ, Thai digits, ฐ ญ ฎ ฏ, stacked marks (กี่ฟุ้ง ปุ่ม).
HARD = (DATA / "thai-hard-cases.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def _poppler() -> None:
    missing = [tool for tool in ("pdftotext", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"poppler-utils missing ({', '.join(missing)}): run `make system-deps`")


def document(text: str, css: str = "") -> str:
    """A print page: one <p> per line of ``text``, Sarabun 16pt via static/css/pdf-fonts.css."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{static(pdf.PDF_FONTS_CSS)}">'
        f'<style>body {{ font-family: "Sarabun"; font-size: 16pt; }} {css}</style>'
        f"</head><body>{paragraphs}</body></html>"
    )


def extract(pdf_bytes: bytes, tmp_path: Path) -> str:
    path = tmp_path / "extract.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def differing_characters(expected: str, extracted: str) -> tuple[int, list[tuple[str, str]]]:
    """Characters that differ, whitespace aside (as the shared pdf_thai_roundtrip tool counts)."""
    expected, extracted = squash(expected), squash(extracted)
    matcher = difflib.SequenceMatcher(None, expected, extracted, autojunk=False)
    count, samples = 0, []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            count += max(i2 - i1, j2 - j1)
            samples.append((expected[max(0, i1 - 3) : i2 + 3], extracted[max(0, j1 - 3) : j2 + 3]))
    return count, samples


def assert_round_trip(text: str, pdf_bytes: bytes, tmp_path: Path) -> None:
    extracted = extract(pdf_bytes, tmp_path)
    count, samples = differing_characters(text, extracted)
    assert count == 0, f"{count} characters differ, e.g. {samples[:8]}"
    got = squash(extracted)
    missing = [line for line in text.splitlines() if squash(line) not in got]
    assert not missing, f"paragraphs not read back exactly: {missing[:3]}"


def rasterise(pdf_bytes: bytes, directory: Path) -> list[bytes]:
    directory.mkdir()
    (directory / "doc.pdf").write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-png", "-r", "100", "doc.pdf", "page"], cwd=directory, check=True)
    return [page.read_bytes() for page in sorted(directory.glob("page*.png"))]


def font_names(pdf_bytes: bytes) -> set[str]:
    """Full names (name table) of the fonts embedded in the PDF: proves which file was used."""
    names = set()
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document_pdf:
        for page in document_pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                font_file = font.DescendantFonts[0].FontDescriptor.FontFile2.read_bytes()
                names.add(TTFont(io.BytesIO(font_file))["name"].getDebugName(4))
    return names


# --------------------------------------------------------------------------------------------------
# The patches and the WeasyPrint they were written for
# --------------------------------------------------------------------------------------------------


def test_weasyprint_is_the_version_the_patches_copy() -> None:
    """Fails when WeasyPrint is upgraded: port the [lamphun] changes in lib/pdf/thai_text.py, then the digests."""
    assert weasyprint.__version__ == upstream.SUPPORTED_WEASYPRINT_VERSION == "70.0"
    upstream_draw = thai_text._UPSTREAM_DRAW_FIRST_LINE
    assert upstream.source_digest(upstream_draw) == thai_text.UPSTREAM_DRAW_FIRST_LINE_SHA256
    upstream_justify = (weasyprint_inline.text_align, thai_text._UPSTREAM_JUSTIFY_LINE)
    assert upstream.source_digest(*upstream_justify) == thai_text.UPSTREAM_JUSTIFY_SHA256
    # What the patched code calls on WeasyPrint's and pydyf's objects.
    assert callable(weasyprint.pdf.stream.Stream.begin_marked_content)
    assert callable(weasyprint.pdf.stream.Stream.end_marked_content)
    assert callable(weasyprint.pdf.fonts.Font.get_unused_glyph_id)


def test_patches_are_installed_once() -> None:
    thai_text.install()
    thai_text.install()
    assert weasyprint_text.draw_first_line is thai_text._draw_first_line_with_actual_text
    assert weasyprint_inline.justify_line is thai_text._justify_line_unless_thai
    assert thai_text.installed()


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new Python process with the portal's settings (nothing imported or patched yet)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lamphun_portal.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_patches_are_installed_by_the_first_render_not_by_the_import() -> None:
    result = _python(
        """
        import django
        django.setup()
        import weasyprint
        from weasyprint import css, layout
        from weasyprint.draw import text
        upstream = (text.draw_first_line, layout.make_all_pages, css.CSS)
        from lamphun_portal.lib import pdf
        from lamphun_portal.lib.pdf import thai_text
        assert (text.draw_first_line, layout.make_all_pages, css.CSS) == upstream, "patched at import"
        assert css.CSS is weasyprint.CSS and not thai_text.installed()
        pdf.render_pdf("<p>ลำพูน</p>")
        assert thai_text.installed(), "not patched by the first render"
        assert layout.make_all_pages is not upstream[1] and css.CSS is not upstream[2]
        print("ok")
        """
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_another_weasyprint_breaks_rendering_with_a_clear_error_not_the_import() -> None:
    result = _python(
        """
        import weasyprint
        weasyprint.__version__ = "71.0"
        import django
        django.setup()
        import reports.views  # a page that imports lib/pdf (through reports.services)
        from lamphun_portal.lib import pdf
        try:
            pdf.render_pdf("<p>ลำพูน</p>")
        except pdf.WeasyPrintMismatch as error:
            print(error)
        try:
            pdf.render_pdf("<p>ลำพูน</p>")  # every export fails the same way, not only the first
        except pdf.WeasyPrintMismatch as error:
            print(error)
        """
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[0] == lines[1]
    assert "PDF export unavailable" in lines[0] and "70.0" in lines[0] and "71.0" in lines[0]


# --------------------------------------------------------------------------------------------------
# (a), (b) Thai text reads back exactly
# --------------------------------------------------------------------------------------------------


def test_seed_text_round_trips_exactly(tmp_path: Path) -> None:
    pdf_bytes = pdf.render_pdf(document(SEED))
    assert font_names(pdf_bytes) == {"Sarabun Regular"}
    assert_round_trip(SEED, pdf_bytes, tmp_path)


def test_seed_text_is_wrong_without_the_fix(tmp_path: Path) -> None:
    """The measurement the fix is judged by: stock WeasyPrint garbles SARA AM and tone marks."""
    with thai_text.disabled():
        pdf_bytes = pdf.render_pdf(document(SEED))
    count, _ = differing_characters(SEED, extract(pdf_bytes, tmp_path))
    assert count > 100


@pytest.mark.parametrize(
    ("weight", "style", "font"),
    [
        (400, "normal", "Sarabun Regular"),
        (700, "normal", "Sarabun Bold"),
        (400, "italic", "Sarabun Italic"),
        (700, "italic", "Sarabun Bold Italic"),
    ],
)
def test_hard_thai_text_round_trips_exactly(tmp_path: Path, weight: int, style: str, font: str) -> None:
    pdf_bytes = pdf.render_pdf(document(HARD, f"body {{ font-weight: {weight}; font-style: {style}; }}"))
    assert font_names(pdf_bytes) == {font}
    assert_round_trip(HARD, pdf_bytes, tmp_path)


def test_mixed_sizes_scripts_and_inline_markup_round_trip(tmp_path: Path) -> None:
    lines = [
        "ประชุมครั้งที่ ๑/๒๕๖๔ Meeting No. 1/2021 ณ ห้องประชุมจามเทวี",
        "ผู้เข้าร่วม 25 คน (ร้อยละ 83.3) — ให้ทำตามมติที่ประชุม ฯลฯ",
    ]
    body = (
        f"<h1>{html.escape(lines[0])}</h1>"
        "<p>ผู้เข้าร่วม <b>25 คน</b> (ร้อยละ <i>83.3</i>) — <span style='font-size: 9pt'>ให้ทำ</span>"
        "ตามมติที่<u>ประชุม</u> ฯลฯ</p>"
    )
    source = document("").replace("<body></body>", f"<body>{body}</body>")
    assert_round_trip("\n".join(lines), pdf.render_pdf(source), tmp_path)


# --------------------------------------------------------------------------------------------------
# (c) Resources: static files only, no network
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://example.com/x.css",
        "https://fonts.googleapis.com/css2?family=Sarabun",
        "file:///etc/passwd",
        "/static/../settings.py",
        "/static/../lamphun_portal/settings.py",
        "/static/%2e%2e/lamphun_portal/settings.py",
        "/static/css/../../lamphun_portal/settings.py",
        "/static//etc/passwd",
        "/static/",
        "/static/no-such-file.css",
        "/etc/passwd",
        "data:text/css,body{color:red}",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://example.com/x",
        "css/pdf-fonts.css",
    ],
)
def test_url_fetcher_refuses(url: str) -> None:
    with pytest.raises(pdf.ResourceRefused):
        pdf.url_fetcher(url)


def test_url_fetcher_serves_static_css_and_fonts() -> None:
    css = pdf.url_fetcher(static(pdf.PDF_FONTS_CSS))
    assert css.content_type == "text/css"
    assert b"Sarabun-BoldItalic.ttf" in css.read()
    font = pdf.url_fetcher(static("fonts/sarabun/Sarabun-Regular.ttf"))
    assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    # "/static/..." responses keep their URL: it is the base of the relative URLs in a stylesheet.
    assert font.url == static("fonts/sarabun/Sarabun-Regular.ttf")
    # A file:// URL is served when it points into a static directory.
    inside = (fontpkg_sarabun.ROOT / "files" / "Sarabun-Bold.ttf").as_uri()
    assert pdf.url_fetcher(inside).read(4) == b"\x00\x01\x00\x00"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Record (and block) every attempt to open a network connection or resolve a host name."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted while rendering a PDF")

    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


def test_foreign_resources_are_skipped_without_network_access(tmp_path: Path, no_network: list[object]) -> None:
    source = (
        document("ลำพูน ความ น้ำ")
        .replace(
            "</head>",
            '<link rel="stylesheet" href="https://example.com/evil.css">'
            '<style>@import url("http://example.com/import.css");'
            '@font-face { font-family: Remote; src: url("https://example.com/font.ttf"); }'
            'body { background: url("http://example.com/bg.png"); }</style></head>',
        )
        .replace(
            "</body>",
            '<img src="http://example.com/x.png" alt="">'
            '<img src="https://example.com/y.png" alt="">'
            '<img src="file:///etc/passwd" alt="">'
            '<img src="/static/../lamphun_portal/settings.py" alt="">'
            '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhf'
            'DwAChwGA60e6kgAAAABJRU5ErkJggg==" alt=""></body>',
        )
    )
    pdf_bytes = pdf.render_pdf(source)
    assert pdf_bytes.startswith(b"%PDF-")
    assert no_network == []
    assert_round_trip("ลำพูน ความ น้ำ", pdf_bytes, tmp_path)
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document_pdf:
        assert not list(document_pdf.pages[0].get_images())  # not even the data: image


# --------------------------------------------------------------------------------------------------
# (d) The fix changes the text layer only, never the painted page
# --------------------------------------------------------------------------------------------------


def test_rendering_is_identical_with_and_without_the_fix(tmp_path: Path) -> None:
    css = "h1 { font-size: 20pt } .b { font-weight: 700 } .j { text-align: justify } .s { font-size: 9pt }"
    body = (
        f"<h1>{html.escape(HARD.splitlines()[0])}</h1>"
        + "".join(f"<p class='b'>{html.escape(line)}</p>" for line in HARD.splitlines())
        + f"<p class='j'>{html.escape(SEED.splitlines()[4])}</p>"
        + "<p class='j'>Justified English text keeps being justified by WeasyPrint. " * 3
        + "</p><p class='s'>ตัวเล็ก ๙ พอยต์ น้ำ ทำ ค่ำ</p>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in SEED.splitlines() if line.strip())
    )
    source = document("", css).replace("<body></body>", f"<body>{body}</body>")
    with thai_text.disabled():
        stock = pdf.render_pdf(source)
    fixed = pdf.render_pdf(source)
    assert b"ActualText" not in stock
    assert fixed != stock  # the text layer did change
    stock_pages = rasterise(stock, tmp_path / "stock")
    fixed_pages = rasterise(fixed, tmp_path / "fixed")
    assert len(stock_pages) == len(fixed_pages) >= 3
    for number, (before, after) in enumerate(zip(stock_pages, fixed_pages, strict=True), start=1):
        assert before == after, f"page {number} renders differently with the fix"


def test_thai_lines_are_not_stretched_by_justification(tmp_path: Path) -> None:
    """Justified Thai renders like start-aligned Thai; other scripts are still justified."""
    thai = "\n".join(line for line in SEED.splitlines() if line.strip())
    justified = rasterise(pdf.render_pdf(document(thai, "p { text-align: justify }")), tmp_path / "j")
    start = rasterise(pdf.render_pdf(document(thai, "p { text-align: start }")), tmp_path / "s")
    assert justified == start
    english = "Minutes of the meeting of the Community Development Office of Lamphun province. " * 4
    justified = rasterise(pdf.render_pdf(document(english, "p { text-align: justify }")), tmp_path / "ej")
    start = rasterise(pdf.render_pdf(document(english, "p { text-align: start }")), tmp_path / "es")
    assert justified != start


# --------------------------------------------------------------------------------------------------
# (f) What the renderer prepares once and reuses changes nothing; progress comes from the renderer
# --------------------------------------------------------------------------------------------------


def pdf_parts(pdf_bytes: bytes) -> tuple[list[bytes], list[bytes]]:
    """Each page's content stream and each font's ToUnicode map: what is drawn and what reads back."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document_pdf:
        contents = [page.Contents.read_bytes() for page in document_pdf.pages]
        fonts = document_pdf.pages[0].Resources.Font.values()
        return contents, sorted(font.ToUnicode.read_bytes() for font in fonts)


def test_reused_fonts_stylesheets_and_layouts_change_nothing() -> None:
    """Renders reusing the thread's fonts, parsed stylesheets and line layouts give the same pages."""
    css = (
        "@page { @top-center { content: counter(page); font-family: Sarabun } } .j { text-align: justify }"
        " td { padding: 0 4pt } .nowrap { white-space: nowrap }"
    )
    rows = "".join(
        f"<tr><td>{number}.</td><td><span class='nowrap'>{html.escape(line[:30])}</span></td>"
        f"<td>{html.escape(line[30:90])}</td></tr>"
        for number, line in enumerate(HARD.splitlines(), start=1)
    )
    body = (
        f"<table>{rows}</table>"
        + "<p class='j'>Justified English text keeps being justified by WeasyPrint. " * 3
        + "</p>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in SEED.splitlines() if line.strip())
    )
    source = document("", css).replace("<body></body>", f"<body>{body}</body>")
    with speedups.disabled():
        plain = pdf.render_pdf(source)
    first, again = pdf.render_pdf(source), pdf.render_pdf(source)
    plain_contents, plain_fonts = pdf_parts(plain)
    assert len(plain_contents) >= 3
    assert pdf_parts(first) == pdf_parts(again) == (plain_contents, plain_fonts)


def test_progress_reports_stages_and_pages_in_order() -> None:
    steps: list[pdf.Step] = []
    pdf_bytes = pdf.render_pdf(document(SEED + "\n" + SEED), progress=steps.append)
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document_pdf:
        pages = len(document_pdf.pages)
    stages = [step.stage for step in steps]
    assert stages[:2] == [pdf.Stage.READING, pdf.Stage.STYLING] and stages[-1] is pdf.Stage.WRITING
    assert [step.pages for step in steps if step.stage is pdf.Stage.LAYOUT] == list(range(1, pages + 1))
    assert pages >= 2


# --------------------------------------------------------------------------------------------------
# (e) PDF/A-3b with metadata
# --------------------------------------------------------------------------------------------------


def test_pdf_a3b_carries_the_metadata(tmp_path: Path) -> None:
    metadata = {
        "title": "รายงานการประชุมเตรียมความพร้อม ประจำปีงบประมาณ ๒๕๖๔",
        "author": "สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        "subject": "การขับเคลื่อนกิจกรรมพัฒนาชุมชน",
        "language": "th-TH",
    }
    pdf_bytes = pdf.render_pdf(document(HARD), pdf_variant="pdf/a-3b", metadata=metadata)
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document_pdf:
        assert document_pdf.pdf_version == "1.7"
        assert str(document_pdf.docinfo["/Title"]) == metadata["title"]
        assert str(document_pdf.docinfo["/Author"]) == metadata["author"]
        assert str(document_pdf.docinfo["/Subject"]) == metadata["subject"]
        assert str(document_pdf.Root.Lang) == "th-TH"
        assert "/OutputIntents" in document_pdf.Root
        xmp = document_pdf.open_metadata()
        assert xmp["pdfaid:part"] == "3"
        assert xmp["pdfaid:conformance"] == "B"
        assert xmp["dc:title"] == metadata["title"]
        assert list(xmp["dc:creator"]) == [metadata["author"]]
        assert xmp["dc:description"] == metadata["subject"]
    assert_round_trip(HARD, pdf_bytes, tmp_path)


def test_language_defaults_to_the_html_then_the_site(settings: object) -> None:
    with pikepdf.open(io.BytesIO(pdf.render_pdf("<html lang='en'><p>Hi</p></html>"))) as document_pdf:
        assert str(document_pdf.Root.Lang) == "en"
    with pikepdf.open(io.BytesIO(pdf.render_pdf("<p>สวัสดี</p>"))) as document_pdf:
        assert str(document_pdf.Root.Lang) == "th"


def test_unknown_metadata_is_an_error() -> None:
    with pytest.raises(ValueError, match="creator"):
        pdf.render_pdf("<p>x</p>", metadata={"creator": "x"})
