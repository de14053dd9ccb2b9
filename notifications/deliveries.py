"""Sending one delivery (one message to one address on one channel), and trying again with back-off.

A try first claims the delivery with a conditional UPDATE (due and waiting, or abandoned mid-send by a
process that died), so a worker and `send_reminders` never send the same delivery at once. A failure that may
pass (LINE 429 or 5xx, a network error, a mail server that is down) is tried again after
PORTAL_NOTIFY_RETRY_SECONDS, then twice as long each time; after PORTAL_NOTIFY_MAX_ATTEMPTS tries, or at once
for a failure that cannot pass (a refused address, no LINE token), the delivery is marked failed with the
reason, which admins read in the delivery log.

A LINE push carries the delivery's retry key on every try, so a try that LINE carried out but whose answer
was lost is not delivered twice. An e-mail carries the same key in its Message-ID.
"""

from __future__ import annotations

import logging
import smtplib
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone

from lamphun_portal.lib import line

from .models import Delivery

logger = logging.getLogger(__name__)

# A delivery claimed this long ago and still "sending" belongs to a process that died: it may be tried again.
STALE_SENDING = timedelta(minutes=10)
# How often send_reminders looks again at a delivery another process is sending.
POLL_SECONDS = 1.0


class DeliveryFailed(Exception):
    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


def attempt(delivery_id: int, *, retry_seconds: float | None = None) -> Delivery | None:
    """One try of the delivery, if it is due and no other process is trying it; the delivery after the try,
    or None when there was nothing to try. `retry_seconds`: the back-off base (default from settings)."""
    now = timezone.now()
    claimable = Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=now - STALE_SENDING
    )
    claimed = Delivery.objects.filter(claimable, pk=delivery_id).update(
        status=Delivery.Status.SENDING, attempts=F("attempts") + 1, claimed_at=now
    )
    if not claimed:
        return None
    delivery = Delivery.objects.select_related("digest").get(pk=delivery_id)
    try:
        _send(delivery)
    except DeliveryFailed as failure:
        _failed(delivery, str(failure), retryable=failure.retryable, retry_seconds=retry_seconds)
    else:
        delivery.status, delivery.sent_at, delivery.last_error = Delivery.Status.SENT, timezone.now(), ""
        delivery.save(update_fields=["status", "sent_at", "last_error"])
    return delivery


def _send(delivery: Delivery) -> None:
    digest = delivery.digest
    if delivery.channel == Delivery.Channel.LINE:
        try:
            line.push_text(delivery.address, digest.line_text, retry_key=str(delivery.retry_key))
        except line.LinePushError as error:
            raise DeliveryFailed(str(error), retryable=error.retryable) from error
        return
    message = EmailMessage(
        subject=digest.subject,
        body=digest.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.address],
        headers={"Message-ID": f"<{delivery.retry_key}@lamphun-portal>"},
    )
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        raise DeliveryFailed(f"ผู้รับถูกปฏิเสธ: {error.recipients}", retryable=False) from error
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}", retryable=True) from error


def _failed(delivery: Delivery, message: str, *, retryable: bool, retry_seconds: float | None) -> None:
    delivery.last_error = message[:2000]
    if retryable and delivery.attempts < settings.PORTAL_NOTIFY_MAX_ATTEMPTS:
        delivery.status = Delivery.Status.PENDING
        delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts, retry_seconds)
    else:
        delivery.status = Delivery.Status.FAILED
        logger.warning(
            "Delivery %s to %s failed after %s tries: %s", delivery.pk, delivery.address, delivery.attempts, message
        )
    delivery.save(update_fields=["status", "next_attempt_at", "last_error"])


def backoff(attempts: int, base_seconds: float | None = None) -> timedelta:
    """How long to wait after the `attempts`-th failed try: the base, then twice as long each time."""
    base = settings.PORTAL_NOTIFY_RETRY_SECONDS if base_seconds is None else base_seconds
    return timedelta(seconds=base * 2 ** max(attempts - 1, 0))


def deliver_until_done(
    delivery_ids: list[int], *, retry_seconds: float | None = None, sleep: Callable[[float], None] = time.sleep
) -> None:
    """Try each delivery until it is sent or has failed, waiting out the back-off in between (send_reminders).

    Gives up waiting (leaving the rest to the workers and the next run) only if something keeps a delivery
    from coming due far longer than its tries could take: a clock set back, a process stuck sending.
    """
    longest = sum((backoff(n, retry_seconds) for n in range(1, settings.PORTAL_NOTIFY_MAX_ATTEMPTS)), STALE_SENDING)
    deadline = time.monotonic() + longest.total_seconds() + 60
    while True:
        unfinished = list(Delivery.objects.unfinished().filter(pk__in=delivery_ids).order_by("pk"))
        if not unfinished:
            return
        if time.monotonic() > deadline:
            logger.error("Deliveries %s are still unfinished; leaving them to the workers", [d.pk for d in unfinished])
            return
        now = timezone.now()
        tried = [attempt(delivery.pk, retry_seconds=retry_seconds) for delivery in unfinished if _due(delivery, now)]
        if any(tried):
            continue
        waits = [
            (delivery.next_attempt_at - now).total_seconds()
            for delivery in unfinished
            if delivery.status == Delivery.Status.PENDING
        ]
        sleep(max(min([*waits, POLL_SECONDS]), 0.01))


def _due(delivery: Delivery, now: datetime) -> bool:
    if delivery.status == Delivery.Status.PENDING:
        return delivery.next_attempt_at <= now
    return delivery.claimed_at is not None and delivery.claimed_at < now - STALE_SENDING
