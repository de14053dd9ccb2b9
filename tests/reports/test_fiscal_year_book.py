"""The fiscal-year book: cover, contents with the right page numbers, every meeting, the directive table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_pdf_text import page_number, pages_text, squash

from directives.models import Directive
from meetings.models import Meeting, minutes_title
from reports import services
from reports.documents import PrintOptions


@pytest.fixture
def book_pages(demo: Meeting, tmp_path: Path) -> list[str]:
    rendered = services.fiscal_year_pdf(year=2564, options=PrintOptions(thai_digits=False))
    return pages_text(bytes(rendered.content), tmp_path)


def test_cover_and_contents_with_correct_page_numbers(demo: Meeting, book_pages: list[str]) -> None:
    cover = squash(book_pages[0])
    assert "สำนักงานพัฒนาชุมชนจังหวัดลำพูน" in cover and "ประจำปีงบประมาณพ.ศ.2564" in cover
    assert "1ตุลาคม2563ถึง30กันยายน2564" in cover
    assert page_number(book_pages[0]) is None
    meetings = list(Meeting.objects.published().in_fiscal_year(2564).order_by("starts_at"))
    assert len(meetings) >= 2
    assert (
        not Meeting.objects.in_fiscal_year(2564)
        .exclude(status="published")
        .filter(title__in=[m.title for m in meetings])
    )
    contents = squash(book_pages[1])
    assert contents.startswith("–2–สารบัญ")
    # Each entry ends with leader dots and its page number; entries are in meeting order.
    listed_pages = [int(n) for n in re.findall(r"\.{3,}\s*(\d+)\s*$", book_pages[1], re.MULTILINE)]
    assert len(listed_pages) == len(meetings) + 1  # and the directive table
    for meeting, listed in zip(meetings, listed_pages, strict=False):
        assert squash(meeting.title) in contents
        heading = squash(minutes_title(meeting.title))
        printed = next(number for number, page in enumerate(book_pages, start=1) if heading in squash(page))
        assert listed == printed, meeting.title
        assert page_number(book_pages[printed - 1]) == str(printed)


def test_unpublished_meetings_are_left_out(demo: Meeting, book_pages: list[str]) -> None:
    text = squash("".join(book_pages))
    for meeting in Meeting.objects.in_fiscal_year(2564).exclude(status="published"):
        assert squash(meeting.title) not in text


def test_closing_table_lists_every_directive_with_its_status(demo: Meeting, book_pages: list[str]) -> None:
    start = next(i for i, page in enumerate(book_pages) if "ตารางสรุปข้อสั่งการและสถานะการดำเนินงาน" in page and i > 1)
    table = squash("".join(book_pages[start:]))
    directives = Directive.objects.filter(meeting__status="published", meeting__fiscal_year=2564)
    assert directives.count() >= 7
    for directive in directives:
        assert squash(directive.get_status_display()) in table
    numbers = re.findall(r"^(\d+)$", "\n".join(book_pages[start:]), re.MULTILINE)
    assert str(directives.count()) in numbers


def test_a_meeting_with_a_four_digit_id_is_numbered_in_the_contents(demo: Meeting, tmp_path: Path) -> None:
    """Ids are printed unlocalised: with thousands separators on, "meeting-1,054" broke the contents' anchors."""
    import datetime as dt

    later = Meeting.objects.create(
        pk=4321,
        title="ประชุมติดตามโครงการพัฒนาชุมชนหลังน้ำท่วม",
        organizer=demo.organizer,
        starts_at=demo.starts_at + dt.timedelta(days=30),
        venue=demo.venue,
        status="published",
    )
    rendered = services.fiscal_year_pdf(year=2564, options=PrintOptions(thai_digits=False))
    pages = pages_text(bytes(rendered.content), tmp_path)
    entry = next(line for line in pages[1].splitlines() if squash(later.title) in squash(line))
    listed = int(re.findall(r"(\d+)\s*$", entry)[0])
    assert squash(minutes_title(later.title)) in squash(pages[listed - 1])
