"""staff1 records the seed meeting of 17 November 2563 from scratch in a real browser, and a second
session editing it meets the concurrent-edit refusal. axe-core checks every page on the way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from directives.models import Directive
from meetings.models import Attendance, Meeting
from tests.e2e.helpers import log_in, screenshot, serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SEED_TITLE = (
    "ประชุมเตรียมความพร้อมการขับเคลื่อนกิจกรรมพัฒนาชุมชน ตามแผนปฏิบัติราชการกรมการพัฒนาชุมชน และจังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2564"
)
GOVERNOR_SAYS = "ขอให้มุ่งเน้นในประเด็นการปกป้องและเทิดทูนสถาบันกษัตริย์"
KHOK_NONG_NA = "การขับเคลื่อนการดำเนินงานพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ ประยุกต์สู่ โคก หนอง นา โมเดล"


def pick(scope: Page | Locator, label: str, typed: str) -> None:
    """Type into a type-to-search picker and take the first match with the keyboard."""
    box = scope.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(typed)
    box.press("ArrowDown")
    box.press("Enter")


def add_row(page: Page, prefix: str, button: str) -> Locator:
    page.locator(f"[data-formset={prefix}]").get_by_role("button", name=button).click()
    return page.locator(f"[data-formset={prefix}] [data-row]:not(.is-removed)").last


def assert_accessible(page: Page, what: str) -> None:
    violations = serious_violations(page)
    assert violations == [], f"{what}: {violations}"


def fill_seed_meeting(page: Page) -> None:
    page.get_by_label("ชื่อการประชุม").fill(SEED_TITLE)
    page.get_by_label("วันที่ประชุม").fill("17/11/2020")  # the Christian-era year, by mistake
    page.get_by_label("เวลาเริ่ม").fill("10.00")
    page.get_by_label("จำนวนผู้เข้าประชุม (คน)").fill("57")
    page.get_by_label("สถานที่").fill("ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน")
    pick(page, "ประธาน", "วรยุทธ")
    page.get_by_label("กลุ่มเป้าหมาย").fill("พัฒนาการอำเภอ และเจ้าหน้าที่พัฒนาชุมชนทุกระดับ")
    pick(page, "โครงการ/งานที่เกี่ยวข้อง", "โคก หนอง")
    page.keyboard.press("Escape")

    row = add_row(page, "attendance", "+ เพิ่มผู้เข้าประชุม")
    pick(row, "บุคคล", "วรยุทธ")
    row.get_by_label("บทบาท").select_option(label="ประธาน")
    row = add_row(page, "attendance", "+ เพิ่มผู้เข้าประชุม")
    pick(row, "บุคคล", "เจริญ สีวาโย")
    row.get_by_label("บทบาท").select_option(label="ผู้นำเสนอ")
    row = add_row(page, "attendance", "+ เพิ่มผู้เข้าประชุม")
    row.get_by_label("กลุ่มผู้เข้าประชุม").fill("เจ้าหน้าที่พัฒนาชุมชนทุกระดับ")
    row = add_row(page, "attendance", "+ เพิ่มผู้เข้าประชุม")
    pick(row, "บุคคล", "พัฒนาการอำเภอลี้")
    row.get_by_label("การเข้าประชุม").select_option(label="ไม่มาประชุม")
    row.get_by_label("เหตุที่ไม่มาประชุม").fill("ติดราชการในพื้นที่")
    row = add_row(page, "attendance", "+ เพิ่มผู้เข้าประชุม")
    pick(row, "บุคคล", "ศศิธร")
    row.get_by_label("บทบาท").select_option(label="ผู้ตรวจราชการ")
    row.get_by_label("การเข้าประชุม").select_option(label="ผู้เข้าร่วมประชุม")

    row = add_row(page, "agenda", "+ เพิ่มระเบียบวาระ")
    row.get_by_label("เรื่อง").fill("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ")
    pick(row, "ผู้นำเสนอ", "วรยุทธ")
    row.get_by_label("สาระการประชุม").fill(GOVERNOR_SAYS)
    row.get_by_label("มติที่ประชุม").fill("ที่ประชุมรับทราบ")

    row = add_row(page, "directives", "+ เพิ่มข้อสั่งการ")
    row.get_by_role("textbox", name="ข้อสั่งการ", exact=True).fill(GOVERNOR_SAYS)
    pick(row, "ผู้สั่งการ", "วรยุทธ")
    row.get_by_label("ตามระเบียบวาระที่").fill("1")
    pick(row, "หน่วยงานรับผิดชอบ", "สำนักงานพัฒนาชุมชนจังหวัด")
    page.keyboard.press("Escape")
    row = add_row(page, "directives", "+ เพิ่มข้อสั่งการ")
    row.get_by_role("textbox", name="ข้อสั่งการ", exact=True).fill(KHOK_NONG_NA)
    pick(row, "โครงการ/งาน", "โคก หนอง")
    page.keyboard.press("Escape")
    row.get_by_label("กำหนดแล้วเสร็จ").fill("30/09/2564")


def test_staff_records_the_seed_meeting_and_a_second_session_is_refused(
    personas: Any, new_context: Callable[..., BrowserContext]
) -> None:
    from tests.conftest import PASSWORD

    # The seed meeting is recorded from scratch: the demo copy goes first.
    Meeting.objects.filter(starts_at__date="2020-11-17").delete()
    page = new_context().new_page()
    page.goto("/accounts/login/")
    assert_accessible(page, "login")
    log_in(page, "staff1", PASSWORD)

    page.goto("/meetings/")
    assert_accessible(page, "meeting list")
    page.get_by_role("link", name="+ บันทึกการประชุมใหม่").click()
    expect(page.get_by_role("heading", name="บันทึกการประชุมใหม่")).to_be_visible()
    assert_accessible(page, "empty meeting form")

    fill_seed_meeting(page)
    screenshot(page, "meeting-form-filled")
    page.get_by_role("button", name="บันทึก", exact=True).click()

    # The Christian-era year is refused next to the field, and everything typed is still there.
    error = page.locator("#id_starts_on").locator("xpath=..").get_by_text("ปี 2020 เป็นปีคริสต์ศักราช")
    expect(error).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="ยังไม่ได้บันทึก")).to_be_visible()
    assert Meeting.objects.filter(title=SEED_TITLE).count() == 0
    expect(page.get_by_label("ชื่อการประชุม")).to_have_value(SEED_TITLE)
    expect(page.locator("[data-formset=attendance] [data-row]")).to_have_count(5)
    expect(page.get_by_label("เหตุที่ไม่มาประชุม").nth(3)).to_have_value("ติดราชการในพื้นที่")
    expect(page.locator("[data-formset=directives] [data-row]")).to_have_count(2)
    expect(page.get_by_role("combobox", name="ประธาน", exact=True)).to_have_value(
        "นายวรยุทธ เนาวรัตน์ (ผู้ว่าราชการจังหวัดลำพูน)"
    )
    screenshot(page, "meeting-form-error")
    assert_accessible(page, "meeting form with errors")

    page.get_by_label("วันที่ประชุม").fill("17/11/2563")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"รายงานการ{SEED_TITLE}")
    expect(page.get_by_text("เมื่อวันอังคารที่ 17 พฤศจิกายน 2563 เวลา 10.00 น.")).to_be_visible()
    absent = page.locator("section", has=page.get_by_role("heading", name="ผู้ไม่มาประชุม"))
    expect(absent).to_contain_text("นางพรทิพย์ สุวรรณ")
    expect(absent).to_contain_text("(ติดราชการในพื้นที่)")
    expect(page.locator("section", has=page.get_by_role("heading", name="ผู้เข้าร่วมประชุม"))).to_contain_text(
        "นางสาวศศิธร อินทกุล"
    )
    expect(page.get_by_text("มติที่ประชุม ที่ประชุมรับทราบ")).to_be_visible()
    screenshot(page, "meeting-detail")
    assert_accessible(page, "meeting detail")

    meeting = Meeting.objects.get(title=SEED_TITLE)
    assert meeting.fiscal_year == 2564
    assert [d.text for d in Directive.objects.filter(meeting=meeting)] == [GOVERNOR_SAYS, KHOK_NONG_NA]
    absent_row = Attendance.objects.get(meeting=meeting, presence=Attendance.Presence.ABSENT)
    assert absent_row.absence_reason == "ติดราชการในพื้นที่"

    page.get_by_role("link", name="รายงานการประชุม", exact=True).click()
    listed = page.get_by_role("row").filter(has_text=SEED_TITLE)
    expect(listed).to_contain_text("17 พฤศจิกายน 2563")
    expect(listed).to_contain_text("ร่าง")

    # Two sessions open the same meeting; the first saves, the second is refused and told what changed.
    page.goto(f"/meetings/{meeting.pk}/edit/")
    assert_accessible(page, "meeting form (edit)")
    other = new_context().new_page()
    log_in(other, "admin1", PASSWORD)
    other.goto(f"/meetings/{meeting.pk}/edit/")

    page.get_by_label("สถานที่").fill("ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_text("บันทึกการประชุม")).to_be_visible()

    other.get_by_label("จำนวนผู้เข้าประชุม (คน)").fill("60")
    other.get_by_role("button", name="บันทึก", exact=True).click()
    conflict = other.locator("#conflict")
    expect(conflict).to_contain_text("มีผู้แก้ไขการประชุมนี้ระหว่างที่คุณกำลังแก้ไข")
    expect(conflict).to_contain_text("กนกวรรณ ศรีสุข")
    expect(conflict.get_by_role("row").filter(has_text="สถานที่")).to_contain_text("ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน")
    expect(other.get_by_label("จำนวนผู้เข้าประชุม (คน)")).to_have_value("60")
    screenshot(other, "meeting-form-conflict")
    meeting.refresh_from_db()
    assert meeting.venue == "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน"
    assert meeting.attendee_count == 57
