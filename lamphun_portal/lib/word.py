"""The one door to python-docx: Word documents in the form of Thai official papers.

TH Sarabun New at 16 pt is the font of ระเบียบงานสารบรรณ; a computer without it shows the document in its
substitute (LibreOffice: Sarabun, the open font the portal's PDFs use, when installed). The font is set for Latin,
complex-script (Thai) and East-Asian text alike: Word picks the complex-script font and size for Thai.
"""

from __future__ import annotations

import io

from docx import Document as _new_document
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

FONT = "TH Sarabun New"
SIZE = Pt(16)
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

__all__ = ["CONTENT_TYPE", "Document", "OfficialDocument"]


def _thai_font(element: object, size: Pt = SIZE) -> None:
    """Font and size for every script on a style's or a run's properties (w:rFonts, w:sz, w:szCs)."""
    r_pr = element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for tag in ("w:sz", "w:szCs"):
        node = r_pr.find(qn(tag))
        if node is None:
            node = r_pr.makeelement(qn(tag), {})
            r_pr.append(node)
        node.set(qn("w:val"), str(int(size.pt * 2)))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = r_pr.makeelement(qn("w:lang"), {})
        r_pr.append(lang)
    lang.set(qn("w:bidi"), "th-TH")


class OfficialDocument:
    """An A4 document with the margins of official papers (left 3 cm, right 2 cm, top 2.5 cm), TH Sarabun New 16 pt."""

    def __init__(self, *, title: str = "", author: str = "") -> None:
        self.document: Document = _new_document()
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
        for name in ("Normal", "Table Grid"):
            style = self.document.styles[name]
            style.font.name = FONT
            style.font.size = SIZE
            _thai_font(style.element)
        normal = self.document.styles["Normal"].paragraph_format
        normal.space_after = Pt(0)
        normal.line_spacing = 1.0
        properties = self.document.core_properties
        properties.title, properties.author, properties.language = title, author, "th-TH"

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        center: bool = False,
        indent: bool = False,
        inset: bool = False,
        space_before: int = 0,
    ) -> Paragraph:
        """One paragraph of the record's text, exactly as typed (`indent`: its first line; `inset`: all of it)."""
        paragraph = self.document.add_paragraph()
        if inset:
            paragraph.paragraph_format.left_indent = Cm(1)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(2.5)
        if space_before:
            paragraph.paragraph_format.space_before = Pt(space_before)
        if text:
            self.run(paragraph, text, bold=bold)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, *, bold: bool = False) -> None:
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.name = FONT
        run.font.size = SIZE
        _thai_font(run._element)

    def heading(self, text: str, *, center: bool = False, space_before: int = 6) -> Paragraph:
        """A bold heading in the body font (official papers do not use Word's heading styles' fonts)."""
        return self.paragraph(text, bold=True, center=center, space_before=space_before)

    def numbered(self, rows: list[str]) -> None:
        """A list numbered 1. 2. 3. in the text itself, so that it reads the same in every word processor."""
        for number, text in enumerate(rows, start=1):
            paragraph = self.paragraph()
            paragraph.paragraph_format.left_indent = Cm(1)
            self.run(paragraph, f"{number}. {text}")

    def signature(self, lines: list[str]) -> None:
        """A signature block, centred on the right half of the page."""
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell = table.rows[0].cells[1]
        cell.paragraphs[0].text = ""
        for index, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.run(paragraph, line)
        self.paragraph()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def read_text(content: bytes) -> list[str]:
    """Every paragraph's text of a .docx, table cells included, in document order (for checks and tests)."""
    document = _new_document(io.BytesIO(content))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(paragraph.text for paragraph in cell.paragraphs)
    return texts
