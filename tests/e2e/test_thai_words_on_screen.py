"""No Thai word is broken across lines in the tables of the lists, on a phone (390 px) and a desktop (1366 px).

Each cell's text is cut into words with the portal's line word list (lib/thai.line_words); in Chromium, every word
of two letters or more is a Range whose client rectangles must all sit on one line. The same pages with the word
markup switched off show broken words, so the check can fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page

from directives.models import Directive
from lamphun_portal.lib import thai
from meetings.models import Meeting, Office
from meetings.words import CACHE_KEY, refresh_line_words
from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROYAL = "สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าพัชรกิติยาภา นเรนทิราเทพยวดี กรมหลวงราชสาริณี สิริพัชร มหาวัชรราชธิดา"
CELLS = "main td, main th[scope=row]"
_THAI = "\u0e01-\u0e4e"

CELL_TEXTS = "(selector) => Array.from(document.querySelectorAll(selector)).map((cell) => cell.textContent)"
# For each cell and each [start, end) word of its textContent: the words whose rectangles are on more than one line.
SPLIT_WORDS = """([selector, spans]) => {
  const cells = Array.from(document.querySelectorAll(selector));
  const split = [];
  cells.forEach((cell, index) => {
    const nodes = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let offset = 0;
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, offset]);
      offset += walker.currentNode.data.length;
    }
    const at = (position, end) => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const [node, start] = nodes[i];
        if (end ? position > start : position >= start) return [node, position - start];
      }
      return null;
    };
    for (const [start, end] of spans[index]) {
      const first = at(start, false), last = at(end, true);
      if (!first || !last) continue;
      const range = document.createRange();
      range.setStart(first[0], first[1]);
      range.setEnd(last[0], last[1]);
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const lines = Array.from(tops).sort((a, b) => a - b);
      if (lines.length > 1 && lines[lines.length - 1] - lines[0] > 4) split.push(cell.textContent.slice(start, end));
    }
  });
  return split;
}"""


def _word_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for piece in thai.line_words(text):
        if len(piece) > 1 and any(_THAI[0] <= char <= _THAI[-1] for char in piece) and not piece.isspace():
            spans.append((position, position + len(piece)))
        position += len(piece)
    return spans


def split_words(page: Page) -> list[str]:
    texts = page.evaluate(CELL_TEXTS, CELLS)
    return page.evaluate(SPLIT_WORDS, [CELLS, [_word_spans(text) for text in texts]])


@pytest.fixture
def royal_records(personas: Any) -> None:
    district = Office.objects.filter(district="ทุ่งหัวช้าง").first()
    meeting = Meeting.objects.filter(status=Meeting.Status.PUBLISHED).order_by("-starts_at").first()
    Meeting.objects.filter(pk=meeting.pk).update(
        title=f"ประชุมขับเคลื่อนโครงการเฉลิมพระเกียรติ{ROYAL} อำเภอทุ่งหัวช้าง",
        venue="ห้องประชุมที่ว่าการอำเภอทุ่งหัวช้าง ตำบลทุ่งหัวช้าง",
    )
    directive = Directive.objects.create(
        meeting=meeting,
        order=99,
        text=f"ให้สำนักงานพัฒนาชุมชนอำเภอทุ่งหัวช้างดำเนินการขับเคลื่อนโครงการเฉลิมพระเกียรติ{ROYAL} ในพื้นที่ตำบลตะเคียนปม",
        due_date=timezone.localdate() + dt.timedelta(days=30),
    )
    if district:
        directive.responsible_offices.add(district)
    cache.delete(CACHE_KEY)  # this test's database, not a list an earlier test left in the cache
    refresh_line_words()


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("path", ["/meetings/", "/meetings/directives/", "/programs/communities/"])
def test_no_thai_word_is_broken_across_lines(
    royal_records: None, new_context: Callable[..., BrowserContext], width: int, path: str
) -> None:
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    log_in(page, "staff1", PASSWORD)
    page.goto(path)
    assert page.locator(CELLS).count() > 0
    assert "สิริพัชร" in page.content() or path == "/programs/communities/"
    screenshot(page, f"thai-words{path.replace('/', '-')}{width}")
    assert split_words(page) == []


def test_the_check_finds_broken_words_without_the_markup(
    royal_records: None, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(viewport={"width": 390, "height": 900}).new_page()
    log_in(page, "staff1", PASSWORD)
    page.goto("/meetings/directives/")
    # The portal's Content-Security-Policy allows no inline <style>; the CSS object model is not inline style.
    page.evaluate(
        """() => {
          document.querySelectorAll(".w").forEach((word) => { word.style.whiteSpace = "normal"; });
          document.querySelectorAll("wbr").forEach((opportunity) => opportunity.remove());
        }"""
    )
    assert split_words(page) != []
