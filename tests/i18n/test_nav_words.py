"""No Thai word is broken across lines in the menu, at any page width.

As an admin (who has the most menu items), at desktop, laptop, tablet and phone widths: the text of every menu
item and of the account button lies on one line (a Thai word broken as "การ/ประชุม" puts one item's text on two
lines), and the menu never makes the page scroll sideways.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSWORD, Personas
from tests.security.conftest import log_in

pytestmark = pytest.mark.e2e

WIDTHS = (1366, 1280, 1200, 1024, 992, 768, 390)

# Lines a menu item's text is drawn on: the centres of its text fragments, grouped by line (half a line apart).
LINES = """() => [...document.querySelectorAll('#nav-main .nav-link, #nav-main .btn-user')].map(element => {
  const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const centres = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) if (rect.width > 0) centres.push(rect.top + rect.height / 2);
  }
  centres.sort((a, b) => a - b);
  let lines = 0, last = -Infinity;
  for (const centre of centres) { if (centre - last > lineHeight / 2) lines += 1; last = centre; }
  return {text: element.textContent.replace(/\\s+/g, ' ').trim(), lines};
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_menu_item_stays_on_one_line(live_server: Any, personas: Personas, browser_page: Any, width: int) -> None:
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, personas.admin.username, PASSWORD)
    page.evaluate("document.fonts.ready.then(() => true)")
    if page.is_visible(".navbar-toggler"):
        page.click(".navbar-toggler")
        page.wait_for_selector("#nav-main.show")
    items = page.evaluate(LINES)
    assert len(items) >= 8, items  # seven menu items and the account button
    broken = [item for item in items if item["lines"] != 1]
    assert not broken, f"at {width} px: {broken}"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{width} px scrolls sideways"
