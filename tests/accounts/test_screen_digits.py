"""A person can choose Thai digits for the pages too (PDFs had the choice already): a profile setting."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.models import Profile
from lamphun_portal.lib import thai
from meetings.models import Meeting
from meetings.templatetags import thai as filters
from reports import documents
from reports.documents import PrintOptions
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def _meeting_list(client: object) -> str:
    return client.get(reverse("meetings:list")).content.decode()


def test_thai_digits_on_screen_once_chosen(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.staff)
    assert "17 พฤศจิกายน 2563" in _meeting_list(client)
    response = client.post(reverse("accounts:profile"), {"email_notifications": "on", "thai_digits": "on"})
    assert response.status_code == 302
    assert Profile.objects.get(user=personas.staff).thai_digits is True
    page = _meeting_list(client)
    assert "๑๗ พฤศจิกายน ๒๕๖๓" in page and "17 พฤศจิกายน 2563" not in page
    assert "๑๐.๐๐ น." in page
    # Links and form values keep their digits: only what the filters print changes.
    assert re.search(r'href="/meetings/\d+/"', page)


def test_the_choice_follows_the_person_to_a_new_sign_in_and_not_to_others(personas: Personas, demo: Meeting) -> None:
    Profile.objects.for_user(personas.staff)
    Profile.objects.filter(user=personas.staff).update(thai_digits=True)
    assert "๑๗ พฤศจิกายน ๒๕๖๓" in _meeting_list(personas.client_for(personas.staff))
    other = _meeting_list(personas.client_for(personas.official))
    assert "17 พฤศจิกายน 2563" in other and "๑๗ พฤศจิกายน ๒๕๖๓" not in other


def test_turning_it_off_brings_arabic_digits_back(personas: Personas, demo: Meeting) -> None:
    Profile.objects.for_user(personas.staff)
    Profile.objects.filter(user=personas.staff).update(thai_digits=True)
    client = personas.client_for(personas.staff)
    client.post(reverse("accounts:profile"), {"email_notifications": "on"})
    assert "17 พฤศจิกายน 2563" in _meeting_list(client)


def test_filters_follow_the_switch_and_print_ignores_it(demo: Meeting) -> None:
    with thai.screen_digits(True):
        assert filters.be_date(demo.starts_at) == "๑๗ พฤศจิกายน ๒๕๖๓"
        assert filters.thai_number(1248500) == "๑,๒๔๘,๕๐๐"
        assert "๑,๒๔๘,๕๐๐" in filters.baht(1248500)
        # The print options alone decide a PDF's digits.
        meeting = documents.meetings_for_print().get(pk=demo.pk)
        html = documents.render_minutes_html(meeting, PrintOptions(thai_digits=False))
        assert "17 พฤศจิกายน 2563" in html.replace("\u200b", "") and "๒๕๖๓" not in html
    assert filters.be_date(demo.starts_at) == "17 พฤศจิกายน 2563"
