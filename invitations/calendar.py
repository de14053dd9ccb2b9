"""A person's private calendar (iCalendar, RFC 5545): the meetings they may read, from a while back on."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from lamphun_portal import policy
from meetings.models import Meeting

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

# How far back the private calendar goes: a calendar app keeps what it saw, the feed need not repeat years.
LOOKBACK = dt.timedelta(days=180)


def private_calendar(request: HttpRequest, user: AbstractBaseUser) -> bytes:
    """The person's calendar: every meeting the policy lets them read (scheduled ones they organise or are
    invited to included), from LOOKBACK ago on."""
    since = timezone.now() - LOOKBACK
    meetings = policy.readable_meetings(user).filter(starts_at__gte=since).select_related("organizer")
    calendar = Calendar()
    calendar.add("prodid", "-//Lamphun Community Development Office//Meeting portal//TH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "การประชุมของฉัน")
    calendar.add("x-wr-timezone", "Asia/Bangkok")
    for meeting in meetings.order_by("starts_at"):
        calendar.add_component(_event(request, meeting))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(request: HttpRequest, meeting: Meeting) -> Event:
    event = Event()
    # The public feed's UID too: a calendar subscribed to both shows a meeting once.
    event.add("uid", f"meeting-{meeting.pk}@{request.get_host()}")
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at or meeting.starts_at + dt.timedelta(hours=3)))
    event.add("summary", meeting.title)
    event.add("location", meeting.venue)
    scheduled = meeting.status == Meeting.Status.SCHEDULED
    target = reverse("invitations:meeting" if scheduled else "meetings:detail", args=[meeting.pk])
    event.add("url", request.build_absolute_uri(target))
    event.add("description", f"{meeting.organizer.name} · สถานะ: {meeting.get_status_display()}")
    return event
