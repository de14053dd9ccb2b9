"""The one-page meeting form: saving everything at once, Thai errors next to the field, nothing half-saved."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse

from directives.models import Directive
from meetings import forms, services
from meetings.models import Attendance, Meeting, MeetingRevision, Office, Person
from meetings.views import _bound_forms
from tests.conftest import Personas
from tests.meetings.meeting_post import existing_rows, meeting_post, person

pytestmark = pytest.mark.django_db

CREATE = reverse("meetings:create")


def _seed_like(office: Office, **fields: Any) -> dict[str, Any]:
    """The seed meeting as staff type it: chair, five attendance rows (one absent with a reason), two directives."""
    typed = {
        "title": "ประชุมเตรียมความพร้อมการขับเคลื่อนกิจกรรมพัฒนาชุมชน ประจำปีงบประมาณ พ.ศ. 2564",
        "chair": person("วรยุทธ").pk,
        "attendee_count": "57",
        **fields,
    }
    return meeting_post(
        office=office,
        attendance=[
            {"person": person("วรยุทธ").pk, "role": "chair"},
            {"person": person("เจริญ").pk, "role": "presenter"},
            {"group_name": "เจ้าหน้าที่พัฒนาชุมชนทุกระดับ", "headcount": "50"},
            {"person": person("พรทิพย์").pk, "presence": "absent", "absence_reason": "ติดราชการในพื้นที่"},
            {"person": person("ศศิธร").pk, "role": "inspector", "presence": "invited"},
        ],
        agenda=[
            {"heading": "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "resolution": "ที่ประชุมรับทราบ"},
            {"heading": "แนวทางการดำเนินงาน ปีงบประมาณ พ.ศ. 2564", "resolution": "ที่ประชุมเห็นชอบ"},
        ],
        directives=[
            {"text": "ขอให้มุ่งเน้นการปกป้องและเทิดทูนสถาบันกษัตริย์", "agenda_number": "1"},
            {
                "text": "ขับเคลื่อนโคก หนอง นา โมเดล",
                "due_date": "30/09/2564",
                "responsible_offices": [office.pk],
                "priority": "high",
            },
        ],
        **typed,
    )


def _errors(response: Any) -> str:
    """The errors of every form on the page, for a failure message."""
    context = response.context or {}
    parts = [context["form"].errors] if "form" in context else []
    for prefix in ("attendance", "agenda", "directives"):
        if prefix in context:
            parts.append([form.errors for form in context[prefix].forms])
    return repr(parts)


def test_staff_create_the_whole_meeting_in_one_post(personas: Personas, provincial_office: Office) -> None:
    client = personas.client_for(personas.staff)
    before = Meeting.objects.count()
    response = client.post(CREATE, _seed_like(provincial_office, ends_time="12.00"))
    assert response.status_code == 302, _errors(response)
    meeting = Meeting.objects.latest("pk")
    assert Meeting.objects.count() == before + 1
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.organizer == provincial_office
    assert meeting.status == Meeting.Status.DRAFT
    assert meeting.fiscal_year == 2564
    assert (meeting.starts_at.isoformat(), meeting.ends_at.isoformat()) == (
        "2020-11-17T03:00:00+00:00",
        "2020-11-17T05:00:00+00:00",
    )
    rows = list(meeting.attendances.order_by("order"))
    assert [r.order for r in rows] == [1, 2, 3, 4, 5]
    assert rows[3].presence == "absent" and rows[3].absence_reason == "ติดราชการในพื้นที่"
    directives = list(meeting.directives.order_by("order"))
    assert directives[0].agenda_item.heading == "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"
    assert directives[1].due_date.isoformat() == "2021-09-30"
    assert list(directives[1].responsible_offices.all()) == [provincial_office]
    revision = MeetingRevision.objects.get(meeting=meeting, version=1)
    assert revision.saved_by == personas.staff
    assert len(revision.snapshot["ผู้เข้าประชุม"]) == 5


def test_staff_cannot_record_for_another_office(personas: Personas, provincial_office: Office) -> None:
    other = Office.objects.get(name="สำนักงานพัฒนาชุมชนอำเภอลี้")
    response = personas.client_for(personas.staff).post(CREATE, _seed_like(other))
    assert response.status_code == 200
    assert "organizer" in response.context["form"].errors
    assert not Meeting.objects.filter(organizer=other, title__startswith="ประชุมเตรียมความพร้อม").exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"starts_on": "17/11/2020"}, "starts_on", "ปี 2020 เป็นปีคริสต์ศักราช กรุณากรอกปีพุทธศักราช (พ.ศ. 2563) เช่น 17/11/2563"),
        ({"starts_on": "31/02/2564"}, "starts_on", "ไม่มีวันที่นี้ในปฏิทิน กรุณาตรวจสอบวันและเดือน"),
        ({"starts_on": "พรุ่งนี้"}, "starts_on", "กรอกวันที่เป็น วว/ดด/ปปปป ปีพุทธศักราช เช่น 17/11/2563"),
        ({"starts_on": ""}, "starts_on", "กรุณากรอกวันที่ (วว/ดด/ปปปป พ.ศ. เช่น 17/11/2563)"),
        ({"starts_time": "25.00"}, "starts_time", "กรอกเวลาเป็น ชั่วโมง.นาที เช่น 10.00 หรือ 13.30"),
        ({"ends_time": "09.30"}, "ends_time", "เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม (10.00 น.)"),
        ({"ends_time": "10.00"}, "ends_time", "เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม (10.00 น.)"),
        ({"attendee_count": "3"}, "attendee_count", "จำนวนผู้เข้าประชุม 3 คน น้อยกว่าจำนวนที่ระบุในรายชื่อผู้มาประชุม (53 คน)"),
        ({"title": ""}, "title", "กรุณากรอกชื่อการประชุม"),
        ({"venue": ""}, "venue", "กรุณากรอกสถานที่ประชุม"),
    ],
)
def test_meeting_errors_are_thai_and_next_to_the_field(
    personas: Personas, provincial_office: Office, fields: dict[str, str], field: str, message: str
) -> None:
    before = (Meeting.objects.count(), Attendance.objects.count(), Directive.objects.count())
    data = _seed_like(provincial_office, **fields)
    response = personas.client_for(personas.staff).post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    html = response.content.decode()
    assert message in html
    assert "ยังไม่ได้บันทึก" in html
    # Nothing stored, and everything typed comes back.
    assert (Meeting.objects.count(), Attendance.objects.count(), Directive.objects.count()) == before
    assert "ติดราชการในพื้นที่" in html
    assert "ขับเคลื่อนโคก หนอง นา โมเดล" in html
    assert response.context["attendance"].total_form_count() == 5


def test_duplicate_meeting_number_is_refused(personas: Personas, provincial_office: Office) -> None:
    # The provincial office numbers its meetings per fiscal year; the demo has ครั้งที่ 2 ปีงบประมาณ พ.ศ. 2566.
    taken = Meeting.objects.get(organizer=provincial_office, number=2, fiscal_year=2566)
    data = _seed_like(provincial_office, number="2", starts_on="20/12/2565")
    response = personas.client_for(personas.staff).post(CREATE, data)
    assert response.context["form"].errors["number"] == [
        "สำนักงานพัฒนาชุมชนจังหวัดลำพูน มีการประชุมครั้งที่ 2 ปีงบประมาณ พ.ศ. 2566 อยู่แล้ว"
    ]
    assert taken.fiscal_year == 2566
    free = _seed_like(provincial_office, number="3", starts_on="20/12/2565")
    assert personas.client_for(personas.staff).post(CREATE, free).status_code == 302


@pytest.mark.parametrize(
    ("prefix", "index", "row", "field", "message"),
    [
        ("directives", 1, {"text": "   ", "due_date": "30/09/2564"}, "text", "กรุณากรอกข้อสั่งการ"),
        ("directives", 0, {"text": "ติดตามผล", "due_date": "30/09/2021"}, "due_date", "ปี 2021 เป็นปีคริสต์ศักราช"),
        ("directives", 0, {"text": "ติดตามผล", "agenda_number": "7"}, "agenda_number", "ไม่มีระเบียบวาระที่ 7 (มี 2 วาระ)"),
        ("attendance", 3, {"person": "", "presence": "absent", "absence_reason": "ลา"}, "__all__", "ระบุบุคคลหรือกลุ่ม"),
        ("attendance", 3, {"person": "", "group_name": "กลุ่ม", "presence": "absent"}, "absence_reason", "ระบุเหตุ"),
        ("agenda", 1, {"heading": "", "resolution": "ที่ประชุมรับทราบ"}, "heading", "กรุณากรอกเรื่องของระเบียบวาระ"),
    ],
)
def test_row_errors_are_thai_and_next_to_the_field(
    personas: Personas,
    provincial_office: Office,
    prefix: str,
    index: int,
    row: dict[str, str],
    field: str,
    message: str,
) -> None:
    data = _seed_like(provincial_office)
    for name in ("text", "due_date", "agenda_number", "person", "group_name", "presence", "absence_reason", "heading"):
        data.pop(f"{prefix}-{index}-{name}", None)
    data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    before = Meeting.objects.count()
    response = personas.client_for(personas.staff).post(CREATE, data)
    assert response.status_code == 200
    errors = response.context[prefix].forms[index].errors[field]
    assert any(message in error for error in errors), errors
    assert Meeting.objects.count() == before


def test_a_save_that_fails_half_way_stores_nothing(personas: Personas, provincial_office: Office) -> None:
    """The meeting row is written first; a later row failing must take it back with it (one transaction)."""
    request = RequestFactory().post(CREATE, _seed_like(provincial_office))
    request.user = personas.staff
    parts = _bound_forms(request, Meeting(organizer=provincial_office), Office.objects.filter(pk=provincial_office.pk))
    assert forms.validate_together(**parts)
    parts["directives"].forms[1].instance.text = ""  # passes the form, refused when the row is saved
    before = (Meeting.objects.count(), Attendance.objects.count(), MeetingRevision.objects.count())
    with pytest.raises(services.ValidationError):
        services.save_meeting(**forms.submitted_meeting(**parts), user=personas.staff)
    assert (Meeting.objects.count(), Attendance.objects.count(), MeetingRevision.objects.count()) == before


def _draft(personas: Personas, office: Office) -> Meeting:
    client = personas.client_for(personas.staff)
    assert client.post(CREATE, _seed_like(office)).status_code == 302
    return Meeting.objects.latest("pk")


def test_edit_keeps_rows_and_removes_the_ones_ticked(personas: Personas, provincial_office: Office) -> None:
    meeting = _draft(personas, provincial_office)
    ids = existing_rows(meeting)
    data = _seed_like(provincial_office, version=str(meeting.version), existing=ids, venue="ห้องประชุมอำเภอ")
    data["attendance-1-DELETE"] = "on"
    data["directives-0-DELETE"] = "on"
    response = personas.client_for(personas.staff).post(reverse("meetings:edit", args=[meeting.pk]), data)
    assert response.status_code == 302, _errors(response)
    meeting.refresh_from_db()
    assert meeting.venue == "ห้องประชุมอำเภอ"
    assert meeting.version == 2
    assert list(meeting.attendances.values_list("pk", flat=True)) == [ids["attendance"][i] for i in (0, 2, 3, 4)]
    assert list(meeting.attendances.values_list("order", flat=True)) == [1, 2, 3, 4]
    assert list(meeting.directives.values_list("text", flat=True)) == ["ขับเคลื่อนโคก หนอง นา โมเดล"]


def test_second_save_from_an_old_version_is_refused_with_what_changed(
    personas: Personas, provincial_office: Office
) -> None:
    meeting = _draft(personas, provincial_office)
    url = reverse("meetings:edit", args=[meeting.pk])
    ids = existing_rows(meeting)
    first = personas.client_for(personas.staff)
    second = personas.client_for(personas.admin)
    opened_at = str(meeting.version)
    saved = first.post(url, _seed_like(provincial_office, version=opened_at, existing=ids, venue="ห้องประชุมใหม่"))
    assert saved.status_code == 302
    data = _seed_like(provincial_office, version=opened_at, existing=ids, attendee_count="60")
    data["directives-1-text"] = "ข้อสั่งการที่แก้โดยผู้ดูแลระบบ"
    refused = second.post(url, data)
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "มีผู้แก้ไขการประชุมนี้ระหว่างที่คุณกำลังแก้ไข" in html
    assert "กนกวรรณ ศรีสุข" in html
    changes = {c.label: c for c in refused.context["stale"].changes}
    assert list(changes) == ["สถานที่"]
    assert changes["สถานที่"].after == "ห้องประชุมใหม่"
    # What the second person typed is all still in the form.
    assert 'value="60"' in html and "ข้อสั่งการที่แก้โดยผู้ดูแลระบบ" in html
    meeting.refresh_from_db()
    assert (meeting.venue, meeting.attendee_count, meeting.version) == ("ห้องประชุมใหม่", 57, 2)
    assert not Directive.objects.filter(text="ข้อสั่งการที่แก้โดยผู้ดูแลระบบ").exists()
    # Having seen the changes, saving again is a deliberate choice and goes through.
    assert refused.context["form"]["version"].value() == 2
    again = second.post(url, {**data, "version": "2"})
    assert again.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.attendee_count, meeting.version) == (60, 3)


def test_a_status_change_also_refuses_an_edit_opened_before_it(personas: Personas, provincial_office: Office) -> None:
    meeting = _draft(personas, provincial_office)
    url = reverse("meetings:edit", args=[meeting.pk])
    # Certified minutes were checked first (the service refuses a draft certified at once).
    services.transition_meeting(meeting=meeting, to_status="checked", user=personas.admin)
    services.transition_meeting(meeting=meeting, to_status="certified", user=personas.admin)
    data = _seed_like(provincial_office, version="1", existing=existing_rows(meeting), venue="แก้หลังรับรอง")
    response = personas.client_for(personas.admin).post(url, data)
    assert response.status_code == 409
    assert [c.label for c in response.context["stale"].changes] == ["สถานะ"]
    assert personas.client_for(personas.staff).post(url, data).status_code == 403


def test_form_page_shows_dates_in_buddhist_era(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.admin).get(reverse("meetings:edit", args=[demo.pk]))
    html = response.content.decode()
    assert 'value="17/11/2563"' in html
    assert 'value="10.00"' in html
    assert "บันทึกการประชุมใหม่" not in html and "แก้ไขรายงานการประชุม" in html


def test_form_page_queries_do_not_grow_with_rows(
    personas: Personas, demo: Meeting, django_assert_max_num_queries: Any
) -> None:
    client = personas.client_for(personas.admin)
    url = reverse("meetings:edit", args=[demo.pk])
    client.get(url)
    Attendance.objects.bulk_create(
        Attendance(meeting=demo, order=10 + i, person=p) for i, p in enumerate(Person.objects.all())
    )
    with django_assert_max_num_queries(40):
        response = client.get(url)
    assert response.context["attendance"].total_form_count() > 20


def test_person_added_inline_comes_back_as_an_option(personas: Personas, provincial_office: Office) -> None:
    url = reverse("meetings:person_create")
    client = personas.client_for(personas.staff)
    data = {
        "new_person-title": "นาง",
        "new_person-first_name": "มาลี",
        "new_person-last_name": "ใจดี",
        "new_person-position": "ผู้ใหญ่บ้าน",
        "new_person-office": "",
    }
    response = client.post(url, data)
    assert response.status_code == 201
    person = Person.objects.get(first_name="มาลี")
    assert response.json() == {"id": person.pk, "label": "นางมาลี ใจดี (ผู้ใหญ่บ้าน)"}
    again = client.post(url, data)
    assert again.status_code == 422
    assert again.json()["errors"]["first_name"] == ["มี มาลี ใจดี ในรายชื่ออยู่แล้ว เลือกจากรายชื่อได้เลย"]
    empty = client.post(url, {})
    assert empty.json()["errors"]["first_name"] == ["กรุณากรอกชื่อ"]
    assert empty.json()["errors"]["title"] == ["กรุณากรอกคำนำหน้า เช่น นาย นาง นางสาว"]


def test_an_impossible_meeting_number_is_refused_in_thai_not_a_crash(
    personas: Personas, provincial_office: Office
) -> None:
    response = personas.client_for(personas.staff).post(CREATE, _seed_like(provincial_office, number=str(10**30)))
    assert response.status_code == 200
    [message] = response.context["form"].errors["number"]
    assert message.startswith("ต้องไม่เกิน ")  # the database's own integer range


# --- One deliberate submission makes one meeting ------------------------------------------------------------


def _token_in(html: str) -> str:
    [token] = re.findall(r'<input type="hidden" name="submission_token" value="([0-9a-f]{32})"', html)
    return token


def test_the_new_meeting_form_carries_a_one_time_token(personas: Personas) -> None:
    client = personas.client_for(personas.staff)
    first, second = (_token_in(client.get(CREATE).content.decode()) for _ in range(2))
    assert first != second  # each opening of the form is a submission of its own


def test_the_same_form_sent_twice_makes_one_meeting(personas: Personas, provincial_office: Office) -> None:
    client = personas.client_for(personas.staff)
    data = _seed_like(provincial_office)  # no meeting number: nothing else would stop a second meeting
    before = Meeting.objects.count()
    first = client.post(CREATE, data)
    assert first.status_code == 302, _errors(first)
    meeting = Meeting.objects.latest("pk")

    # A double click, the browser's "send again", or the same form saved from a second tab.
    again = client.post(CREATE, data, follow=True)
    assert Meeting.objects.count() == before + 1
    assert again.redirect_chain == [(meeting.get_absolute_url(), 302)]
    notes = [str(m) for m in get_messages(again.wsgi_request)] or [again.content.decode()]
    assert any("บันทึกไปแล้ว" in note and "ไม่ได้สร้างการประชุมซ้ำ" in note for note in notes), notes
    assert "บันทึกไปแล้ว" in again.content.decode()  # shown on the meeting's page


def test_a_second_send_racing_the_first_still_makes_one_meeting(personas: Personas, provincial_office: Office) -> None:
    """Both sends pass validation before either is saved (two app servers): the database refuses the second."""
    data = _seed_like(provincial_office)
    offices = Office.objects.filter(pk=provincial_office.pk)
    sends = []
    for _ in range(2):
        request = RequestFactory().post(CREATE, data)
        request.user = personas.staff
        parts = _bound_forms(request, Meeting(organizer=provincial_office), offices)
        assert forms.validate_together(**parts)
        sends.append(parts)
    before = Meeting.objects.count()
    saved = services.save_meeting(**forms.submitted_meeting(**sends[0]), user=personas.staff)
    with pytest.raises(services.AlreadySubmittedError) as refused:
        services.save_meeting(**forms.submitted_meeting(**sends[1]), user=personas.staff)
    assert refused.value.meeting == saved
    assert Meeting.objects.count() == before + 1


def test_a_failed_save_can_be_sent_again_with_the_same_token(personas: Personas, provincial_office: Office) -> None:
    client = personas.client_for(personas.staff)
    data = _seed_like(provincial_office, starts_on="31/02/2564")
    assert client.post(CREATE, data).status_code == 200  # refused: no such day
    assert client.post(CREATE, {**data, "starts_on": "28/02/2564"}).status_code == 302


@pytest.mark.parametrize("token", [None, "", "not-a-token", "0" * 5000])
def test_a_form_without_a_good_token_is_refused_in_thai_and_can_be_saved_again(
    personas: Personas, provincial_office: Office, token: str | None
) -> None:
    client = personas.client_for(personas.staff)
    data = _seed_like(provincial_office)
    data.pop("submission_token")
    if token is not None:
        data["submission_token"] = token
    before = Meeting.objects.count()
    response = client.post(CREATE, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "กรุณากด “บันทึก” อีกครั้ง" in html
    assert Meeting.objects.count() == before
    # The page comes back with a fresh token and everything typed: saving it again works.
    assert client.post(CREATE, {**data, "submission_token": _token_in(html)}).status_code == 302
    assert Meeting.objects.count() == before + 1


def test_editing_needs_no_token(personas: Personas, provincial_office: Office) -> None:
    meeting = _draft(personas, provincial_office)
    html = personas.client_for(personas.staff).get(reverse("meetings:edit", args=[meeting.pk])).content.decode()
    assert "submission_token" not in html


def test_pressing_enter_cannot_submit_the_form_even_without_javascript(personas: Personas) -> None:
    """A browser submits a form on Enter through its first submit button; here that one is disabled."""
    html = personas.client_for(personas.staff).get(CREATE).content.decode()
    form = html[html.index('<form method="post" novalidate id="meeting-form"') :]
    form = form[: form.index("</form>")]
    buttons = re.findall(r"<button[^>]*>", form)
    first_submit = next(b for b in buttons if 'type="submit"' in b)
    assert "disabled" in first_submit and "hidden" in first_submit
    save = [b for b in buttons if 'type="submit"' in b and "disabled" not in b]
    assert len(save) == 1  # the save button itself still works, by mouse and by keyboard
