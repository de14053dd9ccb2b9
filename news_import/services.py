"""The news importer's write: a draft meeting from what an old news post states."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directives.models import Directive
from meetings.models import Attendance, Meeting, Office, Person
from programs.models import Program

from .parser import NewsMeeting


def news_office(news: NewsMeeting) -> Office | None:
    """The office a post's headline names (`พช.ลำพูน :`, `พช.อ.ลี้ :`), else the portal's own office."""
    if news.office_prefix:
        office = Office.objects.filter(short_name=news.office_prefix).first()
        if office:
            return office
    return Office.objects.filter(name=settings.PORTAL_OFFICE_NAME).first()


def _chair_person(news: NewsMeeting) -> Person | None:
    """The chair as a Person: the one already known by that name, or a new record with the post's position."""
    if not news.chair_first_name:
        return None
    person = Person.objects.filter(first_name=news.chair_first_name, last_name=news.chair_last_name).first()
    if person:
        return person
    person = Person(
        title=news.chair_title,
        first_name=news.chair_first_name,
        last_name=news.chair_last_name,
        position=news.chair_position,
    )
    person.full_clean()
    person.save()
    return person


def missing_for_draft(news: NewsMeeting) -> list[str]:
    """Thai names of the fields a meeting must have that the post does not state."""
    missing = []
    if not news.title:
        missing.append(_("ชื่อการประชุม"))
    if not news.date:
        missing.append(_("วันที่ประชุม"))
    if not news.time:
        missing.append(_("เวลาเริ่มประชุม"))
    if not news.venue:
        missing.append(_("สถานที่"))
    return missing


@transaction.atomic
def create_draft_from_news(*, news: NewsMeeting, organizer: Office) -> Meeting:
    """A draft meeting holding what the post states: the meeting, its chair, groups, programs and directives.

    The caller fills in what the post leaves out (title, date, time, venue) before calling: a meeting
    cannot be saved without them, and the importer never guesses them.
    """
    missing = missing_for_draft(news)
    if missing:
        raise ValidationError(_("ข่าวไม่ระบุ %(fields)s กรุณากรอกก่อนสร้างร่าง") % {"fields": ", ".join(missing)})
    chair = _chair_person(news)
    starts_at = dt.datetime.combine(news.date, news.time, tzinfo=timezone.get_default_timezone())
    meeting = Meeting(
        title=news.title,
        organizer=organizer,
        starts_at=starts_at,
        venue=news.venue,
        chair=chair,
        summary=news.narrative,
        target_group=news.target_group[:500],
        attendee_count=news.attendee_count,
        status=Meeting.Status.DRAFT,
    )
    meeting.full_clean()
    meeting.save()
    meeting.programs.set(Program.objects.filter(code__in=news.programs))
    rows = []
    if chair:
        rows.append(Attendance(meeting=meeting, person=chair, role=Attendance.Role.CHAIR))
    rows += [Attendance(meeting=meeting, group_name=group[:300]) for group in news.attendee_groups]
    for order, row in enumerate(rows, start=1):
        row.order = order
        row.full_clean()
        row.save()
    for order, text in enumerate(news.directives, start=1):
        directive = Directive(meeting=meeting, order=order, text=text, issued_by=chair)
        directive.full_clean()
        directive.save()
    return meeting
