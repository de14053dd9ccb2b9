"""Every URL, every persona, every kind of record: the answer in tests/permissions_matrix.py.

The URL configuration is walked, so a URL without an entry fails the suite. Each route is called as every
persona, for every record state (draft, certified, published) of the persona's own office and of another
office; list pages are also read for what they show: another office's draft must not be on them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings.models import Meeting
from tests.conftest import Personas
from tests.permissions_matrix import EXEMPT_NAMESPACES, LOGIN, PERSONAS, ROUTES, Route, Who, World, expected

# URLs with an id that is not a meeting's, a directive's or a meeting photo's.
NOT_ABOUT_A_MEETING = {"api-program-detail", "programs:community", "reports:job", "reports:download"}


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
        "with the answer every persona must get."
    )
    stale = sorted(listed - {name for name, _ in found})
    assert not stale, f"tests/permissions_matrix.py lists URLs that no longer exist: {stale}"


def test_the_matrix_holds_other_offices_drafts_for_every_record_route() -> None:
    """Every URL about a meeting, directive or photo is tried on each record, other offices' drafts included."""
    per_record = {route.name for route in ROUTES if route.per_record}
    for name, pattern in _url_names(get_resolver().url_patterns):
        if "<int:pk>" in pattern and name not in NOT_ABOUT_A_MEETING:
            assert name in per_record, f"{name}: call it once per record of the World (per_record=True)"
    assert {"draft", "certified", "published"} <= {key[1:] for key in ("pdraft", "ocertified", "opublished")}


def _user(personas: Personas, persona: str) -> User | None:
    return None if persona == "anonymous" else getattr(personas, persona)


def _answer_problem(route: Route, persona: str, expected_answer: int | str, response: object) -> str:
    status = response.status_code
    location = response.get("Location", "")
    if expected_answer == LOGIN:
        if status != 302 or not location.startswith(reverse("login")):
            return f"{persona}: {status} {location} (expected the login page)"
        return ""
    if status != expected_answer:
        return f"{persona}: {status} (expected {expected_answer})"
    return ""


def _body(response: object) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", errors="replace")
    return response.content.decode("utf-8", errors="replace")


@pytest.mark.parametrize("route", ROUTES, ids=[route.id for route in ROUTES])
def test_route_answers_each_persona_as_listed(route: Route, personas: Personas, demo: Meeting) -> None:
    """Each persona in its own savepoint, rolled back after: a POST by one never changes what the next sees."""
    world = World.build(admin=personas.admin, seed=demo)
    wrong = []
    for record in world.records if route.per_record else [None]:
        for persona in PERSONAS:
            with transaction.atomic():
                url = reverse(route.name, args=route.args(world, record))
                client: Client = personas.client_for(_user(personas, persona))
                response = getattr(client, route.method)(url, route.data(world, record))
                answer = expected(route, persona, record)
                problem = _answer_problem(route, persona, answer, response)
                if not problem and route.shows and response.status_code == 200:
                    must_show = route.shows(Who(persona, record))
                    shown = record.marker in _body(response)
                    if must_show is not None and shown != must_show:
                        problem = f"{persona}: {'shows' if shown else 'leaves out'} the record"
                if problem:
                    wrong.append(f"[{record.key if record else '-'}] {problem}")
                transaction.set_rollback(True)
    assert not wrong, f"{route.method.upper()} {route.id}: " + "; ".join(wrong)


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
