"""A person missing from the list is added from the meeting form without leaving it, and is then chosen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from meetings.models import Person
from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in, serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_add_a_new_person_from_the_attendance_row(
    personas: Any, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context().new_page()
    log_in(page, "staff1", PASSWORD)
    page.goto("/meetings/new/")
    page.get_by_label("ชื่อการประชุม").fill("ประชุมคณะกรรมการกองทุนหมู่บ้าน")
    page.get_by_role("button", name="+ เพิ่มผู้เข้าประชุม").click()
    box = page.get_by_role("combobox", name="บุคคล", exact=True)
    box.fill("นางสมศรี มีสุข")
    expect(page.get_by_role("option", name="+ เพิ่มบุคคลใหม่ “นางสมศรี มีสุข”")).to_be_visible()
    box.press("ArrowUp")  # the last option: add a new person
    box.press("Enter")
    dialog = page.get_by_role("dialog", name="เพิ่มบุคคลใหม่")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("คำนำหน้า")).to_have_value("นาง")
    # by its accessible name: the hidden required mark is part of the label text, not of the name
    expect(dialog.get_by_role("textbox", name="ชื่อ", exact=True)).to_have_value("สมศรี")
    expect(dialog.get_by_label("นามสกุล")).to_have_value("มีสุข")
    # Once the dialog has finished opening, the cursor waits in the first empty field (the title is known).
    expect(dialog.get_by_label("ตำแหน่ง")).to_be_focused()
    assert serious_violations(page) == []
    dialog.get_by_label("ตำแหน่ง").fill("ประธานกองทุนหมู่บ้าน")
    dialog.get_by_role("button", name="เพิ่มและเลือกบุคคลนี้").click()
    expect(dialog).to_be_hidden()
    expect(box).to_have_value("นางสมศรี มีสุข (ประธานกองทุนหมู่บ้าน)")
    assert Person.objects.filter(first_name="สมศรี", last_name="มีสุข").exists()
    # Nothing typed in the meeting form was lost, and the next row can pick her too.
    expect(page.get_by_label("ชื่อการประชุม")).to_have_value("ประชุมคณะกรรมการกองทุนหมู่บ้าน")
    page.get_by_role("button", name="+ เพิ่มผู้เข้าประชุม").click()
    second = page.get_by_role("combobox", name="บุคคล", exact=True).last
    second.fill("สมศรี")
    expect(page.get_by_role("option", name="นางสมศรี มีสุข (ประธานกองทุนหมู่บ้าน)")).to_be_visible()
