"""The outside test of issue #11, replayed: staff of อำเภอแม่ทา against a draft of another office.

The draft's directive is given to อำเภอแม่ทา, so every door that shows directives to a responsible office
was a way in. Before the one access policy, every request below answered 200 with the draft's title,
venue or directive (or, for the progress report, saved it). Now each answers as the meeting page does.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from directives.models import DirectiveUpdate
from lamphun_portal import policy
from meetings.models import Meeting
from tests.conftest import Personas
from tests.permissions_matrix import Record, World


@pytest.fixture
def draft(personas: Personas, demo: Meeting) -> Record:
    """A draft of the ลี้ district office, its directive given to อำเภอแม่ทา (district_staff's office)."""
    return World.build(admin=personas.admin, seed=demo).record("odraft")


def _text(response: object) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def test_the_meeting_page_refuses_and_so_does_every_other_door(personas: Personas, draft: Record) -> None:
    client = personas.client_for(personas.district_staff)
    assert client.get(reverse("meetings:detail", args=[draft.meeting_id])).status_code == 403
    assert client.get(reverse("directives:detail", args=[draft.directive_id])).status_code == 403
    assert client.get(reverse("history:directive", args=[draft.directive_id])).status_code == 403
    assert client.get(reverse("news:staff_photo", args=[draft.photo_id])).status_code == 403


@pytest.mark.parametrize(
    "page",
    [
        ("directives:list", {}),
        ("directives:list", {"overdue": "on"}),
        ("directives:export", {}),
        ("search:results", {"q": "ทดสอบสิทธิ์"}),
        ("directives:carried_forward", {}),
        ("programs:detail", {}),
        ("programs:community", {}),
        ("home", {}),
    ],
    ids=lambda page: f"{page[0]}{'-' + '-'.join(page[1]) if page[1] else ''}",
)
def test_lists_leave_the_draft_out(personas: Personas, draft: Record, page: tuple[str, dict[str, str]]) -> None:
    name, query = page
    args = {"programs:detail": ["khok-nong-na"], "programs:community": [_village(draft)]}.get(name, [])
    if name == "directives:carried_forward":
        query = {"office": draft.organizer_id}
    response = personas.client_for(personas.district_staff).get(reverse(name, args=args), query)
    assert response.status_code == 200
    body = _text(response)
    assert draft.marker not in body
    assert reverse("meetings:detail", args=[draft.meeting_id]) not in body
    assert reverse("directives:detail", args=[draft.directive_id]) not in body


def _village(draft: Record) -> int:
    return draft.meeting.directives.get().communities.get().pk


def test_the_csv_export_has_no_row_of_the_draft(personas: Personas, draft: Record) -> None:
    response = personas.client_for(personas.district_staff).get(reverse("directives:export"))
    rows = list(csv.reader(io.StringIO(_text(response))))
    assert not [row for row in rows if draft.marker in " ".join(row)]
    admin_rows = list(
        csv.reader(io.StringIO(_text(personas.client_for(personas.admin).get(response.request["PATH_INFO"]))))
    )
    assert [row for row in admin_rows if draft.marker in " ".join(row)]


def test_the_dashboard_does_not_count_the_draft(personas: Personas, draft: Record) -> None:
    url = reverse("home")
    staff_numbers = personas.client_for(personas.district_staff).get(url, {"fiscal_year": 2566}).context
    admin_numbers = personas.client_for(personas.admin).get(url, {"fiscal_year": 2566}).context
    # Minutes still being written or checked stay inside their office; a meeting only scheduled is not held yet.
    others_drafts = Meeting.objects.filter(
        fiscal_year=2566, status__in=(Meeting.Status.DRAFT, Meeting.Status.CHECKED)
    ).exclude(organizer__district="แม่ทา")
    assert others_drafts.exists()
    assert admin_numbers["meetings_held"] - staff_numbers["meetings_held"] == others_drafts.count()
    assert admin_numbers["overdue"] > staff_numbers["overdue"]


@pytest.mark.parametrize(
    "request_",
    [
        ("api-meeting-detail", "meeting", {}),
        ("api-directive-detail", "directive", {}),
        ("api-meeting-list", None, {"status": "draft"}),
        ("api-meeting-list", None, {"q": "ทดสอบสิทธิ์"}),
        ("api-directive-list", None, {}),
        ("api-directive-list", None, {"overdue": "true"}),
        ("api-directive-list", None, {"q": "ทดสอบสิทธิ์"}),
    ],
    ids=lambda r: f"{r[0]}{'-' + '-'.join(r[2]) if r[2] else ''}",
)
def test_the_api_neither_lists_nor_answers_the_draft(
    personas: Personas, draft: Record, request_: tuple[str, str | None, dict[str, str]]
) -> None:
    name, subject, query = request_
    args = {"meeting": [draft.meeting_id], "directive": [draft.directive_id]}.get(subject, [])
    response = personas.client_for(personas.district_staff).get(reverse(name, args=args), query)
    if subject:
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        ids = {item["id"] for item in response.json()["results"]}
        assert (draft.meeting_id if name == "api-meeting-list" else draft.directive_id) not in ids
    assert draft.marker not in response.content.decode()


def test_no_progress_report_on_a_directive_of_a_draft_it_cannot_open(personas: Personas, draft: Record) -> None:
    before = DirectiveUpdate.objects.filter(directive_id=draft.directive_id).count()
    response = personas.client_for(personas.district_staff).post(
        reverse("directives:detail", args=[draft.directive_id]),
        {"note": "รายงานจากภายนอก", "new_status": "done"},
    )
    assert response.status_code == 403
    assert DirectiveUpdate.objects.filter(directive_id=draft.directive_id).count() == before


def test_once_certified_the_responsible_office_meets_the_directive(personas: Personas, draft: Record) -> None:
    """The same office does see the directive, and reports on it, once the minutes leave the draft."""
    Meeting.objects.filter(pk=draft.meeting_id).update(status=Meeting.Status.CERTIFIED)
    client = personas.client_for(personas.district_staff)
    assert client.get(reverse("directives:detail", args=[draft.directive_id])).status_code == 200
    response = client.post(
        reverse("directives:detail", args=[draft.directive_id]), {"note": "ดำเนินการแล้ว", "new_status": "done"}
    )
    assert response.status_code == 302
    assert policy.can_report_progress(personas.district_staff, draft.meeting.directives.get())
