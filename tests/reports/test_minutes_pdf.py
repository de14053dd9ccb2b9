"""The minutes PDF (รายงานการประชุม) of a meeting: official form, exact Thai text, typography, safety."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pikepdf
import pytest
from django.test import override_settings
from django.utils import timezone
from report_pdf_text import body_text, page_number, pdftotext, squash

from directives.models import Directive
from lamphun_portal.lib import pdf
from lamphun_portal.lib.pdf import speedups
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person, minutes_title
from reports import documents, services
from reports.documents import PrintOptions

ARABIC = PrintOptions(thai_digits=False)


def render(meeting: Meeting, options: PrintOptions = ARABIC) -> bytes:
    return bytes(services.minutes_pdf(meeting=meeting, options=options).content)


def test_seed_narrative_and_directives_read_back_exactly(demo: Meeting, tmp_path: Path) -> None:
    text = squash(body_text(render(demo), tmp_path))
    narrative = documents.paragraphs(demo.summary)
    assert len(narrative) >= 8
    missing = [paragraph for paragraph in narrative if squash(paragraph) not in text]
    assert not missing, f"narrative paragraphs not read back exactly: {missing[:2]}"
    directives = list(demo.directives.values_list("text", flat=True))
    assert len(directives) == 6
    missing = [directive for directive in directives if squash(directive) not in text]
    assert not missing, f"directives not read back exactly: {missing[:2]}"
    for item in demo.agenda_items.all():
        assert squash(item.discussion) in text


def test_official_headings_in_order_and_no_common_mistakes(demo: Meeting, tmp_path: Path) -> None:
    demo.number = 3
    demo.ends_at = demo.starts_at + dt.timedelta(hours=2, minutes=30)
    demo.minute_taker = Person.objects.get(first_name="เบญจมาศ")
    demo.minutes_checker = Person.objects.get(first_name="วิไลวรรณ")
    demo.save()
    text = squash(body_text(render(demo), tmp_path))
    headings = [
        "รายงานการประชุมเตรียมความพร้อมการขับเคลื่อนกิจกรรมพัฒนาชุมชน",
        "ครั้งที่3ปีงบประมาณพ.ศ.2564",
        "เมื่อวันที่17พฤศจิกายน2563",
        "ณห้องประชุมจามเทวีศาลากลางจังหวัดลำพูน",
        "ผู้มาประชุม",
        "ผู้ไม่มาประชุม",
        "ผู้เข้าร่วมประชุม",
        "เริ่มประชุมเวลา10.00น.",
        "ระเบียบวาระที่1",
        "มติที่ประชุม",
        "ข้อสั่งการ",
        "ระเบียบวาระที่2",
        "ระเบียบวาระที่4",
        "เลิกประชุมเวลา12.30น.",
        "ผู้จดรายงานการประชุม(นางสาวเบญจมาศปัญญาดี)เจ้าพนักงานพัฒนาชุมชนปฏิบัติงาน",
        "ผู้ตรวจรายงานการประชุม(นางวิไลวรรณทองดี)ผู้อำนวยการกลุ่มงานยุทธศาสตร์การพัฒนาชุมชน",
        "สรุปการประชุม",
    ]
    positions = [text.find(heading) for heading in headings]
    assert all(position >= 0 for position in positions), dict(zip(headings, positions, strict=True))
    assert positions == sorted(positions)
    # The regulation's wording, not the common mistakes.
    for wrong in ("บันทึกการประชุม", "เปิดประชุมเวลา", "ปิดประชุมเวลา", "ผู้บันทึกรายงานการประชุม", "ประชุมประชุม"):
        assert wrong not in text


def test_attendance_sections_positions_substitutes_and_reasons(demo: Meeting, tmp_path: Path) -> None:
    economy = Person.objects.get(first_name="สุรเชษฐ์")
    deputy = Person.objects.get(first_name="อรุณี")
    clerk = Person.objects.get(first_name="เบญจมาศ")
    Attendance.objects.create(meeting=demo, order=10, person=economy, presence="substitute", substitute_for=deputy)
    Attendance.objects.create(meeting=demo, order=11, person=clerk, presence="absent", absence_reason="ติดราชการ")
    text = squash(body_text(render(demo), tmp_path))
    present, absent, invited = (text.index(h) for h in ("ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม"))
    governor = text.index("นายวรยุทธเนาวรัตน์ผู้ว่าราชการจังหวัดลำพูนประธาน")
    substitute = text.index(
        "นายสุรเชษฐ์ไชยวงค์ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาเศรษฐกิจฐานรากมาประชุมแทนนางอรุณีแสงคำผู้อำนวยการกลุ่มงานส่งเสริมและพัฒนาชุมชน"
    )
    reason = text.index("นางสาวเบญจมาศปัญญาดีเจ้าพนักงานพัฒนาชุมชนปฏิบัติงาน(ติดราชการ)")
    inspector = text.index("นางสาวศศิธรอินทกุลผู้ตรวจราชการกรมการพัฒนาชุมชน")
    assert present < governor < substitute < absent < reason < invited < inspector


def test_thai_digits_everywhere_on_request(demo: Meeting, tmp_path: Path) -> None:
    text = body_text(render(demo, PrintOptions(thai_digits=True)), tmp_path)
    assert "๑๗ พฤศจิกายน ๒๕๖๓" in text
    assert "๑๐.๐๐ น." in text
    assert "พ.ศ. ๒๕๖๔" in text
    assert not re.search("[0-9]", text), re.findall(".{10}[0-9].{10}", text)[:3]
    # The page numbers too: "- ๒ -".
    assert page_number(pdftotext(render(demo, PrintOptions(thai_digits=True)), tmp_path).split("\f")[1]) == "๒"


def test_thai_digits_follow_the_setting_by_default(demo: Meeting, tmp_path: Path) -> None:
    with override_settings(PORTAL_THAI_DIGITS=True):
        assert PrintOptions.default().thai_digits
    with override_settings(PORTAL_THAI_DIGITS=False):
        assert not PrintOptions.default().thai_digits


def test_dates_times_years_and_names_are_kept_on_one_line(demo: Meeting) -> None:
    meeting = documents.meetings_for_print().get(pk=demo.pk)
    html = documents.render_minutes_html(meeting, ARABIC)
    for together in ("17 พฤศจิกายน 2563", "10.00 น.", "พ.ศ. 2564", "นายวรยุทธ เนาวรัตน์", "นางสาวศศิธร อินทกุล"):
        assert f'<span class="nowrap">{together}</span>' in html, together
    # In the narrative too, where the news post puts two spaces between the names.
    assert '<span class="nowrap">นายเจริญ สีวาโย</span>' in html


def test_keep_together_escapes_user_html() -> None:
    pattern = documents.names_pattern([])
    html = documents.keep_together('<img src="http://example.com/x.png"> ประชุม 10.00 น. & <b>', pattern)
    assert html.startswith("&lt;img src=&quot;http://example.com/x.png&quot;&gt; ประชุม ")
    assert html.endswith('<span class="nowrap">10.00 น.</span> &amp; &lt;b&gt;')


def test_minutes_title_does_not_repeat_prachum() -> None:
    assert minutes_title("ประชุมประจำเดือน") == "รายงานการประชุมประจำเดือน"
    assert minutes_title("การประชุมคณะทำงาน") == "รายงานการประชุมคณะทำงาน"
    assert minutes_title("คณะกรรมการกองทุน") == "รายงานการประชุมคณะกรรมการกองทุน"


def test_user_html_is_printed_as_text_and_nothing_is_fetched(
    demo: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[str] = []
    fetch = pdf.url_fetcher.fetch

    def recording_fetch(url: str, headers: dict[str, str] | None = None) -> object:
        fetched.append(url)
        return fetch(url, headers)

    monkeypatch.setattr(pdf.url_fetcher, "fetch", recording_fetch)
    item = demo.agenda_items.get(order=1)
    item.discussion = 'ดูภาพ <img src="http://127.0.0.1:9/tracker.png"> และ <script>alert(1)</script> <a href="file:///etc/passwd">x</a>'
    item.save()
    # Fonts and stylesheets fetched again, as by a thread's first export (later ones reuse them).
    with speedups.disabled():
        text = body_text(render(demo), tmp_path)
    assert '<img src="http://127.0.0.1:9/tracker.png">' in text
    assert "<script>alert(1)</script>" in text
    assert fetched and all(url.startswith("/static/") for url in fetched), fetched


def test_pdfa_with_metadata(demo: Meeting) -> None:
    content = render(demo, PrintOptions(pdfa=True))
    with pikepdf.open(io.BytesIO(content)) as document:
        info = document.docinfo
        assert str(info["/Title"]).startswith("รายงานการประชุมเตรียมความพร้อม")
        assert str(info["/Author"]) == "สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
        assert "เมื่อวันที่ 17 พฤศจิกายน 2563" in str(info["/Subject"])
        assert str(document.Root.Lang) == "th"
        with document.open_metadata() as xmp:
            assert xmp["pdfaid:part"] == "3"
            assert xmp["pdfaid:conformance"] == "B"
        fonts = {str(font.BaseFont) for page in document.pages for font in page.Resources.get("/Font", {}).values()}
    assert any("Sarabun" in name for name in fonts), fonts


def test_page_size_margins_and_page_numbers(demo: Meeting, tmp_path: Path) -> None:
    content = render(demo)
    with pikepdf.open(io.BytesIO(content)) as document:
        assert len(document.pages) >= 5
        width, height = (float(v) for v in document.pages[0].MediaBox[2:])
    assert (round(width / 72 * 2.54, 1), round(height / 72 * 2.54, 1)) == (21.0, 29.7)  # A4
    layout = pdftotext(content, tmp_path, "-bbox")
    # Left margin 3 cm: no word starts left of it (the page numbers are centred).
    lefts = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', layout)]
    assert min(lefts) >= 3 / 2.54 * 72 - 0.5
    pages = pdftotext(content, tmp_path).split("\f")
    assert page_number(pages[0]) is None  # the first page has no number, as in official documents
    assert [page_number(page) for page in pages[1:-1]] == [str(number) for number in range(2, len(pages))]


def test_a_huge_meeting_renders(provincial_office: Office, tmp_path: Path) -> None:
    starts = dt.datetime(2021, 5, 4, 9, 0, tzinfo=timezone.get_default_timezone())
    paragraph = (
        "ที่ประชุมได้พิจารณาแนวทางการขับเคลื่อนโครงการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ ประยุกต์สู่ โคก หนอง นา โมเดล "
        "ในพื้นที่ทุกอำเภอของจังหวัดลำพูน โดยให้ความสำคัญกับการมีส่วนร่วมของชุมชน น้ำ ทำ ค่ำ ต่ำ ฯลฯ และเป้าหมายปี พ.ศ. 2564 "
    )
    meeting = Meeting.objects.create(
        title="ประชุมใหญ่ทดสอบขนาด",
        organizer=provincial_office,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=8),
        venue="หอประชุมใหญ่",
        summary="\n".join(f"{index}. {paragraph * 3}" for index in range(1, 251)),  # about 50 pages
        status=Meeting.Status.PUBLISHED,
    )
    people = Person.objects.bulk_create(
        Person(title="นาย", first_name=f"ผู้เข้าประชุม{index}", last_name="ทดสอบ", position="พัฒนากร")
        for index in range(500)
    )
    Attendance.objects.bulk_create(Attendance(meeting=meeting, order=i, person=p) for i, p in enumerate(people))
    item = AgendaItem.objects.create(meeting=meeting, order=1, heading="เรื่องเพื่อพิจารณา", discussion=paragraph)
    Directive.objects.bulk_create(
        Directive(meeting=meeting, agenda_item=item, order=i, text=f"ข้อสั่งการที่ {i} {paragraph}") for i in range(1, 201)
    )
    rendered = services.minutes_pdf(meeting=meeting, options=ARABIC)
    assert rendered.pages >= 80
    text = squash(body_text(bytes(rendered.content), tmp_path))
    assert "ผู้เข้าประชุม499ทดสอบ" in text
    assert squash(f"ข้อสั่งการที่ 200 {paragraph}") in text
    assert squash(f"250. {paragraph}") in text


def test_thai_digits_leave_markup_alone() -> None:
    html = '<style>p { margin: 2.5cm }</style><p class="c2" data-x="10">ครั้งที่ 3/2563 &#39; &amp;</p>'
    assert documents.thai_digits_html(html) == (
        '<style>p { margin: 2.5cm }</style><p class="c2" data-x="10">ครั้งที่ ๓/๒๕๖๓ &#39; &amp;</p>'
    )


def test_a_draft_says_so(demo: Meeting) -> None:
    demo.status = Meeting.Status.DRAFT
    demo.save()
    meeting = documents.meetings_for_print().get(pk=demo.pk)
    html = documents.render_minutes_html(meeting, ARABIC)
    # Without the markup that keeps Thai words whole on a line (test_thai_line_breaks.py).
    assert '<p class="draft-mark">ฉบับร่าง</p>' in re.sub(r'<span class="w">(.*?)</span>', r"\1", html)
