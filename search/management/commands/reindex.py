"""Rebuild the Thai search index of every meeting and directive (search/index.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from directives.models import Directive
from meetings.models import Meeting
from search import engine, index
from search.models import SearchDocument

BATCH = 1000


class Command(BaseCommand):
    help = "สร้างดัชนีค้นหาภาษาไทยของการประชุมและข้อสั่งการใหม่ทั้งหมด"

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            engine.clear()
            meetings = self._batches(Meeting.objects.order_by("pk").values_list("pk", flat=True), index.index_meetings)
            directives = self._batches(
                Directive.objects.order_by("pk").values_list("pk", flat=True), index.index_directives
            )
        self.stdout.write(
            f"จัดทำดัชนีแล้ว: การประชุม {meetings:,} รายการ ข้อสั่งการ {directives:,} รายการ "
            f"({SearchDocument.objects.count():,} เอกสาร)"
        )

    def _batches(self, ids: Any, index: Callable[[list[int]], None]) -> int:
        done = 0
        batch: list[int] = []
        for pk in ids.iterator(chunk_size=BATCH):
            batch.append(pk)
            if len(batch) == BATCH:
                index(batch)
                done += len(batch)
                batch = []
        if batch:
            index(batch)
            done += len(batch)
        return done
