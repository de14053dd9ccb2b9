"""History: who changed what and when, an admin restores an earlier version or a deleted meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from directives.models import Directive, DirectiveUpdate
from history import services as history
from meetings import services
from meetings.models import AgendaItem, Attendance, Meeting, MeetingTransition, Office
from tests.conftest import Personas


def _edit_title(meeting: Meeting, title: str, user: Any) -> None:
    meeting.title = title
    meeting._history_user = user
    meeting.save()


def test_meeting_history_shows_who_changed_what_and_when(personas: Personas, demo: Meeting) -> None:
    old_title = demo.title
    _edit_title(demo, "ประชุมทดสอบแก้ชื่อ", personas.staff)
    personas.staff.first_name, personas.staff.last_name = "สมศรี", "ใจดี"
    personas.staff.save()

    page = personas.client_for(personas.official).get(reverse("history:meeting", args=[demo.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "ประวัติการแก้ไขการประชุม" in html
    assert "สมศรี ใจดี" in html
    assert old_title in html and "ประชุมทดสอบแก้ชื่อ" in html
    year = timezone.localdate().year + 543
    assert f"{year}" in html  # Buddhist-era date of the change
    # Attendance, agenda and directives recorded under the meeting are in its history too.
    assert "ผู้เข้าประชุม" in html and "ระเบียบวาระ" in html and "ข้อสั่งการ" in html
    # Every field is named in Thai, links by what they point to, and linked rows by their names.
    assert ">meeting<" not in html and "#" not in "".join(line for line in html.splitlines() if "<td" in line)
    # Officials read history but cannot revert.
    assert "คืนค่าฉบับนี้" not in html


def test_directive_history_shows_status_change(personas: Personas, demo: Meeting) -> None:
    directive = demo.directives.first()
    old_label = directive.get_status_display()
    new_status = Directive.Status.CANCELLED if directive.status == Directive.Status.DONE else Directive.Status.DONE
    directive.status = new_status
    directive._history_user = personas.district_staff
    directive.save()
    html = personas.client_for(personas.staff).get(reverse("history:directive", args=[directive.pk])).content
    html = html.decode()
    assert "ประวัติการแก้ไขข้อสั่งการ" in html
    assert old_label in html and directive.get_status_display() in html
    assert "district1" in html or personas.district_staff.get_full_name() in html


def test_admin_reverts_a_meeting_to_an_earlier_version(personas: Personas, demo: Meeting) -> None:
    original = demo.title
    earlier = demo.history.latest()
    _edit_title(demo, "ชื่อที่พิมพ์ผิด", personas.staff)

    admin = personas.client_for(personas.admin)
    page = admin.get(reverse("history:meeting", args=[demo.pk])).content.decode()
    assert "คืนค่าฉบับนี้" in page
    response = admin.post(reverse("history:meeting_revert", args=[demo.pk, earlier.history_id]))
    assert response.status_code == 302
    demo.refresh_from_db()
    assert demo.title == original
    latest = demo.history.latest()
    assert latest.history_user == personas.admin  # recorded from the request by the middleware
    assert "คืนค่าเป็นฉบับวันที่" in latest.history_change_reason
    assert list(demo.programs.order_by("pk")) == list(Meeting.objects.get(pk=demo.pk).programs.order_by("pk"))


def test_admin_reverts_a_directive_and_its_links(personas: Personas, demo: Meeting) -> None:
    directive = demo.directives.filter(programs__isnull=False).first() or demo.directives.first()
    before_programs = set(directive.programs.values_list("pk", flat=True))
    before_offices = set(directive.responsible_offices.values_list("pk", flat=True))
    earlier = directive.history.latest()
    directive.text = "ข้อความที่แก้ผิด"
    directive.save()
    directive.programs.clear()
    directive.responsible_offices.clear()

    response = personas.client_for(personas.admin).post(
        reverse("history:directive_revert", args=[directive.pk, earlier.history_id])
    )
    assert response.status_code == 302
    directive.refresh_from_db()
    assert directive.text == earlier.text
    assert set(directive.programs.values_list("pk", flat=True)) == before_programs
    assert set(directive.responsible_offices.values_list("pk", flat=True)) == before_offices


def _snapshot(meeting_id: int) -> dict[str, Any]:
    """Every column of every row recorded under a meeting, plus its many-to-many links."""
    directive_ids = list(Directive.objects.filter(meeting_id=meeting_id).values_list("pk", flat=True))
    snap: dict[str, Any] = {
        "meeting": list(Meeting.objects.filter(pk=meeting_id).values()),
        "attendance": list(Attendance.objects.filter(meeting_id=meeting_id).order_by("pk").values()),
        "agenda": list(AgendaItem.objects.filter(meeting_id=meeting_id).order_by("pk").values()),
        "directives": list(Directive.objects.filter(meeting_id=meeting_id).order_by("pk").values()),
        "updates": list(DirectiveUpdate.objects.filter(directive_id__in=directive_ids).order_by("pk").values()),
        "transitions": list(MeetingTransition.objects.filter(meeting_id=meeting_id).order_by("pk").values()),
        "meeting_programs": sorted(
            Meeting.programs.through.objects.filter(meeting_id=meeting_id).values_list("meeting_id", "program_id")
        ),
        "directive_programs": sorted(
            Directive.programs.through.objects.filter(directive_id__in=directive_ids).values_list(
                "directive_id", "program_id"
            )
        ),
        "directive_offices": sorted(
            Directive.responsible_offices.through.objects.filter(directive_id__in=directive_ids).values_list(
                "directive_id", "office_id"
            )
        ),
    }
    return snap


def test_delete_asks_for_confirmation_then_admin_restores_everything(personas: Personas, demo: Meeting) -> None:
    # Staff delete only what they may still edit: their own office's draft.
    Meeting.objects.filter(pk=demo.pk).update(status=Meeting.Status.DRAFT)
    directive = demo.directives.first()
    DirectiveUpdate.objects.create(
        directive=directive,
        office=demo.organizer,
        note="ดำเนินการแล้วบางส่วน",
        new_status="in_progress",
        author=personas.staff,
        reported_on=dt.date(2020, 12, 1),
    )
    before = _snapshot(demo.pk)
    assert before["attendance"] and before["agenda"] and before["directives"] and before["updates"]
    assert before["meeting_programs"] and before["directive_offices"]

    staff = personas.client_for(personas.staff)
    confirm = staff.get(reverse("history:delete", args=[demo.pk]))
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "ยืนยันลบการประชุม" in html and demo.title in html
    assert Meeting.objects.filter(pk=demo.pk).exists()  # GET changes nothing

    deleted = staff.post(reverse("history:delete", args=[demo.pk]), follow=True)
    assert "ลบการประชุมแล้ว" in deleted.content.decode()
    assert not Meeting.objects.filter(pk=demo.pk).exists()
    assert not Directive.objects.filter(meeting_id=demo.pk).exists()
    assert demo.history.model.objects.filter(id=demo.pk, history_type="-").get().history_user == personas.staff

    admin = personas.client_for(personas.admin)
    listing = admin.get(reverse("history:deleted")).content.decode()
    assert demo.title in listing and "กู้คืน" in listing
    batch = demo.history.model.objects.get(id=demo.pk, history_type="-").history_change_reason.split(":")[1]
    restored = admin.post(reverse("history:restore", args=[batch]), follow=True)
    assert "กู้คืนการประชุม" in restored.content.decode()

    assert _snapshot(demo.pk) == before
    assert demo.title not in admin.get(reverse("history:deleted")).content.decode()
    # Restoring twice is refused with a Thai message, not an error page.
    again = admin.post(reverse("history:restore", args=[batch]), follow=True)
    assert "ถูกกู้คืนไปแล้ว" in again.content.decode()


def test_deleting_from_the_admin_site_is_recoverable_too(personas: Personas, demo: Meeting) -> None:
    before = _snapshot(demo.pk)
    admin = personas.client_for(personas.admin)
    response = admin.post(reverse("admin:meetings_meeting_delete", args=[demo.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=demo.pk).exists()
    batch = demo.history.model.objects.get(id=demo.pk, history_type="-").history_change_reason.split(":")[1]
    admin.post(reverse("history:restore", args=[batch]))
    assert _snapshot(demo.pk) == before


def test_staff_cannot_delete_another_offices_meeting(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.district_staff).post(reverse("history:delete", args=[demo.pk]))
    assert response.status_code == 403
    assert Meeting.objects.filter(pk=demo.pk).exists()


@pytest.mark.parametrize("rows", [5, 60])
def test_history_page_queries_do_not_grow_with_changes(
    personas: Personas, demo: Meeting, rows: int, django_assert_max_num_queries: Any
) -> None:
    for n in range(rows):
        _edit_title(demo, f"แก้ไขครั้งที่ {n}", personas.staff)
    client = personas.client_for(personas.official)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("history:meeting", args=[demo.pk])).status_code == 200
    assert connection.vendor in {"sqlite", "postgresql"}


def test_history_of_a_draft_is_private_like_the_draft(personas: Personas, demo: Meeting) -> None:
    draft = Meeting.objects.get(status=Meeting.Status.DRAFT, organizer__district="บ้านโฮ่ง")
    directive = draft.directives.first()
    pages = [reverse("history:meeting", args=[draft.pk]), reverse("history:directive", args=[directive.pk])]
    for url in pages:
        # Another office (แม่ทา staff, the provincial official) may not read a บ้านโฮ่ง draft, nor its
        # history; admins may.
        assert personas.client_for(personas.district_staff).get(url).status_code == 403
        assert personas.client_for(personas.official).get(url).status_code == 403
        assert personas.client_for(personas.admin).get(url).status_code == 200


def _draft(office: Office) -> Meeting:
    return Meeting.objects.create(
        title="ประชุมคณะทำงานขับเคลื่อนโคก หนอง นา",
        organizer=office,
        starts_at=dt.datetime(2021, 2, 3, 9, 30, tzinfo=timezone.get_default_timezone()),
        venue="ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
    )


def _steps(meeting_id: int) -> list[tuple[str, str, str | None, dt.datetime]]:
    rows = MeetingTransition.objects.filter(meeting_id=meeting_id).select_related("by").order_by("at", "pk")
    return [(s.from_status, s.to_status, s.by.username if s.by else None, s.at) for s in rows]


def _deletion_batch(meeting_id: int) -> str:
    record = Meeting.history.model.objects.get(id=meeting_id, history_type="-")
    return record.history_change_reason.removeprefix(history.DELETE_REASON_PREFIX)


def test_restoring_a_deleted_meeting_brings_back_who_certified_and_published_it(
    personas: Personas, provincial_office: Office
) -> None:
    meeting = _draft(provincial_office)
    # Certified minutes were checked first (the service refuses a draft certified at once).
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CHECKED, user=personas.staff)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CERTIFIED, user=personas.staff)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.PUBLISHED, user=personas.admin)
    before = _snapshot(meeting.pk)
    steps = _steps(meeting.pk)
    assert [s[:3] for s in steps] == [
        ("draft", "checked", "staff1"),
        ("checked", "certified", "staff1"),
        ("certified", "published", "admin1"),
    ]

    admin = personas.client_for(personas.admin)
    admin.post(reverse("history:delete", args=[meeting.pk]))
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    admin.post(reverse("history:restore", args=[_deletion_batch(meeting.pk)]))

    assert _steps(meeting.pk) == steps  # same steps, same people, same moments
    assert _snapshot(meeting.pk) == before
    page = personas.client_for(personas.official).get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "โดย กนกวรรณ ศรีสุข" in page and "โดย ประเสริฐ บุญมา" in page


def test_restoring_works_when_the_person_who_certified_has_left(personas: Personas, provincial_office: Office) -> None:
    meeting = _draft(provincial_office)
    leaver = User.objects.create_user("leaver", password="leaver-password-1")
    # Certified minutes were checked first (the service refuses a draft certified at once).
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CHECKED, user=leaver)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CERTIFIED, user=leaver)
    pk, checked, certified = meeting.pk, _steps(meeting.pk)[0][3], _steps(meeting.pk)[1][3]
    history.delete_meeting(meeting=meeting, user=personas.admin)
    leaver.delete()  # the account is removed while the meeting is in the bin

    history.restore_deleted_meeting(batch=_deletion_batch(pk), user=personas.admin)
    assert _steps(pk) == [("draft", "checked", None, checked), ("checked", "certified", None, certified)]
    assert Meeting.objects.get(pk=pk).status == Meeting.Status.CERTIFIED


def test_reverting_to_an_older_version_keeps_the_lifecycle_status(
    personas: Personas, provincial_office: Office
) -> None:
    meeting = _draft(provincial_office)
    as_drafted = meeting.history.latest()
    # Certified minutes were checked first (the service refuses a draft certified at once).
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CHECKED, user=personas.staff)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CERTIFIED, user=personas.staff)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.PUBLISHED, user=personas.admin)
    meeting.refresh_from_db()
    _edit_title(meeting, "ชื่อที่พิมพ์ผิดหลังเผยแพร่", personas.admin)
    steps, version = _steps(meeting.pk), meeting.version

    admin = personas.client_for(personas.admin)
    response = admin.post(reverse("history:meeting_revert", args=[meeting.pk, as_drafted.history_id]))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == as_drafted.title  # the wording goes back...
    assert meeting.status == Meeting.Status.PUBLISHED  # ...but the published minutes stay published
    assert _steps(meeting.pk) == steps  # and no step was made up or lost
    # A new version: an edit opened before the revert is refused rather than silently undoing it.
    assert meeting.version == version + 1


def test_reverting_never_republishes_reopened_minutes(personas: Personas, provincial_office: Office) -> None:
    meeting = _draft(provincial_office)
    # Certified minutes were checked first (the service refuses a draft certified at once).
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CHECKED, user=personas.staff)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CERTIFIED, user=personas.staff)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.PUBLISHED, user=personas.admin)
    published = meeting.history.latest()
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.DRAFT, user=personas.admin)
    steps = _steps(meeting.pk)

    personas.client_for(personas.admin).post(reverse("history:meeting_revert", args=[meeting.pk, published.history_id]))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT
    assert _steps(meeting.pk) == steps
    public = personas.client_for(None).get(reverse("news:detail", args=[meeting.pk]))
    assert public.status_code == 404


def test_reverting_from_the_admin_site_keeps_the_status_too(personas: Personas, provincial_office: Office) -> None:
    meeting = _draft(provincial_office)
    as_drafted = meeting.history.latest()
    # Certified minutes were checked first (the service refuses a draft certified at once).
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CHECKED, user=personas.staff)
    services.transition_meeting(meeting=meeting, to_status=Meeting.Status.CERTIFIED, user=personas.staff)
    meeting.refresh_from_db()
    version = meeting.version
    admin = personas.client_for(personas.admin)
    url = reverse("admin:meetings_meeting_simple_history", args=[meeting.pk, as_drafted.history_id])
    form = admin.get(url)
    assert form.status_code == 200
    data = {
        name: value
        for name, value in form.context["adminform"].form.initial.items()
        if not isinstance(value, (list, dt.datetime)) and value is not None
    }
    data.update(
        starts_at_0="03/02/2021",
        starts_at_1="09:30:00",
        programs=[],
        status=Meeting.Status.DRAFT,  # even when the form is made to send a status
        **{
            f"{prefix}-{key}": "0"
            for prefix in ("attendances", "agenda_items", "directives")
            for key in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
    )
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CERTIFIED
    assert meeting.version == version + 1
