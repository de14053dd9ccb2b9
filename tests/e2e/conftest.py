"""Real-browser fixtures: browser sessions on pytest-django's live server (Chromium: tests/conftest.py).

Playwright's wheel ships its driver; the browser is the system one (/usr/bin/chromium, installed by
scripts/system-deps.sh), so nothing is downloaded. axe-core comes from npm (package.json).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API keeps an event loop running in the test thread; the ORM calls the tests make
# there (fixtures, assertions on the database) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, BrowserContext  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def new_context(chromium: Browser, live_server: Any) -> Iterator[Callable[..., BrowserContext]]:
    """Open a fresh browser session (own cookies) on the live server, Thai locale, axe-core preloaded."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/system-deps.sh (make test does)")
    contexts: list[BrowserContext] = []

    def open_context(**options: Any) -> BrowserContext:
        viewport = {"width": 1280, "height": 900}
        options = {"base_url": live_server.url, "locale": "th-TH", "viewport": viewport, **options}
        context = chromium.new_context(**options)
        # An init script is added by the DevTools protocol, so a Content-Security-Policy does not block it.
        context.add_init_script(path=str(AXE))
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
