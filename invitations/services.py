"""Writes of the time before a meeting, each one transaction: scheduling it with its invitees, agenda and letter;
adding documents; sending the letter; an office's answer; and, once the meeting is held, the attendance list
started from the answers.

Services take plain values, never forms (invitations/forms.py validates, invitations/views.py hands over).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lamphun_portal.lib.thai import person_titles
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person
from meetings.services import Row, save_meeting
from notifications.models import Event, EventKind
from notifications.services import notify_office

from .models import (
    CalendarFeed,
    Invitation,
    InvitationAttendee,
    InvitationLetter,
    InvitedPerson,
    MeetingDocument,
    new_feed_token,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


@dataclass
class LetterValues:
    """What the letter says beyond the meeting itself."""

    number: str
    dated: dt.date
    subject: str
    salutation: str
    body: str
    signer: Person | None
    contact: str


@transaction.atomic
def schedule_meeting(
    *,
    meeting: Meeting,
    agenda: list[str],
    offices: list[Office],
    people: list[Person],
    letter: LetterValues,
    submission_token: uuid.UUID | None,
    user: AbstractBaseUser,
) -> Meeting:
    """Create a meeting called ahead (นัดประชุม) with its draft agenda, its invitees and its letter, all or nothing.

    The meeting is saved by meetings.services.save_meeting (its checks, its history, the refusal of a form sent
    twice); raises what it raises.
    """
    meeting.status = Meeting.Status.SCHEDULED
    rows = [Row(AgendaItem(heading=heading)) for heading in agenda]
    save_meeting(
        meeting=meeting,
        programs=[],
        attendance=[],
        agenda=rows,
        directives=[],
        removed=[],
        expected_version=None,
        submission_token=submission_token,
        user=user,
    )
    Invitation.objects.bulk_create([Invitation(meeting=meeting, office=office) for office in offices])
    InvitedPerson.objects.bulk_create([InvitedPerson(meeting=meeting, person=person) for person in people])
    record = InvitationLetter(meeting=meeting, **letter.__dict__)
    record.full_clean()
    record.save()
    return meeting


@transaction.atomic
def invite_more(*, meeting: Meeting, offices: list[Office], people: list[Person]) -> int:
    """Invite offices and people not invited yet (the letter reaches new offices on the next "send").
    Returns how many were added."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.status != Meeting.Status.SCHEDULED:
        raise ValidationError("การประชุมนี้ไม่ได้อยู่ในสถานะนัดประชุมแล้ว เชิญเพิ่มไม่ได้", code="not_scheduled")
    invited_offices = set(current.invitations.values_list("office_id", flat=True))
    invited_people = set(current.invited_people.values_list("person_id", flat=True))
    new_offices = [office for office in offices if office.pk not in invited_offices]
    new_people = [person for person in people if person.pk not in invited_people]
    Invitation.objects.bulk_create([Invitation(meeting=current, office=office) for office in new_offices])
    InvitedPerson.objects.bulk_create([InvitedPerson(meeting=current, person=person) for person in new_people])
    return len(new_offices) + len(new_people)


@transaction.atomic
def add_document(*, meeting: Meeting, upload: Any, user: AbstractBaseUser) -> MeetingDocument:
    """Keep a document sent with the invitation (checked again here: size and content, lib/uploads.py)."""
    name = str(upload.name).rsplit("/", 1)[-1][:255]
    document = MeetingDocument(meeting=meeting, file=upload, name=name, size=upload.size, uploaded_by=user)
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def send_invitations(*, meeting: Meeting, user: AbstractBaseUser) -> int:
    """Tell each invited office (in the portal now, by e-mail and LINE a few minutes later) that it is invited.

    An office is told once however often the button is pressed (notifications' unique event key); an office
    added later is told on the next press. Returns how many offices were told now.
    """
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.status != Meeting.Status.SCHEDULED:
        raise ValidationError("การประชุมนี้ไม่ได้อยู่ในสถานะนัดประชุมแล้ว ส่งหนังสือเชิญไม่ได้", code="not_scheduled")
    invitations = list(current.invitations.select_related("office"))
    if not invitations:
        raise ValidationError("ยังไม่ได้เชิญหน่วยงานใด กรุณาเพิ่มหน่วยงานที่เชิญก่อนส่งหนังสือเชิญ", code="no_invitees")
    key = f"invited:{current.pk}"
    told_before = set(Event.objects.filter(key=key).values_list("office_id", flat=True))
    for invitation in invitations:
        notify_office(kind=EventKind.INVITED, office=invitation.office, meeting=current, actor=user, key=key)
    told = len({invitation.office_id for invitation in invitations} - told_before)
    letter, _ = InvitationLetter.objects.get_or_create(
        meeting=current, defaults={"subject": f"ขอเชิญเข้าร่วม{current.title}"[:300], "salutation": "ผู้ที่เกี่ยวข้อง"}
    )
    if letter.sent_at is None:
        letter.sent_at, letter.sent_by = timezone.now(), user
        letter.save(update_fields=["sent_at", "sent_by"])
    return told


@dataclass
class Attendee:
    name: str
    position: str


@transaction.atomic
def answer_invitation(
    *, invitation: Invitation, attend: bool, attendees: list[Attendee], note: str, user: AbstractBaseUser
) -> Invitation:
    """An invited office's answer: who will come, or that it will not. A later answer replaces an earlier one."""
    current = Invitation.objects.select_for_update().select_related("meeting").get(pk=invitation.pk)
    if current.meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError("การประชุมนี้ผ่านไปแล้ว ตอบรับไม่ได้", code="not_scheduled")
    if attend and not attendees:
        raise ValidationError("กรุณาระบุชื่อผู้ที่จะเข้าประชุมอย่างน้อยหนึ่งคน", code="no_attendees")
    current.attendees.all().delete()
    if attend:
        InvitationAttendee.objects.bulk_create(
            [
                InvitationAttendee(invitation=current, order=order, name=row.name, position=row.position)
                for order, row in enumerate(attendees, start=1)
            ]
        )
    current.answer = Invitation.Answer.ATTEND if attend else Invitation.Answer.DECLINE
    current.note, current.answered_at, current.answered_by = note, timezone.now(), user
    current.full_clean()
    current.save()
    return current


def _split_name(typed: str) -> tuple[str, str, str] | None:
    """(title, first name, surname) of a name typed with its title (นางสาวกานดา ใจงาม), else None."""
    typed = " ".join(typed.split())
    for title in person_titles():  # longest first: นางสาว before นาง
        if typed.startswith(title):
            first, _, last = typed[len(title) :].strip().partition(" ")
            return (title, first, last.strip()) if first else None
    return None


def _attending_person(typed: str, position: str, office: Office) -> Person | None:
    """The person an office named: the one already listed under that name (of that office, among namesakes),
    or a new entry of the office with the position typed. None when the name has no title to go by."""
    parts = _split_name(typed)
    if parts is None:
        return None
    title, first, last = parts
    namesakes = list(Person.objects.filter(first_name=first, last_name=last))
    if len(namesakes) > 1:
        namesakes = [person for person in namesakes if person.office_id == office.pk]
    if len(namesakes) == 1:
        return namesakes[0]
    if namesakes:
        return None
    person = Person(title=title, first_name=first, last_name=last, position=position[:200], office=office)
    person.full_clean()
    person.save()
    return person


def attendance_from_answers(meeting: Meeting) -> list[Attendance]:
    """The attendance rows the answers give: the chair, each person an office said will come (a listed person,
    added to the list with the office and position typed when new), then the offices that will not come, with
    their reason; the people invited by name last. A name typed without a title stays as typed."""
    rows: list[Attendance] = []
    if meeting.chair_id:
        rows.append(Attendance(person=meeting.chair, role=Attendance.Role.CHAIR))
    chosen = {meeting.chair_id}
    invitations = meeting.invitations.select_related("office").prefetch_related("attendees")
    for invitation in invitations:
        if invitation.answer != Invitation.Answer.ATTEND:
            continue
        for attendee in invitation.attendees.all():
            person = _attending_person(attendee.name, attendee.position, invitation.office)
            if person is None:
                rows.append(Attendance(group_name=f"{attendee.name} {attendee.position}".strip()[:300]))
            elif person.pk not in chosen:
                chosen.add(person.pk)
                rows.append(Attendance(person=person))
    for invitation in invitations:
        if invitation.answer == Invitation.Answer.DECLINE:
            reason = invitation.note or "แจ้งไม่เข้าร่วมประชุม"
            rows.append(
                Attendance(
                    group_name=invitation.office.name,
                    presence=Attendance.Presence.ABSENT,
                    absence_reason=reason[:300],
                )
            )
    for invited in meeting.invited_people.select_related("person"):
        if invited.person_id not in chosen:
            chosen.add(invited.person_id)
            rows.append(Attendance(person=invited.person))
    return rows


def start_attendance(meeting: Meeting) -> int:
    """Fill the attendance list of a meeting just held from the answers, unless someone has started it already.
    Returns how many rows were added."""
    if meeting.attendances.exists():
        return 0
    rows = attendance_from_answers(meeting)
    for order, row in enumerate(rows, start=1):
        row.meeting, row.order = meeting, order
        row.full_clean()
        row.save()
    return len(rows)


def start_attendance_on_holding(*, meeting: Meeting, from_status: str, to_status: str, **kwargs: Any) -> None:
    """meetings.signals.meeting_moved: the scheduled meeting was held; its minutes start from the answers."""
    if from_status == Meeting.Status.SCHEDULED and to_status == Meeting.Status.DRAFT:
        start_attendance(meeting)


@transaction.atomic
def renew_feed(*, user: AbstractBaseUser) -> CalendarFeed:
    """A new secret for the person's calendar address: the old address stops working at once."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    if not created:
        feed.token, feed.created_at = new_feed_token(), timezone.now()
        feed.save(update_fields=["token", "created_at"])
    return feed
