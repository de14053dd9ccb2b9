"""Search finds every record an icontains scan finds, at a size where the old posting table did not.

seed_bench writes a few thousand meetings and directives (each of its documents written in bulk, as on
a large load); for each query, every record whose text contains it (a plain icontains scan) must be found,
and the search page must count them all and reach the last of them. Runs on SQLite and, with
DATABASE_URL=postgres://..., on PostgreSQL.
"""

from __future__ import annotations

import math

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import Q
from django.test import Client
from django.urls import reverse

from directives.models import Directive
from meetings.models import Meeting
from search.models import Kind
from search.query import rank
from search.views import SEARCH_PAGE_SIZE

pytestmark = pytest.mark.django_db

MEETINGS = 300  # and 1,500 directives: more matches of a common word than the posting table's 1,000-window


@pytest.fixture
def seeded() -> None:
    call_command("seed_bench", meetings=MEETINGS, stdout=None)


def _scanned(query: str) -> set[tuple[int, int]]:
    """The records whose own text holds the query, found without the index."""
    meetings = Meeting.objects.filter(
        Q(title__icontains=query)
        | Q(venue__icontains=query)
        | Q(summary__icontains=query)
        | Q(chair__first_name__icontains=query)
    ).values_list("pk", flat=True)
    directives = Directive.objects.filter(
        Q(text__icontains=query) | Q(issued_by__first_name__icontains=query)
    ).values_list("pk", flat=True)
    return {(Kind.MEETING, pk) for pk in meetings} | {(Kind.DIRECTIVE, pk) for pk in directives}


def _queries() -> list[str]:
    # A person of the data (the first bench chair), besides a place, a program, a common word, an action.
    chair = Meeting.objects.filter(chair__position__startswith="[bench]").order_by("pk").first().chair
    return ["บ้านแม่ตืน", "โคก หนอง นา", "ชุมชน", "เบิกจ่ายงบประมาณ", "ภายใน 30 วัน", chair.first_name]


def test_search_finds_every_record_a_scan_finds(seeded: None) -> None:
    sizes = {}
    for query in _queries():
        scanned = _scanned(query)
        hits = rank(query).hits
        found = {(hit.kind, hit.object_id) for hit in hits}
        assert scanned, query
        assert scanned <= found, (query, len(scanned - found))
        assert len(found) == len(hits), query  # each record once
        sizes[query] = len(scanned)
    assert sizes["ชุมชน"] > 1000  # beyond the window the posting table ranked


def test_result_pages_count_and_reach_every_record(seeded: None) -> None:
    query = "บ้านแม่ตืน"
    hits = rank(query).hits
    client = Client()
    client.force_login(User.objects.get(username="admin1"))
    last = math.ceil(len(hits) / SEARCH_PAGE_SIZE)
    response = client.get(reverse("search:results"), {"q": query, "page": last})
    assert response.status_code == 200
    page = response.context["page"]
    assert page.paginator.count == len(hits) >= len(_scanned(query))
    assert [(hit.kind, hit.object_id) for hit in page.object_list] == [
        (hit.kind, hit.object_id) for hit in hits[(last - 1) * SEARCH_PAGE_SIZE :]
    ]
