"""The search page's results: the records found that the reader may open, in rank order, page by page.

The page reads a slice tier by tier (search.query.Results); every slice must be the same piece of the
whole ranking (search.query.rank) with the records the policy hides left out.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directives.models import Directive
from lamphun_portal import policy
from meetings.models import Meeting
from search.models import Kind
from search.query import Results, rank
from tests.conftest import Personas

QUERIES = ["เตรียมความพร้อม", "ชุมชน", "โคก หนอง นา", "บ้านแม่ตืน ชุมชน", "ฟุตบอล", ""]


@pytest.fixture
def draft(personas: Personas, demo: Meeting) -> Meeting:
    """A draft of the seed meeting's office, with a directive: only that office (and admins) may read them."""
    meeting = Meeting.objects.create(
        title="การประชุมเตรียมความพร้อมงานพัฒนาชุมชน (ร่าง)",
        organizer=demo.organizer,
        starts_at=dt.datetime(2024, 1, 9, 9, tzinfo=timezone.get_default_timezone()),
        venue="ศาลาอเนกประสงค์บ้านแม่ตืน",
        status=Meeting.Status.DRAFT,
    )
    Directive.objects.create(meeting=meeting, order=1, text="ให้เตรียมความพร้อมชุมชนบ้านแม่ตืน")
    return meeting


def _readable(user: object, query: str) -> list[tuple[int, int]]:
    meetings = set(policy.readable_meetings(user).values_list("pk", flat=True))
    directives = set(policy.readable_directives(user).values_list("pk", flat=True))
    readable = {Kind.MEETING: meetings, Kind.DIRECTIVE: directives}
    return [(hit.kind, hit.object_id) for hit in rank(query).hits if hit.object_id in readable[hit.kind]]


@pytest.mark.parametrize("query", QUERIES)
def test_every_slice_is_the_readable_part_of_the_ranking(query: str, personas: Personas, draft: Meeting) -> None:
    for user in [personas.admin, personas.staff, personas.other_staff, personas.official]:
        expected = _readable(user, query)
        results = Results(query, user)
        assert results.count() == len(expected)
        assert [(hit.kind, hit.object_id) for hit in results[0:None]] == expected
        for start in range(len(expected) + 1):
            assert [(hit.kind, hit.object_id) for hit in results[start : start + 3]] == expected[start : start + 3]


def test_a_draft_is_found_only_by_those_who_may_read_it(personas: Personas, draft: Meeting) -> None:
    found = {
        user: {(hit.kind, hit.object_id) for hit in Results("บ้านแม่ตืน", user)[0:None]}
        for user in (
            personas.staff,
            personas.other_staff,
        )
    }
    assert (Kind.MEETING, draft.pk) in found[personas.staff]
    assert (Kind.MEETING, draft.pk) not in found[personas.other_staff]


def test_the_page_reads_its_slice_and_the_count_in_one_statement(personas: Personas, draft: Meeting) -> None:
    expected = _readable(personas.staff, "ชุมชน")
    assert len(expected) > 1
    with CaptureQueriesContext(connection) as queries:
        response = personas.client_for(personas.staff).get("/meetings/search/", {"q": "ชุมชน"})
    assert response.status_code == 200
    assert len([query for query in queries if "search_document" in query["sql"]]) == 1
    assert response.context["page"].paginator.count == len(expected)
    hits = [(hit.kind, hit.object_id) for hit in response.context["page"].object_list]
    assert hits == expected[:20]


def test_a_page_past_the_end_shows_the_last_page(personas: Personas, draft: Meeting) -> None:
    expected = _readable(personas.staff, "ชุมชน")
    response = personas.client_for(personas.staff).get("/meetings/search/", {"q": "ชุมชน", "page": "999"})
    page = response.context["page"]
    assert page.number == page.paginator.num_pages
    assert page.paginator.count == len(expected)
    last = (page.number - 1) * 20
    assert [(hit.kind, hit.object_id) for hit in page.object_list] == expected[last : last + 20]
