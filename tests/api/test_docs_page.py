"""The API's readable documentation at /api/docs/: Swagger UI from the portal's own static files, under the CSP."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.conftest import PASSWORD, Personas
from tests.security.conftest import WATCH_SCRIPT, log_in

pytestmark = pytest.mark.e2e

OPERATIONS = 6  # list and detail of meetings, directives and programs


def test_docs_page_shows_every_operation_without_a_policy_violation(
    live_server: Any, chromium: Any, personas: Personas, demo: Meeting
) -> None:
    context = chromium.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_SCRIPT)
    page = context.new_page()
    requested: list[str] = []
    problems: list[str] = []
    try:
        log_in(page, live_server.url, personas.staff.username, PASSWORD)
        page.on("request", lambda request: requested.append(request.url))
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        response = page.goto(live_server.url + reverse("api-docs"))
        assert response.status == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_selector(".opblock-summary-path", timeout=15_000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert len(paths) == OPERATIONS, paths
        assert any("/api/v1/directives/{id}/" in path.replace("\u200b", "") for path in paths), paths
        text = page.inner_text("body")
        assert "เอกสาร API ระบบบันทึกการประชุม" in page.title()
        assert "รายการข้อสั่งการ" in text and "ข้อสั่งการ" in text
        assert page.evaluate("window.__cspViolations") == []
        assert problems == []
        # Swagger UI, its script and the schema come from the portal itself: no CDN, nothing from outside.
        assert requested and all(url.startswith(live_server.url) for url in requested), requested
    finally:
        context.close()
