"""Before the meeting in a real browser: staff1 schedules a meeting and sends the letter, the letter PDF is
downloaded and read back with pdftotext, two invited offices answer (one from its notification), and when the
meeting is held its attendance list starts from the answers."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from invitations.models import STANDARD_AGENDA
from lamphun_portal.lib import thai
from meetings.models import Attendance, Meeting
from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in, screenshot, serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "ประชุมคณะทำงานขับเคลื่อนโครงการโคก หนอง นา"
MAETHA = "สำนักงานพัฒนาชุมชนอำเภอแม่ทา"
LI = "สำนักงานพัฒนาชุมชนอำเภอลี้"


def pick(page: Page, label: str, typed: str) -> None:
    """Type into a type-to-search picker and take the first match with the keyboard."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(typed)
    box.press("ArrowDown")
    box.press("Enter")


def test_schedule_invite_answer_and_hold_a_meeting(personas: Any, new_context: Callable[..., BrowserContext]) -> None:
    staff = new_context(accept_downloads=True).new_page()
    log_in(staff, "staff1", PASSWORD)
    staff.goto("/meetings/")
    staff.get_by_role("link", name="นัดประชุม", exact=True).click()
    expect(staff.get_by_label("ระเบียบวาระที่ 2")).to_have_value(STANDARD_AGENDA[1])
    staff.get_by_label("ชื่อการประชุม").fill(TITLE)
    staff.get_by_label("วันที่ประชุม").fill("15/01/2570")
    staff.get_by_label("เวลาเริ่ม").fill("09.30")
    staff.get_by_label("เวลาเลิก").fill("12.00")
    staff.get_by_label("สถานที่").fill("ห้องประชุมศาลากลางจังหวัดลำพูน ชั้น 3")
    pick(staff, "ประธาน", "เจริญ สีวาโย")
    pick(staff, "หน่วยงานที่เชิญ", "แม่ทา")
    pick(staff, "หน่วยงานที่เชิญ", "อำเภอลี้")
    staff.keyboard.press("Escape")
    staff.get_by_label("ที่ (เลขที่หนังสือ)").fill("ลพ 0019/ว 123")
    staff.get_by_role("textbox", name="เรียน", exact=True).fill("พัฒนาการอำเภอแม่ทา และพัฒนาการอำเภอลี้")
    pick(staff, "ผู้ลงนามในหนังสือ", "เจริญ สีวาโย")
    assert serious_violations(staff) == []
    screenshot(staff, "schedule-form")
    staff.get_by_role("button", name="บันทึกนัดประชุม").click()

    # The invitation page: send the letter, then download it.
    expect(staff.get_by_role("heading", name=TITLE)).to_be_visible()
    staff.get_by_role("button", name="ส่งหนังสือเชิญ").click()
    expect(staff.get_by_text("ส่งหนังสือเชิญถึง 2 หน่วยงานแล้ว")).to_be_visible()
    assert serious_violations(staff) == []
    screenshot(staff, "invitation-page")
    with staff.expect_download() as download:
        staff.get_by_role("link", name="ดาวน์โหลดหนังสือเชิญ (PDF)").click()
    text = subprocess.run(
        ["pdftotext", str(download.value.path()), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    parts = [
        "ที่ ลพ 0019/ว 123",
        "สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        thai.be_date(timezone.localdate()),  # the letter's date: today, in the Buddhist era
        "เรื่อง ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการโคก หนอง นา",
        "เรียน พัฒนาการอำเภอแม่ทา และพัฒนาการอำเภอลี้",
        "สิ่งที่ส่งมาด้วย ระเบียบวาระการประชุม จำนวน 1 ชุด",
        "วันศุกร์ที่ 15 มกราคม 2570 เวลา 09.30 – 12.00 น.",
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "ขอแสดงความนับถือ",
        "(นายเจริญ สีวาโย)",
        "ระเบียบวาระการประชุม",
        "ระเบียบวาระที่ 6 เรื่องอื่น ๆ",
    ]
    at = 0
    for part in parts:
        found = flat.find(re.sub(r"\s+", "", part), at)
        assert found >= 0, f"{part!r} missing or out of order in: {text}"
        at = found

    # แม่ทา answers from its notification.
    maetha = new_context().new_page()
    log_in(maetha, "district1", PASSWORD)
    maetha.goto("/notifications/")
    maetha.get_by_role("button", name="เปิดหนังสือเชิญและตอบรับ").click()
    maetha.get_by_role("link", name=f"ตอบรับ ({MAETHA})").click()
    maetha.get_by_label("เข้าร่วมประชุม", exact=True).check()
    maetha.get_by_label("ชื่อ-สกุล คนที่ 1").fill("นางสาวกานดา ใจงาม")
    maetha.get_by_label("ตำแหน่ง คนที่ 1").fill("พัฒนาการอำเภอแม่ทา")
    maetha.get_by_label("ชื่อ-สกุล คนที่ 2").fill("นายสมชาย ทองดี")
    maetha.get_by_label("ตำแหน่ง คนที่ 2").fill("นักวิชาการพัฒนาชุมชน")
    assert serious_violations(maetha) == []
    maetha.get_by_role("button", name="บันทึกการตอบรับ").click()
    expect(maetha.get_by_text(f"บันทึกการตอบรับของ{MAETHA}แล้ว")).to_be_visible()

    # ลี้ will not come.
    li = new_context().new_page()
    log_in(li, "other_staff", PASSWORD)
    meeting = Meeting.objects.get(title=TITLE)
    li.goto(f"/meetings/invitations/meeting/{meeting.pk}/")
    li.get_by_role("link", name=f"ตอบรับ ({LI})").click()
    li.get_by_label("ไม่เข้าร่วมประชุม", exact=True).check()
    li.get_by_label("หมายเหตุ").fill("ติดราชการประชุมระดับอำเภอ")
    li.get_by_role("button", name="บันทึกการตอบรับ").click()
    expect(li.get_by_text("ตอบแล้ว 2 จาก 2 หน่วยงาน")).to_be_visible()
    assert serious_violations(li) == []

    # The meeting is held: the minutes start with the answers in their attendance list.
    staff.on("dialog", lambda dialog: dialog.accept())
    staff.goto(f"/meetings/{meeting.pk}/")
    staff.get_by_role("button", name="ประชุมแล้ว — เริ่มบันทึกรายงาน").click()
    expect(staff.get_by_text("นางสาวกานดา ใจงาม", exact=True)).to_be_visible()
    expect(staff.get_by_text("นายสมชาย ทองดี", exact=True)).to_be_visible()
    expect(staff.get_by_text(LI).first).to_be_visible()
    screenshot(staff, "meeting-held-attendance-from-answers")
    rows = Attendance.objects.filter(meeting=meeting).order_by("order")
    assert [(row.label, row.presence) for row in rows] == [
        ("นายเจริญ สีวาโย", "present"),
        ("นางสาวกานดา ใจงาม", "present"),
        ("นายสมชาย ทองดี", "present"),
        (LI, "absent"),
    ]
