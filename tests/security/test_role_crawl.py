"""Nothing links to what the reader cannot open.

As each demo role, follow every link the portal itself shows, starting from the home page, over the demo
data and a meeting in every state of two offices (tests/permissions_matrix.py): no page answers 403 (a link
the reader may not follow), 404 (a dead link) or a server error.
"""

from __future__ import annotations

from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from meetings.models import Meeting
from tests.conftest import Personas
from tests.permissions_matrix import DEMO_PERSONAS, World

# Django's own admin is walked by the admin's tests; static files and uploads are not pages.
NOT_CRAWLED = ("/admin/", "/static/", "/media/")
# Each view is followed for at most this many different URLs (every record of the demo is still reached
# through its own list), and each combination of query parameters of a view for at most a few.
PER_VIEW = 40
PER_QUERY_SHAPE = 3


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_on(page_url: str, html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        url, _ = urldefrag(urljoin(page_url, href))
        parts = urlsplit(url)
        if parts.scheme not in {"", "http"} or parts.netloc not in {"", "testserver"}:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path and not path.startswith(NOT_CRAWLED):
            found.append(path)
    return found


def crawl(client: Client, start: str = "/") -> tuple[dict[str, int], dict[str, str]]:
    """Every page reachable by links from `start`: url -> status, and url -> the page that linked to it."""
    seen: dict[str, int] = {}
    linked_from: dict[str, str] = {start: "(start)"}
    per_view: Counter[str] = Counter()
    per_shape: Counter[tuple[str, tuple[str, ...]]] = Counter()
    queue = deque([start])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        seen[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        for link in links_on(url, response.content.decode("utf-8", errors="replace")):
            if link in seen or link in linked_from:
                continue
            try:
                view = resolve(urlsplit(link).path).view_name
            except Resolver404:
                view = "(unknown)"
            shape = (view, tuple(sorted({pair.split("=")[0] for pair in urlsplit(link).query.split("&") if pair})))
            if per_view[view] >= PER_VIEW or per_shape[shape] >= PER_QUERY_SHAPE:
                continue
            per_view[view] += 1
            per_shape[shape] += 1
            linked_from[link] = url
            queue.append(link)
    return seen, linked_from


@pytest.mark.parametrize("persona", DEMO_PERSONAS)
def test_no_link_leads_to_a_page_the_reader_cannot_open(persona: str, personas: Personas, demo: Meeting) -> None:
    World.build(admin=personas.admin, seed=demo)
    seen, linked_from = crawl(personas.client_for(getattr(personas, persona)))
    assert len(seen) > 30, f"the crawl reached only {len(seen)} pages: {sorted(seen)}"
    broken = {url: status for url, status in seen.items() if status in {403, 404} or status >= 500}
    assert not broken, "\n".join(f"{status} {url} (linked from {linked_from[url]})" for url, status in broken.items())


def test_the_crawl_reaches_every_kind_of_page(personas: Personas, demo: Meeting) -> None:
    """The crawl is worth its name: as an admin it meets the meeting, directive, program and history pages."""
    World.build(admin=personas.admin, seed=demo)
    seen, _ = crawl(personas.client_for(personas.admin))
    views = {resolve(urlsplit(url).path).view_name for url in seen}
    expected = {
        "home",
        "meetings:list",
        "meetings:detail",
        "meetings:edit",
        "history:meeting",
        "directives:list",
        "directives:detail",
        "programs:list",
        "programs:detail",
        "programs:community",
        "news:list",
        "reports:index",
    }
    assert expected <= views, f"not reached: {sorted(expected - views)}"
