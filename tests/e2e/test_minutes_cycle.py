"""The minutes after the meeting, in a real browser, each person under their own login: staff1 (the minute-taker)
sends the draft to official1, who returns it once with a comment and then approves it; staff1 records its
certification by the next meeting of the series with one amendment; the minute-taker, the checker and the chair
(admin1) sign by typed name; staff1 publishes. The stored PDF's PAdES signature validates with pyHanko's validator
against the certificate the test made, and its SHA-256 is the one the page shows."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from lamphun_portal.lib import signing
from meetings.models import AgendaItem, Meeting, Office, Person
from minutes.models import Certification, PublishedMinutes, Signature
from tests.conftest import PASSWORD, Personas
from tests.e2e.helpers import log_in, screenshot, serious_violations
from tests.signing_cert import make_certificate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "ประชุมประจำเดือนข้าราชการและเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
COMMENT = "ระเบียบวาระที่ 1 ขอให้ระบุจำนวนครัวเรือนเป้าหมายให้ตรงกับหนังสือสั่งการ"
AMENDMENT = "ระเบียบวาระที่ 1 แก้ไขจำนวนครัวเรือนเป้าหมายจาก 120 ครัวเรือน เป็น 125 ครัวเรือน"


def _meeting(office: Office, day: int, number: int, chair: Person) -> Meeting:
    meeting = Meeting.objects.create(
        title=TITLE,
        organizer=office,
        number=number,
        starts_at=dt.datetime(2026, 10, day, 9, 30, tzinfo=timezone.get_default_timezone()),
        venue="ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        status=Meeting.Status.DRAFT,
        chair=chair,
    )
    AgendaItem.objects.create(
        meeting=meeting,
        order=1,
        heading="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        resolution="ที่ประชุมรับทราบ",
    )
    AgendaItem.objects.create(meeting=meeting, order=2, heading="รับรองรายงานการประชุมครั้งที่แล้ว")
    return meeting


def _page(new_context: Callable[..., BrowserContext], username: str, url: str) -> Page:
    page = new_context().new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # the confirmations before circulating and publishing
    log_in(page, username, PASSWORD)
    page.goto(url)
    return page


def test_minutes_returned_approved_certified_with_an_amendment_signed_and_published(
    new_context: Callable[..., BrowserContext], personas: Personas, settings: Any, tmp_path: Path
) -> None:
    certificate = make_certificate(tmp_path)
    settings.PORTAL_SIGNING_PKCS12 = str(certificate.path)
    settings.PORTAL_SIGNING_PASSPHRASE = certificate.passphrase
    office = Office.objects.get(pk=personas.staff.person.office_id)
    chair = personas.admin.person
    minutes = _meeting(office, 5, 10, chair)
    following = _meeting(office, 19, 11, chair)  # the next meeting of the series, held: its agenda item 2 certifies
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
        ("draft", "checked", "official1"),
        ("checked", "certified", "staff1"),
        ("certified", "published", "staff1"),
    ]
    # Anyone may download the published file, byte for byte.
    anonymous = new_context().request.get(stored.get_absolute_url())
    assert anonymous.status == 200 and anonymous.body() == content
