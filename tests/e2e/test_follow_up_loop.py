"""The follow-up loop in a real browser: a directive reaches อำเภอแม่ทา (home page, e-mail, LINE), district1
reports completion with a file, official1 sends it back once and then accepts it; the directive is done in the
list, on the dashboard and in the API; and the provincial office's next meeting offers what is still open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from directives.models import Directive, DirectiveUpdate
from directives.services import announce
from meetings.demo import data
from meetings.models import Meeting, Office
from notifications.models import OfficeChannels
from tests.conftest import PASSWORD, Personas
from tests.e2e.helpers import log_in, screenshot
from tests.line_stand_in import LineStandIn

pytestmark = pytest.mark.e2e

LINE_GROUP = "C" + "fedcba9876543210" * 2
DONE_TEXT = "ให้อำเภอแม่ทาสำรวจแปลงโคก หนอง นา ที่ยังไม่ปลูกพืชให้ครบทุกตำบล"
OPEN_TEXT = "ให้อำเภอแม่ทาจัดทำแผนส่งเสริมผลิตภัณฑ์ OTOP ของหมู่บ้านน้ำพัชรธรรม"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _certified_meeting_for_maetha(personas: Personas) -> tuple[Directive, Directive]:
    """Minutes of the provincial office, certified: two directives given to แม่ทา (one due in 5 days)."""
    maetha = Office.objects.get(name=data.district_office("แม่ทา"))
    OfficeChannels.objects.create(office=maetha, email="maetha@cdd.example", line_group_id=LINE_GROUP)
    personas.district_staff.email = "district1@cdd.example"
    personas.district_staff.save(update_fields=["email"])
    meeting = Meeting.objects.create(
        title="ประชุมติดตามงานพัฒนาชุมชน ครั้งที่ 9/2569",
        organizer=Office.objects.get(name=data.PROVINCIAL),
        starts_at=timezone.now() - dt.timedelta(days=3),
        venue="ห้องประชุมจามเทวี",
        status=Meeting.Status.CERTIFIED,
    )
    due = timezone.localdate() + dt.timedelta(days=5)
    directives = []
    for order, text in enumerate((DONE_TEXT, OPEN_TEXT), start=1):
        directive = Directive.objects.create(meeting=meeting, order=order, text=text, due_date=due)
        directive.responsible_offices.add(maetha)
        directives.append(directive)
    # What certifying the minutes does: the directives are given to their offices.
    announce(directives, actor=personas.staff)
    return directives[0], directives[1]


def _signed_in(new_context: Callable[..., BrowserContext], username: str) -> Page:
    page = new_context().new_page()
    log_in(page, username, PASSWORD)
    return page


def test_a_directive_goes_to_the_office_comes_back_done_and_the_next_meeting_offers_what_is_open(
    personas: Personas,
    new_context: Callable[..., BrowserContext],
    run_tasks: Callable[[], int],
    line_server: LineStandIn,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.PORTAL_NOTIFY_HOLD_MINUTES = 0  # deliver at once, not gathered into the day's digest window
    settings.PORTAL_NOTIFY_RETRY_SECONDS = 0
    done, still_open = _certified_meeting_for_maetha(personas)
    run_tasks()
    assert any(DONE_TEXT in message.body for message in mail.outbox if "district1@cdd.example" in message.to)
    assert [request.body["to"] for request in line_server.requests] == [LINE_GROUP]
    assert DONE_TEXT in str(line_server.requests[0].body)

    # district1 finds the directive on the home page, with the unread notification count.
    district = _signed_in(new_context, "district1")
    work = district.get_by_role("region", name="งานของสำนักงานพัฒนาชุมชนอำเภอแม่ทา")
    expect(work.get_by_role("heading", name="ครบกำหนดภายใน 7 วัน")).to_be_visible()
    expect(district.get_by_role("link", name="การแจ้งเตือน")).to_contain_text("2")
    work.get_by_role("listitem").filter(has_text=DONE_TEXT).get_by_role("link", name="รายงานความคืบหน้า").click()

    # district1 reports completion with a file.
    report = district.get_by_role("region", name="รายงานความคืบหน้า")
    report.get_by_label("ความคืบหน้า").fill("สำรวจครบทั้ง 7 ตำบลแล้ว พบแปลงที่ยังไม่ปลูก 4 แปลง")
    report.get_by_label("สถานะ").select_option(Directive.Status.REPORTED)
    upload = tmp_path / "ผลการสำรวจ.pdf"
    upload.write_bytes(PDF)
    report.get_by_label("ไฟล์แนบ (PDF รูปภาพ Word Excel)").set_input_files(upload)
    report.get_by_role("button", name="บันทึกความคืบหน้า").click()
    expect(district.get_by_text("รอตรวจรับ").first).to_be_visible()
    expect(district.get_by_role("link", name="ผลการสำรวจ.pdf")).to_be_visible()

    # official1 sees it waiting, sends it back once with a reason, then (after a second report) accepts it.
    official = _signed_in(new_context, "official1")
    official.get_by_role("link", name=DONE_TEXT[:40]).first.click()
    review = official.get_by_role("region", name="ตรวจรับผลการดำเนินงาน")
    review.get_by_label("ส่งกลับให้ดำเนินการเพิ่มเติม").check()
    review.get_by_role("button", name="บันทึกผลการตรวจ").click()
    expect(official.get_by_text("กรุณาระบุเหตุผลที่ส่งกลับ")).to_be_visible()  # a reason is required
    review = official.get_by_role("region", name="ตรวจรับผลการดำเนินงาน")
    review.get_by_label("ส่งกลับให้ดำเนินการเพิ่มเติม").check()
    review.get_by_label("ความเห็น / เหตุผลที่ส่งกลับ").fill("ขอภาพถ่ายแปลงที่ยังไม่ปลูกประกอบ")
    review.get_by_role("button", name="บันทึกผลการตรวจ").click()
    expect(official.get_by_text("ขอภาพถ่ายแปลงที่ยังไม่ปลูกประกอบ")).to_be_visible()
    done.refresh_from_db()
    assert done.status == Directive.Status.IN_PROGRESS

    run_tasks()
    assert any("ขอภาพถ่ายแปลงที่ยังไม่ปลูกประกอบ" in message.body for message in mail.outbox)
    district.goto(done.get_absolute_url())
    report = district.get_by_role("region", name="รายงานความคืบหน้า")
    report.get_by_label("ความคืบหน้า").fill("แนบภาพถ่ายแปลงครบ 4 แปลงแล้ว")
    report.get_by_label("สถานะ").select_option(Directive.Status.REPORTED)
    report.get_by_role("button", name="บันทึกความคืบหน้า").click()
    expect(district.get_by_text("แนบภาพถ่ายแปลงครบ 4 แปลงแล้ว")).to_be_visible()

    official.goto(done.get_absolute_url())
    review = official.get_by_role("region", name="ตรวจรับผลการดำเนินงาน")
    review.get_by_label("ตรวจรับ — ถือว่าดำเนินการแล้ว").check()
    review.get_by_role("button", name="บันทึกผลการตรวจ").click()
    expect(official.get_by_role("region", name="ตรวจรับผลการดำเนินงาน")).to_have_count(0)
    done.refresh_from_db()
    assert done.status == Directive.Status.DONE
    kinds = list(done.updates.order_by("created_at", "pk").values_list("kind", flat=True))
    assert kinds == [
        DirectiveUpdate.Kind.REPORT,
        DirectiveUpdate.Kind.SEND_BACK,
        DirectiveUpdate.Kind.REPORT,
        DirectiveUpdate.Kind.ACCEPT,
    ]

    # Done in the list, on the dashboard and in the API.
    official.goto(f"{reverse('directives:list')}?status={Directive.Status.DONE}")
    expect(official.get_by_role("link", name=DONE_TEXT[:40]).first).to_be_visible()
    expect(official.get_by_role("link", name=OPEN_TEXT[:40])).to_have_count(0)
    api = official.request.get(f"/api/v1/directives/{done.pk}/")
    assert api.ok and api.json()["status"] == Directive.Status.DONE
    official.goto(f"{reverse('home')}?fiscal_year={done.meeting.fiscal_year}")
    chart = official.get_by_role("img", name=f"จำนวนข้อสั่งการตามสถานะ ปีงบประมาณ {done.meeting.fiscal_year}")
    texts = chart.locator("text").all_text_contents()
    by_status = dict(zip(texts[::2], texts[1::2], strict=True))
    assert by_status[Directive.Status.DONE.label] == "1"
    assert by_status[Directive.Status.ACKNOWLEDGED.label] == "1"

    # The provincial office's next meeting offers the directive still open, not the one done.
    staff = _signed_in(new_context, "staff1")
    staff.goto(reverse("meetings:create"))
    carried = staff.get_by_role("region", name="เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว")
    expect(carried.get_by_text(OPEN_TEXT)).to_be_visible()
    expect(carried.get_by_text(DONE_TEXT)).to_have_count(0)
    screenshot(staff, "follow-up-next-meeting")
    still_open.refresh_from_db()
    assert still_open.is_unfinished
