"""No Thai word is broken across lines in the PDFs (the book, the minutes), narrow table cells included.

Each PDF is read back with ``pdftotext -bbox-layout``; a line that ends inside one of the document's words (as the
portal's line word list cuts the text: pythainlp's words, royal names, Lamphun's places, office and program
names) is a broken word. The same documents laid out without lib/pdf/thai_lines.py (its zero-width spaces and its
no-break ranges in Pango's layouts) show such breaks, so the check
can fail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from line_breaks import broken_words
from report_pdf_text import body_text, squash

from directives.models import Directive
from lamphun_portal.lib import pdf, thai
from lamphun_portal.lib.pdf import book, thai_lines
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person
from reports import documents, services
from reports.documents import PrintOptions

ARABIC = PrintOptions(thai_digits=False)
ROYAL = "สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าพัชรกิติยาภา นเรนทิราเทพยวดี กรมหลวงราชสาริณี สิริพัชร มหาวัชรราชธิดา"
DIRECTIVES = [
    f"ให้สำนักงานพัฒนาชุมชนอำเภอทุ่งหัวช้างดำเนินการขับเคลื่อนโครงการเฉลิมพระเกียรติ{ROYAL} ในพื้นที่ตำบลตะเคียนปม",
    "มอบหมายให้พัฒนากรผู้ประสานงานตำบลทาสบเส้าและตำบลหนองปลาสะวายดำเนินการสำรวจครัวเรือนเป้าหมายให้แล้วเสร็จ",
    "ให้ทุกอำเภอรายงานผลการดำเนินงานกองทุนพัฒนาบทบาทสตรีและกลุ่มอาชีพในพื้นที่อำเภอเวียงหนองล่องและอำเภอบ้านธิ",
    "พัฒนาบรรจุภัณฑ์ผ้าไหมยกดอกลำพูนให้ได้มาตรฐาน มผช. และส่ง พช.อ.ทุ่งหัวช้าง ภายในเดือน ก.ย. 64",
]
# Table cells and paragraphs narrower than the real layout: many more lines end, in many more places.
NARROW_CSS = """<style>
table.closing col.text { width: 4.2cm !important; }
table.closing col.offices { width: 2.8cm !important; }
table.people col.who { width: 3.4cm !important; }
table.people { width: 9cm !important; }
.para, .directive-body, .minutes-line, .minutes-title, .agenda-heading { width: 7.5cm !important; }
</style></head>"""


@pytest.fixture
def royal_meeting(provincial_office: Office) -> Meeting:
    """A published meeting of fiscal year 2564 full of names no renderer's dictionary knows."""
    district = Office.objects.filter(district="ทุ่งหัวช้าง").first() or provincial_office
    starts = dt.datetime(2021, 3, 10, 9, 30, tzinfo=timezone.get_default_timezone())
    meeting = Meeting.objects.create(
        title=f"ประชุมขับเคลื่อนโครงการเฉลิมพระเกียรติ{ROYAL}",
        organizer=provincial_office,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        venue="ห้องประชุมที่ว่าการอำเภอทุ่งหัวช้าง ตำบลทุ่งหัวช้าง อำเภอทุ่งหัวช้าง จังหวัดลำพูน",
        summary=f"ที่ประชุมรับทราบแนวทางการดำเนินการโครงการเฉลิมพระเกียรติ{ROYAL} ในพื้นที่บ้านทุ่งหัวช้างใต้และบ้านปวงคำ",
        status=Meeting.Status.PUBLISHED,
    )
    people = [
        Person.objects.create(
            title="นางสาว", first_name="พัชรินทร์", last_name="ทุ่งหัวช้างวงศ์", position="พัฒนาการอำเภอทุ่งหัวช้าง"
        ),
        Person.objects.create(
            title="นาย", first_name="สิริพงษ์", last_name="ตะเคียนปมกุล", position="นักวิชาการพัฒนาชุมชนชำนาญการ"
        ),
    ]
    for order, person in enumerate(people):
        Attendance.objects.create(meeting=meeting, order=order, person=person)
    item = AgendaItem.objects.create(
        meeting=meeting, order=1, heading="เรื่องเพื่อพิจารณา", discussion=DIRECTIVES[1], resolution=DIRECTIVES[2]
    )
    for order, text in enumerate(DIRECTIVES, start=1):
        directive = Directive.objects.create(meeting=meeting, agenda_item=item, order=order, text=text)
        directive.responsible_offices.add(district)
    return meeting


def _narrow(html: str) -> str:
    return html.replace("</head>", NARROW_CSS, 1)


def test_the_fiscal_year_book_breaks_lines_only_between_words(royal_meeting: Meeting, tmp_path: Path) -> None:
    rendered = services.fiscal_year_pdf(year=2564, options=ARABIC)
    content = bytes(rendered.content)
    meetings = list(documents.fiscal_year_meetings(2564))
    book = documents.render_fiscal_year_html(2564, meetings, ARABIC)
    assert broken_words(content, book.front() + book.body, tmp_path) == []
    # The text still reads back exactly, without zero-width spaces.
    text = body_text(content, tmp_path)
    assert "\u200b" not in text
    for directive in DIRECTIVES:
        assert squash(directive) in squash(text)


@pytest.mark.parametrize("thai_digits", [False, True])
def test_narrow_cells_of_the_book_break_only_between_words(
    royal_meeting: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, thai_digits: bool
) -> None:
    options = PrintOptions(thai_digits=thai_digits)
    meetings = list(documents.fiscal_year_meetings(2564))
    html = _narrow(documents.render_fiscal_year_html(2564, meetings, options).body)
    # Words are kept whole in Pango's layouts, not by a nowrap box per word (slow to lay out).
    assert 'class="w"' not in html
    content = pdf.render_pdf(html)
    assert broken_words(content, html, tmp_path) == []
    text = body_text(content, tmp_path)
    assert "\u200b" not in text
    assert squash(DIRECTIVES[0]) in squash(text)

    # The same book without the word markup and with Pango's own line breaking: it cuts the names.
    monkeypatch.setattr(pdf, "keep_words", lambda html: html)
    plain = _narrow(documents.render_fiscal_year_html(2564, meetings, options).body)
    assert "\u200b" not in plain
    with thai_lines.disabled():
        broken = {str(found) for found in broken_words(pdf.render_pdf(plain), plain, tmp_path)}
    print("broken without the word markup:", sorted(broken))
    assert broken, "the check found nothing to catch"


def test_narrow_minutes_break_only_between_words(royal_meeting: Meeting, tmp_path: Path) -> None:
    meeting = documents.meetings_for_print().get(pk=royal_meeting.pk)
    html = _narrow(documents.render_minutes_html(meeting, ARABIC))
    content = pdf.render_pdf(html)
    assert broken_words(content, html, tmp_path) == []
    assert squash(royal_meeting.venue) in squash(body_text(content, tmp_path))


def test_the_line_word_list_knows_royal_names_places_offices_and_programs(demo: Meeting) -> None:
    from django.core.cache import cache

    from meetings.words import CACHE_KEY, refresh_line_words

    cache.delete(CACHE_KEY)  # read from this test's database, not a list an earlier test left in the cache
    refresh_line_words()
    for name in ("เจ้าฟ้าพัชรกิติยาภา", "สิริพัชร", "ทุ่งหัวช้าง", "ตะเคียนปม", "ดำเนินการ", "หนองปลาสะวาย"):
        assert name in thai.line_words(f"โครงการ{name}ในพื้นที่"), name
    # ดำเนินการ|สำรวจ, not ดำเนิน|การสำรวจ: การ + a word is not one word for line breaking.
    assert "ดำเนินการ" in thai.line_words(DIRECTIVES[1])
    # Abbreviations are one piece, not letters (ม|ผช.).
    assert "มผช." in thai.line_words("ให้ได้มาตรฐาน มผช. ทุกกลุ่ม")
    # Villages of the demo communities come from the database.
    assert "บ้านทุ่งหัวช้างใต้" in thai.line_words("ในพื้นที่บ้านทุ่งหัวช้างใต้")


def test_markup_outside_text_and_unbreakable_spans_are_left_alone() -> None:
    html = (
        "<html><head><title>สิริพัชร ทุ่งหัวช้าง</title><style>p { margin: 1cm }</style></head>"
        '<body><p class="ทุ่งหัวช้าง">ดำเนินการ<span class="nowrap">นายวรยุทธ เนาวรัตน์</span>&amp;ดำเนินการ</p></body></html>'
    )
    marked = pdf.keep_words(html)
    assert marked.startswith("<html><head><title>สิริพัชร ทุ่งหัวช้าง</title><style>p { margin: 1cm }</style></head>")
    assert '<p class="ทุ่งหัวช้าง">' in marked
    assert '<span class="nowrap">นายวรยุทธ เนาวรัตน์</span>' in marked
    # Nothing else: without the zero-width spaces it is the same HTML (no markup added).
    assert marked.replace("\u200b", "") == html


def test_a_new_village_is_a_line_word_at_once(demo: Meeting) -> None:
    from meetings.words import refresh_line_words
    from programs.models import Community

    refresh_line_words()  # the list is now in the cache
    assert "บ้านห้วยกุ๊กไก่ใหม่" not in thai.line_words("ในพื้นที่บ้านห้วยกุ๊กไก่ใหม่ตำบลลี้")
    Community.objects.create(name="บ้านห้วยกุ๊กไก่ใหม่", moo=12, tambon="ลี้", district="ลี้")
    refresh_line_words()
    assert "บ้านห้วยกุ๊กไก่ใหม่" in thai.line_words("ในพื้นที่บ้านห้วยกุ๊กไก่ใหม่ตำบลลี้")


def test_paragraphs_of_every_width_break_only_between_words(tmp_path: Path) -> None:
    """The renderer lays out the first characters of a long text first, cut anywhere, even inside a word: the cut
    word is still kept whole (and so are words in bold or italics)."""
    text = DIRECTIVES[0] + "ตำบล<b>ตะเคียนปม</b>อำเภอ<i>ทุ่งหัวช้าง</i>ดำเนินการต่อไป"
    paragraphs = "".join(f'<p style="width: {width}mm; margin-bottom: 4mm">{text}</p>' for width in range(14, 62, 2))
    html = pdf.keep_words(
        '<html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/css/pdf-fonts.css"></head>'
        f'<body lang="th" style="font-family: Sarabun; font-size: 14pt">{paragraphs}</body></html>'
    )
    assert broken_words(pdf.render_pdf(html), html, tmp_path) == []

    with thai_lines.disabled():
        plain = html.replace("\u200b", "")
        assert broken_words(pdf.render_pdf(plain), plain, tmp_path), "the check found nothing to catch"


def test_a_book_worker_keeps_the_words_it_is_given(tmp_path: Path) -> None:
    """Workers lay parts of a long book out without the database: the parent's line words come with each part."""
    name = "บ้านห้วยกุ๊กไก่ใหม่"  # in no dictionary: only the portal's list makes it one word
    paragraphs = "".join(
        f'<p style="width: {width}mm; margin-bottom: 4mm">ในพื้นที่{name}ตำบลลี้อำเภอลี้</p>' for width in range(14, 40, 2)
    )
    html = (
        '<html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/css/pdf-fonts.css"></head>'
        f'<body lang="th" style="font-family: Sarabun; font-size: 14pt">{paragraphs}</body></html>'
    )
    before = thai.extra_line_words()
    try:
        given = book.lay_out_part(html, None, "", before | {name}).content
        not_given = book.lay_out_part(html, None, "", before - {name}).content
        thai.set_line_words(before | {name})  # the check reads the name as one word
        assert broken_words(given, html, tmp_path) == []
        assert broken_words(not_given, html, tmp_path), "the check found nothing to catch"
    finally:
        thai.set_line_words(before)
