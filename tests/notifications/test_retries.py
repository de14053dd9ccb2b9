"""Failed deliveries are tried again with back-off; after the last try the delivery log shows the failure;
a retried LINE push never reaches the group twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from maetha_office import LINE_GROUP, Maetha

from notifications import deliveries, services
from notifications.models import Delivery, EventKind
from tests.conftest import Personas
from tests.line_stand_in import LineStandIn

DUE = dt.date(2024, 6, 30)


def _send_now(maetha: Maetha, run_tasks: Callable[[], int], text: str = "ให้รายงานผลการฝึกอบรมอาชีพ") -> None:
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=maetha.directive(text, due=DUE))
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # five minutes later
    run_tasks()


def test_a_line_delivery_that_always_fails_is_retried_then_logged_as_failed(
    maetha: Maetha, personas: Personas, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    line_server.fail_always(500)
    _send_now(maetha, run_tasks)

    assert len(line_server.requests) == 3  # PORTAL_NOTIFY_MAX_ATTEMPTS
    assert len({request.retry_key for request in line_server.requests}) == 1
    line = Delivery.objects.get(channel="line")
    assert (line.status, line.attempts, line.address) == ("failed", 3, LINE_GROUP)
    assert "LINE 500" in line.last_error
    # E-mail went out regardless.
    assert len(mail.outbox) == 3 and set(Delivery.objects.filter(channel="email").values_list("status", flat=True)) == {
        "sent"
    }
    # Each retry was a task of its own, queued for when its back-off ended.
    sends = DBTaskResult.objects.filter(task_path="notifications.tasks.send_delivery", args_kwargs__args=[line.pk])
    assert sends.count() == 3 and set(sends.values_list("status", flat=True)) == {"SUCCESSFUL"}

    # The delivery log (admin) shows it, filtered by status and channel, in Thai.
    admin = personas.client_for(personas.admin)
    log = admin.get(reverse("admin:notifications_delivery_changelist"), {"status__exact": "failed"}).content.decode()
    assert LINE_GROUP in log and "ส่งไม่สำเร็จ" in log
    assert "colleague@cdd.example" not in log
    detail = admin.get(reverse("admin:notifications_delivery_change", args=[line.pk])).content.decode()
    assert "LINE 500" in detail and "ข้อผิดพลาดล่าสุด" in detail
    emails = admin.get(reverse("admin:notifications_delivery_changelist"), {"channel__exact": "email"}).content.decode()
    assert "colleague@cdd.example" in emails and LINE_GROUP not in emails


def test_429_then_success_is_delivered_once_with_the_same_retry_key(
    maetha: Maetha, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    line_server.fail_next(429)
    _send_now(maetha, run_tasks)
    assert [request.retry_key for request in line_server.requests] == [line_server.requests[0].retry_key] * 2
    assert len(line_server.delivered) == 1
    delivery = Delivery.objects.get(channel="line")
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert str(delivery.retry_key) == line_server.requests[0].retry_key


def test_a_push_accepted_but_answered_with_an_error_is_not_delivered_twice(
    maetha: Maetha, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    """LINE may carry out a request and still answer 5xx: the retry's key is refused (409), the message stays one."""
    line_server.fail_next(500, after_accepting=True)
    _send_now(maetha, run_tasks)
    assert len(line_server.requests) == 2 and len(line_server.delivered) == 1
    assert Delivery.objects.get(channel="line").status == "sent"


def test_a_refused_token_fails_at_once(
    maetha: Maetha, settings: Any, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    settings.LINE_CHANNEL_ACCESS_TOKEN = "revoked"
    _send_now(maetha, run_tasks)
    delivery = Delivery.objects.get(channel="line")
    assert len(line_server.requests) == 1 and (delivery.status, delivery.attempts) == ("failed", 1)
    assert "LINE 401" in delivery.last_error


def test_without_a_line_token_the_log_says_so(
    maetha: Maetha, settings: Any, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    _send_now(maetha, run_tasks)
    delivery = Delivery.objects.get(channel="line")
    assert not line_server.requests and delivery.status == "failed"
    assert "LINE_CHANNEL_ACCESS_TOKEN" in delivery.last_error


def test_a_mail_server_that_is_down_is_retried(
    maetha: Maetha, settings: Any, run_tasks: Callable[[], int], line_server: LineStandIn
) -> None:
    """SMTP on a port of 127.0.0.1 where nothing listens: every try is refused, then the log says so."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 5
    _send_now(maetha, run_tasks)
    failed = Delivery.objects.filter(channel="email")
    assert failed.count() == 3
    assert set(failed.values_list("status", "attempts")) == {("failed", 3)}
    assert all("ConnectionRefusedError" in error for error in failed.values_list("last_error", flat=True))
    assert Delivery.objects.get(channel="line").status == "sent"


def test_back_off_doubles(settings: Any) -> None:
    settings.PORTAL_NOTIFY_RETRY_SECONDS = 30
    assert [deliveries.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert deliveries.backoff(2, 0.5).total_seconds() == 1
