"""The read-only JSON API: roles, token authentication, filters, Thai search, the follow-up trail, schema."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token

from directives.models import Directive, DirectiveUpdate
from meetings.models import Meeting
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


# What the OpenAPI schema promises, the API does: out-of-range or malformed values get a Thai 400 naming
# the parameter, values within the promise are accepted (tests/api/test_schema_fuzz.py checks this broadly).
@pytest.mark.parametrize(
    ("endpoint", "query", "field"),
    [
        ("directives", "fiscal_year=2499", "fiscal_year"),
        ("directives", "fiscal_year=2701", "fiscal_year"),
        ("directives", "fiscal_year=2564.0", "fiscal_year"),
        ("directives", "fiscal_year=%E0%B9%92%E0%B9%95%E0%B9%96%E0%B9%94", "fiscal_year"),  # Thai digits
        ("directives", "fiscal_year=%202564", "fiscal_year"),
        ("meetings", "fiscal_year=0000", "fiscal_year"),
        ("meetings", "fiscal_year=9999", "fiscal_year"),
        ("directives", "overdue=maybe", "overdue"),
        ("directives", "office=0", "office"),
        ("directives", "issuer=-3", "issuer"),
        ("directives", "office=1&office=2", "office"),
        ("meetings", "organizer=1234567890123456789", "organizer"),
        ("directives", "sort=random", "sort"),
        ("meetings", "status=Draft", "status"),
        ("meetings", "program=" + "k" * 61, "program"),
        ("programs", "page=0", "page"),
        ("meetings", "page=abc", "page"),
    ],
)
def test_a_value_the_schema_does_not_allow_is_a_thai_400(
    personas: Personas, demo: Meeting, endpoint: str, query: str, field: str
) -> None:
    response = personas.client_for(personas.official).get(f"/api/v1/{endpoint}/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in response.json()[field][0])


@pytest.mark.parametrize(
    ("endpoint", "query"),
    [
        ("directives", "fiscal_year=2500&overdue=true"),
        ("directives", "fiscal_year=2700&overdue=on&sort=issuer"),
        ("directives", "overdue=0&status=&office=&program="),
        ("directives", "office=999999999999999999&issuer=%2B1"),
        ("directives", "program=no-such-program"),
        ("meetings", "fiscal_year=02564&organizer=999999"),
        ("meetings", "program=no-such-program&status=draft"),
        ("programs", "q=&page="),
    ],
)
def test_a_value_the_schema_allows_is_accepted(personas: Personas, demo: Meeting, endpoint: str, query: str) -> None:
    response = personas.client_for(personas.official).get(f"/api/v1/{endpoint}/?{query}")
    assert response.status_code == 200
    assert "results" in response.json()


def test_an_unknown_office_or_program_matches_nothing(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.admin)  # admins read every directive, other offices' drafts too
    assert client.get("/api/v1/directives/", {"office": 999_999}).json()["count"] == 0
    assert client.get("/api/v1/meetings/", {"program": "no-such-program"}).json()["count"] == 0
    known = client.get("/api/v1/directives/", {"program": "khok-nong-na"}).json()["count"]
    assert known == Directive.objects.filter(programs__code="khok-nong-na").count() > 0


def test_a_page_past_the_last_is_a_thai_404(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.official).get("/api/v1/meetings/", {"page": 10_000})
    assert response.status_code == 404
    assert "ไม่มีหน้านี้" in response.json()["detail"]


@pytest.mark.parametrize("pk", ["abc", "0", "-1", "1.5", "99999999999999999999", "999999"])
def test_a_missing_or_malformed_id_is_a_thai_json_404(personas: Personas, demo: Meeting, pk: str) -> None:
    response = personas.client_for(personas.official).get(f"/api/v1/meetings/{pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "ไม่พบการประชุมนี้"}


def test_an_id_with_a_plus_sign_or_leading_zero_is_the_same_record(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.official)
    assert client.get(f"/api/v1/meetings/+0{demo.pk}/").json()["id"] == demo.pk


def test_the_schema_documents_every_answer_of_each_operation(personas: Personas) -> None:
    body = personas.client_for(personas.official).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = body.json()["paths"]
    for path, codes in [
        ("/api/v1/meetings/", {"200", "400", "401", "403", "404"}),
        ("/api/v1/meetings/{id}/", {"200", "401", "403", "404"}),
    ]:
        assert set(paths[path]["get"]["responses"]) == codes
    params = {p["name"]: p for p in paths["/api/v1/directives/"]["get"]["parameters"]}
    assert params["fiscal_year"]["schema"] == {"type": "integer", "minimum": 2500, "maximum": 2700}
    assert params["overdue"]["schema"] == {"type": "boolean"}
    assert params["q"]["schema"]["maxLength"] == 200


def test_api_docs_are_served_from_the_portal(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.official)
    page = client.get("/api/docs/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "เอกสาร API ระบบบันทึกการประชุม" in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<script>" not in html and "<style" not in html  # the CSP refuses inline scripts and styles
    script = client.get("/api/docs/", {"script": ""})
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()
    assert personas.client_for(personas.outsider).get("/api/docs/").status_code == 403
