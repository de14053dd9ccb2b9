"""No English on screen: every page each role may open, and the whole admin, read in Thai.

As each role (anonymous, staff, district_staff, official, admin), open every page the permission matrix
(tests/permissions_matrix.py) says the role may open, over the demo data and a meeting in every state of two
offices; for the admin also the admin's index, every app page, every changelist (plain, searched, filtered)
and add page, one change, history and delete page per model, and the password-change pages with bad
submissions that show every password error. Visible text and accessible labels must hold no English word
(tests/i18n/english.py says what is allowed and why).
"""

from __future__ import annotations

from typing import Any

import pytest
from axes.models import AccessFailureLog
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse
from rest_framework.authtoken.models import Token

from accounts.models import Profile
from directives.models import Directive
from meetings.models import Meeting
from notifications.models import Delivery, Digest, EventKind, OfficeChannels
from notifications.services import notify_office
from tests.conftest import PASSWORD, Personas
from tests.i18n.english import english_on_page, record_words
from tests.permissions_matrix import World, urls_answering

ROLES = ("anonymous", "staff", "district_staff", "official", "admin")


def _client(personas: Personas, role: str) -> Client:
    return personas.client_for(None if role == "anonymous" else getattr(personas, role))


def _is_page(response: Any) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def _english_of(pages: dict[str, Any], data_words: set[str]) -> list[str]:
    """One line per run of English words: the words, a text holding them, and the pages they are on."""
    found: dict[tuple[str, ...], tuple[str, list[str]]] = {}
    for url, response in pages.items():
        html = response.content.decode()
        if "<html" in html:  # a whole page, not an htmx fragment
            assert '<html lang="th"' in html, f"{url}: the page does not say it is Thai (<html lang>)"
        for context, words in english_on_page(html, data_words).items():
            found.setdefault(tuple(words), (context, []))[1].append(url)
    return [
        f"{' '.join(words)!r} in “{context}” on {urls[0]}" + (f" (and {len(urls) - 1} more)" if len(urls) > 1 else "")
        for words, (context, urls) in found.items()
    ]


def _admin_urls(admin_user: User) -> list[str]:
    """The admin's index, app pages, and for every registered model its changelist (also searched and
    filtered), add page, and one change, history and delete page."""
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        app_index = reverse("admin:app_list", args=[opts.app_label])
        if app_index not in urls:
            urls.append(app_index)
        changelist = reverse(f"{name}_changelist")
        urls.append(changelist)
        if model_admin.get_search_fields(request):
            urls.append(f"{changelist}?q=ประชุม")
        if model_admin.get_list_filter(request):
            # "All" of the first filter chosen: the filter panel with a chosen filter and its clear link.
            urls.append(f"{changelist}?_facets=True")
        if model_admin.has_add_permission(request):
            urls.append(reverse(f"{name}_add"))
        record = model_admin.get_queryset(request).order_by("pk").first()
        assert record is not None, f"no {opts.label} to open the change page of"
        urls.append(reverse(f"{name}_change", args=[record.pk]))
        urls.append(reverse(f"{name}_history", args=[record.pk]))
        if model_admin.has_delete_permission(request, record):
            urls.append(reverse(f"{name}_delete", args=[record.pk]))
        if model is User:
            urls.append(reverse("admin:auth_user_password_change", args=[record.pk]))
    return urls


def _admin_records(personas: Personas) -> None:
    """A record for the admin models the demo leaves empty: login attempts (django-axes) and an API token."""
    client = Client()
    # A successful login resets the account's failures (settings.AXES_RESET_ON_SUCCESS): succeed first.
    client.post(reverse("login"), {"username": personas.staff.username, "password": PASSWORD})
    client.post(reverse("login"), {"username": personas.staff.username, "password": "wrong-password"})
    Token.objects.get_or_create(user=personas.admin)
    # Written only with AXES_ENABLE_ACCESS_FAILURE_LOG, which the portal leaves off; the admin still lists them.
    AccessFailureLog.objects.create(
        username=personas.staff.username, ip_address="127.0.0.1", path_info="/accounts/login/"
    )
    # The notifications' models: an office's channels, a person's profile, an event (queued as a task), and a
    # message with its delivery as the delivery log lists them.
    office = personas.district_staff.person.office
    OfficeChannels.objects.create(office=office, email="maetha@cdd.example", line_group_id="C" + "0" * 32)
    Profile.objects.get_or_create(user=personas.district_staff)
    directive = Directive.objects.filter(responsible_offices=office).exclude(meeting__status="draft").first()
    notify_office(kind=EventKind.ASSIGNED, office=office, directive=directive)
    digest = Digest.objects.create(office=office, subject="ข้อสั่งการใหม่", body="ข้อความ", line_text="ข้อความ")
    Delivery.objects.create(digest=digest, office=office, channel="line", address="C" + "0" * 32, last_error="LINE 500")


# Each bad submission of the password-change form shows some of Django's password errors; together, all.
BAD_PASSWORD_CHANGES = {
    "wrong old password": {
        "old_password": "not-it",
        "new_password1": "Lamphun-2563!",
        "new_password2": "Lamphun-2563!",
    },
    "two passwords differ": {"old_password": PASSWORD, "new_password1": "Lamphun-2563!", "new_password2": "Lamphun!"},
    "short, common, numeric": {"old_password": PASSWORD, "new_password1": "123456", "new_password2": "123456"},
    "like the user name": {"old_password": PASSWORD, "new_password1": "admin1", "new_password2": "admin1"},
}


@pytest.mark.parametrize("role", ROLES)
def test_pages_each_role_may_open_have_no_english(role: str, personas: Personas, demo: Meeting) -> None:
    world = World.build(admin=personas.admin, seed=demo)
    client = _client(personas, role)
    pages = {}
    for url in urls_answering(role, world):
        response = client.get(url)
        if _is_page(response):
            pages[url] = response
    if role == "anonymous":
        pages["login (wrong password)"] = client.post(reverse("login"), {"username": "x", "password": "y"})
        pages[reverse("admin:login")] = client.get(reverse("admin:login"))
    else:
        for case, data in BAD_PASSWORD_CHANGES.items():
            pages[f"password change ({case})"] = client.post(reverse("password_change"), data)
    if reverse("meetings:create") in pages:
        # An empty submission: the errors of every part of the meeting form.
        pages["new meeting (empty)"] = client.post(reverse("meetings:create"), {})
    assert len(pages) >= (4 if role == "anonymous" else 20), sorted(pages)
    english = _english_of(pages, record_words())
    assert not english, f"{len(english)} English words as {role}:\n" + "\n".join(english)


def test_the_admin_has_no_english(personas: Personas, demo: Meeting) -> None:
    World.build(admin=personas.admin, seed=demo)
    _admin_records(personas)
    client = _client(personas, "admin")
    pages = {}
    for url in _admin_urls(personas.admin):
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        pages[url] = response
    user_add = reverse("admin:auth_user_add")
    pages[f"{user_add} (bad passwords)"] = client.post(
        user_add, {"username": "newuser", "usable_password": "true", "password1": "123", "password2": "124"}
    )
    pages[f"{user_add} (weak password)"] = client.post(
        user_add, {"username": "newuser", "usable_password": "true", "password1": "newuser1", "password2": "newuser1"}
    )
    meetings = reverse("admin:meetings_meeting_changelist")
    pages[f"{meetings} (action chosen, no rows)"] = client.post(
        meetings, {"action": "delete_selected", "index": "0"}, follow=True
    )
    english = _english_of(pages, record_words())
    assert not english, f"{len(english)} English words in the admin:\n" + "\n".join(english)
