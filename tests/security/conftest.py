"""Real-browser fixtures for the security tests: Debian's Chromium driven by Playwright.

(The browser itself is the session-wide `chromium` fixture of tests/conftest.py: one Playwright per run.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

# Records every Content-Security-Policy violation and every script the payloads could start.
WATCH_SCRIPT = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = e.sourceFile + ':' + e.lineNumber;
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + where);
});
"""


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_SCRIPT)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def log_in(page: Any, base_url: str, username: str, password: str) -> None:
    """Signs in through the login form, as a person would."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("load")


# Types a browser saves rather than shows, whatever the headers say: news feeds and the meeting calendar.
# The OpenAPI schema is YAML (application/vnd.oai.openapi): a browser saves it rather than showing it.
SAVED_TYPES = ("application/rss+xml", "application/atom+xml", "text/calendar", "application/vnd.oai.openapi")


def is_download(page: Any, url: str) -> bool:
    """True for a URL that answers with a file to save (a CSV template, a feed, a calendar): a browser
    cannot navigate to it.

    Fetched with the page's own cookies, so the status is still that persona's.
    """
    response = page.request.get(url)
    saved = response.headers.get("content-type", "").startswith(SAVED_TYPES)
    if "attachment" not in response.headers.get("content-disposition", "") and not saved:
        return False
    assert response.status == 200, url
    return True
