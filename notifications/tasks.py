"""Background work of notifications, on the portal's one task queue (settings.TASKS, `manage.py db_worker`)."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from meetings.models import Office

from . import deliveries, digests
from .models import Delivery


@task()
def deliver_office_events(office_id: int) -> int:
    """Make one digest of the office's events waiting so far and queue its deliveries; returns how many."""
    office = Office.objects.filter(pk=office_id).first()
    if office is None:
        return 0
    # The deliveries and their tasks commit together: a worker stopped in between leaves neither behind.
    with transaction.atomic():
        digest = digests.collect(office)
        ids = list(digest.deliveries.values_list("pk", flat=True)) if digest is not None else []
        for delivery_id in ids:
            send_delivery.enqueue(delivery_id)
    return len(ids)


@task()
def send_delivery(delivery_id: int) -> str:
    """One try of one delivery; queues the next try for when its back-off ends. Returns the status after."""
    delivery = deliveries.attempt(delivery_id)
    if delivery is None:
        return "skipped"  # sent, failed, not due yet, or being sent by another process
    if delivery.status == Delivery.Status.PENDING:
        send_delivery.using(run_after=delivery.next_attempt_at).enqueue(delivery_id)
    return delivery.status
