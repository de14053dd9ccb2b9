"""A long document (a book) laid out in one process or by several at once.

A book is a front (cover and contents) and a body. The contents give the page numbers the body's
anchors land on, so the front is laid out after the body, with those numbers (CSS target-counter()
would do the same in one document, but WeasyPrint then lays every page out two or three times).

In one process, the body is laid out in one piece with its page numbers starting after the front.

With several processes: WeasyPrint lays a document out in one Python thread (a 200-meeting book of
about 800 pages takes about a minute of one CPU), but when the body can be cut into parts that each
start a new page, every part lays out into exactly the pages it takes in the whole body. The parts are
laid out in worker processes without page numbers (``BookSource.parts_css``); then

1. the front is laid out with the page numbers the parts' anchors landed on,
2. pages that carry only the page number (the same @page rules) are laid out and laid over the
   body's pages, so the numbers sit where the body's own would,
3. the pages are put together with pikepdf, with the contents' links and the bookmarks (PDF outline)
   rebuilt from what WeasyPrint reported for each part.

Both read the same (tests/reports/test_book_parallel.py compares them page by page).
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import pikepdf
import weasyprint

from lamphun_portal.lib import thai

from .render import Progress, Stage, Step, render_document, write_documents

# Points per CSS pixel: WeasyPrint reports positions in CSS pixels (96 per inch), PDF uses points (72).
PT_PER_PX = 0.75
# Parts per worker: smaller parts even out the workers' load; each part costs a stylesheet parse.
PARTS_PER_WORKER = 3
# The front may grow by a page once real numbers replace the placeholders; give up after this many tries.
FRONT_ATTEMPTS = 3


@dataclass
class BookSource:
    """The HTML of a book, as the portal's documents make it (see reports/book.py)."""

    # Cover and contents; given {anchor: page number}, or None for placeholders as wide as numbers.
    front: Callable[[dict[str, int] | None], str]
    body: str  # the whole body, for one process
    # CSS numbering the body's pages from the given first page (added to ``body``).
    body_css: Callable[[int], str]
    # The body cut into about n parts, in order, each starting a new page.
    parts: Callable[[int], list[str]]
    # Pages carrying only their number, numbered from the first argument; wide: landscape pages.
    page_numbers: Callable[[int, list[bool]], str]
    parts_css: str = ""  # added to each part laid out on its own (hides its own page numbers)


@dataclass
class LaidOutPart:
    """What a worker sends back: a PDF of some pages, and where things are on them."""

    content: bytes
    sizes: list[tuple[float, float]]  # (width, height) of each page, CSS pixels
    anchors: dict[str, tuple[int, float, float]]  # anchor -> (page index in the part, x, y)
    bookmarks: list[tuple[int, str, int, float, float]]  # (level, label, page index, x, y)

    @property
    def pages(self) -> int:
        return len(self.sizes)


def lay_out_book(
    book: BookSource, *, workers: int, pdf_variant: str | None, metadata: dict[str, Any], progress: Progress
) -> tuple[bytes, int]:
    """The book's PDF and its page count, laid out by ``workers`` processes (1: this one only)."""
    if workers <= 1:
        return _lay_out_in_one_process(book, pdf_variant=pdf_variant, metadata=metadata, progress=progress)
    return _lay_out_in_parallel(book, workers=workers, pdf_variant=pdf_variant, metadata=metadata, progress=progress)


def _lay_out_in_one_process(
    book: BookSource, *, pdf_variant: str | None, metadata: dict[str, Any], progress: Progress
) -> tuple[bytes, int]:
    front = render_document(book.front(None), pdf_variant=pdf_variant)
    for _ in range(FRONT_ATTEMPTS):
        first_body_page = len(front.pages) + 1
        body = render_document(
            book.body, pdf_variant=pdf_variant, extra_css=book.body_css(first_body_page), progress=progress
        )
        pages = {
            anchor: first_body_page + index
            for index, page in reversed(list(enumerate(body.pages)))
            for anchor in page.anchors
        }
        progress(Step(Stage.NUMBERING, pages=len(body.pages)))
        numbered = render_document(book.front(pages), pdf_variant=pdf_variant)
        if len(numbered.pages) == len(front.pages):
            content = write_documents([numbered, body], pdf_variant=pdf_variant, metadata=metadata, progress=progress)
            return content, len(numbered.pages) + len(body.pages)
        front = numbered  # the contents took another page: number the body again
    raise RuntimeError("the contents of the book keep changing length")


# --------------------------------------------------------------------------------------------------
# Several processes
# --------------------------------------------------------------------------------------------------


def start_worker() -> None:
    """Initialise a worker process: Django's settings and apps (the worker never opens the database).

    A new worker imports this module before Django is set up (to find this function), which is why
    lib/pdf touches no app or model at import.
    """
    import django

    django.setup()


def lay_out_part(
    html: str, pdf_variant: str | None, extra_css: str = "", line_words: frozenset[str] = frozenset()
) -> LaidOutPart:
    """Lay ``html`` out and write it; runs in a worker process.

    ``line_words``: the portal's names of the parent's line word list (thai.extra_line_words()): Thai words are
    kept whole while lines are broken (thai_lines.py), and the worker never opens the database to read them."""
    thai.set_line_words(line_words)
    document = render_document(html, pdf_variant=pdf_variant, extra_css=extra_css)
    return _part(document, write_documents([document], pdf_variant=pdf_variant))


def _part(document: weasyprint.Document, content: bytes) -> LaidOutPart:
    anchors: dict[str, tuple[int, float, float]] = {}
    bookmarks = []
    for index, page in enumerate(document.pages):
        for name, (x, y, *_corner) in page.anchors.items():
            anchors.setdefault(name, (index, x, y))
        bookmarks += [(level, label, index, x, y) for level, label, (x, y), _state in page.bookmarks]
    return LaidOutPart(
        content=content,
        sizes=[(page.width, page.height) for page in document.pages],
        anchors=anchors,
        bookmarks=bookmarks,
    )


def _lay_out_in_parallel(
    book: BookSource, *, workers: int, pdf_variant: str | None, metadata: dict[str, Any], progress: Progress
) -> tuple[bytes, int]:
    bodies = book.parts(workers * PARTS_PER_WORKER)
    context = multiprocessing.get_context("spawn")  # a clean process: the app server may run threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker) as pool:
        line_words = thai.extra_line_words()
        futures = [pool.submit(lay_out_part, html, pdf_variant, book.parts_css, line_words) for html in bodies]
        # While the workers lay out the body: how many pages the cover and contents take.
        front_pages = len(render_document(book.front(None), pdf_variant=pdf_variant).pages)
        parts: list[LaidOutPart] = []
        numbers_jobs = []
        for future in futures:
            parts.append(future.result())
            # Every part before this one is done: its first page number is known. Its number pages
            # queue behind the parts still to lay out and keep the workers busy at the end.
            numbers_jobs.append(_submit_page_numbers(pool, book, parts, front_pages, pdf_variant))
            laid_out = front_pages + sum(part.pages for part in parts)
            progress(Step(Stage.LAYOUT, pages=laid_out, fraction=len(parts) / len(futures)))

        progress(Step(Stage.NUMBERING, pages=front_pages + sum(part.pages for part in parts)))
        for _ in range(FRONT_ATTEMPTS):
            pages = {name: index + 1 for name, (index, _x, _y) in _anchors(parts, front_pages).items()}
            front = render_document(book.front(pages), pdf_variant=pdf_variant)
            if len(front.pages) == front_pages:
                break
            # The contents took another page: number the body again.
            front_pages = len(front.pages)
            numbers_jobs = [
                _submit_page_numbers(pool, book, parts[: index + 1], front_pages, pdf_variant)
                for index in range(len(parts))
            ]
        else:
            raise RuntimeError("the contents of the book keep changing length")
        numbers = [job.result() for job in numbers_jobs]

    # The contents' links point into the body: taken off the front (WeasyPrint would find no anchor for
    # them there) and put back once the pages are together.
    links = []
    for index, page in enumerate(front.pages):
        links += [(index, target, rectangle) for kind, target, rectangle, _box in page.links if kind == "internal"]
        page.links = [link for link in page.links if link[0] != "internal"]
    front_part = _part(front, write_documents([front], pdf_variant=pdf_variant, metadata=metadata, progress=progress))
    content = _assemble(front_part, parts, numbers, links)
    return content, front_part.pages + sum(part.pages for part in parts)


def _offsets(parts: list[LaidOutPart], front_pages: int) -> list[int]:
    """How many pages come before each part: the front's and those of the parts before it."""
    offsets, before = [], front_pages
    for part in parts:
        offsets.append(before)
        before += part.pages
    return offsets


def _anchors(parts: list[LaidOutPart], front_pages: int) -> dict[str, tuple[int, float, float]]:
    """Each anchor of the body: (0-based page in the whole book, x, y); the first one wins, as in HTML."""
    anchors: dict[str, tuple[int, float, float]] = {}
    for part, offset in zip(parts, _offsets(parts, front_pages), strict=True):
        for name, (index, x, y) in part.anchors.items():
            anchors.setdefault(name, (offset + index, x, y))
    return anchors


def _submit_page_numbers(
    pool: ProcessPoolExecutor, book: BookSource, parts: list[LaidOutPart], front_pages: int, pdf_variant: str | None
) -> Future:
    """Lay out the number-only pages of the last of ``parts`` (the ones before it fix its first number)."""
    first_page = _offsets(parts, front_pages)[-1] + 1
    wide = [width > height for width, height in parts[-1].sizes]
    return pool.submit(lay_out_part, book.page_numbers(first_page, wide), pdf_variant, "", thai.extra_line_words())


def _assemble(
    front_part: LaidOutPart,
    parts: list[LaidOutPart],
    numbers: list[LaidOutPart],
    links: list[tuple[int, str, tuple[float, float, float, float]]],
) -> bytes:
    """One PDF: the front (with its metadata), the body parts with the numbers over them, links, outline."""
    book = pikepdf.Pdf.open(io.BytesIO(front_part.content))
    sources = [pikepdf.Pdf.open(io.BytesIO(part.content)) for part in parts]
    number_sources = [pikepdf.Pdf.open(io.BytesIO(part.content)) for part in numbers]
    for source in sources:
        book.pages.extend(source.pages)
    body_pages = book.pages[front_part.pages :]
    number_pages = [page for source in number_sources for page in source.pages]
    for page, number in zip(body_pages, number_pages, strict=True):
        page.add_overlay(number)

    # Where each anchor and bookmark is in the whole book.
    offsets = _offsets(parts, front_part.pages)
    sizes = front_part.sizes + [size for part in parts for size in part.sizes]
    anchors = {**_anchors(parts, front_part.pages), **front_part.anchors}
    bookmarks = list(front_part.bookmarks) + [
        (level, label, offset + index, x, y)
        for part, offset in zip(parts, offsets, strict=True)
        for level, label, index, x, y in part.bookmarks
    ]

    def destination(index: int, x: float, y: float) -> pikepdf.Array:
        height = sizes[index][1]
        return pikepdf.Array([book.pages[index].obj, pikepdf.Name.XYZ, x * PT_PER_PX, (height - y) * PT_PER_PX, 0])

    # The contents' links, to the anchors in the body.
    for index, target, (x1, y1, x2, y2) in links:
        if target not in anchors:
            continue
        height = sizes[index][1]
        annotation = book.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=[x1 * PT_PER_PX, (height - y2) * PT_PER_PX, x2 * PT_PER_PX, (height - y1) * PT_PER_PX],
                Border=[0, 0, 0],
                F=4,  # printable, as PDF/A asks
                Dest=destination(*anchors[target]),
            )
        )
        pdf_page = book.pages[index].obj
        if pikepdf.Name.Annots not in pdf_page:
            pdf_page.Annots = book.make_indirect(pikepdf.Array())
        pdf_page.Annots.append(annotation)

    with book.open_outline() as outline:
        outline.root.clear()
        stack: list[tuple[int, list]] = [(0, outline.root)]
        for level, label, index, x, y in bookmarks:
            while stack[-1][0] >= level:
                stack.pop()
            item = pikepdf.OutlineItem(label, destination=destination(index, x, y))
            stack[-1][1].append(item)
            stack.append((level, item.children))

    output = io.BytesIO()
    book.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for source in sources + number_sources:
        source.close()
    return output.getvalue()
