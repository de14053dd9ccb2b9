"""Making the office's PDFs: the minutes of a meeting and the fiscal-year book, cached in the database.

An export first builds the print HTML (cheap), then looks for a PDF already rendered from exactly that
HTML with the same options and renderer; only when there is none does WeasyPrint run (the expensive
part). See RenderedPdf for why the cache key is a digest and not the meeting version alone.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.db import IntegrityError, transaction

from lamphun_portal.lib import pdf, thai
from meetings.models import Meeting

from . import book as parallel_book
from . import documents
from .documents import PrintOptions
from .models import ExportKind, RenderedPdf

# Progress(percent, Thai description of the step).
Progress = Callable[[int, str], None]

# Meetings whose print HTML is longer than this are exported in the background (reports/jobs.py)
# instead of in the request: the seed meeting's is about 40,000 characters and renders in < 0.5 s.
SYNC_RENDER_MAX_HTML = 150_000
# Characters of text (markup aside) per printed page, to estimate the page count for the progress bar.
TEXT_CHARS_PER_PAGE = 1_300
_TAG = re.compile(r"<[^>]*>")

_PRINT_STYLESHEETS = ("css/pdf-fonts.css", "css/reports-print.css")


@lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """Digest of what shapes a PDF besides its HTML: stylesheets, lib/pdf's code, the libraries, the book's cuts."""
    digest = hashlib.sha256(pdf.renderer_digest().encode())
    digest.update(Path(parallel_book.__file__).read_bytes())
    for name in _PRINT_STYLESHEETS:
        digest.update(Path(finders.find(name)).read_bytes())
    return digest.hexdigest()


@dataclass
class PreparedPdf:
    """The print HTML of an export and everything needed to render it or find it in the cache."""

    kind: str
    html: str
    options: PrintOptions
    metadata: dict[str, object]
    filename: str
    meeting: Meeting | None = None
    fiscal_year: int | None = None
    book: documents.BookHtml | None = None
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha256(f"{self.kind}\n{self.options.key}\n{renderer_fingerprint()}\n".encode())
        digest.update(repr(sorted(self.metadata.items())).encode())
        digest.update(self.html.encode())
        self.digest = digest.hexdigest()

    @property
    def estimated_pages(self) -> int:
        return max(1, len(_TAG.sub("", self.html)) // TEXT_CHARS_PER_PAGE)


def prepare_minutes(meeting: Meeting, options: PrintOptions) -> PreparedPdf:
    """The print HTML of one meeting's minutes."""
    meeting = documents.meetings_for_print().get(pk=meeting.pk)
    day = thai.be_date_numeric(meeting.starts_at).replace("/", "-")
    return PreparedPdf(
        kind=ExportKind.MINUTES,
        html=documents.render_minutes_html(meeting, options),
        options=options,
        metadata=documents.minutes_metadata(meeting),
        filename=f"รายงานการประชุม-{day}-{meeting.pk}.pdf",
        meeting=meeting,
    )


def prepare_fiscal_year_book(year: int, options: PrintOptions, progress: Progress | None = None) -> PreparedPdf:
    """The print HTML of the fiscal-year book (all published meetings of ``year``)."""
    meetings = list(documents.fiscal_year_meetings(year))

    def collected(done: int, total: int) -> None:
        if progress:
            progress(round(15 * done / max(total, 1)), f"กำลังรวบรวมรายงานการประชุม ({done}/{total})")

    book = documents.render_fiscal_year_html(year, meetings, options, progress=collected)
    return PreparedPdf(
        kind=ExportKind.FISCAL_YEAR_BOOK,
        html=book.front() + book.body,  # what the digest covers; the parts are laid out separately
        book=book,
        options=options,
        metadata=documents.book_metadata(year),
        filename=f"รายงานการประชุม-ปีงบประมาณ-{year}.pdf",
        fiscal_year=year,
    )


def cached_pdf(prepared: PreparedPdf) -> RenderedPdf | None:
    """The PDF already rendered from exactly this HTML and these options, if any."""
    return RenderedPdf.objects.filter(digest=prepared.digest).first()


# --------------------------------------------------------------------------------------------------
# Rendering with progress
# --------------------------------------------------------------------------------------------------


class _ProgressSteps:
    """Turns the renderer's steps (pages laid out, stages) into the export's percent and Thai stage."""

    def __init__(self, progress: Progress | None, estimated_pages: int) -> None:
        self.progress = progress
        self.estimated_pages = estimated_pages

    def __call__(self, step: pdf.Step) -> None:
        if self.progress is None:
            return
        if step.stage is pdf.Stage.READING:
            self.progress(16, "กำลังอ่านเอกสาร")
        elif step.stage is pdf.Stage.STYLING:
            self.progress(18, "กำลังจัดรูปแบบ")
        elif step.stage is pdf.Stage.LAYOUT:
            # The renderer knows its share only for a book laid out in parts; else the estimate.
            share = step.fraction if step.fraction is not None else step.pages / self.estimated_pages
            self.progress(20 + round(55 * min(share, 1)), f"กำลังจัดหน้า หน้าที่ {step.pages}")
        elif step.stage is pdf.Stage.REPAGINATION:
            # Page-based counters make WeasyPrint lay the pages out again.
            self.progress(75 + round(4 * (step.fraction or 0)), f"กำลังจัดหน้าอีกรอบ หน้าที่ {step.pages}")
        elif step.stage is pdf.Stage.NUMBERING:
            self.progress(80, "กำลังใส่เลขหน้าในสารบัญ")
        elif step.stage is pdf.Stage.WRITING:
            self.progress(85, "กำลังเขียนไฟล์ PDF")


def _render(prepared: PreparedPdf, progress: Progress | None) -> tuple[bytes, int]:
    """The PDF and its page count."""
    variant = prepared.options.pdf_variant
    steps = _ProgressSteps(progress, prepared.estimated_pages)
    if prepared.book is not None:
        return parallel_book.render(prepared.book, pdf_variant=variant, metadata=prepared.metadata, progress=steps)
    with pdf.collector_paused():  # minutes are short; see collector_paused
        document = pdf.render_document(prepared.html, pdf_variant=variant, progress=steps)
        content = pdf.write_documents([document], pdf_variant=variant, metadata=prepared.metadata, progress=steps)
        pages = len(document.pages)
        del document  # freed before the collector is back
    return content, pages


def render_and_store(*, prepared: PreparedPdf, progress: Progress | None = None) -> RenderedPdf:
    """Render ``prepared`` with WeasyPrint and keep the PDF; older PDFs of the same subject are dropped."""
    started = time.perf_counter()
    content, pages = _render(prepared, progress)
    seconds = time.perf_counter() - started
    if progress:
        progress(98, "กำลังบันทึกไฟล์")
    try:
        with transaction.atomic():
            rendered = RenderedPdf(
                kind=prepared.kind,
                meeting=prepared.meeting,
                meeting_version=prepared.meeting.version if prepared.meeting else None,
                fiscal_year=prepared.fiscal_year,
                options=prepared.options.key,
                digest=prepared.digest,
                filename=prepared.filename,
                content=content,
                size=len(content),
                pages=pages,
                render_seconds=seconds,
            )
            rendered.full_clean(exclude=["content"])
            rendered.save()
            # Copies of earlier versions of the same meeting (or year) with the same options are stale.
            RenderedPdf.objects.filter(
                kind=prepared.kind, meeting=prepared.meeting, fiscal_year=prepared.fiscal_year, options=rendered.options
            ).exclude(pk=rendered.pk).delete()
    except IntegrityError:
        # Another app server rendered the same digest at the same time: keep theirs.
        return RenderedPdf.objects.get(digest=prepared.digest)
    return rendered


def minutes_pdf(*, meeting: Meeting, options: PrintOptions, progress: Progress | None = None) -> RenderedPdf:
    """The minutes PDF of ``meeting``, from the cache when the meeting has not changed."""
    prepared = prepare_minutes(meeting, options)
    return cached_pdf(prepared) or render_and_store(prepared=prepared, progress=progress)


def fiscal_year_pdf(*, year: int, options: PrintOptions, progress: Progress | None = None) -> RenderedPdf:
    """The fiscal-year book PDF, from the cache when nothing in it has changed."""
    prepared = prepare_fiscal_year_book(year, options, progress)
    return cached_pdf(prepared) or render_and_store(prepared=prepared, progress=progress)
