"""Shared test fixtures: the demo data and a set of named personas, one per role.

- staff1    เจ้าหน้าที่ of the provincial office (สำนักงานพัฒนาชุมชนจังหวัดลำพูน)
- district1 เจ้าหน้าที่ of the แม่ทา district office
- official1 ผู้บริหาร (reads everything, follows up directives)
- admin1    ผู้ดูแลระบบ (everything)
- other_staff เจ้าหน้าที่ of the ลี้ district office (an office unrelated to staff1's and district1's work)
- outsider  signed in, but with no role and no office
Use them everywhere, like healthchecks' alice/bob/charlie.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from hypothesis import settings as hypothesis_settings

from meetings.demo import data
from meetings.demo.loader import load_demo
from meetings.models import Meeting, Office
from tests.permissions_matrix import make_other_staff

# Property-based tests explore new random input on every run at a desk; CI (.ci/run sets
# HYPOTHESIS_PROFILE=ci) runs the same examples every time, so that a red CI is always reproducible.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PASSWORD = "persona-password-1"


@dataclass
class Personas:
    staff: User
    district_staff: User
    official: User
    admin: User
    outsider: User
    other_staff: User

    def client_for(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client


@pytest.fixture(autouse=True)
def _plain_http(settings: Any) -> None:
    """Tests talk plain HTTP to the test client and live server; production's HTTPS switches stay in
    settings.py (and tests/security/test_deploy_check.py checks them with `check --deploy`)."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Production hashes with PBKDF2 (hundreds of thousands of rounds); tests log in hundreds of times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_export_worker_thread(settings: Any) -> None:
    """A page that queues or polls a PDF export starts a worker thread in the app server; in tests it
    would outlive the test and write to the next one's database. Tests run queued exports with
    reports.jobs.work(); tests/reports/test_cache_and_jobs.py turns the thread on where it tests it."""
    settings.PORTAL_EXPORT_WORKER_THREAD = False


@pytest.fixture(autouse=True)
def _commits_as_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work done after a transaction commits (transaction.on_commit: the search index, queued background
    work) runs in tests when it would run in production.

    A test runs inside a transaction that is never committed, so Django would never run those callbacks.
    Here they run when the portal's own outermost transaction ends well, or at once when the portal opened
    none (autocommit), exactly as on a real database. A transaction that fails still drops them.
    """
    from django.db import transaction
    from django.db.backends.base.base import BaseDatabaseWrapper

    on_commit = BaseDatabaseWrapper.on_commit
    atomic_exit = transaction.Atomic.__exit__

    def only_the_tests_transactions(connection: Any) -> bool:
        return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)

    def on_commit_as_in_production(self: Any, func: Any, robust: bool = False) -> None:
        if self.in_atomic_block and only_the_tests_transactions(self):
            func()
            return
        on_commit(self, func, robust)

    def exit_as_in_production(self: Any, exc_type: Any, exc_value: Any, traceback: Any) -> Any:
        result = atomic_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if not self._from_testcase and connection.in_atomic_block and only_the_tests_transactions(connection):
            callbacks, connection.run_on_commit = connection.run_on_commit, []
            for _savepoints, func, _robust in callbacks:
                func()
        return result

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit_as_in_production)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_as_in_production)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Uploaded files (meeting photos) go to a temporary folder, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def demo(db: None) -> Meeting:
    """The demo data; returns the seed meeting of 17 November 2563."""
    load_demo(with_users=True)
    return Meeting.objects.get(starts_at__date="2020-11-17")


@pytest.fixture
def personas(demo: Meeting) -> Personas:
    users = {name: User.objects.get(username=name) for name in data.DEMO_USERS}
    outsider = User.objects.create_user("outsider", password=PASSWORD)
    other_staff = make_other_staff()
    for user in [*users.values(), other_staff]:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    return Personas(
        staff=users["staff1"],
        district_staff=users["district1"],
        official=users["official1"],
        admin=users["admin1"],
        outsider=outsider,
        other_staff=other_staff,
    )


@pytest.fixture
def provincial_office(demo: Meeting) -> Office:
    return Office.objects.get(name=data.PROVINCIAL)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one for the whole run.

    Playwright's sync API allows one instance per thread, so every browser test (tests/e2e, tests/security)
    shares this one. Its wheel ships the driver; the browser is the system one (scripts/system-deps.sh).
    """
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps.sh (make test does)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
