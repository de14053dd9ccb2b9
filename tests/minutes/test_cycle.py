"""The minutes after the meeting: checked by the named checker (returned with comments or approved), certified by
the next meeting of the series or by circulation, signed by typed name by the three, published as a frozen PDF,
digitally signed when the office has a certificate (validated with pyHanko's validator)."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from lamphun_portal.lib import signing
from lamphun_portal.lib.word import read_text
from meetings.demo import data
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person
from minutes import services
from minutes.models import Certification, PublishedMinutes, ReviewStep, Signature
from reports import word
from tests.conftest import Personas
from tests.signing_cert import make_certificate

TITLE = "ประชุมประจำเดือนข้าราชการและเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดลำพูน"


def _meeting(
    office: Office, day: int, *, status: str = Meeting.Status.DRAFT, title: str = TITLE, **fields: Any
) -> Meeting:
    meeting = Meeting.objects.create(
        title=title,
        organizer=office,
        starts_at=dt.datetime(2026, 10, day, 9, 30, tzinfo=timezone.get_default_timezone()),
        venue="ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        status=status,
        **fields,
    )
    AgendaItem.objects.create(meeting=meeting, order=1, heading="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ")
    AgendaItem.objects.create(meeting=meeting, order=2, heading="รับรองรายงานการประชุมครั้งที่แล้ว")
    return meeting


@pytest.fixture
def draft(personas: Personas, provincial_office: Office) -> Meeting:
    chair = Person.objects.get(user=personas.admin)
    return _meeting(provincial_office, 5, number=10, chair=chair)


def _post(personas: Personas, who: str, name: str, meeting: Meeting, data: dict[str, Any] | None = None) -> Any:
    return personas.client_for(getattr(personas, who)).post(reverse(f"minutes:{name}", args=[meeting.pk]), data or {})


def _status(meeting: Meeting) -> str:
    return Meeting.objects.get(pk=meeting.pk).status


def _checked(personas: Personas, meeting: Meeting) -> None:
    services.send_for_checking(meeting=meeting, checker=personas.official, user=personas.staff)
    services.check_minutes(meeting=meeting, user=personas.official, approve=True)


# --- Checking -------------------------------------------------------------------------------------------------


def test_named_checker_returns_with_comments_then_approves(personas: Personas, draft: Meeting) -> None:
    assert _post(personas, "staff", "send", draft, {"checker": personas.official.pk}).status_code == 302
    # Only the named checker checks: not the minute-taker, not an admin.
    assert _post(personas, "staff", "check", draft, {"decision": "approve"}).status_code == 403
    assert _post(personas, "admin", "check", draft, {"decision": "approve"}).status_code == 403
    # Returning needs a comment, said in Thai; nothing changes.
    response = _post(personas, "official", "check", draft, {"decision": "return", "comment": "  "})
    assert response.status_code == 400
    assert "กรุณาระบุความเห็นว่าต้องแก้ไขอะไร ก่อนส่งกลับ" in response.content.decode()
    comment = "ระเบียบวาระที่ 1 ขอให้ระบุจำนวนผู้เข้าร่วมโครงการให้ถูกต้อง"
    assert _post(personas, "official", "check", draft, {"decision": "return", "comment": comment}).status_code == 302
    assert _status(draft) == Meeting.Status.DRAFT
    # The comment stays in the trail on the meeting page, for the office.
    page = personas.client_for(personas.staff).get(draft.get_absolute_url()).content.decode()
    assert comment in page and "ส่งกลับให้แก้ไข" in page
    # Sent again, approved: ตรวจแล้ว, and the trail keeps both rounds.
    assert _post(personas, "staff", "send", draft, {"checker": personas.official.pk}).status_code == 302
    assert _post(personas, "official", "check", draft, {"decision": "approve"}).status_code == 302
    assert _status(draft) == Meeting.Status.CHECKED
    kinds = list(ReviewStep.objects.filter(meeting=draft).values_list("kind", "comment"))
    assert kinds == [("sent", ""), ("returned", comment), ("sent", ""), ("approved", "")]
    assert comment in personas.client_for(personas.staff).get(draft.get_absolute_url()).content.decode()


def test_checker_must_be_someone_else_who_may_read_the_draft(personas: Personas, draft: Meeting) -> None:
    for checker in (personas.staff, personas.district_staff):  # themselves; staff of an office that cannot read it
        response = _post(personas, "staff", "send", draft, {"checker": checker.pk})
        assert response.status_code == 400
        assert "ผู้ตรวจที่เลือกไม่ถูกต้อง" in response.content.decode()
    assert _post(personas, "staff", "send", draft, {}).status_code == 400
    assert not ReviewStep.objects.filter(meeting=draft).exists()
    with pytest.raises(ValidationError, match="ตรวจรายงานของตนเองไม่ได้"):
        services.send_for_checking(meeting=draft, checker=personas.staff, user=personas.staff)


def test_no_one_click_certify_or_publish(personas: Personas, draft: Meeting) -> None:
    """The plain status button no longer certifies or publishes, for staff nor for admins."""
    url = reverse("meetings:transition", args=[draft.pk])
    for who in ("staff", "admin"):
        for status in ("checked", "certified", "published"):
            assert personas.client_for(getattr(personas, who)).post(url, {"to_status": status}).status_code == 403
    assert _status(draft) == Meeting.Status.DRAFT
    page = personas.client_for(personas.staff).get(draft.get_absolute_url()).content.decode()
    assert "ส่งให้ผู้ตรวจรายงานการประชุม" in page
    assert reverse("minutes:publish", args=[draft.pk]) not in page


# --- Certification --------------------------------------------------------------------------------------------


def test_series_is_same_office_same_title_without_number(personas: Personas, provincial_office: Office) -> None:
    first = _meeting(provincial_office, 5, number=10)
    other_office = Office.objects.exclude(pk=provincial_office.pk).first()
    _meeting(other_office, 6)  # another office's meeting of the same name
    _meeting(provincial_office, 7, title="ประชุมคณะทำงานขับเคลื่อนโครงการโคก หนอง นา")  # another series
    _meeting(provincial_office, 8, status=Meeting.Status.SCHEDULED)  # not held yet
    _meeting(provincial_office, 1)  # earlier
    assert services.next_in_series(first) is None
    following = _meeting(provincial_office, 12, title=f"{TITLE} ครั้งที่ ๑๑/๒๕๖๙")
    assert services.series_title(following.title) == TITLE
    assert services.next_in_series(first) == following


def test_certified_by_the_next_meeting_with_amendments_kept(
    personas: Personas, draft: Meeting, provincial_office: Office
) -> None:
    _checked(personas, draft)
    response = _post(personas, "staff", "certify_next", draft, {"outcome": "unchanged"})
    assert response.status_code == 400
    assert "ยังไม่มีการประชุมครั้งถัดไปของชุดนี้" in response.content.decode()
    following = _meeting(provincial_office, 19, number=11)
    response = _post(personas, "staff", "certify_next", draft, {"outcome": "amended", "amendments": ""})
    assert response.status_code == 400 and "กรุณาระบุการแก้ไข" in response.content.decode()
    amendment = "หน้า 2 บรรทัดที่ 5 แก้ไขจาก “๑๒ ราย” เป็น “๑๕ ราย”"
    response = _post(personas, "staff", "certify_next", draft, {"outcome": "amended", "amendments": amendment})
    assert response.status_code == 302
    assert _status(draft) == Meeting.Status.CERTIFIED
    certification = Certification.objects.get(meeting=draft)
    assert certification.certifying_meeting == following
    assert certification.agenda_item == following.agenda_items.get(order=2)
    assert (certification.outcome, certification.amendments) == ("amended", amendment)
    # The next meeting's page lists the previous minutes under its agenda item 2, with the amendment.
    page = personas.client_for(personas.staff).get(following.get_absolute_url()).content.decode()
    assert "รับรองรายงานการประชุมครั้งที่แล้ว" in page and "รับรองโดยมีการแก้ไข" in page
    assert amendment.replace("“", "&ldquo;")[:10] in page or amendment[:10] in page
    # And so does its Word file: the earlier minutes, the decision, the amendment exactly as typed.
    texts = read_text(word.minutes_docx(following)[0])
    assert amendment in texts and "มติที่ประชุม รับรองโดยมีการแก้ไข ดังนี้" in texts


def test_circulation_needs_every_member_and_never_the_drafter(
    personas: Personas, draft: Meeting, provincial_office: Office
) -> None:
    _checked(personas, draft)
    for user in (personas.staff, personas.official):
        Attendance.objects.create(meeting=draft, person=Person.objects.get(user=user))
    members = services.circulation_members(draft)
    assert members == [personas.official]  # the minute-taker came too, but cannot certify their own minutes
    assert _post(personas, "staff", "circulate", draft).status_code == 302
    assert _post(personas, "staff", "answer", draft, {"answer": "unchanged"}).status_code == 403
    response = _post(personas, "official", "answer", draft, {"answer": "amended"})
    assert response.status_code == 400 and "กรุณาระบุการแก้ไข" in response.content.decode()
    assert (
        _post(personas, "official", "answer", draft, {"answer": "amended", "amendment": "แก้ชื่อสถานที่"}).status_code == 302
    )
    certification = Certification.objects.get(meeting=draft)
    assert _status(draft) == Meeting.Status.CERTIFIED
    assert certification.outcome == "amended" and "แก้ชื่อสถานที่" in certification.amendments


def test_drafter_alone_cannot_certify_by_circulation(personas: Personas, provincial_office: Office) -> None:
    # The ลี้ office has one account, other_staff's, who drafts: no one else there to certify.
    lone = _meeting(Office.objects.get(name=data.district_office("ลี้")), 5)
    user = personas.other_staff
    services.send_for_checking(meeting=lone, checker=personas.admin, user=user)
    services.check_minutes(meeting=lone, user=personas.admin, approve=True)
    with pytest.raises(ValidationError, match="ไม่มีผู้รับรอง"):
        services.start_circulation(meeting=lone, user=user)
    assert _status(lone) == Meeting.Status.CHECKED


# --- Signing and publishing -----------------------------------------------------------------------------------


def _certified(personas: Personas, draft: Meeting, provincial_office: Office) -> None:
    _checked(personas, draft)
    _meeting(provincial_office, 19, number=11)
    services.certify_at_next_meeting(meeting=draft, outcome="unchanged", amendments="", user=personas.staff)


def _sign_all(personas: Personas, meeting: Meeting) -> None:
    for who in ("staff", "official", "admin"):
        user = getattr(personas, who)
        for role in services.roles_to_sign(user, meeting):
            services.sign(meeting=meeting, user=user, role=role, typed_name=Person.objects.get(user=user).full_name)


def _pdftotext(content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "published.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_signing_by_typed_name_under_ones_own_login(
    personas: Personas, draft: Meeting, provincial_office: Office
) -> None:
    _certified(personas, draft, provincial_office)
    name = Person.objects.get(user=personas.staff).full_name
    response = _post(personas, "staff", "sign", draft, {"role": "minute_taker", "typed_name": "นายใครก็ได้ ไม่ใช่ตัวจริง"})
    assert response.status_code == 400 and f"ชื่อที่พิมพ์ไม่ตรงกับชื่อในบัญชีของท่าน ({name})" in response.content.decode()
    # Nobody signs in another's place: the official is not the minute-taker.
    response = _post(personas, "official", "sign", draft, {"role": "minute_taker", "typed_name": name})
    assert response.status_code == 400
    assert (
        _post(personas, "staff", "sign", draft, {"role": "minute_taker", "typed_name": f"  {name} "}).status_code == 302
    )
    assert _post(personas, "staff", "sign", draft, {"role": "minute_taker", "typed_name": name}).status_code == 403
    response = _post(personas, "staff", "publish", draft)
    assert response.status_code == 400
    assert "ยังลงนามไม่ครบ: ผู้ตรวจรายงานการประชุม, ประธานในที่ประชุม" in response.content.decode()


def test_published_pdf_is_signed_frozen_and_a_change_makes_a_new_version(
    personas: Personas, draft: Meeting, provincial_office: Office, settings: Any, tmp_path: Path
) -> None:
    certificate = make_certificate(tmp_path)
    settings.PORTAL_SIGNING_PKCS12 = str(certificate.path)
    settings.PORTAL_SIGNING_PASSPHRASE = certificate.passphrase
    _certified(personas, draft, provincial_office)
    _sign_all(personas, draft)
    assert _post(personas, "staff", "publish", draft).status_code == 302
    assert _status(draft) == Meeting.Status.PUBLISHED
    first = PublishedMinutes.objects.get(meeting=draft)
    content = bytes(first.content)
    assert first.number == 1 and first.digitally_signed
    assert first.sha256 == hashlib.sha256(content).hexdigest()
    check = signing.check_pdf(content, trust_roots=[certificate.trust_root])
    assert (check.count, check.intact, check.valid, check.trusted, check.covers_whole_file) == (
        1,
        True,
        True,
        True,
        True,
    )
    assert certificate.subject in check.signer
    # The signature blocks print who signed and when (Buddhist era).
    text = " ".join(_pdftotext(content, tmp_path).split())
    for who in (personas.staff, personas.official, personas.admin):
        assert f"(ลงชื่อ) {Person.objects.get(user=who).full_name}" in text
    signed_at = Signature.objects.filter(meeting=draft).first().signed_at
    assert f"ลงนามอิเล็กทรอนิกส์เมื่อ {services.thai.be_date(signed_at)}" in text
    # The meeting page shows the SHA-256; anyone may download the published file, byte for byte.
    page = personas.client_for(personas.official).get(draft.get_absolute_url()).content.decode()
    assert first.sha256 in page
    anonymous = personas.client_for(None).get(first.get_absolute_url())
    assert anonymous.status_code == 200 and anonymous.content == content
    # Unchanged: nothing to publish again (the admin is not offered it; the service says so in Thai).
    assert _post(personas, "admin", "publish", draft).status_code == 403
    # An admin's change after publishing, published again: version 2; version 1's signed bytes stay as they were.
    Meeting.objects.filter(pk=draft.pk).update(venue="ห้องประชุมอำเภอเมืองลำพูน", version=F("version") + 1)
    assert _post(personas, "staff", "publish", draft).status_code == 403  # staff do not change published minutes
    assert _post(personas, "admin", "publish", draft).status_code == 302
    second = PublishedMinutes.objects.get(meeting=draft, number=2)
    assert bytes(PublishedMinutes.objects.get(pk=first.pk).content) == content
    assert hashlib.sha256(bytes(PublishedMinutes.objects.get(pk=first.pk).content)).hexdigest() == first.sha256
    assert second.sha256 != first.sha256
    assert "ห้องประชุมอำเภอเมืองลำพูน" in _pdftotext(bytes(second.content), tmp_path)
    assert signing.check_pdf(bytes(second.content), trust_roots=[certificate.trust_root]).valid


def test_unsigned_without_a_certificate_and_stored_pdfs_follow_the_meeting(
    personas: Personas, draft: Meeting, provincial_office: Office, settings: Any
) -> None:
    settings.PORTAL_SIGNING_PKCS12 = ""
    _certified(personas, draft, provincial_office)
    _sign_all(personas, draft)
    stored = services.publish(meeting=draft, user=personas.staff)
    assert not stored.digitally_signed and len(stored.sha256) == 64
    # Published minutes are the office's record: even an admin does not delete the meeting of a stored PDF.
    assert personas.client_for(personas.admin).post(reverse("history:delete", args=[draft.pk])).status_code == 403
    # Reopened by an admin: the stored file stays, readable only inside the office again; the round starts again.
    personas.client_for(personas.admin).post(reverse("meetings:transition", args=[draft.pk]), {"to_status": "draft"})
    assert _status(draft) == Meeting.Status.DRAFT
    assert not Signature.objects.filter(meeting=draft).exists()
    assert not Certification.objects.filter(meeting=draft).exists()
    url = stored.get_absolute_url()
    assert personas.client_for(None).get(url).status_code == 302  # to the sign-in page
    assert personas.client_for(personas.district_staff).get(url).status_code == 403
    assert personas.client_for(personas.staff).get(url).status_code == 200


def test_a_wrong_passphrase_stops_publishing_in_thai(
    personas: Personas, draft: Meeting, provincial_office: Office, settings: Any, tmp_path: Path
) -> None:
    certificate = make_certificate(tmp_path)
    settings.PORTAL_SIGNING_PKCS12 = str(certificate.path)
    settings.PORTAL_SIGNING_PASSPHRASE = "not-the-passphrase"
    _certified(personas, draft, provincial_office)
    _sign_all(personas, draft)
    response = _post(personas, "staff", "publish", draft)
    assert response.status_code == 400
    assert "อ่านใบรับรองสำหรับลงลายมือชื่อดิจิทัลไม่ได้" in response.content.decode()
    assert not PublishedMinutes.objects.filter(meeting=draft).exists()
    assert _status(draft) == Meeting.Status.CERTIFIED
