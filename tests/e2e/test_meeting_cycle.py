"""The whole meeting cycle in a real browser, each person under their own login.

Before: staff1 schedules a meeting of the provincial office and sends the letter; the letter PDF is downloaded and
read back with pdftotext (the parts of an official letter, in order); แม่ทา answers from its notification, ลี้
declines; the meeting is held and its attendance list starts from the answers.
After: staff1 (the minute-taker) sends the draft to official1, who returns it once with a comment and then approves
it; the next meeting of the series certifies it with one amendment; the minute-taker, the checker and the chair
(admin1) sign by typed name; staff1 publishes. The stored PDF's PAdES signature validates with pyHanko's validator
against the certificate the test made, and its SHA-256 is the one the page shows."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from invitations.models import STANDARD_AGENDA
from lamphun_portal.lib import signing, thai
from meetings.models import AgendaItem, Attendance, Meeting
from minutes.models import Certification, PublishedMinutes, Signature
from tests.conftest import PASSWORD, Personas
from tests.e2e.helpers import log_in, screenshot, serious_violations
from tests.signing_cert import make_certificate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "ประชุมคณะทำงานขับเคลื่อนโครงการโคก หนอง นา"
MAETHA = "สำนักงานพัฒนาชุมชนอำเภอแม่ทา"
LI = "สำนักงานพัฒนาชุมชนอำเภอลี้"
CHAIR = "ประเสริฐ บุญมา"  # admin1's person: the chair signs under their own login
COMMENT = "ระเบียบวาระที่ 1 ขอให้ระบุจำนวนครัวเรือนเป้าหมายให้ตรงกับหนังสือสั่งการ"
AMENDMENT = "ระเบียบวาระที่ 1 แก้ไขจำนวนครัวเรือนเป้าหมายจาก 120 ครัวเรือน เป็น 125 ครัวเรือน"


def pick(page: Page, label: str, typed: str) -> None:
    """Type into a type-to-search picker and take the first match with the keyboard."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(typed)
    box.press("ArrowDown")
    box.press("Enter")


def _page(new_context: Callable[..., BrowserContext], username: str, url: str) -> Page:
    page = new_context().new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # the confirmations before circulating and publishing
    log_in(page, username, PASSWORD)
    page.goto(url)
    return page


def _next_meeting_of_the_series(meeting: Meeting) -> Meeting:
    """The series' next meeting, held a month later and being recorded: its agenda item 2 certifies the minutes."""
    following = Meeting.objects.create(
        title=meeting.title,
        organizer=meeting.organizer,
        starts_at=meeting.starts_at + dt.timedelta(days=31),
        venue=meeting.venue,
        status=Meeting.Status.DRAFT,
        chair=meeting.chair,
    )
    AgendaItem.objects.create(meeting=following, order=1, heading=STANDARD_AGENDA[0], resolution="ที่ประชุมรับทราบ")
    AgendaItem.objects.create(meeting=following, order=2, heading=STANDARD_AGENDA[1])
    return following


def test_the_whole_meeting_cycle(
    new_context: Callable[..., BrowserContext], personas: Personas, settings: Any, tmp_path: Path
) -> None:
    certificate = make_certificate(tmp_path)
    settings.PORTAL_SIGNING_PKCS12 = str(certificate.path)
    settings.PORTAL_SIGNING_PASSPHRASE = certificate.passphrase
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
    pick(staff, "ประธาน", CHAIR)
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
        (f"นาย{CHAIR}", "present"),
        ("นางสาวกานดา ใจงาม", "present"),
        ("นายสมชาย ทองดี", "present"),
        (LI, "absent"),
    ]

    # After the meeting.
    minutes = Meeting.objects.get(pk=meeting.pk)
    following = _next_meeting_of_the_series(minutes)
    chair = personas.admin.person
    assert minutes.chair == chair
    url = minutes.get_absolute_url()

    # The minute-taker names the checker.
    staff = _page(new_context, "staff1", url)
    staff.get_by_label("ผู้ตรวจรายงานการประชุม").select_option(value=str(personas.official.pk))
    staff.get_by_role("button", name="ส่งให้ผู้ตรวจรายงานการประชุม").click()
    expect(staff.get_by_text("รอการตรวจ")).to_be_visible()

    # The checker returns it once, with a comment kept in the trail.
    official = _page(new_context, "official1", url)
    official.get_by_label("ผลการตรวจ").select_option("return")
    official.get_by_label("ความเห็นของผู้ตรวจ").fill(COMMENT)
    official.get_by_role("button", name="บันทึกผลการตรวจ").click()
    expect(official.locator("#minutes-trail")).to_contain_text(COMMENT)

    staff.reload()
    expect(staff.locator("#minutes-trail")).to_contain_text(COMMENT)
    staff.get_by_label("ผู้ตรวจรายงานการประชุม").select_option(value=str(personas.official.pk))
    staff.get_by_role("button", name="ส่งให้ผู้ตรวจรายงานการประชุม").click()

    official.reload()
    official.get_by_label("ผลการตรวจ").select_option("approve")
    official.get_by_role("button", name="บันทึกผลการตรวจ").click()
    expect(official.locator(".status")).to_have_text("ตรวจแล้ว")

    # Certified by the next meeting, with one amendment.
    staff.reload()
    staff.get_by_label("รับรองโดยมีการแก้ไข", exact=True).check()
    staff.get_by_label("การแก้ไข", exact=True).fill(AMENDMENT)
    staff.get_by_role("button", name="บันทึกการรับรองในการประชุมครั้งถัดไป").click()
    expect(staff.locator("#minutes-certification")).to_contain_text(AMENDMENT)
    expect(staff.locator(".status")).to_have_text("รับรองแล้ว")

    # The three sign by typed name, each under their own login.
    for page, user in ((staff, personas.staff), (official, personas.official)):
        page.reload()
        page.get_by_label("พิมพ์ชื่อ-นามสกุลของท่านเพื่อลงนาม").fill(user.person.full_name)
        page.get_by_role("button", name="ลงนาม", exact=True).click()
        expect(page.locator("#minutes-signatures")).to_contain_text(user.person.full_name)
    admin = _page(new_context, "admin1", url)
    admin.get_by_label("พิมพ์ชื่อ-นามสกุลของท่านเพื่อลงนาม").fill(chair.full_name)
    admin.get_by_role("button", name="ลงนาม", exact=True).click()
    expect(admin.locator("#minutes-signatures")).to_contain_text(chair.full_name)

    # Published: frozen, signed, its SHA-256 on the page.
    staff.reload()
    staff.get_by_role("button", name="เผยแพร่รายงานการประชุม").click()
    expect(staff.locator(".status")).to_have_text("เผยแพร่แล้ว")
    assert serious_violations(staff) == []
    screenshot(staff, "minutes-cycle-published")

    stored = PublishedMinutes.objects.get(meeting=minutes)
    content = bytes(stored.content)
    expect(staff.locator("#minutes-versions .sha256")).to_have_text(hashlib.sha256(content).hexdigest())
    check = signing.check_pdf(content, trust_roots=[certificate.trust_root])
    assert (check.count, check.intact, check.valid, check.trusted, check.covers_whole_file) == (
        1,
        True,
        True,
        True,
        True,
    )
    certification = Certification.objects.get(meeting=minutes)
    assert (certification.certifying_meeting, certification.agenda_item.order) == (following, 2)
    assert (certification.outcome, certification.amendments) == ("amended", AMENDMENT)
    assert set(Signature.objects.filter(meeting=minutes).values_list("role", "user__username")) == {
        ("minute_taker", "staff1"),
        ("checker", "official1"),
        ("chair", "admin1"),
    }
    steps = list(minutes.transitions.values_list("from_status", "to_status", "by__username"))
    assert steps == [
        ("scheduled", "draft", "staff1"),
        ("draft", "checked", "official1"),
        ("checked", "certified", "staff1"),
        ("certified", "published", "staff1"),
    ]
    # Anyone may download the published file, byte for byte.
    anonymous = new_context().request.get(stored.get_absolute_url())
    assert anonymous.status == 200 and anonymous.body() == content
