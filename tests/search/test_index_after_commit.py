"""The search index follows saves once per transaction, after it commits, however many rows a save touches."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from lamphun_portal.lib import thai
from meetings.models import Meeting
from search import index
from search.models import SearchToken
from search.query import rank
from tests.conftest import Personas
from tests.meetings.meeting_post import existing_rows, meeting_post


def _as_the_form_sends_it(meeting: Meeting) -> dict[str, Any]:
    """The seed meeting exactly as its edit form posts it back: every attendance, agenda and directive row."""
    attendance = [
        {
            "person": a.person_id or "",
            "group_name": a.group_name,
            "headcount": a.headcount if a.headcount is not None else "",
            "role": a.role,
            "presence": a.presence,
            "absence_reason": a.absence_reason,
            "substitute_for": a.substitute_for_id or "",
        }
        for a in meeting.attendances.order_by("order", "pk")
    ]
    agenda = [
        {
            "heading": item.heading,
            "presenter": item.presenter_id or "",
            "discussion": item.discussion,
            "resolution": item.resolution,
        }
        for item in meeting.agenda_items.order_by("order")
    ]
    directives = [
        {
            "text": d.text,
            "issued_by": d.issued_by_id or "",
            "due_date": thai.be_date_numeric(d.due_date) if d.due_date else "",
            "responsible_offices": [o.pk for o in d.responsible_offices.all()],
            "programs": [p.pk for p in d.programs.all()],
            "priority": d.priority,
        }
        for d in meeting.directives.order_by("order", "pk")
    ]
    return meeting_post(
        office=meeting.organizer,
        title=meeting.title,
        starts_on=thai.be_date_numeric(meeting.starts_at),
        starts_time=thai.thai_time(meeting.starts_at),
        venue=meeting.venue,
        chair=meeting.chair_id or "",
        attendee_count=meeting.attendee_count or "",
        summary=meeting.summary,
        version=str(meeting.version),
        attendance=attendance,
        agenda=agenda,
        directives=directives,
        existing=existing_rows(meeting),
        programs=[p.pk for p in meeting.programs.all()],
    )


@pytest.fixture
def flushes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[set[int], set[int]]]:
    """Each rewrite of index rows: (meeting ids, directive ids)."""
    calls: list[tuple[set[int], set[int]]] = []
    index_meetings, index_directives = index.index_meetings, index.index_directives

    def meetings(ids: Any) -> None:
        calls.append((set(ids), set()))
        index_meetings(ids)

    def directives(ids: Any) -> None:
        calls.append((set(), set(ids)))
        index_directives(ids)

    monkeypatch.setattr(index, "index_meetings", meetings)
    monkeypatch.setattr(index, "index_directives", directives)
    return calls


def test_saving_the_seed_meeting_through_its_form_rebuilds_its_index_once(
    personas: Personas, demo: Meeting, flushes: list[tuple[set[int], set[int]]]
) -> None:
    data = _as_the_form_sends_it(demo)
    rows = demo.attendances.count() + demo.agenda_items.count() + demo.directives.count()
    assert rows >= 15  # one rebuild per saved row (and per many-to-many change) would be dozens
    response = personas.client_for(personas.admin).post(reverse("meetings:edit", args=[demo.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    directive_ids = set(demo.directives.values_list("pk", flat=True))
    assert flushes == [({demo.pk}, set()), (set(), directive_ids)]
    # And the index is current: the seed is found by a word of its title.
    assert (SearchToken.Kind.MEETING, demo.pk) in {(hit.kind, hit.object_id) for hit in rank("เตรียมความพร้อม").hits}


def test_nothing_is_indexed_before_the_transaction_commits(
    demo: Meeting, flushes: list[tuple[set[int], set[int]]]
) -> None:
    with transaction.atomic():
        demo.title = "ประชุมทบทวนแผนงานเกาะคา"
        demo.save()
        demo.attendances.first().save()
        assert flushes == []
        assert not rank("เกาะคา").hits
    assert flushes == [({demo.pk}, set()), (set(), set(demo.directives.values_list("pk", flat=True)))]
    assert [hit.object_id for hit in rank("เกาะคา").hits] == [demo.pk]


def test_a_transaction_that_fails_indexes_nothing(demo: Meeting, flushes: list[tuple[set[int], set[int]]]) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        demo.title = "ประชุมที่ไม่เคยเกิดขึ้นเกาะคา"
        demo.save()
        raise RuntimeError
    assert flushes == []
    assert not rank("เกาะคา").hits
