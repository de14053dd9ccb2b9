"""The fiscal-year book as lamphun_portal.lib.pdf lays it out: how many processes, and where to cut it.

Every meeting of the book starts a new page and the directive table starts a new (landscape) page, so
the body can be cut between meetings into parts that lay out into exactly the pages they take in the
whole book (lamphun_portal/lib/pdf/book.py does the layout and puts the parts together).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from lamphun_portal.lib import pdf

from .documents import BookHtml

# Body parts are laid out without their page numbers (see page_numbers.html). A user stylesheet, hence
# !important to win over the document's own @page rules.
NO_PAGE_NUMBERS_CSS = "@page { @top-center { content: none !important; } }"


def workers_for(book: BookHtml) -> int:
    """How many processes lay ``book`` out: 1 (this one) for short books or a single CPU."""
    if len(book.meetings) < settings.PORTAL_BOOK_PARALLEL_MIN_MEETINGS:
        return 1
    return max(1, settings.PORTAL_PDF_WORKERS)


def _split(book: BookHtml, parts: int) -> list[tuple[int, int]]:
    """Ranges of meetings of about the same length of HTML, in book order."""
    sizes = [len(section) for section in book.sections]
    total = sum(sizes) or 1
    ranges, start, done = [], 0, 0
    for index, size in enumerate(sizes):
        done += size
        if done >= total * (len(ranges) + 1) / parts and index + 1 < len(sizes):
            ranges.append((start, index + 1))
            start = index + 1
    ranges.append((start, len(sizes)))
    return [(first, last) for first, last in ranges if last > first]


def _parts(book: BookHtml, parts: int) -> list[str]:
    """The body in about ``parts`` parts of whole meetings, then the directive table on its own."""
    bodies = [book.body_part(first, last, table=False) for first, last in _split(book, parts)]
    bodies.append(book.body_part(len(book.meetings), len(book.meetings), table=True))
    return bodies


def source(book: BookHtml) -> pdf.BookSource:
    """What lib/pdf needs to lay the book out, in one process or several."""
    return pdf.BookSource(
        front=book.front,
        body=book.body,
        body_css=book.body_css,
        parts=lambda parts: _parts(book, parts),
        page_numbers=book.page_numbers,
        parts_css=NO_PAGE_NUMBERS_CSS,
    )


def render(
    book: BookHtml, *, pdf_variant: str | None, metadata: dict[str, Any], progress: pdf.Progress
) -> tuple[bytes, int]:
    """The book's PDF and its page count, laid out by ``workers_for(book)`` processes."""
    return pdf.lay_out_book(
        source(book), workers=workers_for(book), pdf_variant=pdf_variant, metadata=metadata, progress=progress
    )
