"""Reading PDFs back in the reports tests: real WeasyPrint output through poppler's pdftotext."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# The page number at the top of pages 2 on, "– 2 –" (en dashes: pdftotext would join a line ending
# in a hyphen-minus to the next one, as a hyphenated word).
_PAGE_NUMBER = re.compile(r"^\s*–\s*[0-9๐-๙]+\s*–\s*$", re.MULTILINE)


def pdftotext(content: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "read-back.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages_text(content: bytes, tmp_path: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    return pdftotext(content, tmp_path).split("\f")


def body_text(content: bytes, tmp_path: Path) -> str:
    """The document's text without the page numbers ("– 2 –") printed at the top of each page."""
    return _PAGE_NUMBER.sub("", pdftotext(content, tmp_path))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_number(page: str) -> str | None:
    """The page number printed at the top of a page's text, if any."""
    match = _PAGE_NUMBER.search(page)
    return re.sub(r"[\s–]", "", match.group(0)) if match else None
