"""python manage.py send_reminders: today's deadline reminders, sent; run daily by a timer (DEPLOY.md).

Records the reminders due today (Asia/Bangkok) for open directives, makes one message per office of them and
of any other event still waiting, and sends every message not yet sent, trying again with back-off, until
each is delivered or has failed. Run again the same day, it records and sends nothing new.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from notifications import deliveries, digests, reminders
from notifications.models import Delivery


class Command(BaseCommand):
    help = "ส่งการแจ้งเตือนข้อสั่งการที่ใกล้ครบกำหนด ครบกำหนดวันนี้ และเกินกำหนด ทางอีเมลและ LINE (วันละครั้ง)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--retry-seconds",
            type=float,
            default=None,
            help="seconds before the first retry of a failed delivery, doubling each time "
            "(default: PORTAL_NOTIFY_RETRY_SECONDS)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        recorded = reminders.record_due_reminders(today)
        made = digests.collect_all()
        unfinished = list(Delivery.objects.unfinished().values_list("pk", flat=True))
        deliveries.deliver_until_done(unfinished, retry_seconds=options["retry_seconds"])
        done = Delivery.objects.filter(pk__in=unfinished)
        sent = done.filter(status=Delivery.Status.SENT).count()
        failed = done.filter(status=Delivery.Status.FAILED).count()
        self.stdout.write(
            f"วันที่ {today.isoformat()}: การแจ้งเตือนใหม่ {len(recorded)} รายการ ข้อความ {len(made)} ฉบับ "
            f"ส่งสำเร็จ {sent} ส่งไม่สำเร็จ {failed}"
        )
