"""Writes about directives: the follow-up trail (an office's progress report, an official's request for a
report, further instruction, acceptance or sending back) and the directives carried into an office's next
meeting. Each is one transaction; every step lands in the trail with who and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lamphun_portal.lib import thai
from meetings.models import AgendaItem, Meeting, Office
from notifications.models import EventKind
from notifications.services import notify_office

from .models import Attachment, CarriedDirective, Directive, DirectiveUpdate

CARRIED_FORWARD_HEADING = "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว"


def offices_concerned(directive: Directive) -> list[Office]:
    """The offices that act on a directive and are told about it: its responsible offices of the department,
    and for outside agencies (who have no account) the liaison office that reports for them."""
    responsible = list(directive.responsible_offices.all())
    offices = [office for office in responsible if office.kind != Office.Kind.PARTNER]
    if any(office.kind == Office.Kind.PARTNER for office in responsible):
        liaison = directive.liaison_office or Office.objects.filter(name=settings.PORTAL_OFFICE_NAME).first()
        if liaison is not None and liaison not in offices:
            offices.append(liaison)
    return offices


def announce(directives: list[Directive], *, actor: Any = None) -> None:
    """Tell each office concerned that a directive is now theirs: once per directive and office, however often
    the minutes are saved or certified (notifications' unique event key). Only minutes past the draft are
    announced: a draft's directives are not given yet."""
    for directive in directives:
        if not directive.meeting.is_certified or not directive.is_unfinished:
            continue
        for office in offices_concerned(directive):
            notify_office(kind=EventKind.ASSIGNED, office=office, directive=directive, actor=actor)


def _locked(directive: Directive) -> Directive:
    """The directive's row, locked until the transaction ends: two officials reviewing at once see each other."""
    return Directive.objects.select_for_update().get(pk=directive.pk)


def _step(directive: Directive, **fields: Any) -> DirectiveUpdate:
    update = DirectiveUpdate(directive=directive, **fields)
    update.full_clean()
    update.save()
    return update


def _move(directive: Directive, status: str) -> None:
    directive.status = status
    directive.full_clean()
    directive.save(update_fields=["status", "updated_at"])


@transaction.atomic
def report_progress(
    *,
    directive: Directive,
    office: Office,
    on_behalf_of: Office | None,
    author: Any,
    note: str,
    new_status: str,
    files: list[Any],
) -> DirectiveUpdate:
    """An office reports what it has done, with files; a reported completion waits for an official (รอตรวจรับ)."""
    current = _locked(directive)
    if not current.is_unfinished:
        raise ValidationError(_("ข้อสั่งการนี้%(status)sแล้ว ไม่ต้องรายงานเพิ่ม") % {"status": current.get_status_display()})
    update = _step(
        current,
        kind=DirectiveUpdate.Kind.REPORT,
        office=office,
        on_behalf_of=on_behalf_of,
        author=author,
        note=note,
        new_status=new_status,
    )
    for upload in files:
        attachment = Attachment(update=update, file=upload, name=upload.name[:255], size=upload.size)
        attachment.full_clean()
        attachment.save()
    _move(current, new_status)
    directive.status = current.status
    return update


@transaction.atomic
def request_report(
    *, directive: Directive, office: Office, author: Any, note: str, report_due: dt.date
) -> DirectiveUpdate:
    """An official asks an office to report on the directive by a date (ขอรายงาน); the office is told."""
    current = _locked(directive)
    update = _step(
        current, kind=DirectiveUpdate.Kind.REQUEST, office=office, author=author, note=note, report_due=report_due
    )
    due = thai.be_date(report_due)
    notify_office(
        kind=EventKind.REPORT_REQUESTED,
        office=office,
        directive=current,
        actor=author,
        note=_("ขอให้รายงานภายในวันที่ %(due)s: %(note)s") % {"due": due, "note": note},
        key=f"request:{update.pk}",
    )
    return update


@transaction.atomic
def give_instruction(*, directive: Directive, office: Office, author: Any, note: str) -> DirectiveUpdate:
    """A further instruction on the directive (สั่งการเพิ่มเติม), from the official's office."""
    current = _locked(directive)
    return _step(current, kind=DirectiveUpdate.Kind.INSTRUCTION, office=office, author=author, note=note)


def reporting_office(directive: Directive) -> Office:
    """The office whose reported completion is being reviewed: the last one to report it done."""
    report = (
        directive.updates.filter(kind=DirectiveUpdate.Kind.REPORT, new_status=Directive.Status.REPORTED)
        .select_related("office")
        .order_by("-reported_on", "-pk")
        .first()
    )
    return report.office if report else directive.meeting.organizer


@transaction.atomic
def review_result(*, directive: Directive, author: Any, accept: bool, note: str) -> DirectiveUpdate:
    """An official accepts the reported completion (ตรวจรับ: the directive is done) or sends it back with the
    reason (the office goes on with it)."""
    current = _locked(directive)
    if current.status != Directive.Status.REPORTED:
        raise ValidationError(_("ผลการดำเนินงานนี้มีผู้ตรวจแล้ว หรือยังไม่ได้รายงานว่าดำเนินการแล้ว"))
    kind = DirectiveUpdate.Kind.ACCEPT if accept else DirectiveUpdate.Kind.SEND_BACK
    status = Directive.Status.DONE if accept else Directive.Status.IN_PROGRESS
    office = reporting_office(current)
    update = _step(current, kind=kind, office=office, author=author, note=note, new_status=status)
    _move(current, status)
    directive.status = current.status
    event = EventKind.ACCEPTED if accept else EventKind.SENT_BACK
    notify_office(kind=event, office=office, directive=current, actor=author, note=note, key=f"{event}:{update.pk}")
    return update


# --- Carried into the next meeting -------------------------------------------------------------------------
@dataclass
class CarriedForward:
    """A directive of an office's earlier meeting not yet done, with its latest progress report (if any)."""

    directive: Directive
    latest_update: DirectiveUpdate | None

    @property
    def latest_status_label(self) -> str:
        return self.directive.get_status_display()


def carried_forward_directives(
    *, office: Office, directives: QuerySet[Directive], before: dt.datetime | None = None
) -> list[CarriedForward]:
    """Directives of the office's earlier meetings not yet done (open, or waiting for acceptance), oldest
    meeting first, with their latest progress report.

    For a new meeting's agenda item เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว: the meeting form offers these.
    `directives` are those the reader may see (lamphun_portal/policy.py); `before` is the new meeting's start
    (default: now).
    """
    before = before or timezone.now()
    reports = DirectiveUpdate.objects.filter(kind=DirectiveUpdate.Kind.REPORT).select_related("office")
    rows = list(
        directives.unfinished()
        .filter(meeting__organizer=office, meeting__starts_at__lt=before)
        .select_related("meeting", "issued_by")
        .prefetch_related(Prefetch("updates", reports.order_by("-reported_on", "-pk"), to_attr="reports"))
        .order_by("meeting__starts_at", "order", "pk")
    )
    return [CarriedForward(directive=d, latest_update=next(iter(d.reports), None)) for d in rows]


@dataclass
class CarriedRow:
    """A directive the recorder ticked to carry into the meeting, with what the meeting said of it."""

    directive: Directive
    resolution: str = ""


def carried_agenda_item(items: list[AgendaItem], meeting: Meeting) -> AgendaItem:
    """The meeting's agenda item for carried directives: the one titled เรื่องสืบเนื่อง…, else a new last one."""
    for item in items:
        if item.heading.strip().startswith("เรื่องสืบเนื่อง"):
            return item
    item = AgendaItem(meeting=meeting, order=len(items) + 1, heading=CARRIED_FORWARD_HEADING)
    item.full_clean(validate_constraints=False)
    item.save()
    items.append(item)
    return item


def carry_forward(*, meeting: Meeting, items: list[AgendaItem], carried: list[CarriedRow], author: Any) -> None:
    """Link the ticked directives to the meeting's agenda item เรื่องสืบเนื่อง with their status that day; a
    resolution on one enters its trail (one entry per meeting, kept in step when the minutes are edited).
    Called inside meetings.services.save_meeting's transaction."""
    existing = {c.directive_id: c for c in CarriedDirective.objects.filter(agenda_item__meeting=meeting)}
    kept = {row.directive.pk for row in carried}
    for directive_id, old in existing.items():
        if directive_id not in kept:
            old.delete()
            DirectiveUpdate.objects.filter(
                directive_id=directive_id, kind=DirectiveUpdate.Kind.MEETING, meeting=meeting
            ).delete()
    if not carried:
        return
    item = carried_agenda_item(items, meeting)
    for order, row in enumerate(carried, start=1):
        link = existing.get(row.directive.pk) or CarriedDirective(directive=row.directive, status=row.directive.status)
        link.agenda_item, link.order, link.resolution = item, order, row.resolution.strip()
        link.full_clean(validate_constraints=False)
        link.save()
        trail = DirectiveUpdate.objects.filter(
            directive=row.directive, kind=DirectiveUpdate.Kind.MEETING, meeting=meeting
        )
        if link.resolution:
            entry = trail.first() or DirectiveUpdate(
                directive=row.directive, kind=DirectiveUpdate.Kind.MEETING, meeting=meeting, author=author
            )
            entry.office, entry.note, entry.reported_on = (
                meeting.organizer,
                link.resolution,
                timezone.localdate(meeting.starts_at),
            )
            entry.full_clean()
            entry.save()
        else:
            trail.delete()
