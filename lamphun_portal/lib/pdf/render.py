"""HTML to laid-out pages to PDF bytes, with what never changes between exports prepared once.

Per process, on the first render: the Thai text patches (thai_text.py), Thai words kept whole on a
line (thai_lines.py), the page-progress hook and
the reuse of fonts, stylesheets and line layouts (speedups.py) are installed.

Progress is reported through a callback (:data:`Progress`) with :class:`Step` values: the stage,
and while laying out, the pages laid out so far. WeasyPrint's own progress log is not used.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import weasyprint
from django.conf import settings

from . import speedups, thai_lines, upstream
from .fetcher import PDF_BASE_URL, url_fetcher

# The stylesheet print templates link for the Sarabun faces (Regular, Bold, Italic, BoldItalic):
# ``<link rel="stylesheet" href="{% static 'css/pdf-fonts.css' %}">``.
PDF_FONTS_CSS = "css/pdf-fonts.css"

# SHA-256 of inspect.getsource() of weasyprint.layout.layout_document + layout.page.make_all_pages in
# 70.0: the progress hook relies on layout_document calling the make_all_pages of its module once per
# pagination pass, and on make_all_pages yielding the pages one by one as it lays them out.
UPSTREAM_PAGINATION_SHA256 = "88cbfe8b1dd826c0a0d65574f7811601569a4397059675543e8e314eede8bee7"


# --------------------------------------------------------------------------------------------------
# Progress
# --------------------------------------------------------------------------------------------------


class Stage(enum.Enum):
    READING = "reading"  # parsing the HTML
    STYLING = "styling"  # stylesheets and the cascade, then the boxes
    LAYOUT = "layout"  # laying out pages; Step.pages counts them
    REPAGINATION = "repagination"  # pages laid out again for page-based counters; Step.fraction is known
    NUMBERING = "numbering"  # a book's contents numbered with the pages its anchors landed on
    WRITING = "writing"  # painting the pages and writing the PDF file


@dataclass(frozen=True)
class Step:
    """One report of a render's progress."""

    stage: Stage
    pages: int = 0  # pages laid out so far
    fraction: float | None = None  # share of the stage done, when the renderer knows it


Progress = Callable[[Step], None]


def _no_progress(step: Step) -> None:
    pass


class _Pagination:
    """Follows WeasyPrint's pagination passes of one render and reports each page laid out."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.passes = 0
        self.first_pass_pages = 0

    def follow(self, pages: Iterator[Any]) -> Iterator[Any]:
        self.passes += 1
        number = 0
        for number, page in enumerate(pages, start=1):
            if self.passes == 1:
                self.progress(Step(Stage.LAYOUT, pages=number))
            else:
                share = min(number / max(self.first_pass_pages, 1), 1.0)
                self.progress(Step(Stage.REPAGINATION, pages=number, fraction=share))
            yield page
        if self.passes == 1:
            self.first_pass_pages = number


_pagination: ContextVar[_Pagination | None] = ContextVar("lamphun_pdf_pagination", default=None)
_upstream_make_all_pages: Callable[..., Iterator[Any]] | None = None


def _make_all_pages_reporting(context: Any, root_box: Any, html: Any, pages: list[Any]) -> Iterator[Any]:
    """weasyprint.layout.page.make_all_pages, reporting each page to the current render's progress."""
    assert _upstream_make_all_pages is not None
    pages_laid_out = _upstream_make_all_pages(context, root_box, html, pages)
    pagination = _pagination.get()
    return pages_laid_out if pagination is None else pagination.follow(pages_laid_out)


def _install_pagination_hook() -> None:
    global _upstream_make_all_pages
    from weasyprint import layout
    from weasyprint.layout import page

    if layout.make_all_pages is _make_all_pages_reporting:
        return
    upstream.check_not_replaced("weasyprint.layout.make_all_pages", layout.make_all_pages, page.make_all_pages)
    upstream.check_source(
        "weasyprint.layout.layout_document/make_all_pages",
        UPSTREAM_PAGINATION_SHA256,
        layout.layout_document,
        page.make_all_pages,
    )
    _upstream_make_all_pages = page.make_all_pages
    layout.make_all_pages = _make_all_pages_reporting


# --------------------------------------------------------------------------------------------------
# Prepared once
# --------------------------------------------------------------------------------------------------

_prepare_lock = threading.Lock()
_prepared = False


def prepare_process() -> None:
    """Install the WeasyPrint patches, once per process; raises WeasyPrintMismatch on another WeasyPrint.

    Called by every render, so that a mismatch fails every export with the same clear error while
    the pages that merely import lib/pdf keep working.
    """
    global _prepared
    if _prepared:
        return
    with _prepare_lock:
        if _prepared:
            return
        upstream.check_version()
        try:
            from . import thai_text
        except ImportError as error:  # WeasyPrint moved something the patch imports
            raise upstream.WeasyPrintMismatch(f"PDF export unavailable: {error}") from error
        thai_text.install()
        thai_lines.install()
        _install_pagination_hook()
        speedups.install()
        _prepared = True


_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while one document of ordinary size is rendered and written.

    A render allocates a few hundred thousand objects that live until the PDF is written (boxes,
    styles, Pango layouts), so the collector scans them again and again and promotes them, which
    brings on full collections of the whole process (Django included): about a tenth of a minutes
    render. Almost all of them are freed by reference counting when the document goes; the few
    cycles left are collected by the first collection after the pause, provided the caller drops
    the document before the pause ends (else that collection scans the whole document). The pause
    is process-wide (other threads get no cyclic collection meanwhile, at most the second or so a
    long minutes takes), nests, and leaves a collector disabled by someone else disabled. Not for
    books: their renders take minutes.
    """
    global _collector_pauses, _collector_was_enabled
    with _collector_lock:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                gc.enable()


# --------------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------------

_METADATA_KEYS = frozenset({"title", "author", "authors", "subject", "keywords", "language", "lang"})


def _apply_metadata(document: weasyprint.Document, metadata: dict[str, Any]) -> None:
    """Copy ``metadata`` onto the document, overriding what the HTML's <title>/<meta> said."""
    unknown = set(metadata) - _METADATA_KEYS
    if unknown:
        raise ValueError(f"Unknown PDF metadata keys: {sorted(unknown)}")
    info = document.metadata
    if metadata.get("title"):
        info.title = str(metadata["title"])
    authors = metadata.get("authors") or metadata.get("author")
    if authors:
        info.authors = [authors] if isinstance(authors, str) else [str(author) for author in authors]
    if metadata.get("subject"):
        info.description = str(metadata["subject"])  # WeasyPrint writes description as /Subject
    if metadata.get("keywords"):
        keywords = metadata["keywords"]
        info.keywords = [keywords] if isinstance(keywords, str) else [str(word) for word in keywords]
    language = metadata.get("language") or metadata.get("lang")
    if language:
        info.lang = str(language)  # the catalog /Lang (screen readers, PDF/A and PDF/UA checkers)


def render_pdf(
    html: str,
    *,
    pdf_variant: str | None = None,
    metadata: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """Render ``html`` to PDF bytes, with resources from static files only.

    ``pdf_variant``: a WeasyPrint variant such as "pdf/a-3b" (archival copies of minutes).
    ``metadata``: title, author (or authors), subject, keywords, language; they override the
    HTML's <title>, <meta name=author|description|keywords> and <html lang>. The language defaults
    to the HTML's lang, else settings.LANGUAGE_CODE, because PDF/A and screen readers want one.
    """
    with collector_paused():
        document = render_document(html, pdf_variant=pdf_variant, progress=progress)
        content = write_documents([document], pdf_variant=pdf_variant, metadata=metadata, progress=progress)
        del document  # freed by reference counting before the collector is back, not scanned by it
    return content


def render_document(
    html: str, *, pdf_variant: str | None = None, extra_css: str = "", progress: Progress | None = None
) -> weasyprint.Document:
    """Lay ``html`` out into pages without writing a PDF yet (see :func:`write_documents`).

    ``extra_css``: a stylesheet added after the document's own, e.g. ``@page :first { counter-reset:
    page 5 }`` for a part of a longer document whose page numbers do not start at 1. Its resources go
    through the same url_fetcher.
    """
    prepare_process()
    report = progress or _no_progress
    font_config = speedups.font_config()
    token = _pagination.set(_Pagination(report))
    try:
        report(Step(Stage.READING))
        source = weasyprint.HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=url_fetcher)
        report(Step(Stage.STYLING))
        stylesheets = []
        if extra_css:
            css = weasyprint.CSS(
                string=extra_css, base_url=PDF_BASE_URL, url_fetcher=url_fetcher, font_config=font_config
            )
            stylesheets.append(css)
        with speedups.keeping_layouts():
            return source.render(stylesheets=stylesheets, pdf_variant=pdf_variant, font_config=font_config)
    finally:
        _pagination.reset(token)


def write_documents(
    documents: list[weasyprint.Document],
    *,
    pdf_variant: str | None = None,
    metadata: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """One PDF of the pages of ``documents`` in order, with the first document's metadata and ``metadata``.

    Links to anchors (``href="#id"``) work across the documents, so a table of contents laid out on
    its own can point into the pages after it.
    """
    prepare_process()
    (progress or _no_progress)(Step(Stage.WRITING))
    first = documents[0]
    document = first if len(documents) == 1 else first.copy([page for part in documents for page in part.pages])
    _apply_metadata(document, metadata or {})
    if not document.metadata.lang:
        document.metadata.lang = settings.LANGUAGE_CODE
    return document.write_pdf(pdf_variant=pdf_variant)
