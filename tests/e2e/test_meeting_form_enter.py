"""Pressing Enter in the meeting form never saves it; only the save button does (by mouse or keyboard).

The finding: Enter in any field (a half-finished draft was created from the person picker) sent the
whole form, and a browser submits a form on Enter whether or not the page's script runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from meetings.models import Meeting
from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SAVED = re.compile(r"/meetings/[0-9]+/$")  # the new meeting's page


def _open_form(context: BrowserContext) -> tuple[Page, list[str]]:
    """The new-meeting form filled with everything a meeting needs, so that a submission would create one.

    Returns the page and the list of form posts it makes: the test reads it after the explicit save,
    when any post an Enter had started would long have been made (requests go out in order).
    """
    page = context.new_page()
    log_in(page, "staff1", PASSWORD)
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.goto("/meetings/new/")
    page.get_by_label("ชื่อการประชุม").fill("ประชุมคณะทำงานกองทุนหมู่บ้าน")
    page.get_by_label("วันที่ประชุม").fill("17/11/2563")
    page.get_by_label("เวลาเริ่ม").fill("10.00")
    page.get_by_label("สถานที่").fill("ห้องประชุมจามเทวี")
    return page, posts


@pytest.mark.parametrize("javascript", [True, False], ids=["with-script", "without-script"])
def test_enter_in_a_text_field_does_not_save(
    personas: Any, new_context: Callable[..., BrowserContext], javascript: bool
) -> None:
    before = Meeting.objects.count()
    page, posts = _open_form(new_context(java_script_enabled=javascript))
    for label in ("สถานที่", "เวลาเริ่ม", "วันที่ประชุม", "ครั้งที่", "จำนวนผู้เข้าประชุม (คน)"):
        # The input so labelled (the carried-forward section's heading also holds the word ครั้งที่).
        page.get_by_label(label).and_(page.locator("input")).press("Enter")
    # Enter in a text area starts a new line, as always.
    objective = page.get_by_label("วัตถุประสงค์")
    objective.fill("เพื่อติดตามผล")
    objective.press("Enter")
    objective.press_sequentially("และวางแผนงาน")
    expect(objective).to_have_value("เพื่อติดตามผล\nและวางแผนงาน")
    # The save button, reached and pressed with the keyboard, saves: once.
    page.get_by_role("button", name="บันทึก", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(SAVED)
    assert len([url for url in posts if url.endswith("/meetings/new/")]) == 1, posts
    assert Meeting.objects.count() == before + 1
    assert Meeting.objects.latest("pk").objective.splitlines() == ["เพื่อติดตามผล", "และวางแผนงาน"]


def test_enter_in_the_person_picker_does_not_save(personas: Any, new_context: Callable[..., BrowserContext]) -> None:
    before = Meeting.objects.count()
    page, posts = _open_form(new_context())
    chair = page.get_by_role("combobox", name="ประธาน")
    chair.fill("วรยุทธ")
    chair.press("ArrowDown")
    chair.press("Enter")  # chooses the highlighted person
    expect(chair).to_have_value("นายวรยุทธ เนาวรัตน์ (ผู้ว่าราชการจังหวัดลำพูน)")
    chair.press("Enter")  # the list is closed now: this Enter used to send the form
    programs = page.get_by_role("combobox", name="โครงการ/งานที่เกี่ยวข้อง")
    programs.fill("ไม่มีโครงการชื่อนี้")
    programs.press("Enter")  # nothing to choose
    programs.press("Escape")
    programs.press("Enter")
    page.get_by_role("button", name="+ เพิ่มผู้เข้าประชุม").click()
    person = page.get_by_role("combobox", name="บุคคล", exact=True)
    person.fill("เจริญ")
    person.press("Escape")
    person.press("Enter")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_url(SAVED)
    assert len([url for url in posts if url.endswith("/meetings/new/")]) == 1, posts
    assert Meeting.objects.count() == before + 1
    assert Meeting.objects.latest("pk").chair.first_name == "วรยุทธ"
