"""Versions of a meeting: what it looked like at each version, and what changed between two.

Saving a meeting and moving its minutes through their lifecycle raise its version and keep a snapshot of it
(MeetingRevision), so that a save made from an older version is refused with what changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from lamphun_portal.lib import thai

from .models import Meeting, MeetingRevision
from .queries import whole_meeting

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


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


def _person(person: Any) -> str:
    return person.full_name if person else "-"


def meeting_snapshot(meeting: Meeting) -> dict[str, Any]:
    """The meeting as a person would read it, field label → text (or list of lines), for comparing versions."""
    meeting = whole_meeting(meeting.pk)
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


def record_revision(meeting: Meeting, user: AbstractBaseUser | None) -> MeetingRevision:
    revision, _created = MeetingRevision.objects.update_or_create(
        meeting=meeting,
        version=meeting.version,
        defaults={"snapshot": meeting_snapshot(meeting), "saved_by": user, "saved_at": timezone.now()},
    )
    return revision


def lock_current(meeting: Meeting, expected_version: int | None) -> Meeting:
    """Lock the stored meeting row; refuse when it moved past the version the form was opened at."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if expected_version is not None and current.version == expected_version:
        # Keep a snapshot of the version being replaced, so a later stale save can be told what changed.
        if not MeetingRevision.objects.filter(meeting=current, version=current.version).exists():
            record_revision(current, None)
        return current
    seen = MeetingRevision.objects.filter(meeting=current, version=expected_version).first()
    latest = MeetingRevision.objects.filter(meeting=current, version=current.version).select_related("saved_by").first()
    changes = diff_snapshots(seen.snapshot, meeting_snapshot(current)) if seen else []
    raise StaleMeetingError(current, changes, latest)
