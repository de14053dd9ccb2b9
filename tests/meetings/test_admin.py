from django.urls import reverse

from meetings.models import Meeting


def test_admin_shows_seed_meeting_with_headcount_and_directives(personas, demo: Meeting) -> None:
    client = personas.client_for(personas.admin)
    listing = client.get(reverse("admin:meetings_meeting_changelist"), {"q": "จามเทวี"})
    assert listing.status_code == 200
    assert "17 พฤศจิกายน 2563" in listing.content.decode()
    page = client.get(reverse("admin:meetings_meeting_change", args=[demo.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'value="57"' in body
    assert "ขอให้มุ่งเน้นในประเด็นการปกป้องและเทิดทูนสถาบันกษัตริย์" in body
    assert "ข้อสั่งการ" in body


def test_every_model_admin_changelist_works_with_search(personas, demo: Meeting) -> None:
    client = personas.client_for(personas.admin)
    models = [
        "meetings_office",
        "meetings_person",
        "programs_program",
        "meetings_meeting",
        "meetings_attendance",
        "meetings_agendaitem",
        "directives_directive",
        "directives_directiveupdate",
    ]
    for model in models:
        response = client.get(reverse(f"admin:{model}_changelist"), {"q": "ลำพูน"})
        assert response.status_code == 200, model


def test_admin_is_closed_to_staff_and_anonymous(personas) -> None:
    url = reverse("admin:meetings_meeting_changelist")
    assert personas.client_for(None).get(url).status_code == 302
    assert personas.client_for(personas.staff).get(url).status_code == 302


def test_admin_writes_fiscal_years_as_years_not_as_counts(personas, demo: Meeting) -> None:
    client = personas.client_for(personas.admin)
    meetings = client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    change = client.get(reverse("admin:meetings_meeting_change", args=[demo.pk])).content.decode()
    participations = client.get(reverse("admin:programs_participation_changelist")).content.decode()
    for page in (meetings, change, participations):
        assert "2,56" not in page
    assert ">2564<" in meetings  # the seed meeting of November 2563 is in fiscal year 2564
    assert "2564" in change
