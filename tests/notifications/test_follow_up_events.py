"""The follow-up raises the events offices are told about: a directive given to them when the minutes leave the
draft, a report asked of them, a result sent back or accepted; and each only once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from maetha_office import DISTRICT1_EMAIL, LINE_GROUP, Maetha

from directives.models import Directive
from meetings import services as meeting_services
from meetings.demo import data
from meetings.models import Meeting, Office
from notifications.models import Event, EventKind
from tests.conftest import Personas
from tests.line_stand_in import LineStandIn


def _draft_with_a_directive_for(office: Office, maetha: Maetha) -> tuple[Meeting, Directive]:
    meeting = Meeting.objects.create(
        title="ประชุมประจำเดือน พช.ลำพูน",
        organizer=Office.objects.get(name=data.PROVINCIAL),
        starts_at=dt.datetime(2024, 4, 2, 9, 0, tzinfo=timezone.get_default_timezone()),
        venue="ห้องประชุมจามเทวี",
        status=Meeting.Status.DRAFT,
    )
    directive = Directive.objects.create(meeting=meeting, order=1, text="ให้เร่งรัดการเบิกจ่ายงบประมาณโครงการ")
    directive.responsible_offices.add(office)
    return meeting, directive


def _later(minutes: int = 6) -> None:
    """Move every queued message past its hold (the queue's clock), as five minutes passing would."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.update(run_after=timezone.now() - dt.timedelta(minutes=minutes))


def test_certifying_the_minutes_tells_each_responsible_office_once(
    maetha: Maetha, personas: Personas, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    meeting, directive = _draft_with_a_directive_for(maetha.office, maetha)
    assert not Event.objects.exists()  # a draft's directives are not given yet
    # Certified minutes were checked first (the service refuses a draft certified at once).
    meeting_services.transition_meeting(meeting=meeting, to_status="checked", user=personas.staff)
    meeting_services.transition_meeting(meeting=meeting, to_status="certified", user=personas.staff)
    meeting_services.transition_meeting(meeting=meeting, to_status="published", user=personas.staff)
    [event] = Event.objects.all()
    assert (event.kind, event.office, event.directive) == (EventKind.ASSIGNED, maetha.office, directive)
    _later()
    run_tasks()
    assert DISTRICT1_EMAIL in {message.to[0] for message in mail.outbox}
    assert any("ให้เร่งรัดการเบิกจ่ายงบประมาณโครงการ" in message.body for message in mail.outbox)
    assert [request.body["to"] for request in line_server.requests] == [LINE_GROUP]
    page = personas.client_for(maetha.district1).get(reverse("notifications:list")).content.decode()
    assert "ให้เร่งรัดการเบิกจ่ายงบประมาณโครงการ" in page


def test_an_outside_agencys_directive_is_announced_to_its_liaison_office(maetha: Maetha, personas: Personas) -> None:
    election = Office.objects.get(name=data.PARTNERS[4])
    meeting, directive = _draft_with_a_directive_for(election, maetha)
    # Certified minutes were checked first (the service refuses a draft certified at once).
    meeting_services.transition_meeting(meeting=meeting, to_status="checked", user=personas.staff)
    meeting_services.transition_meeting(meeting=meeting, to_status="certified", user=personas.staff)
    assert list(Event.objects.values_list("office__name", flat=True)) == [data.PROVINCIAL]


def test_a_request_a_sending_back_and_an_acceptance_each_reach_the_office(maetha: Maetha, personas: Personas) -> None:
    directive = maetha.directive("ให้รายงานผลการสำรวจแปลง", due=None)
    official = personas.client_for(personas.official)
    due = timezone.localdate() + dt.timedelta(days=3)
    official.post(
        directive.get_absolute_url(),
        {
            "action": "request",
            "request-office": maetha.office.pk,
            "request-report_due": f"{due.day}/{due.month}/{due.year + 543}",
            "request-note": "ขอภายในวันศุกร์",
        },
    )
    district = personas.client_for(maetha.district1)
    district.post(directive.get_absolute_url(), {"note": "เสร็จแล้ว", "new_status": "reported"})
    official.post(
        directive.get_absolute_url(), {"action": "review", "review-decision": "send_back", "review-note": "ขาดภาพ"}
    )
    district.post(directive.get_absolute_url(), {"note": "แนบภาพแล้ว", "new_status": "reported"})
    official.post(directive.get_absolute_url(), {"action": "review", "review-decision": "accept"})
    kinds = list(Event.objects.filter(office=maetha.office).order_by("pk").values_list("kind", flat=True))
    assert kinds == [EventKind.REPORT_REQUESTED, EventKind.SENT_BACK, EventKind.ACCEPTED]
    requested = Event.objects.get(kind=EventKind.REPORT_REQUESTED)
    assert "ขอภายในวันศุกร์" in requested.note
