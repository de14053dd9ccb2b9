"""Writes that touch several models at once, each one transaction: saving a meeting with its attendance,
agenda and directives, and moving its minutes through their lifecycle.

Services take plain values (model instances not yet saved, lists of rows), never forms: meetings/forms.py
validates, meetings/views.py hands over what the forms cleaned.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from directives.services import CarriedRow, announce, carry_forward

from .models import Meeting, MeetingRevision, MeetingSubmission, MeetingTransition
from .revisions import StaleMeetingError, lock_current, record_revision
from .signals import meeting_moved

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

__all__ = ["AlreadySubmittedError", "Row", "StaleMeetingError", "save_meeting", "transition_meeting"]


# The steps the minutes may take. Draft minutes are certified only after their checker approved them (minutes/
# services.py makes each step with who may make it: the named checker, the next meeting or the members, the
# three signatures before publishing); only going back to draft is a plain status change (an admin's reopening).
LIFECYCLE: dict[str, set[str]] = {
    Meeting.Status.SCHEDULED: {Meeting.Status.DRAFT},
    Meeting.Status.DRAFT: {Meeting.Status.CHECKED},
    Meeting.Status.CHECKED: {Meeting.Status.CERTIFIED, Meeting.Status.DRAFT},
    Meeting.Status.CERTIFIED: {Meeting.Status.PUBLISHED, Meeting.Status.DRAFT},
    Meeting.Status.PUBLISHED: {Meeting.Status.DRAFT},
}


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


@dataclass
class Row:
    """One row of a meeting's attendance, agenda or directives as the recorder left it: the model instance with
    its fields set but not saved, its many-to-many values, and (directives) the agenda item it belongs to."""

    instance: models.Model
    many: dict[str, list[Any]] = field(default_factory=dict)
    agenda_number: int | None = None


def _save_rows(rows: list[Row], removed: list[models.Model], meeting: Meeting) -> list[models.Model]:
    """Delete the rows removed on the page, then save the others numbered by their place on it."""
    for row in removed:
        if row.pk:
            row.delete()
    saved = []
    for order, row in enumerate(rows, start=1):
        instance = row.instance
        instance.meeting = meeting
        instance.order = order
        instance.full_clean(validate_unique=False, validate_constraints=False)
        instance.save()
        for name, values in row.many.items():
            getattr(instance, name).set(values)
        saved.append(instance)
    return saved


@transaction.atomic
def save_meeting(
    *,
    meeting: Meeting,
    programs: list[Any],
    attendance: list[Row],
    agenda: list[Row],
    directives: list[Row],
    removed: list[models.Model],
    carried: list[CarriedRow] | None = None,
    expected_version: int | None,
    submission_token: uuid.UUID | None,
    user: AbstractBaseUser,
) -> Meeting:
    """Create or update a meeting with its attendance, agenda and directives, all or nothing.

    `meeting` carries the fields the recorder typed (not yet saved); `removed` the rows taken off the page;
    `carried` the open directives of earlier meetings the recorder took up again (None: leave them as they are).
    Raises StaleMeetingError (and stores nothing) when someone saved the meeting after `expected_version`,
    and AlreadySubmittedError when the new-meeting form with `submission_token` was saved before.
    """
    submission = None
    if meeting.pk:
        current = lock_current(meeting, expected_version)
        meeting.version = current.version + 1
        meeting.status = current.status
    else:
        submission = _claim_submission(submission_token)
    meeting.full_clean()
    meeting.save()
    meeting.programs.set(programs)
    if submission is not None:
        submission.meeting = meeting
        submission.save(update_fields=["meeting"])
    _save_rows(attendance, [row for row in removed if row._meta.model_name == "attendance"], meeting)
    items = _save_rows(agenda, [row for row in removed if row._meta.model_name == "agendaitem"], meeting)
    for row in directives:
        number = row.agenda_number
        row.instance.agenda_item = items[number - 1] if number and number <= len(items) else None
    _save_rows(directives, [row for row in removed if row._meta.model_name == "directive"], meeting)
    if carried is not None:
        carry_forward(meeting=meeting, items=list(items), carried=carried, author=user)
    # Directives added to minutes already past the draft (an admin's edit) reach their offices too.
    if meeting.is_certified:
        directives_now = meeting.directives.select_related("meeting", "liaison_office")
        announce(list(directives_now.prefetch_related("responsible_offices")), actor=user)
    record_revision(meeting, user)
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
        record_revision(current, None)
    from_status = current.status
    step = MeetingTransition(meeting=current, from_status=from_status, to_status=to_status, by=user)
    step.full_clean()
    step.save()
    current.status = to_status
    # A status change is a change: an edit opened before it must not silently overwrite it.
    current.version += 1
    current.save(update_fields=["status", "version", "updated_at"])
    record_revision(current, user)
    meeting.status, meeting.version = current.status, current.version
    # Other areas take their part in the same transaction (invitations/: a held meeting's attendance list).
    meeting_moved.send(sender=Meeting, meeting=current, from_status=from_status, to_status=to_status, user=user)
    # Out of the draft, the directives are given: each office concerned is told (once, however often).
    announce(
        list(current.directives.select_related("meeting", "liaison_office").prefetch_related("responsible_offices")),
        actor=user,
    )
    return step
