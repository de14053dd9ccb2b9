"""Reading a meeting: the whole meeting in a fixed number of queries, and its attendance as the minutes split it.

The page, the minutes PDF, the API and the version snapshots all read a meeting through `whole_meetings`, so
they show the same rows in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from directives.models import CarriedDirective, Directive

from .models import AgendaItem, Attendance, Meeting, MeetingTransition


def whole_meetings() -> QuerySet[Meeting]:
    """Meetings with their organiser, chair, attendance, agenda, directives, programs, status steps and signatures."""
    return Meeting.objects.select_related("organizer", "chair", "minute_taker", "minutes_checker").prefetch_related(
        "programs",
        Prefetch("attendances", Attendance.objects.select_related("person", "substitute_for").order_by("order", "pk")),
        Prefetch(
            "agenda_items",
            AgendaItem.objects.select_related("presenter")
            .prefetch_related(
                Prefetch("carried_directives", CarriedDirective.objects.select_related("directive__meeting")),
                # The earlier minutes an agenda item 2 certified (minutes.Certification), with their meeting.
                "certifications__meeting",
            )
            .order_by("order"),
        ),
        Prefetch(
            "directives",
            Directive.objects.select_related("issued_by", "agenda_item")
            .prefetch_related("programs", "responsible_offices")
            .order_by("order", "pk"),
        ),
        Prefetch("transitions", MeetingTransition.objects.select_related("by")),
        # The signatures of the minutes (minutes/), printed in their signature blocks.
        "minutes_signatures",
    )


def whole_meeting(pk: int) -> Meeting:
    """One meeting with everything `whole_meetings` reads."""
    return whole_meetings().get(pk=pk)


@dataclass
class AttendanceGroups:
    """The attendance as the minutes list it: ผู้มาประชุม, ผู้ไม่มาประชุม, ผู้เข้าร่วมประชุม."""

    present: list[Attendance]
    absent: list[Attendance]
    invited: list[Attendance]


def attendance_groups(attendances: Iterable[Attendance]) -> AttendanceGroups:
    """Those who came (substitutes among them), those who did not, and those invited to take part."""
    presence = Attendance.Presence
    rows = list(attendances)
    return AttendanceGroups(
        present=[a for a in rows if a.presence in (presence.PRESENT, presence.SUBSTITUTE)],
        absent=[a for a in rows if a.presence == presence.ABSENT],
        invited=[a for a in rows if a.presence == presence.INVITED],
    )
