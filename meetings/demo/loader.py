"""Loads the demo data; running it again changes nothing (rows are found by their natural keys)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from directives.models import Directive, DirectiveUpdate
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person
from programs.models import Program

from . import data
from .program_loader import load_program_records


def _aware(parts: tuple[int, ...] | None) -> dt.datetime | None:
    if parts is None:
        return None
    return dt.datetime(*parts, tzinfo=timezone.get_default_timezone())


def _offices() -> dict[str, Office]:
    department, _ = Office.objects.get_or_create(
        name=data.DEPARTMENT, defaults={"kind": Office.Kind.DEPARTMENT, "short_name": "พช."}
    )
    province, _ = Office.objects.get_or_create(name=data.PROVINCE, defaults={"kind": Office.Kind.PROVINCE})
    provincial, _ = Office.objects.get_or_create(
        name=data.PROVINCIAL,
        defaults={
            "kind": Office.Kind.PROVINCIAL_OFFICE,
            "short_name": "พช.ลำพูน",
            "parent": department,
            "meeting_numbering": Office.Numbering.FISCAL_YEAR,
        },
    )
    offices = {o.name: o for o in (department, province, provincial)}
    for district in data.DISTRICTS:
        office, _ = Office.objects.get_or_create(
            name=data.district_office(district),
            defaults={
                "kind": Office.Kind.DISTRICT_OFFICE,
                "short_name": f"พช.อ.{district}",
                "parent": provincial,
                "district": district,
            },
        )
        offices[office.name] = office
    for name in data.PARTNERS:
        office, _ = Office.objects.get_or_create(name=name, defaults={"kind": Office.Kind.PARTNER})
        offices[office.name] = office
    return offices


def _people(offices: dict[str, Office]) -> dict[str, Person]:
    people = {}
    for key, (title, first, last, position, office) in data.PEOPLE.items():
        people[key], _ = Person.objects.get_or_create(
            first_name=first,
            last_name=last,
            defaults={"title": title, "position": position, "office": offices[office]},
        )
    return people


def _programs() -> dict[str, Program]:
    programs = {}
    for code, name, description in data.PROGRAMS:
        programs[code], _ = Program.objects.get_or_create(
            code=code, defaults={"name": name, "description": description}
        )
    return programs


def _meeting(spec: dict[str, Any], offices: dict, people: dict, programs: dict) -> Meeting:
    organizer = offices[spec["organizer"]]
    starts_at = _aware(spec["starts_at"])
    existing = Meeting.objects.filter(organizer=organizer, title=spec["title"], starts_at=starts_at).first()
    if existing:
        return existing

    def person(key: str | None) -> Person | None:
        return people[key] if key else None

    meeting = Meeting.objects.create(
        title=spec["title"],
        organizer=organizer,
        number=spec.get("number"),
        starts_at=starts_at,
        ends_at=_aware(spec.get("ends_at")),
        venue=spec["venue"],
        chair=person(spec.get("chair")),
        minute_taker=person(spec.get("minute_taker")),
        minutes_checker=person(spec.get("minutes_checker")),
        objective=spec.get("objective", ""),
        summary=spec.get("summary", ""),
        target_group=spec.get("target_group", ""),
        attendee_count=spec.get("attendee_count"),
        status=spec["status"],
    )
    meeting.programs.set([programs[code] for code in spec["programs"]])
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            order=order,
            person=person(row.get("person")),
            group_name=row.get("group", ""),
            headcount=row.get("headcount"),
            role=row.get("role", Attendance.Role.MEMBER),
            presence=row.get("presence", Attendance.Presence.ABSENT if "reason" in row else "present"),
            absence_reason=row.get("reason", ""),
            substitute_for=person(row.get("substitute_for")),
        )
        for order, row in enumerate(spec["attendance"], start=1)
    )
    agenda = [
        AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            heading=item["heading"],
            presenter=person(item.get("presenter")),
            discussion=item.get("discussion", ""),
            resolution=item.get("resolution", ""),
        )
        for order, item in enumerate(spec["agenda"], start=1)
    ]
    for order, item in enumerate(spec["directives"], start=1):
        due = item.get("due")
        directive = Directive.objects.create(
            meeting=meeting,
            agenda_item=agenda[0] if agenda else None,
            order=order,
            issued_by=person(item.get("issued_by", spec.get("chair"))),
            text=item["text"],
            due_date=dt.date(*due) if due else None,
            priority=item.get("priority", Directive.Priority.NORMAL),
            status=item["status"],
        )
        directive.programs.set([programs[code] for code in item["programs"]])
        directive.responsible_offices.set([offices[name] for name in item["offices"]])
        DirectiveUpdate.objects.bulk_create(
            DirectiveUpdate(
                directive=directive,
                reported_on=dt.date(*day),
                office=offices[office],
                note=note,
                new_status=status,
            )
            for day, office, note, status in item.get("updates", [])
        )
    return meeting


def _users(people: dict[str, Person]) -> list[str]:
    User = get_user_model()
    created = []
    for username, (person_key, role, superuser) in data.DEMO_USERS.items():
        user, was_created = User.objects.get_or_create(
            username=username, defaults={"is_staff": superuser, "is_superuser": superuser}
        )
        if was_created:
            person = people[person_key]
            user.first_name, user.last_name = person.first_name, person.last_name
            user.set_password(data.DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=role))
            created.append(username)
        person = people[person_key]
        if person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
    return created


@transaction.atomic
def load_demo(*, with_users: bool) -> dict[str, int]:
    """Load offices, people, programs and meetings (and demo accounts when asked); return what exists."""
    offices = _offices()
    people = _people(offices)
    programs = _programs()
    for spec in [data.SEED_MEETING, *data.OTHER_MEETINGS]:
        _meeting(spec, offices, people, programs)
    load_program_records(programs)
    if with_users:
        _users(people)
    return {"meetings": Meeting.objects.count(), "directives": Directive.objects.count()}
