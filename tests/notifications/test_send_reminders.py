"""`manage.py send_reminders`: the day's reminders, each delivered once, the command returning when every
message is delivered or has failed."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from maetha_office import DISTRICT1_EMAIL, Maetha

from directives.models import Directive
from meetings.models import Meeting
from notifications import reminders, services
from notifications.models import Delivery, Event, EventKind
from tests.line_stand_in import LineStandIn


def _send_reminders() -> str:
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def _to_district1() -> list[str]:
    return [message.body for message in mail.outbox if message.to == [DISTRICT1_EMAIL]]


def test_twice_on_one_day_delivers_each_message_once(maetha: Maetha, line_server: LineStandIn) -> None:
    today = timezone.localdate()
    maetha.directive("ให้เตรียมเอกสารประกอบการประเมินหมู่บ้าน", due=today + dt.timedelta(days=7))
    maetha.directive("ให้ส่งรายงานสรุปผลการจัดเวทีประชาคม", due=today)
    maetha.directive("ให้รายงานผลการสำรวจข้อมูล จปฐ.", due=today - dt.timedelta(days=1))

    first = _send_reminders()
    [body] = _to_district1()  # one message for the office, whatever the number of reminders
    assert "ใกล้ครบกำหนด: อีก 7 วันจะครบกำหนด" in body and "ให้เตรียมเอกสารประกอบการประเมินหมู่บ้าน" in body
    assert "ครบกำหนดวันนี้" in body and "ให้ส่งรายงานสรุปผลการจัดเวทีประชาคม" in body
    assert "เกินกำหนดแล้ว 1 วัน" in body and "ให้รายงานผลการสำรวจข้อมูล จปฐ." in body
    # Most pressing first.
    assert body.index("เกินกำหนดแล้ว 1 วัน") < body.index("ครบกำหนดวันนี้") < body.index("ใกล้ครบกำหนด")
    maetha_pushes = [text for text in line_server.texts() if "แม่ทา" in text]
    assert len(maetha_pushes) == 1 and "ให้รายงานผลการสำรวจข้อมูล จปฐ." in maetha_pushes[0]
    assert not Delivery.objects.unfinished().exists()
    assert "ส่งไม่สำเร็จ 0" in first

    sent, pushes, deliveries = len(mail.outbox), len(line_server.requests), Delivery.objects.count()
    second = _send_reminders()
    assert (len(mail.outbox), len(line_server.requests), Delivery.objects.count()) == (sent, pushes, deliveries)
    assert "การแจ้งเตือนใหม่ 0 รายการ ข้อความ 0 ฉบับ ส่งสำเร็จ 0 ส่งไม่สำเร็จ 0" in second


def test_the_reminder_schedule_over_the_weeks(maetha: Maetha) -> None:
    """Due in 7 days once, due today once, overdue the first day and then every 7 days while it stays open."""
    due = dt.date(2024, 6, 30)
    directive = maetha.directive("ให้ติดตามหนี้กองทุนหมู่บ้าน", due=due)
    reminded = {}
    for offset in range(-10, 23):
        day = due + dt.timedelta(days=offset)
        events = [e for e in reminders.record_due_reminders(day) if e.directive_id == directive.pk]
        if events:
            [event] = events
            reminded[offset] = event.kind
    assert reminded == {
        -7: EventKind.DUE_SOON,
        0: EventKind.DUE_TODAY,
        1: EventKind.OVERDUE,
        8: EventKind.OVERDUE,
        15: EventKind.OVERDUE,
        22: EventKind.OVERDUE,
    }
    # A first run late in the period still reminds (a missed day is not a missed reminder).
    late = maetha.directive("ให้รายงานผลการส่งเสริมอาชีพ", due=due)
    kinds = [e.kind for e in reminders.record_due_reminders(due + dt.timedelta(days=4)) if e.directive_id == late.pk]
    assert kinds == [EventKind.OVERDUE]


def test_no_reminder_for_done_work_drafts_or_no_due_date(maetha: Maetha) -> None:
    today = dt.date(2024, 6, 30)
    maetha.directive("ดำเนินการแล้ว", due=today, status=Directive.Status.DONE)
    maetha.directive("ไม่มีกำหนด", due=None)
    draft = Meeting.objects.create(
        title="ร่างรายงานการประชุม",
        organizer=maetha.meeting.organizer,
        starts_at=maetha.meeting.starts_at,
        venue="ห้องประชุม",
        status=Meeting.Status.DRAFT,
    )
    in_draft = Directive.objects.create(meeting=draft, order=1, text="ข้อสั่งการในร่าง", due_date=today)
    in_draft.responsible_offices.add(maetha.office)
    texts = {event.directive.text for event in reminders.record_due_reminders(today)}
    assert not texts & {"ดำเนินการแล้ว", "ไม่มีกำหนด", "ข้อสั่งการในร่าง"}


def test_today_is_the_day_in_bangkok(maetha: Maetha, monkeypatch: pytest.MonkeyPatch, line_server: LineStandIn) -> None:
    """At 01:30 on 23 June in Lamphun it is still 22 June in UTC: a directive due on 30 June is 7 days away."""
    directive = maetha.directive("ให้จัดทำรายงานประจำไตรมาส", due=dt.date(2024, 6, 30))
    moment = dt.datetime(2024, 6, 22, 18, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    _send_reminders()
    assert Event.objects.get(directive=directive).kind == EventKind.DUE_SOON
    assert "อีก 7 วันจะครบกำหนด (30 มิถุนายน 2567)" in _to_district1()[0]


def test_a_failing_line_group_is_retried_and_the_command_still_returns(
    maetha: Maetha, line_server: LineStandIn
) -> None:
    line_server.fail_always(500)
    maetha.directive("ให้ส่งแผนการใช้จ่ายงบประมาณ", due=timezone.localdate())
    output = _send_reminders()
    line = Delivery.objects.get(channel="line", office=maetha.office)
    assert (line.status, line.attempts) == ("failed", 3) and "LINE 500" in line.last_error
    assert len([r for r in line_server.requests if r.retry_key == str(line.retry_key)]) == 3
    assert not Delivery.objects.unfinished().exists()
    assert "ส่งไม่สำเร็จ 1" in output
    # Failed is final: the next run does not try again (the log keeps it for admins).
    requests = len(line_server.requests)
    _send_reminders()
    assert len(line_server.requests) == requests


def test_page_events_still_waiting_go_with_the_reminders(
    maetha: Maetha, line_server: LineStandIn, run_tasks: Callable[[], int]
) -> None:
    assigned = maetha.directive("ให้คัดเลือกครัวเรือนต้นแบบ", due=dt.date(2099, 1, 1))
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=assigned)
    maetha.directive("ให้รายงานผลการตรวจเยี่ยม", due=timezone.localdate())
    _send_reminders()
    [body] = _to_district1()
    assert "ให้คัดเลือกครัวเรือนต้นแบบ" in body and "ให้รายงานผลการตรวจเยี่ยม" in body
    # The task queued by the page finds nothing left to send.
    sent = len(mail.outbox)
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_tasks()
    assert len(mail.outbox) == sent
