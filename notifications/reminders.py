"""The reminders a day brings: which open directives are due soon, due today or overdue.

Each reminder's key names the directive, its due date and the period it belongs to, so recording the day's
reminders again (send_reminders run twice, or by two machines) records nothing new, and a changed due date
starts its reminders afresh:
- due in 7 days: once, the first day the directive is within 7 days of its due date;
- due today: once, on the due date;
- overdue: the first day it is overdue (or the first run after), then once in every further 7 days while it
  stays open.
"""

from __future__ import annotations

from datetime import date, timedelta

from directives.services import offices_concerned
from lamphun_portal import policy

from . import services
from .models import Event, EventKind

DUE_SOON_DAYS = 7
OVERDUE_EVERY_DAYS = 7


def record_due_reminders(today: date) -> list[Event]:
    """Record today's reminders for the responsible offices of open directives; returns those recorded now."""
    directives = (
        policy.followed_up_directives()
        .open()
        .filter(due_date__isnull=False, due_date__lte=today + timedelta(days=DUE_SOON_DAYS))
        .select_related("liaison_office")
        .prefetch_related("responsible_offices")
        .order_by("due_date", "pk")
    )
    recorded = []
    for directive in directives:
        kind, key = reminder(directive.pk, directive.due_date, today)
        for office in offices_concerned(directive):
            event, created = services.record_event(kind=kind, office=office, directive=directive, key=key)
            if created:
                recorded.append(event)
    return recorded


def reminder(directive_id: int, due: date, today: date) -> tuple[str, str]:
    """The kind of today's reminder about a directive due on `due`, and its key."""
    days_left = (due - today).days
    if days_left > 0:
        return EventKind.DUE_SOON, f"due_soon:{directive_id}:{due.isoformat()}"
    if days_left == 0:
        return EventKind.DUE_TODAY, f"due_today:{directive_id}:{due.isoformat()}"
    period = (-days_left - 1) // OVERDUE_EVERY_DAYS
    return EventKind.OVERDUE, f"overdue:{directive_id}:{due.isoformat()}:{period}"
