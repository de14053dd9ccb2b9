"""Stored XSS: script and HTML typed into every text field show as text in pages, API and PDFs."""

from __future__ import annotations

import json
import subprocess
import tempfile
from typing import Any

import pytest
from django.urls import resolve, reverse

from meetings.models import Meeting
from tests.conftest import PASSWORD, Personas
from tests.permissions_matrix import World, urls_answering
from tests.security.conftest import is_download, log_in
from tests.security.hostile import ESCAPED, MARKERS, PAYLOAD, make_hostile


def _readable_urls(world: World, persona: str = "admin") -> list[str]:
    """Every page of the permission matrix a persona may open with GET, the seed meeting's where it may."""
    return urls_answering(persona, world, every_record=False)


def _pdf_text(content: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(content)
        pdf.flush()
        return subprocess.run(["pdftotext", "-layout", pdf.name, "-"], capture_output=True, text=True).stdout


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_every_text_field_is_filled(demo: Meeting) -> None:
    filled = make_hostile(demo)
    for field in ["Meeting.title", "Meeting.venue", "Meeting.summary", "AgendaItem.discussion", "Directive.text"]:
        assert field in filled
    assert "DirectiveUpdate.note" in filled and "Attendance.group_name" in filled


@pytest.mark.parametrize("persona", ["admin", "official", "staff"])
def test_payloads_are_text_in_every_page_api_and_pdf(personas: Personas, demo: Meeting, persona: str) -> None:
    make_hostile(demo)
    client = personas.client_for(getattr(personas, persona))
    world = World.build(admin=personas.admin, seed=demo, seed_first=True)
    urls = _readable_urls(world, persona)
    assert reverse("meetings:detail", args=[demo.pk]) in urls
    shown_escaped = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if resolve(url).view_name in {"directives:attachment", "invitations:document"}:
            continue  # an office's uploaded file, served as it was sent (as a download), never rendered
        kind = response["Content-Type"].split(";")[0]
        assert response["X-Content-Type-Options"] == "nosniff"
        if kind == "text/html":
            body = response.content.decode()
            for marker in MARKERS:
                assert marker not in body, f"{url} renders {marker!r} as HTML"
            shown_escaped += ESCAPED in body
        elif kind == "application/json":
            assert not any(marker in response.content.decode() for marker in MARKERS) or any(
                PAYLOAD in s for s in _strings(json.loads(response.content))
            )
        elif kind == "application/pdf":
            text = _pdf_text(response.content)
            assert "<script>window.__xss=1</script>" in text.replace("\n", ""), url
    assert shown_escaped >= 2  # the meeting page and its history show the payload as visible text


@pytest.mark.e2e
@pytest.mark.parametrize("with_csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_no_payload_script_runs_in_a_real_browser(
    live_server: Any, personas: Personas, demo: Meeting, browser_page: Any, settings: Any, with_csp: bool
) -> None:
    if not with_csp:
        # Prove the escaping alone: without the policy an unescaped payload would run.
        settings.CONTENT_SECURITY_POLICY = None
    make_hostile(demo)
    page = browser_page
    log_in(page, live_server.url, personas.admin.username, PASSWORD)
    world = World.build(admin=personas.admin, seed=demo, seed_first=True)
    for url in _readable_urls(world):
        if is_download(page, live_server.url + url):
            continue
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        assert page.evaluate("window.__xss") is None, f"a payload ran on {url}"
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"], svg[onload]').length") == 0, url
    assert page.dialogs == []
    detail = live_server.url + reverse("meetings:detail", args=[demo.pk])
    page.goto(detail)
    assert "<script>window.__xss=1</script>" in page.inner_text("main")
