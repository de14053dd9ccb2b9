"""Every staff page × every role, on a draft of the provincial office (staff1's) and on certified minutes.

anonymous → sign-in page; outsider (no role) → 403; staff of the same office record and edit their drafts;
staff of another office → 403 on the draft (and on any change); officials read only; admins do everything.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, MeetingTransition, Office, Person
from tests.conftest import Personas

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "staff", "district_staff", "official", "admin"]
LOGIN = "login"


def _client(personas: Personas, role: str) -> Any:
    return personas.client_for(None if role == "anonymous" else getattr(personas, role))


def _meeting(office: Office, status: str = Meeting.Status.DRAFT) -> Meeting:
    return Meeting.objects.create(
        title="ประชุมติดตามงานประจำเดือนพฤศจิกายน",
        organizer=office,
        starts_at=timezone.now(),
        venue="ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        status=status,
    )


def _check(response: Any, expected: int | str) -> None:
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected, response.content.decode()[:300]


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 200, 200, 200, 200], strict=True)),
)
def test_meeting_list(personas: Personas, provincial_office: Office, role: str, expected: int | str) -> None:
    draft = _meeting(provincial_office)
    response = _client(personas, role).get(reverse("meetings:list"))
    _check(response, expected)
    if expected == 200:
        listed = [m.pk for m in response.context["page"].object_list]
        # A draft is its office's working copy: staff of other offices do not see it listed.
        assert (draft.pk in listed) is (role != "district_staff")


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 200, 403, 200, 200], strict=True)),
)
def test_draft_detail(personas: Personas, provincial_office: Office, role: str, expected: int | str) -> None:
    draft = _meeting(provincial_office)
    _check(_client(personas, role).get(reverse("meetings:detail", args=[draft.pk])), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 200, 200, 200, 200], strict=True)),
)
def test_published_detail(personas: Personas, demo: Meeting, role: str, expected: int | str) -> None:
    _check(_client(personas, role).get(reverse("meetings:detail", args=[demo.pk])), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 200, 200, 403, 200], strict=True)),
)
def test_create_page(personas: Personas, role: str, expected: int | str) -> None:
    response = _client(personas, role).get(reverse("meetings:create"))
    _check(response, expected)
    if expected == 200 and role != "admin":
        # Staff record for their own office only.
        offices = list(response.context["form"].fields["organizer"].queryset)
        assert offices == [getattr(personas, role).person.office]


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 200, 403, 403, 200], strict=True)),
)
def test_edit_draft(personas: Personas, provincial_office: Office, role: str, expected: int | str) -> None:
    draft = _meeting(provincial_office)
    url = reverse("meetings:edit", args=[draft.pk])
    _check(_client(personas, role).get(url), expected)
    # Posting is refused the same way, before anything is read from the form.
    post = _client(personas, role).post(url, {"title": "เปลี่ยนชื่อ"})
    _check(post, 200 if expected == 200 else expected)
    draft.refresh_from_db()
    assert draft.title == "ประชุมติดตามงานประจำเดือนพฤศจิกายน"


@pytest.mark.parametrize("status", [Meeting.Status.CERTIFIED, Meeting.Status.PUBLISHED])
@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 403, 403, 403, 200], strict=True)),
)
def test_certified_minutes_are_locked_except_for_admins(
    personas: Personas, provincial_office: Office, status: str, role: str, expected: int | str
) -> None:
    meeting = _meeting(provincial_office, status)
    _check(_client(personas, role).get(reverse("meetings:edit", args=[meeting.pk])), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 403, 403, 403, 403], strict=True)),
)
def test_no_one_certifies_with_one_click(
    personas: Personas, provincial_office: Office, role: str, expected: int | str
) -> None:
    """Draft minutes are checked by the checker their minute-taker named, then certified by the next meeting or by
    circulation (minutes/, tests/minutes): the status button certifies nothing, for staff or admins."""
    draft = _meeting(provincial_office)
    for status in (Meeting.Status.CERTIFIED, Meeting.Status.CHECKED):
        response = _client(personas, role).post(reverse("meetings:transition", args=[draft.pk]), {"to_status": status})
        _check(response, expected)
    draft.refresh_from_db()
    assert draft.status == Meeting.Status.DRAFT
    assert not MeetingTransition.objects.filter(meeting=draft).exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 403, 403, 403, 403], strict=True)),
)
def test_no_one_publishes_with_one_click(
    personas: Personas, provincial_office: Office, role: str, expected: int | str
) -> None:
    """Publishing stores the signed PDF (minutes:publish): the status button does not publish."""
    meeting = _meeting(provincial_office, Meeting.Status.CERTIFIED)
    response = _client(personas, role).post(
        reverse("meetings:transition", args=[meeting.pk]), {"to_status": Meeting.Status.PUBLISHED}
    )
    _check(response, expected)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CERTIFIED


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 403, 403, 403, 302], strict=True)),
)
def test_reopen(personas: Personas, provincial_office: Office, role: str, expected: int | str) -> None:
    meeting = _meeting(provincial_office, Meeting.Status.CERTIFIED)
    response = _client(personas, role).post(
        reverse("meetings:transition", args=[meeting.pk]), {"to_status": Meeting.Status.DRAFT}
    )
    _check(response, expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    list(zip(ROLES, [LOGIN, 403, 201, 201, 403, 201], strict=True)),
)
def test_add_person_inline(personas: Personas, role: str, expected: int | str) -> None:
    data = {"new_person-title": "นาย", "new_person-first_name": "สมชาย", "new_person-last_name": f"ทดสอบ{role}"}
    _check(_client(personas, role).post(reverse("meetings:person_create"), data), expected)
    assert Person.objects.filter(last_name=f"ทดสอบ{role}").exists() is (expected == 201)


def test_transition_must_be_posted(personas: Personas, provincial_office: Office) -> None:
    draft = _meeting(provincial_office)
    url = reverse("meetings:transition", args=[draft.pk])
    assert personas.client_for(personas.staff).get(url).status_code == 405


def test_missing_meeting_is_404_not_403(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.staff)
    for name in ("meetings:detail", "meetings:edit"):
        assert client.get(reverse(name, args=[999_999])).status_code == 404


def test_forbidden_page_is_thai(personas: Personas, provincial_office: Office) -> None:
    draft = _meeting(provincial_office)
    response = personas.client_for(personas.district_staff).get(reverse("meetings:edit", args=[draft.pk]))
    assert response.status_code == 403
    assert "ไม่มีสิทธิ์เข้าถึงหน้านี้" in response.content.decode()


def test_every_transition_records_who_and_when(personas: Personas, provincial_office: Office) -> None:
    draft = _meeting(provincial_office)
    staff = personas.client_for(personas.staff)
    staff.post(reverse("minutes:send", args=[draft.pk]), {"checker": personas.official.pk})
    personas.client_for(personas.official).post(reverse("minutes:check", args=[draft.pk]), {"decision": "approve"})
    staff.post(reverse("minutes:circulate", args=[draft.pk]))
    personas.client_for(personas.official).post(reverse("minutes:answer", args=[draft.pk]), {"answer": "unchanged"})
    personas.client_for(personas.admin).post(reverse("meetings:transition", args=[draft.pk]), {"to_status": "draft"})
    steps = list(MeetingTransition.objects.filter(meeting=draft).order_by("at", "pk"))
    assert [(s.from_status, s.to_status, s.by.username) for s in steps] == [
        ("draft", "checked", "official1"),
        ("checked", "certified", "official1"),  # the last answer of the circulation certifies
        ("certified", "draft", "admin1"),
    ]
    assert all(s.at is not None and timezone.is_aware(s.at) for s in steps)
    page = personas.client_for(personas.official).get(reverse("meetings:detail", args=[draft.pk])).content.decode()
    official = personas.official.get_full_name()
    assert page.count(f"โดย {official}") == 2
    assert "โดย ประเสริฐ บุญมา" in page


def test_a_step_out_of_order_is_refused(personas: Personas, provincial_office: Office) -> None:
    draft = _meeting(provincial_office)
    with pytest.raises(services.ValidationError):
        services.transition_meeting(meeting=draft, to_status="published", user=personas.admin)
    response = personas.client_for(personas.staff).post(
        reverse("meetings:transition", args=[draft.pk]), {"to_status": "published"}
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"
