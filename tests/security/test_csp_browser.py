"""The Content-Security-Policy refuses inline scripts and styles, and every page still works under it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.conftest import PASSWORD, Personas
from tests.permissions_matrix import DEMO_PERSONAS, World, urls_answering
from tests.security.conftest import is_download, log_in

pytestmark = pytest.mark.e2e

ADMIN_PAGES = ["admin:index", "admin:meetings_meeting_changelist", "admin:axes_accessattempt_changelist"]


def _violations(page: Any) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_login_page_works_under_the_policy(live_server: Any, personas: Personas, browser_page: Any) -> None:
    page = browser_page
    response = page.goto(live_server.url + reverse("login"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    log_in(page, live_server.url, personas.staff.username, PASSWORD)
    # After login the home page is the dashboard (issue #4).
    assert page.url == live_server.url + reverse("home")
    assert _violations(page) == []


@pytest.mark.parametrize("persona", DEMO_PERSONAS)
def test_every_page_runs_without_a_policy_violation(
    live_server: Any, personas: Personas, demo: Meeting, browser_page: Any, persona: str
) -> None:
    page = browser_page
    user = getattr(personas, persona)
    log_in(page, live_server.url, user.username, PASSWORD)
    world = World.build(admin=personas.admin, seed=demo)
    urls = urls_answering(persona, world)
    if persona == "admin":
        urls += [reverse(name) for name in ADMIN_PAGES]
        urls.append(reverse("admin:meetings_meeting_change", args=[demo.pk]))
    for url in urls:
        if is_download(page, live_server.url + url):
            continue
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page.wait_for_load_state("load")
        assert _violations(page) == [], f"{url}: {_violations(page)}"
        assert "default-src 'self'" in response.headers["content-security-policy"], url


def test_bootstrap_and_htmx_scripts_run_from_static_files(
    live_server: Any, personas: Personas, browser_page: Any
) -> None:
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page, live_server.url, personas.staff.username, PASSWORD)
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.evaluate("typeof window.bootstrap") == "object"
    # The phone menu opens: Bootstrap's collapse script runs under the policy.
    assert not page.is_visible("#nav-main")
    page.click(".navbar-toggler")
    page.wait_for_selector("#nav-main.show")
    assert page.is_visible("#nav-main")
    assert _violations(page) == []


def test_an_injected_inline_script_is_refused(live_server: Any, personas: Personas, browser_page: Any) -> None:
    page = browser_page
    page.goto(live_server.url + reverse("login"))
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        " document.body.appendChild(s); }"
    )
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in _violations(page))
