"""Writes that touch several models at once, each one transaction.

Saving a meeting with its rows and moving its minutes through their lifecycle raise the meeting's version
and keep a snapshot of it (MeetingRevision), so a save made from an older version is refused with what changed.
Creating a draft from a news post is the news importer's write.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from directives.models import Directive, DirectiveUpdate
from lamphun_portal.lib import thai
from meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingRevision,
    MeetingSubmission,
    MeetingTransition,
    Office,
    Person,
)
from news_import.parser import NewsMeeting
from programs.models import Program

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from .forms import MeetingForm, OrderedInlineFormSet


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


# --- Recording meetings (staff pages) ---------------------------------------------------------------------

LIFECYCLE: dict[str, set[str]] = {
    Meeting.Status.DRAFT: {Meeting.Status.CERTIFIED},
    Meeting.Status.CERTIFIED: {Meeting.Status.PUBLISHED, Meeting.Status.DRAFT},
    Meeting.Status.PUBLISHED: {Meeting.Status.DRAFT},
}


@dataclass(frozen=True)
class Change:
    """One part of a meeting that differs between two versions, in words a person reads."""

    label: str
    before: str | list[str]
    after: str | list[str]

    @property
    def is_list(self) -> bool:
        return isinstance(self.after, list) or isinstance(self.before, list)

    @property
    def removed(self) -> list[str]:
        after = set(self.after)
        return [line for line in self.before if line not in after]

    @property
    def added(self) -> list[str]:
        before = set(self.before)
        return [line for line in self.after if line not in before]


class StaleMeetingError(Exception):
    """The meeting was saved by someone else after this form was opened."""

    def __init__(self, meeting: Meeting, changes: list[Change], revision: MeetingRevision | None) -> None:
        super().__init__(meeting.pk)
        self.meeting = meeting
        self.changes = changes
        self.revision = revision


class AlreadySubmittedError(Exception):
    """This new-meeting form was sent before and made its meeting: sending it again must not make another."""

    def __init__(self, meeting: Meeting | None) -> None:
        super().__init__(meeting.pk if meeting else None)
        self.meeting = meeting  # None when that meeting has since been deleted


def _claim_submission(token: uuid.UUID) -> MeetingSubmission:
    """Record the form's token first, in the meeting's transaction; the unique token refuses a second sending.

    A second sending that passed validation while the first was being saved (another app server) waits
    here for the first to commit and is then refused; if the first failed, the second goes ahead.
    """
    try:
        with transaction.atomic():
            return MeetingSubmission.objects.create(token=token)
    except IntegrityError as error:
        earlier = MeetingSubmission.objects.of_token(token)
        raise AlreadySubmittedError(earlier.meeting if earlier else None) from error


def _person(person: Any) -> str:
    return person.full_name if person else "-"


def meeting_snapshot(meeting: Meeting) -> dict[str, Any]:
    """The meeting as a person would read it, field label → text (or list of lines), for comparing versions."""
    meeting = (
        Meeting.objects.select_related("organizer", "chair", "minute_taker", "minutes_checker")
        .prefetch_related(
            "programs",
            Prefetch("attendances", Attendance.objects.select_related("person", "substitute_for")),
            Prefetch("agenda_items", AgendaItem.objects.select_related("presenter")),
            Prefetch("directives", Directive.objects.select_related("issued_by").prefetch_related("programs")),
        )
        .get(pk=meeting.pk)
    )
    when = f"{thai.be_date_numeric(meeting.starts_at)} {thai.thai_time(meeting.starts_at)}"
    if meeting.ends_at:
        when += f" – {thai.thai_time(meeting.ends_at)}"
    return {
        "สถานะ": meeting.get_status_display(),
        "ชื่อการประชุม": meeting.title,
        "หน่วยงานที่จัดประชุม": meeting.organizer.name,
        "ครั้งที่": meeting.number_label or "-",
        "วันเวลาประชุม": when,
        "สถานที่": meeting.venue,
        "ประธาน": _person(meeting.chair),
        "ผู้จดรายงานการประชุม": _person(meeting.minute_taker),
        "ผู้ตรวจรายงานการประชุม": _person(meeting.minutes_checker),
        "กลุ่มเป้าหมาย": meeting.target_group or "-",
        "จำนวนผู้เข้าประชุม": f"{meeting.attendee_count} คน" if meeting.attendee_count is not None else "-",
        "โครงการ/งานที่เกี่ยวข้อง": ", ".join(p.name for p in meeting.programs.all()) or "-",
        "วัตถุประสงค์": meeting.objective or "-",
        "สรุปการประชุม": meeting.summary or "-",
        "ผู้เข้าประชุม": [
            " · ".join(
                part
                for part in (
                    a.label,
                    f"{a.headcount} คน" if not a.person_id and a.headcount else "",
                    a.get_role_display(),
                    a.get_presence_display(),
                    a.absence_reason,
                )
                if part
            )
            for a in meeting.attendances.all()
        ],
        "ระเบียบวาระ": [
            f"ระเบียบวาระที่ {i.order} {i.heading} · ผู้นำเสนอ {_person(i.presenter)} · {i.discussion} · มติ {i.resolution}"
            for i in meeting.agenda_items.all()
        ],
        "ข้อสั่งการ": [
            " · ".join(
                part
                for part in (
                    d.text,
                    _person(d.issued_by) if d.issued_by_id else "",
                    f"กำหนดแล้วเสร็จ {thai.be_date_numeric(d.due_date)}" if d.due_date else "",
                    d.get_priority_display(),
                )
                if part
            )
            for d in meeting.directives.all()
        ],
    }


def diff_snapshots(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """The parts that differ, in the order of the newer snapshot."""
    return [
        Change(label, before.get(label, [] if isinstance(value, list) else "-"), value)
        for label, value in after.items()
        if before.get(label) != value
    ]


def _record_revision(meeting: Meeting, user: AbstractBaseUser | None) -> MeetingRevision:
    revision, _created = MeetingRevision.objects.update_or_create(
        meeting=meeting,
        version=meeting.version,
        defaults={"snapshot": meeting_snapshot(meeting), "saved_by": user, "saved_at": timezone.now()},
    )
    return revision


def _lock_current(meeting: Meeting, expected_version: int | None) -> Meeting:
    """Lock the stored meeting row; refuse when it moved past the version the form was opened at."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if expected_version is not None and current.version == expected_version:
        # Keep a snapshot of the version being replaced, so a later stale save can be told what changed.
        if not MeetingRevision.objects.filter(meeting=current, version=current.version).exists():
            _record_revision(current, None)
        return current
    seen = MeetingRevision.objects.filter(meeting=current, version=expected_version).first()
    latest = MeetingRevision.objects.filter(meeting=current, version=current.version).select_related("saved_by").first()
    changes = diff_snapshots(seen.snapshot, meeting_snapshot(current)) if seen else []
    raise StaleMeetingError(current, changes, latest)


def _save_rows(formset: OrderedInlineFormSet, meeting: Meeting, **extra: Any) -> list[Any]:
    """Delete the rows marked for removal, then save the others numbered by their place on the page."""
    for form in formset.deleted_forms:
        if form.instance.pk:
            form.instance.delete()
    saved = []
    for order, form in enumerate(formset.live_forms(), start=1):
        row = form.save(commit=False)
        row.meeting = meeting
        row.order = order
        for name, value in extra.items():
            setattr(row, name, value(form) if callable(value) else value)
        row.full_clean(validate_unique=False, validate_constraints=False)
        row.save()
        form.save_m2m()
        saved.append(row)
    return saved


@transaction.atomic
def save_meeting(
    *,
    form: MeetingForm,
    attendance: OrderedInlineFormSet,
    agenda: OrderedInlineFormSet,
    directives: OrderedInlineFormSet,
    user: AbstractBaseUser,
) -> Meeting:
    """Create or update a meeting with its attendance, agenda and directives, all or nothing.

    Raises StaleMeetingError (and stores nothing) when someone saved the meeting after this form was opened,
    and AlreadySubmittedError when the same new-meeting form was saved before.
    """
    meeting = form.instance
    submission = None
    if meeting.pk:
        current = _lock_current(meeting, form.cleaned_data.get("version"))
        meeting.version = current.version + 1
        meeting.status = current.status
    else:
        submission = _claim_submission(form.cleaned_data["submission_token"])
    meeting = form.save(commit=False)
    meeting.full_clean()
    meeting.save()
    form.save_m2m()
    if submission is not None:
        submission.meeting = meeting
        submission.save(update_fields=["meeting"])
    _save_rows(attendance, meeting)
    items = _save_rows(agenda, meeting)

    def agenda_item(row_form: Any) -> AgendaItem | None:
        number = row_form.cleaned_data.get("agenda_number")
        return items[number - 1] if number and number <= len(items) else None

    _save_rows(directives, meeting, agenda_item=agenda_item)
    _record_revision(meeting, user)
    return meeting


@transaction.atomic
def transition_meeting(*, meeting: Meeting, to_status: str, user: AbstractBaseUser) -> MeetingTransition:
    """Move the minutes to another status (certify, publish, reopen) and record who did it and when."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if to_status not in LIFECYCLE[current.status]:
        raise ValidationError(
            f"เปลี่ยนสถานะจาก{current.get_status_display()}เป็น{Meeting.Status(to_status).label}ไม่ได้",
            code="invalid_transition",
        )
    if not MeetingRevision.objects.filter(meeting=current, version=current.version).exists():
        _record_revision(current, None)
    step = MeetingTransition(meeting=current, from_status=current.status, to_status=to_status, by=user)
    step.full_clean()
    step.save()
    current.status = to_status
    # A status change is a change: an edit opened before it must not silently overwrite it.
    current.version += 1
    current.save(update_fields=["status", "version", "updated_at"])
    _record_revision(current, user)
    meeting.status, meeting.version = current.status, current.version
    return step


# --- Directives: progress updates and the carried-forward agenda (issue #4) ----------------------------
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
