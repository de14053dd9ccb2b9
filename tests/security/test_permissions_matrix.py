"""Every URL, every persona: the status in tests/permissions_matrix.py, and no URL left out of it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings.models import Meeting
from tests.conftest import Personas
from tests.permissions_matrix import EXEMPT_NAMESPACES, LOGIN, PERSONAS, ROUTES, Route, World


def _url_names(patterns: list, namespace: str = "") -> Iterator[tuple[str, str]]:
    """(name, route) of every URL pattern, namespaces joined the way reverse() takes them."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace in EXEMPT_NAMESPACES and not namespace:
                continue
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else "", str(pattern.pattern))


def test_every_url_has_a_permission_entry_for_every_persona() -> None:
    listed = {route.name for route in ROUTES}
    found = list(_url_names(get_resolver().url_patterns))
    unnamed = [route for name, route in found if not name]
    missing = sorted({name for name, _ in found if name and name not in listed})
    assert not unnamed, f"URL patterns without a name cannot be checked: {unnamed}"
    assert not missing, (
        f"URLs without a permission test: {missing}. Add a Route for each to tests/permissions_matrix.py "
        "with the status every persona must get."
    )
    stale = sorted(listed - {name for name, _ in found})
    assert not stale, f"tests/permissions_matrix.py lists URLs that no longer exist: {stale}"
    for route in ROUTES:
        assert set(route.expect) == set(PERSONAS), f"{route.id}: give a status for each of {PERSONAS}"


def _user(personas: Personas, persona: str) -> User | None:
    return None if persona == "anonymous" else getattr(personas, persona)


@pytest.mark.parametrize("route", ROUTES, ids=[route.id for route in ROUTES])
def test_route_answers_each_persona_as_listed(route: Route, personas: Personas, demo: Meeting) -> None:
    """Each persona in its own savepoint, rolled back after: a POST by one never changes what the next sees."""
    wrong = []
    meeting_pk = demo.pk
    for persona in PERSONAS:
        with transaction.atomic():
            # Fetched afresh: a delete by the persona before leaves the old object without a pk.
            world = World(meeting=Meeting.objects.get(pk=meeting_pk), admin=personas.admin)
            url = reverse(route.name, args=route.args(world))
            client: Client = personas.client_for(_user(personas, persona))
            response = getattr(client, route.method)(url, route.data(world))
            expected = route.expect[persona]
            location = response.get("Location", "")
            if expected == LOGIN:
                if response.status_code != 302 or not location.startswith(reverse("login")):
                    wrong.append(f"{persona}: {response.status_code} {location} (expected the login page)")
            elif response.status_code != expected:
                wrong.append(f"{persona}: {response.status_code} (expected {expected})")
            transaction.set_rollback(True)
    assert not wrong, f"{route.method.upper()} {route.name}: " + "; ".join(wrong)


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "staff", "district_staff", "official"])
def test_admin_site_refuses_non_admins(persona: str, personas: Personas) -> None:
    client = personas.client_for(_user(personas, persona))
    for name in ["admin:index", "admin:meetings_meeting_changelist", "admin:auth_user_changelist"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_admin_site_opens_for_admins(personas: Personas) -> None:
    client = personas.client_for(personas.admin)
    for name in ["admin:index", "admin:meetings_meeting_changelist", "admin:auth_user_changelist"]:
        assert client.get(reverse(name)).status_code == 200
