"""The read-only JSON API: roles, token authentication, filters, Thai search, the follow-up trail, schema."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token

from meetings.models import Directive, DirectiveUpdate, Meeting
from tests.conftest import Personas


def test_directives_carry_their_follow_up_trail(personas: Personas, demo: Meeting) -> None:
    directive = demo.directives.order_by("pk").first()
    DirectiveUpdate.objects.create(directive=directive, office=demo.organizer, note="ติดตามแล้ว", new_status="done")
    response = personas.client_for(personas.official).get(f"/api/v1/directives/{directive.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == directive.pk and body["meeting"]["id"] == demo.pk
    assert [u["note"] for u in body["updates"]][-1] == "ติดตามแล้ว"


def test_list_is_paginated_with_ids(personas: Personas, demo: Meeting) -> None:
    body = personas.client_for(personas.admin).get("/api/v1/meetings/").json()
    assert body["count"] == Meeting.objects.count()
    assert all("id" in item for item in body["results"])


def test_officials_list_every_meeting_but_other_offices_drafts(personas: Personas, demo: Meeting) -> None:
    """A draft belongs to the office writing it: the provincial official does not see a district's draft."""
    body = personas.client_for(personas.official).get("/api/v1/meetings/", {"page_size": 100}).json()
    others_drafts = Meeting.objects.filter(status="draft").exclude(organizer=demo.organizer)
    assert others_drafts.exists()
    assert body["count"] == Meeting.objects.count() - others_drafts.count()


def test_q_and_filters(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.official)
    body = client.get("/api/v1/directives/", {"fiscal_year": 2564, "status": "done"}).json()
    assert body["count"] == Directive.objects.in_fiscal_year(2564).filter(status="done").count()
    ids = {item["id"] for item in client.get("/api/v1/meetings/", {"q": "โคกหนองนา"}).json()["results"]}
    assert ids and all(
        "โคก"
        in Meeting.objects.get(pk=pk).title
        + Meeting.objects.get(pk=pk).summary
        + " ".join(Meeting.objects.get(pk=pk).programs.values_list("name", flat=True))
        for pk in ids
    )
    programs = client.get("/api/v1/programs/", {"q": "โคกหนองนา"}).json()["results"]
    assert [p["code"] for p in programs] == ["khok-nong-na"]


def test_bad_filter_is_a_thai_400(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.official).get("/api/v1/directives/", {"fiscal_year": "abc"})
    assert response.status_code == 400
    assert "ปีงบประมาณ" in response.json()["fiscal_year"][0]


@pytest.mark.parametrize("endpoint", ["meetings", "directives", "programs"])
@pytest.mark.parametrize("query", ["ชุมชน" * 300, "โคก\x00หนอง"])
def test_an_overlong_or_broken_search_is_a_thai_400(
    personas: Personas, demo: Meeting, endpoint: str, query: str
) -> None:
    response = personas.client_for(personas.official).get(f"/api/v1/{endpoint}/", {"q": query})
    assert response.status_code == 400
    message = " ".join(response.json()["q"])
    assert "คำค้นยาวเกินไป" in message or "อักขระที่ใช้ไม่ได้" in message


def test_token_authentication_honours_roles(personas: Personas, demo: Meeting, client: object) -> None:
    official = Token.objects.create(user=personas.official)
    outsider = Token.objects.create(user=personas.outsider)
    assert client.get("/api/v1/meetings/", HTTP_AUTHORIZATION=f"Token {official.key}").status_code == 200
    assert client.get("/api/v1/meetings/", HTTP_AUTHORIZATION=f"Token {outsider.key}").status_code == 403
    assert client.get("/api/v1/meetings/").status_code == 401


@pytest.mark.parametrize("path", ["/api/v1/meetings/", "/api/v1/directives/", "/api/v1/programs/"])
def test_schema_describes_every_endpoint(path: str, personas: Personas) -> None:
    schema = personas.client_for(personas.official).get("/api/schema/").content.decode()
    assert path in schema
