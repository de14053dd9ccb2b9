"""Before the meeting: scheduling it, the letter, sending it, the answers, and the attendance list they start.

Real parts: the letter is rendered by WeasyPrint (lamphun_portal/lib/pdf) and read back with pdftotext; the
e-mail goes through the notification queue run as its worker runs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from invitations.models import STANDARD_AGENDA, Invitation, InvitationLetter, MeetingDocument
from meetings.demo import data
from meetings.models import Attendance, Meeting, Office, Person
from notifications.models import EventKind, Notification
from tests.conftest import Personas
from tests.invitations.helpers import TITLE, pdftotext, schedule, schedule_form

pytestmark = pytest.mark.django_db


def _office(district: str) -> Office:
    return Office.objects.get(name=data.district_office(district))


def _answer(invitation: Invitation, *rows: tuple[str, str], decline: str = "") -> dict[str, Any]:
    form: dict[str, Any] = {
        "answer": "decline" if decline else "attend",
        "note": decline,
        "attendees-TOTAL_FORMS": str(max(len(rows), 1)),
        "attendees-INITIAL_FORMS": "0",
    }
    for index, (name, position) in enumerate(rows):
        form[f"attendees-{index}-name"] = name
        form[f"attendees-{index}-position"] = position
    return form


def test_the_schedule_page_prefills_the_usual_agenda_and_saves_a_scheduled_meeting(personas: Personas) -> None:
    client = personas.client_for(personas.staff)
    page = client.get(reverse("invitations:schedule")).content.decode()
    positions = [page.index(f'value="{heading}"') for heading in STANDARD_AGENDA]
    assert positions == sorted(positions)

    meeting = schedule(client)

    assert meeting.status == Meeting.Status.SCHEDULED
    assert [item.heading for item in meeting.agenda_items.order_by("order")] == list(STANDARD_AGENDA)
    assert sorted(i.office.name for i in meeting.invitations.all()) == sorted(
        [data.district_office("แม่ทา"), data.district_office("ลี้")]
    )
    letter = InvitationLetter.objects.get(meeting=meeting)
    assert letter.subject == "ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการโคก หนอง นา"
    assert letter.number == "ลพ 0019/ว 123" and letter.sent_at is None
    assert timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M") == "2027-01-15 09:30"
    # The same form sent twice makes one meeting.
    again = client.post(reverse("invitations:schedule"), schedule_form())
    assert again.status_code == 302 and Meeting.objects.filter(title=TITLE).count() == 1


def test_bad_scheduling_input_is_refused_in_thai_and_nothing_is_saved(personas: Personas) -> None:
    client = personas.client_for(personas.staff)
    form = schedule_form(offices=[], starts_on="15/01/2027", venue="", letter_date="")
    for index in range(8):
        form[f"agenda-{index}-heading"] = ""
    response = client.post(reverse("invitations:schedule"), form)
    page = response.content.decode()
    assert response.status_code == 200
    assert "กรุณาเลือกหน่วยงานหรือบุคคลที่เชิญอย่างน้อยหนึ่งราย" in page
    assert "กรุณากรอกสถานที่ประชุม" in page
    assert "ปีพุทธศักราช" in page  # 2027 is a Christian-era year
    assert not Meeting.objects.filter(title=TITLE).exists()
    # Only the agenda wrong: its own message, and what was typed stays.
    form = schedule_form()
    for index in range(8):
        form[f"agenda-{index}-heading"] = " "
    page = client.post(reverse("invitations:schedule"), form).content.decode()
    assert "กรุณากรอกระเบียบวาระอย่างน้อยหนึ่งวาระ" in page and TITLE in page
    assert not Meeting.objects.filter(title=TITLE).exists()


def test_the_invitation_letter_pdf_has_the_parts_of_an_official_letter_in_order(
    personas: Personas, tmp_path: Path
) -> None:
    client = personas.client_for(personas.staff)
    meeting = schedule(client)
    client.post(
        reverse("invitations:upload", args=[meeting.pk]),
        {"file": SimpleUploadedFile("แผนการดำเนินงาน.pdf", b"%PDF-1.4\n% plan\n%%EOF\n")},
    )
    response = client.get(reverse("invitations:letter", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdftotext(response.content, tmp_path)
    # Lines break inside sentences: compare without white space.
    flat = re.sub(r"\s+", "", text)
    parts = [
        "ที่ ลพ 0019/ว 123",
        "สำนักงานพัฒนาชุมชน",  # ส่วนราชการเจ้าของหนังสือ
        "2 มกราคม 2570",  # วันที่ in the Buddhist era
        "เรื่อง ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการโคก หนอง นา",
        "เรียน พัฒนาการอำเภอทุกอำเภอ",
        "สิ่งที่ส่งมาด้วย",
        "1. ระเบียบวาระการประชุม จำนวน 1 ชุด",
        "2. แผนการดำเนินงาน.pdf จำนวน 1 ชุด",
        "ด้วยสำนักงานพัฒนาชุมชนจังหวัดลำพูน กำหนดจัดประชุมคณะทำงาน",
        "วันศุกร์ที่ 15 มกราคม 2570 เวลา 09.30 – 12.00 น.",
        "ขอให้นำข้อมูลผลการดำเนินงานโครงการมาด้วย",
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "ขอแสดงความนับถือ",
        f"({meeting.chair.full_name})",
        meeting.chair.position,
        "กลุ่มงานอำนวยการ โทร. 0 5351 1000",
        "ระเบียบวาระการประชุม",
        *(f"ระเบียบวาระที่ {n} {heading}" for n, heading in enumerate(STANDARD_AGENDA, start=1)),
        "ผู้ที่เชิญเข้าร่วมประชุม",
    ]
    found = []
    for part in parts:
        position = flat.find(re.sub(r"\s+", "", part), found[-1] if found else 0)
        assert position >= 0, f"{part!r} missing or out of order in: {flat}"
        found.append(position)
    # The letter itself fits its first page; the agenda is on the next.
    pages = text.split("\f")
    assert "ขอแสดงความนับถือ" in pages[0] and "ระเบียบวาระที่ 1" in pages[1]


def test_sending_tells_each_invited_office_once_in_the_portal_and_by_email(
    personas: Personas, run_tasks: Callable[[], int], settings: Any
) -> None:
    settings.PORTAL_BASE_URL = "https://meeting.lamphun.example"
    district1 = personas.district_staff
    district1.email = "district1@example.org"
    district1.save(update_fields=["email"])
    client = personas.client_for(personas.staff)
    meeting = schedule(client)

    response = client.post(reverse("invitations:send", args=[meeting.pk]), follow=True)
    assert "ส่งหนังสือเชิญถึง 2 หน่วยงานแล้ว" in response.content.decode()
    again = client.post(reverse("invitations:send", args=[meeting.pk]), follow=True)
    assert "ระบบไม่ได้ส่งซ้ำ" in again.content.decode()
    mine = Notification.objects.filter(recipient=district1, event__kind=EventKind.INVITED)
    assert mine.count() == 1 and mine.get().event.meeting == meeting
    assert not Notification.objects.filter(recipient=personas.official, event__kind=EventKind.INVITED).exists()

    # In the portal: the notification opens the invitation page, where the office answers.
    invited = personas.client_for(district1)
    listing = invited.get(reverse("notifications:list")).content.decode()
    assert TITLE in listing and "เปิดหนังสือเชิญและตอบรับ" in listing
    opened = invited.post(reverse("notifications:open", args=[mine.get().pk]))
    assert opened["Location"] == reverse("invitations:meeting", args=[meeting.pk])

    # By e-mail once the hold is over.
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_tasks()
    to_district1 = [m for m in mail.outbox if m.to == ["district1@example.org"]]
    assert len(to_district1) == 1
    assert to_district1[0].subject.startswith("[พช.ลำพูน] หนังสือเชิญประชุม: ประชุมคณะทำงาน")
    assert "วันเวลา: วันศุกร์ที่ 15 มกราคม 2570 เวลา 09.30 น." in to_district1[0].body
    assert f"https://meeting.lamphun.example/meetings/invitations/meeting/{meeting.pk}/" in to_district1[0].body


def test_answers_of_two_offices_start_the_attendance_list_when_the_meeting_is_held(personas: Personas) -> None:
    staff = personas.client_for(personas.staff)
    meeting = schedule(staff)
    maetha = meeting.invitations.get(office=_office("แม่ทา"))
    li = meeting.invitations.get(office=_office("ลี้"))

    answered = personas.client_for(personas.district_staff).post(
        reverse("invitations:answer", args=[maetha.pk]),
        _answer(
            maetha,
            ("นางสาวกานดา  ใจงาม", "พัฒนาการอำเภอแม่ทา"),
            ("นายสมชาย ทองดี", "นักวิชาการพัฒนาชุมชน"),
            ("ผู้ใหญ่บ้านหมู่ 3", "ผู้นำชุมชน"),  # no title: kept as typed
        ),
    )
    assert answered.status_code == 302
    declined = personas.client_for(personas.other_staff).post(
        reverse("invitations:answer", args=[li.pk]), _answer(li, decline="ติดราชการประชุมระดับอำเภอ")
    )
    assert declined.status_code == 302
    page = staff.get(reverse("invitations:meeting", args=[meeting.pk])).content.decode()
    assert "ตอบแล้ว 2 จาก 2 หน่วยงาน" in page and "นางสาวกานดา ใจงาม" in page

    moved = staff.post(reverse("meetings:transition", args=[meeting.pk]), {"to_status": "draft"})
    assert moved.status_code == 302
    rows = [
        (row.label, row.person.position if row.person else "", row.role, row.presence, row.absence_reason)
        for row in Attendance.objects.filter(meeting=meeting).select_related("person").order_by("order")
    ]
    assert rows == [
        (meeting.chair.full_name, meeting.chair.position, "chair", "present", ""),
        ("นางสาวกานดา ใจงาม", "พัฒนาการอำเภอแม่ทา", "member", "present", ""),
        ("นายสมชาย ทองดี", "นักวิชาการพัฒนาชุมชน", "member", "present", ""),
        ("ผู้ใหญ่บ้านหมู่ 3 ผู้นำชุมชน", "", "member", "present", ""),
        (data.district_office("ลี้"), "", "member", "absent", "ติดราชการประชุมระดับอำเภอ"),
    ]
    kanda = Person.objects.get(first_name="กานดา", last_name="ใจงาม")
    assert kanda.title == "นางสาว" and kanda.office == _office("แม่ทา")
    # Held: the minutes are the organising office's draft again, and answers are closed.
    invitee = personas.client_for(personas.district_staff)
    assert invitee.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 403
    late = invitee.post(reverse("invitations:answer", args=[maetha.pk]), _answer(maetha, decline="ติดราชการ"))
    assert late.status_code == 403


def test_an_answer_without_names_or_with_names_and_declined_is_refused_in_thai(personas: Personas) -> None:
    meeting = schedule(personas.client_for(personas.staff))
    invitation = meeting.invitations.get(office=_office("แม่ทา"))
    client = personas.client_for(personas.district_staff)
    url = reverse("invitations:answer", args=[invitation.pk])

    empty = client.post(url, _answer(invitation, ("", "")))
    assert empty.status_code == 400
    assert "กรุณากรอกชื่อและตำแหน่งของผู้ที่จะเข้าประชุมอย่างน้อยหนึ่งคน" in empty.content.decode()
    both = client.post(url, {**_answer(invitation, ("นายสมชาย ทองดี", "")), "answer": "decline"})
    assert "กรุณาลบรายชื่อผู้เข้าประชุมออก" in both.content.decode()
    nothing = client.post(url, {"attendees-TOTAL_FORMS": "0", "attendees-INITIAL_FORMS": "0"})
    assert "กรุณาเลือกว่าจะเข้าร่วมประชุมหรือไม่" in nothing.content.decode()
    altered = client.post(url, {"answer": "attend"})  # a page whose rows did not come with it
    assert altered.status_code == 400 and "แบบฟอร์มไม่สมบูรณ์ ระบบยังไม่ได้บันทึก" in altered.content.decode()
    no_name = client.post(url, _answer(invitation, ("", "พัฒนาการอำเภอ")))
    assert "กรุณากรอกชื่อของผู้ที่ดำรงตำแหน่งนี้" in no_name.content.decode()
    invitation.refresh_from_db()
    assert invitation.answer == Invitation.Answer.PENDING


def test_documents_are_checked_by_content_and_size_and_served_only_to_invitees_and_readers(
    personas: Personas, settings: Any
) -> None:
    staff = personas.client_for(personas.staff)
    meeting = schedule(staff, offices=[_office("แม่ทา").pk])
    url = reverse("invitations:upload", args=[meeting.pk])

    fake = staff.post(url, {"file": SimpleUploadedFile("แผน.pdf", b"MZ\x90\x00 not a pdf")})
    assert fake.status_code == 400 and "เนื้อไฟล์ไม่ใช่" in fake.content.decode()
    settings.PORTAL_MAX_UPLOAD_BYTES = 1024
    big = staff.post(url, {"file": SimpleUploadedFile("ใหญ่.pdf", b"%PDF-1.4\n" + b"0" * 2048)})
    assert big.status_code == 400 and "ไฟล์ใหญ่เกิน" in big.content.decode()
    assert not MeetingDocument.objects.filter(meeting=meeting).exists()
    settings.PORTAL_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
    assert staff.post(url, {"file": SimpleUploadedFile("แผน.pdf", b"%PDF-1.4\n%%EOF\n")}).status_code == 302

    document = MeetingDocument.objects.get(meeting=meeting)
    download = reverse("invitations:document", args=[document.pk])
    invited = personas.client_for(personas.district_staff).get(download)
    assert invited.status_code == 200 and b"".join(invited.streaming_content).startswith(b"%PDF")
    assert personas.client_for(personas.other_staff).get(download).status_code == 403  # ลี้: not invited
    assert personas.client_for(None).get(download).status_code == 302  # to the login page
    # The invitee does not add documents or send the letter: that is the organisers' work.
    assert personas.client_for(personas.district_staff).post(url, {"file": ""}).status_code == 403


def test_offices_invited_later_are_told_on_the_next_send(personas: Personas) -> None:
    staff = personas.client_for(personas.staff)
    meeting = schedule(staff, offices=[_office("แม่ทา").pk])
    staff.post(reverse("invitations:send", args=[meeting.pk]))
    url = reverse("invitations:invite", args=[meeting.pk])

    empty = staff.post(url, {})
    assert empty.status_code == 400 and "กรุณาเลือกหน่วยงานหรือบุคคลที่จะเชิญเพิ่ม" in empty.content.decode()
    bad = staff.post(url, {"offices": ["99999999999999999999"]})
    assert bad.status_code == 400 and "กรุณาเลือกจากรายการ" in bad.content.decode()
    added = staff.post(url, {"offices": [_office("ลี้").pk, _office("แม่ทา").pk]}, follow=True)
    assert "เชิญเพิ่ม 1 ราย" in added.content.decode()
    sent = staff.post(reverse("invitations:send", args=[meeting.pk]), follow=True)
    assert "ส่งหนังสือเชิญถึง 1 หน่วยงานแล้ว" in sent.content.decode()
    assert Notification.objects.filter(recipient=personas.other_staff, event__kind=EventKind.INVITED).count() == 1
    assert Notification.objects.filter(recipient=personas.district_staff, event__kind=EventKind.INVITED).count() == 1
    # The invited office reads the meeting now; it does not invite others.
    li = personas.client_for(personas.other_staff)
    assert li.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
    assert li.post(url, {"offices": [_office("ลี้").pk]}).status_code == 403
