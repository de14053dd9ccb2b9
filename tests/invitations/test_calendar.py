"""The private calendar: a person's own address lists the meetings they may read, scheduled ones they are
invited to or organise included; the public feed only what is published; a wrong or renewed token finds nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from invitations.models import CalendarFeed
from meetings.demo import data
from meetings.models import Meeting, Office
from tests.conftest import Personas
from tests.invitations.helpers import TITLE, schedule

pytestmark = pytest.mark.django_db


def _soon() -> dict[str, str]:
    """A date ten days from today, as the schedule form takes it (Buddhist era)."""
    day = timezone.localdate() + dt.timedelta(days=10)
    return {"starts_on": f"{day.day:02d}/{day.month:02d}/{day.year + 543}"}


def _summaries(content: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(content)
    return {str(event.get("summary")): event for event in calendar.walk("VEVENT")}


def _feed_of(client: object) -> str:
    """Create the person's private address from the profile page, as they would, and read it back there."""
    client.post(reverse("invitations:feed_renew"))
    page = client.get(reverse("accounts:profile")).content.decode()
    start = page.index("http://testserver/meetings/invitations/calendar/")
    return page[start : page.index('"', start)].removeprefix("http://testserver")


def test_an_invited_persons_private_feed_holds_the_scheduled_meeting_and_the_public_feed_does_not(
    personas: Personas,
) -> None:
    meeting = schedule(personas.client_for(personas.staff), offices=[_office("แม่ทา").pk], **_soon())
    anonymous = personas.client_for(None)

    invited_feed = _feed_of(personas.client_for(personas.district_staff))
    response = anonymous.get(invited_feed)  # a calendar app: no login, the token is the key
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    event = _summaries(response.content)[TITLE]
    assert event.decoded("dtstart") == timezone.localtime(meeting.starts_at)
    assert str(event.get("location")) == meeting.venue
    assert str(event.get("url")).endswith(reverse("invitations:meeting", args=[meeting.pk]))
    assert "นัดประชุม" in str(event.get("description"))

    organiser = anonymous.get(_feed_of(personas.client_for(personas.staff)))
    assert TITLE in _summaries(organiser.content)
    not_invited = anonymous.get(_feed_of(personas.client_for(personas.other_staff)))  # ลี้, not invited
    assert TITLE not in _summaries(not_invited.content)

    public = anonymous.get(reverse("news:ical"))
    assert public.status_code == 200 and TITLE not in _summaries(public.content)


def test_a_wrong_or_renewed_token_finds_nothing(personas: Personas) -> None:
    client = personas.client_for(personas.district_staff)
    old = _feed_of(client)
    anonymous = personas.client_for(None)
    assert anonymous.get(old).status_code == 200
    assert anonymous.get(reverse("invitations:feed", args=["not-the-secret"])).status_code == 404
    new = _feed_of(client)  # renewed
    assert new != old
    assert anonymous.get(old).status_code == 404 and anonymous.get(new).status_code == 200
    assert len(CalendarFeed.objects.get(user=personas.district_staff).token) >= 40
    # A person whose account is closed: the address stops working too.
    personas.district_staff.is_active = False
    personas.district_staff.save(update_fields=["is_active"])
    assert anonymous.get(new).status_code == 404


def test_the_held_meeting_leaves_the_invitees_feed_until_it_is_published(personas: Personas) -> None:
    staff = personas.client_for(personas.staff)
    meeting = schedule(staff, offices=[_office("แม่ทา").pk], **_soon())
    feed = _feed_of(personas.client_for(personas.district_staff))
    anonymous = personas.client_for(None)
    assert TITLE in _summaries(anonymous.get(feed).content)
    staff.post(reverse("meetings:transition", args=[meeting.pk]), {"to_status": "draft"})
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.DRAFT
    assert TITLE not in _summaries(anonymous.get(feed).content)


def _office(district: str) -> Office:
    return Office.objects.get(name=data.district_office(district))
