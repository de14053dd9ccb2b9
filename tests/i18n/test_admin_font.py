"""The admin draws every Thai label in the bundled Sarabun, with room for Thai vowels and tone marks.

Run in Chromium on a machine whose only fonts have no Thai (as the test machines are): without the bundled font
every Thai label of /admin/ would be drawn as empty boxes.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.conftest import PASSWORD, Personas
from tests.security.conftest import log_in

pytestmark = pytest.mark.e2e

# Elements of the admin holding Thai text, by page: the header, the side menu, table heads and cells,
# buttons, form labels and help texts.
PAGES = {
    "admin:index": ["#site-name a", "#user-tools", "caption a", "th[scope=row] a", "#recent-actions-module h2"],
    "admin:meetings_meeting_changelist": [
        "#nav-sidebar caption a",
        "#changelist-filter h2",
        "thead th a",
        "td.field-organizer",
        "#changelist-search input[type=submit]",
        "select[name=action]",
    ],
    "admin:auth_user_add": ["label.required", "div.help", "input[type=submit]", ".breadcrumbs"],
    "admin:meetings_meeting_change": ["#content h2", "fieldset label", ".object-tools a", "textarea"],
}

COMPUTED = """(selector) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const style = getComputedStyle(element);
  return {family: style.fontFamily, size: parseFloat(style.fontSize), lineHeight: style.lineHeight,
          text: element.textContent.trim().slice(0, 40)};
}"""


def _admin_url(name: str, demo: Meeting) -> str:
    return reverse(name, args=[demo.pk] if name.endswith("_change") else [])


def _overlap(page: Any, first: str, second: str) -> bool:
    return page.evaluate(
        """([first, second]) => {
      const a = document.querySelector(first).getBoundingClientRect();
      const b = document.querySelector(second).getBoundingClientRect();
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }""",
        [first, second],
    )


def test_every_thai_label_of_the_admin_is_drawn_in_sarabun(
    live_server: Any, personas: Personas, demo: Meeting, browser_page: Any
) -> None:
    page = browser_page
    log_in(page, live_server.url, personas.admin.username, PASSWORD)
    for name, selectors in PAGES.items():
        page.goto(live_server.url + _admin_url(name, demo))
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")
        # A loaded Sarabun face, and one that draws Thai: document.fonts.check is false while no loaded face
        # covers the characters (and there is no system font with Thai here).
        loaded = page.evaluate(
            "[...document.fonts].filter(f => f.family.replaceAll('\"', '') === 'Sarabun' && f.status === 'loaded')"
            ".map(f => f.weight)"
        )
        assert loaded, f"{name}: no Sarabun face loaded"
        assert page.evaluate("document.fonts.check('16px Sarabun', 'ระบบบันทึกการประชุม')"), name
        for selector in selectors:
            style = page.evaluate(COMPUTED, selector)
            assert style is not None, f"{name}: nothing matches {selector}"
            assert style["family"].replace('"', "").startswith("Sarabun"), f"{name} {selector}: {style}"
            if style["lineHeight"] != "normal" and not selector.startswith(("input", "select", "#changelist-search")):
                ratio = float(style["lineHeight"].removesuffix("px")) / style["size"]
                assert round(ratio, 3) >= 1.6, f"{name} {selector}: line height {ratio:.2f} of the font size, {style}"
        assert page.evaluate("window.__cspViolations") == [], name
    # The long Thai title of the seed meeting takes two lines: the history button does not cover it.
    assert not _overlap(page, "#content h2", ".object-tools")
