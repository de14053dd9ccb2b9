"""Telling an office: record an event once, give each of its people a copy, and queue the message.

The pages of the follow-up (assigning a directive, asking for a report, sending a result back, accepting it)
call `notify_office`; `manage.py send_reminders` records the day's reminders through `record_event` and sends
them itself.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from directives.models import Directive
from meetings.models import Meeting, Office

from .models import Event, EventKind, Notification

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, User


def notify_office(
    *,
    kind: str,
    office: Office,
    directive: Directive | None = None,
    meeting: Meeting | None = None,
    actor: AbstractBaseUser | None = None,
    note: str = "",
    key: str | None = None,
) -> Event:
    """Tell the people of `office` that `kind` (an EventKind) happened to `directive`: in the portal at once,
    by e-mail and LINE a few minutes later (notifications/digests.py says why it waits).

    `key` says what makes two calls the same event. It defaults to the kind and the directive, which is right
    for "assigned"; events that can happen again pass their own, e.g. ``f"sent_back:{update.pk}"``. Raising an
    event again for the same office records nothing and sends nothing: the database's unique constraint on
    (office, key) decides, not a look before the insert, so two requests at once cannot both send it.

    Call it inside the transaction of the change it reports: its message is queued in the same database and
    goes out only if that change commits. Returns the event (the one recorded before, when it was).
    """
    with transaction.atomic():
        event, created = record_event(
            kind=kind, office=office, directive=directive, meeting=meeting, actor=actor, note=note, key=key
        )
        if created:
            from . import tasks

            hold = timedelta(minutes=settings.PORTAL_NOTIFY_HOLD_MINUTES)
            tasks.deliver_office_events.using(run_after=event.created_at + hold).enqueue(office.pk)
    return event


def record_event(
    *,
    kind: str,
    office: Office,
    directive: Directive | None = None,
    meeting: Meeting | None = None,
    actor: AbstractBaseUser | None = None,
    note: str = "",
    key: str | None = None,
) -> tuple[Event, bool]:
    """The event for (office, key), recorded now with a notification for each of the office's people unless it
    was recorded before; and whether it was recorded now. Queues nothing (see notify_office)."""
    if kind not in EventKind.values:
        raise ValueError(f"unknown notification event {kind!r}")
    key = key or default_key(kind, directive)
    try:
        with transaction.atomic():
            event = Event.objects.create(
                kind=kind,
                office=office,
                directive=directive,
                meeting=meeting,
                actor=actor,
                note=note,
                key=key,
                created_at=timezone.now(),
            )
    except IntegrityError:
        return Event.objects.get(office=office, key=key), False
    people = office_people(office).values_list("pk", flat=True)
    Notification.objects.bulk_create([Notification(recipient_id=pk, event=event) for pk in people])
    return event, True


def default_key(kind: str, directive: Directive | None) -> str:
    return f"{kind}:{directive.pk if directive is not None else '-'}"


def office_people(office: Office) -> QuerySet[User]:
    """The active accounts of the people who work at `office` (their Person record names it)."""
    return get_user_model().objects.filter(person__office=office, is_active=True)


def email_recipients(office: Office) -> list[str]:
    """Where an office's e-mail goes: its people's own addresses (unless they turned e-mail off on their
    profile page; no profile yet means the default, on) and the office's notification address when set."""
    people = office_people(office).exclude(profile__email_notifications=False).exclude(email="")
    addresses = list(people.values_list("email", flat=True))
    office_address = office_channel(office, "email")
    if office_address:
        addresses.append(office_address)
    unique: dict[str, str] = {}
    for address in addresses:
        unique.setdefault(address.strip().lower(), address.strip())
    return sorted(unique.values(), key=str.lower)


def office_channel(office: Office, field: str) -> str:
    """The office's notification e-mail or LINE group id set by admins ("" when not set)."""
    from .models import OfficeChannels

    return OfficeChannels.objects.filter(office=office).values_list(field, flat=True).first() or ""


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def mark_all_read(notifications: QuerySet[Notification]) -> int:
    """Mark the given (a person's own) notifications read; returns how many were unread."""
    return notifications.unread().update(read_at=timezone.now())
