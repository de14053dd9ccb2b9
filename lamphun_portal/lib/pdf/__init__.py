"""The only door to WeasyPrint, pydyf and pikepdf: every PDF the portal makes goes through here.

Never call ``weasyprint.HTML(...).write_pdf()`` directly; use :func:`render_pdf` (or
:func:`render_document` then :func:`write_documents`, or :func:`lay_out_book`), because this package

* serves resources only from the portal's own static files (``fetcher``: no network, no arbitrary
  local files, no ``data:`` URLs);
* makes the Thai text of the PDF read back exactly (``pdftotext``, copy and paste, search) and does
  not justify lines of Thai text (``thai_text``, installed on the first render, not at import:
  ``upstream`` checks it is the WeasyPrint the patches were written for);
* prepares once what does not change between exports, and reports progress through a callback
  (``render``);
* lays long documents out in several processes and puts them together (``book``);
* sets the document metadata and, on request, the PDF/A variant.

Modules: ``fetcher`` (resources), ``thai_text`` (the text patches), ``render`` (rendering, progress),
``book`` (books in parallel), ``thai_lines`` (Thai lines broken between words only), ``upstream``
(the pinned WeasyPrint).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import fontTools
import pikepdf
import pydyf
import weasyprint

from .book import BookSource, lay_out_book
from .fetcher import PDF_BASE_URL, ResourceRefused, url_fetcher
from .render import (
    PDF_FONTS_CSS,
    Progress,
    Stage,
    Step,
    collector_paused,
    render_document,
    render_pdf,
    write_documents,
)
from .thai_lines import WORDS_CSS, keep_words
from .upstream import WeasyPrintMismatch

Document = weasyprint.Document

__all__ = [
    "PDF_BASE_URL",
    "PDF_FONTS_CSS",
    "BookSource",
    "Document",
    "Progress",
    "ResourceRefused",
    "Stage",
    "Step",
    "WORDS_CSS",
    "WeasyPrintMismatch",
    "collector_paused",
    "keep_words",
    "lay_out_book",
    "render_document",
    "render_pdf",
    "renderer_digest",
    "url_fetcher",
    "write_documents",
]


def renderer_digest() -> str:
    """Digest of this package's code and the libraries' versions: what turns print HTML into a PDF."""
    digest = hashlib.sha256()
    for library in (weasyprint, pydyf, pikepdf, fontTools):
        digest.update(f"{library.__name__}={library.__version__}\n".encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()
