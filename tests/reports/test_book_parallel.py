"""The fiscal-year book laid out by worker processes (reports/book.py) is the book laid out in one piece.

Real WeasyPrint in real worker processes, read back with pdftotext and pikepdf: the same text on every
page (page numbers included), the same contents links landing on the same pages, the same bookmarks.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from django.test import override_settings
from report_pdf_text import page_number, pages_text

from meetings.models import Meeting
from reports import book, services
from reports.documents import PrintOptions


def _render(workers: int, options: PrintOptions) -> bytes:
    with override_settings(PORTAL_PDF_WORKERS=workers, PORTAL_BOOK_PARALLEL_MIN_MEETINGS=1):
        prepared = services.prepare_fiscal_year_book(2564, options)
        assert book.workers_for(prepared.book) == workers
        seen: list[tuple[int, str]] = []
        content, pages = services._render(prepared, lambda percent, stage: seen.append((percent, stage)))
    assert len(pikepdf.open(io.BytesIO(content)).pages) == pages
    if workers > 1:
        percents = [percent for percent, _ in seen]
        assert percents == sorted(percents) and any(stage.startswith("กำลังจัดหน้า หน้าที่") for _, stage in seen)
    return content


def _target_page(pdf: pikepdf.Pdf, destination: object) -> int:
    """The 0-based page a destination goes to, named (WeasyPrint's own) or explicit (reports/book.py)."""
    if isinstance(destination, pikepdf.String):
        names = list(pdf.Root.Names.Dests.Names)
        destination = names[names.index(destination) + 1]
    return [page.objgen for page in pdf.pages].index(destination[0].objgen)


def _links(content: bytes) -> list[tuple[int, int]]:
    """(page of the link, page it goes to) for every link, 0-based."""
    pdf = pikepdf.open(io.BytesIO(content))
    return [
        (index, _target_page(pdf, annotation.get("/Dest")))
        for index, page in enumerate(pdf.pages)
        for annotation in page.obj.get("/Annots", [])
    ]


def _outline(content: bytes) -> list[tuple[str, int]]:
    pdf = pikepdf.open(io.BytesIO(content))
    with pdf.open_outline() as outline:
        items = []

        def walk(children: list) -> None:
            for item in children:
                items.append((item.title, _target_page(pdf, item.destination)))
                walk(item.children)

        walk(outline.root)
    return items


@pytest.mark.parametrize("thai_digits", [False, True], ids=["arabic-digits", "thai-digits"])
def test_parallel_book_reads_like_the_book_laid_out_in_one_piece(
    demo: Meeting, tmp_path: Path, thai_digits: bool
) -> None:
    options = PrintOptions(thai_digits=thai_digits)
    whole = _render(1, options)
    parallel = _render(2, options)
    whole_pages, parallel_pages = pages_text(whole, tmp_path), pages_text(parallel, tmp_path)
    assert len(parallel_pages) == len(whole_pages) > 5
    for number, (expected, got) in enumerate(zip(whole_pages, parallel_pages, strict=True), start=1):
        assert got == expected, f"page {number}"
    # The body's pages carry their numbers (laid over them), the cover none.
    assert page_number(parallel_pages[0]) is None
    assert all(page_number(page) for page in parallel_pages[1:-1])
    assert _links(parallel) == _links(whole) and len(_links(whole)) >= len(Meeting.objects.in_fiscal_year(2564))
    assert _outline(parallel) == _outline(whole)


def test_parts_cover_every_meeting_once_in_order(demo: Meeting) -> None:
    prepared = services.prepare_fiscal_year_book(2564, PrintOptions(thai_digits=False))
    for parts in (1, 2, 3, 50):
        ranges = book._split(prepared.book, parts)
        assert [index for first, last in ranges for index in range(first, last)] == list(
            range(len(prepared.book.meetings))
        )
        assert len(ranges) <= parts
