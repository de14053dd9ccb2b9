"""Writes about directives: progress reports, and the open directives carried into an office's next meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from meetings.models import Office

from .models import Directive, DirectiveUpdate

CARRIED_FORWARD_HEADING = "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว"


@transaction.atomic
def add_directive_update(
    *, directive: Directive, office: Office, author: object, note: str, new_status: str
) -> DirectiveUpdate:
    """Record a progress report and move the directive to the reported status."""
    update = DirectiveUpdate(directive=directive, office=office, author=author, note=note, new_status=new_status)
    update.full_clean()
    update.save()
    directive.status = new_status
    directive.full_clean()
    directive.save(update_fields=["status", "updated_at"])
    return update


@dataclass
class CarriedForward:
    """An open directive from an earlier meeting, with its latest progress report (if any)."""

    directive: Directive
    latest_update: DirectiveUpdate | None

    @property
    def latest_status_label(self) -> str:
        if self.latest_update:
            return self.latest_update.get_new_status_display()
        return self.directive.get_status_display()


def carried_forward_directives(
    *, office: Office, directives: QuerySet[Directive], before: dt.datetime | None = None
) -> list[CarriedForward]:
    """Directives of the office's earlier meetings that are still open, oldest meeting first.

    For a new meeting's agenda item เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว: the meeting form offers these
    with their latest status. `directives` are those the reader may see (lamphun_portal/policy.py);
    `before` is the new meeting's start (default: now).
    """
    before = before or timezone.now()
    directives = list(
        directives.open()
        .filter(meeting__organizer=office, meeting__starts_at__lt=before)
        .select_related("meeting", "issued_by")
        .prefetch_related(
            Prefetch("updates", DirectiveUpdate.objects.select_related("office").order_by("-reported_on", "-pk"))
        )
        .order_by("meeting__starts_at", "order", "pk")
    )
    return [CarriedForward(directive=d, latest_update=next(iter(d.updates.all()), None)) for d in directives]
