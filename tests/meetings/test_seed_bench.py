"""seed_bench: deterministic Thai data whose search index is the one the portal writes on save.

Runs on SQLite and, with DATABASE_URL=postgres://..., on PostgreSQL (where seed_bench loads with COPY).
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from directives.models import Directive, DirectiveUpdate
from meetings.models import Attendance, Meeting, Person
from search.models import SearchToken
from search.query import rank

pytestmark = pytest.mark.django_db


def _index() -> set[tuple]:
    return set(SearchToken.objects.values_list("word", "kind", "object_id", "weight", "day"))


def _bench_records() -> tuple[list, list, list]:
    meetings = list(
        Meeting.objects.filter(chair__position__startswith="[bench]")
        .order_by("pk")
        .values_list("title", "venue", "summary", "starts_at", "number", "fiscal_year", "chair__first_name")
    )
    directives = list(
        Directive.objects.filter(meeting__chair__position__startswith="[bench]")
        .order_by("pk")
        .values_list("text", "status", "priority", "due_date", "responsible_offices__name", "programs__code")
    )
    updates = list(
        DirectiveUpdate.objects.filter(directive__meeting__chair__position__startswith="[bench]")
        .order_by("pk")
        .values_list("note", "new_status", "reported_on", "office__name")
    )
    return meetings, directives, updates


def _bench_people() -> list[tuple]:
    return list(Person.objects.filter(position__startswith="[bench]").order_by("pk").values_list("title", "first_name"))


def test_seeded_index_is_what_saving_each_record_would_write() -> None:
    call_command("seed_bench", meetings=40, stdout=None)
    assert Meeting.objects.filter(chair__position__startswith="[bench]").count() == 40
    assert Directive.objects.filter(meeting__chair__position__startswith="[bench]").count() == 200
    seeded = _index()
    call_command("reindex")  # index_meetings / index_directives: the code the save signals run
    assert _index() == seeded
    # Found through the index like any saved record: a village, a program word inside a compound.
    assert rank("บ้านแม่ตืน").hits or rank("ชุมชน").hits
    every_directive = set(Directive.objects.values_list("pk", flat=True))
    found = {hit.object_id for hit in rank("ให้", kinds=(SearchToken.Kind.DIRECTIVE,)).hits}
    assert found <= every_directive


def test_seed_bench_is_deterministic_realistic_thai() -> None:
    call_command("seed_bench", meetings=25, stdout=None)
    first = _bench_records()
    people = _bench_people()
    Meeting.objects.filter(chair__position__startswith="[bench]").delete()
    Person.objects.filter(position__startswith="[bench]").delete()
    call_command("seed_bench", meetings=25, stdout=None)
    second = _bench_records()
    meetings, directives, updates = first
    assert len(meetings) == 25 and len(directives) == 125 and updates
    assert second[0] == meetings and second[1] == directives and second[2] == updates
    assert _bench_people() == people
    assert all("การประชุม" in title and "สำนักงานพัฒนาชุมชนอำเภอ" in title for title, *_ in meetings)
    assert all(text.startswith("ให้") for text, *_ in directives)
    assert Attendance.objects.filter(meeting__chair__position__startswith="[bench]").count() == 25 * 5
