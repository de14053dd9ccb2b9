"""An event reaches the office's people: in the portal, by e-mail and by LINE, through the real task queue."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from maetha_office import COLLEAGUE_EMAIL, DISTRICT1_EMAIL, LINE_GROUP, OFFICE_EMAIL, Maetha

from accounts.models import Profile
from notifications import services
from notifications.models import Delivery, Event, EventKind, Notification
from tests.conftest import Personas
from tests.line_stand_in import LineStandIn

DUE = dt.date(2024, 6, 30)


def _five_minutes_later() -> None:
    """The hold of page events is over: what the queue holds for later becomes due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_an_event_reaches_the_office_in_the_portal_by_email_and_by_line(
    maetha: Maetha, personas: Personas, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    directive = maetha.directive("ให้สำรวจครัวเรือนเป้าหมายโครงการโคก หนอง นา และรายงานผล", due=DUE)
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive, actor=personas.official)

    # In the portal at once: each person of the office has it, unread, counted in the top navigation.
    client = personas.client_for(maetha.district1)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "ให้สำรวจครัวเรือนเป้าหมายโครงการโคก หนอง นา" in page and "ข้อสั่งการใหม่" in page
    assert "30 มิถุนายน 2567" in page
    home = client.get(reverse("meetings:list")).content.decode()
    assert 'text-bg-warning">1<' in home
    assert Notification.objects.filter(recipient=maetha.colleague, read_at=None).count() == 1
    assert not Notification.objects.filter(recipient=personas.staff).exists()  # another office

    # E-mail and LINE wait five minutes, so that a burst becomes one message.
    assert run_tasks() == 0 and not mail.outbox and not line_server.requests
    _five_minutes_later()
    run_tasks()

    assert sorted(message.to[0] for message in mail.outbox) == sorted([DISTRICT1_EMAIL, COLLEAGUE_EMAIL, OFFICE_EMAIL])
    message = mail.outbox[0]
    assert message.subject == "[พช.ลำพูน] ข้อสั่งการใหม่: ให้สำรวจครัวเรือนเป้าหมายโครงการโคก หนอง นา และรายงานผล"
    assert "เรียน สำนักงานพัฒนาชุมชนอำเภอแม่ทา" in message.body
    assert "ข้อสั่งการใหม่ที่มอบหมายให้หน่วยงานของท่าน" in message.body
    assert "กำหนดแล้วเสร็จ: 30 มิถุนายน 2567" in message.body
    assert "จากการประชุม: ประชุมติดตามงานพัฒนาชุมชน ครั้งที่ 5/2567 (5 มีนาคม 2567)" in message.body
    assert f"https://meeting.lamphun.example{directive.get_absolute_url()}" in message.body
    assert "https://meeting.lamphun.example/accounts/profile/" in message.body

    [push] = line_server.requests
    assert push.path == "/v2/bot/message/push"
    assert push.headers["authorization"] == "Bearer test-channel-access-token"
    assert uuid.UUID(push.retry_key)
    assert push.body["to"] == LINE_GROUP
    [text] = [m["text"] for m in push.body["messages"] if m["type"] == "text"]
    assert "ข้อสั่งการใหม่ที่มอบหมายให้หน่วยงานของท่าน" in text and "30 มิถุนายน 2567" in text
    assert f"https://meeting.lamphun.example{directive.get_absolute_url()}" in text
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_opening_a_notification_marks_it_read_and_goes_to_the_directive(maetha: Maetha, personas: Personas) -> None:
    directive = maetha.directive("ให้จัดเวทีประชาคมหมู่บ้าน", due=DUE)
    services.notify_office(kind=EventKind.REPORT_REQUESTED, office=maetha.office, directive=directive)
    notification = Notification.objects.get(recipient=maetha.district1)
    client = personas.client_for(maetha.district1)
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == directive.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert 'text-bg-warning">' not in client.get(reverse("meetings:list")).content.decode()
    # The colleague's copy is still unread.
    assert Notification.objects.get(recipient=maetha.colleague).read_at is None


def test_mark_all_read(maetha: Maetha, personas: Personas) -> None:
    for number in range(3):
        directive = maetha.directive(f"ข้อสั่งการที่ {number}", due=DUE)
        services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)
    client = personas.client_for(maetha.district1)
    response = client.post(reverse("notifications:read_all"), follow=True)
    assert "ทำเครื่องหมายว่าอ่านแล้ว 3 รายการ" in response.content.decode()
    assert not Notification.objects.filter(recipient=maetha.district1, read_at=None).exists()
    assert Notification.objects.filter(recipient=maetha.colleague, read_at=None).count() == 3


def test_a_person_who_turned_email_off_gets_none(
    maetha: Maetha, personas: Personas, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    client = personas.client_for(maetha.colleague)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "รับการแจ้งเตือนทางอีเมล" in page and COLLEAGUE_EMAIL in page
    response = client.post(reverse("accounts:profile"), {})  # the box unticked
    assert response.status_code == 302
    assert Profile.objects.get(user=maetha.colleague).email_notifications is False

    directive = maetha.directive("ให้รายงานผลการคัดเลือกหมู่บ้านต้นแบบ", due=DUE)
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)
    _five_minutes_later()
    run_tasks()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([DISTRICT1_EMAIL, OFFICE_EMAIL])
    # Still in the portal, and the office's LINE group still hears of it.
    assert Notification.objects.filter(recipient=maetha.colleague).count() == 1
    assert len(line_server.delivered) == 1

    # Turned on again, e-mail comes again.
    client.post(reverse("accounts:profile"), {"email_notifications": "on"})
    services.notify_office(kind=EventKind.ACCEPTED, office=maetha.office, directive=directive)
    _five_minutes_later()
    run_tasks()
    assert COLLEAGUE_EMAIL in [message.to[0] for message in mail.outbox]


def test_two_events_for_one_office_the_same_day_come_as_one_digest(
    maetha: Maetha, personas: Personas, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    first = maetha.directive("ให้ส่งแผนปฏิบัติการประจำปี", due=DUE)
    second = maetha.directive("ให้รายงานผลการจัดงาน OTOP", due=dt.date(2024, 7, 15))
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=first)
    run_tasks()  # a worker looks in the meantime: nothing is due yet
    services.notify_office(
        kind=EventKind.SENT_BACK,
        office=maetha.office,
        directive=second,
        note="ขอภาพถ่ายกิจกรรมเพิ่มเติม",
        key="sent_back:update-1",
    )
    _five_minutes_later()
    run_tasks()

    to_district1 = [message for message in mail.outbox if message.to == [DISTRICT1_EMAIL]]
    assert len(to_district1) == 1 and len(mail.outbox) == 3  # one message to each address
    message = to_district1[0]
    assert message.subject == "[พช.ลำพูน] สำนักงานพัฒนาชุมชนอำเภอแม่ทา: การแจ้งเตือนข้อสั่งการ 2 รายการ"
    assert "1. ผลการดำเนินงานถูกส่งกลับให้ดำเนินการเพิ่มเติม" in message.body
    assert "เหตุผล: ขอภาพถ่ายกิจกรรมเพิ่มเติม" in message.body and "15 กรกฎาคม 2567" in message.body
    assert "2. ข้อสั่งการใหม่ที่มอบหมายให้หน่วยงานของท่าน" in message.body
    assert len(line_server.delivered) == 1
    assert "ให้ส่งแผนปฏิบัติการประจำปี" in line_server.texts()[0]
    assert "ให้รายงานผลการจัดงาน OTOP" in line_server.texts()[0]
    assert Event.objects.filter(digest__isnull=False).values("digest").distinct().count() == 1


def test_raising_the_same_event_again_records_and_sends_nothing_new(
    maetha: Maetha, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    directive = maetha.directive("ให้จัดทำทะเบียนกลุ่มอาชีพ", due=DUE)
    first = services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)
    again = services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)
    assert again.pk == first.pk
    assert Notification.objects.filter(recipient=maetha.district1).count() == 1
    assert DBTaskResult.objects.count() == 1
    _five_minutes_later()
    run_tasks()
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)  # after sending
    _five_minutes_later()
    run_tasks()
    assert len([m for m in mail.outbox if m.to == [DISTRICT1_EMAIL]]) == 1 and len(line_server.delivered) == 1


def test_an_event_is_unique_per_office_and_key_in_the_database(maetha: Maetha) -> None:
    """The guarantee is the database's, not a look before the insert."""
    from django.db import IntegrityError, transaction

    Event.objects.create(kind=EventKind.ASSIGNED, office=maetha.office, key="assigned:1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(kind=EventKind.ASSIGNED, office=maetha.office, key="assigned:1")


def test_an_office_with_no_line_group_gets_no_line_message(
    maetha: Maetha, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    maetha.office.notification_channels.delete()
    directive = maetha.directive("ให้รายงานผลการเบิกจ่ายงบประมาณ", due=DUE)
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)
    _five_minutes_later()
    run_tasks()
    assert not line_server.requests
    assert sorted(message.to[0] for message in mail.outbox) == sorted([DISTRICT1_EMAIL, COLLEAGUE_EMAIL])
